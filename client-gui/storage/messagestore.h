#pragma once

#include "storage/storedconversation.h"
#include "storage/storedmessage.h"

#include <QDateTime>
#include <QObject>
#include <QString>

class QThread;
class MessageStoreWorker;

// The local copy of every conversation of one server and account (Qt Sql, SQLite), so that
// conversations open at once and can be read offline, and a full-text search over all of them
// (SQLite FTS5 with the trigram tokenizer: any script, CJK included, matches inside words).
// The database work runs on a thread of its own; every answer comes as a signal carrying the
// id its request returned.
//
// Bounded: past a number of messages per conversation, and in all, the oldest are deleted (on
// the store's thread, as part of the write that went over; the search index follows).
class MessageStore : public QObject
{
    Q_OBJECT

public:
    // What a conversation shows when it opens; what a search returns at most.
    static constexpr int LatestLimit = 200;
    static constexpr int SearchLimit = 200;
    // Longer search text is cut: a search is a few words.
    static constexpr int MaxQueryChars = 200;
    // What the conversation list shows from the store at most (the most recent first).
    static constexpr int ConversationsLimit = 50;
    // Messages kept per conversation and in all (QSettings can change them; see setLimits).
    static constexpr int DefaultMaxPerConversation = 100000;
    static constexpr int DefaultMaxMessages = 500000;

    explicit MessageStore(QObject* parent = nullptr);
    ~MessageStore() override;

    // Opens (creating if needed) the database file; closes the one before. Empty: closed.
    void open(const QString& path);
    QString path() const { return m_path; }
    // The database file name of one server and login.
    static QString fileNameFor(const QString& host, quint16 port, const QString& login);

    // At most this many messages per conversation and in all; 0 or less: the default. The
    // oldest beyond go at the next write, and when a database opens.
    void setLimits(int maxPerConversation, int maxMessages);

    // Kept once: by msgid, else by conversation, time, sender and text.
    void append(const QList<StoredMessage>& messages);
    // The newest messages of a conversation, oldest first: latestLoaded(id, …). With a time:
    // the newest up to it (a page of older ones, for a reader scrolling up).
    int loadLatest(const QString& conversation, int limit = LatestLimit,
                   const QDateTime& before = {});
    // Messages whose text contains the query (case-insensitive), newest first; in one
    // conversation, or in all when it is empty: searchFinished(id, …).
    int search(const QString& query, const QString& conversation = {});
    // The conversations with stored messages, the one with the newest message first, each with
    // its newest message's time and msgid: conversationsLoaded(id, …).
    int loadConversations(int limit = ConversationsLimit);

signals:
    void opened(const QString& path, bool ok);
    void latestLoaded(int requestId, const QString& conversation,
                      const QList<StoredMessage>& messages);
    void searchFinished(int requestId, const QString& query, const QList<StoredMessage>& results);
    void conversationsLoaded(int requestId, const QList<StoredConversation>& conversations);

private:
    QThread* m_thread;
    MessageStoreWorker* m_worker;
    QString m_path;
    int m_nextRequest = 1;
};

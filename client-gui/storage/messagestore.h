#pragma once

#include "storage/storedmessage.h"

#include <QObject>
#include <QString>

class QThread;
class MessageStoreWorker;

// The local copy of every conversation of one server and account (Qt Sql, SQLite), so that
// conversations open at once and can be read offline, and a full-text search over all of them
// (SQLite FTS5 with the trigram tokenizer: any script, CJK included, matches inside words).
// The database work runs on a thread of its own; every answer comes as a signal carrying the
// id its request returned.
class MessageStore : public QObject
{
    Q_OBJECT

public:
    // What a conversation shows when it opens; what a search returns at most.
    static constexpr int LatestLimit = 200;
    static constexpr int SearchLimit = 200;
    // Longer search text is cut: a search is a few words.
    static constexpr int MaxQueryChars = 200;

    explicit MessageStore(QObject* parent = nullptr);
    ~MessageStore() override;

    // Opens (creating if needed) the database file; closes the one before. Empty: closed.
    void open(const QString& path);
    QString path() const { return m_path; }
    // The database file name of one server and login.
    static QString fileNameFor(const QString& host, quint16 port, const QString& login);

    // Kept once: by msgid, else by conversation, time, sender and text.
    void append(const QList<StoredMessage>& messages);
    // The newest messages of a conversation, oldest first: latestLoaded(id, …).
    int loadLatest(const QString& conversation, int limit = LatestLimit);
    // Messages whose text contains the query (case-insensitive), newest first; in one
    // conversation, or in all when it is empty: searchFinished(id, …).
    int search(const QString& query, const QString& conversation = {});

signals:
    void opened(const QString& path, bool ok);
    void latestLoaded(int requestId, const QString& conversation,
                      const QList<StoredMessage>& messages);
    void searchFinished(int requestId, const QString& query, const QList<StoredMessage>& results);

private:
    QThread* m_thread;
    MessageStoreWorker* m_worker;
    QString m_path;
    int m_nextRequest = 1;
};

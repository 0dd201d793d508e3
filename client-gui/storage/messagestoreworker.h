#pragma once

#include "storage/storedconversation.h"
#include "storage/storedmessage.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

// MessageStore's database, on the store's thread: one SQLite connection of its own, a table of
// messages and an FTS5 index (trigram) kept in step by triggers. Called only through queued
// invocations; answers with signals. Each write deletes the oldest messages beyond the limits
// (per conversation, in all) in its own transaction; the delete trigger keeps the index in step.
class MessageStoreWorker : public QObject
{
    Q_OBJECT

public:
    explicit MessageStoreWorker(QObject* parent = nullptr);
    ~MessageStoreWorker() override;

public slots:
    void open(const QString& path);
    void close();
    void append(const QList<StoredMessage>& messages);
    void loadLatest(int requestId, const QString& conversation, int limit, const QDateTime& before);
    void search(int requestId, const QString& query, const QString& conversation, int limit);
    void setLimits(int maxPerConversation, int maxMessages);
    void loadConversations(int requestId, int limit);

signals:
    void opened(const QString& path, bool ok);
    void latestLoaded(int requestId, const QString& conversation,
                      const QList<StoredMessage>& messages);
    void searchFinished(int requestId, const QString& query, const QList<StoredMessage>& results);
    void conversationsLoaded(int requestId, const QList<StoredConversation>& conversations);

private:
    bool createSchema();
    // Deletes the oldest messages beyond the limits: of these (folded) conversations, or of
    // every one over it when empty; then in all.
    void prune(const QStringList& conversations);
    static QString foldedConversation(const QString& conversation);

    QString m_connectionName;
    bool m_open = false;
    int m_maxPerConversation = 0; // 0: not set (MessageStore's defaults)
    int m_maxMessages = 0;
    // Rows counted once and then kept up to date by the writes and deletes, so that a write
    // (one live message, often) does not count the conversation's and the whole store's rows
    // again: folded conversation -> rows; the total, -1 until counted.
    QHash<QString, qint64> m_counts;
    qint64 m_total = -1;
};

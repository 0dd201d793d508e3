#pragma once

#include "storage/storedmessage.h"

#include <QObject>
#include <QString>

// MessageStore's database, on the store's thread: one SQLite connection of its own, a table of
// messages and an FTS5 index (trigram) kept in step by triggers. Called only through queued
// invocations; answers with signals.
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
    void loadLatest(int requestId, const QString& conversation, int limit);
    void search(int requestId, const QString& query, const QString& conversation, int limit);

signals:
    void opened(const QString& path, bool ok);
    void latestLoaded(int requestId, const QString& conversation,
                      const QList<StoredMessage>& messages);
    void searchFinished(int requestId, const QString& query, const QList<StoredMessage>& results);

private:
    bool createSchema();
    static QString foldedConversation(const QString& conversation);

    QString m_connectionName;
    bool m_open = false;
};

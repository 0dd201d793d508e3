#pragma once

#include "storage/storedmessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class ConversationModel;
class ConversationStore;
class MessageStore;
class ServerConnection;

// Keeps every conversation in the local MessageStore of the server and login in use: each
// message a conversation receives (live or from the server's history) is written; a
// conversation that opens is filled at once with what was stored, before the server says
// anything. System lines and messages not (yet) sent are not kept.
class MessageArchive : public QObject
{
    Q_OBJECT

public:
    MessageArchive(ServerConnection* connection, ConversationStore* conversations,
                   MessageStore* store, QObject* parent = nullptr);

    MessageStore* store() const { return m_store; }
    // Where the databases are: one file per server and login (default: the application's data
    // directory, "messages").
    void setDirectory(const QString& directory) { m_directory = directory; }
    static QString defaultDirectory();
    // Puts a stored message (a search result) into its conversation, opening it; returns the
    // conversation, the row is its rowOfMsgid() or found by time and text.
    ConversationModel* reveal(const StoredMessage& message);
    // The row of a stored message in its conversation, or -1.
    static int rowOf(const ConversationModel* conversation, const StoredMessage& message);

signals:
    // A conversation got its stored lines (tests, and views that wait for them).
    void conversationRestored(ConversationModel* conversation, int lines);

private:
    void openStoreForLogin();
    void watch(ConversationModel* conversation);
    void onRowsInserted(ConversationModel* conversation, int first, int last);
    void onLatestLoaded(int requestId, const QString& name, const QList<StoredMessage>& messages);
    void insertStored(ConversationModel* conversation, const StoredMessage& message);

    ServerConnection* m_connection;
    ConversationStore* m_conversations;
    MessageStore* m_store;
    QString m_directory = defaultDirectory();
    QHash<int, QPointer<ConversationModel>> m_loading; // request id -> conversation
    ConversationModel* m_inserting = nullptr; // lines that came from the store: not written back
};

#pragma once

#include "storage/storedconversation.h"
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
//
// When the store of a login opens (as the connection starts, before it is up) the conversations
// it has are opened too (the most recent MessageStore::ConversationsLimit), so that they are
// listed and readable offline; their newest stored lines are announced for the history
// catch-up. The store's size limits come from the settings (SettingsKeys::StoreMax…).
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
    // A page of the stored messages older than the oldest the conversation shows (a reader
    // scrolling up): olderRestored once they are in, with how many came (fewer than
    // OlderPageSize: the store has no more). False when there is no store or a page is on its
    // way already.
    bool loadOlder(ConversationModel* conversation);
    static constexpr int OlderPageSize = 100;
    // The row of a stored message in its conversation, or -1.
    static int rowOf(const ConversationModel* conversation, const StoredMessage& message);

signals:
    // A conversation got its stored lines (tests, and views that wait for them).
    void conversationRestored(ConversationModel* conversation, int lines);
    void olderRestored(ConversationModel* conversation, int lines);
    // The stored conversations of the login are being read …
    void storedConversationsRequested();
    // … and were: each is open (in the ConversationStore) now.
    void storedConversationsLoaded(const QList<StoredConversation>& conversations);

private:
    void openStoreForLogin();
    void watch(ConversationModel* conversation);
    void onRowsInserted(ConversationModel* conversation, int first, int last);
    void onLatestLoaded(int requestId, const QString& name, const QList<StoredMessage>& messages);
    void onConversationsLoaded(int requestId, const QList<StoredConversation>& conversations);
    void insertStored(ConversationModel* conversation, const StoredMessage& message,
                      bool older = false);

    ServerConnection* m_connection;
    ConversationStore* m_conversations;
    MessageStore* m_store;
    QString m_directory = defaultDirectory();
    QHash<int, QPointer<ConversationModel>> m_loading; // request id -> conversation
    int m_listing = 0;                                 // the request for the stored conversations
    QHash<int, QPointer<ConversationModel>> m_loadingOlder; // request id -> conversation
    ConversationModel* m_inserting = nullptr; // lines that came from the store: not written back
};

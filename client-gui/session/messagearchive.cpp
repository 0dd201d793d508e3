#include "session/messagearchive.h"

#include "models/chatmessage.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/clientsettings.h"
#include "session/mentionfinder.h"
#include "session/serverconnection.h"
#include "storage/messagestore.h"

#include <QSettings>
#include <QStandardPaths>

MessageArchive::MessageArchive(ServerConnection* connection, ConversationStore* conversations,
                               MessageStore* store, QObject* parent)
    : QObject(parent), m_connection(connection), m_conversations(conversations), m_store(store)
{
    const QSettings settings;
    m_store->setLimits(settings.value(SettingsKeys::StoreMaxPerConversation).toInt(),
                       settings.value(SettingsKeys::StoreMaxMessages).toInt());
    connect(m_connection, &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state) {
                if (state == ServerConnection::State::Connecting)
                    openStoreForLogin();
            });
    connect(m_connection, &ServerConnection::registered, this,
            &MessageArchive::openStoreForLogin); // a guest's nick may differ from the one asked
    connect(m_conversations, &ConversationStore::conversationAdded, this, &MessageArchive::watch);
    connect(m_store, &MessageStore::latestLoaded, this, &MessageArchive::onLatestLoaded);
    connect(m_store, &MessageStore::conversationsLoaded, this,
            &MessageArchive::onConversationsLoaded);
    for (ConversationModel* conversation : m_conversations->conversations())
        watch(conversation);
}

QString MessageArchive::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/messages");
}

void MessageArchive::openStoreForLogin()
{
    const QString login = m_connection->accountMode() == Registration::Mode::Guest
                              ? m_connection->nick()
                              : m_connection->accountName();
    if (m_connection->host().isEmpty() || login.isEmpty())
        return;
    const QString path = m_directory + QLatin1Char('/') +
                         MessageStore::fileNameFor(m_connection->host(), m_connection->port(), login);
    if (path == m_store->path())
        return;
    m_store->open(path);
    // What is on screen already is kept there too; each conversation gets its stored lines.
    for (ConversationModel* conversation : m_conversations->conversations()) {
        onRowsInserted(conversation, 0, conversation->rowCount() - 1);
        m_loading.insert(m_store->loadLatest(conversation->name()), conversation);
    }
    m_listing = m_store->loadConversations();
    emit storedConversationsRequested();
}

void MessageArchive::onConversationsLoaded(int requestId,
                                           const QList<StoredConversation>& conversations)
{
    if (requestId != m_listing)
        return; // the store of a login left since
    m_listing = 0;
    for (const StoredConversation& stored : conversations) {
        if (stored.name.trimmed().isEmpty() || m_connection->isOwnNick(stored.name))
            continue;
        m_conversations->ensure(stored.name, m_connection->isRoomName(stored.name));
    }
    emit storedConversationsLoaded(conversations);
}

void MessageArchive::watch(ConversationModel* conversation)
{
    connect(conversation, &QAbstractItemModel::rowsInserted, this,
            [this, conversation](const QModelIndex&, int first, int last) {
                onRowsInserted(conversation, first, last);
            });
    connect(conversation, &QAbstractItemModel::dataChanged, this,
            [this, conversation](const QModelIndex& topLeft, const QModelIndex& bottomRight) {
                // A message typed offline is kept once it was sent.
                onRowsInserted(conversation, topLeft.row(), bottomRight.row());
            });
    if (!m_store->path().isEmpty())
        m_loading.insert(m_store->loadLatest(conversation->name()), conversation);
}

void MessageArchive::onRowsInserted(ConversationModel* conversation, int first, int last)
{
    if (conversation == m_inserting || m_store->path().isEmpty())
        return;
    using Kind = ConversationModel::Kind;
    QList<StoredMessage> messages;
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = conversation->index(row);
        const auto kind = index.data(ConversationModel::KindRole).value<Kind>();
        const auto status =
            index.data(ConversationModel::StatusRole).value<ConversationModel::Status>();
        if (kind == Kind::System || kind == Kind::Error ||
            status != ConversationModel::Status::Sent)
            continue;
        StoredMessage message;
        message.conversation = conversation->name();
        message.time = index.data(ConversationModel::TimeRole).toDateTime();
        message.sender = index.data(ConversationModel::SenderRole).toString();
        message.senderName = index.data(ConversationModel::SenderNameRole).toString();
        message.text = index.data(ConversationModel::TextRole).toString();
        message.kind = int(kind);
        message.isOwn = index.data(ConversationModel::IsOwnRole).toBool();
        message.msgid = index.data(ConversationModel::MsgidRole).toString();
        messages.append(message);
    }
    m_store->append(messages);
}

bool MessageArchive::loadOlder(ConversationModel* conversation)
{
    if (m_store->path().isEmpty())
        return false;
    for (const QPointer<ConversationModel>& loading : std::as_const(m_loadingOlder)) {
        if (loading == conversation)
            return false;
    }
    m_loadingOlder.insert(m_store->loadLatest(conversation->name(), OlderPageSize,
                                              conversation->oldestMessageTime()),
                          conversation);
    return true;
}

void MessageArchive::onLatestLoaded(int requestId, const QString&,
                                    const QList<StoredMessage>& messages)
{
    if (const QPointer<ConversationModel> older = m_loadingOlder.take(requestId); older) {
        // Newest first, each above the one before: the view keeps its place, the model its
        // msgid index, at one step per line.
        for (auto it = messages.crbegin(); it != messages.crend(); ++it) {
            if (rowOf(older, *it) < 0)
                insertStored(older, *it, true);
        }
        emit olderRestored(older, int(messages.size()));
        return;
    }
    const QPointer<ConversationModel> conversation = m_loading.take(requestId);
    if (!conversation)
        return;
    int restored = 0;
    for (const StoredMessage& message : messages) {
        if (rowOf(conversation, message) >= 0)
            continue; // on screen already (live, or from the server's history)
        insertStored(conversation, message);
        ++restored;
    }
    emit conversationRestored(conversation, restored);
}

void MessageArchive::insertStored(ConversationModel* conversation, const StoredMessage& message,
                                  bool older)
{
    ChatMessage line;
    line.time = message.time;
    line.sender = message.sender;
    line.senderName = message.senderName;
    line.target = conversation->name();
    line.text = message.text;
    line.msgid = message.msgid;
    line.isAction = message.kind == int(ConversationModel::Kind::Action);
    line.isNotice = message.kind == int(ConversationModel::Kind::Notice);
    line.isOwn = message.isOwn;
    // A mention in a room is marked again as it is shown (the store keeps the text, not the mark).
    line.isMention = conversation->isRoom() && !message.isOwn &&
                     MentionFinder::mentions(message.text, m_connection->nick(),
                                             m_connection->caseMapping());
    m_inserting = conversation;
    if (older)
        conversation->insertOlderMessage(line);
    else
        conversation->insertMessage(line);
    m_inserting = nullptr;
}

int MessageArchive::rowOf(const ConversationModel* conversation, const StoredMessage& message)
{
    if (!message.msgid.isEmpty())
        return conversation->rowOfMsgid(message.msgid);
    for (int row = conversation->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = conversation->index(row);
        if (index.data(ConversationModel::TimeRole).toDateTime() == message.time &&
            index.data(ConversationModel::TextRole).toString() == message.text &&
            index.data(ConversationModel::SenderRole).toString() == message.sender)
            return row;
    }
    return -1;
}

ConversationModel* MessageArchive::reveal(const StoredMessage& message)
{
    ConversationModel* conversation = m_conversations->find(message.conversation);
    if (!conversation) {
        conversation = m_conversations->ensure(message.conversation,
                                               m_connection->isRoomName(message.conversation));
    }
    if (rowOf(conversation, message) < 0)
        insertStored(conversation, message);
    return conversation;
}

#include "chatcontroller.h"

#include "clientlogging.h"
#include "clientsettings.h"
#include "contactlistmodel.h"
#include "conversationstore.h"
#include "ircnumerics.h"
#include "ircvalidation.h"
#include "roomlistmodel.h"

ChatController::ChatController(QObject* parent)
    : QObject(parent), m_connection(new ServerConnection(this)),
      m_contacts(new ContactListModel(this)), m_rooms(new RoomListModel(this)),
      m_conversations(new ConversationStore(this))
{
    ServerConnection* c = m_connection;
    connect(c, &ServerConnection::registered, this, &ChatController::onRegistered);
    connect(c, &ServerConnection::stateChanged, this, &ChatController::onStateChanged);
    connect(c, &ServerConnection::privateMessage, this, &ChatController::onPrivateMessage);
    connect(c, &ServerConnection::roomMessage, this, &ChatController::onRoomMessage);
    connect(c, &ServerConnection::messageQueued, this, &ChatController::onMessageQueued);
    connect(c, &ServerConnection::queuedMessageSent, this, [this](quint64 id) {
        m_conversations->setQueuedStatus(id, ConversationModel::Status::Sent);
    });
    connect(c, &ServerConnection::queuedMessageFailed, this, [this](quint64 id) {
        m_conversations->setQueuedStatus(id, ConversationModel::Status::Failed);
    });
    connect(c, &ServerConnection::roomJoined, this, &ChatController::onRoomJoined);
    connect(c, &ServerConnection::roomLeft, this, &ChatController::onRoomLeft);
    connect(c, &ServerConnection::userJoined, this, &ChatController::onUserJoined);
    connect(c, &ServerConnection::userLeft, this, &ChatController::onUserLeft);
    connect(c, &ServerConnection::userKicked, this, &ChatController::onUserKicked);
    connect(c, &ServerConnection::userQuit, this, &ChatController::onUserQuit);
    connect(c, &ServerConnection::nickChanged, this, &ChatController::onNickChanged);
    connect(c, &ServerConnection::awayChanged, this, &ChatController::onAwayChanged);
    connect(c, &ServerConnection::topicChanged, this, &ChatController::onTopicChanged);
    connect(c, &ServerConnection::nameRejected, this, &ChatController::onNameRejected);
    connect(c, &ServerConnection::serverInfo, this, &ChatController::onServerInfo);
    connect(c, &ServerConnection::namesReceived, this,
            [this](const QString& room, const QStringList& nicks) {
                syncCaseMapping();
                m_contacts->setMembers(room, nicks);
            });
    connect(c, &ServerConnection::membersCleared, this, [this] {
        m_contacts->clear();
        m_rooms->setAllJoined(false);
    });
    connect(m_conversations, &ConversationStore::conversationAdded, this,
            &ChatController::onConversationAdded);
}

void ChatController::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active && m_active)
        m_active->markRead();
}

void ChatController::setActiveConversation(ConversationModel* conversation)
{
    m_active = conversation;
    if (conversation && m_windowActive)
        conversation->markRead();
}

void ChatController::syncCaseMapping()
{
    const IrcCaseMapping mapping = m_connection->caseMapping();
    m_contacts->setCaseMapping(mapping);
    m_rooms->setCaseMapping(mapping);
    m_conversations->setCaseMapping(mapping);
}

void ChatController::onConversationAdded(ConversationModel* conversation)
{
    connect(conversation, &ConversationModel::unreadCountChanged, this,
            [this, conversation](int count) {
                if (conversation->isRoom())
                    m_rooms->setUnreadCount(conversation->name(), count);
                else
                    m_contacts->setUnreadCount(conversation->name(), count);
            });
}

void ChatController::countUnread(ConversationModel* conversation, bool own)
{
    if (own)
        return;
    if (conversation == m_active && m_windowActive)
        return;
    conversation->addUnread();
}

// ---- connection events ----------------------------------------------------------------------

void ChatController::onRegistered(const QString& nick)
{
    syncCaseMapping();
    m_contacts->setOwnNick(nick);
    // Everyone meets in #lobby: confabd puts us there itself, other servers may not (a JOIN
    // for a room we are already in is ignored).
    if (m_connection->rooms().isEmpty())
        m_connection->join(ClientDefaults::Room);
    if (m_lostConnection) {
        m_lostConnection = false;
        for (ConversationModel* conversation : m_conversations->conversations())
            conversation->appendSystem(tr("Connected again"));
    }
}

void ChatController::onStateChanged(ServerConnection::State state)
{
    if (state != ServerConnection::State::Reconnecting &&
        state != ServerConnection::State::Disconnected)
        return;
    if (m_lostConnection)
        return;
    m_lostConnection = true;
    const QString text = state == ServerConnection::State::Reconnecting
                             ? tr("Disconnected from the server — reconnecting…")
                             : tr("Disconnected from the server");
    for (ConversationModel* conversation : m_conversations->conversations())
        conversation->appendSystem(text);
}

void ChatController::onPrivateMessage(const ChatMessage& message)
{
    const QString peer = message.isOwn ? message.target : message.sender;
    ConversationModel* conversation = m_conversations->ensure(peer, false);
    conversation->appendMessage(message);
    countUnread(conversation, message.isOwn);
    if (!message.isOwn) {
        m_lastPrivateSender = peer;
        emit privateMessageArrived(peer, message.text);
    }
}

void ChatController::onRoomMessage(const ChatMessage& message)
{
    ConversationModel* conversation = m_conversations->ensure(message.target, true);
    conversation->appendMessage(message);
    countUnread(conversation, message.isOwn);
}

void ChatController::onMessageQueued(const ChatMessage& message)
{
    const bool isRoom = m_connection->isRoomName(message.target);
    m_conversations->ensure(message.target, isRoom)->appendMessage(message);
}

void ChatController::onRoomJoined(const QString& room)
{
    syncCaseMapping();
    m_rooms->addRoom(room);
    ConversationModel* conversation = m_conversations->find(room);
    const bool isNew = conversation == nullptr;
    conversation = m_conversations->ensure(room, true);
    conversation->appendSystem(tr("You joined %1").arg(room));
    const bool requested = m_connection->caseMapping().equals(room, m_requestedRoom);
    if (requested)
        m_requestedRoom.clear();
    if (requested || (isNew && (!m_active || m_active->rowCount() == 0)))
        emit conversationRequested(conversation);
}

void ChatController::onRoomLeft(const QString& room, const QString& reason)
{
    m_rooms->removeRoom(room);
    m_contacts->removeRoom(room);
    if (ConversationModel* conversation = m_conversations->find(room)) {
        conversation->appendSystem(reason.isEmpty() ? tr("You left %1").arg(room)
                                                    : tr("You left %1: %2").arg(room, reason));
    }
}

void ChatController::onUserJoined(const QString& room, const QString& nick)
{
    m_contacts->addMember(room, nick);
    m_conversations->ensure(room, true)->appendSystem(tr("%1 joined").arg(nick));
}

void ChatController::onUserLeft(const QString& room, const QString& nick, const QString& reason)
{
    m_contacts->removeMember(room, nick);
    if (ConversationModel* conversation = m_conversations->find(room)) {
        conversation->appendSystem(reason.isEmpty() ? tr("%1 left").arg(nick)
                                                    : tr("%1 left: %2").arg(nick, reason));
    }
}

void ChatController::onUserKicked(const QString& room, const QString& nick, const QString& by,
                                  const QString& reason)
{
    m_contacts->removeMember(room, nick);
    if (ConversationModel* conversation = m_conversations->find(room)) {
        conversation->appendSystem(tr("%1 was removed from %2 by %3: %4")
                                       .arg(nick, room, by, reason.isEmpty() ? nick : reason));
    }
}

void ChatController::onUserQuit(const QString& nick, const QString& reason,
                                const QStringList& rooms)
{
    m_contacts->removeUser(nick);
    // Servers mark a reason the user typed with "Quit: " (and their own, such as
    // "Ping timeout", without it); the user's own words are shown as they were typed.
    QString shown = reason;
    if (shown.startsWith(QLatin1String("Quit: ")))
        shown.remove(0, 6);
    else if (shown == QLatin1String("Quit:") || shown == QLatin1String("Client Quit"))
        shown.clear();
    const QString text = shown.isEmpty() ? tr("%1 left the chat").arg(nick)
                                         : tr("%1 left the chat: %2").arg(nick, shown);
    for (const QString& room : rooms) {
        if (ConversationModel* conversation = m_conversations->find(room))
            conversation->appendSystem(text);
    }
    if (ConversationModel* conversation = m_conversations->find(nick))
        conversation->appendSystem(text);
}

void ChatController::onNickChanged(const QString& oldNick, const QString& newNick,
                                   const QStringList& rooms)
{
    const bool own = m_connection->isOwnNick(newNick);
    const QString text =
        own ? tr("You are now known as %1").arg(newNick) : tr("%1 is now %2").arg(oldNick, newNick);
    if (own) {
        m_contacts->setOwnNick(newNick);
        for (ConversationModel* conversation : m_conversations->conversations())
            conversation->appendSystem(text);
        return;
    }
    m_contacts->renameUser(oldNick, newNick);
    for (const QString& room : rooms) {
        if (ConversationModel* conversation = m_conversations->find(room))
            conversation->appendSystem(text);
    }
    if (ConversationModel* conversation = m_conversations->find(oldNick)) {
        m_conversations->rename(oldNick, newNick);
        conversation->appendSystem(text);
        m_contacts->setUnreadCount(conversation->name(), conversation->unreadCount());
    }
    if (m_connection->caseMapping().equals(m_lastPrivateSender, oldNick))
        m_lastPrivateSender = newNick;
}

void ChatController::onAwayChanged(const QString& nick, bool away, const QString& message)
{
    if (m_connection->isOwnNick(nick)) {
        showInfo(away ? tr("You are marked as away") : tr("You are back"));
        return;
    }
    const bool changed = m_contacts->isAway(nick) != away;
    m_contacts->setAway(nick, away, message);
    ConversationModel* conversation = m_conversations->find(nick);
    if (changed && conversation) {
        conversation->appendSystem(away ? (message.isEmpty()
                                               ? tr("%1 is away").arg(nick)
                                               : tr("%1 is away: %2").arg(nick, message))
                                        : tr("%1 is back").arg(nick));
    }
}

void ChatController::onTopicChanged(const QString& room, const QString& topic, const QString& setBy)
{
    m_rooms->setTopic(room, topic);
    ConversationModel* conversation = m_conversations->find(room);
    if (!conversation)
        return;
    if (!setBy.isEmpty())
        conversation->appendSystem(topic.isEmpty()
                                       ? tr("%1 cleared the topic").arg(setBy)
                                       : tr("%1 changed the topic to: %2").arg(setBy, topic));
    else if (!topic.isEmpty())
        conversation->appendSystem(tr("Topic: %1").arg(topic));
}

void ChatController::onNameRejected(const QString& nick, int code, const QString& reason)
{
    if (!m_connection->isRegistered())
        return; // the login dialog shows it
    if (code == IrcNumeric::ERR_NICKNAMEINUSE)
        showInfo(tr("The name %1 is already taken").arg(nick), true);
    else
        showInfo(tr("The name %1 cannot be used: %2").arg(nick, reason), true);
}

void ChatController::onServerInfo(const QString& text)
{
    if (m_connection->isRegistered())
        showInfo(text);
}

void ChatController::showInfo(const QString& text, bool error)
{
    ConversationModel* conversation = m_active;
    if (!conversation && !m_conversations->conversations().isEmpty())
        conversation = m_conversations->conversations().constFirst();
    if (!conversation)
        return;
    if (error)
        conversation->appendError(text);
    else
        conversation->appendSystem(text);
}

// ---- user actions -----------------------------------------------------------------------------

QString ChatController::activeTarget() const
{
    return m_active ? m_active->name() : QString();
}

void ChatController::submitInput(const QString& line)
{
    execute(CommandParser::parse(line));
}

void ChatController::sendText(const QString& text)
{
    CommandParser::Command command;
    command.kind = CommandParser::Kind::Message;
    command.text = text;
    execute(command);
}

void ChatController::openPrivateConversation(const QString& nick)
{
    if (nick.isEmpty() || m_connection->isOwnNick(nick))
        return;
    const bool isRoom = m_connection->isRoomName(nick);
    emit conversationRequested(m_conversations->ensure(nick, isRoom));
}

void ChatController::replyToLast()
{
    if (m_lastPrivateSender.isEmpty()) {
        showInfo(tr("Nobody has written to you privately yet"));
        return;
    }
    openPrivateConversation(m_lastPrivateSender);
}

void ChatController::execute(const CommandParser::Command& command)
{
    using Kind = CommandParser::Kind;
    const QString target = activeTarget();
    switch (command.kind) {
    case Kind::Empty:
        return;
    case Kind::Message:
    case Kind::Action:
        if (target.isEmpty()) {
            showInfo(tr("Choose a room or a person first"), true);
            return;
        }
        if (command.kind == Kind::Action)
            m_connection->sendAction(target, command.text);
        else
            m_connection->sendMessage(target, command.text);
        return;
    case Kind::PrivateMessage:
        openPrivateConversation(command.target);
        m_connection->sendMessage(command.target, command.text);
        return;
    case Kind::SwitchTo:
        openPrivateConversation(command.target);
        if (!command.text.isEmpty())
            m_connection->sendMessage(command.target, command.text);
        return;
    case Kind::Nick: {
        const IrcValidation::Reason reason =
            IrcValidation::checkNick(command.target, m_connection->serverSupport().nickLength());
        if (reason != IrcValidation::Reason::Valid) {
            showInfo(tr("%1 cannot be used as a name").arg(command.target), true);
            return;
        }
        m_connection->setNick(command.target);
        return;
    }
    case Kind::Join:
        if (IrcValidation::checkChannel(command.target) != IrcValidation::Reason::Valid) {
            showInfo(tr("%1 is not a valid room name").arg(command.target), true);
            return;
        }
        if (ConversationModel* existing = m_conversations->find(command.target);
            existing && m_rooms->isJoined(command.target))
            emit conversationRequested(existing);
        m_requestedRoom = command.target;
        m_connection->join(command.target);
        return;
    case Kind::Part: {
        const QString room = command.target.isEmpty() ? target : command.target;
        if (room.isEmpty() || !m_connection->isRoomName(room)) {
            showInfo(tr("Use /part in a room, or name the room: /part #room"), true);
            return;
        }
        m_connection->part(room, command.text);
        return;
    }
    case Kind::Topic: {
        const QString room = command.target.isEmpty() ? target : command.target;
        if (room.isEmpty() || !m_connection->isRoomName(room)) {
            showInfo(tr("Use /topic in a room, or name the room: /topic #room text"), true);
            return;
        }
        if (command.text.isEmpty()) {
            const QString topic = m_rooms->topic(room);
            showInfo(topic.isEmpty() ? tr("%1 has no topic").arg(room)
                                     : tr("Topic of %1: %2").arg(room, topic));
        } else {
            m_connection->setTopic(room, command.text);
        }
        return;
    }
    case Kind::Away:
        m_connection->setAway(command.text);
        return;
    case Kind::Quit:
        m_connection->disconnectFromServer(command.text);
        emit quitRequested();
        return;
    case Kind::Help:
        showInfo(tr("Type a message and press Enter. Commands: /msg name text, /me action, "
                    "/nick newname, /join #room, /part [reason], /topic text, /away [reason], "
                    "/quit [reason], to:name to talk to someone."));
        return;
    case Kind::MissingArgument:
        showInfo(tr("/%1 needs more: type /help to see how to use it").arg(command.command), true);
        return;
    case Kind::Unknown:
        showInfo(tr("Unknown command /%1 — type /help for the list").arg(command.command), true);
        return;
    }
}

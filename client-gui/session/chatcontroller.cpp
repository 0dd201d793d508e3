#include "session/chatcontroller.h"

#include "connection/clientlogging.h"
#include "files/filepreviews.h"
#include "files/filesharing.h"
#include "ircnumerics.h"
#include "models/contactlistmodel.h"
#include "models/conversationstore.h"
#include "models/memberlistmodel.h"
#include "models/roomdirectorymodel.h"
#include "models/roomlistmodel.h"
#include "session/clientsettings.h"
#include "session/contactbook.h"
#include "session/eventformatter.h"
#include "session/helpinput.h"
#include "session/infoinput.h"
#include "session/memberlistupdater.h"
#include "session/mentionfinder.h"
#include "session/messagearchive.h"
#include "session/messageinput.h"
#include "session/preferences.h"
#include "session/presencetracker.h"
#include "session/readmarkersync.h"
#include "session/roominput.h"
#include "session/typingnotifier.h"
#include "session/typingtracker.h"
#include "session/userinput.h"

#include "storage/messagestore.h"

#include <QSettings>

ChatController::ChatController(QObject* parent)
    : QObject(parent), m_connection(new ServerConnection(this)),
      m_contacts(new ContactListModel(this)), m_rooms(new RoomListModel(this)),
      m_directory(new RoomDirectoryModel(this)), m_preferences(new Preferences(this)),
      m_conversations(new ConversationStore(this)),
      m_history(new HistoryFetcher(m_connection, this)),
      m_readMarkers(new ReadMarkerSync(m_connection, this)),
      m_fileSharing(new FileSharing(m_connection, this)),
      m_filePreviews(new FilePreviews(m_connection, m_fileSharing, this))
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
    connect(c, &ServerConnection::awayReplyReceived, this, &ChatController::onAwayReply);
    connect(c, &ServerConnection::messageNotDelivered, this,
            &ChatController::onMessageNotDelivered);
    connect(c, &ServerConnection::targetUnavailable, this,
            [this](const QString& target, int code, const QString& reason) {
                if (m_connection->isRegistered())
                    showInfo(EventFormatter::unavailable(target, code, reason), true);
            });
    connect(c, &ServerConnection::topicChanged, this, &ChatController::onTopicChanged);
    connect(c, &ServerConnection::nameRejected, this, &ChatController::onNameRejected);
    connect(c, &ServerConnection::serverInfo, this, &ChatController::onServerInfo);
    connect(c, &ServerConnection::whoisReceived, this, &ChatController::onWhoisReceived);
    connect(c, &ServerConnection::roomListed, m_directory, &RoomDirectoryModel::addRoom);
    connect(c, &ServerConnection::roomListEnded, m_directory, &RoomDirectoryModel::finish);
    connect(c, &ServerConnection::namesReceived, this,
            [this](const QString&, const QStringList& nicks) {
                syncCaseMapping();
                learnRealNames(nicks);
            });
    connect(c, &ServerConnection::realNameChanged, this,
            [this](const QString& nick) { m_contacts->setDisplayName(nick, displayNameOf(nick)); });
    connect(c, &ServerConnection::membersCleared, this, [this] { m_rooms->setAllJoined(false); });
    connect(c, &ServerConnection::recipientOffline, this, &ChatController::onRecipientOffline);
    connect(c, &ServerConnection::readMarkerReceived, this, &ChatController::onReadMarker);
    connect(m_history, &HistoryFetcher::historyReceived, this, &ChatController::onHistory);
    connect(m_conversations, &ConversationStore::conversationAdded, this,
            &ChatController::onConversationAdded);

    m_inputHandlers.push_back(std::make_unique<MessageInput>(this));
    m_inputHandlers.push_back(std::make_unique<RoomInput>(this));
    m_inputHandlers.push_back(std::make_unique<UserInput>(this));
    m_inputHandlers.push_back(std::make_unique<InfoInput>(this));
    m_inputHandlers.push_back(std::make_unique<HelpInput>(this));
    createContactsAndMembers(); // after the connections above: its slots run after this class's
}

void ChatController::createContactsAndMembers()
{
    m_contactBook = new ContactBook(this);
    m_presence = new PresenceTracker(m_connection, m_contactBook, this);
    m_members = new MemberListModel(this);
    m_memberUpdater = new MemberListUpdater(
        m_connection, m_members, [this](const QString& nick) { return displayNameOf(nick); }, this);
    m_typingNotifier = new TypingNotifier(m_connection, this);
    m_typingTracker = new TypingTracker(m_connection, this);
    m_typingNotifier->setRecipientCheck([this](const QString& target) {
        if (m_connection->isRoomName(target))
            return !m_connection->members(target).isEmpty(); // joined
        return !m_connection->network().roomsOf(target).isEmpty() ||
               m_presence->presence(target).isOnline();
    });

    const auto showContact = [this](const QString& name) {
        m_contacts->setPresence(name, m_presence->presence(name));
        const QString displayName = displayNameOf(name);
        if (!displayName.isEmpty()) // kept while they are away from our rooms
            m_contacts->setDisplayName(name, displayName);
    };
    connect(m_contactBook, &ContactBook::reset, this, [this, showContact] {
        m_contacts->setContacts(m_contactBook->names());
        for (const QString& name : m_contactBook->names())
            showContact(name);
    });
    connect(m_contactBook, &ContactBook::added, this, [this, showContact](const QString& name) {
        m_contacts->addContact(name);
        showContact(name);
    });
    connect(m_contactBook, &ContactBook::removed, m_contacts, &ContactListModel::removeContact);
    connect(m_presence, &PresenceTracker::presenceChanged, this, showContact);
    // Contacts are kept per server: those of the last one until another is chosen.
    connect(m_connection, &ServerConnection::stateChanged, this, [this] {
        const QString host = m_connection->host().trimmed().toLower();
        if (!host.isEmpty() && host != m_contactBook->server())
            m_contactBook->load(host);
    });
    m_contactBook->load(
        QSettings().value(SettingsKeys::Host, ClientDefaults::Host).toString().trimmed().toLower());
}

void ChatController::addContact(const QString& name)
{
    switch (m_contactBook->add(name)) {
    case ContactBook::AddResult::Added:
        break;
    case ContactBook::AddResult::AlreadyThere:
        showInfo(tr("%1 is one of your contacts already").arg(name.trimmed()));
        break;
    case ContactBook::AddResult::Invalid:
        showInfo(tr("“%1” is not a name people can have").arg(name.trimmed()), true);
        break;
    case ContactBook::AddResult::Full:
        showInfo(tr("You have %1 contacts, as many as can be kept: remove one first")
                     .arg(ContactBook::MaxContacts),
                 true);
        break;
    }
}

void ChatController::removeContact(const QString& name)
{
    m_contactBook->remove(name);
}

MessageArchive* ChatController::enableArchive(const QString& directory)
{
    if (!m_archive) {
        m_archive = new MessageArchive(m_connection, m_conversations, new MessageStore(this), this);
        if (!directory.isEmpty())
            m_archive->setDirectory(directory);
        // After a restart the catch-up starts from the newest stored lines; the stored rooms are
        // listed, not joined until the server says so.
        connect(m_archive, &MessageArchive::storedConversationsRequested, m_history,
                &HistoryFetcher::holdCatchUp);
        connect(m_archive, &MessageArchive::storedConversationsLoaded, this,
                [this](const QList<StoredConversation>& stored) {
                    for (const StoredConversation& conversation : stored) {
                        m_history->seedNewest(conversation.name, conversation.newestTime,
                                              conversation.newestMsgid);
                        const QString& name = conversation.name;
                        if (m_connection->isRoomName(name) && !m_rooms->contains(name)) {
                            m_rooms->addRoom(name);
                            m_rooms->setJoined(name, false);
                        }
                    }
                    m_history->releaseCatchUp();
                });
        // Scrolling up reads the store first; once it has nothing older, the server.
        connect(m_archive, &MessageArchive::olderRestored, this,
                [this](ConversationModel* conversation, int lines) {
                    if (lines < MessageArchive::OlderPageSize)
                        requestOlderFromServer(conversation);
                });
    }
    return m_archive;
}

ChatController::~ChatController() = default;

void ChatController::setWindowActive(bool active)
{
    m_windowActive = active;
    if (active && m_active) {
        m_active->placeDivider();
        noteRead(m_active);
    }
}

void ChatController::setActiveConversation(ConversationModel* conversation)
{
    m_active = conversation;
    const QString name = conversation ? conversation->name() : QString();
    m_memberUpdater->setRoom(conversation && conversation->isRoom() ? name : QString());
    m_typingNotifier->setTarget(name);
    if (conversation && m_windowActive) {
        conversation->placeDivider();
        noteRead(conversation);
    }
}

void ChatController::noteRead(ConversationModel* conversation)
{
    conversation->markRead();
    m_readMarkers->markRead(conversation->name(), conversation->readMarker());
}

void ChatController::syncCaseMapping()
{
    const IrcCaseMapping mapping = m_connection->caseMapping();
    m_contacts->setCaseMapping(mapping);
    m_contactBook->setCaseMapping(mapping);
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
    connect(conversation, &ConversationModel::nameChanged, this, [this, conversation] {
        if (conversation == m_active) // a rename: typing goes to the new name
            m_typingNotifier->setTarget(conversation->name());
    });
}

void ChatController::countUnread(ConversationModel* conversation, bool own)
{
    if (conversation == m_active && m_windowActive) {
        noteRead(conversation);
        return;
    }
    if (own)
        return;
    conversation->addUnread();
}

// Missed messages and older pages, merged by msgid and server time. What came while away counts
// as unread when it is newer than the read marker (or, in a private conversation without one,
// all of it); in the conversation on screen it is marked with the divider instead.
void ChatController::onHistory(const QString& target, bool isRoom,
                               const QList<ChatMessage>& messages, HistoryFetcher::Kind kind)
{
    if (messages.isEmpty())
        return;
    syncCaseMapping();
    ConversationModel* conversation = m_conversations->ensure(target, isRoom);
    const QDateTime marker = conversation->readMarker();
    int unread = 0;
    QDateTime firstUnread;
    const bool older = kind == HistoryFetcher::Kind::Older;
    // An older page goes above what is shown: newest first, each before its equals in time.
    for (qsizetype i = 0; i < messages.size(); ++i) {
        const ChatMessage& message = messages.at(older ? messages.size() - 1 - i : i);
        ChatMessage shown = message;
        shown.senderName = displayNameOf(message.sender);
        shown.isMention = isRoom && !message.isOwn &&
                          MentionFinder::mentions(message.text, m_connection->nick(),
                                                  m_connection->caseMapping());
        if (!(older ? conversation->insertOlderMessage(shown) : conversation->insertMessage(shown)))
            continue; // seen already (same msgid)
        const bool isNew = marker.isValid() ? shown.time > marker : !isRoom;
        if (older || shown.isOwn || !isNew)
            continue;
        if (!firstUnread.isValid())
            firstUnread = shown.time;
        ++unread;
    }
    if (unread == 0)
        return;
    if (conversation == m_active && m_windowActive) {
        conversation->placeDividerAt(firstUnread);
        noteRead(conversation);
        return;
    }
    for (int i = 0; i < unread; ++i)
        conversation->addUnread();
}

void ChatController::onReadMarker(const QString& target, const QDateTime& time)
{
    if (ConversationModel* conversation = m_conversations->find(target))
        conversation->setReadMarker(time);
}

// confabd keeps a message to an account nobody is logged in to: said once, until they write.
void ChatController::onRecipientOffline(const QString& nick)
{
    const QString folded = m_connection->fold(nick);
    if (m_offlineNoted.contains(folded))
        return;
    m_offlineNoted.insert(folded);
    m_conversations->ensure(nick, false)->appendSystem(EventFormatter::deliveredWhenBack(nick));
}

void ChatController::loadOlder(ConversationModel* conversation)
{
    // What this computer keeps comes first, at once; the server is asked once it has no more.
    if (conversation && !(m_archive && m_archive->loadOlder(conversation)))
        requestOlderFromServer(conversation);
}

void ChatController::requestOlderFromServer(ConversationModel* conversation)
{
    m_history->requestOlder(conversation->name(), conversation->oldestMsgid(),
                            conversation->oldestMessageTime());
}

// ---- connection events ----------------------------------------------------------------------

void ChatController::onRegistered(const QString& nick)
{
    Q_UNUSED(nick);
    syncCaseMapping();
    // Everyone meets in #lobby: confabd puts us there itself, other servers may not (a JOIN
    // for a room we are already in is ignored).
    if (m_connection->rooms().isEmpty())
        m_connection->join(ClientDefaults::Room);
    if (m_lostConnection) {
        m_lostConnection = false;
        for (ConversationModel* conversation : m_conversations->conversations())
            conversation->appendSystem(EventFormatter::connectedAgain());
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
    const QString text =
        EventFormatter::disconnected(state == ServerConnection::State::Reconnecting);
    for (ConversationModel* conversation : m_conversations->conversations())
        conversation->appendSystem(text);
}

QString ChatController::displayNameOf(const QString& nick) const
{
    const QString name = m_connection->realNameOf(nick).trimmed();
    return name.compare(nick, Qt::CaseInsensitive) == 0 ? QString() : name;
}

void ChatController::learnRealNames(const QStringList& nicks)
{
    for (const QString& nick : nicks)
        m_contacts->setDisplayName(nick, displayNameOf(nick));
}

void ChatController::setDisplayName(const QString& name)
{
    QSettings().setValue(SettingsKeys::DisplayName, name);
    if (m_connection->setDisplayName(name))
        return;
    showInfo(EventFormatter::displayNameNextTime());
}

void ChatController::onPrivateMessage(const ChatMessage& received)
{
    ChatMessage message = received;
    message.senderName = displayNameOf(message.sender);
    const QString peer = message.isOwn ? message.target : message.sender;
    ConversationModel* conversation = m_conversations->ensure(peer, false);
    if (!conversation->appendMessage(message))
        return; // seen already (same msgid)
    countUnread(conversation, message.isOwn);
    if (!message.isOwn) {
        m_offlineNoted.remove(m_connection->fold(peer));
        m_lastPrivateSender = peer;
        emit privateMessageArrived(peer, message.text);
    }
}

void ChatController::onRoomMessage(const ChatMessage& message)
{
    ConversationModel* conversation = m_conversations->ensure(message.target, true);
    ChatMessage shown = message;
    shown.senderName = displayNameOf(message.sender);
    shown.isMention = !message.isOwn && MentionFinder::mentions(message.text, m_connection->nick(),
                                                                m_connection->caseMapping());
    if (!conversation->appendMessage(shown))
        return; // seen already (same msgid)
    countUnread(conversation, message.isOwn);
    if (shown.isMention)
        emit mentioned(conversation->name(), message.sender, message.text);
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
    conversation->appendSystem(EventFormatter::youJoined(room));
    const bool requested = m_connection->caseMapping().equals(room, m_requestedRoom);
    if (requested)
        m_requestedRoom.clear();
    if (requested || (isNew && (!m_active || m_active->rowCount() == 0)))
        emit conversationRequested(conversation);
}

void ChatController::onRoomLeft(const QString& room, const QString& reason)
{
    m_rooms->removeRoom(room);
    if (ConversationModel* conversation = m_conversations->find(room)) {
        conversation->appendSystem(EventFormatter::youLeft(room, reason));
    }
}

void ChatController::onUserJoined(const QString& room, const QString& nick)
{
    learnRealNames({nick});
    if (!m_preferences->showJoinPart())
        return;
    const QString who = EventFormatter::person(nick, displayNameOf(nick));
    m_conversations->ensure(room, true)->appendSystem(EventFormatter::joined(who));
}

void ChatController::onUserLeft(const QString& room, const QString& nick, const QString& reason)
{
    ConversationModel* conversation = m_conversations->find(room);
    if (conversation && m_preferences->showJoinPart())
        conversation->appendSystem(
            EventFormatter::left(EventFormatter::person(nick, displayNameOf(nick)), reason));
}

void ChatController::onUserKicked(const QString& room, const QString& nick, const QString& by,
                                  const QString& reason)
{
    if (ConversationModel* conversation = m_conversations->find(room)) {
        conversation->appendSystem(EventFormatter::kicked(nick, room, by, reason));
    }
}

void ChatController::onUserQuit(const QString& nick, const QString& reason,
                                const QStringList& rooms)
{
    // The connection forgot the display name with the quit; the member list still has it.
    QString name = m_memberUpdater->lastDisplayName(nick);
    if (name.isEmpty())
        name = m_contacts->displayName(nick);
    const QString text = EventFormatter::quit(EventFormatter::person(nick, name), reason);
    for (const QString& room : rooms) {
        ConversationModel* conversation = m_conversations->find(room);
        if (conversation && m_preferences->showJoinPart())
            conversation->appendSystem(text);
    }
    if (ConversationModel* conversation = m_conversations->find(nick))
        conversation->appendSystem(text);
}

void ChatController::onNickChanged(const QString& oldNick, const QString& newNick,
                                   const QStringList& rooms)
{
    const bool own = m_connection->isOwnNick(newNick);
    const QString text = EventFormatter::nickChanged(oldNick, newNick, own);
    if (own) {
        for (ConversationModel* conversation : m_conversations->conversations())
            conversation->appendSystem(text);
        return;
    }
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
        m_memberUpdater->setAway(nick, away, message); // greyed in the member list too
        showInfo(EventFormatter::ownAway(away));
        return;
    }
    if (!away)
        m_awayReplyShown.remove(nick);
    const bool wasAway = m_memberUpdater->isAway(nick);
    const QString oldMessage = m_memberUpdater->awayMessage(nick);
    // WHO says only "away", without the words: keep the words learnt before.
    const QString newMessage = away && message.isEmpty() && wasAway ? oldMessage : message;
    const bool changed = wasAway != away || (away && newMessage != oldMessage);
    m_memberUpdater->setAway(nick, away, newMessage);
    ConversationModel* conversation = m_conversations->find(nick);
    if (changed && conversation) {
        conversation->appendSystem(EventFormatter::away(nick, away, newMessage));
        if (away)
            m_awayReplyShown.insert(nick, newMessage); // said already: a 301 need not repeat it
    }
}

// The typed text stays, marked not sent, with the reason in the user's language (the server's
// English words are not shown).
void ChatController::onMessageNotDelivered(const ChatMessage& message, int code, const QString&)
{
    ConversationModel* conversation =
        m_conversations->ensure(message.target, m_connection->isRoomName(message.target));
    if (!conversation->markOwnFailed(message.text)) { // with echo-message it was never shown
        conversation->appendMessage(message);
        conversation->markOwnFailed(message.text);
    }
    conversation->appendError(EventFormatter::notDelivered(message.target, code));
}

// The server answers each message to an away person with 301: shown once, as "bob is away: …",
// in the conversation with that person (never as "bob: …", which reads as bob speaking).
void ChatController::onAwayReply(const QString& nick, const QString& message)
{
    if (!m_connection->network().roomsOf(nick).isEmpty()) // not "Offline; kept for them"
        m_memberUpdater->setAway(nick, true, message);
    if (m_awayReplyShown.contains(nick) && m_awayReplyShown.value(nick) == message)
        return;
    m_awayReplyShown.insert(nick, message);
    ConversationModel* conversation = m_conversations->find(nick);
    if (conversation)
        conversation->appendSystem(EventFormatter::away(nick, true, message));
    else
        showInfo(EventFormatter::away(nick, true, message));
}

void ChatController::onTopicChanged(const QString& room, const QString& topic, const QString& setBy)
{
    m_rooms->setTopic(room, topic);
    ConversationModel* conversation = m_conversations->find(room);
    if (!conversation)
        return;
    if (!setBy.isEmpty())
        conversation->appendSystem(EventFormatter::topicChanged(setBy, topic));
    else if (!topic.isEmpty())
        conversation->appendSystem(EventFormatter::topic(topic));
}

void ChatController::onNameRejected(const QString& nick, int code, const QString& reason)
{
    if (!m_connection->isRegistered())
        return; // the login dialog shows it
    showInfo(EventFormatter::nameRejected(nick, code == IrcNumeric::ERR_NICKNAMEINUSE, reason),
             true);
}

void ChatController::onServerInfo(const QString& text)
{
    if (m_connection->isRegistered())
        showInfo(text);
}

void ChatController::onWhoisReceived(const WhoisInfo& info)
{
    for (const QString& line : EventFormatter::whois(info))
        showInfo(line);
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

QStringList ChatController::completionNames() const
{
    QStringList names;
    if (m_active && m_active->isRoom())
        names = m_connection->members(m_active->name());
    else if (m_active)
        names.append(m_active->name());
    names.removeIf([this](const QString& nick) { return m_connection->isOwnNick(nick); });
    names += m_connection->rooms();
    return names;
}

void ChatController::submitInput(const QString& line)
{
    m_typingNotifier->submitted();
    execute(CommandParser::parse(line));
}

void ChatController::sendText(const QString& text)
{
    execute(CommandParser::Kind::Message, {}, text);
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
        showInfo(EventFormatter::nobodyWroteYet());
        return;
    }
    openPrivateConversation(m_lastPrivateSender);
}

void ChatController::execute(CommandParser::Kind kind, const QString& target, const QString& text)
{
    CommandParser::Command command;
    command.kind = kind;
    command.target = target;
    command.text = text;
    execute(command);
}

void ChatController::joinRoom(const QString& room)
{
    execute(CommandParser::Kind::Join, room);
}

void ChatController::changeNick(const QString& nick)
{
    execute(CommandParser::Kind::Nick, nick);
}

void ChatController::setAway(const QString& message)
{
    execute(CommandParser::Kind::Away, {}, message);
}

void ChatController::whois(const QString& nick)
{
    execute(CommandParser::Kind::Whois, nick);
}

void ChatController::requestRoomList()
{
    m_directory->clear();
    m_connection->requestRoomList();
    emit roomDirectoryRequested();
}

void ChatController::execute(const CommandParser::Command& command)
{
    for (const std::unique_ptr<InputHandler>& handler : m_inputHandlers) {
        if (handler->handles(command.kind)) {
            handler->execute(command);
            return;
        }
    }
}

void ChatController::requestConversation(ConversationModel* conversation)
{
    emit conversationRequested(conversation);
}

void ChatController::requestQuit()
{
    emit quitRequested();
}

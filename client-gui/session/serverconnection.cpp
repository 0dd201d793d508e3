#include "session/serverconnection.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "ircnumerics.h"
#include "session/irceventparser.h"
#include "session/nickregainer.h"
#include "session/textsplitter.h"

#include <QHostAddress>
#include <QTimer>

#include <utility>

namespace {

constexpr int AwayRefreshIntervalMs = 60000;

ServerConnection::Error errorFor(Registration::Failure failure)
{
    using Failure = Registration::Failure;
    using Error = ServerConnection::Error;
    switch (failure) {
    case Failure::WrongPassword:
        return Error::WrongPassword;
    case Failure::Throttled:
        return Error::SignInThrottled;
    case Failure::NoAccounts:
        return Error::AccountsUnsupported;
    case Failure::NeedsTls:
        return Error::SignInNeedsTls;
    case Failure::AccountExists:
        return Error::AccountExists;
    case Failure::WeakPassword:
        return Error::WeakPassword;
    case Failure::BadAccountName:
        return Error::BadAccountName;
    case Failure::NotAvailable:
    case Failure::Aborted:
        break;
    }
    return Error::AccountUnavailable;
}

// A password may cross this connection in clear (SASL PLAIN): it never leaves the machine.
bool isLoopback(const QString& host)
{
    return host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
           QHostAddress(host).isLoopback();
}

ServerConnection::Error errorFor(ServerTransport::Failure failure)
{
    using Failure = ServerTransport::Failure;
    switch (failure) {
    case Failure::ConnectionRefused:
        return ServerConnection::Error::ConnectionRefused;
    case Failure::HostNotFound:
        return ServerConnection::Error::HostNotFound;
    case Failure::Unreachable:
        return ServerConnection::Error::Unreachable;
    case Failure::Timeout:
        return ServerConnection::Error::Timeout;
    case Failure::TlsFailed:
        return ServerConnection::Error::TlsFailed;
    case Failure::ConnectionLost:
        break;
    }
    return ServerConnection::Error::ConnectionLost;
}

} // namespace

ServerConnection::ServerConnection(QObject* parent)
    : QObject(parent), m_transport(new ServerTransport(this)), m_awayRefreshTimer(new QTimer(this)),
      m_registration(m_transport)
{
    new NickRegainer(this); // a variant taken at reconnection becomes the name again once free
    qRegisterMetaType<ChatMessage>();
    qRegisterMetaType<WhoisInfo>();
    qRegisterMetaType<IrcBatch>();
    m_awayRefreshTimer->setInterval(AwayRefreshIntervalMs);
    connect(m_awayRefreshTimer, &QTimer::timeout, this, [this] {
        for (const QString& room : m_network.rooms())
            send(IrcCommand::who(room));
    });
    connect(m_transport, &ServerTransport::opened, this, &ServerConnection::onOpened);
    connect(m_transport, &ServerTransport::failed, this, &ServerConnection::onFailed);
    connect(m_transport, &ServerTransport::messageReceived, this, &ServerConnection::onMessage);
    connect(m_transport, &ServerTransport::lagChanged, this, &ServerConnection::lagChanged);
    connect(m_transport, &ServerTransport::reconnectDue, this,
            &ServerConnection::startConnection); // keeps the current nick, rooms and outbox
    connect(&m_registration, &Registration::loggedIn, this, [this](const QString& account) {
        m_account = account;
        emit loggedIn(account);
    });
    connect(&m_registration, &Registration::accountFailed, this,
            &ServerConnection::onAccountFailed);
    connect(m_transport, &ServerTransport::certificateNeedsTrust, this,
            [this](const QSslCertificate& certificate) {
                onCertificateRejected();
                emit certificateNeedsTrust(certificate);
            });
    connect(m_transport, &ServerTransport::certificateChanged, this,
            [this](const QSslCertificate& certificate, const QString& pinned) {
                onCertificateRejected();
                emit certificateChanged(certificate, pinned);
            });
}

ServerConnection::~ServerConnection() = default;

void ServerConnection::setAwayRefreshInterval(int ms)
{
    m_awayRefreshTimer->setInterval(ms);
}

void ServerConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    if (state != State::Connected)
        m_awayRefreshTimer->stop();
    qCDebug(lcConnection) << "state" << state;
    emit stateChanged(state);
}

// ---- connecting ---------------------------------------------------------------------------

void ServerConnection::connectToServer()
{
    m_addresses = ServerAddresses(m_host, m_port);
    begin();
}

void ServerConnection::begin()
{
    m_userQuit = false;
    m_fatalError = false;
    m_everRegistered = false;
    m_transport->resetReconnectDelay();
    m_network.setNick(m_desiredNick);
    m_unconfirmed.clear();
    m_addresses.startRound();
    startConnection();
}

ServerEndpoint ServerConnection::endpoint() const
{
    return m_addresses.count() > 0 ? m_addresses.current() : ServerEndpoint{m_host, m_port};
}

QString ServerConnection::pinnedFingerprint() const
{
    const ServerEndpoint to = endpoint();
    return m_pins.pin(to.host, to.port);
}

void ServerConnection::startConnection()
{
    m_serverError.clear();
    m_network.resetForConnection();
    m_registration.reset();
    m_account.clear();
    m_outbox.clearEchoes();
    m_whois.clear();
    m_batches.clear();
    const ServerEndpoint to = endpoint();
    qCInfo(lcConnection) << "connecting to" << to.host << to.port << (m_tls ? "(TLS)" : "(plain)")
                         << "as" << m_network.nick();
    setState(State::Connecting);
    m_transport->setTls(m_tls, m_tls ? pinnedFingerprint() : QString());
    m_transport->open(to.host, to.port);
}

QString ServerConnection::peerFingerprint() const
{
    return isEncrypted() ? CertificateCheck::fingerprint(peerCertificate()) : QString();
}

void ServerConnection::onCertificateRejected()
{
    // Blocked until the user decides: no automatic retry, whatever happened before.
    m_fatalError = true;
    m_network.clearMembers();
    emit membersCleared();
    setState(State::Disconnected);
    failOutbox();
}

void ServerConnection::trustCertificate(const QString& fingerprint)
{
    if (m_state != State::Disconnected || CertificateCheck::normalized(fingerprint).isEmpty())
        return;
    const ServerEndpoint to = endpoint();
    qCInfo(lcConnection) << "pinning" << fingerprint << "for" << to.host << to.port;
    m_pins.setPin(to.host, to.port, fingerprint);
    begin(); // at the address whose certificate this is
}

void ServerConnection::refuseCertificate()
{
    if (m_state != State::Disconnected)
        return;
    emit errorOccurred(Error::CertificateNotTrusted, {});
}

void ServerConnection::onOpened()
{
    qCInfo(lcConnection) << "connected to" << endpoint().host << endpoint().port;
    setState(State::Registering);
    m_registration.setPlainAllowed(isEncrypted() || isLoopback(endpoint().host));
    m_registration.start(m_network.nick());
}

bool ServerConnection::tryNextAddress()
{
    if (m_everRegistered || m_fatalError || m_userQuit || !m_addresses.tryNext())
        return false;
    qCInfo(lcConnection) << "no answer there; trying" << endpoint().host << endpoint().port;
    startConnection();
    return true;
}

void ServerConnection::onFailed(ServerTransport::Failure failure, const QString& detail)
{
    if (tryNextAddress())
        return;
    const bool wasConnected = m_state == State::Connected;
    m_account.clear();
    m_network.clearMembers();
    emit membersCleared();

    Error error = errorFor(failure);
    // A plain close says nothing itself: the server's ERROR line (if any) tells why.
    const QString shown = failure == ServerTransport::Failure::ConnectionLost && detail.isEmpty()
                              ? m_serverError
                              : detail;
    if (!m_serverError.isEmpty() && error == Error::ConnectionLost) {
        error = Error::ServerClosed;
    } else if (wasConnected) {
        error = Error::ConnectionLost;
    }
    m_serverError.clear();
    if (!m_fatalError) // the fatal error (bad password) was reported already
        emit errorOccurred(error, shown);

    if (willRetry()) {
        m_addresses.advance(); // another node of the network may be up when this one is not
        m_transport->scheduleReconnect();
        setState(State::Reconnecting);
    } else {
        setState(State::Disconnected);
        failOutbox();
    }
}

void ServerConnection::disconnectFromServer(const QString& reason)
{
    m_userQuit = true;
    m_account.clear();
    m_transport->close(IrcCommand::quit(reason));
    m_network.clearMembers();
    emit membersCleared();
    setState(State::Disconnected);
    failOutbox();
}

// ---- incoming -----------------------------------------------------------------------------

void ServerConnection::onMessage(const IrcMessage& message)
{
    switch (m_batches.feed(message)) {
    case BatchCollector::Result::Unbatched:
        dispatch(message);
        break;
    case BatchCollector::Result::Collected:
        break;
    case BatchCollector::Result::Completed: {
        const IrcBatch batch = m_batches.takeCompleted();
        if (batch.isHistory()) {
            emit batchReceived(batch);
        } else {
            for (const IrcMessage& line : batch.messages)
                dispatch(line);
        }
        break;
    }
    }
}

void ServerConnection::dispatch(const IrcMessage& message)
{
    std::visit([this](const auto& event) { handle(event); }, IrcEventParser::parse(message));
}

void ServerConnection::handle(const IrcEvents::Welcome& event)
{
    m_network.setNick(event.nick);
    m_network.setServerName(event.serverName);
    m_everRegistered = true;
    m_registration.finish();
    m_transport->resetReconnectDelay();
    qCInfo(lcConnection) << "registered as" << event.nick << "on" << event.serverName;
    setState(State::Connected);
    emit registered(event.nick);

    for (const QString& room : m_network.rooms())
        send(IrcCommand::join(room));
    if (m_network.isAway())
        send(IrcCommand::away(m_network.awayMessage()));
    flushOutbox();
    m_transport->startKeepAlive();
    if (!hasCapability(QStringLiteral("away-notify")))
        m_awayRefreshTimer->start(); // no AWAY lines will come: ask again now and then
}

void ServerConnection::handle(const IrcEvents::ISupport& event)
{
    m_network.addISupport(event.params);
    m_transport->setLineLength(m_network.serverSupport().lineLength());
}

void ServerConnection::handle(const IrcEvents::NickRejected& event)
{
    // Signing in, the account's own name is taken by another device of the account (the server
    // gives this one the name with its welcome) or by a guest (whom the server renames).
    const bool ownAccountsName = accountMode() == Registration::Mode::SignIn &&
                                 event.code == IrcNumeric::ERR_NICKNAMEINUSE &&
                                 event.nick.compare(accountName(), Qt::CaseInsensitive) == 0;
    if (m_state == State::Registering && (m_everRegistered || ownAccountsName)) {
        // Reconnecting, our old self may still be there. Either way a variant is taken
        // automatically, and NickRegainer takes the name back once it is free.
        emit nameHeldElsewhere(event.nick);
        m_network.setNick(event.nick + QLatin1Char('_'));
        send(IrcCommand::nick(m_network.nick()));
        return;
    }
    if (m_state == State::Registering)
        m_transport->pauseConnectTimer(); // the server answered; now the user chooses a name
    emit nameRejected(event.nick, event.code, event.reason);
}

void ServerConnection::handle(const IrcEvents::PasswordRejected& event)
{
    m_fatalError = true;
    emit errorOccurred(Error::BadPassword, event.reason);
}

void ServerConnection::handle(const IrcEvents::Cap& event)
{
    m_registration.handleCap(event, m_state == State::Registering);
}

void ServerConnection::handle(const IrcEvents::CapUnsupported&)
{
    m_registration.capUnsupported();
}

void ServerConnection::handle(const IrcEvents::StandardReply& event)
{
    if (event.type != QLatin1String("FAIL"))
        return;
    if (event.command == QLatin1String("REGISTER"))
        m_registration.handleRegisterFailed(event);
    else
        emit requestFailed(event.command, event.code, event.context, event.text);
}

void ServerConnection::onAccountFailed(Registration::Failure failure, const QString& detail)
{
    // Going on as a guest would be a different login than the user asked for.
    m_fatalError = true;
    emit errorOccurred(errorFor(failure), detail);
    m_transport->close(IrcCommand::quit());
    m_network.clearMembers();
    emit membersCleared();
    setState(State::Disconnected);
    failOutbox();
}

void ServerConnection::handle(const IrcEvents::ServerClosing& event)
{
    m_serverError = event.text;
    qCInfo(lcConnection) << "server error:" << m_serverError;
}

void ServerConnection::handle(const IrcEvents::Join& event)
{
    learnRealName(event.nick, event.realName); // before the join is told, to show with it
    if (isOwnNick(event.nick)) {
        m_network.joinRoom(event.room);
        emit roomJoined(m_network.displayRoomName(event.room));
        send(IrcCommand::who(event.room)); // initial away states
    } else {
        m_network.addMember(event.room, event.nick);
        emit userJoined(m_network.displayRoomName(event.room), event.nick);
    }
}

void ServerConnection::handle(const IrcEvents::Part& event)
{
    const QString room = m_network.displayRoomName(event.room);
    if (isOwnNick(event.nick)) {
        m_network.removeRoom(room);
        emit roomLeft(room, event.reason);
    } else {
        m_network.removeMember(room, event.nick);
        emit userLeft(room, event.nick, event.reason);
    }
}

void ServerConnection::handle(const IrcEvents::Kick& event)
{
    const QString room = m_network.displayRoomName(event.room);
    if (isOwnNick(event.nick)) {
        m_network.removeRoom(room);
        emit userKicked(room, event.nick, event.by, event.reason);
        emit roomLeft(room, event.reason);
    } else {
        m_network.removeMember(room, event.nick);
        emit userKicked(room, event.nick, event.by, event.reason);
    }
}

void ServerConnection::handle(const IrcEvents::Quit& event)
{
    const QStringList rooms = m_network.removeUser(event.nick);
    emit userQuit(event.nick, event.reason, rooms);
}

void ServerConnection::handle(const IrcEvents::NickChange& event)
{
    if (caseMapping().equals(event.oldNick, m_network.nick()))
        m_desiredNick = event.newNick; // asked for, or given by the server: the name from now on
    const QStringList rooms = m_network.renameUser(event.oldNick, event.newNick);
    emit nickChanged(event.oldNick, event.newNick, rooms);
}

void ServerConnection::handle(const IrcEvents::Away& event)
{
    emit awayChanged(event.nick, !event.message.isEmpty(), event.message);
}

void ServerConnection::handle(const IrcEvents::ModeChange& event)
{
    if (!isRoomName(event.target))
        return; // our own user modes
    m_network.applyModes(event.target, event.modes, event.args);
    emit roomModeChanged(m_network.displayRoomName(event.target), event.by, event.modes,
                         event.args);
}

void ServerConnection::handle(const IrcEvents::Typing& event)
{
    if (isOwnNick(event.sender))
        return; // an echo
    emit typingReceived(event.sender,
                        isRoomName(event.target) ? m_network.displayRoomName(event.target)
                                                 : event.sender,
                        event.state);
}

void ServerConnection::handle(const IrcEvents::TopicChange& event)
{
    emit topicChanged(m_network.displayRoomName(event.room), event.topic, event.nick);
}

void ServerConnection::handle(const IrcEvents::TopicReply& event)
{
    emit topicChanged(m_network.displayRoomName(event.room), event.topic, {});
}

void ServerConnection::handle(const IrcEvents::NamesReply& event)
{
    m_network.addNames(event.room, event.names);
}

void ServerConnection::handle(const IrcEvents::NamesEnd& event)
{
    const QStringList nicks = m_network.endNames(event.room);
    emit namesReceived(m_network.displayRoomName(event.room), nicks);
}

void ServerConnection::handle(const IrcEvents::WhoReply& event)
{
    learnRealName(event.nick, event.realName);
    if (isOwnNick(event.nick))
        return; // our own state comes from 305/306
    emit awayChanged(event.nick, event.away, {});
}

void ServerConnection::handle(const IrcEvents::SetName& event)
{
    if (isOwnNick(event.nick))
        m_registration.setRealName(event.realName); // kept for the next login
    learnRealName(event.nick, event.realName);
}

void ServerConnection::learnRealName(const QString& nick, const QString& realName)
{
    if (nick.isEmpty() || realName.isEmpty() || m_network.realName(nick) == realName)
        return;
    m_network.setRealName(nick, realName);
    emit realNameChanged(nick, realName);
}

void ServerConnection::handle(const IrcEvents::Whois& event)
{
    const auto it = m_whois.find(fold(event.part.nick));
    if (it == m_whois.end()) // not asked for
        return;
    it->nick = event.part.nick; // as the server spells it
    it->merge(event.part);
}

void ServerConnection::handle(const IrcEvents::WhoisEnd& event)
{
    WhoisInfo info = m_whois.take(fold(event.nick));
    if (info.userName.isEmpty())
        return; // nobody by that name: the 401 said so
    for (QString& room : info.rooms)
        room = m_network.stripPrefixes(room); // "@#ops": the room, not the status in it
    learnRealName(info.nick, info.realName);
    emit whoisReceived(info);
}

void ServerConnection::handle(const IrcEvents::ListEntry& event)
{
    emit roomListed(event.room, event.users, event.topic);
}

void ServerConnection::handle(const IrcEvents::ListEnd&)
{
    emit roomListEnded();
}

void ServerConnection::handle(const IrcEvents::AwayReply& event)
{
    if (event.offline) {
        emit recipientOffline(event.nick);
        return;
    }
    const auto whois = m_whois.find(fold(event.nick));
    if (whois != m_whois.end()) { // part of a WHOIS answer
        whois->isAway = true;
        whois->awayMessage = event.message;
        return;
    }
    emit awayReplyReceived(event.nick, event.message);
}

void ServerConnection::handle(const IrcEvents::OwnAway& event)
{
    m_network.setAway(event.away);
    emit awayChanged(m_network.nick(), event.away,
                     event.away ? m_network.awayMessage() : QString());
}

void ServerConnection::handle(const IrcEvents::Message& event)
{
    ChatMessage chat;
    chat.time = event.serverTime.isValid() ? event.serverTime : QDateTime::currentDateTimeUtc();
    chat.sender = event.sender;
    chat.target = event.target;
    chat.text = event.text;
    chat.msgid = event.msgid;
    chat.isAction = event.isAction;
    chat.isNotice = event.isNotice;
    chat.isOwn = isOwnNick(chat.sender);
    if (chat.isOwn) { // the echo: delivered
        m_unconfirmed.confirm(fold(chat.target), chat.text, chat.isAction);
    }
    if (chat.isOwn && m_outbox.takeEcho(fold(chat.target), event.wireText))
        return; // already shown as a queued line
    if (isRoomName(chat.target))
        chat.target = m_network.displayRoomName(chat.target);
    emitChat(chat);
}

void ServerConnection::handle(const IrcEvents::DeliveryFailed& event)
{
    const std::optional<UnconfirmedMessages::Entry> failed = m_unconfirmed.takeRefused(
        fold(event.target), hasCapability(QStringLiteral("echo-message")));
    if (!failed) {
        emit targetUnavailable(event.target, event.code, event.reason);
        return;
    }
    ChatMessage chat;
    chat.time = failed->sentAt;
    chat.sender = m_network.nick();
    chat.target = isRoomName(event.target) ? m_network.displayRoomName(event.target) : event.target;
    chat.text = failed->text;
    chat.isAction = failed->isAction;
    chat.isOwn = true;
    emit messageNotDelivered(chat, event.code, event.reason);
}

void ServerConnection::handle(const IrcEvents::ServerText& event)
{
    emit serverInfo(event.text);
}

void ServerConnection::handle(const IrcEvents::ReadMarker& event)
{
    emit readMarkerReceived(event.target, event.time);
}

void ServerConnection::emitChat(const ChatMessage& message)
{
    if (isRoomName(message.target))
        emit roomMessage(message);
    else
        emit privateMessage(message);
}

// ---- outgoing -----------------------------------------------------------------------------

void ServerConnection::sendRaw(const IrcMessage& message)
{
    send(message);
}

void ServerConnection::sendText(const QString& target, const QString& text, bool isAction,
                                bool isNotice)
{
    if (target.isEmpty() || text.isEmpty())
        return;
    if (m_state != State::Connected) {
        const MessageOutbox::Entry queued = m_outbox.make(target, text, isAction);
        ChatMessage chat;
        chat.time = QDateTime::currentDateTimeUtc();
        chat.sender = m_network.nick();
        chat.target = target;
        chat.text = text;
        chat.isAction = isAction;
        chat.isOwn = true;
        chat.queueId = queued.id;
        emit messageQueued(chat);
        const bool willReconnect = m_state != State::Disconnected;
        if (!willReconnect || isNotice || !m_outbox.push(queued))
            emit queuedMessageFailed(queued.id);
        return;
    }
    const QStringList chunks = TextSplitter::split(text, MaxTextBytes);
    const bool echo = hasCapability(QStringLiteral("echo-message"));
    for (const QString& chunk : chunks) {
        send(isAction   ? IrcCommand::action(target, chunk)
             : isNotice ? IrcCommand::notice(target, chunk)
                        : IrcCommand::privmsg(target, chunk));
        if (!isNotice) // no error replies to a NOTICE
            m_unconfirmed.remember(fold(target), chunk, isAction);
        if (!echo) {
            ChatMessage chat;
            chat.time = QDateTime::currentDateTimeUtc();
            chat.sender = m_network.nick();
            chat.target = isRoomName(target) ? m_network.displayRoomName(target) : target;
            chat.text = chunk;
            chat.isAction = isAction;
            chat.isNotice = isNotice;
            chat.isOwn = true;
            emitChat(chat);
        }
    }
}

void ServerConnection::flushOutbox()
{
    const QList<MessageOutbox::Entry> outbox = m_outbox.takeAll();
    const bool echo = hasCapability(QStringLiteral("echo-message"));
    for (const MessageOutbox::Entry& queued : outbox) {
        const QStringList chunks = TextSplitter::split(queued.text, MaxTextBytes);
        for (const QString& chunk : chunks) {
            const IrcMessage line = queued.isAction ? IrcCommand::action(queued.target, chunk)
                                                    : IrcCommand::privmsg(queued.target, chunk);
            send(line);
            if (echo)
                m_outbox.expectEcho(fold(queued.target), line.param(1));
        }
        emit queuedMessageSent(queued.id);
    }
}

void ServerConnection::failOutbox()
{
    const QList<MessageOutbox::Entry> outbox = m_outbox.takeAll();
    for (const MessageOutbox::Entry& queued : outbox)
        emit queuedMessageFailed(queued.id);
}

void ServerConnection::sendMessage(const QString& target, const QString& text)
{
    sendText(target, text, false, false);
}

void ServerConnection::sendAction(const QString& target, const QString& text)
{
    sendText(target, text, true, false);
}

void ServerConnection::sendNotice(const QString& target, const QString& text)
{
    sendText(target, text, false, true);
}

void ServerConnection::join(const QString& room, const QString& key)
{
    if (m_state == State::Connected)
        send(IrcCommand::join(room, key));
    else if (!m_network.rooms().contains(room))
        m_network.addRoomToJoin(room); // joined after (re)connecting
}

void ServerConnection::part(const QString& room, const QString& reason)
{
    if (m_state == State::Connected) {
        send(IrcCommand::part(room, reason));
    } else {
        m_network.removeRoom(room);
        emit roomLeft(room, reason);
    }
}

void ServerConnection::requestTopic(const QString& room)
{
    send(IrcCommand::topic(room));
}

void ServerConnection::setTopic(const QString& room, const QString& topic)
{
    send(IrcCommand::topic(room, topic));
}

void ServerConnection::setNick(const QString& nick)
{
    if (m_state == State::Registering) {
        m_network.setNick(nick);
        m_desiredNick = nick;
        m_transport->restartConnectTimer();
    } else if (m_state != State::Connected) {
        m_network.setNick(nick);
        m_desiredNick = nick;
        return;
    }
    send(IrcCommand::nick(nick));
}

void ServerConnection::setAway(const QString& message)
{
    m_network.setAwayMessage(message);
    if (m_state == State::Connected) {
        send(IrcCommand::away(message));
    } else {
        m_network.setAway(!message.isEmpty());
        emit awayChanged(m_network.nick(), m_network.isAway(), message);
    }
}

void ServerConnection::requestNames(const QString& room)
{
    send(IrcCommand::names(room));
}

void ServerConnection::whois(const QString& nick)
{
    if (m_state != State::Connected || nick.isEmpty())
        return;
    WhoisInfo pending;
    pending.nick = nick;
    m_whois.insert(fold(nick), pending);
    send(IrcCommand::whois(nick));
}

void ServerConnection::requestRoomList()
{
    send(IrcCommand::list());
}

bool ServerConnection::setDisplayName(const QString& name)
{
    m_registration.setRealName(name);
    if (m_state != State::Connected || !hasCapability(QStringLiteral("setname")))
        return m_state != State::Connected; // offline: the next login sends it anyway
    send(IrcCommand::setName(name.isEmpty() ? m_network.nick() : name));
    return true;
}

#include "serverconnection.h"

#include "clientlogging.h"
#include "ctcp.h"
#include "irccommand.h"
#include "ircnumerics.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

using namespace IrcNumeric;

ServerConnection::ServerConnection(QObject* parent)
    : QObject(parent), m_connectTimer(new QTimer(this)), m_pingTimer(new QTimer(this)),
      m_reconnectTimer(new QTimer(this)), m_framer(std::make_unique<IrcLineFramer>())
{
    qRegisterMetaType<ChatMessage>();
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_pingTimer->setInterval(m_pingIntervalMs);
    connect(m_connectTimer, &QTimer::timeout, this, [this] { onConnectTimeout(); });
    connect(m_pingTimer, &QTimer::timeout, this, [this] { onPingTimer(); });
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] { onReconnectTimer(); });
}

ServerConnection::~ServerConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void ServerConnection::setPingInterval(int ms)
{
    m_pingIntervalMs = ms;
    m_pingTimer->setInterval(ms);
}

void ServerConnection::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialReconnectDelayMs = initialMs;
    m_maxReconnectDelayMs = std::max(initialMs, maxMs);
    m_reconnectDelayMs = initialMs;
}

QStringList ServerConnection::wantedCapabilities()
{
    return {QStringLiteral("server-time"), QStringLiteral("echo-message"),
            QStringLiteral("message-tags"), QStringLiteral("away-notify"),
            QStringLiteral("multi-prefix")};
}

QStringList ServerConnection::capabilities() const
{
    QStringList caps(m_enabledCaps.cbegin(), m_enabledCaps.cend());
    caps.sort();
    return caps;
}

bool ServerConnection::isRoomName(const QString& target) const
{
    return !target.isEmpty() && m_isupport.chanTypes().contains(target.front());
}

QStringList ServerConnection::members(const QString& room) const
{
    return m_members.value(fold(room));
}

void ServerConnection::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcConnection) << "state" << state;
    emit stateChanged(state);
}

// ---- connecting ---------------------------------------------------------------------------

void ServerConnection::connectToServer()
{
    m_userQuit = false;
    m_fatalError = false;
    m_everRegistered = false;
    m_reconnectDelayMs = m_initialReconnectDelayMs;
    m_nick = m_desiredNick;
    startConnection();
}

void ServerConnection::startConnection()
{
    m_reconnectTimer->stop();
    closeSocket();
    m_serverError.clear();

    m_framer->reset();
    m_isupport = IrcISupport();
    m_caseMapping = m_isupport.caseMapping();
    m_offeredCaps.clear();
    m_enabledCaps.clear();
    m_members.clear();
    m_pendingNames.clear();
    m_pendingEchoes.clear();
    m_lagMs = -1;

    qCInfo(lcConnection) << "connecting to" << m_host << m_port << "as" << m_nick;
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] { onConnected(); });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { onDisconnected(); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    setState(State::Connecting);
    m_connectTimer->start(m_connectTimeoutMs);
    m_socket->connectToHost(m_host, m_port);
}

void ServerConnection::onConnected()
{
    qCInfo(lcConnection) << "connected to" << m_host << m_port;
    setState(State::Registering);
    m_capNegotiating = true;
    if (!m_password.isEmpty())
        send(IrcCommand::pass(m_password));
    send(IrcCommand::capLs());
    send(IrcCommand::nick(m_nick));
    send(IrcCommand::user(m_userName, m_realName));
}

void ServerConnection::onReadyRead()
{
    QTcpSocket* socket = m_socket;
    if (!socket)
        return;
    const QByteArray bytes = socket->readAll();
    const QList<IrcLineFramer::Frame> frames = m_framer->feed(bytes);
    for (const IrcLineFramer::Frame& frame : frames) {
        if (socket != m_socket)
            return; // a handler closed the connection
        if (!frame.isLine()) {
            qCWarning(lcConnection) << "dropped an over-long line starting" << frame.line;
            continue;
        }
        IrcMessage::ParseError error = IrcMessage::ParseError::None;
        const std::optional<IrcMessage> message = IrcMessage::parse(frame.line, &error);
        if (!message) {
            qCWarning(lcConnection)
                << "unparsable line:" << IrcMessage::parseErrorText(error) << frame.line;
            continue;
        }
        qCDebug(lcConnection) << "<<" << frame.line;
        handleMessage(*message);
    }
}

void ServerConnection::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    Error mapped = Error::ConnectionLost;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        mapped = Error::ConnectionRefused;
        break;
    case QAbstractSocket::HostNotFoundError:
        mapped = Error::HostNotFound;
        break;
    case QAbstractSocket::NetworkError:
        mapped = m_state == State::Connecting ? Error::Unreachable : Error::ConnectionLost;
        break;
    case QAbstractSocket::SocketTimeoutError:
        mapped = Error::Timeout;
        break;
    default:
        break;
    }
    connectionLost(mapped, m_socket->errorString());
}

void ServerConnection::onDisconnected()
{
    if (!m_socket)
        return;
    connectionLost(Error::ConnectionLost, m_serverError);
}

void ServerConnection::onConnectTimeout()
{
    if (!m_socket)
        return;
    connectionLost(Error::Timeout, {});
}

void ServerConnection::connectionLost(Error error, const QString& detail)
{
    qCInfo(lcConnection) << "connection lost:" << error << detail;
    const bool wasConnected = m_state == State::Connected;
    closeSocket();
    m_connectTimer->stop();
    m_pingTimer->stop();
    m_pingToken.clear();
    m_members.clear();
    m_pendingNames.clear();
    m_lagMs = -1;
    emit lagChanged(-1);
    emit membersCleared();

    if (!m_serverError.isEmpty() && error == Error::ConnectionLost)
        error = Error::ServerClosed;
    else if (wasConnected)
        error = Error::ConnectionLost;
    m_serverError.clear();
    if (!m_fatalError) // the fatal error (bad password) was reported already
        emit errorOccurred(error, detail);

    if (willRetry()) {
        scheduleReconnect();
    } else {
        setState(State::Disconnected);
        failOutbox();
    }
}

void ServerConnection::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ServerConnection::scheduleReconnect()
{
    qCInfo(lcConnection) << "reconnecting in" << m_reconnectDelayMs << "ms";
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, m_maxReconnectDelayMs);
    setState(State::Reconnecting);
}

void ServerConnection::onReconnectTimer()
{
    startConnection(); // keeps the current nick, rooms and outbox
}

void ServerConnection::disconnectFromServer(const QString& reason)
{
    m_userQuit = true;
    m_reconnectTimer->stop();
    m_connectTimer->stop();
    m_pingTimer->stop();
    if (m_socket) {
        QTcpSocket* socket = m_socket;
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(IrcCommand::quit(reason).toWire(m_isupport.lineLength()));
        m_socket = nullptr;
        socket->disconnect(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(3000, socket, [socket] { socket->deleteLater(); });
        socket->disconnectFromHost();
    }
    m_members.clear();
    m_pendingNames.clear();
    emit membersCleared();
    m_lagMs = -1;
    emit lagChanged(-1);
    setState(State::Disconnected);
    failOutbox();
}

// ---- incoming -----------------------------------------------------------------------------

void ServerConnection::handleMessage(const IrcMessage& message)
{
    const QString& command = message.command();
    if (message.isNumeric()) {
        handleNumeric(message);
    } else if (command == QLatin1String("PING")) {
        send(IrcCommand::pong(message.param(0)));
    } else if (command == QLatin1String("PONG")) {
        const QString token = message.params().isEmpty() ? QString() : message.params().last();
        if (!m_pingToken.isEmpty() && token == m_pingToken) {
            m_pingToken.clear();
            m_lagMs = int(m_pingClock.elapsed());
            emit lagChanged(m_lagMs);
        }
    } else if (command == QLatin1String("CAP")) {
        handleCap(message);
    } else if (command == QLatin1String("PRIVMSG")) {
        handlePrivmsg(message, false);
    } else if (command == QLatin1String("NOTICE")) {
        handlePrivmsg(message, true);
    } else if (command == QLatin1String("ERROR")) {
        m_serverError = message.param(0);
        qCInfo(lcConnection) << "server error:" << m_serverError;
    } else if (command == QLatin1String("JOIN")) {
        const QString room = message.param(0);
        if (isOwnNick(message.nick())) {
            const QString key = fold(room);
            const auto it = std::find_if(m_rooms.cbegin(), m_rooms.cend(),
                                         [&](const QString& r) { return fold(r) == key; });
            if (it == m_rooms.cend())
                m_rooms.append(room);
            m_members.insert(key, {});
            emit roomJoined(displayRoomName(room));
            send(IrcCommand::who(room)); // initial away states
        } else {
            addMember(room, message.nick());
            emit userJoined(displayRoomName(room), message.nick());
        }
    } else if (command == QLatin1String("PART")) {
        const QString room = displayRoomName(message.param(0));
        if (isOwnNick(message.nick())) {
            m_members.remove(fold(room));
            m_rooms.removeIf([&](const QString& r) { return fold(r) == fold(room); });
            emit roomLeft(room, message.param(1));
        } else {
            removeMember(room, message.nick());
            emit userLeft(room, message.nick(), message.param(1));
        }
    } else if (command == QLatin1String("KICK")) {
        const QString room = displayRoomName(message.param(0));
        const QString victim = message.param(1);
        if (isOwnNick(victim)) {
            m_members.remove(fold(room));
            m_rooms.removeIf([&](const QString& r) { return fold(r) == fold(room); });
            emit userKicked(room, victim, message.nick(), message.param(2));
            emit roomLeft(room, message.param(2));
        } else {
            removeMember(room, victim);
            emit userKicked(room, victim, message.nick(), message.param(2));
        }
    } else if (command == QLatin1String("QUIT")) {
        const QString nick = message.nick();
        const QStringList rooms = roomsOf(nick);
        for (const QString& room : rooms)
            removeMember(room, nick);
        emit userQuit(nick, message.param(0), rooms);
    } else if (command == QLatin1String("NICK")) {
        const QString oldNick = message.nick();
        const QString newNick = message.param(0);
        const QStringList rooms = roomsOf(oldNick);
        for (const QString& room : rooms) {
            QStringList& list = m_members[fold(room)];
            for (QString& member : list) {
                if (m_caseMapping.equals(member, oldNick))
                    member = newNick;
            }
        }
        if (isOwnNick(oldNick))
            m_nick = newNick;
        emit nickChanged(oldNick, newNick, rooms);
    } else if (command == QLatin1String("AWAY")) {
        const QString text = message.param(0);
        emit awayChanged(message.nick(), !text.isEmpty(), text);
    } else if (command == QLatin1String("TOPIC")) {
        emit topicChanged(displayRoomName(message.param(0)), message.param(1), message.nick());
    }
}

void ServerConnection::handleCap(const IrcMessage& message)
{
    const QString sub = message.param(1).toUpper();
    const QString list = message.params().isEmpty() ? QString() : message.params().last();
    const QStringList tokens = list.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (sub == QLatin1String("LS")) {
        for (const QString& token : tokens)
            m_offeredCaps.insert(token.section(QLatin1Char('='), 0, 0));
        const bool more = message.paramCount() >= 4 && message.param(2) == QLatin1String("*");
        if (more || !m_capNegotiating)
            return;
        QStringList request;
        for (const QString& cap : wantedCapabilities()) {
            if (m_offeredCaps.contains(cap))
                request.append(cap);
        }
        if (request.isEmpty())
            finishCapNegotiation();
        else
            send(IrcCommand::capReq(request));
    } else if (sub == QLatin1String("ACK")) {
        for (const QString& token : tokens) {
            if (token.startsWith(QLatin1Char('-')))
                m_enabledCaps.remove(token.mid(1));
            else
                m_enabledCaps.insert(token);
        }
        qCInfo(lcConnection) << "capabilities:" << capabilities();
        finishCapNegotiation();
    } else if (sub == QLatin1String("NAK")) {
        finishCapNegotiation();
    } else if (sub == QLatin1String("DEL")) {
        for (const QString& token : tokens)
            m_enabledCaps.remove(token);
    }
}

void ServerConnection::finishCapNegotiation()
{
    if (!m_capNegotiating)
        return;
    m_capNegotiating = false;
    if (m_state == State::Registering)
        send(IrcCommand::capEnd());
}

void ServerConnection::handleNumeric(const IrcMessage& message)
{
    const int code = message.numeric();
    const QString last = message.params().isEmpty() ? QString() : message.params().last();
    switch (code) {
    case RPL_WELCOME:
        handleRegistered(message);
        return;
    case RPL_ISUPPORT:
        m_isupport.addReply(message.params());
        m_caseMapping = m_isupport.caseMapping();
        return;
    case ERR_NICKNAMEINUSE:
    case ERR_ERRONEUSNICKNAME:
    case ERR_NONICKNAMEGIVEN:
    case 436: // ERR_NICKCOLLISION
    case 437: // ERR_UNAVAILRESOURCE
        if (m_state == State::Registering && m_everRegistered) {
            // Reconnecting: our old self may still be there; take a variant automatically.
            m_nick = message.param(1) + QLatin1Char('_');
            send(IrcCommand::nick(m_nick));
            return;
        }
        emit nameRejected(message.param(1), code, last);
        return;
    case ERR_PASSWDMISMATCH:
        m_fatalError = true;
        emit errorOccurred(Error::BadPassword, last);
        return;
    case ERR_UNKNOWNCOMMAND:
        if (message.param(1).compare(QLatin1String("CAP"), Qt::CaseInsensitive) == 0) {
            m_capNegotiating = false; // no CAP on this server: registration goes on without
            return;
        }
        break;
    case RPL_NAMREPLY: {
        const QString room = fold(message.param(2));
        QStringList& pending = m_pendingNames[room];
        const QStringList names = last.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString& name : names) {
            const QString nick = stripPrefixes(name).section(QLatin1Char('!'), 0, 0);
            if (!nick.isEmpty())
                pending.append(nick);
        }
        return;
    }
    case RPL_ENDOFNAMES: {
        const QString room = message.param(1);
        const QStringList nicks = m_pendingNames.take(fold(room));
        if (m_members.contains(fold(room)))
            m_members.insert(fold(room), nicks);
        emit namesReceived(displayRoomName(room), nicks);
        return;
    }
    case RPL_TOPIC:
        emit topicChanged(displayRoomName(message.param(1)), last, {});
        return;
    case RPL_NOTOPIC:
        emit topicChanged(displayRoomName(message.param(1)), {}, {});
        return;
    case RPL_WHOREPLY: {
        const QString flags = message.param(6);
        if (isOwnNick(message.param(5)))
            return; // our own state comes from 305/306
        emit awayChanged(message.param(5), flags.startsWith(QLatin1Char('G')), {});
        return;
    }
    case RPL_AWAY:
        emit awayChanged(message.param(1), true, last);
        emit serverInfo(QStringLiteral("%1: %2").arg(message.param(1), last));
        return;
    case RPL_UNAWAY:
        m_away = false;
        emit awayChanged(m_nick, false, {});
        return;
    case RPL_NOWAWAY:
        m_away = true;
        emit awayChanged(m_nick, true, m_awayMessage);
        return;
    case RPL_ENDOFWHO:
    case RPL_TOPICWHOTIME:
    case RPL_CREATIONTIME:
    case RPL_MOTD:
    case RPL_MOTDSTART:
    case RPL_ENDOFMOTD:
    case ERR_NOMOTD:
        return;
    default:
        break;
    }
    if (code >= 400 && code < 600) {
        // "<me> <subject...> :<text>": show the subject with the server's words.
        const QStringList subject = message.params().mid(1, message.paramCount() - 2);
        emit serverInfo(subject.isEmpty()
                            ? last
                            : QStringLiteral("%1: %2").arg(subject.join(QLatin1Char(' ')), last));
    }
}

void ServerConnection::handleRegistered(const IrcMessage& message)
{
    m_nick = message.param(0);
    m_serverName = message.source();
    m_everRegistered = true;
    m_capNegotiating = false;
    m_connectTimer->stop();
    m_reconnectDelayMs = m_initialReconnectDelayMs;
    qCInfo(lcConnection) << "registered as" << m_nick << "on" << m_serverName;
    setState(State::Connected);
    emit registered(m_nick);

    for (const QString& room : std::as_const(m_rooms))
        send(IrcCommand::join(room));
    if (m_away)
        send(IrcCommand::away(m_awayMessage));
    flushOutbox();

    m_pingToken.clear();
    m_pingTimer->start();
    onPingTimer(); // a first lag measurement now
}

void ServerConnection::handlePrivmsg(const IrcMessage& message, bool isNotice)
{
    const QString source = message.source();
    if (source.isEmpty() || !source.contains(QLatin1Char('!'))) {
        if (isNotice || source.isEmpty()) { // a server notice
            emit serverInfo(message.param(1));
            return;
        }
    }
    ChatMessage chat;
    chat.time = message.serverTime();
    if (!chat.time.isValid())
        chat.time = QDateTime::currentDateTimeUtc();
    chat.sender = message.nick();
    chat.target = message.param(0);
    chat.text = message.param(1);
    chat.isNotice = isNotice;
    chat.isOwn = isOwnNick(chat.sender);

    QString ctcpCommand;
    QString ctcpArgument;
    if (Ctcp::parse(chat.text, &ctcpCommand, &ctcpArgument)) {
        if (ctcpCommand != QLatin1String("ACTION"))
            return; // other CTCP requests are not answered
        chat.isAction = true;
        chat.text = ctcpArgument;
    }
    if (chat.isOwn) {
        const QString folded = fold(chat.target);
        const auto it =
            std::find_if(m_pendingEchoes.begin(), m_pendingEchoes.end(), [&](const PendingEcho& e) {
                return e.foldedTarget == folded && e.text == message.param(1);
            });
        if (it != m_pendingEchoes.end()) {
            m_pendingEchoes.erase(it); // already shown as a queued line
            return;
        }
    }
    if (isRoomName(chat.target))
        chat.target = displayRoomName(chat.target);
    emitChat(chat);
}

void ServerConnection::emitChat(const ChatMessage& message)
{
    if (isRoomName(message.target))
        emit roomMessage(message);
    else
        emit privateMessage(message);
}

// ---- outgoing -----------------------------------------------------------------------------

void ServerConnection::send(const IrcMessage& message)
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QByteArray wire = message.toWire(m_isupport.lineLength());
    if (wire.isEmpty()) {
        qCWarning(lcConnection) << "not sending an invalid message:" << message.invalidReason();
        return;
    }
    qCDebug(lcConnection) << ">>" << wire.trimmed();
    m_socket->write(wire);
}

void ServerConnection::sendRaw(const IrcMessage& message)
{
    send(message);
}

QStringList ServerConnection::splitText(const QString& text, int maxBytes)
{
    QStringList chunks;
    QString current;
    int currentBytes = 0;
    int lastSpace = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        QString unit(text.at(i));
        if (text.at(i).isHighSurrogate() && i + 1 < text.size())
            unit.append(text.at(++i));
        const int bytes = int(unit.toUtf8().size());
        if (currentBytes + bytes > maxBytes && !current.isEmpty()) {
            if (lastSpace > int(current.size()) / 2) {
                chunks.append(current.left(lastSpace));
                current = current.mid(lastSpace + 1);
            } else {
                chunks.append(current);
                current.clear();
            }
            currentBytes = int(current.toUtf8().size());
            lastSpace = -1;
        }
        if (unit == QLatin1String(" "))
            lastSpace = int(current.size());
        current.append(unit);
        currentBytes += bytes;
    }
    if (!current.isEmpty())
        chunks.append(current);
    return chunks;
}

void ServerConnection::sendText(const QString& target, const QString& text, bool isAction,
                                bool isNotice)
{
    if (target.isEmpty() || text.isEmpty())
        return;
    if (m_state != State::Connected) {
        QueuedMessage queued{m_nextQueueId++, target, text, isAction};
        ChatMessage chat;
        chat.time = QDateTime::currentDateTimeUtc();
        chat.sender = m_nick;
        chat.target = target;
        chat.text = text;
        chat.isAction = isAction;
        chat.isOwn = true;
        chat.queueId = queued.id;
        emit messageQueued(chat);
        const bool willReconnect = m_state != State::Disconnected;
        if (!willReconnect || m_outbox.size() >= MaxOutbox || isNotice) {
            emit queuedMessageFailed(queued.id);
            return;
        }
        m_outbox.append(queued);
        return;
    }
    const QStringList chunks = splitText(text, MaxTextBytes);
    const bool echo = hasCapability(QStringLiteral("echo-message"));
    for (const QString& chunk : chunks) {
        send(isAction   ? IrcCommand::action(target, chunk)
             : isNotice ? IrcCommand::notice(target, chunk)
                        : IrcCommand::privmsg(target, chunk));
        if (!echo) {
            ChatMessage chat;
            chat.time = QDateTime::currentDateTimeUtc();
            chat.sender = m_nick;
            chat.target = isRoomName(target) ? displayRoomName(target) : target;
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
    const QList<QueuedMessage> outbox = std::exchange(m_outbox, {});
    const bool echo = hasCapability(QStringLiteral("echo-message"));
    for (const QueuedMessage& queued : outbox) {
        const QStringList chunks = splitText(queued.text, MaxTextBytes);
        for (const QString& chunk : chunks) {
            const IrcMessage line = queued.isAction ? IrcCommand::action(queued.target, chunk)
                                                    : IrcCommand::privmsg(queued.target, chunk);
            send(line);
            if (echo)
                m_pendingEchoes.append({fold(queued.target), line.param(1)});
        }
        emit queuedMessageSent(queued.id);
    }
}

void ServerConnection::failOutbox()
{
    const QList<QueuedMessage> outbox = std::exchange(m_outbox, {});
    for (const QueuedMessage& queued : outbox)
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
    if (m_state == State::Connected) {
        send(IrcCommand::join(room, key));
    } else if (!m_rooms.contains(room)) {
        m_rooms.append(room); // joined after (re)connecting
    }
}

void ServerConnection::part(const QString& room, const QString& reason)
{
    if (m_state == State::Connected) {
        send(IrcCommand::part(room, reason));
    } else {
        m_rooms.removeIf([&](const QString& r) { return fold(r) == fold(room); });
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
        m_nick = nick;
        m_desiredNick = nick;
    } else if (m_state != State::Connected) {
        m_nick = nick;
        m_desiredNick = nick;
        return;
    }
    send(IrcCommand::nick(nick));
}

void ServerConnection::setAway(const QString& message)
{
    m_awayMessage = message;
    if (m_state == State::Connected) {
        send(IrcCommand::away(message));
    } else {
        m_away = !message.isEmpty();
        emit awayChanged(m_nick, m_away, message);
    }
}

void ServerConnection::requestNames(const QString& room)
{
    send(IrcCommand::names(room));
}

void ServerConnection::onPingTimer()
{
    if (m_state != State::Connected)
        return;
    if (!m_pingToken.isEmpty()) {
        qCWarning(lcConnection) << "no PONG within" << m_pingIntervalMs << "ms";
        connectionLost(Error::Timeout, {});
        return;
    }
    m_pingToken = QStringLiteral("confab-%1").arg(QDateTime::currentMSecsSinceEpoch());
    m_pingClock.start();
    send(IrcCommand::ping(m_pingToken));
}

// ---- membership ---------------------------------------------------------------------------

void ServerConnection::addMember(const QString& room, const QString& nick)
{
    QStringList& list = m_members[fold(room)];
    for (const QString& member : std::as_const(list)) {
        if (m_caseMapping.equals(member, nick))
            return;
    }
    list.append(nick);
}

bool ServerConnection::removeMember(const QString& room, const QString& nick)
{
    const auto it = m_members.find(fold(room));
    if (it == m_members.end())
        return false;
    return it->removeIf([&](const QString& m) { return m_caseMapping.equals(m, nick); }) > 0;
}

QStringList ServerConnection::roomsOf(const QString& nick) const
{
    QStringList rooms;
    for (const QString& room : m_rooms) {
        const QStringList list = m_members.value(fold(room));
        if (std::any_of(list.cbegin(), list.cend(),
                        [&](const QString& m) { return m_caseMapping.equals(m, nick); }))
            rooms.append(room);
    }
    return rooms;
}

QString ServerConnection::displayRoomName(const QString& room) const
{
    const QString key = fold(room);
    for (const QString& r : m_rooms) {
        if (fold(r) == key)
            return r;
    }
    return room;
}

QString ServerConnection::stripPrefixes(const QString& nick) const
{
    const QString symbols = m_isupport.prefixSymbols();
    qsizetype i = 0;
    while (i < nick.size() && symbols.contains(nick.at(i)))
        ++i;
    return nick.mid(i);
}

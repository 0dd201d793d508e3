#include "udp/udplobbybridge.h"

#include "core/servercore.h"
#include "irccommand.h"
#include "irclimits.h"
#include "ircmessage.h"
#include "serverlogging.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "udp/udpmemberconnection.h"
#include "udp/udproom.h"

#include <QCryptographicHash>
#include <QRegularExpression>

#include <algorithm>

namespace {

// Nicks tried for one member before it is refused (every one taken or reserved).
constexpr int MaxNickAttempts = 20;
constexpr int MinNickLength = 9; // RFC 2812's; room for "udp-" and a short hash

// What an IRC line of the room carries at most after the text: ":" source " PRIVMSG " channel
// " :" and CR LF.
qsizetype textBudget(const ServerUser* user, const QString& channel)
{
    const qsizetype overhead =
        1 + user->source().toUtf8().size() + 9 + channel.toUtf8().size() + 2 + 2;
    return std::max<qsizetype>(Limits::MaxLineBytes - overhead, 16);
}

// The text in pieces of at most budget bytes, cut between characters (text is valid UTF-8).
QStringList splitUtf8(const QByteArray& text, qsizetype budget)
{
    QStringList pieces;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = std::min(start + budget, text.size());
        if (end < text.size()) {
            while (end > start && (uchar(text.at(end)) & 0xC0) == 0x80)
                --end;
            if (end == start) // cannot happen with budget >= 4; never loop forever
                end = std::min(start + budget, text.size());
        }
        pieces.append(QString::fromUtf8(text.constData() + start, end - start));
        start = end;
    }
    return pieces;
}

} // namespace

UdpLobbyBridge::UdpLobbyBridge(UdpRoom* room, ServerCore* core, const QString& channel,
                               QObject* parent)
    : QObject(parent), m_room(room), m_core(core), m_channel(channel),
      m_foldedChannel(core->caseMapping().fold(channel))
{
    connect(m_room, &UdpRoom::memberJoined, this, &UdpLobbyBridge::onMemberJoined);
    connect(m_room, &UdpRoom::memberLeft, this, &UdpLobbyBridge::onMemberLeft);
    connect(m_room, &UdpRoom::textReceived, this, &UdpLobbyBridge::onTextReceived);
}

UdpLobbyBridge::~UdpLobbyBridge()
{
    const QList<UdpMemberConnection*> connections = m_members.values();
    m_members.clear();
    m_connections.clear();
    for (UdpMemberConnection* connection : connections) {
        connection->setCloseHandler({});
        connection->setMessageHandler({});
        m_core->removeConnection(connection, QStringLiteral("UDP room closed"));
        delete connection;
    }
}

QString UdpLobbyBridge::nickOf(const UdpEndpoint& endpoint) const
{
    const UdpMemberConnection* connection = m_members.value(endpoint);
    if (!connection)
        return QString();
    const ServerUser* user = m_core->users().find(connection);
    return user ? user->nick() : QString();
}

QString UdpLobbyBridge::baseNick(const UdpEndpoint& endpoint, int nickLength)
{
    nickLength = std::max(nickLength, MinNickLength);
    QString address = endpoint.address.toString();
    address.replace(u'.', u'-').replace(u':', u'-').remove(u'%'); // IPv6 scope: not in a nick
    QString nick = QStringLiteral("udp-%1-%2").arg(address).arg(endpoint.port);
    static const QRegularExpression invalid(QStringLiteral("[^A-Za-z0-9-]"));
    nick.remove(invalid);
    if (nick.size() <= nickLength)
        return nick;
    const QByteArray hash =
        QCryptographicHash::hash(endpoint.toString().toUtf8(), QCryptographicHash::Sha256).toHex();
    return QStringLiteral("udp-") + QString::fromLatin1(hash.left(nickLength - 4));
}

QString UdpLobbyBridge::alternativeNick(const QString& base, int n, int nickLength)
{
    const QString suffix = u'_' + QString::number(n);
    return base.left(std::max(nickLength, MinNickLength) - suffix.size()) + suffix;
}

void UdpLobbyBridge::onMemberJoined(const UdpEndpoint& endpoint)
{
    if (m_members.contains(endpoint))
        return;
    auto* connection = new UdpMemberConnection(endpoint, this);
    connection->setMessageHandler(
        [this](UdpMemberConnection* from, const IrcMessage& message) { onMessage(from, message); });
    connection->setCloseHandler(
        [this](UdpMemberConnection* from, const QString& reason) { onClosed(from, reason); });
    m_members.insert(endpoint, connection);
    m_connections.insert(connection);
    if (!registerMember(connection)) {
        qCWarning(lcUdp).noquote()
            << "no nick for" << endpoint.toString() << "in the room: forgotten";
        m_core->removeConnection(connection, QStringLiteral("No nick available"));
        m_room->removeMember(endpoint);
        forget(connection);
    }
}

bool UdpLobbyBridge::registerMember(UdpMemberConnection* connection)
{
    const UdpEndpoint& endpoint = connection->endpoint();
    ConnectionInfo info;
    info.host = endpoint.address.toString();
    info.loopback = endpoint.address.isLoopback();
    m_core->addConnection(connection, info);
    const ServerConfig& config = m_core->config();
    if (!config.password.isEmpty()) // the room is this server's own: it knows the password
        m_core->handleMessage(connection, IrcCommand::pass(config.password));
    m_core->handleMessage(
        connection,
        IrcCommand::user(QStringLiteral("udp"), QStringLiteral("UDP room ") + endpoint.toString()));
    // The core's own NICK rules decide: taken, reserved for an account, too long for this
    // server. Registration completes with the first nick it accepts.
    const QString base = baseNick(endpoint, config.nickLength);
    for (int attempt = 1; attempt <= MaxNickAttempts && !m_core->isRegistered(connection);
         ++attempt) {
        const QString nick =
            attempt == 1 ? base : alternativeNick(base, attempt, config.nickLength);
        m_core->handleMessage(connection, IrcCommand::nick(nick));
    }
    if (connection->isClosed() || !m_core->isRegistered(connection))
        return false;
    m_core->handleMessage(connection, IrcCommand::join(m_channel));
    // The first in a new room becomes its operator; an address anyone can claim should not.
    const QString nick = nickOf(endpoint);
    const ServerChannel* channel = m_core->channels().find(m_channel);
    const ServerUser* user = m_core->users().find(connection);
    if (channel && user && channel->isOp(user))
        m_core->handleMessage(connection,
                              IrcCommand::mode(m_channel, QStringLiteral("-o"), {nick}));
    // Private messages do not reach a UDP client: senders are told so (301 RPL_AWAY).
    m_core->handleMessage(connection, IrcCommand::away(QStringLiteral("UDP room member: reads "
                                                                      "only ") +
                                                       m_channel));
    qCInfo(lcUdp).noquote() << endpoint.toString() << "is" << nick << "in" << m_channel;
    return !connection->isClosed();
}

void UdpLobbyBridge::onMemberLeft(const UdpEndpoint& endpoint)
{
    UdpMemberConnection* connection = m_members.value(endpoint);
    if (!connection)
        return;
    forget(connection);
    m_core->removeConnection(connection,
                             QStringLiteral("Ping timeout: no UDP heartbeat for %1 seconds")
                                 .arg(qRound(m_core->config().udpRoomTimeoutMs / 1000.0)));
}

void UdpLobbyBridge::onClosed(UdpMemberConnection* connection, const QString& reason)
{
    qCInfo(lcUdp).noquote() << "user of" << connection->endpoint().toString()
                            << "closed by the server:" << reason;
    m_room->removeMember(connection->endpoint());
    forget(connection);
}

void UdpLobbyBridge::forget(UdpMemberConnection* connection)
{
    m_members.remove(connection->endpoint());
    m_connections.remove(connection);
    // The core may be in the middle of a call that reaches this connection (close()).
    connection->setMessageHandler({});
    connection->setCloseHandler({});
    connection->deleteLater();
}

void UdpLobbyBridge::onTextReceived(const UdpEndpoint& from, const QString& text)
{
    UdpMemberConnection* connection = m_members.value(from);
    const ServerUser* user = connection ? m_core->users().find(connection) : nullptr;
    if (!user)
        return;
    const qsizetype budget = textBudget(user, m_channel);
    // An IRC line holds no CR, LF or NUL: a text of several lines is several messages, and a
    // long one is cut between characters into lines that fit.
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    const QStringList lines = text.split(lineBreak, Qt::SkipEmptyParts);
    for (QString line : lines) {
        line.remove(QChar(0));
        if (line.isEmpty())
            continue;
        for (const QString& piece : splitUtf8(line.toUtf8(), budget)) {
            if (!m_connections.contains(connection))
                return; // gone meanwhile
            m_core->handleMessage(connection, IrcCommand::privmsg(m_channel, piece));
        }
    }
}

void UdpLobbyBridge::onMessage(UdpMemberConnection* connection, const IrcMessage& message)
{
    const QString& command = message.command();
    const bool isPrivmsg = command == QLatin1String("PRIVMSG");
    if (!isPrivmsg && command != QLatin1String("NOTICE")) {
        if (command.size() == 3 && command.at(0) >= u'4' && command.at(0) <= u'5') {
            qCDebug(lcUdp).noquote() << "to the user of" << connection->endpoint().toString() << ':'
                                     << QString::fromUtf8(message.toWire()).trimmed();
        }
        return;
    }
    if (message.paramCount() < 2 || m_core->caseMapping().fold(message.param(0)) != m_foldedChannel)
        return; // private messages, notices from the server, other rooms
    const QString nick = message.nick();
    const ServerUser* sender = m_core->users().findByNick(nick);
    if (!sender || m_connections.contains(sender->connection()))
        return; // a UDP member's text: the UDP room has broadcast it already
    QString text = message.param(1);
    if (text.startsWith(u'\x01')) { // CTCP: an ACTION (/me) is shown as "* nick text"
        static const QString Action = QStringLiteral("\x01"
                                                     "ACTION ");
        if (!text.startsWith(Action))
            return;
        text = QStringLiteral("* ") + nick + u' ' + text.mid(Action.size());
        if (text.endsWith(u'\x01'))
            text.chop(1);
    }
    m_room->sendTo(connection->endpoint(), nick, text);
}

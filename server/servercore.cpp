#include "servercore.h"

#include "clientconnection.h"
#include "irccommand.h"
#include "irclimits.h"
#include "ircnumerics.h"
#include "ircreply.h"
#include "ircvalidation.h"
#include "relayline.h"
#include "serverchannel.h"
#include "serverlogging.h"
#include "serveruser.h"

#include <QDateTime>
#include <QFile>
#include <QSet>

#include <algorithm>
#include <ctime>

using namespace IrcNumeric;

namespace {

const QString Star = QStringLiteral("*");
constexpr int MaxKeyLength = 50; // channel keys (+k)

struct CapName
{
    const char* name;
    int flag;
};
constexpr CapName Caps[] = {
    {"away-notify", ServerCap::AwayNotify}, {"echo-message", ServerCap::EchoMessage},
    {"message-tags", ServerCap::MessageTags}, {"multi-prefix", ServerCap::MultiPrefix},
    {"server-time", ServerCap::ServerTime},
};

// IRC wildcard match: '*' any run, '?' one character. Both sides already case-folded.
bool wildcardMatch(QStringView mask, QStringView text)
{
    qsizetype m = 0, t = 0, starM = -1, starT = 0;
    while (t < text.size()) {
        if (m < mask.size() && (mask[m] == u'?' || mask[m] == text[t])) {
            ++m;
            ++t;
        } else if (m < mask.size() && mask[m] == u'*') {
            starM = m++;
            starT = t;
        } else if (starM >= 0) {
            m = starM + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (m < mask.size() && mask[m] == u'*')
        ++m;
    return m == mask.size();
}

qint64 nowSecs()
{
    return qint64(std::time(nullptr)); // per message: cheaper than a QDateTime
}

QString number(qint64 n)
{
    return QString::number(n);
}

QString versionString()
{
    return QStringLiteral("confab-" CONFAB_VERSION);
}

// "nick" -> "nick!*@*", "nick!user" -> "nick!user@*", as servers normalise ban masks.
QString normaliseMask(const QString& mask)
{
    QString result = mask;
    if (!result.contains(u'!') && !result.contains(u'@'))
        result += QStringLiteral("!*@*");
    else if (!result.contains(u'@'))
        result += QStringLiteral("@*");
    else if (!result.contains(u'!'))
        result.prepend(QStringLiteral("*!"));
    return result;
}

} // namespace

ServerCore::ServerCore(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_config(config)
{
    m_createdText = QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date);
    // Unique per server run: the start time, then a counter.
    m_msgIdPrefix = QString::number(QDateTime::currentMSecsSinceEpoch(), 36) + u'-';
    if (!m_config.motdFile.isEmpty()) {
        QFile file(m_config.motdFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromUtf8(file.readAll());
            m_motd = text.split(u'\n');
            for (QString& line : m_motd) {
                if (line.endsWith(u'\r'))
                    line.chop(1);
            }
            while (!m_motd.isEmpty() && m_motd.last().isEmpty())
                m_motd.removeLast();
            m_hasMotd = true;
        } else {
            qCWarning(lcCore) << "cannot read MOTD file" << m_config.motdFile << ':'
                              << file.errorString();
        }
    }

    m_commands = {
        {QStringLiteral("PASS"), {&ServerCore::onPass, 1, false}},
        {QStringLiteral("NICK"), {&ServerCore::onNick, 0, false}},
        {QStringLiteral("USER"), {&ServerCore::onUser, 4, false}},
        {QStringLiteral("CAP"), {&ServerCore::onCap, 1, false}},
        {QStringLiteral("PING"), {&ServerCore::onPing, 0, false}},
        {QStringLiteral("PONG"), {&ServerCore::onPong, 0, false}},
        {QStringLiteral("QUIT"), {&ServerCore::onQuit, 0, false}},
        {QStringLiteral("PRIVMSG"), {&ServerCore::onPrivmsg, 0, true}},
        {QStringLiteral("NOTICE"), {&ServerCore::onNotice, 0, true}},
        {QStringLiteral("TAGMSG"), {&ServerCore::onTagmsg, 1, true}},
        {QStringLiteral("JOIN"), {&ServerCore::onJoin, 1, true}},
        {QStringLiteral("PART"), {&ServerCore::onPart, 1, true}},
        {QStringLiteral("TOPIC"), {&ServerCore::onTopic, 1, true}},
        {QStringLiteral("KICK"), {&ServerCore::onKick, 2, true}},
        {QStringLiteral("MODE"), {&ServerCore::onMode, 1, true}},
        {QStringLiteral("INVITE"), {&ServerCore::onInvite, 2, true}},
        {QStringLiteral("NAMES"), {&ServerCore::onNames, 0, true}},
        {QStringLiteral("WHO"), {&ServerCore::onWho, 0, true}},
        {QStringLiteral("WHOIS"), {&ServerCore::onWhois, 1, true}},
        {QStringLiteral("ISON"), {&ServerCore::onIson, 1, true}},
        {QStringLiteral("USERHOST"), {&ServerCore::onUserhost, 1, true}},
        {QStringLiteral("LIST"), {&ServerCore::onList, 0, true}},
        {QStringLiteral("LUSERS"), {&ServerCore::onLusers, 0, true}},
        {QStringLiteral("MOTD"), {&ServerCore::onMotd, 0, true}},
        {QStringLiteral("AWAY"), {&ServerCore::onAway, 0, true}},
        {QStringLiteral("VERSION"), {&ServerCore::onVersion, 0, true}},
        {QStringLiteral("TIME"), {&ServerCore::onTime, 0, true}},
    };
}

ServerCore::~ServerCore() = default;

// ---------------------------------------------------------------------------------------------
// Connections

void ServerCore::addConnection(ClientConnection* connection, const QString& host)
{
    auto user = std::make_unique<ServerUser>(connection);
    // A host is a middle parameter in WHO/WHOIS replies: it must not start with ':'.
    user->m_host = host.startsWith(u':') ? QLatin1Char('0') + host : host;
    user->invalidateSource();
    m_users.emplace(connection, std::move(user));
}

bool ServerCore::isRegistered(ClientConnection* connection) const
{
    auto it = m_users.find(connection);
    return it != m_users.end() && it->second->m_registered;
}

void ServerCore::handleMessage(ClientConnection* connection, const IrcMessage& message)
{
    auto it = m_users.find(connection);
    if (it == m_users.end())
        return;
    ServerUser* user = it->second.get();
    const QString& name = message.command();
    auto command = m_commands.constFind(name);
    if (command == m_commands.constEnd()) {
        if (user->m_registered)
            reply(user, ERR_UNKNOWNCOMMAND, {name, QStringLiteral("Unknown command")});
        else
            reply(user, ERR_NOTREGISTERED, {QStringLiteral("You have not registered")});
        return;
    }
    if (command->needsRegistration && !user->m_registered) {
        reply(user, ERR_NOTREGISTERED, {QStringLiteral("You have not registered")});
        return;
    }
    if (message.paramCount() < command->minParams) {
        reply(user, ERR_NEEDMOREPARAMS, {name, QStringLiteral("Not enough parameters")});
        return;
    }
    (this->*(command->handler))(user, message);
}

void ServerCore::handleInputTooLong(ClientConnection* connection)
{
    auto it = m_users.find(connection);
    if (it != m_users.end())
        reply(it->second.get(), ERR_INPUTTOOLONG, {QStringLiteral("Input line was too long")});
}

void ServerCore::removeConnection(ClientConnection* connection, const QString& reason)
{
    auto it = m_users.find(connection);
    if (it == m_users.end())
        return;
    quitUser(it->second.get(), reason);
}

void ServerCore::quitUser(ServerUser* user, const QString& reason)
{
    if (user->m_registered) {
        qCInfo(lcCore).noquote() << "quit:" << user->source() << '(' + reason + ')';
        RelayLine line(fromUser(user, IrcCommand::quit(reason)));
        for (ServerUser* other : sharingUsers(user))
            relay(line, other);
        --m_registeredCount;
        if (user->m_invisible)
            --m_invisibleCount;
    }
    const QList<ServerChannel*> channels = user->m_channels;
    for (ServerChannel* channel : channels)
        leaveChannel(user, channel);
    if (!user->m_foldedNick.isEmpty() && m_nicks.value(user->m_foldedNick) == user)
        m_nicks.remove(user->m_foldedNick);
    m_users.erase(user->connection());
}

void ServerCore::closeAll(const QString& reason)
{
    std::vector<ClientConnection*> connections;
    for (const auto& entry : m_users)
        connections.push_back(entry.first);
    m_users.clear();
    m_nicks.clear();
    m_channels.clear();
    m_registeredCount = 0;
    m_invisibleCount = 0;
    for (ClientConnection* connection : connections)
        connection->close(reason);
}

// ---------------------------------------------------------------------------------------------
// Helpers

void ServerCore::reply(ServerUser* user, int code, const QStringList& params)
{
    // Echoed client text (a nick, a channel, a key) may be empty or contain spaces when the
    // client sent it as a trailing parameter; in a middle position it would make the reply
    // unserializable, so it is shown as "*".
    QStringList safe = params;
    for (qsizetype i = 0; i + 1 < safe.size(); ++i) {
        const QString& param = safe.at(i);
        if (param.isEmpty() || param.startsWith(u':') || param.contains(u' '))
            safe[i] = Star;
    }
    user->connection()->send(
        IrcReply::numeric(m_config.serverName, code, user->replyTarget(), safe));
}

void ServerCore::relay(RelayLine& line, ServerUser* recipient)
{
    recipient->connection()->sendWire(line.wireFor(recipient));
}

RelayLine ServerCore::fromUser(ServerUser* user, IrcMessage message)
{
    message.setSource(user->source());
    // The "time" and "msgid" tags are added by RelayLine, only for recipients that want them.
    return RelayLine(std::move(message), m_msgIdPrefix, ++m_msgIdCounter);
}

ServerUser* ServerCore::findUser(const QString& nick) const
{
    ServerUser* user = m_nicks.value(fold(nick));
    return user && user->m_registered ? user : nullptr;
}

ServerChannel* ServerCore::findChannel(const QString& name) const
{
    auto it = m_channels.find(fold(name));
    return it == m_channels.end() ? nullptr : it->second.get();
}

QList<ServerUser*> ServerCore::sharingUsers(ServerUser* user) const
{
    QList<ServerUser*> result;
    QSet<ServerUser*> seen;
    seen.insert(user);
    for (ServerChannel* channel : user->m_channels) {
        for (ServerUser* member : channel->m_members) {
            if (!seen.contains(member)) {
                seen.insert(member);
                result.append(member);
            }
        }
    }
    return result;
}

QString ServerCore::prefixes(ServerChannel* channel, ServerUser* member, bool all) const
{
    const int flags = channel->flags(member);
    QString result;
    if (flags & ServerChannel::Op)
        result += u'@';
    if ((flags & ServerChannel::Voice) && (all || result.isEmpty()))
        result += u'+';
    return result;
}

bool ServerCore::isBanned(ServerChannel* channel, ServerUser* user) const
{
    if (channel->m_bans.isEmpty())
        return false;
    const QString source = fold(user->source());
    for (const QString& ban : channel->m_bans) {
        if (wildcardMatch(fold(ban), source))
            return true;
    }
    return false;
}

QString ServerCore::capList() const
{
    QStringList names;
    for (const CapName& cap : Caps)
        names.append(QLatin1String(cap.name));
    return names.join(u' ');
}

QStringList ServerCore::isupportTokens() const
{
    const QString chanLimit = QStringLiteral("#&:") + number(m_config.maxChannelsPerUser);
    return {
        QStringLiteral("AWAYLEN=") + number(m_config.awayLength),
        QStringLiteral("CASEMAPPING=") + m_caseMapping.name(),
        QStringLiteral("CHANLIMIT=") + chanLimit,
        QStringLiteral("CHANMODES=b,k,l,imnst"),
        QStringLiteral("CHANNELLEN=") + number(m_config.channelLength),
        QStringLiteral("CHANTYPES=#&"),
        QStringLiteral("KICKLEN=") + number(m_config.kickLength),
        QStringLiteral("LINELEN=") + number(Limits::MaxLineBytes),
        QStringLiteral("MAXTARGETS=") + number(m_config.maxTargets),
        QStringLiteral("MODES=20"),
        QStringLiteral("NETWORK=") + m_config.networkName,
        QStringLiteral("NICKLEN=") + number(m_config.nickLength),
        QStringLiteral("PREFIX=(ov)@+"),
        QStringLiteral("TARGMAX=PRIVMSG:%1,NOTICE:%1,TAGMSG:%1,JOIN:,PART:,KICK:%1,NAMES:,"
                       "WHOIS:1,LIST:")
            .arg(m_config.maxTargets),
        QStringLiteral("TOPICLEN=") + number(m_config.topicLength),
        QStringLiteral("USERLEN=") + number(Limits::UserLength),
    };
}

// ---------------------------------------------------------------------------------------------
// Registration

void ServerCore::onPass(ServerUser* user, const IrcMessage& message)
{
    if (user->m_registered) {
        reply(user, ERR_ALREADYREGISTERED, {QStringLiteral("You may not reregister")});
        return;
    }
    user->m_password = message.param(0);
}

void ServerCore::onNick(ServerUser* user, const IrcMessage& message)
{
    const QString nick = message.param(0);
    if (nick.isEmpty()) {
        reply(user, ERR_NONICKNAMEGIVEN, {QStringLiteral("No nickname given")});
        return;
    }
    if (IrcValidation::checkNick(nick, m_config.nickLength) != IrcValidation::Reason::Valid) {
        reply(user, ERR_ERRONEUSNICKNAME, {nick, QStringLiteral("Erroneous nickname")});
        return;
    }
    const QString folded = fold(nick);
    ServerUser* owner = m_nicks.value(folded);
    if (owner && owner != user) {
        reply(user, ERR_NICKNAMEINUSE, {nick, QStringLiteral("Nickname is already in use")});
        return;
    }
    if (nick == user->m_nick)
        return;

    if (user->m_registered) {
        RelayLine line(fromUser(user, IrcCommand::nick(nick)));
        relay(line, user);
        for (ServerUser* other : sharingUsers(user))
            relay(line, other);
        qCInfo(lcCore).noquote() << "nick change:" << user->m_nick << "->" << nick;
    }
    if (!user->m_foldedNick.isEmpty())
        m_nicks.remove(user->m_foldedNick);
    user->m_nick = nick;
    user->invalidateSource();
    user->m_foldedNick = folded;
    m_nicks.insert(folded, user);
    if (!user->m_registered)
        tryCompleteRegistration(user);
}

void ServerCore::onUser(ServerUser* user, const IrcMessage& message)
{
    if (user->m_registered || !user->m_user.isEmpty()) {
        reply(user, ERR_ALREADYREGISTERED, {QStringLiteral("You may not reregister")});
        return;
    }
    if (message.param(0).isEmpty() || message.param(3).isEmpty()) {
        reply(user, ERR_NEEDMOREPARAMS, {message.command(), QStringLiteral("Not enough parameters")});
        return;
    }
    QString name;
    for (QChar c : message.param(0)) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.')
            name += c;
    }
    name.truncate(Limits::UserLength);
    if (name.isEmpty())
        name = QStringLiteral("user");
    user->m_user = QLatin1Char('~') + name;
    user->invalidateSource();
    user->m_user.truncate(Limits::UserLength);
    user->m_realName = message.param(3);
    tryCompleteRegistration(user);
}

void ServerCore::tryCompleteRegistration(ServerUser* user)
{
    if (user->m_registered || user->m_nick.isEmpty() || user->m_user.isEmpty()
        || user->m_capNegotiating) {
        return;
    }
    if (!m_config.password.isEmpty() && user->m_password != m_config.password) {
        qCInfo(lcCore).noquote() << "bad password from" << user->m_host;
        reply(user, ERR_PASSWDMISMATCH, {QStringLiteral("Password incorrect")});
        ClientConnection* connection = user->connection();
        quitUser(user, QStringLiteral("Bad password"));
        connection->close(QStringLiteral("Bad password"));
        return;
    }
    user->m_registered = true;
    user->m_signonSecs = nowSecs();
    user->m_lastMessageSecs = user->m_signonSecs;
    ++m_registeredCount;
    m_maxRegisteredCount = std::max(m_maxRegisteredCount, m_registeredCount);
    user->connection()->setRegistered();
    qCInfo(lcCore).noquote() << "registered:" << user->source();
    sendWelcome(user);
    emit userRegistered(user->m_nick);
    if (m_config.autoJoin && !m_config.defaultChannel.isEmpty())
        joinChannel(user, m_config.defaultChannel, QString());
}

void ServerCore::sendWelcome(ServerUser* user)
{
    reply(user, RPL_WELCOME,
          {QStringLiteral("Welcome to the %1 IRC Network %2")
               .arg(m_config.networkName, user->source())});
    reply(user, RPL_YOURHOST,
          {QStringLiteral("Your host is %1, running version %2")
               .arg(m_config.serverName, versionString())});
    reply(user, RPL_CREATED, {QStringLiteral("This server was created ") + m_createdText});
    reply(user, RPL_MYINFO,
          {m_config.serverName, versionString(), QStringLiteral("i"),
           QStringLiteral("biklmnostv"), QStringLiteral("bklov")});
    const QStringList tokens = isupportTokens();
    constexpr int PerLine = 12;
    for (int i = 0; i < tokens.size(); i += PerLine) {
        QStringList params = tokens.mid(i, PerLine);
        params.append(QStringLiteral("are supported by this server"));
        reply(user, RPL_ISUPPORT, params);
    }
    sendLusers(user);
    sendMotd(user);
}

void ServerCore::sendLusers(ServerUser* user)
{
    const int invisible = m_invisibleCount; // kept current: no walk over every user per login
    const int unknown = connectionCount() - m_registeredCount;
    reply(user, RPL_LUSERCLIENT,
          {QStringLiteral("There are %1 users and %2 invisible on 1 servers")
               .arg(m_registeredCount - invisible)
               .arg(invisible)});
    reply(user, RPL_LUSEROP, {QStringLiteral("0"), QStringLiteral("operator(s) online")});
    if (unknown > 0)
        reply(user, RPL_LUSERUNKNOWN, {number(unknown), QStringLiteral("unknown connection(s)")});
    reply(user, RPL_LUSERCHANNELS, {number(channelCount()), QStringLiteral("channels formed")});
    reply(user, RPL_LUSERME,
          {QStringLiteral("I have %1 clients and 0 servers").arg(m_registeredCount)});
    const QString current = number(m_registeredCount);
    const QString max = number(m_maxRegisteredCount);
    reply(user, RPL_LOCALUSERS,
          {current, max, QStringLiteral("Current local users %1, max %2").arg(current, max)});
    reply(user, RPL_GLOBALUSERS,
          {current, max, QStringLiteral("Current global users %1, max %2").arg(current, max)});
}

void ServerCore::sendMotd(ServerUser* user)
{
    if (!m_hasMotd) {
        reply(user, ERR_NOMOTD, {QStringLiteral("MOTD File is missing")});
        return;
    }
    reply(user, RPL_MOTDSTART,
          {QStringLiteral("- %1 Message of the day - ").arg(m_config.serverName)});
    for (const QString& line : m_motd)
        reply(user, RPL_MOTD, {QStringLiteral("- ") + line});
    reply(user, RPL_ENDOFMOTD, {QStringLiteral("End of /MOTD command.")});
}

void ServerCore::sendCap(ServerUser* user, const QString& subcommand, const QString& caps)
{
    IrcMessage reply = IrcCommand::capReply(user->replyTarget(), subcommand, caps);
    reply.setSource(m_config.serverName);
    user->connection()->send(reply);
}

void ServerCore::onCap(ServerUser* user, const IrcMessage& message)
{
    const QString sub = message.param(0).toUpper();
    if (sub == QLatin1String("LS")) {
        if (!user->m_registered)
            user->m_capNegotiating = true;
        sendCap(user, sub, capList());
        return;
    }
    if (sub == QLatin1String("LIST")) {
        QStringList enabled;
        for (const CapName& cap : Caps) {
            if (user->hasCap(cap.flag))
                enabled.append(QLatin1String(cap.name));
        }
        sendCap(user, sub, enabled.join(u' '));
        return;
    }
    if (sub == QLatin1String("REQ")) {
        if (!user->m_registered)
            user->m_capNegotiating = true;
        const QString requested = message.param(1);
        int add = 0;
        int remove = 0;
        bool ok = true;
        const QStringList names = requested.split(u' ', Qt::SkipEmptyParts);
        for (QString name : names) {
            const bool minus = name.startsWith(u'-');
            if (minus)
                name.remove(0, 1);
            int flag = 0;
            for (const CapName& cap : Caps) {
                if (name == QLatin1String(cap.name))
                    flag = cap.flag;
            }
            if (flag == 0) {
                ok = false;
                break;
            }
            (minus ? remove : add) |= flag;
        }
        if (!ok || names.isEmpty()) {
            sendCap(user, QStringLiteral("NAK"), requested);
            return;
        }
        user->m_caps = (user->m_caps | add) & ~remove;
        sendCap(user, QStringLiteral("ACK"), requested);
        return;
    }
    if (sub == QLatin1String("END")) {
        if (!user->m_registered) {
            user->m_capNegotiating = false;
            tryCompleteRegistration(user);
        }
        return;
    }
    reply(user, ERR_INVALIDCAPCMD, {message.param(0), QStringLiteral("Invalid CAP command")});
}

void ServerCore::onPing(ServerUser* user, const IrcMessage& message)
{
    if (message.paramCount() < 1 || message.param(0).isEmpty()) {
        reply(user, ERR_NOORIGIN, {QStringLiteral("No origin specified")});
        return;
    }
    IrcMessage pong = IrcCommand::pong(message.param(0), m_config.serverName);
    pong.setSource(m_config.serverName);
    user->connection()->send(pong);
}

void ServerCore::onPong(ServerUser*, const IrcMessage&)
{
    // Any line counts as activity for the session's ping timer; nothing else to do.
}

void ServerCore::onQuit(ServerUser* user, const IrcMessage& message)
{
    const QString text = message.param(0);
    const QString reason = text.isEmpty() ? QStringLiteral("Client Quit")
                                          : QStringLiteral("Quit: ") + text;
    ClientConnection* connection = user->connection();
    quitUser(user, reason);
    connection->close(reason);
}

// ---------------------------------------------------------------------------------------------
// Messages

void ServerCore::onPrivmsg(ServerUser* user, const IrcMessage& message)
{
    sendMessage(user, message, false, false);
}

void ServerCore::onNotice(ServerUser* user, const IrcMessage& message)
{
    sendMessage(user, message, true, false);
}

void ServerCore::onTagmsg(ServerUser* user, const IrcMessage& message)
{
    sendMessage(user, message, true, true);
}

void ServerCore::sendMessage(ServerUser* user, const IrcMessage& message, bool notice,
                             bool tagOnly)
{
    // RFC 2812 3.3.2: no error reply is ever sent for a NOTICE.
    const bool errors = !notice;
    const QString& command = message.command();
    const QStringList& params = message.params();
    if (params.isEmpty() || params.constFirst().isEmpty()) {
        if (errors)
            reply(user, ERR_NORECIPIENT,
                  {QStringLiteral("No recipient given (%1)").arg(command)});
        return;
    }
    if (!tagOnly && (params.size() < 2 || params.at(1).isEmpty())) {
        if (errors)
            reply(user, ERR_NOTEXTTOSEND, {QStringLiteral("No text to send")});
        return;
    }
    const QString& targetList = params.constFirst();
    const QStringList targets = targetList.contains(u',')
                                    ? targetList.split(u',', Qt::SkipEmptyParts)
                                    : QStringList{targetList};
    if (targets.size() > m_config.maxTargets) {
        if (errors)
            reply(user, IrcNumeric::ERR_TOOMANYTARGETS,
                  {targets.value(m_config.maxTargets),
                   QStringLiteral("Too many targets. Maximum is %1").arg(m_config.maxTargets)});
        return;
    }

    // Only client-only tags ("+name") are relayed; the server adds its own time.
    QList<IrcTag> clientTags;
    for (const IrcTag& tag : message.tags()) {
        if (tag.key.startsWith(u'+'))
            clientTags.append(tag);
    }
    user->m_lastMessageSecs = nowSecs();

    for (const QString& target : targets) {
        IrcMessage out(command, tagOnly ? QStringList{target}
                                        : QStringList{target, params.at(1)});
        out.setTags(clientTags);
        out.setLastParamTrailing(!tagOnly); // text is written ":text", as every server does
        RelayLine line(fromUser(user, std::move(out)));
        const bool echo = user->hasCap(ServerCap::EchoMessage);
        if (IrcValidation::isChannelName(target)) {
            ServerChannel* channel = findChannel(target);
            if (!channel) {
                if (errors)
                    reply(user, ERR_NOSUCHCHANNEL, {target, QStringLiteral("No such channel")});
                continue;
            }
            const bool member = channel->hasMember(user);
            const bool privileged = channel->isOp(user) || channel->isVoiced(user);
            if ((channel->m_noExternal && !member) || (channel->m_moderated && !privileged)
                || (!privileged && isBanned(channel, user))) {
                if (errors)
                    reply(user, ERR_CANNOTSENDTOCHAN,
                          {channel->m_name, QStringLiteral("Cannot send to channel")});
                continue;
            }
            for (ServerUser* member : channel->m_members) {
                if (member == user && !echo)
                    continue;
                if (tagOnly && !member->hasCap(ServerCap::MessageTags))
                    continue;
                relay(line, member);
            }
            if (echo && !member && (!tagOnly || user->hasCap(ServerCap::MessageTags)))
                relay(line, user);
            continue;
        }
        ServerUser* recipient = findUser(target);
        if (!recipient) {
            if (errors)
                reply(user, ERR_NOSUCHNICK, {target, QStringLiteral("No such nick/channel")});
            continue;
        }
        if (!tagOnly || recipient->hasCap(ServerCap::MessageTags))
            relay(line, recipient);
        if (echo && recipient != user && (!tagOnly || user->hasCap(ServerCap::MessageTags)))
            relay(line, user);
        if (!notice && recipient->isAway())
            reply(user, RPL_AWAY, {recipient->m_nick, recipient->m_awayMessage});
    }
}

// ---------------------------------------------------------------------------------------------
// Channels

void ServerCore::onJoin(ServerUser* user, const IrcMessage& message)
{
    if (message.param(0) == QLatin1String("0")) {
        const QList<ServerChannel*> channels = user->m_channels;
        for (ServerChannel* channel : channels) {
            RelayLine line(fromUser(user, IrcCommand::part(channel->m_name, user->m_nick)));
            for (ServerUser* member : channel->m_members)
                relay(line, member);
            leaveChannel(user, channel);
        }
        return;
    }
    const QStringList names = message.param(0).split(u',', Qt::SkipEmptyParts);
    const QStringList keys = message.param(1).split(u',');
    for (int i = 0; i < names.size(); ++i)
        joinChannel(user, names.at(i), keys.value(i));
}

void ServerCore::joinChannel(ServerUser* user, const QString& name, const QString& key)
{
    if (IrcValidation::checkChannel(name, m_config.channelLength)
        != IrcValidation::Reason::Valid) {
        reply(user, ERR_NOSUCHCHANNEL, {name, QStringLiteral("No such channel")});
        return;
    }
    ServerChannel* channel = findChannel(name);
    if (channel && channel->hasMember(user))
        return;
    if (user->m_channels.size() >= m_config.maxChannelsPerUser) {
        reply(user, ERR_TOOMANYCHANNELS,
              {name, QStringLiteral("You have joined too many channels")});
        return;
    }
    int flags = 0;
    if (!channel) {
        auto created = std::make_unique<ServerChannel>();
        created->m_name = name;
        created->m_foldedName = fold(name);
        created->m_createdSecs = nowSecs();
        channel = created.get();
        m_channels.emplace(created->m_foldedName, std::move(created));
        flags = ServerChannel::Op;
    } else {
        const bool invited = channel->m_invited.contains(user->m_foldedNick);
        if (!channel->m_key.isEmpty() && key != channel->m_key && !invited) {
            reply(user, ERR_BADCHANNELKEY,
                  {channel->m_name, QStringLiteral("Cannot join channel (+k)")});
            return;
        }
        if (channel->m_inviteOnly && !invited) {
            reply(user, ERR_INVITEONLYCHAN,
                  {channel->m_name, QStringLiteral("Cannot join channel (+i)")});
            return;
        }
        if (channel->m_limit > 0 && channel->m_members.size() >= channel->m_limit && !invited) {
            reply(user, ERR_CHANNELISFULL,
                  {channel->m_name, QStringLiteral("Cannot join channel (+l)")});
            return;
        }
        if (isBanned(channel, user) && !invited) {
            reply(user, ERR_BANNEDFROMCHAN,
                  {channel->m_name, QStringLiteral("Cannot join channel (+b)")});
            return;
        }
        channel->m_invited.remove(user->m_foldedNick);
    }
    channel->addMember(user, flags);
    user->m_channels.append(channel);

    RelayLine line(fromUser(user, IrcCommand::join(channel->m_name)));
    for (ServerUser* member : channel->m_members)
        relay(line, member);
    if (user->isAway()) {
        RelayLine away(fromUser(user, IrcCommand::away(user->m_awayMessage)));
        for (ServerUser* member : channel->m_members) {
            if (member != user && member->hasCap(ServerCap::AwayNotify))
                relay(away, member);
        }
    }
    sendTopic(user, channel, false);
    sendNames(user, channel);
    sendEndOfNames(user, channel->m_name);
}

void ServerCore::leaveChannel(ServerUser* user, ServerChannel* channel)
{
    channel->removeMember(user);
    user->m_channels.removeOne(channel);
    if (channel->m_members.isEmpty())
        m_channels.erase(channel->m_foldedName);
}

void ServerCore::onPart(ServerUser* user, const IrcMessage& message)
{
    const QStringList names = message.param(0).split(u',', Qt::SkipEmptyParts);
    const QString reason = message.param(1);
    for (const QString& name : names) {
        ServerChannel* channel = findChannel(name);
        if (!channel) {
            reply(user, ERR_NOSUCHCHANNEL, {name, QStringLiteral("No such channel")});
            continue;
        }
        if (!channel->hasMember(user)) {
            reply(user, ERR_NOTONCHANNEL,
                  {channel->m_name, QStringLiteral("You're not on that channel")});
            continue;
        }
        RelayLine line(fromUser(user, IrcCommand::part(channel->m_name, reason)));
        for (ServerUser* member : channel->m_members)
            relay(line, member);
        leaveChannel(user, channel);
    }
}

void ServerCore::sendTopic(ServerUser* user, ServerChannel* channel, bool always)
{
    if (channel->m_topic.isEmpty()) {
        if (always)
            reply(user, RPL_NOTOPIC, {channel->m_name, QStringLiteral("No topic is set")});
        return;
    }
    reply(user, RPL_TOPIC, {channel->m_name, channel->m_topic});
    reply(user, RPL_TOPICWHOTIME,
          {channel->m_name, channel->m_topicSetBy, number(channel->m_topicSecs)});
}

void ServerCore::sendNames(ServerUser* user, ServerChannel* channel)
{
    const bool all = user->hasCap(ServerCap::MultiPrefix);
    // ":server 353 nick = #channel :" + names + CRLF must fit in one line.
    const int overhead = int(m_config.serverName.toUtf8().size() + user->m_nick.toUtf8().size()
                             + channel->m_name.toUtf8().size())
                         + 16;
    const int budget = Limits::MaxLineBytes - overhead;
    const QString symbol = channel->m_secret ? QStringLiteral("@") : QStringLiteral("=");
    QString names;
    int bytes = 0;
    auto flush = [&] {
        if (!names.isEmpty())
            reply(user, RPL_NAMREPLY, {symbol, channel->m_name, names});
        names.clear();
        bytes = 0;
    };
    for (ServerUser* member : channel->m_members) {
        const QString entry = prefixes(channel, member, all) + member->m_nick;
        const int size = int(entry.toUtf8().size()) + 1;
        if (bytes + size > budget)
            flush();
        if (!names.isEmpty())
            names += u' ';
        names += entry;
        bytes += size;
    }
    flush();
}

void ServerCore::sendEndOfNames(ServerUser* user, const QString& name)
{
    reply(user, RPL_ENDOFNAMES, {name, QStringLiteral("End of /NAMES list")});
}

bool ServerCore::isVisible(ServerChannel* channel, ServerUser* user) const
{
    return !channel->m_secret || channel->hasMember(user);
}

void ServerCore::onTopic(ServerUser* user, const IrcMessage& message)
{
    ServerChannel* channel = findChannel(message.param(0));
    if (!channel) {
        reply(user, ERR_NOSUCHCHANNEL, {message.param(0), QStringLiteral("No such channel")});
        return;
    }
    if (message.paramCount() < 2) {
        sendTopic(user, channel, true);
        return;
    }
    if (!channel->hasMember(user)) {
        reply(user, ERR_NOTONCHANNEL,
              {channel->m_name, QStringLiteral("You're not on that channel")});
        return;
    }
    if (channel->m_topicLocked && !channel->isOp(user)) {
        reply(user, ERR_CHANOPRIVSNEEDED,
              {channel->m_name, QStringLiteral("You're not channel operator")});
        return;
    }
    QString topic = message.param(1);
    topic.truncate(m_config.topicLength);
    channel->m_topic = topic;
    channel->m_topicSetBy = user->source();
    channel->m_topicSecs = nowSecs();
    RelayLine line(fromUser(user, IrcCommand::topic(channel->m_name, topic)));
    for (ServerUser* member : channel->m_members)
        relay(line, member);
}

void ServerCore::onKick(ServerUser* user, const IrcMessage& message)
{
    const QStringList channels = message.param(0).split(u',', Qt::SkipEmptyParts);
    const QStringList nicks = message.param(1).split(u',', Qt::SkipEmptyParts);
    QString reason = message.param(2);
    if (reason.isEmpty())
        reason = user->m_nick; // RFC 2812 3.2.8: the default comment is the kicker's nick
    reason.truncate(m_config.kickLength);
    if (channels.isEmpty() || nicks.isEmpty()) {
        reply(user, ERR_NEEDMOREPARAMS, {message.command(), QStringLiteral("Not enough parameters")});
        return;
    }
    if (channels.size() == 1) {
        for (const QString& nick : nicks)
            kick(user, channels.first(), nick, reason);
    } else if (channels.size() == nicks.size()) {
        for (int i = 0; i < channels.size(); ++i)
            kick(user, channels.at(i), nicks.at(i), reason);
    } else {
        reply(user, ERR_NEEDMOREPARAMS, {message.command(), QStringLiteral("Not enough parameters")});
    }
}

void ServerCore::kick(ServerUser* user, const QString& name, const QString& nick,
                      const QString& reason)
{
    ServerChannel* channel = findChannel(name);
    if (!channel) {
        reply(user, ERR_NOSUCHCHANNEL, {name, QStringLiteral("No such channel")});
        return;
    }
    if (!channel->hasMember(user)) {
        reply(user, ERR_NOTONCHANNEL,
              {channel->m_name, QStringLiteral("You're not on that channel")});
        return;
    }
    if (!channel->isOp(user)) {
        reply(user, ERR_CHANOPRIVSNEEDED,
              {channel->m_name, QStringLiteral("You're not channel operator")});
        return;
    }
    ServerUser* target = findUser(nick);
    if (!target || !channel->hasMember(target)) {
        reply(user, ERR_USERNOTINCHANNEL,
              {nick, channel->m_name, QStringLiteral("They aren't on that channel")});
        return;
    }
    RelayLine line(fromUser(user, IrcCommand::kick(channel->m_name, target->m_nick, reason)));
    for (ServerUser* member : channel->m_members)
        relay(line, member);
    leaveChannel(target, channel); // may delete the channel
}

void ServerCore::onMode(ServerUser* user, const IrcMessage& message)
{
    const QString target = message.param(0);
    if (IrcValidation::isChannelName(target)) {
        ServerChannel* channel = findChannel(target);
        if (!channel) {
            reply(user, ERR_NOSUCHCHANNEL, {target, QStringLiteral("No such channel")});
            return;
        }
        modeChannel(user, channel, message);
        return;
    }
    modeUser(user, message);
}

void ServerCore::modeUser(ServerUser* user, const IrcMessage& message)
{
    const QString target = message.param(0);
    if (!findUser(target)) {
        reply(user, ERR_NOSUCHNICK, {target, QStringLiteral("No such nick/channel")});
        return;
    }
    if (fold(target) != user->m_foldedNick) {
        reply(user, ERR_USERSDONTMATCH,
              {QStringLiteral("Cant change mode for other users")});
        return;
    }
    if (message.paramCount() < 2) {
        reply(user, RPL_UMODEIS, {user->m_invisible ? QStringLiteral("+i") : QStringLiteral("+")});
        return;
    }
    bool adding = true;
    QString applied;
    QChar appliedSign;
    bool unknown = false;
    for (QChar c : message.param(1)) {
        if (c == u'+' || c == u'-') {
            adding = c == u'+';
        } else if (c == u'i') {
            if (user->m_invisible != adding) {
                user->m_invisible = adding;
                m_invisibleCount += adding ? 1 : -1;
                const QChar sign = adding ? u'+' : u'-';
                if (sign != appliedSign)
                    applied += sign;
                appliedSign = sign;
                applied += c;
            }
        } else {
            unknown = true;
        }
    }
    if (unknown)
        reply(user, ERR_UMODEUNKNOWNFLAG, {QStringLiteral("Unknown MODE flag")});
    if (!applied.isEmpty()) {
        IrcMessage mode = IrcCommand::mode(user->m_nick, applied);
        mode.setSource(user->source());
        user->connection()->send(mode);
    }
}

void ServerCore::modeChannel(ServerUser* user, ServerChannel* channel, const IrcMessage& message)
{
    if (message.paramCount() < 2) {
        QString modes = QStringLiteral("+");
        QStringList args;
        if (channel->m_inviteOnly)
            modes += u'i';
        if (!channel->m_key.isEmpty()) {
            modes += u'k';
            args.append(channel->hasMember(user) ? channel->m_key : QStringLiteral("*"));
        }
        if (channel->m_limit > 0) {
            modes += u'l';
            args.append(number(channel->m_limit));
        }
        if (channel->m_moderated)
            modes += u'm';
        if (channel->m_noExternal)
            modes += u'n';
        if (channel->m_secret)
            modes += u's';
        if (channel->m_topicLocked)
            modes += u't';
        reply(user, RPL_CHANNELMODEIS, QStringList{channel->m_name, modes} + args);
        reply(user, RPL_CREATIONTIME, {channel->m_name, number(channel->m_createdSecs)});
        return;
    }

    const bool op = channel->isOp(user);
    bool adding = true;
    int argIndex = 2;
    QString applied;
    QChar appliedSign;
    QStringList appliedArgs;
    bool deniedSent = false;
    auto record = [&](QChar mode, const QString& arg) {
        const QChar sign = adding ? u'+' : u'-';
        if (sign != appliedSign)
            applied += sign;
        appliedSign = sign;
        applied += mode;
        if (!arg.isNull())
            appliedArgs.append(arg);
    };
    auto allowed = [&]() {
        if (op)
            return true;
        if (!deniedSent)
            reply(user, ERR_CHANOPRIVSNEEDED,
                  {channel->m_name, QStringLiteral("You're not channel operator")});
        deniedSent = true;
        return false;
    };
    auto flag = [&](QChar mode, bool& value) {
        if (!allowed())
            return;
        if (value != adding) {
            value = adding;
            record(mode, QString());
        }
    };

    for (QChar c : message.param(1)) {
        switch (c.unicode()) {
        case '+':
        case '-':
            adding = c == u'+';
            break;
        case 'i':
            flag(c, channel->m_inviteOnly);
            break;
        case 'm':
            flag(c, channel->m_moderated);
            break;
        case 'n':
            flag(c, channel->m_noExternal);
            break;
        case 's':
            flag(c, channel->m_secret);
            break;
        case 't':
            flag(c, channel->m_topicLocked);
            break;
        case 'o':
        case 'v': {
            if (argIndex >= message.paramCount())
                break;
            const QString nick = message.param(argIndex++);
            if (!allowed())
                break;
            ServerUser* target = findUser(nick);
            if (!target) {
                reply(user, ERR_NOSUCHNICK, {nick, QStringLiteral("No such nick/channel")});
                break;
            }
            if (!channel->hasMember(target)) {
                reply(user, ERR_USERNOTINCHANNEL,
                      {target->m_nick, channel->m_name,
                       QStringLiteral("They aren't on that channel")});
                break;
            }
            const int bit = c == u'o' ? ServerChannel::Op : ServerChannel::Voice;
            if (((channel->flags(target) & bit) != 0) != adding) {
                channel->setFlag(target, bit, adding);
                record(c, target->m_nick);
            }
            break;
        }
        case 'k': {
            if (adding) {
                if (argIndex >= message.paramCount())
                    break;
                const QString key = message.param(argIndex++);
                if (!allowed())
                    break;
                if (key.isEmpty() || key.size() > MaxKeyLength || key.contains(u' ')
                    || key.contains(u',') || key.startsWith(u':')) {
                    reply(user, IrcNumeric::ERR_INVALIDMODEPARAM,
                          {channel->m_name, QStringLiteral("k"), Star,
                           QStringLiteral("Invalid key")});
                    break;
                }
                if (channel->m_key != key) {
                    channel->m_key = key;
                    record(c, key);
                }
            } else {
                if (argIndex < message.paramCount())
                    ++argIndex;
                if (!allowed())
                    break;
                if (!channel->m_key.isEmpty()) {
                    channel->m_key.clear();
                    record(c, QStringLiteral("*"));
                }
            }
            break;
        }
        case 'l': {
            if (adding) {
                if (argIndex >= message.paramCount())
                    break;
                const QString arg = message.param(argIndex++);
                if (!allowed())
                    break;
                bool ok = false;
                const int limit = arg.toInt(&ok);
                if (!ok || limit <= 0) {
                    reply(user, IrcNumeric::ERR_INVALIDMODEPARAM,
                          {channel->m_name, QStringLiteral("l"), arg,
                           QStringLiteral("Invalid limit")});
                    break;
                }
                if (channel->m_limit != limit) {
                    channel->m_limit = limit;
                    record(c, number(limit));
                }
            } else {
                if (!allowed())
                    break;
                if (channel->m_limit > 0) {
                    channel->m_limit = 0;
                    record(c, QString());
                }
            }
            break;
        }
        case 'b': {
            if (argIndex >= message.paramCount()) {
                for (const QString& ban : channel->m_bans)
                    reply(user, RPL_BANLIST, {channel->m_name, ban});
                reply(user, RPL_ENDOFBANLIST,
                      {channel->m_name, QStringLiteral("End of channel ban list")});
                break;
            }
            const QString given = message.param(argIndex++);
            if (!allowed())
                break;
            if (given.isEmpty() || given.startsWith(u':') || given.contains(u' ')) {
                reply(user, IrcNumeric::ERR_INVALIDMODEPARAM,
                      {channel->m_name, QStringLiteral("b"), Star, QStringLiteral("Invalid mask")});
                break;
            }
            const QString mask = normaliseMask(given);
            const QString folded = fold(mask);
            auto existing = std::find_if(channel->m_bans.begin(), channel->m_bans.end(),
                                         [&](const QString& b) { return fold(b) == folded; });
            if (adding && existing == channel->m_bans.end()) {
                channel->m_bans.append(mask);
                record(c, mask);
            } else if (!adding && existing != channel->m_bans.end()) {
                channel->m_bans.erase(existing);
                record(c, mask);
            }
            break;
        }
        default:
            reply(user, ERR_UNKNOWNMODE, {QString(c), QStringLiteral("is unknown mode char to me")});
            break;
        }
    }
    if (applied.isEmpty())
        return;
    RelayLine line(fromUser(user, IrcCommand::mode(channel->m_name, applied, appliedArgs)));
    for (ServerUser* member : channel->m_members)
        relay(line, member);
}

void ServerCore::onInvite(ServerUser* user, const IrcMessage& message)
{
    const QString nick = message.param(0);
    const QString name = message.param(1);
    ServerUser* target = findUser(nick);
    if (!target) {
        reply(user, ERR_NOSUCHNICK, {nick, QStringLiteral("No such nick/channel")});
        return;
    }
    ServerChannel* channel = findChannel(name);
    if (!channel) {
        reply(user, ERR_NOSUCHCHANNEL, {name, QStringLiteral("No such channel")});
        return;
    }
    if (!channel->hasMember(user)) {
        reply(user, ERR_NOTONCHANNEL,
              {channel->m_name, QStringLiteral("You're not on that channel")});
        return;
    }
    if (channel->hasMember(target)) {
        reply(user, ERR_USERONCHANNEL,
              {target->m_nick, channel->m_name, QStringLiteral("is already on channel")});
        return;
    }
    if (channel->m_inviteOnly && !channel->isOp(user)) {
        reply(user, ERR_CHANOPRIVSNEEDED,
              {channel->m_name, QStringLiteral("You're not channel operator")});
        return;
    }
    channel->m_invited.insert(target->m_foldedNick);
    reply(user, RPL_INVITING, {target->m_nick, channel->m_name});
    if (target->isAway())
        reply(user, RPL_AWAY, {target->m_nick, target->m_awayMessage});
    RelayLine line(fromUser(user, IrcCommand::invite(target->m_nick, channel->m_name)));
    relay(line, target);
}

// ---------------------------------------------------------------------------------------------
// Queries

void ServerCore::onNames(ServerUser* user, const IrcMessage& message)
{
    // One RPL_ENDOFNAMES at the end, naming what was asked (modern.ircdocs.horse).
    if (message.paramCount() < 1 || message.param(0).isEmpty()) {
        for (const auto& entry : m_channels) {
            if (isVisible(entry.second.get(), user))
                sendNames(user, entry.second.get());
        }
        sendEndOfNames(user, Star);
        return;
    }
    const QStringList names = message.param(0).split(u',', Qt::SkipEmptyParts);
    for (const QString& name : names) {
        ServerChannel* channel = findChannel(name);
        if (channel && isVisible(channel, user))
            sendNames(user, channel);
    }
    sendEndOfNames(user, message.param(0));
}

void ServerCore::onWho(ServerUser* user, const IrcMessage& message)
{
    QString mask = message.param(0);
    if (mask.isEmpty())
        mask = Star;
    const bool all = user->hasCap(ServerCap::MultiPrefix);
    auto whoReply = [&](ServerUser* who, ServerChannel* channel) {
        QString flags = who->isAway() ? QStringLiteral("G") : QStringLiteral("H");
        if (channel)
            flags += prefixes(channel, who, all);
        reply(user, RPL_WHOREPLY,
              {channel ? channel->m_name : Star, who->m_user, who->m_host, m_config.serverName,
               who->m_nick, flags, QStringLiteral("0 ") + who->m_realName});
    };
    if (IrcValidation::isChannelName(mask)) {
        ServerChannel* channel = findChannel(mask);
        if (channel && isVisible(channel, user)) {
            const bool member = channel->hasMember(user);
            for (ServerUser* who : channel->m_members) {
                if (member || !who->m_invisible)
                    whoReply(who, channel);
            }
        }
    } else {
        const bool everyone = mask == Star || mask == QLatin1String("0");
        const QString folded = fold(mask);
        QSet<ServerUser*> shared;
        for (ServerUser* other : sharingUsers(user))
            shared.insert(other);
        for (const auto& entry : m_users) {
            ServerUser* who = entry.second.get();
            if (!who->m_registered)
                continue;
            if (everyone) {
                if (who != user && who->m_invisible && !shared.contains(who))
                    continue;
            } else if (!wildcardMatch(folded, who->m_foldedNick)
                       && !wildcardMatch(folded, fold(who->m_host))) {
                continue;
            }
            whoReply(who, nullptr); // no channel context: "*" and no prefix
        }
    }
    reply(user, RPL_ENDOFWHO, {mask, QStringLiteral("End of WHO list")});
}

void ServerCore::onWhois(ServerUser* user, const IrcMessage& message)
{
    const QString nick = message.param(message.paramCount() - 1).section(u',', 0, 0);
    ServerUser* who = findUser(nick);
    if (!who) {
        reply(user, ERR_NOSUCHNICK, {nick, QStringLiteral("No such nick/channel")});
        reply(user, RPL_ENDOFWHOIS, {nick, QStringLiteral("End of /WHOIS list")});
        return;
    }
    reply(user, RPL_WHOISUSER, {who->m_nick, who->m_user, who->m_host, Star, who->m_realName});
    QStringList channels;
    for (ServerChannel* channel : who->m_channels) {
        // +s channels, and every channel of a +i user, only to fellow members.
        const bool shown = (who == user || !who->m_invisible) ? isVisible(channel, user)
                                                              : channel->hasMember(user);
        if (shown)
            channels.append(prefixes(channel, who, false) + channel->m_name);
    }
    if (!channels.isEmpty())
        reply(user, RPL_WHOISCHANNELS, {who->m_nick, channels.join(u' ')});
    reply(user, RPL_WHOISSERVER,
          {who->m_nick, m_config.serverName, QStringLiteral("Confab server")});
    if (who->isAway())
        reply(user, RPL_AWAY, {who->m_nick, who->m_awayMessage});
    reply(user, RPL_WHOISIDLE,
          {who->m_nick, number(nowSecs() - who->m_lastMessageSecs), number(who->m_signonSecs),
           QStringLiteral("seconds idle, signon time")});
    reply(user, RPL_ENDOFWHOIS, {who->m_nick, QStringLiteral("End of /WHOIS list")});
}

void ServerCore::onIson(ServerUser* user, const IrcMessage& message)
{
    QStringList online;
    for (const QString& param : message.params()) {
        for (const QString& nick : param.split(u' ', Qt::SkipEmptyParts)) {
            if (ServerUser* who = findUser(nick))
                online.append(who->m_nick);
        }
    }
    reply(user, RPL_ISON, {online.join(u' ')});
}

void ServerCore::onUserhost(ServerUser* user, const IrcMessage& message)
{
    QStringList entries;
    for (const QString& nick : message.params().mid(0, 5)) {
        if (ServerUser* who = findUser(nick)) {
            entries.append(who->m_nick + u'=' + (who->isAway() ? u'-' : u'+') + who->m_user
                           + u'@' + who->m_host);
        }
    }
    reply(user, RPL_USERHOST, {entries.join(u' ')});
}

void ServerCore::onList(ServerUser* user, const IrcMessage& message)
{
    reply(user, RPL_LISTSTART, {QStringLiteral("Channel"), QStringLiteral("Users  Name")});
    auto listReply = [&](ServerChannel* channel) {
        if (!isVisible(channel, user))
            return;
        reply(user, RPL_LIST,
              {channel->m_name, number(channel->m_members.size()), channel->m_topic});
    };
    if (message.paramCount() >= 1 && !message.param(0).isEmpty()) {
        for (const QString& name : message.param(0).split(u',', Qt::SkipEmptyParts)) {
            if (ServerChannel* channel = findChannel(name))
                listReply(channel);
        }
    } else {
        for (const auto& entry : m_channels)
            listReply(entry.second.get());
    }
    reply(user, RPL_LISTEND, {QStringLiteral("End of /LIST")});
}

void ServerCore::onLusers(ServerUser* user, const IrcMessage&)
{
    sendLusers(user);
}

void ServerCore::onMotd(ServerUser* user, const IrcMessage&)
{
    sendMotd(user);
}

void ServerCore::onVersion(ServerUser* user, const IrcMessage&)
{
    reply(user, IrcNumeric::RPL_VERSION,
          {versionString(), m_config.serverName, QStringLiteral("Confab IRC server")});
    const QStringList tokens = isupportTokens();
    constexpr int PerLine = 12;
    for (int i = 0; i < tokens.size(); i += PerLine) {
        QStringList params = tokens.mid(i, PerLine);
        params.append(QStringLiteral("are supported by this server"));
        reply(user, RPL_ISUPPORT, params);
    }
}

void ServerCore::onTime(ServerUser* user, const IrcMessage&)
{
    reply(user, IrcNumeric::RPL_TIME,
          {m_config.serverName, QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date)});
}

void ServerCore::onAway(ServerUser* user, const IrcMessage& message)
{
    QString text = message.param(0);
    text.truncate(m_config.awayLength);
    if (text.isEmpty()) {
        const bool was = user->isAway();
        user->m_awayMessage.clear();
        reply(user, RPL_UNAWAY, {QStringLiteral("You are no longer marked as being away")});
        if (was)
            notifyAway(user);
        return;
    }
    user->m_awayMessage = text;
    reply(user, RPL_NOWAWAY, {QStringLiteral("You have been marked as being away")});
    notifyAway(user);
}

void ServerCore::notifyAway(ServerUser* user)
{
    RelayLine line(fromUser(user, IrcCommand::away(user->m_awayMessage)));
    for (ServerUser* other : sharingUsers(user)) {
        if (other->hasCap(ServerCap::AwayNotify))
            relay(line, other);
    }
}

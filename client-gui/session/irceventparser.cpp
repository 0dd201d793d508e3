#include "session/irceventparser.h"

#include "ircmessage.h"
#include "ircnumerics.h"
#include "session/ctcp.h"

using namespace IrcNumeric;
using namespace IrcEvents;

namespace {

QString lastParam(const IrcMessage& message)
{
    return message.params().isEmpty() ? QString() : message.params().last();
}

// How confabd's 301 to the sender of a message to an offline account begins.
const QString OfflineAwayPrefix = QStringLiteral("Offline; your message is kept");

// "a,b!u@h,c" (730/731): the nicks, each at most once; bounded like any list from the wire.
QStringList monitorNicks(const QString& list)
{
    constexpr int MaxNicks = 512;
    QStringList nicks;
    for (const QString& entry : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString nick = entry.section(QLatin1Char('!'), 0, 0).trimmed();
        if (!nick.isEmpty() && !nicks.contains(nick))
            nicks.append(nick);
        if (nicks.size() >= MaxNicks)
            break;
    }
    return nicks;
}

constexpr int ERR_NICKCOLLISION = 436;
constexpr int ERR_UNAVAILRESOURCE = 437;

} // namespace

IrcEvent IrcEventParser::parse(const IrcMessage& message)
{
    if (message.isNumeric())
        return parseNumeric(message);
    const QString& command = message.command();
    if (command == QLatin1String("PRIVMSG"))
        return parseText(message, false);
    if (command == QLatin1String("NOTICE"))
        return parseText(message, true);
    if (command == QLatin1String("JOIN")) // extended-join: "JOIN #room account :Real Name"
        return Join{message.nick(), message.param(0), message.param(2)};
    if (command == QLatin1String("SETNAME"))
        return SetName{message.nick(), message.param(0)};
    if (command == QLatin1String("PART"))
        return Part{message.nick(), message.param(0), message.param(1)};
    if (command == QLatin1String("KICK"))
        return Kick{message.nick(), message.param(0), message.param(1), message.param(2)};
    if (command == QLatin1String("QUIT"))
        return Quit{message.nick(), message.param(0)};
    if (command == QLatin1String("NICK"))
        return NickChange{message.nick(), message.param(0)};
    if (command == QLatin1String("AWAY"))
        return Away{message.nick(), message.param(0)};
    if (command == QLatin1String("TOPIC"))
        return TopicChange{message.nick(), message.param(0), message.param(1)};
    if (command == QLatin1String("CAP")) {
        Cap cap;
        cap.subcommand = message.param(1).toUpper();
        cap.caps = lastParam(message).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        cap.more = message.paramCount() >= 4 && message.param(2) == QLatin1String("*");
        return cap;
    }
    if (command == QLatin1String("ERROR"))
        return ServerClosing{message.param(0)};
    if (command == QLatin1String("AUTHENTICATE"))
        return Authenticate{message.param(0)};
    if (command == QLatin1String("REGISTER") && message.param(0) == QLatin1String("SUCCESS"))
        return AccountRegistered{message.param(1), message.param(2)};
    if (command == QLatin1String("FAIL") || command == QLatin1String("WARN") ||
        command == QLatin1String("NOTE")) {
        if (message.paramCount() < 3)
            return Ignored{};
        const QStringList params = message.params();
        return StandardReply{command, params.at(0), params.at(1), params.mid(2, params.size() - 3),
                             params.last()};
    }
    if (command == QLatin1String("MARKREAD") && message.paramCount() >= 2) {
        const QString value = message.param(1);
        QDateTime time;
        if (value.startsWith(QLatin1String("timestamp=")))
            time = QDateTime::fromString(value.mid(10), Qt::ISODateWithMs).toUTC();
        return ReadMarker{message.param(0), time};
    }
    if (command == QLatin1String("MODE") && message.paramCount() >= 2)
        return ModeChange{message.nick(), message.param(0), message.param(1),
                          message.params().mid(2)};
    if (command == QLatin1String("TAGMSG"))
        return parseTagMsg(message);
    return Ignored{};
}

IrcEvent IrcEventParser::parseNumeric(const IrcMessage& message)
{
    const int code = message.numeric();
    const QString last = lastParam(message);
    switch (code) {
    case RPL_WELCOME:
        return Welcome{message.param(0), message.source()};
    case RPL_ISUPPORT:
        return ISupport{message.params()};
    case ERR_NICKNAMEINUSE:
    case ERR_ERRONEUSNICKNAME:
    case ERR_NONICKNAMEGIVEN:
    case ERR_NICKCOLLISION:
    case ERR_UNAVAILRESOURCE:
        return NickRejected{message.param(1), code, last};
    case ERR_PASSWDMISMATCH:
        return PasswordRejected{last};
    case ERR_UNKNOWNCOMMAND:
        if (message.param(1).compare(QLatin1String("CAP"), Qt::CaseInsensitive) == 0)
            return CapUnsupported{};
        break;
    case RPL_NAMREPLY:
        return NamesReply{message.param(2), last.split(QLatin1Char(' '), Qt::SkipEmptyParts)};
    case RPL_ENDOFNAMES:
        return NamesEnd{message.param(1)};
    case RPL_TOPIC:
        return TopicReply{message.param(1), last};
    case RPL_NOTOPIC:
        return TopicReply{message.param(1), {}};
    case RPL_WHOREPLY: // "<me> <room> <user> <host> <server> <nick> <flags> :<hops> <real name>"
        return WhoReply{message.param(5), message.param(6).startsWith(QLatin1Char('G')),
                        last.section(QLatin1Char(' '), 1)};
    case RPL_WHOISUSER:
    case RPL_WHOISSERVER:
    case RPL_WHOISOPERATOR:
    case RPL_WHOISIDLE:
    case RPL_WHOISCHANNELS:
    case RPL_WHOISACCOUNT:
    case RPL_WHOISSECURE:
        return parseWhois(message);
    case RPL_ENDOFWHOIS:
        return WhoisEnd{message.param(1)};
    case RPL_LIST:
        return ListEntry{message.param(1), message.param(2).toInt(), message.param(3)};
    case RPL_LISTEND:
        return ListEnd{};
    case RPL_AWAY:
        return AwayReply{message.param(1), last, last.startsWith(OfflineAwayPrefix)};
    case RPL_UNAWAY:
        return OwnAway{false};
    case RPL_NOWAWAY:
        return OwnAway{true};
    case RPL_LOGGEDIN: // "<me> <nick!user@host> <account> :You are now logged in as <account>"
        return SaslReply{code, message.param(2), {}, last};
    case RPL_SASLMECHS: // "<me> <mechanisms> :are available SASL mechanisms"
        return SaslReply{code, {}, message.param(1).split(QLatin1Char(','), Qt::SkipEmptyParts),
                         last};
    case ERR_NICKLOCKED:
    case RPL_SASLSUCCESS:
    case ERR_SASLFAIL:
    case ERR_SASLTOOLONG:
    case ERR_SASLABORTED:
    case ERR_SASLALREADY:
        return SaslReply{code, {}, {}, last};
    case RPL_ENDOFMOTD:
    case ERR_NOMOTD:
        return WelcomeEnd{};
    case RPL_MONONLINE:
        return MonitorOnline{monitorNicks(last)};
    case RPL_MONOFFLINE:
        return MonitorOffline{monitorNicks(last)};
    case ERR_MONLISTFULL: // "<me> <limit> <targets> :Monitor list is full."
        return MonitorListFull{message.param(1).toInt(), monitorNicks(message.param(2))};
    case RPL_ISON:
        return IsOnReply{last.split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 512)};
    case ERR_NOSUCHNICK:
    case ERR_NOSUCHCHANNEL:
    case ERR_CANNOTSENDTOCHAN:
        return DeliveryFailed{message.param(1), code, last};
    default:
        break;
    }
    if (code >= 400 && code < 600) {
        // "<me> <subject...> :<text>": show the subject with the server's words.
        const QStringList subject = message.params().mid(1, message.paramCount() - 2);
        return ServerText{subject.isEmpty()
                              ? last
                              : QStringLiteral("%1: %2").arg(subject.join(QLatin1Char(' ')), last)};
    }
    return Ignored{}; // MOTD, end of WHO, topic set-by, creation time, counts…
}

IrcEvent IrcEventParser::parseWhois(const IrcMessage& message)
{
    Whois event;
    WhoisInfo& part = event.part;
    part.nick = message.param(1);
    switch (message.numeric()) {
    case RPL_WHOISUSER: // "<me> <nick> <user> <host> * :<real name>"
        part.userName = message.param(2);
        part.host = message.param(3);
        part.realName = message.param(5);
        break;
    case RPL_WHOISSERVER: // "<me> <nick> <server> :<info>"
        part.server = message.param(2);
        break;
    case RPL_WHOISOPERATOR:
        part.isOperator = true;
        break;
    case RPL_WHOISIDLE: { // "<me> <nick> <idle> <signon> :seconds idle, signon time"
        bool ok = false;
        const qint64 idle = message.param(2).toLongLong(&ok);
        part.idleSecs = ok ? idle : -1;
        const qint64 signon = message.param(3).toLongLong(&ok);
        if (ok && message.paramCount() >= 5)
            part.signon = QDateTime::fromSecsSinceEpoch(signon, Qt::UTC);
        break;
    }
    case RPL_WHOISCHANNELS: // "<me> <nick> :<rooms>"
        part.rooms = lastParam(message).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        break;
    case RPL_WHOISACCOUNT: // "<me> <nick> <account> :is logged in as"
        part.account = message.param(2);
        break;
    case RPL_WHOISSECURE:
        part.isSecure = true;
        break;
    default:
        break;
    }
    return event;
}

IrcEvent IrcEventParser::parseTagMsg(const IrcMessage& message)
{
    // "+typing" (and the draft name some clients still send).
    QString state = message.tag(QStringLiteral("+typing"));
    if (state.isEmpty())
        state = message.tag(QStringLiteral("+draft/typing"));
    if (state != QLatin1String("active") && state != QLatin1String("paused") &&
        state != QLatin1String("done"))
        return Ignored{}; // a reaction, an unknown state, no tag
    if (message.nick().isEmpty() || message.param(0).isEmpty())
        return Ignored{};
    return Typing{message.nick(), message.param(0), state};
}

IrcEvent IrcEventParser::parseText(const IrcMessage& message, bool isNotice)
{
    const QString source = message.source();
    if (source.isEmpty() || !source.contains(QLatin1Char('!'))) {
        if (isNotice || source.isEmpty()) // a server notice
            return ServerText{message.param(1)};
    }
    Message event;
    event.sender = message.nick();
    event.target = message.param(0);
    event.text = message.param(1);
    event.wireText = event.text;
    event.serverTime = message.serverTime();
    event.msgid = message.tag(QStringLiteral("msgid"));
    event.isNotice = isNotice;
    QString ctcpCommand;
    QString ctcpArgument;
    if (Ctcp::parse(event.text, &ctcpCommand, &ctcpArgument)) {
        if (ctcpCommand != QLatin1String("ACTION"))
            return Ignored{}; // other CTCP requests are not answered
        event.isAction = true;
        event.text = ctcpArgument;
    }
    return event;
}

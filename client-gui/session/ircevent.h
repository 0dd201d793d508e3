#pragma once

#include "session/whoisinfo.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <variant>

// What one line from the server means to the client, as plain values (IrcEventParser makes
// them). One type per kind of event; together they are IrcEvent. They say what the line said,
// not what it means for this user: whether a JOIN is our own is for NetworkState to decide.
namespace IrcEvents {

struct Ignored // a line the client does not act on (MOTD, end of WHO, unknown CTCP…)
{
};
struct Welcome // 001
{
    QString nick;
    QString serverName;
};
struct ISupport // 005
{
    QStringList params;
};
struct NickRejected // 431, 432, 433, 436, 437
{
    QString nick;
    int code = 0;
    QString reason;
};
struct PasswordRejected // 464
{
    QString reason;
};
struct Cap // CAP LS/ACK/NAK/DEL/NEW
{
    QString subcommand; // upper-case
    QStringList caps;
    bool more = false; // "CAP * LS * :…": more lines follow
};
struct CapUnsupported // 421 for CAP: a server that never heard of it
{
};
struct Authenticate // AUTHENTICATE <base64 piece or "+">: the server's part of a SASL exchange
{
    QString payload;
};
struct SaslReply // 900, 902–908: logged in, SASL succeeded, failed, aborted, mechanisms
{
    int code = 0;
    QString account;        // 900
    QStringList mechanisms; // 908
    QString text;
};
struct AccountRegistered // REGISTER SUCCESS <account> :<text>
{
    QString account;
    QString text;
};
struct StandardReply // FAIL / WARN / NOTE <command> <code> [<context>…] :<text>
{
    QString type; // "FAIL", "WARN" or "NOTE"
    QString command;
    QString code;
    QStringList context;
    QString text;
};
struct ServerClosing // ERROR: the server is about to close the connection
{
    QString text;
};
struct Join
{
    QString nick;
    QString room;
    QString realName; // with extended-join; empty without
};
struct Part
{
    QString nick;
    QString room;
    QString reason;
};
struct Kick
{
    QString by;
    QString room;
    QString nick;
    QString reason;
};
struct Quit
{
    QString nick;
    QString reason;
};
struct NickChange
{
    QString oldNick;
    QString newNick;
};
struct Away // AWAY (away-notify); an empty message: back
{
    QString nick;
    QString message;
};
struct TopicChange // TOPIC from someone
{
    QString nick;
    QString room;
    QString topic;
};
struct TopicReply // 332, or 331 (no topic: empty)
{
    QString room;
    QString topic;
};
struct NamesReply // 353: names as sent, with their prefixes ("@op")
{
    QString room;
    QStringList names;
};
struct NamesEnd // 366
{
    QString room;
};
struct WhoReply // 352
{
    QString nick;
    bool away = false;
    QString realName;
};
struct SetName // SETNAME (setname): someone changed their real name
{
    QString nick;
    QString realName;
};
struct Whois // one line of a WHOIS answer (311, 312, 313, 317, 319, 330, 671): some fields
{
    WhoisInfo part;
};
struct WhoisEnd // 318
{
    QString nick;
};
struct ListEntry // 322: one room of a LIST answer
{
    QString room;
    int users = 0;
    QString topic;
};
struct ListEnd // 323
{
};
struct AwayReply // 301: the person we wrote to is away
{
    QString nick;
    QString message;
    // confabd's 301 for an account nobody is logged in to: the message is kept and delivered
    // when they next log in (docs/PROTOCOL.md, Offline delivery).
    bool offline = false;
};
struct OwnAway // 305 (back) / 306 (away)
{
    bool away = false;
};
struct Message // PRIVMSG or NOTICE from a person (CTCP ACTION unwrapped)
{
    QString sender;
    QString target;
    QString text;
    QString wireText;     // the text as sent (with a CTCP wrapper), to recognise an echo
    QDateTime serverTime; // invalid without server-time
    QString msgid;        // empty without message-tags/msgid
    bool isNotice = false;
    bool isAction = false;
};
struct DeliveryFailed // 401, 403, 404: a message (or another command) did not reach target
{
    QString target;
    int code = 0;
    QString reason; // the server's words
};
struct ServerText // a server notice, or an error reply worth showing ("bob: No such nick")
{
    QString text;
};
struct WelcomeEnd // 376 or 422: the welcome burst (ISUPPORT included) is over
{
};
struct ModeChange // MODE: of a room ("+o-v bob carol") or of a user (ours)
{
    QString by;
    QString target;
    QString modes;
    QStringList args;
};
struct MonitorOnline // 730: monitored names now online, as nicks (from nick!user@host or name)
{
    QStringList nicks;
};
struct MonitorOffline // 731
{
    QStringList nicks;
};
struct MonitorListFull // 734: the server keeps at most limit names; these were not added
{
    int limit = 0;
    QStringList nicks;
};
struct IsOnReply // 303: of the nicks asked about, those online
{
    QStringList nicks;
};
struct Typing // TAGMSG with +typing (message-tags): state is "active", "paused" or "done"
{
    QString sender;
    QString target;
    QString state;
};

struct ReadMarker // MARKREAD <target> timestamp=<time> | * (draft/read-marker)
{
    QString target;
    QDateTime time; // invalid: "*" (nothing read yet) or not a time
};

} // namespace IrcEvents

using IrcEvent =
    std::variant<IrcEvents::Ignored, IrcEvents::Welcome, IrcEvents::ISupport,
                 IrcEvents::NickRejected, IrcEvents::PasswordRejected, IrcEvents::Cap,
                 IrcEvents::CapUnsupported, IrcEvents::Authenticate, IrcEvents::SaslReply,
                 IrcEvents::AccountRegistered, IrcEvents::StandardReply,
                 IrcEvents::ServerClosing, IrcEvents::Join,
                 IrcEvents::Part, IrcEvents::Kick, IrcEvents::Quit, IrcEvents::NickChange,
                 IrcEvents::Away, IrcEvents::TopicChange, IrcEvents::TopicReply,
                 IrcEvents::NamesReply, IrcEvents::NamesEnd, IrcEvents::WhoReply,
                 IrcEvents::SetName, IrcEvents::Whois, IrcEvents::WhoisEnd, IrcEvents::ListEntry,
                 IrcEvents::ListEnd, IrcEvents::AwayReply, IrcEvents::OwnAway, IrcEvents::Message,
                 IrcEvents::DeliveryFailed, IrcEvents::ServerText, IrcEvents::ReadMarker,
                 IrcEvents::WelcomeEnd, IrcEvents::ModeChange, IrcEvents::MonitorOnline,
                 IrcEvents::MonitorOffline, IrcEvents::MonitorListFull, IrcEvents::IsOnReply,
                 IrcEvents::Typing>;

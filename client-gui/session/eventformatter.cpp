#include "session/eventformatter.h"

#include "ircnumerics.h"
#include "session/whoisinfo.h"

#include <QLocale>

QString EventFormatter::connectedAgain()
{
    return tr("Connected again");
}

QString EventFormatter::deliveredWhenBack(const QString& nick)
{
    return tr("%1 is offline: your message will be delivered when %1 returns").arg(nick);
}

QString EventFormatter::disconnected(bool reconnecting)
{
    return reconnecting ? tr("Disconnected from the server — reconnecting…")
                        : tr("Disconnected from the server");
}

QString EventFormatter::person(const QString& nick, const QString& displayName)
{
    return displayName.isEmpty() ? nick : tr("%1 (%2)").arg(displayName, nick);
}

QString EventFormatter::youJoined(const QString& room)
{
    return tr("You joined %1").arg(room);
}

QString EventFormatter::youLeft(const QString& room, const QString& reason)
{
    return reason.isEmpty() ? tr("You left %1").arg(room) : tr("You left %1: %2").arg(room, reason);
}

QString EventFormatter::joined(const QString& nick)
{
    return tr("%1 joined").arg(nick);
}

QString EventFormatter::left(const QString& nick, const QString& reason)
{
    return reason.isEmpty() ? tr("%1 left").arg(nick) : tr("%1 left: %2").arg(nick, reason);
}

QString EventFormatter::kicked(const QString& nick, const QString& room, const QString& by,
                               const QString& reason)
{
    return tr("%1 was removed from %2 by %3: %4")
        .arg(nick, room, by, reason.isEmpty() ? nick : reason);
}

QString EventFormatter::quit(const QString& nick, const QString& reason)
{
    // Servers mark a reason the user typed with "Quit: " (and their own, such as
    // "Ping timeout", without it).
    QString shown = reason;
    if (shown.startsWith(QLatin1String("Quit: ")))
        shown.remove(0, 6);
    else if (shown == QLatin1String("Quit:") || shown == QLatin1String("Client Quit"))
        shown.clear();
    return shown.isEmpty() ? tr("%1 left the chat").arg(nick)
                           : tr("%1 left the chat: %2").arg(nick, shown);
}

QString EventFormatter::nickChanged(const QString& oldNick, const QString& newNick, bool own)
{
    return own ? tr("You are now known as %1").arg(newNick)
               : tr("%1 is now %2").arg(oldNick, newNick);
}

QString EventFormatter::ownAway(bool away)
{
    return away ? tr("You are marked as away") : tr("You are back");
}

QString EventFormatter::away(const QString& nick, bool away, const QString& message)
{
    if (!away)
        return tr("%1 is back").arg(nick);
    return message.isEmpty() ? tr("%1 is away").arg(nick) : tr("%1 is away: %2").arg(nick, message);
}

QString EventFormatter::notDelivered(const QString& target, int code)
{
    switch (code) {
    case IrcNumeric::ERR_NOSUCHNICK:
        return tr("Not delivered: nobody called %1 is on the server now.").arg(target);
    case IrcNumeric::ERR_NOSUCHCHANNEL:
        return tr("Not delivered: there is no room %1.").arg(target);
    default:
        return tr("Not delivered: you cannot write in %1 now.").arg(target);
    }
}

QString EventFormatter::unavailable(const QString& target, int code, const QString& reason)
{
    switch (code) {
    case IrcNumeric::ERR_NOSUCHNICK:
        return tr("Nobody called %1 is on the server now.").arg(target);
    case IrcNumeric::ERR_NOSUCHCHANNEL:
        return tr("There is no room %1.").arg(target);
    default:
        Q_UNUSED(reason);
        return tr("You cannot write in %1 now.").arg(target);
    }
}

QString EventFormatter::topicChanged(const QString& setBy, const QString& topic)
{
    return topic.isEmpty() ? tr("%1 cleared the topic").arg(setBy)
                           : tr("%1 changed the topic to: %2").arg(setBy, topic);
}

QString EventFormatter::topic(const QString& topic)
{
    return tr("Topic: %1").arg(topic);
}

QString EventFormatter::topicOf(const QString& room, const QString& topic)
{
    return topic.isEmpty() ? tr("%1 has no topic").arg(room)
                           : tr("Topic of %1: %2").arg(room, topic);
}

QString EventFormatter::nameRejected(const QString& nick, bool taken, const QString& reason)
{
    return taken ? tr("The name %1 is already taken").arg(nick)
                 : tr("The name %1 cannot be used: %2").arg(nick, reason);
}

QString EventFormatter::nobodyWroteYet()
{
    return tr("Nobody has written to you privately yet");
}

QString EventFormatter::noConversation()
{
    return tr("Choose a room or a person first");
}

QString EventFormatter::invalidName(const QString& nick)
{
    return tr("%1 cannot be used as a name").arg(nick);
}

QString EventFormatter::invalidRoom(const QString& room)
{
    return tr("%1 is not a valid room name").arg(room);
}

QString EventFormatter::partUsage()
{
    return tr("Use /part in a room, or name the room: /part #room");
}

QString EventFormatter::topicUsage()
{
    return tr("Use /topic in a room, or name the room: /topic #room text");
}

QString EventFormatter::notConnected()
{
    return tr("Not connected to a server");
}

QString EventFormatter::displayNameNextTime()
{
    return tr("This server cannot change your display name now: it is used from your next login");
}

QStringList EventFormatter::whois(const WhoisInfo& info)
{
    QStringList lines;
    const QString address = QStringLiteral("%1@%2").arg(info.userName, info.host);
    lines.append(info.realName.isEmpty() || info.realName == info.nick
                     ? tr("%1 (%2)").arg(info.nick, address)
                     : tr("%1 is %2 (%3)").arg(info.nick, info.realName, address));
    if (!info.account.isEmpty())
        lines.append(tr("%1 is logged in as %2").arg(info.nick, info.account));
    if (!info.rooms.isEmpty())
        lines.append(tr("%1 is in %2").arg(info.nick, info.rooms.join(QStringLiteral(", "))));
    if (info.isAway)
        lines.append(away(info.nick, true, info.awayMessage));
    if (info.idleSecs >= 0 && info.signon.isValid())
        lines.append(tr("%1 has been idle for %2, online since %3")
                         .arg(info.nick, duration(info.idleSecs),
                              QLocale().toString(info.signon.toLocalTime(), QLocale::ShortFormat)));
    else if (info.idleSecs >= 0)
        lines.append(tr("%1 has been idle for %2").arg(info.nick, duration(info.idleSecs)));
    if (info.isOperator)
        lines.append(tr("%1 is a server operator").arg(info.nick));
    if (info.isSecure)
        lines.append(tr("%1 uses a secure connection (TLS)").arg(info.nick));
    if (!info.server.isEmpty())
        lines.append(tr("%1 is connected to %2").arg(info.nick, info.server));
    return lines;
}

QString EventFormatter::duration(qint64 secs)
{
    // The singular spelled out: the English text has no translation file to pick plural forms.
    if (secs < 60)
        return secs == 1 ? tr("1 second") : tr("%n seconds", nullptr, int(secs));
    if (secs < 3600)
        return secs / 60 == 1 ? tr("1 minute") : tr("%n minutes", nullptr, int(secs / 60));
    if (secs < 86400)
        return secs / 3600 == 1 ? tr("1 hour") : tr("%n hours", nullptr, int(secs / 3600));
    return secs / 86400 == 1 ? tr("1 day") : tr("%n days", nullptr, int(secs / 86400));
}

QList<std::pair<QString, QString>> EventFormatter::commandHelp()
{
    return {
        {tr("/msg name text"), tr("Send a private message")},
        {tr("/query name"), tr("Open a private conversation")},
        {tr("to:name text"), tr("Switch to a private conversation (and write)")},
        {tr("/me text"), tr("Describe what you do (\"* me waves\")")},
        {tr("/join #room"), tr("Join a room, or create it")},
        {tr("/part [reason]"), tr("Leave this room")},
        {tr("/topic [text]"), tr("Show or change the topic of this room")},
        {tr("/list"), tr("Find rooms on the server")},
        {tr("/whois name"), tr("Show who someone is")},
        {tr("/nick newname"), tr("Change your name")},
        {tr("/away [reason]"), tr("Mark yourself as away")},
        {tr("/back"), tr("Mark yourself as back")},
        {tr("/quit [reason]"), tr("Leave the chat and close Confab")},
        {tr("/help"), tr("Show this list")},
        {tr("//text"), tr("Send text that starts with a slash")},
        {tr("Tab"), tr("Complete a name or a room")},
    };
}

QString EventFormatter::missingArgument(const QString& command)
{
    return tr("/%1 needs more: type /help to see how to use it").arg(command);
}

QString EventFormatter::unknownCommand(const QString& command)
{
    return tr("Unknown command /%1 — type /help for the list").arg(command);
}

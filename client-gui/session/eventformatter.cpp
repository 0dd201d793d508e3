#include "session/eventformatter.h"

#include "ircnumerics.h"

QString EventFormatter::connectedAgain()
{
    return tr("Connected again");
}

QString EventFormatter::disconnected(bool reconnecting)
{
    return reconnecting ? tr("Disconnected from the server — reconnecting…")
                        : tr("Disconnected from the server");
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

QString EventFormatter::help()
{
    return tr("Type a message and press Enter. Commands: /msg name text, /me action, "
              "/nick newname, /join #room, /part [reason], /topic text, /away [reason], "
              "/quit [reason], to:name to talk to someone.");
}

QString EventFormatter::missingArgument(const QString& command)
{
    return tr("/%1 needs more: type /help to see how to use it").arg(command);
}

QString EventFormatter::unknownCommand(const QString& command)
{
    return tr("Unknown command /%1 — type /help for the list").arg(command);
}

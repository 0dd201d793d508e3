#include "irccommand.h"

namespace IrcCommand {

namespace {

// A command whose last parameter is free text, written as ":text" even when it is one word.
IrcMessage withText(const QString& command, QStringList params, const QString& text)
{
    params.append(text);
    IrcMessage message(command, params);
    message.setLastParamTrailing(true);
    return message;
}

// A command whose last parameter is free text only when given.
IrcMessage withOptionalText(const QString& command, const QStringList& params, const QString& text)
{
    return text.isEmpty() ? IrcMessage(command, params) : withText(command, params, text);
}

} // namespace

IrcMessage pass(const QString& password)
{
    return IrcMessage(QStringLiteral("PASS"), {password});
}

IrcMessage nick(const QString& nick)
{
    return IrcMessage(QStringLiteral("NICK"), {nick});
}

IrcMessage user(const QString& user, const QString& realName)
{
    return withText(QStringLiteral("USER"), {user, QStringLiteral("0"), QStringLiteral("*")},
                    realName);
}

IrcMessage quit(const QString& reason)
{
    return withOptionalText(QStringLiteral("QUIT"), {}, reason);
}

IrcMessage ping(const QString& token)
{
    return withText(QStringLiteral("PING"), {}, token);
}

IrcMessage pong(const QString& token, const QString& server)
{
    return server.isEmpty() ? withText(QStringLiteral("PONG"), {}, token)
                            : withText(QStringLiteral("PONG"), {server}, token);
}

IrcMessage error(const QString& reason)
{
    return withText(QStringLiteral("ERROR"), {}, reason);
}

IrcMessage capLs(const QString& version)
{
    return IrcMessage(QStringLiteral("CAP"), {QStringLiteral("LS"), version});
}

IrcMessage capReq(const QStringList& caps)
{
    return withText(QStringLiteral("CAP"), {QStringLiteral("REQ")}, caps.join(QLatin1Char(' ')));
}

IrcMessage capEnd()
{
    return IrcMessage(QStringLiteral("CAP"), {QStringLiteral("END")});
}

IrcMessage capReply(const QString& target, const QString& subcommand, const QString& caps,
                    bool more)
{
    QStringList params{target.isEmpty() ? QStringLiteral("*") : target, subcommand};
    if (more)
        params.append(QStringLiteral("*"));
    return withText(QStringLiteral("CAP"), params, caps);
}

IrcMessage privmsg(const QString& target, const QString& text)
{
    return withText(QStringLiteral("PRIVMSG"), {target}, text);
}

IrcMessage notice(const QString& target, const QString& text)
{
    return withText(QStringLiteral("NOTICE"), {target}, text);
}

IrcMessage action(const QString& target, const QString& text)
{
    return privmsg(target, QLatin1String("\x01"
                                         "ACTION ") +
                               text + QLatin1Char('\x01'));
}

IrcMessage join(const QString& channel, const QString& key)
{
    return key.isEmpty() ? IrcMessage(QStringLiteral("JOIN"), {channel})
                         : IrcMessage(QStringLiteral("JOIN"), {channel, key});
}

IrcMessage join(const QStringList& channels, const QStringList& keys)
{
    QStringList params{channels.join(QLatin1Char(','))};
    if (!keys.isEmpty())
        params.append(keys.join(QLatin1Char(',')));
    return IrcMessage(QStringLiteral("JOIN"), params);
}

IrcMessage part(const QString& channel, const QString& reason)
{
    return withOptionalText(QStringLiteral("PART"), {channel}, reason);
}

IrcMessage topic(const QString& channel)
{
    return IrcMessage(QStringLiteral("TOPIC"), {channel});
}

IrcMessage topic(const QString& channel, const QString& topic)
{
    return withText(QStringLiteral("TOPIC"), {channel}, topic);
}

IrcMessage kick(const QString& channel, const QString& nick, const QString& reason)
{
    return withOptionalText(QStringLiteral("KICK"), {channel, nick}, reason);
}

IrcMessage invite(const QString& nick, const QString& channel)
{
    return IrcMessage(QStringLiteral("INVITE"), {nick, channel});
}

IrcMessage mode(const QString& target, const QString& modes, const QStringList& args)
{
    QStringList params{target};
    if (!modes.isEmpty()) {
        params.append(modes);
        params.append(args);
    }
    return IrcMessage(QStringLiteral("MODE"), params);
}

IrcMessage names(const QString& channel)
{
    return channel.isEmpty() ? IrcMessage(QStringLiteral("NAMES"))
                             : IrcMessage(QStringLiteral("NAMES"), {channel});
}

IrcMessage who(const QString& mask)
{
    return IrcMessage(QStringLiteral("WHO"), {mask});
}

IrcMessage whois(const QString& nick)
{
    return IrcMessage(QStringLiteral("WHOIS"), {nick});
}

IrcMessage ison(const QStringList& nicks)
{
    return IrcMessage(QStringLiteral("ISON"), nicks);
}

IrcMessage monitor(const QString& subcommand, const QStringList& targets)
{
    QStringList params{subcommand};
    if (!targets.isEmpty())
        params.append(targets.join(QLatin1Char(',')));
    return IrcMessage(QStringLiteral("MONITOR"), params);
}

IrcMessage list(const QString& channels)
{
    return channels.isEmpty() ? IrcMessage(QStringLiteral("LIST"))
                              : IrcMessage(QStringLiteral("LIST"), {channels});
}

IrcMessage lusers()
{
    return IrcMessage(QStringLiteral("LUSERS"));
}

IrcMessage motd()
{
    return IrcMessage(QStringLiteral("MOTD"));
}

IrcMessage away(const QString& message)
{
    return withOptionalText(QStringLiteral("AWAY"), {}, message);
}

IrcMessage oper(const QString& name, const QString& password)
{
    return IrcMessage(QStringLiteral("OPER"), {name, password});
}

IrcMessage kill(const QString& nick, const QString& reason)
{
    return withText(QStringLiteral("KILL"), {nick}, reason);
}

IrcMessage wallops(const QString& text)
{
    return withText(QStringLiteral("WALLOPS"), {}, text);
}

IrcMessage authenticate(const QString& data)
{
    return IrcMessage(QStringLiteral("AUTHENTICATE"), {data});
}

IrcMessage registerAccount(const QString& account, const QString& email, const QString& password)
{
    return IrcMessage(QStringLiteral("REGISTER"),
                      {account, email.isEmpty() ? QStringLiteral("*") : email, password});
}

IrcMessage registerSuccess(const QString& account, const QString& message)
{
    return withText(QStringLiteral("REGISTER"), {QStringLiteral("SUCCESS"), account}, message);
}

IrcMessage account(const QString& account)
{
    return IrcMessage(QStringLiteral("ACCOUNT"),
                      {account.isEmpty() ? QStringLiteral("*") : account});
}

IrcMessage extendedJoin(const QString& channel, const QString& account, const QString& realName)
{
    return withText(QStringLiteral("JOIN"),
                    {channel, account.isEmpty() ? QStringLiteral("*") : account}, realName);
}

IrcMessage setName(const QString& realName)
{
    return withText(QStringLiteral("SETNAME"), {}, realName);
}

IrcMessage chgHost(const QString& user, const QString& host)
{
    return IrcMessage(QStringLiteral("CHGHOST"), {user, host});
}

namespace {

IrcMessage standardReply(const QString& type, const QString& command, const QString& code,
                         const QStringList& context, const QString& description)
{
    QStringList params{command.isEmpty() ? QStringLiteral("*") : command, code};
    params.append(context);
    return withText(type, params, description);
}

} // namespace

IrcMessage fail(const QString& command, const QString& code, const QStringList& context,
                const QString& description)
{
    return standardReply(QStringLiteral("FAIL"), command, code, context, description);
}

IrcMessage note(const QString& command, const QString& code, const QStringList& context,
                const QString& description)
{
    return standardReply(QStringLiteral("NOTE"), command, code, context, description);
}

IrcMessage batchStart(const QString& id, const QString& type, const QStringList& params)
{
    return IrcMessage(QStringLiteral("BATCH"), QStringList{u'+' + id, type} + params);
}

IrcMessage batchEnd(const QString& id)
{
    return IrcMessage(QStringLiteral("BATCH"), {u'-' + id});
}

IrcMessage ack()
{
    return IrcMessage(QStringLiteral("ACK"));
}

IrcMessage chatHistory(const QString& subcommand, const QStringList& params)
{
    return IrcMessage(QStringLiteral("CHATHISTORY"), QStringList{subcommand} + params);
}

IrcMessage markRead(const QString& target, const QString& timestamp)
{
    QStringList params{target};
    if (!timestamp.isEmpty())
        params.append(timestamp);
    return IrcMessage(QStringLiteral("MARKREAD"), params);
}

IrcMessage tagMsg(const QString& target, const QList<IrcTag>& tags)
{
    IrcMessage message(QStringLiteral("TAGMSG"), {target});
    message.setTags(tags);
    return message;
}

IrcMessage typing(const QString& target, const QString& state)
{
    return tagMsg(target, {{QStringLiteral("+typing"), state}});
}

} // namespace IrcCommand

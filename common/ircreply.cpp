#include "ircreply.h"

#include "ircnumerics.h"

using namespace IrcNumeric;

namespace IrcReply {

namespace {

QString number(qint64 n)
{
    return QString::number(n);
}

} // namespace

QString numericCommand(int code)
{
    return QStringLiteral("%1").arg(code, 3, 10, QLatin1Char('0'));
}

IrcMessage numeric(const QString& server, int code, const QString& target,
                   const QStringList& params)
{
    QStringList all;
    all.reserve(params.size() + 1);
    all.append(target.isEmpty() ? QStringLiteral("*") : target);
    all.append(params);
    return IrcMessage(numericCommand(code), all, server);
}

IrcMessage numeric(const QString& server, const QString& target, const IrcNumericReply& reply)
{
    return numeric(server, reply.code, target, reply.params);
}

IrcNumericReply welcome(const QString& network, const QString& source)
{
    return {RPL_WELCOME, {QStringLiteral("Welcome to the %1 IRC Network %2").arg(network, source)}};
}

IrcNumericReply yourHost(const QString& server, const QString& version)
{
    return {RPL_YOURHOST,
            {QStringLiteral("Your host is %1, running version %2").arg(server, version)}};
}

IrcNumericReply created(const QString& when)
{
    return {RPL_CREATED, {QStringLiteral("This server was created ") + when}};
}

IrcNumericReply myInfo(const QString& server, const QString& version, const QString& userModes,
                       const QString& channelModes, const QString& channelModesWithParam)
{
    return {RPL_MYINFO, {server, version, userModes, channelModes, channelModesWithParam}};
}

IrcNumericReply isupport(const QStringList& tokens)
{
    QStringList params = tokens;
    params.append(QStringLiteral("are supported by this server"));
    return {RPL_ISUPPORT, params};
}

IrcNumericReply luserClient(int visible, int invisible, int servers)
{
    return {RPL_LUSERCLIENT,
            {QStringLiteral("There are %1 users and %2 invisible on %3 servers")
                 .arg(visible)
                 .arg(invisible)
                 .arg(servers)}};
}

IrcNumericReply luserOp(int operators)
{
    return {RPL_LUSEROP, {number(operators), QStringLiteral("operator(s) online")}};
}

IrcNumericReply luserUnknown(int connections)
{
    return {RPL_LUSERUNKNOWN, {number(connections), QStringLiteral("unknown connection(s)")}};
}

IrcNumericReply luserChannels(int channels)
{
    return {RPL_LUSERCHANNELS, {number(channels), QStringLiteral("channels formed")}};
}

IrcNumericReply luserMe(int clients, int servers)
{
    return {RPL_LUSERME,
            {QStringLiteral("I have %1 clients and %2 servers").arg(clients).arg(servers)}};
}

IrcNumericReply localUsers(int current, int max)
{
    const QString c = number(current);
    const QString m = number(max);
    return {RPL_LOCALUSERS, {c, m, QStringLiteral("Current local users %1, max %2").arg(c, m)}};
}

IrcNumericReply globalUsers(int current, int max)
{
    const QString c = number(current);
    const QString m = number(max);
    return {RPL_GLOBALUSERS, {c, m, QStringLiteral("Current global users %1, max %2").arg(c, m)}};
}

IrcNumericReply motdStart(const QString& server)
{
    return {RPL_MOTDSTART, {QStringLiteral("- %1 Message of the day - ").arg(server)}};
}

IrcNumericReply motd(const QString& line)
{
    return {RPL_MOTD, {QStringLiteral("- ") + line}};
}

IrcNumericReply endOfMotd()
{
    return {RPL_ENDOFMOTD, {QStringLiteral("End of /MOTD command.")}};
}

IrcNumericReply noMotd()
{
    return {ERR_NOMOTD, {QStringLiteral("MOTD File is missing")}};
}

IrcNumericReply version(const QString& version, const QString& server, const QString& comment)
{
    return {RPL_VERSION, {version, server, comment}};
}

IrcNumericReply time(const QString& server, const QString& when)
{
    return {RPL_TIME, {server, when}};
}

IrcNumericReply away(const QString& nick, const QString& message)
{
    return {RPL_AWAY, {nick, message}};
}

IrcNumericReply unAway()
{
    return {RPL_UNAWAY, {QStringLiteral("You are no longer marked as being away")}};
}

IrcNumericReply nowAway()
{
    return {RPL_NOWAWAY, {QStringLiteral("You have been marked as being away")}};
}

IrcNumericReply info(const QString& line)
{
    return {RPL_INFO, {line}};
}

IrcNumericReply endOfInfo()
{
    return {RPL_ENDOFINFO, {QStringLiteral("End of INFO list")}};
}

IrcNumericReply endOfStats(const QString& letter)
{
    return {RPL_ENDOFSTATS, {letter, QStringLiteral("End of STATS report")}};
}

IrcNumericReply statsUptime(qint64 secs)
{
    return {RPL_STATSUPTIME,
            {QStringLiteral("Server Up %1 days %2:%3:%4")
                 .arg(secs / 86400)
                 .arg(secs / 3600 % 24)
                 .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
                 .arg(secs % 60, 2, 10, QLatin1Char('0'))}};
}

IrcNumericReply statsOLine(const QString& hostMask, const QString& name)
{
    return {RPL_STATSOLINE, {QStringLiteral("O"), hostMask, QStringLiteral("*"), name}};
}

IrcNumericReply statsDebug(const QString& letter, const QString& text)
{
    return {RPL_STATSDEBUG, {letter, text}};
}

IrcNumericReply youreOper()
{
    return {RPL_YOUREOPER, {QStringLiteral("You are now an IRC operator")}};
}

IrcNumericReply rehashing(const QString& configFile)
{
    return {RPL_REHASHING, {configFile, QStringLiteral("Rehashing")}};
}

IrcNumericReply noOperHost()
{
    return {ERR_NOOPERHOST, {QStringLiteral("No O-lines for your host")}};
}

IrcNumericReply noPrivileges()
{
    return {ERR_NOPRIVILEGES, {QStringLiteral("Permission Denied- You're not an IRC operator")}};
}

IrcNumericReply userModeIs(const QString& modes)
{
    return {RPL_UMODEIS, {modes}};
}

IrcNumericReply userHost(const QStringList& entries)
{
    return {RPL_USERHOST, {entries.join(u' ')}};
}

IrcNumericReply isOn(const QStringList& nicks)
{
    return {RPL_ISON, {nicks.join(u' ')}};
}

IrcNumericReply whoisUser(const QString& nick, const QString& user, const QString& host,
                          const QString& realName)
{
    return {RPL_WHOISUSER, {nick, user, host, QStringLiteral("*"), realName}};
}

IrcNumericReply whoisServer(const QString& nick, const QString& server, const QString& info)
{
    return {RPL_WHOISSERVER, {nick, server, info}};
}

IrcNumericReply whoisIdle(const QString& nick, qint64 idleSecs, qint64 signonSecs)
{
    return {
        RPL_WHOISIDLE,
        {nick, number(idleSecs), number(signonSecs), QStringLiteral("seconds idle, signon time")}};
}

IrcNumericReply whoisChannels(const QString& nick, const QStringList& channels)
{
    return {RPL_WHOISCHANNELS, {nick, channels.join(u' ')}};
}

IrcNumericReply whoisAccount(const QString& nick, const QString& account)
{
    return {RPL_WHOISACCOUNT, {nick, account, QStringLiteral("is logged in as")}};
}

IrcNumericReply whoisSecure(const QString& nick)
{
    return {RPL_WHOISSECURE, {nick, QStringLiteral("is using a secure connection")}};
}

IrcNumericReply whoisOperator(const QString& nick)
{
    return {RPL_WHOISOPERATOR, {nick, QStringLiteral("is an IRC operator")}};
}

IrcNumericReply visibleHost(const QString& host)
{
    return {RPL_VISIBLEHOST, {host, QStringLiteral("is now your displayed host")}};
}

IrcNumericReply whoisBot(const QString& nick)
{
    return {RPL_WHOISBOT, {nick, QStringLiteral("is a bot")}};
}

IrcNumericReply endOfWhois(const QString& nick)
{
    return {RPL_ENDOFWHOIS, {nick, QStringLiteral("End of /WHOIS list")}};
}

IrcNumericReply whowasUser(const QString& nick, const QString& user, const QString& host,
                           const QString& realName)
{
    return {RPL_WHOWASUSER, {nick, user, host, QStringLiteral("*"), realName}};
}

IrcNumericReply endOfWhowas(const QString& nick)
{
    return {RPL_ENDOFWHOWAS, {nick, QStringLiteral("End of WHOWAS")}};
}

IrcNumericReply wasNoSuchNick(const QString& nick)
{
    return {ERR_WASNOSUCHNICK, {nick, QStringLiteral("There was no such nickname")}};
}

IrcNumericReply whoReply(const QString& channel, const QString& user, const QString& host,
                         const QString& server, const QString& nick, const QString& flags, int hops,
                         const QString& realName)
{
    return {RPL_WHOREPLY,
            {channel, user, host, server, nick, flags, number(hops) + u' ' + realName}};
}

IrcNumericReply whoxReply(const QStringList& fields)
{
    return {RPL_WHOSPCRPL, fields};
}

IrcNumericReply endOfWho(const QString& mask)
{
    return {RPL_ENDOFWHO, {mask, QStringLiteral("End of WHO list")}};
}

IrcNumericReply listStart()
{
    return {RPL_LISTSTART, {QStringLiteral("Channel"), QStringLiteral("Users  Name")}};
}

IrcNumericReply list(const QString& channel, int members, const QString& topic)
{
    return {RPL_LIST, {channel, number(members), topic}};
}

IrcNumericReply listEnd()
{
    return {RPL_LISTEND, {QStringLiteral("End of /LIST")}};
}

IrcNumericReply monOnline(const QStringList& sources)
{
    return {RPL_MONONLINE, {sources.join(u',')}};
}

IrcNumericReply monOffline(const QStringList& targets)
{
    return {RPL_MONOFFLINE, {targets.join(u',')}};
}

IrcNumericReply monList(const QStringList& targets)
{
    return {RPL_MONLIST, {targets.join(u',')}};
}

IrcNumericReply endOfMonList()
{
    return {RPL_ENDOFMONLIST, {QStringLiteral("End of MONITOR list")}};
}

IrcNumericReply monListFull(int limit, const QStringList& targets)
{
    return {ERR_MONLISTFULL,
            {number(limit), targets.join(u','), QStringLiteral("Monitor list is full.")}};
}

IrcNumericReply channelModeIs(const QString& channel, const QString& modes, const QStringList& args)
{
    return {RPL_CHANNELMODEIS, QStringList{channel, modes} + args};
}

IrcNumericReply creationTime(const QString& channel, qint64 secs)
{
    return {RPL_CREATIONTIME, {channel, number(secs)}};
}

IrcNumericReply noTopic(const QString& channel)
{
    return {RPL_NOTOPIC, {channel, QStringLiteral("No topic is set")}};
}

IrcNumericReply topic(const QString& channel, const QString& topic)
{
    return {RPL_TOPIC, {channel, topic}};
}

IrcNumericReply topicWhoTime(const QString& channel, const QString& setBy, qint64 secs)
{
    return {RPL_TOPICWHOTIME, {channel, setBy, number(secs)}};
}

IrcNumericReply inviting(const QString& nick, const QString& channel)
{
    return {RPL_INVITING, {nick, channel}};
}

IrcNumericReply namReply(const QString& symbol, const QString& channel, const QString& names)
{
    return {RPL_NAMREPLY, {symbol, channel, names}};
}

IrcNumericReply endOfNames(const QString& name)
{
    return {RPL_ENDOFNAMES, {name, QStringLiteral("End of /NAMES list")}};
}

IrcNumericReply banList(const QString& channel, const QString& mask)
{
    return {RPL_BANLIST, {channel, mask}};
}

IrcNumericReply endOfBanList(const QString& channel)
{
    return {RPL_ENDOFBANLIST, {channel, QStringLiteral("End of channel ban list")}};
}

IrcNumericReply noSuchNick(const QString& nick)
{
    return {ERR_NOSUCHNICK, {nick, QStringLiteral("No such nick/channel")}};
}

IrcNumericReply noSuchChannel(const QString& channel)
{
    return {ERR_NOSUCHCHANNEL, {channel, QStringLiteral("No such channel")}};
}

IrcNumericReply cannotSendToChannel(const QString& channel)
{
    return {ERR_CANNOTSENDTOCHAN, {channel, QStringLiteral("Cannot send to channel")}};
}

IrcNumericReply tooManyChannels(const QString& channel)
{
    return {ERR_TOOMANYCHANNELS, {channel, QStringLiteral("You have joined too many channels")}};
}

IrcNumericReply tooManyTargets(const QString& target, int max)
{
    return {ERR_TOOMANYTARGETS,
            {target, QStringLiteral("Too many targets. Maximum is %1").arg(max)}};
}

IrcNumericReply noOrigin()
{
    return {ERR_NOORIGIN, {QStringLiteral("No origin specified")}};
}

IrcNumericReply invalidCapCommand(const QString& subcommand)
{
    return {ERR_INVALIDCAPCMD, {subcommand, QStringLiteral("Invalid CAP command")}};
}

IrcNumericReply unknownMonitorSubcommand(const QString& subcommand)
{
    return {ERR_UNKNOWNERROR,
            {QStringLiteral("MONITOR"), subcommand, QStringLiteral("Unknown MONITOR subcommand")}};
}

IrcNumericReply noRecipient(const QString& command)
{
    return {ERR_NORECIPIENT, {QStringLiteral("No recipient given (%1)").arg(command)}};
}

IrcNumericReply noTextToSend()
{
    return {ERR_NOTEXTTOSEND, {QStringLiteral("No text to send")}};
}

IrcNumericReply inputTooLong()
{
    return {ERR_INPUTTOOLONG, {QStringLiteral("Input line was too long")}};
}

IrcNumericReply unknownCommand(const QString& command)
{
    return {ERR_UNKNOWNCOMMAND, {command, QStringLiteral("Unknown command")}};
}

IrcNumericReply noNicknameGiven()
{
    return {ERR_NONICKNAMEGIVEN, {QStringLiteral("No nickname given")}};
}

IrcNumericReply erroneousNickname(const QString& nick)
{
    return {ERR_ERRONEUSNICKNAME, {nick, QStringLiteral("Erroneous nickname")}};
}

IrcNumericReply nicknameInUse(const QString& nick)
{
    return {ERR_NICKNAMEINUSE, {nick, QStringLiteral("Nickname is already in use")}};
}

IrcNumericReply nicknameReserved(const QString& nick)
{
    return {ERR_NICKNAMEINUSE,
            {nick, QStringLiteral("Nickname is registered to an account: log in to use it")}};
}

IrcNumericReply userNotInChannel(const QString& nick, const QString& channel)
{
    return {ERR_USERNOTINCHANNEL, {nick, channel, QStringLiteral("They aren't on that channel")}};
}

IrcNumericReply notOnChannel(const QString& channel)
{
    return {ERR_NOTONCHANNEL, {channel, QStringLiteral("You're not on that channel")}};
}

IrcNumericReply userOnChannel(const QString& nick, const QString& channel)
{
    return {ERR_USERONCHANNEL, {nick, channel, QStringLiteral("is already on channel")}};
}

IrcNumericReply notRegistered()
{
    return {ERR_NOTREGISTERED, {QStringLiteral("You have not registered")}};
}

IrcNumericReply needMoreParams(const QString& command)
{
    return {ERR_NEEDMOREPARAMS, {command, QStringLiteral("Not enough parameters")}};
}

IrcNumericReply alreadyRegistered()
{
    return {ERR_ALREADYREGISTERED, {QStringLiteral("You may not reregister")}};
}

IrcNumericReply passwordMismatch()
{
    return {ERR_PASSWDMISMATCH, {QStringLiteral("Password incorrect")}};
}

IrcNumericReply channelIsFull(const QString& channel)
{
    return {ERR_CHANNELISFULL, {channel, QStringLiteral("Cannot join channel (+l)")}};
}

IrcNumericReply unknownMode(QChar mode)
{
    return {ERR_UNKNOWNMODE, {QString(mode), QStringLiteral("is unknown mode char to me")}};
}

IrcNumericReply inviteOnlyChannel(const QString& channel)
{
    return {ERR_INVITEONLYCHAN, {channel, QStringLiteral("Cannot join channel (+i)")}};
}

IrcNumericReply bannedFromChannel(const QString& channel)
{
    return {ERR_BANNEDFROMCHAN, {channel, QStringLiteral("Cannot join channel (+b)")}};
}

IrcNumericReply badChannelKey(const QString& channel)
{
    return {ERR_BADCHANNELKEY, {channel, QStringLiteral("Cannot join channel (+k)")}};
}

IrcNumericReply chanOpPrivsNeeded(const QString& channel)
{
    return {ERR_CHANOPRIVSNEEDED, {channel, QStringLiteral("You're not channel operator")}};
}

IrcNumericReply userModeUnknownFlag()
{
    return {ERR_UMODEUNKNOWNFLAG, {QStringLiteral("Unknown MODE flag")}};
}

IrcNumericReply usersDontMatch()
{
    return {ERR_USERSDONTMATCH, {QStringLiteral("Cant change mode for other users")}};
}

IrcNumericReply invalidModeParam(const QString& target, QChar mode, const QString& param,
                                 const QString& description)
{
    return {ERR_INVALIDMODEPARAM, {target, QString(mode), param, description}};
}

IrcNumericReply loggedIn(const QString& source, const QString& account)
{
    return {RPL_LOGGEDIN,
            {source, account, QStringLiteral("You are now logged in as %1").arg(account)}};
}

IrcNumericReply loggedOut(const QString& source)
{
    return {RPL_LOGGEDOUT, {source, QStringLiteral("You are now logged out")}};
}

IrcNumericReply nickLocked()
{
    return {ERR_NICKLOCKED, {QStringLiteral("You must use a nick assigned to you")}};
}

IrcNumericReply saslSuccess()
{
    return {RPL_SASLSUCCESS, {QStringLiteral("SASL authentication successful")}};
}

IrcNumericReply saslFail()
{
    return {ERR_SASLFAIL, {QStringLiteral("SASL authentication failed")}};
}

IrcNumericReply saslThrottled()
{
    return {ERR_SASLFAIL,
            {QStringLiteral("SASL authentication failed: too many failed attempts, try again "
                            "later")}};
}

IrcNumericReply saslTooLong()
{
    return {ERR_SASLTOOLONG, {QStringLiteral("SASL message too long")}};
}

IrcNumericReply saslAborted()
{
    return {ERR_SASLABORTED, {QStringLiteral("SASL authentication aborted")}};
}

IrcNumericReply saslAlready()
{
    return {ERR_SASLALREADY, {QStringLiteral("You have already authenticated using SASL")}};
}

IrcNumericReply saslMechanisms(const QStringList& mechanisms)
{
    return {RPL_SASLMECHS,
            {mechanisms.join(u','), QStringLiteral("are available SASL mechanisms")}};
}

} // namespace IrcReply

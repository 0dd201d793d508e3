#pragma once

#include "ircmessage.h"

#include <QString>
#include <QStringList>

// A numeric reply before it is addressed: the code and the parameters after the target. The
// server adds its name and the client's nick (or "*") when it sends it.
struct IrcNumericReply
{
    int code = 0;
    QStringList params;
};

// Builds numeric replies, so that nothing else formats them: ":server 433 * alice :Nickname is
// already in use". The target is the client's nick, or "*" before it has one.
//
// Every reply with fixed text has a named builder below (modern.ircdocs.horse wording); the
// builders take only the variable parts.
namespace IrcReply {

IrcMessage numeric(const QString& server, int code, const QString& target,
                   const QStringList& params);
IrcMessage numeric(const QString& server, const QString& target, const IrcNumericReply& reply);
QString numericCommand(int code); // 1 -> "001"

// Connection registration (001-005).
IrcNumericReply welcome(const QString& network, const QString& source);
IrcNumericReply yourHost(const QString& server, const QString& version);
IrcNumericReply created(const QString& when);
IrcNumericReply myInfo(const QString& server, const QString& version, const QString& userModes,
                       const QString& channelModes, const QString& channelModesWithParam);
// One 005 line: the tokens then "are supported by this server".
IrcNumericReply isupport(const QStringList& tokens);

// LUSERS (251-255, 265, 266).
IrcNumericReply luserClient(int visible, int invisible, int servers);
IrcNumericReply luserOp(int operators);
IrcNumericReply luserUnknown(int connections);
IrcNumericReply luserChannels(int channels);
IrcNumericReply luserMe(int clients, int servers);
IrcNumericReply localUsers(int current, int max);
IrcNumericReply globalUsers(int current, int max);

// MOTD.
IrcNumericReply motdStart(const QString& server);
IrcNumericReply motd(const QString& line);
IrcNumericReply endOfMotd();
IrcNumericReply noMotd();

// Information.
IrcNumericReply version(const QString& version, const QString& server, const QString& comment);
IrcNumericReply time(const QString& server, const QString& when);
IrcNumericReply info(const QString& line);
IrcNumericReply endOfInfo();
IrcNumericReply endOfStats(const QString& letter);
IrcNumericReply statsUptime(qint64 secs); // "Server Up 2 days 3:04:05"
IrcNumericReply statsOLine(const QString& hostMask, const QString& name);
IrcNumericReply statsDebug(const QString& letter, const QString& text); // 249, custom letters

// Operators.
IrcNumericReply youreOper();
IrcNumericReply rehashing(const QString& configFile);
IrcNumericReply noOperHost();
IrcNumericReply noPrivileges();

// Away and user modes.
IrcNumericReply away(const QString& nick, const QString& message);
IrcNumericReply unAway();
IrcNumericReply nowAway();
IrcNumericReply userModeIs(const QString& modes);
IrcNumericReply visibleHost(const QString& host); // 396, after CHGHOST

// Queries.
IrcNumericReply userHost(const QStringList& entries);
IrcNumericReply isOn(const QStringList& nicks);
IrcNumericReply whoisUser(const QString& nick, const QString& user, const QString& host,
                          const QString& realName);
IrcNumericReply whoisServer(const QString& nick, const QString& server, const QString& info);
IrcNumericReply whoisIdle(const QString& nick, qint64 idleSecs, qint64 signonSecs);
IrcNumericReply whoisChannels(const QString& nick, const QStringList& channels);
IrcNumericReply whoisAccount(const QString& nick, const QString& account);
IrcNumericReply whoisSecure(const QString& nick);
IrcNumericReply whoisOperator(const QString& nick);
IrcNumericReply whoisBot(const QString& nick); // 335, IRCv3 bot-mode
IrcNumericReply endOfWhois(const QString& nick);
IrcNumericReply whowasUser(const QString& nick, const QString& user, const QString& host,
                           const QString& realName);
IrcNumericReply endOfWhowas(const QString& nick);
IrcNumericReply wasNoSuchNick(const QString& nick);
IrcNumericReply whoReply(const QString& channel, const QString& user, const QString& host,
                         const QString& server, const QString& nick, const QString& flags, int hops,
                         const QString& realName);
// WHOX: the requested fields in the order the request's letters define (tcuihsnfdlaor); the
// real name, when asked for, is the last one.
IrcNumericReply whoxReply(const QStringList& fields);
IrcNumericReply endOfWho(const QString& mask);
IrcNumericReply listStart();
IrcNumericReply list(const QString& channel, int members, const QString& topic);
IrcNumericReply listEnd();

// MONITOR (IRCv3 monitor, 730-734). The lists are joined with ','; the caller makes them short
// enough for one line.
IrcNumericReply monOnline(const QStringList& sources); // nick!user@host, or a bare target
IrcNumericReply monOffline(const QStringList& targets);
IrcNumericReply monList(const QStringList& targets);
IrcNumericReply endOfMonList();
IrcNumericReply monListFull(int limit, const QStringList& targets);

// Channels.
IrcNumericReply channelModeIs(const QString& channel, const QString& modes,
                              const QStringList& args);
IrcNumericReply creationTime(const QString& channel, qint64 secs);
IrcNumericReply noTopic(const QString& channel);
IrcNumericReply topic(const QString& channel, const QString& topic);
IrcNumericReply topicWhoTime(const QString& channel, const QString& setBy, qint64 secs);
IrcNumericReply inviting(const QString& nick, const QString& channel);
IrcNumericReply namReply(const QString& symbol, const QString& channel, const QString& names);
IrcNumericReply endOfNames(const QString& name);
IrcNumericReply banList(const QString& channel, const QString& mask);
IrcNumericReply endOfBanList(const QString& channel);

// Errors.
IrcNumericReply noSuchNick(const QString& nick);
IrcNumericReply noSuchChannel(const QString& channel);
IrcNumericReply cannotSendToChannel(const QString& channel);
IrcNumericReply tooManyChannels(const QString& channel);
IrcNumericReply tooManyTargets(const QString& target, int max);
IrcNumericReply noOrigin();
IrcNumericReply invalidCapCommand(const QString& subcommand);
IrcNumericReply unknownMonitorSubcommand(const QString& subcommand); // 400
IrcNumericReply noRecipient(const QString& command);
IrcNumericReply noTextToSend();
IrcNumericReply inputTooLong();
IrcNumericReply unknownCommand(const QString& command);
IrcNumericReply noNicknameGiven();
IrcNumericReply erroneousNickname(const QString& nick);
IrcNumericReply nicknameInUse(const QString& nick);
IrcNumericReply nicknameReserved(const QString& nick); // 433: owned by an account
IrcNumericReply userNotInChannel(const QString& nick, const QString& channel);
IrcNumericReply notOnChannel(const QString& channel);
IrcNumericReply userOnChannel(const QString& nick, const QString& channel);
IrcNumericReply notRegistered();
IrcNumericReply needMoreParams(const QString& command);
IrcNumericReply alreadyRegistered();
IrcNumericReply passwordMismatch();
IrcNumericReply channelIsFull(const QString& channel);
IrcNumericReply unknownMode(QChar mode);
IrcNumericReply inviteOnlyChannel(const QString& channel);
IrcNumericReply bannedFromChannel(const QString& channel);
IrcNumericReply badChannelKey(const QString& channel);
IrcNumericReply chanOpPrivsNeeded(const QString& channel);
IrcNumericReply userModeUnknownFlag();
IrcNumericReply usersDontMatch();
IrcNumericReply invalidModeParam(const QString& target, QChar mode, const QString& param,
                                 const QString& description);

// SASL (IRCv3 sasl-3.1, 900-908).
IrcNumericReply loggedIn(const QString& source, const QString& account);
IrcNumericReply loggedOut(const QString& source);
IrcNumericReply nickLocked();
IrcNumericReply saslSuccess();
IrcNumericReply saslFail();
IrcNumericReply saslThrottled(); // 904, saying why
IrcNumericReply saslTooLong();
IrcNumericReply saslAborted();
IrcNumericReply saslAlready();
IrcNumericReply saslMechanisms(const QStringList& mechanisms);

} // namespace IrcReply

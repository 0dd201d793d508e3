#pragma once

#include "ircmessage.h"

#include <QString>
#include <QStringList>

// Named factories for every outgoing command line, so that nothing else formats protocol text.
// The source is left empty (clients send none); the server sets it with IrcMessage::setSource.
namespace IrcCommand {

IrcMessage pass(const QString& password);
IrcMessage nick(const QString& nick);
IrcMessage user(const QString& user, const QString& realName);
IrcMessage quit(const QString& reason = {});
IrcMessage ping(const QString& token);
IrcMessage pong(const QString& token, const QString& server = {});
IrcMessage error(const QString& reason);

IrcMessage capLs(const QString& version = QStringLiteral("302"));
IrcMessage capReq(const QStringList& caps);
IrcMessage capEnd();
// Server side: ":server CAP <nick|*> <subcommand> [*] :<caps>".
IrcMessage capReply(const QString& target, const QString& subcommand, const QString& caps,
                    bool more = false);

IrcMessage privmsg(const QString& target, const QString& text);
IrcMessage notice(const QString& target, const QString& text);
IrcMessage action(const QString& target, const QString& text); // CTCP ACTION (/me)

IrcMessage join(const QString& channel, const QString& key = {});
IrcMessage join(const QStringList& channels, const QStringList& keys = {});
IrcMessage part(const QString& channel, const QString& reason = {});
IrcMessage topic(const QString& channel);                       // query
IrcMessage topic(const QString& channel, const QString& topic); // set (empty clears)
IrcMessage kick(const QString& channel, const QString& nick, const QString& reason = {});
IrcMessage invite(const QString& nick, const QString& channel);
IrcMessage mode(const QString& target, const QString& modes = {}, const QStringList& args = {});
IrcMessage names(const QString& channel = {});
IrcMessage who(const QString& mask);
IrcMessage whois(const QString& nick);
IrcMessage ison(const QStringList& nicks);
// IRCv3 monitor: "MONITOR + a,b", "MONITOR - a", "MONITOR C", "MONITOR L", "MONITOR S".
IrcMessage monitor(const QString& subcommand, const QStringList& targets = {});
IrcMessage list(const QString& channels = {});
IrcMessage lusers();
IrcMessage motd();
IrcMessage away(const QString& message = {}); // empty: no longer away
IrcMessage oper(const QString& name, const QString& password);
IrcMessage kill(const QString& nick, const QString& reason);
IrcMessage wallops(const QString& text);

// IRCv3 accounts.
IrcMessage authenticate(const QString& data); // a mechanism, a chunk, "+" or "*"
IrcMessage registerAccount(const QString& account, const QString& email,
                           const QString& password); // draft/account-registration
// Server side: "REGISTER SUCCESS <account> :<message>".
IrcMessage registerSuccess(const QString& account, const QString& message);
IrcMessage account(const QString& account); // account-notify; "*" = logged out
IrcMessage extendedJoin(const QString& channel, const QString& account,
                        const QString& realName); // extended-join; account "*" = none
IrcMessage setName(const QString& realName);      // setname
// chghost: "CHGHOST <new user> <new host>", from the old nick!user@host.
IrcMessage chgHost(const QString& user, const QString& host);

// IRCv3 standard replies: "FAIL <command> <code> [<context>...] :<description>"; a command
// of "*" means none.
IrcMessage fail(const QString& command, const QString& code, const QStringList& context,
                const QString& description);
IrcMessage note(const QString& command, const QString& code, const QStringList& context,
                const QString& description);

// IRCv3 batch: "BATCH +<id> <type> [<params>...]" opens one, "BATCH -<id>" closes it.
IrcMessage batchStart(const QString& id, const QString& type, const QStringList& params = {});
IrcMessage batchEnd(const QString& id);
// IRCv3 labeled-response: the answer to a labeled command that produced no other line.
IrcMessage ack();

// IRCv3 draft/chathistory
IrcMessage chatHistory(const QString& subcommand, const QStringList& params);
// draft/read-marker: "MARKREAD <target> [timestamp=...]"
IrcMessage markRead(const QString& target, const QString& timestamp = {});

// IRCv3 message-tags: a message of tags only, "@+typing=active TAGMSG <target>".
IrcMessage tagMsg(const QString& target, const QList<IrcTag>& tags);
// IRCv3 typing client tag: state is "active", "paused" or "done".
IrcMessage typing(const QString& target, const QString& state);

} // namespace IrcCommand

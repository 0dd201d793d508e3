#include "commands/querycommands.h"

#include "commands/channelreplies.h"
#include "commands/listpager.h"
#include "commands/listrequest.h"
#include "commands/whorequest.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "ircmask.h"
#include "ircvalidation.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"
#include "state/whowashistory.h"

#include <QDateTime>
#include <QSet>

namespace QueryCommands {

namespace {

const QString Star = QStringLiteral("*");

void onNames(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    // One RPL_ENDOFNAMES at the end, naming what was asked (modern.ircdocs.horse).
    if (context.paramCount() < 1 || context.param(0).isEmpty()) {
        for (const auto& entry : context.channels().all()) {
            if (entry.second->isVisibleTo(user))
                ChannelReplies::sendNames(core, user, entry.second.get());
        }
        ChannelReplies::sendEndOfNames(core, user, Star);
        return;
    }
    for (const QString& name : context.param(0).split(u',', Qt::SkipEmptyParts)) {
        const ServerChannel* channel = context.channels().find(name);
        if (channel && channel->isVisibleTo(user))
            ChannelReplies::sendNames(core, user, channel);
    }
    ChannelReplies::sendEndOfNames(core, user, context.param(0));
}

// The flags field of a WHO reply: H(ere) or G(one), * for an IRC operator, r when logged in to
// an account, B for a bot (+B), then the channel prefixes.
QString whoFlags(const ServerUser* who, const ServerChannel* channel, bool allPrefixes)
{
    QString flags = who->isAway() ? QStringLiteral("G") : QStringLiteral("H");
    if (who->isOperator())
        flags += u'*';
    if (who->isLoggedIn())
        flags += u'r';
    if (who->isBot())
        flags += u'B';
    if (channel)
        flags += channel->prefixes(who, allPrefixes);
    return flags;
}

// The address shown in WHOX's 'i' field to others than the user and operators.
const QString HiddenIp = QStringLiteral("255.255.255.255");

// One 352, or 354 with the fields the WHOX request asked for, in their order.
IrcNumericReply whoReply(const CommandContext& context, const WhoRequest& request,
                         const ServerUser* who, const ServerChannel* channel)
{
    const ServerUser* user = context.user();
    const QString channelName = channel ? channel->name() : Star;
    const QString flags = whoFlags(who, channel, user->hasCap(ClientCap::MultiPrefix));
    const QString& server = context.config().serverName;
    if (!request.isWhox()) {
        return IrcReply::whoReply(channelName, who->userName(), who->host(), server, who->nick(),
                                  flags, 0, who->realName());
    }
    QStringList fields;
    auto add = [&](WhoRequest::Field field, const QString& value) {
        if (request.has(field))
            fields.append(value);
    };
    add(WhoRequest::Token, request.token());
    add(WhoRequest::Channel, channelName);
    add(WhoRequest::User, who->userName());
    add(WhoRequest::Ip, who == user || user->isOperator() ? who->address() : HiddenIp);
    add(WhoRequest::Host, who->host());
    add(WhoRequest::Server, server);
    add(WhoRequest::Nick, who->nick());
    add(WhoRequest::Flags, flags);
    add(WhoRequest::HopCount, QStringLiteral("0"));
    add(WhoRequest::Idle, QString::number(Clock::nowSecs() - who->lastMessageSecs()));
    add(WhoRequest::Account, who->isLoggedIn() ? who->account() : QStringLiteral("0"));
    add(WhoRequest::OpLevel, QStringLiteral("n/a"));
    add(WhoRequest::RealName, who->realName());
    return IrcReply::whoxReply(fields);
}

// WHO (modern.ircdocs.horse, and ircv3 WHOX with a "%fields[,token]" parameter). A channel
// lists its members (a +i member only to fellow members); a mask matches nicks and hosts, and
// skips +i users who share no channel with the asker, unless the mask is exactly their nick
// (WHOIS finds them too). IRC operators see everyone.
void onWho(CommandContext& context)
{
    ServerUser* user = context.user();
    const WhoRequest request(context.param(0), context.param(1));
    const QString& mask = request.mask();
    const bool seesAll = user->isOperator();
    auto wanted = [&](const ServerUser* who) {
        return !request.operatorsOnly() || who->isOperator();
    };
    if (IrcValidation::isChannelName(mask)) {
        const ServerChannel* channel = context.channels().find(mask);
        if (channel && (seesAll || channel->isVisibleTo(user))) {
            const bool member = seesAll || channel->hasMember(user);
            for (const ServerUser* who : channel->members()) {
                if ((member || !who->isInvisible()) && wanted(who))
                    context.reply(whoReply(context, request, who, channel));
            }
        }
    } else {
        const QString folded = context.fold(mask);
        const bool wildcard = request.isEveryone() || mask.contains(u'*') || mask.contains(u'?');
        QSet<const ServerUser*> shared;
        for (const ServerUser* other : MessageRouter::neighbours(user))
            shared.insert(other);
        context.users().forEach([&](ServerUser* who) {
            if (!who->isRegistered() || !wanted(who))
                return;
            if (!request.isEveryone() && !IrcMask::matches(folded, who->foldedNick()) &&
                !IrcMask::matches(folded, context.fold(who->host()))) {
                return;
            }
            const bool exactNick = !wildcard && folded == who->foldedNick();
            if (who != user && who->isInvisible() && !seesAll && !exactNick &&
                !shared.contains(who)) {
                return;
            }
            context.reply(whoReply(context, request, who, nullptr)); // no channel: "*"
        });
    }
    context.reply(IrcReply::endOfWho(mask));
}

void onWhois(CommandContext& context)
{
    ServerUser* user = context.user();
    const QString nick = context.param(context.paramCount() - 1).section(u',', 0, 0);
    const ServerUser* who = context.users().findByNick(nick);
    if (!who) {
        context.reply(IrcReply::noSuchNick(nick));
        context.reply(IrcReply::endOfWhois(nick));
        return;
    }
    context.reply(IrcReply::whoisUser(who->nick(), who->userName(), who->host(), who->realName()));
    QStringList channels;
    for (const ServerChannel* channel : who->channels()) {
        // +s channels, and every channel of a +i user, only to fellow members.
        const bool shown = (who == user || !who->isInvisible()) ? channel->isVisibleTo(user)
                                                                : channel->hasMember(user);
        if (shown)
            channels.append(channel->prefixes(who, false) + channel->name());
    }
    if (!channels.isEmpty())
        context.reply(IrcReply::whoisChannels(who->nick(), channels));
    // In a cluster, which node the user is connected to.
    const QString& node =
        who->isRemote() ? who->node() : context.config().nodeName;
    context.reply(IrcReply::whoisServer(
        who->nick(), context.config().serverName,
        context.core().cluster() ? QStringLiteral("Confab server, node %1").arg(node)
                                 : QStringLiteral("Confab server")));
    if (who->isOperator())
        context.reply(IrcReply::whoisOperator(who->nick()));
    if (who->isBot())
        context.reply(IrcReply::whoisBot(who->nick()));
    if (who->isLoggedIn())
        context.reply(IrcReply::whoisAccount(who->nick(), who->account()));
    if (who->isSecure())
        context.reply(IrcReply::whoisSecure(who->nick()));
    if (who->isAway())
        context.reply(IrcReply::away(who->nick(), who->awayMessage()));
    context.reply(IrcReply::whoisIdle(who->nick(), Clock::nowSecs() - who->lastMessageSecs(),
                                      who->signonSecs()));
    context.reply(IrcReply::endOfWhois(who->nick()));
}

// WHOWAS <nick> [<count>]: the nick's past holders, newest first; a count that is not a positive
// number asks for all of them.
void onWhowas(CommandContext& context)
{
    const QString nick = context.param(0).section(u',', 0, 0);
    if (nick.isEmpty()) {
        context.reply(IrcReply::noNicknameGiven());
        return;
    }
    const int count = context.paramCount() > 1 ? context.param(1).toInt() : 0;
    const std::vector<WhowasHistory::Entry> entries =
        context.core().whowas().find(context.core().caseMapping().fold(nick), count);
    if (entries.empty())
        context.reply(IrcReply::wasNoSuchNick(nick));
    for (const WhowasHistory::Entry& entry : entries) {
        context.reply(IrcReply::whowasUser(entry.nick, entry.userName, entry.host, entry.realName));
        context.reply(IrcReply::whoisServer(
            entry.nick, context.config().serverName,
            QDateTime::fromSecsSinceEpoch(entry.leftSecs, Qt::UTC).toString(Qt::RFC2822Date)));
        if (!entry.account.isEmpty())
            context.reply(IrcReply::whoisAccount(entry.nick, entry.account));
    }
    context.reply(IrcReply::endOfWhowas(nick));
}

void onIson(CommandContext& context)
{
    QStringList online;
    for (const QString& param : context.message().params()) {
        for (const QString& nick : param.split(u' ', Qt::SkipEmptyParts)) {
            if (const ServerUser* who = context.users().findByNick(nick))
                online.append(who->nick());
        }
    }
    context.reply(IrcReply::isOn(online));
}

void onUserhost(CommandContext& context)
{
    QStringList entries;
    for (const QString& nick : context.message().params().mid(0, 5)) {
        if (const ServerUser* who = context.users().findByNick(nick)) {
            entries.append(who->nick() + u'=' + (who->isAway() ? u'-' : u'+') + who->userName() +
                           u'@' + who->host());
        }
    }
    context.reply(IrcReply::userHost(entries));
}

// LIST [<names, masks and conditions>] (ELIST=MNU, see ListRequest). A long answer goes
// through a ListPager, paced by the client's send queue (SAFELIST).
void onList(CommandContext& context)
{
    ServerUser* user = context.user();
    const ListRequest request(context.param(0), context.core().caseMapping());
    QStringList candidates = request.names();
    if (candidates.isEmpty()) {
        for (const auto& entry : context.channels().all())
            candidates.append(entry.second->name());
    }
    if (candidates.size() > ListPager::InlineChannels) {
        // The pager answers, 321 first, labeled if the command was.
        const QString label = context.deferResponse();
        (new ListPager(context.core(), user, candidates, request, label))->start();
        return;
    }
    context.reply(IrcReply::listStart());
    for (const QString& name : candidates) {
        const ServerChannel* channel = context.channels().find(name);
        if (channel && channel->isVisibleTo(user) &&
            request.matches(channel->name(), channel->memberCount())) {
            context.reply(
                IrcReply::list(channel->name(), channel->memberCount(), channel->topic()));
        }
    }
    context.reply(IrcReply::listEnd());
}

} // namespace

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("NAMES"), onNames, 0, Access::Registered);
    table.add(QStringLiteral("WHO"), onWho, 0, Access::Registered);
    table.add(QStringLiteral("WHOIS"), onWhois, 1, Access::Registered);
    table.add(QStringLiteral("WHOWAS"), onWhowas, 1, Access::Registered);
    table.add(QStringLiteral("ISON"), onIson, 1, Access::Registered);
    table.add(QStringLiteral("USERHOST"), onUserhost, 1, Access::Registered);
    table.add(QStringLiteral("LIST"), onList, 0, Access::Registered);
}

} // namespace QueryCommands

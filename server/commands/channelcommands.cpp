#include "commands/channelcommands.h"

#include "cluster/clusterbridge.h"
#include "commands/channelreplies.h"
#include "commands/historycommands.h"
#include "commands/readmarkercommands.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircvalidation.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

namespace ChannelCommands {

namespace {

IrcNumericReply denialReply(ServerChannel::JoinDenial denial, const QString& channel)
{
    switch (denial) {
    case ServerChannel::JoinDenial::BadKey:
        return IrcReply::badChannelKey(channel);
    case ServerChannel::JoinDenial::InviteOnly:
        return IrcReply::inviteOnlyChannel(channel);
    case ServerChannel::JoinDenial::Full:
        return IrcReply::channelIsFull(channel);
    case ServerChannel::JoinDenial::Banned:
    case ServerChannel::JoinDenial::None:
        break;
    }
    return IrcReply::bannedFromChannel(channel);
}

// PART message to every member, then the user leaves (the channel may go).
void part(ServerCore& core, ServerUser* user, ServerChannel* channel, const QString& reason)
{
    RelayLine line = core.router().accept(user, IrcCommand::part(channel->name(), reason));
    core.router().toChannel(channel, line);
    HistoryCommands::recordChannelEvent(core, channel, line);
    if (ClusterBridge* cluster = core.cluster())
        cluster->channelEvent(line);
    core.channels().leave(channel, user);
}

void onJoin(CommandContext& context)
{
    ServerUser* user = context.user();
    if (context.param(0) == QLatin1String("0")) {
        const QList<ServerChannel*> channels = user->channels();
        for (ServerChannel* channel : channels)
            part(context.core(), user, channel, user->nick());
        return;
    }
    const QStringList names = context.param(0).split(u',', Qt::SkipEmptyParts);
    const QStringList keys = context.param(1).split(u',');
    for (int i = 0; i < names.size(); ++i)
        join(context.core(), user, names.at(i), keys.value(i));
}

void onPart(CommandContext& context)
{
    const QStringList names = context.param(0).split(u',', Qt::SkipEmptyParts);
    const QString reason = context.param(1);
    for (const QString& name : names) {
        ServerChannel* channel = context.channelOrError(name);
        if (channel && context.checkMember(channel))
            part(context.core(), context.user(), channel, reason);
    }
}

void onTopic(CommandContext& context)
{
    ServerChannel* channel = context.channelOrError(context.param(0));
    if (!channel)
        return;
    if (context.paramCount() < 2) {
        ChannelReplies::sendTopic(context.core(), context.user(), channel, true);
        return;
    }
    if (!context.checkMember(channel))
        return;
    if (channel->hasMode(ServerChannel::Mode::TopicLocked) && !context.checkOperator(channel))
        return;
    QString topic = context.param(1);
    topic.truncate(context.config().topicLength);
    channel->setTopic(topic, context.user()->source(), Clock::nowSecs());
    RelayLine line = context.accept(IrcCommand::topic(channel->name(), topic));
    context.router().toChannel(channel, line);
    HistoryCommands::recordChannelEvent(context.core(), channel, line);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->channelEvent(line);
}

void kick(CommandContext& context, const QString& name, const QString& nick, const QString& reason)
{
    ServerChannel* channel = context.channelOrError(name);
    if (!channel || !context.checkMember(channel) || !context.checkOperator(channel))
        return;
    ServerUser* target = context.users().findByNick(nick);
    if (!target || !channel->hasMember(target)) {
        context.reply(IrcReply::userNotInChannel(nick, channel->name()));
        return;
    }
    RelayLine line = context.accept(IrcCommand::kick(channel->name(), target->nick(), reason));
    context.router().toChannel(channel, line);
    HistoryCommands::recordChannelEvent(context.core(), channel, line);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->channelEvent(line);
    context.channels().leave(channel, target); // may delete the channel
}

void onKick(CommandContext& context)
{
    const QStringList channels = context.param(0).split(u',', Qt::SkipEmptyParts);
    const QStringList nicks = context.param(1).split(u',', Qt::SkipEmptyParts);
    QString reason = context.param(2);
    if (reason.isEmpty())
        reason = context.user()->nick(); // RFC 2812 3.2.8: the default comment is the kicker's
    reason.truncate(context.config().kickLength);
    const int maxTargets = context.config().maxTargets; // TARGMAX KICK
    if (nicks.size() > maxTargets) {
        context.reply(IrcReply::tooManyTargets(nicks.value(maxTargets), maxTargets));
        return;
    }
    if (channels.size() == 1 && !nicks.isEmpty()) {
        for (const QString& nick : nicks)
            kick(context, channels.first(), nick, reason);
    } else if (!channels.isEmpty() && channels.size() == nicks.size()) {
        for (int i = 0; i < channels.size(); ++i)
            kick(context, channels.at(i), nicks.at(i), reason);
    } else {
        context.reply(IrcReply::needMoreParams(context.message().command()));
    }
}

void onInvite(CommandContext& context)
{
    ServerUser* target = context.userOrError(context.param(0));
    if (!target)
        return;
    ServerChannel* channel = context.channelOrError(context.param(1));
    if (!channel || !context.checkMember(channel))
        return;
    if (channel->hasMember(target)) {
        context.reply(IrcReply::userOnChannel(target->nick(), channel->name()));
        return;
    }
    if (channel->hasMode(ServerChannel::Mode::InviteOnly) && !context.checkOperator(channel))
        return;
    channel->invite(target->foldedNick());
    context.reply(IrcReply::inviting(target->nick(), channel->name()));
    if (target->isAway())
        context.reply(IrcReply::away(target->nick(), target->awayMessage()));
    RelayLine line = context.accept(IrcCommand::invite(target->nick(), channel->name()));
    context.router().toUser(target, line);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->privateMessage(target, line);
    // invite-notify: the members who could have invited too (operators of a +i channel, anyone
    // in another) see the INVITE; the inviter has its 341.
    MessageRouter::Filter notify;
    notify.requiredCaps = ClientCap::InviteNotify;
    notify.except = context.user();
    const bool opsOnly = channel->hasMode(ServerChannel::Mode::InviteOnly);
    for (ServerUser* member : channel->members()) {
        if (!opsOnly || channel->isOp(member))
            context.router().toUser(member, line, notify);
    }
}

} // namespace

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("JOIN"), onJoin, 1, Access::Registered);
    table.add(QStringLiteral("PART"), onPart, 1, Access::Registered);
    table.add(QStringLiteral("TOPIC"), onTopic, 1, Access::Registered);
    table.add(QStringLiteral("KICK"), onKick, 2, Access::Registered);
    table.add(QStringLiteral("INVITE"), onInvite, 2, Access::Registered);
}

void join(ServerCore& core, ServerUser* user, const QString& name, const QString& key)
{
    const ServerConfig& config = core.config();
    if (IrcValidation::checkChannel(name, config.channelLength) != IrcValidation::Reason::Valid) {
        core.reply(user, IrcReply::noSuchChannel(name));
        return;
    }
    ServerChannel* channel = core.channels().find(name);
    if (channel && channel->hasMember(user))
        return;
    if (user->channels().size() >= config.maxChannelsPerUser) {
        core.reply(user, IrcReply::tooManyChannels(name));
        return;
    }
    int flags = 0;
    if (!channel) {
        channel = core.channels().create(name, Clock::nowSecs());
        flags = ServerChannel::Op;
    } else {
        const ServerChannel::JoinDenial denial = channel->checkJoin(user, key, core.caseMapping());
        if (denial != ServerChannel::JoinDenial::None) {
            core.reply(user, denialReply(denial, channel->name()));
            return;
        }
        channel->clearInvite(user->foldedNick());
    }
    core.channels().join(channel, user, flags);

    RelayLine line = core.router().accept(user, IrcCommand::join(channel->name()));
    announceJoin(core, user, channel, line);
    HistoryCommands::recordChannelEvent(core, channel, line);
    if (ClusterBridge* cluster = core.cluster())
        cluster->joined(user, channel, line);
    ChannelReplies::sendTopic(core, user, channel, false);
    ReadMarkerCommands::sendOnJoin(core, user, channel);
    ChannelReplies::sendNames(core, user, channel);
    ChannelReplies::sendEndOfNames(core, user, channel->name());
}

void announceJoin(ServerCore& core, ServerUser* user, ServerChannel* channel, RelayLine& line)
{
    MessageRouter& router = core.router();
    RelayLine extended = MessageRouter::alternative(
        line, IrcCommand::extendedJoin(channel->name(), user->account(), user->realName()));
    MessageRouter::Filter plain;
    plain.excludedCaps = ClientCap::ExtendedJoin;
    router.toChannel(channel, line, plain);
    MessageRouter::Filter withAccount;
    withAccount.requiredCaps = ClientCap::ExtendedJoin;
    router.toChannel(channel, extended, withAccount);
    if (user->isAway()) {
        RelayLine away = router.accept(user, IrcCommand::away(user->awayMessage()));
        MessageRouter::Filter filter;
        filter.requiredCaps = ClientCap::AwayNotify;
        filter.except = user;
        router.toChannel(channel, away, filter);
    }
}

} // namespace ChannelCommands

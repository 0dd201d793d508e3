#include "commands/messagingcommands.h"

#include "cluster/clusterbridge.h"
#include "commands/historycommands.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "ircvalidation.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/multilinebatch.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace MessagingCommands {

namespace {

enum class Kind { Privmsg, Notice, Tagmsg };

// The 301 answer to a private message kept for an account's owner who is not connected.
const QString OfflineText =
    QStringLiteral("Offline; your message is kept and delivered when they next log in");

// IRCv3 bot-mode: the tag on every message from a user with mode +B.
const QString BotTag = QStringLiteral("bot");

// Who of the sender's own sessions sees what it sent: its other devices always, the sending one
// with echo-message.
MessageRouter::Filter senderFilter(const ServerUser* sender, Kind kind)
{
    MessageRouter::Filter filter;
    filter.requiredCaps = kind == Kind::Tagmsg ? ClientCap::MessageTags : 0;
    if (!sender->hasCap(ClientCap::EchoMessage))
        filter.exceptSession = sender->connection();
    return filter;
}

// To a channel's members: all of them, or for a STATUSMSG target (statusFlags not 0) those
// with one of these flags, a message that is not stored (the room's history is for everyone).
void toChannel(CommandContext& context, const QString& target, int statusFlags, RelayLine& line,
               Kind kind, bool errors)
{
    ServerUser* user = context.user();
    ServerChannel* channel = context.channels().find(statusFlags ? target.mid(1) : target);
    if (!channel) {
        if (errors)
            context.reply(IrcReply::noSuchChannel(target));
        return;
    }
    if (!channel->canSend(user, context.core().caseMapping())) {
        if (errors)
            context.reply(IrcReply::cannotSendToChannel(channel->name()));
        return;
    }
    const MessageRouter::Filter filter = senderFilter(user, kind);
    MessageRouter& router = context.router();
    if (statusFlags == 0) {
        router.toChannel(channel, line, filter);
        // A sender outside the channel (-n) still gets its echo (and its other devices the line).
        if (!channel->hasMember(user))
            router.toUser(user, line, filter);
        HistoryCommands::recordChannelMessage(context.core(), channel, line);
        if (ClusterBridge* cluster = context.core().cluster())
            cluster->channelMessage(line);
        return;
    }
    bool senderReached = false;
    for (ServerUser* member : channel->members()) {
        if ((channel->flags(member) & statusFlags) == 0)
            continue;
        router.toUser(member, line, filter);
        senderReached = senderReached || member == user;
    }
    // The sender's echo (and its other devices' copy) even without the status.
    if (!senderReached)
        router.toUser(user, line, filter);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->channelMessage(line);
}

void toUser(CommandContext& context, const QString& target, RelayLine& line, Kind kind, bool errors)
{
    ServerUser* user = context.user();
    ServerUser* recipient = context.users().findByNick(target);
    MessageRouter::Filter filter;
    filter.requiredCaps = kind == Kind::Tagmsg ? ClientCap::MessageTags : 0;
    if (!recipient) {
        // An account's owner who is not connected: kept for them, and the sender is told. The
        // account's name is the nick, folded alike.
        const QString folded = context.core().caseMapping().fold(target);
        if (kind != Kind::Tagmsg &&
            HistoryCommands::acceptsOfflineMessages(context.core(), folded)) {
            context.router().toUser(user, line, senderFilter(user, kind));
            HistoryCommands::recordPrivateMessage(context.core(), user, folded, folded, line, true);
            if (errors)
                context.reply(IrcReply::away(target, OfflineText));
        } else if (errors) {
            context.reply(IrcReply::noSuchNick(target));
        }
        return;
    }
    context.router().toUser(recipient, line, filter);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->privateMessage(recipient, line);
    if (recipient != user)
        context.router().toUser(user, line, senderFilter(user, kind));
    if (kind == Kind::Privmsg && recipient->isAway())
        context.reply(IrcReply::away(recipient->nick(), recipient->awayMessage()));
    HistoryCommands::recordPrivateMessage(context.core(), user, recipient->foldedAccount(),
                                          recipient->foldedNick(), line, false);
}

// To a channel (a STATUSMSG target too) or a user.
void deliver(CommandContext& context, const QString& target, RelayLine& line, Kind kind,
             bool errors)
{
    const int flags = statusFlags(target);
    if (flags != 0 || IrcValidation::isChannelName(target))
        toChannel(context, target, flags, line, kind, errors);
    else
        toUser(context, target, line, kind, errors);
}

void send(CommandContext& context, Kind kind)
{
    // RFC 2812 3.3.2: no error reply is ever sent for a NOTICE.
    const bool errors = kind == Kind::Privmsg;
    const bool tagOnly = kind == Kind::Tagmsg;
    const IrcMessage& message = context.message();
    const QString& command = message.command();
    const QStringList& params = message.params();
    if (params.isEmpty() || params.constFirst().isEmpty()) {
        if (errors)
            context.reply(IrcReply::noRecipient(command));
        return;
    }
    if (!tagOnly && (params.size() < 2 || params.at(1).isEmpty())) {
        if (errors)
            context.reply(IrcReply::noTextToSend());
        return;
    }
    const QString& targetList = params.constFirst();
    // One target, as nearly every message has: its parameters are relayed as they came, shared
    // with the message rather than copied into two new lists (an allocation and a string copy
    // each, for every message).
    const bool severalTargets = targetList.contains(u',');
    const QStringList targets =
        severalTargets ? targetList.split(u',', Qt::SkipEmptyParts) : QStringList();
    const int maxTargets = context.config().maxTargets;
    if (targets.size() > maxTargets) {
        if (errors)
            context.reply(IrcReply::tooManyTargets(targets.value(maxTargets), maxTargets));
        return;
    }

    // Only client-only tags ("+name") are relayed; the server adds its own.
    QList<IrcTag> clientTags;
    for (const IrcTag& tag : message.tags()) {
        if (tag.key.startsWith(u'+'))
            clientTags.append(tag);
    }
    context.user()->setLastMessageSecs(Clock::nowSecs());

    const qsizetype relayedParams = tagOnly ? 1 : 2;
    const auto relay = [&](const QString& target) {
        IrcMessage out(command, !severalTargets && params.size() == relayedParams ? params
                                : tagOnly ? QStringList{target}
                                          : QStringList{target, params.at(1)});
        out.setTags(clientTags);
        if (context.user()->isBot())
            out.setTag(BotTag);
        out.setLastParamTrailing(!tagOnly); // text is written ":text", as every server does
        RelayLine line = context.accept(std::move(out));
        deliver(context, target, line, kind, errors);
    };
    if (!severalTargets) {
        relay(targetList);
        return;
    }
    for (const QString& target : targets)
        relay(target);
}

void onPrivmsg(CommandContext& context)
{
    send(context, Kind::Privmsg);
}

void onNotice(CommandContext& context)
{
    send(context, Kind::Notice);
}

void onTagmsg(CommandContext& context)
{
    send(context, Kind::Tagmsg);
}

} // namespace

void relayMultiline(CommandContext& context, const MultilineBatch& batch)
{
    const Kind kind =
        batch.command() == QLatin1String("NOTICE") ? Kind::Notice : Kind::Privmsg;
    ServerUser* user = context.user();
    user->setLastMessageSecs(Clock::nowSecs());
    QList<IrcTag> tags = batch.clientTags();
    if (user->isBot())
        tags.append(IrcTag{BotTag, QString()});
    RelayLine line = context.router().acceptMultiline(user, batch.command(), batch.target(), tags,
                                                      batch.parts(), context.core().nextBatchId());
    deliver(context, batch.target(), line, kind, kind == Kind::Privmsg);
}

int statusFlags(const QString& target)
{
    if (target.size() < 2)
        return 0;
    const QChar first = target.at(0);
    if (first == u'@')
        return ServerChannel::Op;
    if (first == u'+')
        return ServerChannel::Op | ServerChannel::Voice;
    return 0;
}

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("PRIVMSG"), onPrivmsg, 0, Access::Registered);
    table.add(QStringLiteral("NOTICE"), onNotice, 0, Access::Registered);
    table.add(QStringLiteral("TAGMSG"), onTagmsg, 1, Access::Registered);
}

} // namespace MessagingCommands

#include "commands/historycommands.h"

#include "auth/authservice.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "history/chathistoryrequest.h"
#include "history/historyservice.h"
#include "irccommand.h"
#include "irclimits.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "routing/relayline.h"
#include "serverlogging.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QDateTime>

namespace HistoryCommands {

namespace {

const QString Command = QStringLiteral("CHATHISTORY");

// Client tags that only say something about now (typing) and are never stored.
bool isTransientTag(const QString& key)
{
    return key == QLatin1String("+typing") || key == QLatin1String("+draft/typing");
}

// The record of an accepted line: its id and time, and the line with client tags only. Its
// names (the line's account among them) go to HistoryService::record() apart.
HistoryRecord recordOf(RelayLine& line, HistoryRecord::Kind kind)
{
    QList<IrcTag> tags;
    for (const IrcTag& tag : line.message().tags()) {
        if (tag.key.startsWith(u'+') && !isTransientTag(tag.key))
            tags.append(tag);
    }
    HistoryRecord record;
    record.timeMs = line.timeMs();
    record.messageId = line.id();
    record.kind = kind;
    if (tags.isEmpty()) {
        // The form without tags, serialized once for every recipient without tag caps anyway,
        // shared as it is: its CR LF is left out when it is stored.
        record.setRelayedLine(line.wireFor(0));
    } else {
        IrcMessage message = line.message();
        message.setTags(tags);
        record.setLine(message.serialize());
    }
    return record;
}

// A TAGMSG is kept only when it carries a tag worth keeping (a reaction, not typing).
bool isWorthKeeping(const RelayLine& line)
{
    if (line.message().command() != QLatin1String("TAGMSG"))
        return true;
    for (const IrcTag& tag : line.message().tags()) {
        if (tag.key.startsWith(u'+') && !isTransientTag(tag.key))
            return true;
    }
    return false;
}

QString formatTime(qint64 timeMs)
{
    return IrcMessage::formatServerTime(QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC));
}

// The stored line as this user sees it: its tags per the user's caps. Empty if the user cannot
// be sent it (a TAGMSG without message-tags).
QByteArray wireFor(const ServerUser* user, const HistoryRecord& record)
{
    std::optional<IrcMessage> message = IrcMessage::parse(record.line());
    if (!message)
        return {};
    const bool tags = user->hasCap(ClientCap::MessageTags);
    if (!tags && message->command() == QLatin1String("TAGMSG"))
        return {};
    QList<IrcTag> out;
    if (tags) {
        out = message->tags();
        out.append({QStringLiteral("msgid"), record.msgid});
    }
    if (user->hasCap(ClientCap::ServerTime))
        out.append({QStringLiteral("time"), formatTime(record.timeMs)});
    if (user->hasCap(ClientCap::AccountTag) && !record.account.isEmpty())
        out.append({QStringLiteral("account"), record.account});
    return message->toWire(out, Limits::MaxLineBytes);
}

QList<QByteArray> wiresFor(const ServerUser* user, const std::vector<HistoryRecord>& records)
{
    QList<QByteArray> lines;
    lines.reserve(qsizetype(records.size()));
    for (const HistoryRecord& record : records) {
        QByteArray wire = wireFor(user, record);
        if (!wire.isEmpty())
            lines.append(std::move(wire));
    }
    return lines;
}

// How a stored target is shown in TARGETS: the channel's or the person's current name.
QString displayName(ServerCore& core, const QString& target)
{
    if (IrcValidation::isChannelName(target)) {
        const ServerChannel* channel = core.channels().find(target);
        return channel ? channel->name() : target;
    }
    if (const ServerUser* user = core.users().findByNick(target))
        return user->nick();
    return target;
}

void onTargets(CommandContext& context, const ChatHistoryRequest& request)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    QStringList channels;
    for (const ServerChannel* channel : user->channels())
        channels.append(channel->foldedName());
    const QString label = context.deferResponse();
    const UserId id = user->id();
    const ClientConnection* session = user->connection();
    core.history()->targets(
        user->foldedAccount(), channels, request.first().timeMs, request.second().timeMs,
        request.limit(), &core,
        [&core, id, session, label](const std::vector<HistoryTarget>& targets) {
            ServerUser* user = core.findAsker(id, session);
            if (!user)
                return;
            QList<QByteArray> lines;
            for (const HistoryTarget& target : targets) {
                IrcMessage line = IrcCommand::chatHistory(
                    QStringLiteral("TARGETS"),
                    {displayName(core, target.target), formatTime(target.lastMs)});
                line.setSource(core.config().serverName);
                lines.append(line.toWire(Limits::MaxLineBytes));
            }
            core.sendBatch(user, label, QStringLiteral("draft/chathistory-targets"), {}, lines);
        });
}

void onChatHistory(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    if (!core.history()) {
        context.reply(IrcReply::unknownCommand(Command));
        return;
    }
    ChatHistoryRequest::Error error;
    const std::optional<ChatHistoryRequest> request = ChatHistoryRequest::parse(
        context.message().params(), context.config().historyQueryLimit, &error);
    if (!request) {
        core.sendFail(user, Command, error.code, error.context, error.description);
        return;
    }
    const QString throttleKey = QString::number(user->id());
    const qint64 now = Clock::nowMs();
    if (core.historyThrottle().isThrottled(throttleKey, now)) {
        core.sendFail(user, Command, QStringLiteral("MESSAGE_ERROR"),
                      {request->subcommandName(),
                       request->target().isEmpty() ? QStringLiteral("*") : request->target()},
                      QStringLiteral("Too many history requests; try again in a minute"));
        return;
    }
    core.historyThrottle().record(throttleKey, now);
    if (request->subcommand() == ChatHistoryRequest::Subcommand::Targets) {
        onTargets(context, *request);
        return;
    }

    HistoryQuery query = request->query();
    const QString& target = request->target();
    if (IrcValidation::isChannelName(target)) {
        // Members only; to anyone else, a room that exists and one that does not look alike.
        const ServerChannel* channel = core.channels().find(target);
        if (!channel || !channel->hasMember(user)) {
            core.sendFail(user, Command, QStringLiteral("INVALID_TARGET"),
                          {request->subcommandName(), target},
                          QStringLiteral("Messages could not be retrieved"));
            return;
        }
        query.target = channel->foldedName();
        query.includeEvents = user->hasCap(ClientCap::EventPlayback);
        if (channel->hasMode(ServerChannel::Mode::HistorySinceJoin))
            query.notBeforeMs = channel->joinedMs(user);
    } else {
        // A private conversation is kept per account: a guest has none.
        query.owner = user->foldedAccount();
        query.target = conversationKey(core, target);
    }
    const QString label = context.deferResponse();
    if (query.owner.isEmpty() && !IrcValidation::isChannelName(target)) {
        core.sendBatch(user, label, QStringLiteral("chathistory"), {target}, {});
        return;
    }
    const UserId id = user->id();
    const ClientConnection* session = user->connection();
    core.history()->find(
        query, &core,
        [&core, id, session, label, target](const std::vector<HistoryRecord>& records) {
            if (ServerUser* user = core.findAsker(id, session))
                core.sendBatch(user, label, QStringLiteral("chathistory"), {target},
                               wiresFor(user, records));
        });
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(Command, onChatHistory, 1, CommandTable::Access::Registered);
}

void recordChannelMessage(ServerCore& core, const ServerChannel* channel, RelayLine& line)
{
    if (!core.history() || !isWorthKeeping(line))
        return;
    if (line.isMultiline()) { // kept as its lines
        for (RelayLine& part : line.storedLines())
            recordChannelMessage(core, channel, part);
        return;
    }
    core.history()->record(recordOf(line, HistoryRecord::Kind::Message), QString(),
                           channel->foldedName(), line.account());
}

void recordChannelEvent(ServerCore& core, const ServerChannel* channel, RelayLine& line)
{
    if (!core.history())
        return;
    core.history()->record(recordOf(line, HistoryRecord::Kind::Event), QString(),
                           channel->foldedName(), line.account());
}

void recordUserEvent(ServerCore& core, const ServerUser* user, RelayLine& line)
{
    if (!core.history() || user->channels().isEmpty())
        return;
    const HistoryRecord record = recordOf(line, HistoryRecord::Kind::Event);
    for (const ServerChannel* channel : user->channels())
        core.history()->record(record, QString(), channel->foldedName(), line.account());
}

void recordPrivateMessage(ServerCore& core, const ServerUser* sender, const QString& recipientOwner,
                          const QString& recipientNick, RelayLine& line, bool recipientOffline)
{
    if (!core.history() || !isWorthKeeping(line))
        return;
    if (line.isMultiline()) { // kept as its lines
        for (RelayLine& part : line.storedLines())
            recordPrivateMessage(core, sender, recipientOwner, recipientNick, part,
                                 recipientOffline);
        return;
    }
    // The parties' folded names are the users' own strings, shared by the record: folding them
    // again for every message took 2 % of the loop (and as much again to free the copies).
    const QString& senderOwner = sender->foldedAccount();
    const bool fromGuest = senderOwner.isEmpty();
    if (fromGuest && recipientOwner.isEmpty())
        return; // between guests: nothing is kept
    // One record, read by each party with an account through its own view.
    HistoryRecord record = recordOf(line, HistoryRecord::Kind::Message);
    // The recipient reads the record through a view of its own (not the sender's account).
    const bool recipientHasView = !recipientOwner.isEmpty() && recipientOwner != senderOwner;
    // The recipient's account, if any, as the target when the sender has one: its view mirrors
    // the owner's.
    record.betweenAccounts = !fromGuest && recipientHasView;
    // The recipient (target, or owner when the sender is a guest) has not got it yet.
    record.pending = recipientOffline && recipientHasView;
    if (fromGuest) {
        core.history()->record(std::move(record), recipientOwner, sender->foldedNick(),
                               line.account());
    } else {
        const QString& recipientKey = recipientOwner.isEmpty() ? recipientNick : recipientOwner;
        core.history()->record(std::move(record), senderOwner, recipientKey, line.account());
    }
}

QString conversationKey(ServerCore& core, const QString& target)
{
    if (IrcValidation::isChannelName(target))
        return core.caseMapping().fold(target);
    if (const ServerUser* other = core.users().findByNick(target); other && other->isLoggedIn())
        return other->foldedAccount();
    return core.caseMapping().fold(target);
}

bool acceptsOfflineMessages(ServerCore& core, const QString& foldedNick)
{
    return core.history() && core.auth() && core.auth()->isReserved(foldedNick);
}

void deliverPending(ServerCore& core, ServerUser* user)
{
    if (!core.history() || !user->isLoggedIn())
        return;
    const UserId id = user->id();
    const ClientConnection* session = user->connection();
    // A draft/chathistory client fetches what it missed (TARGETS, LATEST); the messages stop
    // being pending either way.
    const bool replay = !user->hasCap(ClientCap::ChatHistory);
    const QString owner = user->foldedAccount();
    core.history()->takePending(
        owner, &core, [&core, id, session, replay, owner](const std::vector<HistoryRecord>& records) {
            ServerUser* user = core.findAsker(id, session);
            if (!user && replay) {
                // Gone before the replay: the messages wait for the next login.
                if (core.history())
                    core.history()->restorePending(owner, records);
                return;
            }
            if (!user || !replay || records.empty())
                return;
            qCInfo(lcHistory).noquote() << "replaying" << records.size()
                                        << "offline messages to" << user->nick();
            for (const QByteArray& wire : wiresFor(user, records))
                user->output()->sendWire(wire);
        });
}

} // namespace HistoryCommands

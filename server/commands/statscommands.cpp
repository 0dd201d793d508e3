#include "commands/statscommands.h"

#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "history/historyservice.h"
#include "net/clientconnection.h"
#include "serverlogging.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

#include <QHash>

#include <algorithm>
#include <utility>
#include <vector>

namespace StatsCommands {

namespace {

using Row = std::pair<QString, qint64>; // what, how many

// The rows largest first (then by name), at most StatsMaxLines of them and a line for the rest.
void sendRows(CommandContext& context, const QString& letter, std::vector<Row> rows,
              const QString& format)
{
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    const size_t shown = std::min(rows.size(), size_t(ServerDefaults::StatsMaxLines));
    for (size_t i = 0; i < shown; ++i)
        context.reply(IrcReply::statsDebug(letter, format.arg(rows[i].first).arg(rows[i].second)));
    if (rows.size() > shown)
        context.reply(IrcReply::statsDebug(
            letter, QStringLiteral("... and %1 more").arg(rows.size() - shown)));
}

void sendAddresses(CommandContext& context, const QString& letter)
{
    QHash<QString, qint64> perAddress;
    context.users().forEach(
        [&perAddress](ServerUser* user) { perAddress[user->address()] += user->sessionCount(); });
    std::vector<Row> rows;
    rows.reserve(size_t(perAddress.size()));
    for (auto it = perAddress.cbegin(); it != perAddress.cend(); ++it)
        rows.emplace_back(it.key(), it.value());
    sendRows(context, letter, std::move(rows), QStringLiteral("%1 %2 connections"));
}

void sendQueues(CommandContext& context, const QString& letter)
{
    std::vector<Row> rows;
    context.users().forEach([&rows](ServerUser* user) {
        const QString name = user->replyTarget() + u'@' + user->address();
        user->forEachSession([&rows, &name](ClientConnection* session, int, ClientConnection*) {
            rows.emplace_back(name, session->sendQueueBytes());
        });
    });
    sendRows(context, letter, std::move(rows),
             QStringLiteral("%1 %2 bytes queued of ") +
                 QString::number(context.config().sendQueueBytes));
}

void sendOperators(CommandContext& context)
{
    for (const OperatorBlock& block : context.config().operators) {
        QString hosts = block.hosts.isEmpty() ? QStringLiteral("*") : block.hosts.join(u',');
        hosts.remove(u' ');
        context.reply(IrcReply::statsOLine(hosts, block.name));
    }
}

// Answered once the history thread has counted; 219 comes last.
void sendHistory(CommandContext& context, const QString& letter)
{
    ServerCore& core = context.core();
    HistoryService* history = core.history();
    if (!history) {
        context.reply(IrcReply::statsDebug(letter, QStringLiteral("history is off")));
        context.reply(IrcReply::endOfStats(letter));
        return;
    }
    const UserId id = context.user()->id();
    const ClientConnection* session = context.user()->connection();
    const QString label = context.deferResponse();
    ServerCore* corePointer = &core;
    history->status(&core, [corePointer, id, session, label,
                             letter](const HistoryService::StoreStatus& status) {
        ServerCore& core = *corePointer;
        ServerUser* user = core.findAsker(id, session);
        HistoryService* history = core.history();
        if (!user || !history)
            return;
        core.answerLabeled(user, label, [&](LabeledResponse*) {
            core.reply(user, IrcReply::statsDebug(
                                 letter, QStringLiteral("history: %1 records, %2 bytes on disk")
                                             .arg(status.records)
                                             .arg(status.fileBytes)));
            core.reply(user,
                       IrcReply::statsDebug(
                           letter, QStringLiteral("history: %1 waiting, %2 failed, %3 dropped")
                                       .arg(history->queuedCount())
                                       .arg(history->failedWrites())
                                       .arg(history->droppedCount())));
            core.reply(user, IrcReply::endOfStats(letter));
        });
    });
}

void onStats(CommandContext& context)
{
    const QString letter = context.param(0).left(1);
    if (letter == QLatin1String("u")) {
        context.reply(IrcReply::statsUptime(Clock::nowSecs() - context.core().startedSecs()));
        context.reply(IrcReply::endOfStats(letter));
        return;
    }
    const bool known = letter == QLatin1String("o") || letter == QLatin1String("a") ||
                       letter == QLatin1String("q") || letter == QLatin1String("h");
    if (known && !context.checkIrcOperator())
        return;
    if (known)
        qCInfo(lcOper).noquote() << "STATS" << letter << "by" << context.user()->source();
    if (letter == QLatin1String("h")) {
        sendHistory(context, letter);
        return;
    }
    if (letter == QLatin1String("o"))
        sendOperators(context);
    else if (letter == QLatin1String("a"))
        sendAddresses(context, letter);
    else if (letter == QLatin1String("q"))
        sendQueues(context, letter);
    context.reply(IrcReply::endOfStats(letter.isEmpty() ? QStringLiteral("*") : letter));
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(QStringLiteral("STATS"), onStats, 1, CommandTable::Access::Registered);
}

} // namespace StatsCommands

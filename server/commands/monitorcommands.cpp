#include "commands/monitorcommands.h"

#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irclimits.h"
#include "ircvalidation.h"
#include "serverlogging.h"
#include "state/monitorregistry.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace MonitorCommands {

namespace {

const QString Monitor = QStringLiteral("MONITOR");

// Folded target -> the name as the user spells it: the targets a registered user keeps online.
using HeldTargets = QHash<QString, QString>;

HeldTargets heldTargets(const ServerCore& core, const QString& nick, const QString& account)
{
    HeldTargets held;
    if (!account.isEmpty())
        held.insert(core.caseMapping().fold(account), account);
    if (!nick.isEmpty())
        held.insert(core.caseMapping().fold(nick), nick); // the nick's spelling if both
    return held;
}

// Whether a registered user other than except holds the folded target as a nick or is logged in
// to an account of that name. *entry gets its 730 form: the nick holder's nick!user@host, or
// else the account's name alone.
bool findOnline(ServerCore& core, const QString& folded, const ServerUser* except, QString* entry)
{
    const ServerUser* holder = core.users().nickHolder(folded);
    if (holder && holder != except && holder->isRegistered()) {
        *entry = holder->source();
        return true;
    }
    if (!core.auth())
        return false; // no accounts, so nobody is logged in
    // Any number of connections may be logged in to one account, under any nick.
    const ServerUser* found = core.users().findByAccount(folded, except);
    if (found)
        *entry = found->account();
    return found != nullptr;
}

// Sends the items as few replies as fit in lines of Limits::MaxLineBytes, the list being the
// parameter that build() joins with ','.
void sendInLines(ServerCore& core, ServerUser* user, const QStringList& items,
                 const std::function<IrcNumericReply(const QStringList&)>& build)
{
    if (items.isEmpty())
        return;
    const auto lineBytes = [&](const QStringList& list) {
        const IrcMessage message =
            IrcReply::numeric(core.config().serverName, user->replyTarget(), build(list));
        return message.serialize().size() + 2; // CR LF
    };
    const qsizetype overhead = lineBytes({QStringLiteral("x")}) - 1;
    QStringList line;
    qsizetype bytes = overhead;
    for (const QString& item : items) {
        const qsizetype size = item.toUtf8().size();
        if (!line.isEmpty() && bytes + 1 + size > Limits::MaxLineBytes) {
            core.reply(user, build(line));
            line.clear();
            bytes = overhead;
        }
        bytes += (line.isEmpty() ? 0 : 1) + size;
        line.append(item);
    }
    core.reply(user, build(line));
}

// The user stopped (online false) or started keeping the folded target online: unless someone
// else keeps it online, its watchers hear 731 with name, or 730.
void tellWatchers(ServerCore& core, ServerUser* user, const QString& folded, bool online,
                  const QString& name)
{
    if (!core.monitors().isWatched(folded))
        return;
    QString entry;
    if (findOnline(core, folded, user, &entry))
        return;
    if (online)
        entry = user->foldedNick() == folded ? user->source() : user->account();
    const IrcNumericReply reply =
        online ? IrcReply::monOnline({entry}) : IrcReply::monOffline({name});
    const QSet<UserId> watchers = core.monitors().watchers(folded);
    for (const UserId id : watchers) {
        if (ServerUser* watcher = core.users().findById(id))
            core.replyToAllSessions(watcher, reply);
    }
}

// Whether a change of the user's can concern anyone: it is registered (online) and somebody
// watches something.
bool isTold(ServerCore& core, const ServerUser* user)
{
    return user->isRegistered() && core.monitors().watchedCount() > 0;
}

// The registered user kept the targets in before and now keeps those in after.
void update(ServerCore& core, ServerUser* user, const HeldTargets& before, const HeldTargets& after)
{
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            tellWatchers(core, user, it.key(), false, it.value());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            tellWatchers(core, user, it.key(), true, it.value());
    }
}

// The valid nicks of a comma-separated list, each once (by its folded form), in order.
QList<MonitorRegistry::Target> parseTargets(const CommandContext& context, const QString& list)
{
    QList<MonitorRegistry::Target> targets;
    QSet<QString> seen;
    for (const QString& name : list.split(u',', Qt::SkipEmptyParts)) {
        if (IrcValidation::checkNick(name, context.config().nickLength) !=
            IrcValidation::Reason::Valid) {
            continue;
        }
        const QString folded = context.fold(name);
        if (seen.contains(folded))
            continue;
        seen.insert(folded);
        targets.append({folded, name});
    }
    return targets;
}

// 730 for the online targets, then 731 for the others.
void sendStatus(CommandContext& context, const QList<MonitorRegistry::Target>& targets)
{
    QStringList online;
    QStringList offline;
    for (const MonitorRegistry::Target& target : targets) {
        QString entry;
        if (findOnline(context.core(), target.folded, nullptr, &entry))
            online.append(entry);
        else
            offline.append(target.name);
    }
    sendInLines(context.core(), context.user(), online, IrcReply::monOnline);
    sendInLines(context.core(), context.user(), offline, IrcReply::monOffline);
}

void onAdd(CommandContext& context)
{
    const UserId id = context.user()->id();
    const int limit = context.config().monitorLimit;
    QList<MonitorRegistry::Target> added; // or there already
    QStringList rejected;
    for (const MonitorRegistry::Target& target : parseTargets(context, context.param(1))) {
        if (context.core().monitors().add(id, target.folded, target.name, limit) ==
            MonitorRegistry::AddResult::ListFull) {
            rejected.append(target.name);
        } else {
            added.append(target);
        }
    }
    sendStatus(context, added);
    if (!rejected.isEmpty()) {
        qCDebug(lcCore).noquote() << "MONITOR list of" << context.user()->nick() << "is full;"
                                  << rejected.size() << "targets refused";
        sendInLines(context.core(), context.user(), rejected, [limit](const QStringList& targets) {
            return IrcReply::monListFull(limit, targets);
        });
    }
}

void onRemove(CommandContext& context)
{
    for (const MonitorRegistry::Target& target : parseTargets(context, context.param(1)))
        context.core().monitors().remove(context.user()->id(), target.folded);
}

void onList(CommandContext& context)
{
    QStringList names;
    for (const MonitorRegistry::Target& target :
         context.core().monitors().targets(context.user()->id())) {
        names.append(target.name);
    }
    sendInLines(context.core(), context.user(), names, IrcReply::monList);
    context.reply(IrcReply::endOfMonList());
}

void onMonitor(CommandContext& context)
{
    const QString subcommand = context.param(0);
    if (subcommand == QLatin1String("+") || subcommand == QLatin1String("-")) {
        if (context.param(1).isEmpty()) {
            context.reply(IrcReply::needMoreParams(Monitor));
            return;
        }
        if (subcommand == QLatin1String("+"))
            onAdd(context);
        else
            onRemove(context);
        return;
    }
    const QString letter = subcommand.toUpper();
    if (letter == QLatin1String("C"))
        context.core().monitors().removeWatcher(context.user()->id());
    else if (letter == QLatin1String("L"))
        onList(context);
    else if (letter == QLatin1String("S"))
        sendStatus(context, context.core().monitors().targets(context.user()->id()));
    else
        context.reply(IrcReply::unknownMonitorSubcommand(subcommand));
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(Monitor, onMonitor, 1, CommandTable::Access::Registered);
}

void notifyRegistered(ServerCore& core, ServerUser* user)
{
    if (!isTold(core, user))
        return;
    update(core, user, {}, heldTargets(core, user->nick(), user->account()));
}

void notifyNickChanged(ServerCore& core, ServerUser* user, const QString& oldNick)
{
    if (!isTold(core, user))
        return;
    update(core, user, heldTargets(core, oldNick, user->account()),
           heldTargets(core, user->nick(), user->account()));
}

void notifyLoggedIn(ServerCore& core, ServerUser* user)
{
    if (!isTold(core, user))
        return;
    update(core, user, heldTargets(core, user->nick(), QString()),
           heldTargets(core, user->nick(), user->account()));
}

void notifyQuit(ServerCore& core, ServerUser* user)
{
    core.monitors().removeWatcher(user->id());
    if (!isTold(core, user))
        return;
    update(core, user, heldTargets(core, user->nick(), user->account()), {});
}

} // namespace MonitorCommands

#include "commands/usercommands.h"

#include "cluster/clusterbridge.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "routing/messagerouter.h"
#include "state/serveruser.h"

namespace UserCommands {

namespace {

// away-notify: AWAY to those who share a channel with the user and asked for it.
void notifyAway(CommandContext& context)
{
    ServerUser* user = context.user();
    RelayLine line = context.accept(IrcCommand::away(user->awayMessage()));
    MessageRouter::Filter filter;
    filter.requiredCaps = ClientCap::AwayNotify;
    context.router().toNeighbours(user, line, false, filter);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->userEvent(user, line);
}

void onAway(CommandContext& context)
{
    ServerUser* user = context.user();
    QString text = context.param(0);
    text.truncate(context.config().awayLength);
    if (text.isEmpty()) {
        const bool was = user->isAway();
        user->setAwayMessage(QString());
        context.reply(IrcReply::unAway());
        if (was)
            notifyAway(context);
        return;
    }
    user->setAwayMessage(text);
    context.reply(IrcReply::nowAway());
    notifyAway(context);
}

// setname: the user's real name, told to those who share a channel and asked for it.
void onSetname(CommandContext& context)
{
    ServerUser* user = context.user();
    const QString realName = context.param(0);
    if (realName.trimmed().isEmpty() || realName.size() > context.config().realNameLength) {
        context.core().sendFail(user, QStringLiteral("SETNAME"), QStringLiteral("INVALID_REALNAME"),
                                {},
                                QStringLiteral("Realname is not valid: 1 to %1 characters")
                                    .arg(context.config().realNameLength));
        return;
    }
    user->setRealName(realName);
    RelayLine line = context.accept(IrcCommand::setName(realName));
    MessageRouter::Filter filter;
    filter.requiredCaps = ClientCap::SetName;
    context.router().toNeighbours(user, line, true, filter);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->userEvent(user, line);
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(QStringLiteral("AWAY"), onAway, 0, CommandTable::Access::Registered);
    table.add(QStringLiteral("SETNAME"), onSetname, 1, CommandTable::Access::Registered);
}

} // namespace UserCommands

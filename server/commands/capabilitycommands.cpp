#include "commands/capabilitycommands.h"

#include "commands/registrationcommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "state/serveruser.h"

#include <QStringList>

namespace CapabilityCommands {

namespace {

struct Capability
{
    const char* name;
    int flag;
};

// In CAP LS order.
constexpr Capability Capabilities[] = {
    {"away-notify", ClientCap::AwayNotify}, {"echo-message", ClientCap::EchoMessage},
    {"message-tags", ClientCap::MessageTags}, {"multi-prefix", ClientCap::MultiPrefix},
    {"server-time", ClientCap::ServerTime},
};

int flagOf(const QString& name)
{
    for (const Capability& capability : Capabilities) {
        if (name == QLatin1String(capability.name))
            return capability.flag;
    }
    return 0;
}

void sendCap(CommandContext& context, const QString& subcommand, const QString& caps)
{
    context.core().sendFromServer(
        context.user(), IrcCommand::capReply(context.user()->replyTarget(), subcommand, caps));
}

void onLs(CommandContext& context, const QString& subcommand)
{
    ServerUser* user = context.user();
    if (!user->isRegistered())
        user->setCapNegotiating(true);
    const bool withValues = context.param(1).toInt() >= 302;
    sendCap(context, subcommand, offered(context.core(), user, withValues));
}

void onList(CommandContext& context, const QString& subcommand)
{
    QStringList enabled;
    for (const Capability& capability : Capabilities) {
        if (context.user()->hasCap(capability.flag))
            enabled.append(QLatin1String(capability.name));
    }
    sendCap(context, subcommand, enabled.join(u' '));
}

void onReq(CommandContext& context)
{
    ServerUser* user = context.user();
    if (!user->isRegistered())
        user->setCapNegotiating(true);
    const QString requested = context.param(1);
    int add = 0;
    int remove = 0;
    const QStringList names = requested.split(u' ', Qt::SkipEmptyParts);
    for (QString name : names) {
        const bool minus = name.startsWith(u'-');
        if (minus)
            name.remove(0, 1);
        const int flag = flagOf(name);
        if (flag == 0) {
            // All or nothing: one unknown capability refuses the whole request.
            sendCap(context, QStringLiteral("NAK"), requested);
            return;
        }
        (minus ? remove : add) |= flag;
    }
    if (names.isEmpty()) {
        sendCap(context, QStringLiteral("NAK"), requested);
        return;
    }
    user->setCaps((user->caps() | add) & ~remove);
    sendCap(context, QStringLiteral("ACK"), requested);
}

void onEnd(CommandContext& context)
{
    ServerUser* user = context.user();
    if (user->isRegistered())
        return;
    user->setCapNegotiating(false);
    RegistrationCommands::tryComplete(context.core(), user);
}

void onCap(CommandContext& context)
{
    const QString sub = context.param(0).toUpper();
    if (sub == QLatin1String("LS"))
        onLs(context, sub);
    else if (sub == QLatin1String("LIST"))
        onList(context, sub);
    else if (sub == QLatin1String("REQ"))
        onReq(context);
    else if (sub == QLatin1String("END"))
        onEnd(context);
    else
        context.reply(IrcReply::invalidCapCommand(context.param(0)));
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(QStringLiteral("CAP"), onCap, 1, CommandTable::Access::BeforeRegistration);
}

QString offered(ServerCore&, const ServerUser*, bool)
{
    QStringList names;
    for (const Capability& capability : Capabilities)
        names.append(QLatin1String(capability.name));
    return names.join(u' ');
}

} // namespace CapabilityCommands

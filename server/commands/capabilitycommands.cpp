#include "commands/capabilitycommands.h"

#include "commands/registrationcommands.h"
#include "commands/saslcommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "state/serveruser.h"

#include <QHash>
#include <QStringList>

namespace CapabilityCommands {

namespace {

// What the server must have for a capability to be offered.
enum class Needs { Nothing, Accounts, Registration, History };

struct Capability
{
    const char* name;
    int flag;
    Needs needs;
};

// In CAP LS order.
constexpr Capability Capabilities[] = {
    {"account-notify", ClientCap::AccountNotify, Needs::Accounts},
    {"account-tag", ClientCap::AccountTag, Needs::Accounts},
    {"away-notify", ClientCap::AwayNotify, Needs::Nothing},
    {"batch", ClientCap::Batch, Needs::Nothing},
    {"cap-notify", ClientCap::CapNotify, Needs::Nothing},
    {"chghost", ClientCap::ChgHost, Needs::Nothing},
    {"draft/account-registration", ClientCap::AccountRegistration, Needs::Registration},
    {"draft/chathistory", ClientCap::ChatHistory, Needs::History},
    {"draft/event-playback", ClientCap::EventPlayback, Needs::History},
    {"draft/multiline", ClientCap::Multiline, Needs::Nothing},
    {"draft/read-marker", ClientCap::ReadMarker, Needs::History},
    {"echo-message", ClientCap::EchoMessage, Needs::Nothing},
    {"extended-join", ClientCap::ExtendedJoin, Needs::Nothing},
    {"invite-notify", ClientCap::InviteNotify, Needs::Nothing},
    {"labeled-response", ClientCap::LabeledResponse, Needs::Nothing},
    {"message-tags", ClientCap::MessageTags, Needs::Nothing},
    {"multi-prefix", ClientCap::MultiPrefix, Needs::Nothing},
    {"sasl", ClientCap::Sasl, Needs::Accounts},
    {"server-time", ClientCap::ServerTime, Needs::Nothing},
    {"setname", ClientCap::SetName, Needs::Nothing},
    {"userhost-in-names", ClientCap::UserhostInNames, Needs::Nothing},
};

// A CAP LS line's capability list stays below this many bytes (CAP 302 continues on more).
constexpr int MaxCapListBytes = 400;

bool isOffered(const ServerCore& core, const Capability& capability)
{
    switch (capability.needs) {
    case Needs::Nothing: return true;
    case Needs::Accounts: return core.auth() != nullptr;
    case Needs::Registration: return core.auth() != nullptr && core.config().accountRegistration;
    case Needs::History: return core.history() != nullptr;
    }
    return false;
}

// The flag of an offered capability, or 0.
int flagOf(const ServerCore& core, const QString& name)
{
    for (const Capability& capability : Capabilities) {
        if (name == QLatin1String(capability.name))
            return isOffered(core, capability) ? capability.flag : 0;
    }
    return 0;
}

QString valueOf(const ServerCore& core, const ServerUser* user, int flag)
{
    if (flag == ClientCap::Sasl)
        return SaslCommands::mechanisms(core, user).join(u',');
    if (flag == ClientCap::AccountRegistration)
        return QStringLiteral("before-connect");
    if (flag == ClientCap::Multiline) {
        return QStringLiteral("max-bytes=%1,max-lines=%2")
            .arg(core.config().multilineMaxBytes)
            .arg(core.config().multilineMaxLines);
    }
    return QString();
}

// "name" or "name=value".
QString withNameAndValue(const ServerCore& core, const ServerUser* user,
                         const Capability& capability, bool withValue)
{
    QString name = QLatin1String(capability.name);
    const QString value = withValue ? valueOf(core, user, capability.flag) : QString();
    if (!value.isEmpty())
        name += u'=' + value;
    return name;
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
    const bool version302 = context.param(1).toInt() >= 302;
    // CAP LS 302 turns cap-notify on, for good (capability-negotiation, cap-notify).
    if (version302)
        user->setCaps(user->caps() | ClientCap::CapNotify | ClientCap::Version302);
    const QStringList caps = offered(context.core(), user, version302).split(u' ');
    // Without 302 the list is one line whatever its length (none of ours comes close).
    QString line;
    for (const QString& cap : caps) {
        if (version302 && !line.isEmpty() && line.size() + 1 + cap.size() > MaxCapListBytes) {
            context.core().sendFromServer(
                user, IrcCommand::capReply(user->replyTarget(), subcommand, line, true));
            line.clear();
        }
        if (!line.isEmpty())
            line += u' ';
        line += cap;
    }
    sendCap(context, subcommand, line);
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
        const int flag = flagOf(context.core(), name);
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
    if (user->hasCap(ClientCap::Version302))
        remove &= ~ClientCap::CapNotify;
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

QString offered(const ServerCore& core, const ServerUser* user, bool withValues)
{
    QStringList names;
    for (const Capability& capability : Capabilities) {
        if (!isOffered(core, capability))
            continue;
        names.append(withNameAndValue(core, user, capability, withValues));
    }
    return names.join(u' ');
}

void announceChanges(ServerCore& core, const std::function<void()>& change)
{
    // name -> value of what each user is offered, before and after.
    auto offers = [&core](const ServerUser* user) {
        QHash<QString, QString> result;
        for (const Capability& capability : Capabilities) {
            if (isOffered(core, capability))
                result.insert(QLatin1String(capability.name), valueOf(core, user, capability.flag));
        }
        return result;
    };
    QHash<UserId, QHash<QString, QString>> before;
    core.users().forEach([&](ServerUser* user) { before.insert(user->id(), offers(user)); });
    change();
    QList<ServerUser*> users;
    core.users().forEach([&users](ServerUser* user) { users.append(user); });
    for (ServerUser* user : std::as_const(users)) {
        const QHash<QString, QString> was = before.value(user->id());
        const QHash<QString, QString> now = offers(user);
        // A capability whose value changed goes and comes back with the new value.
        QStringList gone;
        int goneFlags = 0;
        QList<const Capability*> added;
        for (const Capability& capability : Capabilities) {
            const QString name = QLatin1String(capability.name);
            const bool had = was.contains(name);
            const bool has = now.contains(name);
            const bool changed = had && has && was.value(name) != now.value(name);
            if (had && (!has || changed)) {
                gone.append(name);
                goneFlags |= capability.flag;
            }
            if (has && (!had || changed))
                added.append(&capability);
        }
        if (gone.isEmpty() && added.isEmpty())
            continue;
        QList<const ClientConnection*> sessions;
        user->forEachSession([&sessions](ClientConnection* session, int caps, ClientConnection*) {
            if (caps & ClientCap::CapNotify)
                sessions.append(session);
        });
        for (const ClientConnection* session : std::as_const(sessions)) {
            user->setCurrentSession(session);
            // Whatever the capability did stops now (CAP DEL).
            if (!gone.isEmpty()) {
                user->setCaps(user->caps() & ~goneFlags);
                core.sendFromServer(user, IrcCommand::capReply(user->replyTarget(),
                                                               QStringLiteral("DEL"),
                                                               gone.join(u' ')));
            }
            if (!added.isEmpty()) {
                QStringList names;
                for (const Capability* capability : std::as_const(added)) {
                    names.append(withNameAndValue(core, user, *capability,
                                                  user->hasCap(ClientCap::Version302)));
                }
                core.sendFromServer(user, IrcCommand::capReply(user->replyTarget(),
                                                               QStringLiteral("NEW"),
                                                               names.join(u' ')));
            }
        }
    }
}

} // namespace CapabilityCommands

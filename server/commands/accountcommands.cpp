#include "commands/accountcommands.h"

#include "auth/authservice.h"
#include "cluster/clusterbridge.h"
#include "commands/monitorcommands.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircvalidation.h"
#include "routing/messagerouter.h"
#include "serverlogging.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

#include <QRandomGenerator>

namespace AccountCommands {

namespace {

const QString Register = QStringLiteral("REGISTER");

void fail(CommandContext& context, const QString& code, const QStringList& contextParams,
          const QString& description)
{
    context.core().sendFail(context.user(), Register, code, contextParams, description);
}

void onRegister(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    QString account = context.param(0);
    const QString password = context.param(2);
    if (!core.auth()) {
        fail(context, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
             QStringLiteral("This server has no accounts"));
        return;
    }
    if (!core.config().accountRegistration) {
        fail(context, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
             QStringLiteral("Accounts are not open for registration here; ask the server's "
                            "administrator for one"));
        return;
    }
    if (user->nick().isEmpty()) {
        fail(context, QStringLiteral("NEED_NICK"), {QStringLiteral("*")},
             QStringLiteral("Choose a nickname first: the account is named after it"));
        return;
    }
    if (account == QLatin1String("*"))
        account = user->nick();
    if (user->isLoggedIn()) {
        fail(context, QStringLiteral("ALREADY_AUTHENTICATED"), {user->account()},
             QStringLiteral("You are already logged in"));
        return;
    }
    if (context.fold(account) != user->foldedNick()) {
        fail(context, QStringLiteral("ACCOUNT_NAME_MUST_BE_NICK"), {account},
             QStringLiteral("The account name must be your current nickname"));
        return;
    }
    account = user->nick(); // as the user spells it
    if (core.auth()->isReserved(user->foldedNick())) {
        fail(context, QStringLiteral("ACCOUNT_EXISTS"), {account},
             QStringLiteral("An account with this name exists already"));
        return;
    }
    if (!core.passwordsAllowed(user)) {
        fail(context, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
             QStringLiteral("Registering sends a password: connect with TLS (port %1) first")
                 .arg(core.config().tlsPort));
        return;
    }
    if (context.message().hasInvalidUtf8() ||
        password.toUtf8().size() > ServerDefaults::MaxPasswordBytes) {
        fail(context, QStringLiteral("UNACCEPTABLE_PASSWORD"), {account},
             QStringLiteral("A password is valid UTF-8 of at most %1 bytes")
                 .arg(ServerDefaults::MaxPasswordBytes));
        return;
    }
    if (password.size() < ServerDefaults::MinPasswordLength) {
        fail(context, QStringLiteral("WEAK_PASSWORD"), {account},
             QStringLiteral("A password has at least %1 characters")
                 .arg(ServerDefaults::MinPasswordLength));
        return;
    }
    if (core.pendingRegistrations().contains(user->id())) {
        fail(context, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
             QStringLiteral("A registration is in progress already"));
        return;
    }
    const qint64 now = RelayLine::nowMs();
    if (core.registrationThrottle().isThrottled(user->address(), now)) {
        fail(context, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
             QStringLiteral("Too many accounts were registered from your address; try again "
                            "later"));
        return;
    }
    core.registrationThrottle().record(user->address(), now);
    core.pendingRegistrations().insert(user->id());
    const UserId id = user->id();
    ServerCore* corePointer = &core;
    core.auth()->registerAccount(
        account, password, &core, [corePointer, id, account](AuthService::RegisterResult result) {
            ServerCore& core = *corePointer;
            if (!core.pendingRegistrations().remove(id))
                return; // gone
            ServerUser* user = core.users().findById(id);
            if (!user)
                return;
            switch (result) {
            case AuthService::RegisterResult::Ok:
                core.sendFromServer(
                    user, IrcCommand::registerSuccess(account, QStringLiteral("Account created")));
                if (!user->isLoggedIn())
                    logIn(core, user, account);
                return;
            case AuthService::RegisterResult::Exists:
                core.sendFail(user, Register, QStringLiteral("ACCOUNT_EXISTS"), {account},
                              QStringLiteral("An account with this name exists already"));
                return;
            case AuthService::RegisterResult::Failed:
                core.sendFail(user, Register, QStringLiteral("TEMPORARILY_UNAVAILABLE"), {account},
                              QStringLiteral("The account could not be stored; try again later"));
                return;
            }
        });
}

} // namespace

void addTo(CommandTable& table)
{
    table.add(Register, onRegister, 3, CommandTable::Access::BeforeRegistration);
}

namespace {

// A free "Guest12345" nick, or empty after 100 tries.
QString makeGuestNick(ServerCore& core)
{
    constexpr int Tries = 100;
    for (int i = 0; i < Tries; ++i) {
        const QString nick =
            QStringLiteral("Guest%1").arg(QRandomGenerator::global()->bounded(10000, 100000));
        const QString folded = core.caseMapping().fold(nick);
        if (!core.users().nickHolder(folded) && !(core.auth() && core.auth()->isReserved(folded)))
            return nick;
    }
    return QString();
}

} // namespace

void renameGuest(ServerCore& core, ServerUser* guest)
{
    qCInfo(lcAuth).noquote() << "renaming" << guest->nick() << "for the account's owner";
    giveGuestNick(core, guest, QStringLiteral("Nickname reclaimed by its account"),
                  QStringLiteral("Your nickname belongs to a registered account whose owner has "
                                 "logged in; you are now %2"));
}

bool giveGuestNick(ServerCore& core, ServerUser* user, const QString& quitReason,
                   const QString& notice)
{
    const QString nick = makeGuestNick(core);
    if (nick.isEmpty()) {
        core.disconnect(user, quitReason);
        return false;
    }
    const QString old = user->nick();
    // A user not registered yet learns its nick from the welcome.
    core.changeNick(user, nick);
    if (user->isRegistered()) {
        QString text = notice;
        text.replace(QLatin1String("%1"), old).replace(QLatin1String("%2"), nick);
        core.sendFromServer(user, IrcCommand::notice(nick, text));
    }
    return true;
}

void logIn(ServerCore& core, ServerUser* user, const QString& account)
{
    core.users().setAccount(user, account);
    // Before NICK and USER (some clients authenticate first), "*" stands for what is missing.
    const QString source = IrcMessage::makeSource(
        user->nick().isEmpty() ? QStringLiteral("*") : user->nick(),
        user->userName().isEmpty() ? QStringLiteral("*") : user->userName(), user->host());
    core.reply(user, IrcReply::loggedIn(source, account));
    if (user->isRegistered()) {
        RelayLine line = core.router().accept(user, IrcCommand::account(account));
        MessageRouter::Filter filter;
        filter.requiredCaps = ClientCap::AccountNotify;
        core.router().toNeighbours(user, line, false, filter);
        if (ClusterBridge* cluster = core.cluster())
            cluster->userEvent(user, line);
    }
    MonitorCommands::notifyLoggedIn(core, user);
    // The account's name, held by a guest: the guest is renamed and the owner gets it.
    const QString folded = core.caseMapping().fold(account);
    ServerUser* holder = core.users().nickHolder(folded);
    if (!holder || holder == user || holder->foldedAccount() == folded)
        return;
    if (holder->isRemote()) {
        // A guest on another node: that node renames it (ClusterBridge).
        if (ClusterBridge* cluster = core.cluster())
            cluster->reclaimName(user, account);
        return;
    }
    renameGuest(core, holder);
    core.changeNick(user, account);
}

} // namespace AccountCommands

#include "commands/opercommands.h"

#include "auth/authservice.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircmask.h"
#include "net/clientconnection.h"
#include "routing/messagerouter.h"
#include "routing/relayline.h"
#include "serverlogging.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace OperCommands {

namespace {

// Who did it, for the log: nick, account and address.
QString who(const ServerUser* user)
{
    return QStringLiteral("%1 (account %2, %3)")
        .arg(user->source(), user->isLoggedIn() ? user->account() : QStringLiteral("none"),
             user->host());
}

const OperatorBlock* findBlock(const ServerConfig& config, const QString& name)
{
    for (const OperatorBlock& block : config.operators) {
        if (block.name == name)
            return &block;
    }
    return nullptr;
}

// Whether the block lets this user in: its host masks (user@host, or the host alone) and its
// account.
bool admits(const ServerCore& core, const OperatorBlock& block, const ServerUser* user)
{
    if (!block.account.isEmpty() &&
        (!user->isLoggedIn() ||
         core.caseMapping().fold(block.account) != core.caseMapping().fold(user->account()))) {
        return false;
    }
    if (block.hosts.isEmpty())
        return true;
    const QString userHost = user->userName() + u'@' + user->host();
    for (const QString& mask : block.hosts) {
        const bool withUser = mask.contains(u'@');
        if (IrcMask::matches(mask.toLower(), (withUser ? userHost : user->host()).toLower()))
            return true;
    }
    return false;
}

void becomeOperator(ServerCore& core, ServerUser* user, const QString& name)
{
    core.users().setOperator(user, name);
    core.replyToAllSessions(user, IrcReply::youreOper());
    IrcMessage mode = IrcCommand::mode(user->nick(), QStringLiteral("+o"));
    mode.setSource(user->source());
    user->forEachSession(
        [&mode](ClientConnection*, int, ClientConnection* output) { output->send(mode); });
    core.noticeOperators(QStringLiteral("%1 is now an operator (%2)").arg(user->nick(), name));
}

void onOper(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    const QString name = context.param(0);
    const QString password = context.param(1);
    const qint64 now = Clock::nowMs();
    const QString throttleKey = user->host();
    if (core.operThrottle().isThrottled(throttleKey, now)) {
        qCWarning(lcOper).noquote()
            << "OPER" << name << "refused (too many failures):" << who(user);
        context.reply(IrcReply::passwordMismatch());
        return;
    }
    if (!core.passwordsAllowed(user)) {
        // The password would have crossed the network in clear: refused, and not tried.
        qCWarning(lcOper).noquote()
            << "OPER" << name << "refused (plain-text connection):" << who(user);
        core.sendFail(user, QStringLiteral("OPER"), QStringLiteral("NEED_TLS"), {},
                      QStringLiteral("OPER sends a password: connect with TLS (port %1) first")
                          .arg(core.config().tlsPort));
        return;
    }
    const OperatorBlock* block = findBlock(context.config(), name);
    if (!block || !admits(core, *block, user)) {
        core.operThrottle().record(throttleKey, now);
        qCWarning(lcOper).noquote()
            << "OPER" << name << "failed ("
            << (block ? "host or account does not match" : "no such block") << "):" << who(user);
        context.reply(IrcReply::noOperHost());
        return;
    }
    if (!core.auth()) {
        qCWarning(lcOper).noquote() << "OPER" << name << "failed (no account worker):" << who(user);
        context.reply(IrcReply::noOperHost());
        return;
    }
    // The PBKDF2 runs on the auth worker thread; the answer finds the user by id, and goes to
    // the session that asked, labeled if the command was.
    const UserId id = user->id();
    const ClientConnection* session = user->connection();
    const QString label = context.deferResponse();
    ServerCore* corePointer = &core;
    core.auth()->checkPassword(
        block->password, password, &core,
        [corePointer, id, session, label, name, throttleKey](bool matches) {
            ServerCore& core = *corePointer;
            ServerUser* user = core.findAsker(id, session);
            if (!user)
                return;
            core.answerLabeled(user, label, [&](LabeledResponse*) {
                if (!matches) {
                    core.operThrottle().record(throttleKey, Clock::nowMs());
                    qCWarning(lcOper).noquote()
                        << "OPER" << name << "failed (wrong password):" << who(user);
                    core.reply(user, IrcReply::passwordMismatch());
                    return;
                }
                qCInfo(lcOper).noquote() << "OPER" << name << "succeeded:" << who(user);
                becomeOperator(core, user, name);
            });
        });
}

void onKill(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    ServerUser* victim = context.userOrError(context.param(0));
    if (!victim)
        return;
    const QString comment = context.param(1).left(context.config().kickLength);
    const QString reason = QStringLiteral("Killed (%1 (%2))").arg(context.user()->nick(), comment);
    qCInfo(lcOper).noquote() << "KILL" << victim->source() << '(' + comment + ')' << "by"
                             << who(context.user());
    context.core().noticeOperators(
        QStringLiteral("%1 killed %2 (%3)").arg(context.user()->nick(), victim->nick(), comment));
    context.core().kill(victim, reason);
}

void onWallops(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    const QString text = context.param(0);
    qCInfo(lcOper).noquote() << "WALLOPS by" << who(context.user()) << ':' << text;
    RelayLine line = context.accept(IrcCommand::wallops(text));
    MessageRouter& router = context.router();
    context.users().forEach([&router, &line](ServerUser* user) {
        if (user->isRegistered() && user->isWallops())
            router.toUser(user, line);
    });
}

void onRehash(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    qCInfo(lcOper).noquote() << "REHASH by" << who(context.user());
    const QString file = context.config().configFile;
    context.reply(IrcReply::rehashing(file.isEmpty() ? QStringLiteral("confabd") : file));
    emit context.core().rehashRequested();
}

void onDie(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    if (!context.config().allowDie) {
        qCWarning(lcOper).noquote()
            << "DIE refused (not allowed by the configuration):" << who(context.user());
        context.core().sendFail(context.user(), QStringLiteral("DIE"), QStringLiteral("DISABLED"),
                                {}, QStringLiteral("DIE is not enabled on this server"));
        return;
    }
    qCWarning(lcOper).noquote() << "DIE by" << who(context.user());
    emit context.core().dieRequested(
        QStringLiteral("Server shutting down (DIE by %1)").arg(context.user()->nick()));
}

} // namespace

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("OPER"), onOper, 2, Access::Registered);
    table.add(QStringLiteral("KILL"), onKill, 2, Access::Registered);
    table.add(QStringLiteral("WALLOPS"), onWallops, 1, Access::Registered);
    table.add(QStringLiteral("REHASH"), onRehash, 0, Access::Registered);
    table.add(QStringLiteral("DIE"), onDie, 0, Access::Registered);
}

void deoper(CommandContext& context)
{
    ServerUser* user = context.user();
    qCInfo(lcOper).noquote() << "MODE -o (operator" << user->operatorName() << "):" << who(user);
    context.users().setOperator(user, QString());
}

} // namespace OperCommands

#include "commands/opercommands.h"

#include "auth/authservice.h"
#include "cluster/clusterbridge.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircmask.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "routing/messagerouter.h"
#include "routing/relayline.h"
#include "serverlogging.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace OperCommands {

namespace {

// Who did it, for the log: nick, account and address.
QString who(const ServerUser* user)
{
    return QStringLiteral("%1 (account %2, %3)")
        .arg(user->source(), user->isLoggedIn() ? user->account() : QStringLiteral("none"),
             user->address());
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
        (!user->isLoggedIn() || core.caseMapping().fold(block.account) != user->foldedAccount())) {
        return false;
    }
    if (block.hosts.isEmpty())
        return true;
    const QString userHost = user->userName() + u'@' + user->address();
    for (const QString& mask : block.hosts) {
        const bool withUser = mask.contains(u'@');
        if (IrcMask::matches(mask.toLower(), (withUser ? userHost : user->address()).toLower()))
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
    if (ClusterBridge* cluster = core.cluster())
        cluster->userEvent(user, core.router().accept(user, mode)); // WHOIS shows 313 there too
    core.noticeOperators(QStringLiteral("%1 is now an operator (%2)").arg(user->nick(), name));
}

void onOper(CommandContext& context)
{
    ServerCore& core = context.core();
    ServerUser* user = context.user();
    const QString name = context.param(0);
    const QString password = context.param(1);
    const qint64 now = Clock::nowMs();
    const QString throttleKey = user->address();
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
    core.auth()->checkPassword(block->password, password, &core,
                               [corePointer, id, session, label, name, throttleKey](bool matches) {
                                   ServerCore& core = *corePointer;
                                   ServerUser* user = core.findAsker(id, session);
                                   if (!user)
                                       return;
                                   core.answerLabeled(user, label, [&](LabeledResponse*) {
                                       if (!matches) {
                                           core.operThrottle().record(throttleKey, Clock::nowMs());
                                           qCWarning(lcOper).noquote()
                                               << "OPER" << name
                                               << "failed (wrong password):" << who(user);
                                           core.reply(user, IrcReply::passwordMismatch());
                                           return;
                                       }
                                       qCInfo(lcOper).noquote()
                                           << "OPER" << name << "succeeded:" << who(user);
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
    if (victim->isRemote()) {
        // Its node closes the connection, and its QUIT comes back from there.
        if (ClusterBridge* cluster = context.core().cluster())
            cluster->killRemote(victim, reason);
        return;
    }
    context.core().kill(victim, reason);
}

void onWallops(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    const QString text = context.param(0);
    qCInfo(lcOper).noquote() << "WALLOPS by" << who(context.user()) << ':' << text;
    RelayLine line = context.accept(IrcCommand::wallops(text));
    OperCommands::deliverWallops(context.core(), line);
    if (ClusterBridge* cluster = context.core().cluster())
        cluster->userEvent(context.user(), line);
}

// CHGHOST <nick> <host> (as InspIRCd's): an operator changes the host a user is shown with.
void onChgHost(CommandContext& context)
{
    if (!context.checkIrcOperator())
        return;
    ServerUser* target = context.userOrError(context.param(0));
    if (!target)
        return;
    const QString host = context.param(1);
    const IrcValidation::Reason reason = IrcValidation::checkHost(host);
    if (reason != IrcValidation::Reason::Valid) {
        context.core().sendFail(context.user(), QStringLiteral("CHGHOST"),
                                QStringLiteral("INVALID_HOST"), {host},
                                QString::fromLatin1(IrcValidation::reasonText(reason)));
        return;
    }
    if (host == target->host())
        return;
    qCInfo(lcOper).noquote() << "CHGHOST" << target->source() << "to" << host << "by"
                             << who(context.user());
    context.core().noticeOperators(QStringLiteral("%1 changed the host of %2 to %3")
                                       .arg(context.user()->nick(), target->nick(), host));
    if (target->isRemote()) {
        // Its node changes it, and the CHGHOST comes back from there.
        if (ClusterBridge* cluster = context.core().cluster())
            cluster->changeRemoteHost(target, host);
        return;
    }
    OperCommands::changeHost(context.core(), target, host);
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
    table.add(QStringLiteral("CHGHOST"), onChgHost, 2, Access::Registered);
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

// The user's shown host becomes host. Sessions and neighbours with chghost get
// ":old!u@h CHGHOST <user> <host>"; neighbours without it see the user quit and join again
// (with its channel status from the server), as the chghost spec suggests; the user's own
// sessions without the cap get 396.
void OperCommands::changeHost(ServerCore& core, ServerUser* user, const QString& host)
{
    MessageRouter& router = core.router();
    RelayLine chgHost = router.accept(user, IrcCommand::chgHost(user->userName(), host));
    RelayLine quit = router.accept(user, IrcCommand::quit(QStringLiteral("Changing host")));
    user->setHost(host);
    if (ClusterBridge* cluster = core.cluster())
        cluster->userEvent(user, chgHost); // its node tells the others

    MessageRouter::Filter withCap;
    withCap.requiredCaps = ClientCap::ChgHost;
    router.toNeighbours(user, chgHost, true, withCap);
    user->forEachSession([&](ClientConnection*, int caps, ClientConnection* output) {
        if ((caps & ClientCap::ChgHost) == 0)
            output->send(IrcReply::numeric(core.config().serverName, user->nick(),
                                           IrcReply::visibleHost(host)));
    });

    MessageRouter::Filter others;
    others.excludedCaps = ClientCap::ChgHost;
    router.toNeighbours(user, quit, false, others);
    others.except = user;
    MessageRouter::Filter plain = others;
    plain.excludedCaps |= ClientCap::ExtendedJoin;
    MessageRouter::Filter extended = others;
    extended.requiredCaps = ClientCap::ExtendedJoin;
    for (const ServerChannel* channel : user->channels()) {
        RelayLine join = router.accept(user, IrcCommand::join(channel->name()));
        RelayLine extendedJoin = MessageRouter::alternative(
            join, IrcCommand::extendedJoin(channel->name(), user->account(), user->realName()));
        router.toChannel(channel, join, plain);
        router.toChannel(channel, extendedJoin, extended);
        const QString prefixes = channel->prefixes(user, true);
        if (prefixes.isEmpty())
            continue;
        QString modes = QStringLiteral("+");
        QStringList args;
        for (QChar prefix : prefixes) {
            modes += prefix == u'@' ? u'o' : u'v';
            args.append(user->nick());
        }
        IrcMessage mode = IrcCommand::mode(channel->name(), modes, args);
        mode.setSource(core.config().serverName);
        RelayLine modeLine(std::move(mode));
        router.toChannel(channel, modeLine, others);
    }
    if (user->isAway()) {
        RelayLine away = router.accept(user, IrcCommand::away(user->awayMessage()));
        MessageRouter::Filter awayNotify = others;
        awayNotify.requiredCaps = ClientCap::AwayNotify;
        router.toNeighbours(user, away, false, awayNotify);
    }
}

void OperCommands::deliverWallops(ServerCore& core, RelayLine& line)
{
    MessageRouter& router = core.router();
    core.users().forEach([&router, &line](ServerUser* user) {
        if (user->isRegistered() && user->isWallops() && !user->isRemote())
            router.toUser(user, line);
    });
}

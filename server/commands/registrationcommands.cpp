#include "commands/registrationcommands.h"

#include "auth/authservice.h"
#include "cluster/clusterbridge.h"
#include "commands/accountcommands.h"
#include "commands/channelcommands.h"
#include "commands/historycommands.h"
#include "commands/infocommands.h"
#include "commands/saslcommands.h"
#include "commands/sessioncommands.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/commandtable.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "irclimits.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "routing/messagerouter.h"
#include "serverlogging.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace RegistrationCommands {

namespace {

void onPass(CommandContext& context)
{
    if (context.user()->isRegistered()) {
        context.reply(IrcReply::alreadyRegistered());
        return;
    }
    context.user()->setPassword(context.param(0));
}

// The nick for the user, unless it is taken or reserved. In a cluster, a new name is first
// taken in Redis (the client's next lines wait meanwhile), and this runs again once it is.
void setNick(ServerCore& core, ServerUser* user, const QString& nick, bool takenInCluster)
{
    const QString folded = core.caseMapping().fold(nick);
    // An account's name is for those logged in to it. Before registration it may be held
    // (SASL usually comes after NICK); registration completes only once it is settled.
    const bool reserved = core.isReservedFromUser(folded, user);
    if (reserved && user->isRegistered()) {
        core.reply(user, IrcReply::nicknameReserved(nick));
        return;
    }
    ServerUser* holder = core.users().nickHolder(folded);
    if (holder && holder != user) {
        const bool owner = core.auth() && core.auth()->isReserved(folded) && !reserved;
        if (!owner || holder->foldedAccount() == folded || holder->isRemote()) {
            core.reply(user, IrcReply::nicknameInUse(nick));
            return;
        }
        AccountCommands::renameGuest(core, holder); // the owner takes the name back
    }
    if (nick == user->nick())
        return;
    ClusterBridge* cluster = core.cluster();
    if (cluster && !takenInCluster && folded != user->foldedNick()) {
        cluster->reserveNick(user, nick, [&core](ServerUser* user, const QString& nick) {
            setNick(core, user, nick, true);
        });
        return;
    }

    core.changeNick(user, nick);
    if (!user->isRegistered())
        tryComplete(core, user);
}

void onNick(CommandContext& context)
{
    const QString nick = context.param(0);
    if (nick.isEmpty()) {
        context.reply(IrcReply::noNicknameGiven());
        return;
    }
    if (IrcValidation::checkNick(nick, context.config().nickLength) !=
        IrcValidation::Reason::Valid) {
        context.reply(IrcReply::erroneousNickname(nick));
        return;
    }
    setNick(context.core(), context.user(), nick, false);
}

void onUser(CommandContext& context)
{
    ServerUser* user = context.user();
    if (user->isRegistered() || !user->userName().isEmpty()) {
        context.reply(IrcReply::alreadyRegistered());
        return;
    }
    if (context.param(0).isEmpty() || context.param(3).isEmpty()) {
        context.reply(IrcReply::needMoreParams(context.message().command()));
        return;
    }
    QString name;
    for (QChar c : context.param(0)) {
        if (c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.')
            name += c;
    }
    name.truncate(Limits::UserLength);
    if (name.isEmpty())
        name = QStringLiteral("user");
    QString userName = QLatin1Char('~') + name;
    userName.truncate(Limits::UserLength);
    user->setUserName(userName);
    user->setRealName(context.param(3).left(context.config().realNameLength));
    tryComplete(context.core(), user);
}

void onPing(CommandContext& context)
{
    if (context.paramCount() < 1 || context.param(0).isEmpty()) {
        context.reply(IrcReply::noOrigin());
        return;
    }
    context.core().sendFromServer(context.user(),
                                  IrcCommand::pong(context.param(0), context.config().serverName));
}

void onPong(CommandContext&)
{
    // Any line counts as activity for the session's ping timer; nothing else to do.
}

void onQuit(CommandContext& context)
{
    const QString text = context.param(0);
    const QString reason =
        text.isEmpty() ? QStringLiteral("Client Quit") : QStringLiteral("Quit: ") + text;
    context.core().disconnect(context.user(), reason);
}

} // namespace

void addTo(CommandTable& table)
{
    using Access = CommandTable::Access;
    table.add(QStringLiteral("PASS"), onPass, 1, Access::BeforeRegistration);
    table.add(QStringLiteral("NICK"), onNick, 0, Access::BeforeRegistration);
    table.add(QStringLiteral("USER"), onUser, 4, Access::BeforeRegistration);
    table.add(QStringLiteral("PING"), onPing, 0, Access::BeforeRegistration);
    table.add(QStringLiteral("PONG"), onPong, 0, Access::BeforeRegistration);
    table.add(QStringLiteral("QUIT"), onQuit, 0, Access::BeforeRegistration);
}

void tryComplete(ServerCore& core, ServerUser* user)
{
    if (user->isRegistered() || user->nick().isEmpty() || user->userName().isEmpty() ||
        user->isCapNegotiating()) {
        return;
    }
    const ServerConfig& config = core.config();
    if (core.isReservedFromUser(user->foldedNick(), user)) {
        core.reply(user, IrcReply::nicknameReserved(user->nick()));
        return; // a NICK or a login settles it
    }
    SaslCommands::abortForRegistration(core, user);
    if (!config.password.isEmpty() && user->password() != config.password) {
        qCInfo(lcCore).noquote() << "bad password from" << user->host();
        core.reply(user, IrcReply::passwordMismatch());
        core.disconnect(user, QStringLiteral("Bad password"));
        return;
    }
    user->setPassword(QString());
    if (SessionCommands::attachToAccount(core, user))
        return; // another device of a connected account: user is gone
    core.users().markRegistered(user, Clock::nowSecs());
    user->connection()->setRegistered();
    qCInfo(lcCore).noquote() << "registered:" << user->source();
    InfoCommands::sendWelcome(core, user);
    core.announceRegistered(user);
    if (config.autoJoin && !config.defaultChannel.isEmpty())
        ChannelCommands::join(core, user, config.defaultChannel, QString());
    HistoryCommands::deliverPending(core, user);
}

} // namespace RegistrationCommands

#include "commands/sessioncommands.h"

#include "cluster/clusterbridge.h"
#include "commands/channelreplies.h"
#include "commands/infocommands.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "net/clientconnection.h"
#include "serverlogging.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

namespace SessionCommands {

namespace {

// What a client needs to know about a channel it is already in: JOIN, topic, names.
void sendChannelState(ServerCore& core, ServerUser* user, const ServerChannel* channel)
{
    IrcMessage join =
        user->hasCap(ClientCap::ExtendedJoin)
            ? IrcCommand::extendedJoin(channel->name(), user->account(), user->realName())
            : IrcCommand::join(channel->name());
    join.setSource(user->source());
    user->output()->send(join);
    ChannelReplies::sendTopic(core, user, channel, false);
    ChannelReplies::sendNames(core, user, channel);
    ChannelReplies::sendEndOfNames(core, user, channel->name());
}

} // namespace

bool attachToAccount(ServerCore& core, ServerUser* newcomer)
{
    if (!newcomer->isLoggedIn() || newcomer->isRegistered())
        return false;
    ServerUser* user = core.users().findByAccount(newcomer->foldedAccount(), newcomer);
    if (!user)
        return false;
    if (user->isRemote()) {
        // The account's node runs every session of the user: this one is carried there.
        ClusterBridge* cluster = core.cluster();
        return cluster && cluster->handOff(newcomer, user->node());
    }
    ClientConnection* connection = newcomer->connection();
    connection->setRegistered();
    core.endSaslExchange(newcomer);
    core.pendingRegistrations().remove(newcomer->id());
    core.users().attachSession(user, newcomer); // newcomer is gone
    user->setCurrentSession(connection);
    qCInfo(lcCore).noquote() << "another session of" << user->source() << "("
                             << user->sessionCount() << "sessions)";
    InfoCommands::sendWelcome(core, user);
    for (const ServerChannel* channel : user->channels())
        sendChannelState(core, user, channel);
    return true;
}

} // namespace SessionCommands

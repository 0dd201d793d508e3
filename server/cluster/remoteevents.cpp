#include "cluster/remoteevents.h"

#include "cluster/clusterbridge.h"
#include "cluster/clustermessages.h"
#include "cluster/remoteconnection.h"
#include "commands/channelcommands.h"
#include "commands/messagingcommands.h"
#include "commands/opercommands.h"
#include "core/clock.h"
#include "core/servercore.h"
#include "irccommand.h"
#include "ircmessage.h"
#include "ircvalidation.h"
#include "routing/messagerouter.h"
#include "routing/relayline.h"
#include "serverlogging.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/userregistry.h"

#include <cstdlib>
#include <utility>

namespace {

// What another node may send: its own limits may be larger than this node's, not unbounded.
constexpr int MaxRemoteNickLength = 64;
constexpr int MaxRemoteChannelLength = 200;
constexpr int MaxRemoteTextLength = 1000;
// Two creations of one room this close (their nodes' clocks) are a race to settle: neither node
// had heard of the other's when it made its creator an operator.
constexpr qint64 CreationRaceMs = 2000;
constexpr int MaxRemoteBans = 1000; // per channel in a burst

bool validChannel(const QString& name)
{
    return IrcValidation::checkChannel(name, MaxRemoteChannelLength) ==
           IrcValidation::Reason::Valid;
}

} // namespace

RemoteEvents::RemoteEvents(ServerCore& core) : m_core(core) {}

RemoteEvents::~RemoteEvents() = default;

ServerUser* RemoteEvents::ghost(const QString& node, const QString& nick) const
{
    ServerUser* user = m_core.users().findByNick(nick);
    return user && user->node() == node ? user : nullptr;
}

void RemoteEvents::apply(const QString& node, const IrcMessage& message)
{
    const QString& command = message.command();
    if (command == QLatin1String("HELLO") || command == QLatin1String("BURST")) {
        m_unconfirmed.insert(node, m_byNode.value(node));
    } else if (command == QLatin1String("ENDBURST")) {
        endBurst(node);
    } else if (command == QLatin1String("UID")) {
        introduce(node, message);
    } else if (command == QLatin1String("CHANNEL")) {
        applyChannel(message);
    } else if (command == QLatin1String("MEMBER")) {
        applyMember(node, message);
    } else if (std::optional<RelayLine> line = ClusterMessages::toRelayLine(message)) {
        applyRelayed(node, *line);
    } else {
        qCWarning(lcCluster).noquote() << "ignored a bus message from node" << node << "that is"
                                       << "neither a known verb nor a relayed line:" << command;
    }
}

void RemoteEvents::introduce(const QString& node, const IrcMessage& message)
{
    const QString nick = message.param(0);
    const QString host = message.param(2);
    if (message.paramCount() < 7 ||
        IrcValidation::checkNick(nick, MaxRemoteNickLength) != IrcValidation::Reason::Valid ||
        IrcValidation::checkHost(host) != IrcValidation::Reason::Valid ||
        message.param(1).isEmpty()) {
        qCWarning(lcCluster).noquote() << "ignored a malformed UID from node" << node;
        return;
    }
    UserRegistry& users = m_core.users();
    ServerUser* user = users.nickHolder(m_core.caseMapping().fold(nick));
    if (user && user->node() != node) {
        // Redis gives every name to one node; two holders mean one of them lost its link.
        // The resynchronisation after it renames this node's user (ClusterBridge).
        qCWarning(lcCluster).noquote()
            << "node" << node << "has a user" << nick << "whose name is held here; ignored";
        return;
    }
    const QString account = message.param(3) == QLatin1String("*") ? QString() : message.param(3);
    const QString modes = message.param(5);
    if (!user) {
        auto connection = std::make_unique<RemoteConnection>();
        user = users.add(connection.get(), host);
        user->setNode(node);
        users.setNick(user, nick);
        m_ghosts.emplace(user->id(), std::move(connection));
        m_byNode[node].insert(user->id());
    }
    if (auto it = m_unconfirmed.find(node); it != m_unconfirmed.end())
        it->remove(user->id());
    user->setUserName(message.param(1));
    if (user->host() != host)
        user->setHost(host);
    user->setRealName(message.param(6).left(MaxRemoteTextLength));
    if (user->account() != account)
        users.setAccount(user, account);
    applyUserModes(user, node, QStringLiteral("-iBo+") + modes.mid(modes.startsWith(u'+') ? 1 : 0));
    user->setAwayMessage(message.tag(QStringLiteral("aw")).left(MaxRemoteTextLength));
    if (!user->isRegistered()) {
        bool ok = false;
        const qint64 signon = message.param(4).toLongLong(&ok);
        users.markRegistered(user, ok ? signon : Clock::nowSecs());
        m_core.announceRegistered(user);
    }
}

void RemoteEvents::applyChannel(const IrcMessage& message)
{
    const QString name = message.param(0);
    if (message.paramCount() < 8 || !validChannel(name))
        return;
    const qint64 topicSecs = message.param(5).toLongLong();
    ServerChannel* channel = m_core.channels().find(name);
    if (!channel) {
        bool ok = false;
        const qint64 created = message.param(1).toLongLong(&ok);
        channel = m_core.channels().create(name, ok ? created : Clock::nowSecs());
        // A channel new here takes the other node's modes (its +nt only if the other node has
        // them); one both have keeps this node's. The key and the limit are parameters of
        // their own in CHANNEL.
        const QString modes = message.param(2);
        QStringList args;
        if (modes.contains(u'k'))
            args.append(message.param(3));
        if (modes.contains(u'l'))
            args.append(message.param(4));
        applyModes(channel, QStringLiteral("-nt") + modes, args);
    }
    // Bans add up: a ban set on either node holds on both.
    const QStringList bans =
        message.tag(QStringLiteral("bans")).split(u' ', Qt::SkipEmptyParts).mid(0, MaxRemoteBans);
    for (const QString& mask : bans)
        channel->addBan(mask, m_core.caseMapping());
    // The newer topic wins.
    if (topicSecs > channel->topicSecs()) {
        const QString setBy = message.param(6) == QLatin1String("*") ? QString() : message.param(6);
        channel->setTopic(message.param(7).left(MaxRemoteTextLength), setBy, topicSecs);
    }
}

void RemoteEvents::applyMember(const QString& node, const IrcMessage& message)
{
    const QString name = message.param(0);
    ServerUser* user = ghost(node, message.param(1));
    if (!user || !validChannel(name))
        return;
    const int flags = message.param(2).toInt() & (ServerChannel::Op | ServerChannel::Voice);
    ServerChannel* channel = m_core.channels().find(name);
    if (!channel)
        channel = m_core.channels().create(name, Clock::nowSecs());
    if (channel->hasMember(user)) {
        bool op = (flags & ServerChannel::Op) != 0;
        bool ok = false;
        const qint64 joinedMs = message.param(3).toLongLong(&ok);
        if (ok && joinedMs > 0)
            channel->setJoinedMs(user, joinedMs);
        // Outside a burst, a MEMBER right after a JOIN says that the JOIN created the room.
        if (op && !m_unconfirmed.contains(node) && !channel->isOp(user))
            op = !settleCreationRace(channel, user);
        channel->setFlag(user, ServerChannel::Op, op);
        channel->setFlag(user, ServerChannel::Voice, (flags & ServerChannel::Voice) != 0);
        return;
    }
    // A member this node did not know of (after the link was down): this node's users see
    // it join.
    m_core.channels().join(channel, user, flags);
    RelayLine line = m_core.router().accept(user, IrcCommand::join(channel->name()));
    ChannelCommands::announceJoin(m_core, user, channel, line);
}

bool RemoteEvents::settleCreationRace(ServerChannel* channel, ServerUser* creator)
{
    // The other creator is the member who joined first (its join time is its own node's).
    ServerUser* first = nullptr;
    for (ServerUser* member : channel->members()) {
        if (member != creator && (!first || channel->joinedMs(member) < channel->joinedMs(first)))
            first = member;
    }
    if (!first || !channel->isOp(first) ||
        std::abs(channel->joinedMs(first) - channel->joinedMs(creator)) > CreationRaceMs)
        return false;
    // Every node decides alike: the earlier creation keeps the operator status, then the node
    // whose name sorts first.
    const auto key = [this, channel](const ServerUser* user) {
        return std::make_pair(channel->joinedMs(user),
                              user->isRemote() ? user->node() : m_core.config().nodeName);
    };
    if (key(creator) > key(first))
        return true;
    qCInfo(lcCluster).noquote() << channel->name() << "was created on two nodes at once;"
                                << creator->nick() << "keeps the operator status, not"
                                << first->nick();
    channel->setFlag(first, ServerChannel::Op, false);
    IrcMessage mode = IrcCommand::mode(channel->name(), QStringLiteral("-o"), {first->nick()});
    mode.setSource(m_core.config().serverName);
    RelayLine line(std::move(mode));
    m_core.router().toChannel(channel, line);
    return false;
}

void RemoteEvents::applyRelayed(const QString& node, RelayLine& line)
{
    const IrcMessage& message = line.message();
    ServerUser* sender = ghost(node, message.nick());
    if (!sender) {
        qCDebug(lcCluster).noquote()
            << "ignored" << message.command() << "from node" << node << "by an unknown user";
        return;
    }
    const QString& command = message.command();
    MessageRouter& router = m_core.router();
    ChannelRegistry& channels = m_core.channels();
    if (command == QLatin1String("PRIVMSG") || command == QLatin1String("NOTICE") ||
        command == QLatin1String("TAGMSG")) {
        deliverMessage(sender, line);
    } else if (command == QLatin1String("JOIN")) {
        const QString name = message.param(0);
        if (!validChannel(name))
            return;
        ServerChannel* channel = channels.find(name);
        if (!channel)
            channel = channels.create(name, Clock::nowSecs());
        if (channel->hasMember(sender))
            return;
        channels.join(channel, sender, 0); // its operator status follows in a MEMBER
        ChannelCommands::announceJoin(m_core, sender, channel, line);
    } else if (command == QLatin1String("PART")) {
        ServerChannel* channel = channels.find(message.param(0));
        if (!channel || !channel->hasMember(sender))
            return;
        router.toChannel(channel, line);
        channels.leave(channel, sender);
    } else if (command == QLatin1String("KICK")) {
        ServerChannel* channel = channels.find(message.param(0));
        ServerUser* victim = m_core.users().findByNick(message.param(1));
        if (!channel || !victim || !channel->hasMember(victim))
            return;
        router.toChannel(channel, line);
        channels.leave(channel, victim);
    } else if (command == QLatin1String("TOPIC")) {
        ServerChannel* channel = channels.find(message.param(0));
        if (!channel)
            return;
        channel->setTopic(message.param(1).left(MaxRemoteTextLength), sender->source(),
                          line.timeMs() / 1000);
        router.toChannel(channel, line);
    } else if (command == QLatin1String("MODE")) {
        if (m_core.caseMapping().equals(message.param(0), sender->nick()))
            applyUserModes(sender, node, message.param(1));
        else if (ServerChannel* channel = channels.find(message.param(0)))
            applyChannelMode(channel, line);
    } else if (command == QLatin1String("WALLOPS")) {
        if (!message.param(0).isEmpty())
            OperCommands::deliverWallops(m_core, line);
    } else if (command == QLatin1String("CHGHOST")) {
        const QString host = message.param(1);
        if (IrcValidation::checkHost(host) == IrcValidation::Reason::Valid &&
            host != sender->host())
            OperCommands::changeHost(m_core, sender, host);
    } else if (command == QLatin1String("QUIT")) {
        remove(sender, message.param(0), &line);
    } else if (command == QLatin1String("NICK")) {
        const QString nick = message.param(0);
        ServerUser* holder = m_core.users().findByNick(nick);
        if (IrcValidation::checkNick(nick, MaxRemoteNickLength) != IrcValidation::Reason::Valid ||
            (holder && holder != sender)) {
            qCWarning(lcCluster).noquote() << "ignored a NICK to" << nick << "from node" << node;
            return;
        }
        m_core.changeNick(sender, nick, &line);
    } else if (command == QLatin1String("AWAY")) {
        sender->setAwayMessage(message.param(0).left(MaxRemoteTextLength));
        MessageRouter::Filter filter;
        filter.requiredCaps = ClientCap::AwayNotify;
        router.toNeighbours(sender, line, false, filter);
    } else if (command == QLatin1String("SETNAME")) {
        if (message.param(0).isEmpty())
            return;
        sender->setRealName(message.param(0).left(MaxRemoteTextLength));
        MessageRouter::Filter filter;
        filter.requiredCaps = ClientCap::SetName;
        router.toNeighbours(sender, line, false, filter);
    } else if (command == QLatin1String("ACCOUNT")) {
        const QString account = message.param(0);
        m_core.users().setAccount(sender, account == QLatin1String("*") ? QString() : account);
        MessageRouter::Filter filter;
        filter.requiredCaps = ClientCap::AccountNotify;
        router.toNeighbours(sender, line, false, filter);
    } else if (command == QLatin1String("INVITE")) {
        ServerUser* target = m_core.users().findByNick(message.param(0));
        ServerChannel* channel = channels.find(message.param(1));
        if (!target || target->isRemote() || !channel)
            return;
        channel->invite(target->foldedNick());
        router.toUser(target, line);
    } else {
        qCDebug(lcCluster).noquote() << "ignored" << command << "from node" << node;
    }
}

void RemoteEvents::deliverMessage(ServerUser* sender, RelayLine& line)
{
    const QString target = line.message().param(0);
    MessageRouter::Filter filter;
    filter.requiredCaps =
        line.message().command() == QLatin1String("TAGMSG") ? int(ClientCap::MessageTags) : 0;
    filter.except = sender;
    const int status = MessagingCommands::statusFlags(target);
    if (status != 0 || IrcValidation::isChannelName(target)) {
        const ServerChannel* channel = m_core.channels().find(status ? target.mid(1) : target);
        if (!channel)
            return;
        for (ServerUser* member : channel->members()) {
            if (!member->isRemote() && (status == 0 || (channel->flags(member) & status) != 0))
                m_core.router().toUser(member, line, filter);
        }
        return;
    }
    ServerUser* recipient = m_core.users().findByNick(target);
    if (recipient && !recipient->isRemote())
        m_core.router().toUser(recipient, line, filter);
}

void RemoteEvents::applyUserModes(ServerUser* ghost, const QString& node, const QString& modes)
{
    bool adding = true;
    for (QChar c : modes) {
        if (c == u'+' || c == u'-')
            adding = c == u'+';
        else if (c == u'i')
            m_core.users().setInvisible(ghost, adding);
        else if (c == u'B')
            ghost->setBot(adding);
        else if (c == u'o') // not in this node's operator list: it gets no notices from here
            ghost->setOperatorName(adding ? node : QString());
    }
}

void RemoteEvents::applyChannelMode(ServerChannel* channel, RelayLine& line)
{
    const IrcMessage& message = line.message();
    applyModes(channel, message.param(1), message.params().mid(2));
    m_core.router().toChannel(channel, line);
}

void RemoteEvents::applyModes(ServerChannel* channel, const QString& modes, const QStringList& args)
{
    qsizetype arg = 0;
    bool adding = true;
    auto next = [&]() { return args.value(arg++); };
    for (const QChar c : modes) {
        if (const std::optional<ServerChannel::Mode> mode = ServerChannel::flagMode(c)) {
            channel->setMode(*mode, adding);
            continue;
        }
        switch (c.unicode()) {
        case '+':
            adding = true;
            break;
        case '-':
            adding = false;
            break;
        case 'k': {
            const QString key = next();
            channel->setKey(adding ? key : QString());
            break;
        }
        case 'l':
            channel->setLimit(adding ? std::max(0, next().toInt()) : 0);
            break;
        case 'o':
        case 'v': {
            ServerUser* member = m_core.users().findByNick(next());
            if (member && channel->hasMember(member))
                channel->setFlag(member, c == u'o' ? ServerChannel::Op : ServerChannel::Voice,
                                 adding);
            break;
        }
        case 'b': {
            const QString mask = next();
            if (adding)
                channel->addBan(mask, m_core.caseMapping());
            else
                channel->removeBan(mask, m_core.caseMapping());
            break;
        }
        default:
            break;
        }
    }
}

void RemoteEvents::remove(ServerUser* ghost, const QString& reason, RelayLine* line)
{
    const UserId id = ghost->id();
    const QString node = ghost->node();
    m_core.quit(ghost, reason, line); // forgets it
    m_ghosts.erase(id);
    if (auto it = m_byNode.find(node); it != m_byNode.end()) {
        it->remove(id);
        if (it->isEmpty())
            m_byNode.erase(it);
    }
}

void RemoteEvents::endBurst(const QString& node)
{
    const QSet<UserId> stale = m_unconfirmed.take(node);
    for (const UserId id : stale) {
        if (ServerUser* user = m_core.users().findById(id))
            remove(user, ClusterBridge::lostReason(node), nullptr);
    }
}

void RemoteEvents::dropNode(const QString& node, const QString& reason)
{
    m_unconfirmed.remove(node);
    const QSet<UserId> ids = m_byNode.value(node);
    for (const UserId id : ids) {
        if (ServerUser* user = m_core.users().findById(id))
            remove(user, reason, nullptr);
    }
    m_byNode.remove(node);
}

void RemoteEvents::dropAll(const QString& reason)
{
    const QStringList nodes = m_byNode.keys();
    for (const QString& node : nodes)
        dropNode(node, reason);
}

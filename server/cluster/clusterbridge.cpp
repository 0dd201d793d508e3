#include "cluster/clusterbridge.h"

#include "cluster/clusterlink.h"
#include "cluster/clustermessages.h"
#include "commands/accountcommands.h"
#include "commands/opercommands.h"
#include "core/servercore.h"
#include "ircreply.h"
#include "ircvalidation.h"
#include "net/clientconnection.h"
#include "routing/relayline.h"
#include "serverlogging.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "state/userregistry.h"

#include <QTimerEvent>

namespace {

// Longer notices from another node are cut (a hostile publisher cannot flood operators with
// long lines).
constexpr int MaxNoticeLength = 400;

} // namespace

QString ClusterBridge::lostReason(const QString& node)
{
    return QStringLiteral("Node %1 lost").arg(node);
}

ClusterBridge::ClusterBridge(ServerCore& core, ClusterLink* link, QObject* parent)
    : QObject(parent), m_core(core), m_link(link), m_remote(core), m_devices(core, link)
{
    connect(m_link, &ClusterLink::up, this, &ClusterBridge::onUp);
    connect(m_link, &ClusterLink::down, this, &ClusterBridge::onDown);
    connect(m_link, &ClusterLink::received, this, &ClusterBridge::onReceived);
    connect(m_link, &ClusterLink::nodeLost, this, &ClusterBridge::onNodeLost);
}

ClusterBridge::~ClusterBridge()
{
    // The sessions of devices go first: their users may be this node's.
    m_devices.dropAll(QStringLiteral("Node shutting down"));
    // The ghosts' connections go with m_remote; the users must not outlive them.
    m_remote.dropAll(QStringLiteral("Node shutting down"));
}

void ClusterBridge::publishRelayed(const RelayLine& line)
{
    m_link->publish(ClusterMessages::relayed(line));
}

void ClusterBridge::userRegistered(ServerUser* user)
{
    if (!user->isRemote())
        m_link->publish(ClusterMessages::user(user));
}

void ClusterBridge::userLeft(ServerUser* user, const RelayLine* quit)
{
    if (user->isRemote())
        return;
    // Given back before the others hear of it (one connection, in order): a node that takes
    // the name when it hears finds it free.
    if (!user->foldedNick().isEmpty())
        m_link->releaseName(user->foldedNick());
    if (quit)
        publishRelayed(*quit);
}

void ClusterBridge::nickChanged(ServerUser* user, const QString& oldFolded, const RelayLine* line)
{
    if (user->isRemote())
        return;
    const bool renamed = oldFolded != user->foldedNick();
    // As in userLeft: the old name is free before the NICK is heard.
    if (renamed && !oldFolded.isEmpty() && !m_core.users().nickHolder(oldFolded))
        m_link->releaseName(oldFolded);
    if (line)
        publishRelayed(*line);
    // Already taken when it came through NICK (the script says it is this node's); a guest's
    // new name is taken here.
    if (renamed)
        takeName(user->foldedNick());
}

void ClusterBridge::reclaimName(ServerUser* owner, const QString& account)
{
    const QString folded = m_core.caseMapping().fold(account);
    m_reclaims.insert(folded, owner->id());
    IrcMessage reclaim(QStringLiteral("RECLAIM"), {account});
    m_link->publish(reclaim);
}

void ClusterBridge::giveReclaimedNames()
{
    for (auto it = m_reclaims.begin(); it != m_reclaims.end();) {
        const QString folded = it.key();
        const UserId id = it.value();
        const ServerUser* owner = m_core.users().findById(id);
        if (!owner || owner->foldedAccount() != folded) {
            it = m_reclaims.erase(it); // gone, or logged out meanwhile
            continue;
        }
        if (m_core.users().nickHolder(folded)) {
            ++it;
            continue;
        }
        it = m_reclaims.erase(it);
        m_link->reserveName(folded, [this, folded, id](bool mine) {
            ServerUser* owner = m_core.users().findById(id);
            if (mine && owner && !m_core.users().nickHolder(folded) &&
                owner->foldedAccount() == folded) {
                m_core.changeNick(owner, owner->account());
            } else if (mine && !m_core.users().nickHolder(folded)) {
                m_link->releaseName(folded);
            }
        });
    }
}

void ClusterBridge::takeName(const QString& folded)
{
    m_link->reserveName(folded, [this, folded](bool mine) {
        if (!mine)
            renameHolders({folded});
    });
}

void ClusterBridge::joined(ServerUser* user, ServerChannel* channel, const RelayLine& line)
{
    if (user->isRemote())
        return;
    publishRelayed(line);
    if (channel->flags(user) != 0)
        m_link->publish(ClusterMessages::member(channel, user));
}

void ClusterBridge::channelEvent(const RelayLine& line)
{
    publishRelayed(line);
}

void ClusterBridge::channelMessage(const RelayLine& line)
{
    // Always, even when no other node has a member as far as this one knows: a member may be
    // joining there at this moment (its JOIN still on the way), or this node may not have
    // heard another's burst yet. Still one PUBLISH per message, whatever the room's size.
    publishMessage(line);
}

void ClusterBridge::publishMessage(const RelayLine& line)
{
    if (!line.isMultiline()) {
        publishRelayed(line);
        return;
    }
    // A draft/multiline message travels whole (its lines in the "ml" tag), so that other nodes
    // give their users the same batch; one too big for the bus goes as its lines.
    const IrcMessage whole = ClusterMessages::relayed(line);
    const qsizetype size = whole.serialize().size();
    if (size > 0 && size < ClusterLink::MaxBusMessageBytes / 2) {
        m_link->publish(whole);
        return;
    }
    for (const RelayLine& part : line.storedLines())
        publishRelayed(part);
}

void ClusterBridge::privateMessage(const ServerUser* recipient, const RelayLine& line)
{
    if (recipient->isRemote())
        publishMessage(line);
}

void ClusterBridge::userEvent(const ServerUser* user, const RelayLine& line)
{
    if (!user->isRemote())
        publishRelayed(line);
}

void ClusterBridge::killRemote(const ServerUser* victim, const QString& reason)
{
    IrcMessage kill(QStringLiteral("KILL"), {victim->nick(), reason});
    kill.setLastParamTrailing(true);
    m_link->publish(kill);
}

void ClusterBridge::changeRemoteHost(const ServerUser* user, const QString& host)
{
    m_link->publish(IrcMessage(QStringLiteral("SETHOST"), {user->nick(), host}));
}

void ClusterBridge::operatorNotice(const QString& text)
{
    IrcMessage notice(QStringLiteral("SNOTICE"), {text});
    notice.setLastParamTrailing(true);
    m_link->publish(notice);
}

void ClusterBridge::reserveNick(ServerUser* user, const QString& nick, NickTaken then)
{
    ClientConnection* session = user->connection();
    session->holdInput(true);
    const UserId id = user->id();
    const QString folded = m_core.caseMapping().fold(nick);
    m_link->reserveName(folded, [this, id, session, nick, folded, then](bool mine) {
        ServerUser* user = m_core.findAsker(id, session); // nullptr: it left meanwhile
        if (user)
            session->holdInput(false);
        if (user && !mine)
            m_core.reply(user, IrcReply::nicknameInUse(nick));
        else if (user)
            then(user, nick);
        // Taken for nobody (the user left, or someone here took it first): given back.
        if (mine && !m_core.users().nickHolder(folded))
            m_link->releaseName(folded);
    });
}

void ClusterBridge::resynchronise()
{
    m_link->publish(ClusterMessages::hello());
    sendBurst();
}

void ClusterBridge::onUp()
{
    resynchronise();
    // Names taken while the link was down are checked now; another node may have them.
    QStringList names;
    m_core.users().forEach([&names](ServerUser* user) {
        if (!user->isRemote() && !user->foldedNick().isEmpty())
            names.append(user->foldedNick());
    });
    m_link->reserveNames(names, [this](const QStringList& lost) { renameHolders(lost); });
}

void ClusterBridge::onDown()
{
    // Lines of devices carried between nodes would be lost: their clients connect again.
    m_devices.dropAll(QStringLiteral("Lost the link to the rest of the network"));
    m_core.reportProblem(QStringLiteral("cluster"),
                         QStringLiteral("The link to the cluster is down: users of other nodes "
                                        "are out of reach until it is back"));
}

void ClusterBridge::sendBurst()
{
    m_link->publish(ClusterMessages::burstStart());
    m_core.users().forEach([this](ServerUser* user) {
        if (!user->isRemote() && user->isRegistered())
            m_link->publish(ClusterMessages::user(user));
    });
    for (const auto& [folded, channel] : m_core.channels().all()) {
        bool announced = false;
        for (const ServerUser* member : channel->members()) {
            if (member->isRemote())
                continue;
            if (!announced) {
                m_link->publish(ClusterMessages::channel(channel.get()));
                announced = true;
            }
            m_link->publish(ClusterMessages::member(channel.get(), member));
        }
    }
    m_link->publish(ClusterMessages::burstEnd());
}

void ClusterBridge::renameHolders(const QStringList& folded)
{
    bool renamed = false;
    for (const QString& name : folded) {
        ServerUser* user = m_core.users().nickHolder(name);
        if (!user || user->isRemote())
            continue;
        qCWarning(lcCluster).noquote()
            << "the nick" << user->nick() << "is another node's; renaming its user";
        renamed = AccountCommands::giveGuestNick(
                      m_core, user, QStringLiteral("Nickname in use on another node"),
                      QStringLiteral("The nickname %1 is in use on another node of the network; "
                                     "you are now %2")) ||
                  renamed;
    }
    // The other node's user of that name was ignored here while this node's had it (and so
    // were its rooms): everyone tells everything again, and this node learns it.
    if (renamed)
        resynchronise();
}

void ClusterBridge::onReceived(const QString& node, const IrcMessage& message)
{
    if (m_devices.apply(node, message))
        return;
    const QString& command = message.command();
    if (command == QLatin1String("KILL")) {
        ServerUser* victim = m_core.users().findByNick(message.param(0));
        if (victim && !victim->isRemote()) {
            qCInfo(lcCluster).noquote() << "KILL of" << victim->source() << "from node" << node;
            m_core.kill(victim, message.param(1));
        }
        return;
    }
    if (command == QLatin1String("SETHOST")) {
        ServerUser* user = m_core.users().findByNick(message.param(0));
        const QString host = message.param(1);
        if (user && !user->isRemote() &&
            IrcValidation::checkHost(host) == IrcValidation::Reason::Valid &&
            host != user->host()) {
            qCInfo(lcCluster).noquote()
                << "CHGHOST of" << user->source() << "to" << host << "from node" << node;
            OperCommands::changeHost(m_core, user, host);
        }
        return;
    }
    if (command == QLatin1String("SNOTICE")) {
        if (!message.param(0).isEmpty())
            m_core.noticeLocalOperators(
                QStringLiteral("[%1] %2").arg(node, message.param(0).left(MaxNoticeLength)));
        return;
    }
    if (command == QLatin1String("RECLAIM")) {
        // An account's owner logged in on that node (which checked the password): this node's
        // guest holding the account's name is renamed, as on one node, and the owner's node
        // gives the owner the name. Not checked against this node's list of accounts, which
        // may not have the account yet (it is read every 2 s).
        const QString folded = m_core.caseMapping().fold(message.param(0));
        ServerUser* guest = m_core.users().nickHolder(folded);
        if (guest && !guest->isRemote() && guest->foldedAccount() != folded) {
            qCInfo(lcCluster).noquote()
                << "the owner of" << message.param(0) << "logged in on node" << node;
            AccountCommands::renameGuest(m_core, guest);
        }
        return;
    }
    m_remote.apply(node, message);
    if (!m_reclaims.isEmpty() &&
        (command == QLatin1String("NICK") || command == QLatin1String("QUIT")))
        giveReclaimedNames();
    // The newcomer learns what this node has. Nodes that come back together (after a Redis
    // restart) say HELLO within moments of each other: one burst answers them all.
    if (command == QLatin1String("HELLO") && !m_burstDue.isActive())
        m_burstDue.start(BurstDelayMs, this);
}

void ClusterBridge::timerEvent(QTimerEvent* event)
{
    if (event->timerId() != m_burstDue.timerId())
        return;
    m_burstDue.stop();
    sendBurst();
}

void ClusterBridge::onNodeLost(const QString& node)
{
    m_devices.dropNode(node, lostReason(node));
    m_remote.dropNode(node, lostReason(node));
}

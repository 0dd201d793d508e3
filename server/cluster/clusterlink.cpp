#include "cluster/clusterlink.h"

#include "cluster/nodename.h"
#include "cluster/redisclient.h"
#include "cluster/redisreply.h"
#include "cluster/redisurl.h"
#include "serverlogging.h"

#include <QRandomGenerator>
#include <QTimerEvent>

#include <algorithm>
#include <memory>

const QByteArray ClusterLink::BusChannel = QByteArrayLiteral("confab:bus");
const QByteArray ClusterLink::NamesKey = QByteArrayLiteral("confab:names");

namespace {

// Scripts run atomically in Redis, so that no other node acts between their reads and writes.

// The lease: renewed when this run holds it (1), taken when nobody does (2: anything this
// node had in Redis may have been freed meanwhile), or held by another run (0).
const QByteArray LeaseScript = QByteArrayLiteral(R"(
local v = redis.call('GET', KEYS[1])
if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0)");

// The name for the node, unless another node has it: 1 when it is the node's.
const QByteArray ReserveScript = QByteArrayLiteral(R"(
local v = redis.call('HGET', KEYS[1], ARGV[1])
if not v then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) return 1 end
if v == ARGV[2] then return 1 end
return 0)");

// The name, only if the node has it.
const QByteArray ReleaseScript = QByteArrayLiteral(R"(
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  return redis.call('HDEL', KEYS[1], ARGV[1])
end
return 0)");

// Every name the node has. O(names on the network), run once per lost node.
const QByteArray FreeNodeScript = QByteArrayLiteral(R"(
local all = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 1, #all, 2 do
  if all[i + 1] == ARGV[1] then redis.call('HDEL', KEYS[1], all[i]) n = n + 1 end
end
return n)");

// The lease, only if this run holds it (leaving the cluster).
const QByteArray DropLeaseScript = QByteArrayLiteral(R"(
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0)");

QString newRunId()
{
    return QString::number(QRandomGenerator::system()->generate64(), 36);
}

} // namespace

ClusterLink::ClusterLink(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_node(config.nodeName), m_runId(newRunId()),
      m_leaseMs(config.clusterLeaseMs),
      m_commands(new RedisClient(RedisUrl::parse(config.clusterUrl), this)),
      m_subscriber(new RedisClient(RedisUrl::parse(config.clusterUrl), this))
{
    connect(m_commands, &RedisClient::connected, this, &ClusterLink::onConnected);
    connect(m_commands, &RedisClient::disconnected, this, &ClusterLink::onDisconnected);
    connect(m_subscriber, &RedisClient::connected, this, [this] {
        m_subscribed = true;
        if (m_leaseHeld)
            becomeUp();
    });
    connect(m_subscriber, &RedisClient::disconnected, this, [this] {
        m_subscribed = false;
        becomeDown();
    });
    connect(m_subscriber, &RedisClient::message, this, &ClusterLink::onBusMessage);
}

ClusterLink::~ClusterLink()
{
    // The clients go first, while what their callbacks touch still exists.
    delete m_commands;
    m_commands = nullptr;
    delete m_subscriber;
    m_subscriber = nullptr;
}

QByteArray ClusterLink::leaseKey(const QString& node) const
{
    return "confab:node:" + node.toUtf8();
}

void ClusterLink::start()
{
    qCInfo(lcCluster).noquote() << "node" << m_node << "joining the cluster";
    m_subscriber->subscribe(BusChannel);
    m_subscriber->open();
    m_commands->open();
}

void ClusterLink::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_leaseTimer.stop();
    m_watchTimer.stop();
    m_downTimer.stop();
    if (!m_commands->isConnected()) {
        emit stopped();
        return;
    }
    if (m_up) {
        IrcMessage bye(QStringLiteral("BYE"));
        bye.setTag(QStringLiteral("cn"), m_node);
        m_commands->command({"PUBLISH", BusChannel, bye.serialize()});
    }
    m_up = false;
    freeNamesOf(m_node);
    m_commands->command({"EVAL", DropLeaseScript, "1", leaseKey(m_node), m_runId.toUtf8()},
                        [this](const RedisReply&) { emit stopped(); });
}

void ClusterLink::onConnected()
{
    ++m_generation;
    takeLease();
}

void ClusterLink::onDisconnected()
{
    ++m_generation;
    m_leaseHeld = false;
    m_leaseTimer.stop();
    becomeDown();
}

void ClusterLink::takeLease()
{
    if (m_stopping)
        return;
    const quint64 generation = m_generation;
    m_commands->command(
        {"EVAL", LeaseScript, "1", leaseKey(m_node), m_runId.toUtf8(),
         QByteArray::number(m_leaseMs)},
        [this, generation](const RedisReply& reply) {
            if (generation != m_generation || m_stopping)
                return;
            if (reply.isError()) {
                qCWarning(lcCluster).noquote() << "cannot take the lease:" << reply.string;
                m_leaseTimer.start(std::max(m_leaseMs / 4, 100), this);
                return;
            }
            if (reply.integer == 0) {
                if (!m_waitingForLease)
                    qCWarning(lcCluster).noquote()
                        << "the node name" << m_node
                        << "is held by another run (a node of that name is running, or its "
                           "previous run has not yet expired); waiting for it";
                m_waitingForLease = true;
                m_leaseTimer.start(std::max(m_leaseMs / 4, 100), this);
                return;
            }
            m_waitingForLease = false;
            const bool fresh = reply.integer == 2;
            if (fresh && m_leaseHeld) {
                // It expired while held: the others may have taken this node's users for
                // lost. Down and up again, so that everything is told anew.
                qCWarning(lcCluster).noquote() << "the lease had expired; taken again";
                becomeDown();
            }
            if (fresh)
                freeNamesOf(m_node); // a previous run's
            m_leaseHeld = true;
            m_leaseTimer.start(std::max(m_leaseMs / 3, 100), this);
            if (m_subscribed)
                becomeUp();
        });
}

void ClusterLink::becomeUp()
{
    if (m_up || m_stopping)
        return;
    m_up = true;
    m_downTimer.stop();
    qCInfo(lcCluster).noquote() << "node" << m_node << "is in the cluster";
    m_watchTimer.start(std::max(m_leaseMs / 4, 100), this);
    emit up();
}

void ClusterLink::becomeDown()
{
    if (!m_up)
        return;
    m_up = false;
    m_watchTimer.stop();
    qCWarning(lcCluster).noquote() << "node" << m_node << "lost its link to the cluster";
    // Without Redis, the other nodes' leases cannot be seen; after one lease they are taken for
    // lost, as they take this one.
    m_downTimer.start(m_leaseMs, this);
    emit down();
}

void ClusterLink::timerEvent(QTimerEvent* event)
{
    if (event->timerId() == m_leaseTimer.timerId()) {
        if (m_commands->isConnected())
            takeLease(); // renews when held
    } else if (event->timerId() == m_watchTimer.timerId()) {
        watchNodes();
    } else if (event->timerId() == m_downTimer.timerId()) {
        m_downTimer.stop();
        const QSet<QString> nodes = std::exchange(m_knownNodes, {});
        for (const QString& node : nodes) {
            qCWarning(lcCluster).noquote() << "node" << node << "taken for lost (no link)";
            emit nodeLost(node);
        }
    }
}

void ClusterLink::watchNodes()
{
    if (m_knownNodes.isEmpty())
        return;
    QList<QByteArray> argv{"MGET"};
    QStringList nodes(m_knownNodes.cbegin(), m_knownNodes.cend());
    for (const QString& node : std::as_const(nodes))
        argv.append(leaseKey(node));
    const quint64 generation = m_generation;
    m_commands->command(argv, [this, nodes, generation](const RedisReply& reply) {
        if (generation != m_generation || !m_up || reply.type != RedisReply::Type::Array)
            return;
        for (qsizetype i = 0; i < nodes.size() && i < reply.elements.size(); ++i) {
            if (reply.elements.at(i).type != RedisReply::Type::Nil ||
                !m_knownNodes.contains(nodes.at(i)))
                continue;
            const QString& node = nodes.at(i);
            qCWarning(lcCluster).noquote() << "node" << node << "lost: its lease expired";
            m_knownNodes.remove(node);
            freeNamesOf(node);
            emit nodeLost(node);
        }
    });
}

void ClusterLink::freeNamesOf(const QString& node)
{
    m_commands->command({"EVAL", FreeNodeScript, "1", NamesKey, node.toUtf8()},
                        [node](const RedisReply& reply) {
                            if (reply.isError())
                                qCWarning(lcCluster).noquote()
                                    << "cannot free the names of node" << node << reply.string;
                        });
}

void ClusterLink::onBusMessage(const QByteArray& channel, const QByteArray& payload)
{
    if (channel != BusChannel)
        return;
    if (payload.size() > MaxBusMessageBytes) {
        qCWarning(lcCluster) << "ignored a bus message of" << payload.size() << "bytes";
        return;
    }
    IrcMessage::ParseError error = IrcMessage::ParseError::None;
    const std::optional<IrcMessage> message = IrcMessage::parse(payload, &error);
    if (!message || message->hasInvalidUtf8()) {
        qCWarning(lcCluster).noquote()
            << "ignored an unreadable bus message:"
            << (message ? "not UTF-8" : IrcMessage::parseErrorText(error));
        return;
    }
    const QString node = message->tag(QStringLiteral("cn"));
    if (!NodeName::isValid(node)) {
        qCWarning(lcCluster).noquote() << "ignored a bus message without a valid node name";
        return;
    }
    if (node == m_node)
        return; // this node's own, back from Redis
    if (!m_up)
        return; // resynchronised when up
    if (message->command() == QLatin1String("BYE")) {
        if (m_knownNodes.remove(node)) {
            qCInfo(lcCluster).noquote() << "node" << node << "left the cluster";
            emit nodeLost(node);
        }
        return;
    }
    m_knownNodes.insert(node);
    emit received(node, *message);
}

void ClusterLink::publish(IrcMessage message)
{
    if (!m_up)
        return;
    message.setTag(QStringLiteral("cn"), m_node);
    const QByteArray payload = message.serialize();
    if (payload.isEmpty() || payload.size() > MaxBusMessageBytes) {
        qCWarning(lcCluster).noquote() << "not published (unserializable or too long):"
                                       << message.command();
        return;
    }
    m_commands->command({"PUBLISH", BusChannel, payload});
}

void ClusterLink::reserveName(const QString& folded, std::function<void(bool)> done)
{
    if (!m_up) {
        // Checked again with every other name once the link is back (ClusterBridge).
        QMetaObject::invokeMethod(this, [done] { done(true); }, Qt::QueuedConnection);
        return;
    }
    m_commands->command({"EVAL", ReserveScript, "1", NamesKey, folded.toUtf8(), m_node.toUtf8()},
                        [done](const RedisReply& reply) {
                            // Unanswered (the link went): as without a link.
                            done(reply.isError() || reply.integer == 1);
                        });
}

void ClusterLink::releaseName(const QString& folded)
{
    if (!m_up)
        return; // freed with all of this node's names if the lease is lost meanwhile
    m_commands->command({"EVAL", ReleaseScript, "1", NamesKey, folded.toUtf8(), m_node.toUtf8()});
}

void ClusterLink::reserveNames(const QStringList& folded, std::function<void(QStringList)> done)
{
    auto lost = std::make_shared<QStringList>();
    auto left = std::make_shared<qsizetype>(folded.size());
    if (folded.isEmpty()) {
        QMetaObject::invokeMethod(this, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    for (const QString& name : folded) {
        reserveName(name, [name, lost, left, done](bool mine) {
            if (!mine)
                lost->append(name);
            if (--*left == 0)
                done(*lost);
        });
    }
}

#pragma once

#include "config/serverconfig.h"
#include "ircmessage.h"

#include <QBasicTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class RedisClient;
struct RedisReply;

// This node's link to the cluster's Redis (docs/SCALING.md): its lease, the names it holds,
// and the bus every node publishes to and reads from. It knows nothing of users or channels:
// the ClusterBridge turns core events into bus messages and back.
//
// Keys: "confab:node:<name>" holds the run id of the node that has the name, with an expiry
// (the lease) that the node renews every third of it; "confab:names" maps every folded nick in
// use on the network to its node. Bus: PUBLISH on "confab:bus", one IRC line per message, with
// the sending node's name in the "cn" tag.
class ClusterLink : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxBusMessageBytes = 65536;
    static const QByteArray BusChannel;
    static const QByteArray NamesKey;

    explicit ClusterLink(const ServerConfig& config, QObject* parent = nullptr);
    ~ClusterLink() override;

    const QString& nodeName() const { return m_node; }
    const QString& runId() const { return m_runId; }

    // Connects to Redis and keeps connecting again, with backoff, until stop().
    void start();
    // Leaves the cluster: tells the other nodes (their users see this node's users quit at
    // once, not after the lease), gives up the lease and the names.
    void stop();
    // Holding the lease and subscribed to the bus: what is published reaches the other nodes.
    bool isUp() const { return m_up; }

    // Sends the message to every other node (not back to this one). Dropped while down: the
    // resynchronisation when the link is back stands for it.
    void publish(IrcMessage message);

    // Takes the folded nick for this node. done(true) when it is this node's (or Redis cannot
    // be asked: then it is checked again when the link is back, see upAgain), done(false)
    // when another node has it. done runs later, on the event loop.
    void reserveName(const QString& folded, std::function<void(bool)> done);
    // Gives the name back, if this node has it.
    void releaseName(const QString& folded);
    // reserveName for each; done(the names another node has).
    void reserveNames(const QStringList& folded, std::function<void(QStringList)> done);

signals:
    // The lease is held and the bus is read: time to tell the others what this node has
    // (again, after an outage). Also emitted when the lease had expired and was taken again.
    void up();
    // Redis is out of reach (or the lease was lost): until up(), nothing crosses.
    void down();
    // A message from another node, checked to be well formed.
    void received(const QString& node, const IrcMessage& message);
    // The node's lease expired (it died or lost Redis), or it left (BYE); its names have been
    // freed. Also for every node after this one has been without a link for a lease.
    void nodeLost(const QString& node);
    // After stop(), once Redis has been told (or at once without a link).
    void stopped();

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    void onConnected();
    void onDisconnected();
    void onBusMessage(const QByteArray& channel, const QByteArray& payload);
    void takeLease();
    void renewLease();
    void becomeUp();
    void becomeDown();
    void watchNodes();
    // Removes every name the node holds (a dead node, or this node's previous run).
    void freeNamesOf(const QString& node);
    QByteArray leaseKey(const QString& node) const;

    QString m_node;
    QString m_runId;
    int m_leaseMs;
    RedisClient* m_commands;
    RedisClient* m_subscriber;
    bool m_up = false;
    bool m_leaseHeld = false;
    bool m_waitingForLease = false;
    bool m_subscribed = false;
    bool m_stopping = false;
    QBasicTimer m_leaseTimer; // renews, or keeps trying to take, the lease
    QBasicTimer m_watchTimer; // looks at the other nodes' leases
    QBasicTimer m_downTimer;  // a lease after the link went: the other nodes are taken for lost
    QSet<QString> m_knownNodes; // nodes heard from since they were last lost
    quint64 m_generation = 0;   // bumped at each connection, so late replies are ignored
};

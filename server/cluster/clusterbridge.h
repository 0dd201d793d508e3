#pragma once

#include "cluster/devicehandoff.h"
#include "cluster/remoteevents.h"

#include <QBasicTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class ClientConnection;
class ClusterLink;
class IrcMessage;
class RelayLine;
class ServerChannel;
class ServerCore;
class ServerUser;

// Between this node's core and the cluster's bus (docs/SCALING.md): what this node's users do
// is published for the other nodes, what the other nodes publish is applied here
// (RemoteEvents), and when the link comes (back) up the nodes tell each other everything they
// have. The core and the commands call the hooks below for their own users; for users of other
// nodes (ghosts) the hooks do nothing, since their node published it.
class ClusterBridge : public QObject
{
    Q_OBJECT

public:
    // How long a HELLO waits for others before this node answers them all with one burst.
    static constexpr int BurstDelayMs = 100;

    // What users of a lost node see as their quit message.
    static QString lostReason(const QString& node);

    ClusterBridge(ServerCore& core, ClusterLink* link, QObject* parent = nullptr);
    ~ClusterBridge() override;

    ClusterLink* link() const { return m_link; }
    const RemoteEvents& remote() const { return m_remote; }

    // A local user completed registration.
    void userRegistered(ServerUser* user);
    // A local user leaves (quit: its QUIT, if it was registered); its name is given back.
    void userLeft(ServerUser* user, const RelayLine* quit);
    // A local user's nick changed (line: the NICK, once registered).
    void nickChanged(ServerUser* user, const QString& oldFolded, const RelayLine* line);
    void joined(ServerUser* user, ServerChannel* channel, const RelayLine& line);
    // PART, KICK, TOPIC, MODE: every node keeps every channel.
    void channelEvent(const RelayLine& line);
    // PRIVMSG, NOTICE, TAGMSG to a channel (every node delivers to its own members).
    void channelMessage(const RelayLine& line);
    // A message or INVITE to one user: when it is on another node.
    void privateMessage(const ServerUser* recipient, const RelayLine& line);
    // AWAY, SETNAME, ACCOUNT: the user's state, kept by every node.
    void userEvent(const ServerUser* user, const RelayLine& line);
    // The account's owner logged in here while a guest on another node holds the account's
    // name: that node renames its guest, and the owner gets the name once it is free.
    void reclaimName(ServerUser* owner, const QString& account);
    // An operator's KILL of a user on another node: that node does it.
    void killRemote(const ServerUser* victim, const QString& reason);
    // An operator's CHGHOST of a user on another node: that node does it.
    void changeRemoteHost(const ServerUser* user, const QString& host);
    // A notice to operators (ServerCore::noticeOperators): the other nodes' operators get it.
    void operatorNotice(const QString& text);

    // Devices of one account on different nodes (DeviceHandoff): the newcomer, logged in to an
    // account whose user is on that node, is carried there; false (nothing done) while the
    // link is down.
    bool handOff(ServerUser* newcomer, const QString& node)
    {
        return m_devices.handOff(newcomer, node);
    }
    // A line from a connection carried to another node; false if it is not one.
    bool forwardInput(ClientConnection* connection, const IrcMessage& message)
    {
        return m_devices.forward(connection, message);
    }
    // A connection carried to another node ended; false if it is not one.
    bool connectionClosed(ClientConnection* connection, const QString& reason)
    {
        return m_devices.connectionClosed(connection, reason);
    }
    // Ends every device session that crosses nodes (this node shuts down).
    void dropDevices(const QString& reason) { m_devices.dropAll(reason); }

    // Takes the nick for the user across the cluster, holding the user's input meanwhile;
    // then(user, nick) runs once it is the user's, 433 is the answer when another node has it.
    using NickTaken = std::function<void(ServerUser*, const QString&)>;
    void reserveNick(ServerUser* user, const QString& nick, NickTaken then);

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    void onUp();
    void onDown();
    void onReceived(const QString& node, const IrcMessage& message);
    void onNodeLost(const QString& node);
    void publishRelayed(const RelayLine& line);
    // A PRIVMSG, NOTICE or TAGMSG; a multiline one as its lines.
    void publishMessage(const RelayLine& line);
    // Everything this node has: its users, their channels and memberships.
    void sendBurst();
    // HELLO and a burst: every node answers with its burst.
    void resynchronise();
    // The local users whose names turned out to be another node's are renamed.
    void renameHolders(const QStringList& folded);
    void takeName(const QString& folded);
    // The owners waiting for a name another node's guest had, once it is free.
    void giveReclaimedNames();

    ServerCore& m_core;
    ClusterLink* m_link;
    RemoteEvents m_remote;
    DeviceHandoff m_devices;
    QBasicTimer m_burstDue;            // a HELLO was heard: the burst that answers it
    QHash<QString, UserId> m_reclaims; // folded account name -> its owner, waiting for it
};

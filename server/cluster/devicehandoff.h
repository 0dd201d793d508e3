#pragma once

#include <QHash>
#include <QString>

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

class ClientConnection;
class ClusterLink;
class IrcMessage;
class ProxiedSession;
class ServerCore;
class ServerUser;

// Several devices of one account on different nodes (docs/SCALING.md): a client that logs in
// here to an account whose user is on another node is handed to that node, which runs it as one
// more session of the user (a ProxiedSession). This node keeps the socket and carries the lines
// both ways over the bus. So every multiclient rule (one nick, echoes to the other devices,
// catch-up, read markers) stays in one place, the account's node, as on a node alone.
//
// Either node ending ends the session: the account's node closes it (KILL, QUIT, its own
// shutdown) with DEVCLOSE, the client's connection ending is DEVGONE, and a lost node or a lost
// link ends every session that crossed it.
class DeviceHandoff
{
public:
    DeviceHandoff(ServerCore& core, ClusterLink* link);
    ~DeviceHandoff();

    // The socket's side. The newcomer (logged in, its registration complete but for this) goes
    // to the node that has its account's user: it leaves this core unseen, its connection stays
    // open and is carried. False (nothing done) while the link is down.
    bool handOff(ServerUser* newcomer, const QString& node);
    // A line from a carried connection goes to its node; false if the connection is not one.
    // The lines of a draft/multiline batch pass the connection's flood control here as they
    // would on the account's node: free while the batch is open (up to --multiline-max-lines),
    // then charged by size when it closes.
    bool forward(ClientConnection* connection, const IrcMessage& message);
    // A carried connection ended: its node is told. False if the connection is not one.
    bool connectionClosed(ClientConnection* connection, const QString& reason);

    // ATTACH, DEVIN, DEVOUT, DEVCLOSE and DEVGONE: applied when addressed to this node. True if
    // the message is one of them, whatever node it is for.
    bool apply(const QString& from, const IrcMessage& message);
    // The node is gone: the sessions it carried end, the connections carried to it are closed.
    void dropNode(const QString& node, const QString& reason);
    // Every session and carried connection ends (the link is down, or this node stops).
    void dropAll(const QString& reason);

private:
    struct Carried
    {
        QString node;
        quint64 id;
        QString batch; // the reference of its open draft/multiline batch, if any
        int batchLines = 0;
        qint64 batchBytes = 0;
    };
    using ProxyKey = std::pair<QString, quint64>; // (node of the socket, its id there)

    void attach(const QString& from, quint64 id, const IrcMessage& message);
    // The connection carried under that id to that node, or nullptr.
    ClientConnection* carried(const QString& node, quint64 id) const;
    void uncarry(ClientConnection* connection);
    // Follows the carried connection's multiline batch (see forward()).
    static void trackBatch(ClientConnection* connection, Carried& device, const IrcMessage& message,
                           int maxLines);
    static void closeBatch(ClientConnection* connection, Carried& device);
    // The core has closed the session: it is deleted on the next pass of the event loop.
    void sessionClosed(ProxiedSession* session);
    // The client is gone: its session leaves the user (or the user quits, if it was the last).
    void endSession(const ProxyKey& key, const QString& reason);
    // Ends the sessions and carried connections of the nodes ofNode(node) says.
    void drop(const std::function<bool(const QString&)>& ofNode, const QString& reason);

    ServerCore& m_core;
    ClusterLink* m_link;
    quint64 m_lastId = 0;
    QHash<ClientConnection*, Carried> m_carried; // socket here, session on another node
    QHash<quint64, ClientConnection*> m_carriedById;
    std::map<ProxyKey, std::unique_ptr<ProxiedSession>> m_proxied; // session here
    std::vector<std::unique_ptr<ProxiedSession>> m_closed;         // deleted soon
};

#pragma once

#include "ircmessage.h"
#include "net/clientconnection.h"

#include <QList>
#include <QString>

#include <functional>

class ClusterLink;
class ServerCore;

// A device of a local user whose socket is on another node (DeviceHandoff): the other node
// forwards the lines the client sends, and what this node sends the session goes back on the
// bus to that node, which writes it to the socket. To the core it is one more session, like
// a ClientSession.
class ProxiedSession : public ClientConnection
{
public:
    // closed runs once, when the core closes the session (it may be deleted afterwards, not
    // from inside close()).
    ProxiedSession(ServerCore& core, ClusterLink* link, const QString& node, quint64 id,
                   std::function<void(ProxiedSession*)> closed);

    const QString& node() const { return m_node; }
    quint64 id() const { return m_id; }

    // A line the client sent, forwarded by its node.
    void receive(const IrcMessage& message);

    // ClientConnection
    void send(const IrcMessage& message) override;
    void sendWire(const QByteArray& wire) override;
    void close(const QString& reason) override;
    void setRegistered() override {}
    void holdInput(bool held) override;

private:
    // One "DEVOUT <node> <id> :<line>" per line of wire (without its CR LF).
    void forward(const QByteArray& wire);

    ServerCore& m_core;
    ClusterLink* m_link;
    QString m_node;
    quint64 m_id;
    std::function<void(ProxiedSession*)> m_closed;
    bool m_isClosed = false;
    bool m_held = false;
    QList<IrcMessage> m_heldLines; // what arrived while held, in order
};

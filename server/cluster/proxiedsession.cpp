#include "cluster/proxiedsession.h"

#include "cluster/clusterlink.h"
#include "cluster/clustermessages.h"
#include "core/servercore.h"
#include "irclimits.h"

ProxiedSession::ProxiedSession(ServerCore& core, ClusterLink* link, const QString& node, quint64 id,
                               std::function<void(ProxiedSession*)> closed)
    : m_core(core), m_link(link), m_node(node), m_id(id), m_closed(std::move(closed))
{
}

void ProxiedSession::receive(const IrcMessage& message)
{
    if (m_isClosed)
        return;
    if (m_held) {
        m_heldLines.append(message);
        return;
    }
    m_core.handleMessage(this, message);
}

void ProxiedSession::holdInput(bool held)
{
    m_held = held;
    // Handling a line may hold the input again: the rest waits for the next release.
    while (!m_held && !m_isClosed && !m_heldLines.isEmpty())
        m_core.handleMessage(this, m_heldLines.takeFirst());
}

void ProxiedSession::send(const IrcMessage& message)
{
    forward(message.toWire(Limits::MaxLineBytes));
}

void ProxiedSession::sendWire(const QByteArray& wire)
{
    forward(wire);
}

void ProxiedSession::forward(const QByteArray& wire)
{
    if (m_isClosed)
        return;
    qsizetype start = 0;
    while (start < wire.size()) {
        qsizetype end = wire.indexOf("\r\n", start);
        if (end < 0)
            end = wire.size();
        if (end > start)
            m_link->publish(
                ClusterMessages::deviceOutput(m_node, m_id, wire.mid(start, end - start)));
        start = end + 2;
    }
}

void ProxiedSession::close(const QString& reason)
{
    if (m_isClosed)
        return;
    m_isClosed = true;
    m_heldLines.clear();
    m_link->publish(ClusterMessages::deviceClose(m_node, m_id, reason));
    if (m_closed)
        m_closed(this);
}

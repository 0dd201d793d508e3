#include "udp/udpmemberconnection.h"

UdpMemberConnection::UdpMemberConnection(const UdpEndpoint& endpoint, QObject* parent)
    : QObject(parent), m_endpoint(endpoint)
{
}

void UdpMemberConnection::send(const IrcMessage& message)
{
    if (!m_closed && m_onMessage)
        m_onMessage(this, message);
}

void UdpMemberConnection::sendWire(const QByteArray& wire)
{
    if (m_closed || !m_onMessage)
        return;
    // Lines relayed to many are serialized once (the router): read back the one line.
    QByteArrayView line(wire);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (const std::optional<IrcMessage> message = IrcMessage::parse(line))
        m_onMessage(this, *message);
}

void UdpMemberConnection::close(const QString& reason)
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_onClose)
        m_onClose(this, reason);
}

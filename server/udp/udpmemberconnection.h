#pragma once

#include "net/clientconnection.h"
#include "udp/udpendpoint.h"

#include <QObject>
#include <QString>

#include <functional>

// How the server core sees a UDP room member: a connection without a socket. The lines the
// core sends it (the welcome, the room's messages...) are handed to the bridge as parsed
// messages; close() (KILL, shutdown) is reported to the bridge, which then forgets the member.
// Made and owned by UdpLobbyBridge; deleted later, never in the core's call to close().
class UdpMemberConnection : public QObject, public ClientConnection
{
    Q_OBJECT

public:
    using MessageHandler = std::function<void(UdpMemberConnection*, const IrcMessage&)>;
    using CloseHandler = std::function<void(UdpMemberConnection*, const QString&)>;

    UdpMemberConnection(const UdpEndpoint& endpoint, QObject* parent = nullptr);

    const UdpEndpoint& endpoint() const { return m_endpoint; }
    void setMessageHandler(MessageHandler handler) { m_onMessage = std::move(handler); }
    void setCloseHandler(CloseHandler handler) { m_onClose = std::move(handler); }
    bool isClosed() const { return m_closed; }

    // ClientConnection
    void send(const IrcMessage& message) override;
    void sendWire(const QByteArray& wire) override;
    void close(const QString& reason) override;
    void setRegistered() override {}

private:
    UdpEndpoint m_endpoint;
    MessageHandler m_onMessage;
    CloseHandler m_onClose;
    bool m_closed = false;
};

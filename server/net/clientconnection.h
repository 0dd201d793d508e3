#pragma once

#include "ircmessage.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

// How ServerCore sees one client: it can send lines to it and close it, nothing more. The real
// implementation is ClientSession (a socket); tests of the core use a fake.
class ClientConnection
{
public:
    virtual ~ClientConnection() = default;

    // Queues one line. sendWire() takes bytes already produced by IrcMessage::toWire(), so that
    // a relayed line is serialized once and shared by all recipients.
    virtual void send(const IrcMessage& message) = 0;
    virtual void sendWire(const QByteArray& wire) = 0;

    // Sends "ERROR :<reason>", flushes and closes. The core has already removed the user; the
    // connection must not call back into the core for this close.
    virtual void close(const QString& reason) = 0;

    // Told once, when NICK/USER registration completes (stops the registration timer).
    virtual void setRegistered() = 0;

    // While a draft/multiline batch is open, its lines do not count against flood control one by
    // one; closed, it is charged as this many lines.
    virtual void setBatchOpen(bool open) { Q_UNUSED(open); }
    virtual void chargeFlood(int lines) { Q_UNUSED(lines); }

    // While held, the lines the client sends wait, in order, unhandled (a command answered
    // later, such as a NICK whose name is being reserved across the cluster).
    virtual void holdInput(bool held) { Q_UNUSED(held); }

    // Bytes waiting to be sent to the client (its SendQ use; STATS q).
    virtual qint64 sendQueueBytes() const { return 0; }

    // The server's address the client connected to (for URLs it is given); null if unknown.
    virtual QHostAddress localAddress() const { return {}; }
};

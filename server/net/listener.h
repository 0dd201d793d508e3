#pragma once

#include <QTcpServer>

class TlsContext;

// One listening socket: one address, plain text or TLS. Accepted connections are queued as a
// QTcpSocket, or for TLS as a QSslSocket set up from the TlsContext with its encryption not yet
// started, so that the Server applies its connection limits to both kinds from the moment they
// are accepted; the ClientSession starts the handshake.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    enum class Kind { Plain, Tls };
    Q_ENUM(Kind)

    // A TLS listener reads the context's configuration for every connection (a reloaded
    // certificate applies to the next one); the context must outlive the listener.
    Listener(Kind kind, const TlsContext* tlsContext, QObject* parent = nullptr);

    Kind kind() const { return m_kind; }
    bool isTls() const { return m_kind == Kind::Tls; }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Kind m_kind;
    const TlsContext* m_tlsContext;
};

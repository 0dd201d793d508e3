#pragma once

#include <QTcpServer>

#include <deque>
#include <memory>

class IoThreadPool;
class SessionSocket;
class TlsContext;

// One listening socket: one address, plain text or TLS. Each accepted connection is queued as a
// SessionSocket (a PlainSocket, or a ThreadedSocket when there are I/O threads, or for TLS a
// TlsSocket set up from the TlsContext with its encryption not yet started) and announced with
// connectionAccepted(), so that the Server applies its connection limits to both kinds from the
// moment they are accepted; the ClientSession starts the handshake.
class Listener : public QTcpServer
{
    Q_OBJECT

public:
    enum class Kind { Plain, Tls };
    Q_ENUM(Kind)

    // A TLS listener reads the context's configuration for every connection (a reloaded
    // certificate applies to the next one); the context must outlive the listener.
    // With an I/O thread pool, plain connections are served by its threads (ThreadedSocket);
    // the pool must outlive the listener.
    Listener(Kind kind, const TlsContext* tlsContext, IoThreadPool* ioThreads = nullptr,
             QObject* parent = nullptr);
    ~Listener() override;

    Kind kind() const { return m_kind; }
    bool isTls() const { return m_kind == Kind::Tls; }

    // The next accepted connection, or null when none waits.
    std::unique_ptr<SessionSocket> nextConnection();

signals:
    void connectionAccepted();

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    Kind m_kind;
    const TlsContext* m_tlsContext;
    IoThreadPool* m_ioThreads;
    std::deque<std::unique_ptr<SessionSocket>> m_accepted;
};

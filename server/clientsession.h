#pragma once

#include "clientconnection.h"
#include "irclineframer.h"
#include "serverconfig.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QQueue>

class QTcpSocket;
class QTimer;
class ServerCore;

// One client connection: owns its socket, line framer, flood bucket, send-queue limit and
// timers, and hands complete lines to the ServerCore. Knows nothing of other users.
class ClientSession : public QObject, public ClientConnection
{
    Q_OBJECT

public:
    // Takes ownership of the connected socket.
    ClientSession(QTcpSocket* socket, ServerCore* core, const ServerConfig& config,
                  QObject* parent = nullptr);
    ~ClientSession() override;

    // Registers the connection with the core and starts reading.
    void start();

    QHostAddress peerAddress() const { return m_peer; }
    QString host() const { return m_host; }
    bool isClosing() const { return m_closing; }

    // ClientConnection
    void send(const IrcMessage& message) override;
    void sendWire(const QByteArray& wire) override;
    void close(const QString& reason) override;
    void setRegistered() override;

    // The peer address without an IPv4-mapped IPv6 wrapper.
    static QHostAddress normalizedAddress(const QHostAddress& address);

signals:
    // The socket is closed; the owner deletes the session later.
    void finished();

private:
    void onReadyRead();
    void onDisconnected();
    void onPingTimer();
    void onRegistrationTimeout();
    void processPending();
    // Ends the session for a reason of its own (timeout, flood, sendq): the core announces the
    // quit, then the client gets ERROR (flush) or the socket is aborted (no flush).
    void drop(const QString& reason, bool flush);
    void finish(); // emits finished() once

    QTcpSocket* m_socket;
    ServerCore* m_core;
    ServerConfig m_config;
    IrcLineFramer m_framer;
    QQueue<IrcLineFramer::Frame> m_pending;
    double m_tokens = 0;
    QElapsedTimer m_tokenClock;
    QElapsedTimer m_lastInput;
    QTimer* m_pingTimer;
    QTimer* m_registrationTimer;
    QTimer* m_floodTimer;
    QHostAddress m_peer;
    QString m_host;
    bool m_awaitingPong = false;
    bool m_registered = false;
    bool m_closing = false;
    bool m_dropScheduled = false;
    bool m_finished = false;
    QString m_socketError;
};

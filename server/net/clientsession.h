#pragma once

#include "config/serverconfig.h"
#include "irclineframer.h"
#include "net/clientconnection.h"
#include "net/sessionsocket.h"

#include <QBasicTimer>
#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QQueue>

#include <functional>
#include <memory>

struct ConnectionInfo;
class ServerCore;
class WriteBatcher;

// One client connection: owns its socket, line framer, flood bucket, send-queue limit and
// timers, and hands complete lines to the ServerCore. Knows nothing of other users.
//
// The socket is a PlainSocket or a TlsSocket. For TLS, start() begins the server side of the
// handshake, which has tlsHandshakeTimeoutMs to finish; only then is the connection added to the
// core (as secure, with the client certificate's fingerprint). Output takes the same path
// through the WriteBatcher and the same limits for both.
//
// Kept small and cheap for many clients: input is read into a buffer on the stack and only an
// unfinished line is kept (by the framer), output is queued here and handed to the socket once
// per event-loop iteration (through the WriteBatcher), the socket tells the session of its events
// without signal connections, and the timers are QBasicTimers, not QTimer objects.
class ClientSession : public QObject, public ClientConnection, private SessionSocket::Observer
{
    Q_OBJECT

public:
    // Takes ownership of the connected socket. The config and the batcher must outlive the
    // session (both belong to the Server). Without a batcher every line is written at once.
    ClientSession(std::unique_ptr<SessionSocket> socket, ServerCore* core,
                  const ServerConfig& config, WriteBatcher* batcher, QObject* parent = nullptr);
    ~ClientSession() override;

    // Registers the connection with the core and starts reading; for TLS, starts the handshake
    // (the connection is registered once it is encrypted).
    void start();

    QHostAddress peerAddress() const { return m_peer; }
    QHostAddress localAddress() const override;
    QString host() const { return m_host; }
    bool isClosing() const { return m_closing; }
    bool isTls() const { return m_tls; }
    const SessionSocket& socket() const { return *m_socket; }
    // A TLS connection whose handshake has not finished: not in the core yet, and nothing but
    // the handshake may be written to it (close() cuts it without ERROR).
    bool isHandshaking() const { return m_handshaking; }

    // ClientConnection
    void send(const IrcMessage& message) override;
    void sendWire(const QByteArray& wire) override;
    void close(const QString& reason) override;
    void setRegistered() override;
    qint64 sendQueueBytes() const override { return m_socket->bytesToWrite() + m_outputBytes; }
    void setBatchOpen(bool open) override { m_batchOpen = open; }
    void chargeFlood(int lines) override;
    void holdInput(bool held) override;

    // While paused, nothing more is read from the client (the kernel's buffers, then TCP, hold
    // it back); set by the Server while the history writer catches up. The socket's reading is
    // switched off only if it wakes the session meanwhile: the Server pauses its read group
    // (SessionSocket::joinReadGroup) as a whole, so that most pauses cost no call per session.
    void setInputPaused(bool paused);
    bool isInputPaused() const { return m_inputPaused; }

    // Writes the queued output to the socket (called by the WriteBatcher).
    void flushOutput();
    // Bytes queued and not yet handed to the socket.
    qint64 queuedOutputBytes() const { return m_outputBytes; }

    // The peer address without an IPv4-mapped IPv6 wrapper.
    static QHostAddress normalizedAddress(const QHostAddress& address);

    // Called (once, before finished() is emitted) when the socket is closed. The Server uses
    // this rather than a connection to finished(): a connection costs a few hundred bytes per
    // client, and the server's memory per idle client is one of its benchmark targets.
    void setFinishedHandler(std::function<void(ClientSession*)> handler)
    {
        m_finishedHandler = std::move(handler);
    }

signals:
    // The socket is closed; the owner deletes the session later.
    void finished();

protected:
    void timerEvent(QTimerEvent* event) override;

private:
    // Adds the connection to the core and starts the timers and reading.
    void begin(const ConnectionInfo& info);
    // Where the connection comes from (host, loopback), as the core is told of it.
    ConnectionInfo connectionInfo() const;
    void onEncrypted();
    void onHandshakeTimeout();
    // SessionSocket::Observer
    void socketReadable() override { onReadyRead(); }
    void socketDisconnected() override { onDisconnected(); }
    void onReadyRead();
    void handleInput(QByteArrayView data);
    void queueOutput(const QByteArray& wire);
    void clearOutput();
    void onDisconnected();
    void onPingTimer();
    void onRegistrationTimeout();
    // Takes one token from the flood bucket; without one, starts the timer that resumes input.
    bool takeToken();
    void refillTokens();
    // Whether the line needs no token: a line of the open multiline batch (tagged batch=...).
    bool isFreeLine(QByteArrayView line) const;
    static bool isBatchTagged(QByteArrayView line);
    void processPending();
    void processFrame(IrcLineFramer::Frame::Kind kind, QByteArrayView line);
    // Ends the session for a reason of its own (timeout, flood, sendq): the core announces the
    // quit, then the client gets ERROR (flush) or the socket is aborted (no flush).
    void drop(const QString& reason, bool flush);
    void stopActivity();
    // Ends the connection at once: no flush, no ERROR.
    void abortConnection();
    void finish(); // emits finished() once

    std::unique_ptr<SessionSocket> m_socket;
    ServerCore* m_core;
    const ServerConfig& m_config;
    WriteBatcher* m_batcher;
    std::function<void(ClientSession*)> m_finishedHandler;
    IrcLineFramer m_framer;
    QQueue<IrcLineFramer::Frame> m_pending;
    QList<QByteArray> m_output; // queued lines (shared, not copied), written by flushOutput()
    qint64 m_outputBytes = 0;
    double m_tokens = 0;
    bool m_batchOpen = false;
    qsizetype m_pendingBatchLines = 0; // lines in m_pending tagged batch=...
    QElapsedTimer m_tokenClock;
    QElapsedTimer m_lastInput;
    QBasicTimer m_pingTimer;
    QBasicTimer m_registrationTimer;
    QBasicTimer m_floodTimer;
    QBasicTimer m_handshakeTimer;
    QHostAddress m_peer;
    QString m_host;
    bool m_awaitingPong = false;
    bool m_registered = false;
    bool m_closing = false;
    bool m_inputPaused = false;
    bool m_readOff = false;   // the socket's reading switched off while paused
    bool m_inputHeld = false; // holdInput(): lines queue in m_pending
    bool m_dropScheduled = false;
    bool m_finished = false;
    bool m_flushScheduled = false;
    bool m_tls = false;
    bool m_handshaking = false;
};

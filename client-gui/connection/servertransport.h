#pragma once

#include "connection/certificatecheck.h"
#include "irclineframer.h"
#include "ircmessage.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QSslCertificate>
#include <QSslError>

#include <memory>
#include <optional>

class QTcpSocket;
class QTimer;

// The socket to one IRC server and what keeps it alive: connects with a time limit, cuts the
// byte stream into lines (IrcLineFramer, bounded) and parses them once, writes lines, answers
// PING, measures lag with its own PINGs and waits with a growing delay before the next attempt.
// It knows nothing of nicks, rooms or registration: it emits every IrcMessage except PING/PONG.
//
// With TLS on it connects encrypted (a QSslSocket) and is open once the handshake is done. A
// certificate the system's authorities verify is used as is. One they do not (self-signed, the
// LAN case) is checked against the fingerprint pinned for this server (CertificateCheck): the
// same one goes on; none, or another one, aborts the handshake and says so
// (certificateNeedsTrust, certificateChanged) so that the user can decide and connect again.
class ServerTransport : public QObject
{
    Q_OBJECT

public:
    enum class Failure {
        ConnectionRefused,
        HostNotFound,
        Unreachable, // the network is down before the connection was made
        Timeout,     // no connection in time, or no PONG within a ping interval
        ConnectionLost,
        TlsFailed, // the TLS handshake failed, or the certificate is invalid (expired...)
    };
    Q_ENUM(Failure)

    // How the open connection is protected.
    enum class Security {
        Plain,    // not encrypted (or not connected)
        Verified, // TLS, the certificate verified by the system's authorities
        Pinned,   // TLS, the certificate is the one the user trusted for this server
    };
    Q_ENUM(Security)

    explicit ServerTransport(QObject* parent = nullptr);
    ~ServerTransport() override;

    // Timing, in milliseconds; tests shorten them.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    // The server answered and now waits for the user (a name was refused): the connect time
    // limit stops until restartConnectTimer(), when the client speaks again.
    void pauseConnectTimer();
    void restartConnectTimer();
    void setPingInterval(int ms);
    void setReconnectDelays(int initialMs, int maxMs);
    int nextReconnectDelay() const { return m_reconnectDelayMs; }
    void resetReconnectDelay() { m_reconnectDelayMs = m_initialReconnectDelayMs; }
    // The longest line written; the server's LINELEN once it said so.
    void setLineLength(int bytes) { m_lineLength = bytes; }

    // TLS for the next open(), and the fingerprint trusted for that server (empty: none).
    void setTls(bool enabled, const QString& pinnedFingerprint = {});
    bool isTls() const { return m_tls; }
    bool isOpen() const;
    Security security() const { return m_security; }
    // The server's certificate on an encrypted connection; null otherwise.
    QSslCertificate peerCertificate() const { return m_peerCertificate; }
    int lag() const { return m_lagMs; } // -1 until measured

public slots:
    // Drops any socket and connects anew; opened() or failed() follows.
    void open(const QString& host, quint16 port);
    // Writes a last line (QUIT) if possible, then closes quietly: no failed() follows.
    void close(const IrcMessage& lastLine);
    void send(const IrcMessage& message);
    // Starts the ping timer and measures the lag at once (after registration).
    void startKeepAlive();
    // Waits nextReconnectDelay() ms, then emits reconnectDue(); the delay doubles up to the
    // maximum.
    void scheduleReconnect();

signals:
    void opened();
    void messageReceived(const IrcMessage& message);
    // The socket is gone (already closed here); detail is the socket's own text, if any.
    void failed(ServerTransport::Failure failure, const QString& detail);
    // The handshake was aborted (the socket is closed, no failed() follows): the server's
    // certificate is not verified and no fingerprint is pinned for it.
    void certificateNeedsTrust(const QSslCertificate& certificate);
    // The same, but another fingerprint is pinned for this server: it changed, or someone is
    // in between.
    void certificateChanged(const QSslCertificate& certificate, const QString& pinnedFingerprint);
    void lagChanged(int ms);
    void reconnectDue();

private:
    void onConnected();
    void onEncrypted();
    void onSslErrors(const QList<QSslError>& errors);
    void reportRejectedCertificate();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onConnectTimeout();
    void onPingTimer();
    void fail(Failure failure, const QString& detail);
    void closeSocket();
    void stopTimers();
    void setLag(int ms);

    QTcpSocket* m_socket = nullptr; // a QSslSocket with TLS
    bool m_tls = false;
    QString m_pinnedFingerprint;
    Security m_security = Security::Plain;
    bool m_pinAccepted = false; // this handshake's errors were excused by the pin
    QSslCertificate m_peerCertificate;
    struct Rejection
    {
        CertificateCheck::Verdict verdict;
        QSslCertificate certificate;
    };
    std::optional<Rejection> m_rejection; // reported once the socket gives up the handshake
    QString m_tlsErrorText;
    bool m_connected = false; // TCP connected (not yet registered)
    QTimer* m_connectTimer;
    QTimer* m_pingTimer;
    QTimer* m_reconnectTimer;
    std::unique_ptr<IrcLineFramer> m_framer;

    int m_connectTimeoutMs = 10000;
    int m_pingIntervalMs = 30000;
    int m_initialReconnectDelayMs = 1000;
    int m_maxReconnectDelayMs = 30000;
    int m_reconnectDelayMs = 1000;
    int m_lineLength = 512;
    QElapsedTimer m_pingClock;
    QString m_pingToken;
    int m_lagMs = -1;
};

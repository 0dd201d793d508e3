#pragma once

#include "net/sessionsocket.h"

#include <QObject>

#include <memory>

class QSslError;
class QSslSocket;

// A TLS connection: a QSslSocket (set up by the Listener from the TlsContext, encryption not yet
// started) behind the SessionSocket interface. Every byte goes through QSslSocket: bytes written
// around it would leave unencrypted.
class TlsSocket final : public QObject, public SessionSocket
{
    Q_OBJECT

public:
    // Takes ownership of the socket.
    explicit TlsSocket(QSslSocket* socket, QObject* parent = nullptr);
    ~TlsSocket() override;

    // Starts the server side of the handshake; encrypted() follows when it succeeds, and
    // socketDisconnected() when it fails.
    void startServerEncryption();
    // The SHA-256 fingerprint (hex) of the client's certificate; empty without one.
    QByteArray peerCertificateFingerprint() const;

    bool isTls() const override { return true; }
    int descriptor() const override;
    State state() const override;
    QHostAddress peerAddress() const override;
    QHostAddress localAddress() const override;
    qint64 read(char* data, qint64 maxBytes) override;
    qint64 bufferedBytes() const override;
    // The socket's bounded read buffer holds input back once full: nothing to switch.
    void setReadEnabled(bool enabled) override { Q_UNUSED(enabled); }
    void write(const QList<QByteArray>& lines) override;
    qint64 bytesToWrite() const override;
    void disconnectFromHost() override;
    void abort() override;
    QString errorString() const override;

signals:
    void encrypted();

private:
    void onEncrypted();
    void onSslErrors(const QList<QSslError>& errors);
    void onReadyRead();
    void onDisconnected();

    std::unique_ptr<QSslSocket> m_socket;
};

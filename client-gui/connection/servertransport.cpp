#include "connection/servertransport.h"

#include "connection/clientlogging.h"
#include "irccommand.h"

#include <QDateTime>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

ServerTransport::ServerTransport(QObject* parent)
    : QObject(parent), m_connectTimer(new QTimer(this)), m_pingTimer(new QTimer(this)),
      m_reconnectTimer(new QTimer(this)), m_framer(std::make_unique<IrcLineFramer>())
{
    m_connectTimer->setSingleShot(true);
    m_reconnectTimer->setSingleShot(true);
    m_pingTimer->setInterval(m_pingIntervalMs);
    connect(m_connectTimer, &QTimer::timeout, this, [this] { onConnectTimeout(); });
    connect(m_pingTimer, &QTimer::timeout, this, [this] { onPingTimer(); });
    connect(m_reconnectTimer, &QTimer::timeout, this, [this] { emit reconnectDue(); });
}

ServerTransport::~ServerTransport()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void ServerTransport::setPingInterval(int ms)
{
    m_pingIntervalMs = ms;
    m_pingTimer->setInterval(ms);
}

void ServerTransport::setReconnectDelays(int initialMs, int maxMs)
{
    m_initialReconnectDelayMs = initialMs;
    m_maxReconnectDelayMs = std::max(initialMs, maxMs);
    m_reconnectDelayMs = initialMs;
}

void ServerTransport::setTls(bool enabled, const QString& pinnedFingerprint)
{
    m_tls = enabled;
    m_pinnedFingerprint = pinnedFingerprint;
}

bool ServerTransport::isOpen() const
{
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        return false;
    const auto* ssl = qobject_cast<const QSslSocket*>(m_socket);
    return !ssl || ssl->isEncrypted();
}

void ServerTransport::open(const QString& host, quint16 port)
{
    stopTimers();
    closeSocket();
    m_framer->reset();
    m_connected = false;
    m_lagMs = -1;
    m_lineLength = 512;
    m_security = Security::Plain;
    m_pinAccepted = false;
    m_peerCertificate = QSslCertificate();
    m_rejection.reset();
    m_tlsErrorText.clear();

    QSslSocket* ssl = m_tls ? new QSslSocket(this) : nullptr;
    m_socket = ssl ? ssl : new QTcpSocket(this);
    if (ssl) {
        connect(ssl, &QSslSocket::connected, this, [this] { m_connected = true; });
        connect(ssl, &QSslSocket::encrypted, this, [this] { onEncrypted(); });
        connect(ssl, &QSslSocket::sslErrors, this,
                [this](const QList<QSslError>& errors) { onSslErrors(errors); });
    } else {
        connect(m_socket, &QTcpSocket::connected, this, [this] { onConnected(); });
    }
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { onDisconnected(); });
    connect(m_socket, &QTcpSocket::errorOccurred, this,
            [this](QAbstractSocket::SocketError error) { onSocketError(error); });
    m_connectTimer->start(m_connectTimeoutMs); // for the handshake too
    if (ssl)
        ssl->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void ServerTransport::close(const IrcMessage& lastLine)
{
    stopTimers();
    if (m_socket) {
        QTcpSocket* socket = m_socket;
        if (socket->state() == QAbstractSocket::ConnectedState)
            socket->write(lastLine.toWire(m_lineLength));
        m_socket = nullptr;
        socket->disconnect(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(3000, socket, [socket] { socket->deleteLater(); });
        socket->disconnectFromHost();
    }
    m_connected = false;
    m_security = Security::Plain;
    setLag(-1);
}

void ServerTransport::send(const IrcMessage& message)
{
    if (!isOpen())
        return;
    const QByteArray wire = message.toWire(m_lineLength);
    if (wire.isEmpty()) {
        qCWarning(lcConnection) << "not sending an invalid message:" << message.invalidReason();
        return;
    }
    qCDebug(lcTraffic).noquote() << ">>" << ClientLogging::redacted(message);
    m_socket->write(wire);
}

void ServerTransport::pauseConnectTimer()
{
    m_connectTimer->stop();
}

void ServerTransport::restartConnectTimer()
{
    if (m_socket && !m_pingTimer->isActive())
        m_connectTimer->start(m_connectTimeoutMs);
}

void ServerTransport::startKeepAlive()
{
    m_connectTimer->stop();
    m_pingToken.clear();
    m_pingTimer->start();
    onPingTimer(); // a first lag measurement now
}

void ServerTransport::scheduleReconnect()
{
    qCInfo(lcConnection) << "reconnecting in" << m_reconnectDelayMs << "ms";
    m_reconnectTimer->start(m_reconnectDelayMs);
    m_reconnectDelayMs = std::min(m_reconnectDelayMs * 2, m_maxReconnectDelayMs);
}

void ServerTransport::onConnected()
{
    m_connected = true;
    emit opened();
}

void ServerTransport::onEncrypted()
{
    auto* ssl = qobject_cast<QSslSocket*>(m_socket);
    if (!ssl)
        return;
    m_connected = true;
    m_peerCertificate = ssl->peerCertificate();
    m_security = m_pinAccepted ? Security::Pinned : Security::Verified;
    qCInfo(lcConnection).noquote()
        << "encrypted:" << ssl->sessionCipher().protocolString() << ssl->sessionCipher().name()
        << m_security << CertificateCheck::fingerprint(m_peerCertificate);
    emit opened();
}

void ServerTransport::onSslErrors(const QList<QSslError>& errors)
{
    auto* ssl = qobject_cast<QSslSocket*>(m_socket);
    if (!ssl)
        return;
    const QSslCertificate certificate = ssl->peerCertificate();
    const QString fingerprint = CertificateCheck::fingerprint(certificate);
    const CertificateCheck::Verdict verdict =
        CertificateCheck::check(errors, fingerprint, m_pinnedFingerprint);
    QStringList texts;
    for (const QSslError& error : errors)
        texts.append(error.errorString());
    switch (verdict) {
    case CertificateCheck::Verdict::Pinned:
        // Exactly these errors, and only because the certificate is the pinned one.
        m_pinAccepted = true;
        ssl->ignoreSslErrors(errors);
        return;
    case CertificateCheck::Verdict::NeedsTrust:
    case CertificateCheck::Verdict::Changed:
        qCWarning(lcConnection).noquote()
            << "certificate not trusted:" << verdict << fingerprint << "pinned:"
            << (m_pinnedFingerprint.isEmpty() ? QStringLiteral("none") : m_pinnedFingerprint) << "("
            << texts.join(QLatin1String("; ")) << ")";
        m_rejection = Rejection{verdict, certificate};
        break;
    case CertificateCheck::Verdict::Invalid:
        qCWarning(lcConnection).noquote()
            << "invalid certificate:" << fingerprint << texts.join(QLatin1String("; "));
        m_tlsErrorText = texts.join(QLatin1String("; "));
        break;
    }
    // Not ignored: the socket fails the handshake itself and onSocketError() reports it.
}

void ServerTransport::reportRejectedCertificate()
{
    const Rejection rejection = *m_rejection;
    m_rejection.reset();
    const QString pinned = m_pinnedFingerprint;
    closeSocket();
    stopTimers();
    m_connected = false;
    setLag(-1);
    if (rejection.verdict == CertificateCheck::Verdict::Changed)
        emit certificateChanged(rejection.certificate, pinned);
    else
        emit certificateNeedsTrust(rejection.certificate);
}

void ServerTransport::onReadyRead()
{
    QTcpSocket* socket = m_socket;
    if (!socket)
        return;
    const QByteArray bytes = socket->readAll();
    const QList<IrcLineFramer::Frame> frames = m_framer->feed(bytes);
    for (const IrcLineFramer::Frame& frame : frames) {
        if (socket != m_socket)
            return; // a handler closed the connection
        if (!frame.isLine()) {
            qCWarning(lcConnection) << "dropped an over-long line of" << frame.line.size()
                                    << "bytes or more";
            continue;
        }
        IrcMessage::ParseError error = IrcMessage::ParseError::None;
        const std::optional<IrcMessage> message = IrcMessage::parse(frame.line, &error);
        if (!message) {
            qCWarning(lcConnection) << "unparsable line:" << IrcMessage::parseErrorText(error)
                                    << "(" << frame.line.size() << "bytes)";
            continue;
        }
        qCDebug(lcTraffic).noquote() << "<<" << ClientLogging::redacted(*message);
        const QString& command = message->command();
        if (command == QLatin1String("PING")) {
            send(IrcCommand::pong(message->param(0)));
        } else if (command == QLatin1String("PONG")) {
            const QString token =
                message->params().isEmpty() ? QString() : message->params().last();
            if (!m_pingToken.isEmpty() && token == m_pingToken) {
                m_pingToken.clear();
                setLag(int(m_pingClock.elapsed()));
            }
        } else {
            emit messageReceived(*message);
        }
    }
}

void ServerTransport::onSocketError(QAbstractSocket::SocketError error)
{
    if (!m_socket)
        return;
    if (m_rejection) {
        reportRejectedCertificate();
        return;
    }
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onDisconnected();
        return;
    }
    Failure failure = Failure::ConnectionLost;
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        failure = Failure::ConnectionRefused;
        break;
    case QAbstractSocket::HostNotFoundError:
        failure = Failure::HostNotFound;
        break;
    case QAbstractSocket::NetworkError:
        failure = m_connected ? Failure::ConnectionLost : Failure::Unreachable;
        break;
    case QAbstractSocket::SocketTimeoutError:
        failure = Failure::Timeout;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        failure = Failure::TlsFailed;
        break;
    default:
        break;
    }
    fail(failure, failure == Failure::TlsFailed && !m_tlsErrorText.isEmpty()
                      ? m_tlsErrorText
                      : m_socket->errorString());
}

void ServerTransport::onDisconnected()
{
    if (m_socket && m_rejection)
        reportRejectedCertificate();
    else if (m_socket)
        fail(Failure::ConnectionLost, {});
}

void ServerTransport::onConnectTimeout()
{
    if (!m_socket)
        return;
    const auto* ssl = qobject_cast<const QSslSocket*>(m_socket);
    if (ssl && m_connected && !ssl->isEncrypted()) // connected, but nothing speaks TLS there
        fail(Failure::TlsFailed, tr("the server did not answer the TLS handshake"));
    else
        fail(Failure::Timeout, {});
}

void ServerTransport::onPingTimer()
{
    if (!isOpen())
        return;
    if (!m_pingToken.isEmpty()) {
        qCWarning(lcConnection) << "no PONG within" << m_pingIntervalMs << "ms";
        fail(Failure::Timeout, {});
        return;
    }
    m_pingToken = QStringLiteral("confab-%1").arg(QDateTime::currentMSecsSinceEpoch());
    m_pingClock.start();
    send(IrcCommand::ping(m_pingToken));
}

void ServerTransport::fail(Failure failure, const QString& detail)
{
    qCInfo(lcConnection) << "connection lost:" << failure << detail;
    closeSocket();
    stopTimers();
    m_connected = false;
    m_security = Security::Plain;
    setLag(-1);
    emit failed(failure, detail);
}

void ServerTransport::closeSocket()
{
    if (!m_socket)
        return;
    QTcpSocket* socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void ServerTransport::stopTimers()
{
    m_connectTimer->stop();
    m_pingTimer->stop();
    m_reconnectTimer->stop();
    m_pingToken.clear();
}

void ServerTransport::setLag(int ms)
{
    m_lagMs = ms;
    emit lagChanged(ms);
}

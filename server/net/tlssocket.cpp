#include "net/tlssocket.h"

#include "serverlogging.h"

#include <QSslCertificate>
#include <QSslCipher>
#include <QSslError>
#include <QSslSocket>

namespace {
// The socket's read buffer: one chunk of Qt's default size; a bigger backlog waits in the kernel
// until the session has read this one.
constexpr qint64 ReadBufferBytes = 16 * 1024;
} // namespace

TlsSocket::TlsSocket(QSslSocket* socket, QObject* parent) : QObject(parent), m_socket(socket)
{
    m_socket->setParent(nullptr);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(ReadBufferBytes);
    connect(m_socket.get(), &QSslSocket::encrypted, this, &TlsSocket::onEncrypted);
    connect(m_socket.get(), &QSslSocket::sslErrors, this, &TlsSocket::onSslErrors);
    connect(m_socket.get(), &QSslSocket::readyRead, this, &TlsSocket::onReadyRead);
    connect(m_socket.get(), &QSslSocket::disconnected, this, &TlsSocket::onDisconnected);
}

TlsSocket::~TlsSocket()
{
    // No observer calls from the socket's own destruction.
    m_socket->disconnect(this);
}

void TlsSocket::startServerEncryption()
{
    m_socket->startServerEncryption();
}

QByteArray TlsSocket::peerCertificateFingerprint() const
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    return certificate.isNull() ? QByteArray()
                                : certificate.digest(QCryptographicHash::Sha256).toHex();
}

int TlsSocket::descriptor() const
{
    return int(m_socket->socketDescriptor());
}

SessionSocket::State TlsSocket::state() const
{
    switch (m_socket->state()) {
    case QAbstractSocket::ConnectedState:
        return State::Connected;
    case QAbstractSocket::ClosingState:
        return State::Closing;
    default:
        return State::Unconnected;
    }
}

QHostAddress TlsSocket::peerAddress() const
{
    return m_socket->peerAddress();
}

QHostAddress TlsSocket::localAddress() const
{
    return m_socket->localAddress();
}

qint64 TlsSocket::read(char* data, qint64 maxBytes)
{
    const qint64 got = m_socket->read(data, maxBytes);
    return got < 0 ? 0 : got;
}

qint64 TlsSocket::bufferedBytes() const
{
    return m_socket->bytesAvailable();
}

void TlsSocket::write(const QList<QByteArray>& lines)
{
    for (const QByteArray& line : lines)
        m_socket->write(line);
}

qint64 TlsSocket::bytesToWrite() const
{
    // bytesToWrite() counts only what is not encrypted yet; the encrypted bytes wait in the TCP
    // socket, which a client that does not read would let grow without end.
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void TlsSocket::disconnectFromHost()
{
    m_socket->disconnectFromHost();
}

void TlsSocket::abort()
{
    m_socket->abort();
}

QString TlsSocket::errorString() const
{
    const QAbstractSocket::SocketError error = m_socket->error();
    return error == QAbstractSocket::UnknownSocketError ||
                   error == QAbstractSocket::RemoteHostClosedError
               ? QString()
               : m_socket->errorString();
}

void TlsSocket::onEncrypted()
{
    qCDebug(lcTls).noquote() << "TLS with" << m_socket->peerAddress().toString()
                             << "established:" << m_socket->sessionCipher().protocolString()
                             << m_socket->sessionCipher().name()
                             << (m_socket->peerCertificate().isNull()
                                     ? QByteArray("(no client certificate)")
                                     : "(client certificate " + peerCertificateFingerprint() + ')');
    emit encrypted();
}

void TlsSocket::onSslErrors(const QList<QSslError>& errors)
{
    // The client's certificate is not verified (QueryPeer): these only say why it would not be
    // trusted, and the handshake goes on.
    for (const QSslError& error : errors)
        qCDebug(lcTls).noquote() << "TLS with" << m_socket->peerAddress().toString() << ':'
                                 << error.errorString();
}

void TlsSocket::onReadyRead()
{
    if (Observer* const watcher = observer())
        watcher->socketReadable();
}

void TlsSocket::onDisconnected()
{
    if (Observer* const watcher = observer())
        watcher->socketDisconnected();
}

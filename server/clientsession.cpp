#include "clientsession.h"

#include "irccommand.h"
#include "ircmessage.h"
#include "servercore.h"
#include "serverlogging.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace {
constexpr qint64 ReadChunkBytes = 64 * 1024; // Qt read buffer; the framer bounds each line
constexpr int CloseGraceMs = 5000;           // time to flush ERROR before aborting
// IRCv3 message-tags: a client's tag data (without the '@' and the space) is at most 4094 bytes;
// the framer's larger tag limit leaves room for the tags the server adds when relaying.
constexpr qsizetype MaxClientTagBytes = 4094;
} // namespace

ClientSession::ClientSession(QTcpSocket* socket, ServerCore* core, const ServerConfig& config,
                             QObject* parent)
    : QObject(parent),
      m_socket(socket),
      m_core(core),
      m_config(config),
      m_pingTimer(new QTimer(this)),
      m_registrationTimer(new QTimer(this)),
      m_floodTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_socket->setReadBufferSize(ReadChunkBytes);
    m_peer = normalizedAddress(m_socket->peerAddress());
    m_host = m_peer.toString();
    m_tokens = m_config.floodBurst;
    m_tokenClock.start();
    m_lastInput.start();

    m_pingTimer->setSingleShot(true);
    m_registrationTimer->setSingleShot(true);
    m_floodTimer->setSingleShot(true);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientSession::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientSession::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
        if (m_socketError.isEmpty()) {
            m_socketError = e == QAbstractSocket::RemoteHostClosedError
                                ? QStringLiteral("Connection closed")
                                : QStringLiteral("Read error: ") + m_socket->errorString();
        }
    });
    connect(m_pingTimer, &QTimer::timeout, this, &ClientSession::onPingTimer);
    connect(m_registrationTimer, &QTimer::timeout, this, &ClientSession::onRegistrationTimeout);
    connect(m_floodTimer, &QTimer::timeout, this, &ClientSession::processPending);
}

ClientSession::~ClientSession()
{
    // Normally removed already; this keeps the core consistent if the owner goes first.
    if (!m_closing)
        m_core->removeConnection(this, QStringLiteral("Connection closed"));
}

QHostAddress ClientSession::normalizedAddress(const QHostAddress& address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

void ClientSession::start()
{
    qCInfo(lcSession).noquote() << "connection from" << m_host;
    m_core->addConnection(this, m_host);
    if (m_config.registrationTimeoutMs > 0)
        m_registrationTimer->start(m_config.registrationTimeoutMs);
    if (m_config.pingIntervalMs > 0)
        m_pingTimer->start(m_config.pingIntervalMs);
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void ClientSession::send(const IrcMessage& message)
{
    sendWire(message.toWire(Limits::MaxLineBytes));
}

void ClientSession::sendWire(const QByteArray& wire)
{
    if (m_closing || m_dropScheduled)
        return;
    if (m_socket->bytesToWrite() + wire.size() > m_config.sendQueueBytes) {
        // Never re-enter the core from inside one of its loops: drop on the next event.
        m_dropScheduled = true;
        QMetaObject::invokeMethod(
            this, [this] { drop(QStringLiteral("SendQ exceeded"), false); },
            Qt::QueuedConnection);
        return;
    }
    m_socket->write(wire);
}

void ClientSession::close(const QString& reason)
{
    if (m_closing)
        return;
    m_closing = true;
    m_pending.clear();
    m_pingTimer->stop();
    m_registrationTimer->stop();
    m_floodTimer->stop();
    qCInfo(lcSession).noquote() << "closing" << m_host << '(' + reason + ')';
    m_socket->write(IrcCommand::error(QStringLiteral("Closing Link: %1 (%2)").arg(m_host, reason))
                        .toWire(Limits::MaxLineBytes));
    QTimer::singleShot(CloseGraceMs, this, [this] { m_socket->abort(); });
    m_socket->disconnectFromHost();
    // Already gone (no disconnected() will come): finish on the next event.
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        QMetaObject::invokeMethod(this, &ClientSession::finish, Qt::QueuedConnection);
}

void ClientSession::setRegistered()
{
    m_registered = true;
    m_registrationTimer->stop();
}

void ClientSession::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (m_closing || m_dropScheduled)
        return;
    m_lastInput.restart();
    m_awaitingPong = false; // any input proves the client is alive
    const QList<IrcLineFramer::Frame> frames = m_framer.feed(data);
    for (const IrcLineFramer::Frame& frame : frames) {
        if (m_closing || m_dropScheduled)
            return;
        // Lines run at once while the bucket has tokens; only the rest waits in the queue.
        m_pending.enqueue(frame);
        processPending();
        if (m_pending.size() > m_config.floodMaxQueuedLines) {
            drop(QStringLiteral("Excess Flood"), true);
            return;
        }
    }
}

void ClientSession::processPending()
{
    const bool limited = m_config.floodRate > 0;
    while (!m_pending.isEmpty() && !m_closing && !m_dropScheduled) {
        if (limited) {
            const double elapsed = double(m_tokenClock.restart()) / 1000.0;
            m_tokens = std::min<double>(m_config.floodBurst, m_tokens + elapsed * m_config.floodRate);
            if (m_tokens < 1.0) {
                const int wait = int(std::ceil((1.0 - m_tokens) / m_config.floodRate * 1000.0));
                m_floodTimer->start(std::max(wait, 1));
                return;
            }
            m_tokens -= 1.0;
        }
        const IrcLineFramer::Frame frame = m_pending.dequeue();
        if (!frame.isLine()
            || (frame.line.startsWith('@') && frame.line.indexOf(' ') - 1 > MaxClientTagBytes)) {
            m_core->handleInputTooLong(this);
            continue;
        }
        IrcMessage::ParseError error = IrcMessage::ParseError::None;
        const std::optional<IrcMessage> message = IrcMessage::parse(frame.line, &error);
        if (!message) {
            qCDebug(lcSession).noquote() << m_host << "sent an unparsable line:"
                                         << IrcMessage::parseErrorText(error);
            continue;
        }
        m_core->handleMessage(this, *message);
    }
}

void ClientSession::onDisconnected()
{
    if (!m_closing) {
        m_closing = true;
        m_pingTimer->stop();
        m_registrationTimer->stop();
        m_floodTimer->stop();
        const QString reason =
            m_socketError.isEmpty() ? QStringLiteral("Connection closed") : m_socketError;
        qCInfo(lcSession).noquote() << "lost" << m_host << '(' + reason + ')';
        m_core->removeConnection(this, reason);
    }
    finish();
}

void ClientSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished();
}

void ClientSession::onPingTimer()
{
    if (m_closing)
        return;
    if (m_awaitingPong) {
        const qint64 seconds = (m_lastInput.elapsed() + 999) / 1000;
        drop(QStringLiteral("Ping timeout: %1 seconds").arg(seconds), true);
        return;
    }
    const qint64 idle = m_lastInput.elapsed();
    if (idle >= m_config.pingIntervalMs) {
        IrcMessage ping = IrcCommand::ping(m_config.serverName);
        send(ping);
        m_awaitingPong = true;
        m_pingTimer->start(std::max(m_config.pingTimeoutMs, 1));
    } else {
        m_pingTimer->start(int(m_config.pingIntervalMs - idle));
    }
}

void ClientSession::onRegistrationTimeout()
{
    if (!m_registered && !m_closing)
        drop(QStringLiteral("Registration timed out"), true);
}

void ClientSession::drop(const QString& reason, bool flush)
{
    if (m_closing)
        return;
    qCInfo(lcSession).noquote() << "dropping" << m_host << '(' + reason + ')';
    m_core->removeConnection(this, reason);
    if (flush) {
        close(reason);
        return;
    }
    m_closing = true;
    m_pending.clear();
    m_pingTimer->stop();
    m_registrationTimer->stop();
    m_floodTimer->stop();
    m_socket->abort();
    QMetaObject::invokeMethod(this, &ClientSession::finish, Qt::QueuedConnection);
}

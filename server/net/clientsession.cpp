#include "net/clientsession.h"

#include "core/servercore.h"
#include "irccommand.h"
#include "ircmessage.h"
#include "net/connectioninfo.h"
#include "net/tlssocket.h"
#include "net/writebatcher.h"
#include "serverlogging.h"

#include <QTimer>
#include <QTimerEvent>

#include <algorithm>
#include <cmath>
#include <utility>

namespace {
constexpr qsizetype KeepOutputLines = 64; // lines flushed at once from which the list is kept
constexpr int CloseGraceMs = 5000;        // time to flush ERROR before aborting
// IRCv3 message-tags: a client's tag data (without the '@' and the space) is at most 4094 bytes;
// the framer's larger tag limit leaves room for the tags the server adds when relaying.
constexpr qsizetype MaxClientTagBytes = 4094;
} // namespace

ClientSession::ClientSession(std::unique_ptr<SessionSocket> socket, ServerCore* core,
                             const ServerConfig& config, WriteBatcher* batcher, QObject* parent)
    : QObject(parent), m_socket(std::move(socket)), m_core(core), m_config(config),
      m_batcher(batcher), m_tls(m_socket->isTls())
{
    m_socket->setObserver(this);
    m_peer = normalizedAddress(m_socket->peerAddress());
    m_host = m_peer.toString();
    m_tokens = m_config.floodBurst;
    m_tokenClock.start();
    m_lastInput.start();
}

ClientSession::~ClientSession()
{
    if (m_batcher)
        m_batcher->cancel(this);
    // Normally removed already; this keeps the core consistent if the owner goes first.
    if (!m_closing)
        m_core->removeConnection(this, QStringLiteral("Connection closed"));
    m_socket->setObserver(nullptr);
}

QHostAddress ClientSession::normalizedAddress(const QHostAddress& address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

QHostAddress ClientSession::localAddress() const
{
    return normalizedAddress(m_socket->localAddress());
}

void ClientSession::start()
{
    if (!m_tls) {
        qCInfo(lcSession).noquote() << "connection from" << m_host;
        begin(connectionInfo());
        return;
    }
    // Only TLS sessions pay for these connections (and the timer).
    qCInfo(lcSession).noquote() << "connection from" << m_host << "(TLS)";
    auto* socket = static_cast<TlsSocket*>(m_socket.get());
    connect(socket, &TlsSocket::encrypted, this, &ClientSession::onEncrypted);
    m_handshaking = true;
    if (m_config.tlsHandshakeTimeoutMs > 0)
        m_handshakeTimer.start(m_config.tlsHandshakeTimeoutMs, this);
    socket->startServerEncryption();
}

ConnectionInfo ClientSession::connectionInfo() const
{
    ConnectionInfo info;
    info.host = m_host;
    info.loopback = m_peer.isLoopback();
    return info;
}

void ClientSession::begin(const ConnectionInfo& info)
{
    m_core->addConnection(this, info);
    if (m_config.registrationTimeoutMs > 0)
        m_registrationTimer.start(m_config.registrationTimeoutMs, this);
    if (m_config.pingIntervalMs > 0)
        m_pingTimer.start(m_config.pingIntervalMs, this);
    // TLS: application data that came with the end of the handshake is read already.
    if (m_socket->bufferedBytes() > 0)
        onReadyRead();
}

void ClientSession::onEncrypted()
{
    if (!m_handshaking || m_closing)
        return;
    m_handshaking = false;
    m_handshakeTimer.stop();
    ConnectionInfo info = connectionInfo();
    info.secure = true;
    info.certificateFingerprint =
        static_cast<const TlsSocket*>(m_socket.get())->peerCertificateFingerprint();
    begin(info);
}

void ClientSession::onHandshakeTimeout()
{
    if (m_handshaking && !m_closing)
        drop(QStringLiteral("TLS handshake timed out"), false);
}

void ClientSession::timerEvent(QTimerEvent* event)
{
    // All four are single-shot: stopped before their handler runs, which may start them again.
    const int id = event->timerId();
    if (id == m_pingTimer.timerId()) {
        m_pingTimer.stop();
        onPingTimer();
    } else if (id == m_registrationTimer.timerId()) {
        m_registrationTimer.stop();
        onRegistrationTimeout();
    } else if (id == m_floodTimer.timerId()) {
        m_floodTimer.stop();
        processPending();
    } else if (id == m_handshakeTimer.timerId()) {
        m_handshakeTimer.stop();
        onHandshakeTimeout();
    } else {
        QObject::timerEvent(event);
    }
}

void ClientSession::send(const IrcMessage& message)
{
    sendWire(message.toWire(Limits::MaxLineBytes));
}

void ClientSession::sendWire(const QByteArray& wire)
{
    if (m_closing || m_dropScheduled)
        return;
    if (m_socket->bytesToWrite() + m_outputBytes + wire.size() > m_config.sendQueueBytes) {
        // Never re-enter the core from inside one of its loops: drop on the next event.
        m_dropScheduled = true;
        clearOutput();
        QMetaObject::invokeMethod(
            this, [this] { drop(QStringLiteral("SendQ exceeded"), false); }, Qt::QueuedConnection);
        return;
    }
    queueOutput(wire);
}

void ClientSession::queueOutput(const QByteArray& wire)
{
    // The line is shared, not copied: a relayed line's bytes serve every recipient until the
    // kernel copies them in flushOutput().
    m_output.append(wire);
    m_outputBytes += wire.size();
    if (!m_batcher) {
        flushOutput();
    } else if (!m_flushScheduled) {
        m_flushScheduled = true;
        m_batcher->schedule(this);
    }
}

void ClientSession::clearOutput()
{
    // A busy session (a member of a busy room) keeps its list for the next iteration instead of
    // growing it again from nothing; a quiet or idle one frees it and holds no output buffer.
    const qsizetype lines = m_output.size();
    if (lines >= KeepOutputLines && m_output.capacity() <= 4 * lines)
        m_output.clear();
    else
        m_output = QList<QByteArray>();
    m_outputBytes = 0;
}

void ClientSession::flushOutput()
{
    m_flushScheduled = false;
    if (m_output.isEmpty())
        return;
    if (m_socket->state() != SessionSocket::State::Unconnected)
        m_socket->write(m_output);
    clearOutput();
}

void ClientSession::close(const QString& reason)
{
    if (m_closing)
        return;
    if (m_handshaking) {
        // Nothing but the handshake may go into it: no ERROR line.
        qCInfo(lcSession).noquote() << "closing" << m_host << '(' + reason + ')';
        abortConnection();
        return;
    }
    stopActivity();
    qCInfo(lcSession).noquote() << "closing" << m_host << '(' + reason + ')';
    queueOutput(IrcCommand::error(QStringLiteral("Closing Link: %1 (%2)").arg(m_host, reason))
                    .toWire(Limits::MaxLineBytes));
    flushOutput();
    QTimer::singleShot(CloseGraceMs, this, [this] { m_socket->abort(); });
    m_socket->disconnectFromHost();
    // Already gone (no disconnected() will come): finish on the next event.
    if (m_socket->state() == SessionSocket::State::Unconnected)
        QMetaObject::invokeMethod(this, &ClientSession::finish, Qt::QueuedConnection);
}

void ClientSession::setRegistered()
{
    m_registered = true;
    m_registrationTimer.stop();
}

void ClientSession::setInputPaused(bool paused)
{
    if (m_inputPaused == paused)
        return;
    m_inputPaused = paused;
    if (paused)
        return; // reading is switched off in onReadyRead(), if the session is woken meanwhile
    if (std::exchange(m_readOff, false))
        m_socket->setReadEnabled(true);
    // What the kernel holds wakes the session again (the read notifier is level-triggered).
    // What the socket holds itself (decrypted TLS, bytes an I/O thread handed over) brings no
    // new wake-up: read it on the next pass. Only those: a call for each of a thousand sessions
    // at every resume cost the loop 6 % when the history writer kept pausing it.
    if (m_socket->bufferedBytes() > 0)
        QMetaObject::invokeMethod(this, &ClientSession::onReadyRead, Qt::QueuedConnection);
}

void ClientSession::onReadyRead()
{
    if (m_inputPaused) {
        // Woken while paused (not in a paused read group): no more wake-ups until resumed.
        m_socket->setReadEnabled(false);
        m_readOff = true;
        return;
    }
    // One read per wake-up as a rule: a read that leaves the buffer part empty has taken all
    // there was, and a further read would only say so. Only the framer's unfinished line
    // outlives the call, so an idle session holds no read buffer.
    char buffer[SessionSocket::ReadChunkBytes];
    for (;;) {
        const qint64 got = m_socket->read(buffer, SessionSocket::ReadChunkBytes);
        if (got <= 0)
            return;
        handleInput(QByteArrayView(buffer, got));
        if (got < SessionSocket::ReadChunkBytes || m_inputPaused)
            return;
    }
}

void ClientSession::handleInput(QByteArrayView data)
{
    if (m_closing || m_dropScheduled)
        return;
    m_lastInput.restart();
    m_awaitingPong = false; // any input proves the client is alive
    m_framer.feed(data, [this](IrcLineFramer::Frame::Kind kind, QByteArrayView line) {
        if (m_closing || m_dropScheduled)
            return;
        // Lines run at once while the bucket has tokens (no copy); only the rest waits in the
        // queue, in order.
        if (m_pending.isEmpty() && !m_inputHeld && (isFreeLine(line) || takeToken())) {
            processFrame(kind, line);
            return;
        }
        m_pending.enqueue(IrcLineFramer::Frame{kind, line.toByteArray()});
        // The lines of a multiline batch may wait behind its opening line, up to a batch's
        // worth more.
        if (isBatchTagged(line))
            ++m_pendingBatchLines;
        if (m_pending.size() - m_pendingBatchLines > m_config.floodMaxQueuedLines ||
            m_pendingBatchLines > m_config.floodMaxQueuedLines + m_config.multilineMaxLines)
            drop(QStringLiteral("Excess Flood"), true);
    });
}

bool ClientSession::takeToken()
{
    if (m_config.floodRate <= 0)
        return true;
    refillTokens();
    if (m_tokens < 1.0) {
        const int wait = int(std::ceil((1.0 - m_tokens) / m_config.floodRate * 1000.0));
        m_floodTimer.start(std::max(wait, 1), this);
        return false;
    }
    m_tokens -= 1.0;
    return true;
}

bool ClientSession::isBatchTagged(QByteArrayView line)
{
    if (!line.startsWith('@'))
        return false;
    const qsizetype space = line.indexOf(' ');
    const QByteArrayView tags = line.first(space < 0 ? line.size() : space);
    return tags.startsWith("@batch=") || tags.indexOf(";batch=") >= 0;
}

bool ClientSession::isFreeLine(QByteArrayView line) const
{
    return m_batchOpen && isBatchTagged(line);
}

void ClientSession::chargeFlood(int lines)
{
    if (m_config.floodRate <= 0)
        return;
    // May go below zero: the next lines wait until the bucket has refilled.
    refillTokens();
    m_tokens -= lines;
}

void ClientSession::holdInput(bool held)
{
    if (m_inputHeld == held)
        return;
    m_inputHeld = held;
    // Not from inside the command that released it: the lines that waited run after it.
    if (!held)
        QMetaObject::invokeMethod(this, &ClientSession::processPending, Qt::QueuedConnection);
}

void ClientSession::refillTokens()
{
    const double elapsed = double(m_tokenClock.restart()) / 1000.0;
    m_tokens = std::min<double>(m_config.floodBurst, m_tokens + elapsed * m_config.floodRate);
}

void ClientSession::processPending()
{
    while (!m_pending.isEmpty() && !m_closing && !m_dropScheduled && !m_inputHeld) {
        if (!isFreeLine(m_pending.head().line) && !takeToken())
            return;
        const IrcLineFramer::Frame frame = m_pending.dequeue();
        if (isBatchTagged(frame.line))
            --m_pendingBatchLines;
        processFrame(frame.kind, frame.line);
    }
}

void ClientSession::processFrame(IrcLineFramer::Frame::Kind kind, QByteArrayView line)
{
    if (kind != IrcLineFramer::Frame::Kind::Line ||
        (line.startsWith('@') && line.indexOf(' ') - 1 > MaxClientTagBytes)) {
        m_core->handleInputTooLong(this);
        return;
    }
    IrcMessage::ParseError error = IrcMessage::ParseError::None;
    const std::optional<IrcMessage> message = IrcMessage::parse(line, &error);
    if (!message) {
        qCDebug(lcSession).noquote()
            << m_host << "sent an unparsable line:" << IrcMessage::parseErrorText(error);
        return;
    }
    m_core->handleMessage(this, *message);
}

void ClientSession::onDisconnected()
{
    if (m_handshaking && !m_closing) {
        // A failed handshake (QSslSocket aborts) or a client gone before it finished: the core
        // never knew this connection.
        stopActivity();
        const QString error = m_socket->errorString();
        qCDebug(lcTls).noquote() << "TLS handshake with" << m_host << "failed:"
                                 << (error.isEmpty() ? QStringLiteral("closed by the client")
                                                     : error);
        finish();
        return;
    }
    if (!m_closing) {
        m_closing = true;
        clearOutput();
        m_pingTimer.stop();
        m_registrationTimer.stop();
        m_floodTimer.stop();
        const QString error = m_socket->errorString();
        const QString reason = error.isEmpty() ? QStringLiteral("Connection closed")
                                               : QStringLiteral("Read error: ") + error;
        qCInfo(lcSession).noquote() << "lost" << m_host << '(' + reason + ')';
        m_core->removeConnection(this, reason);
        finish();
        return;
    }
    // Closed by us: the socket may go at once (its bytes went straight to the kernel), while the
    // core or the server is still closing others; the owner hears of it on the next event.
    QMetaObject::invokeMethod(this, &ClientSession::finish, Qt::QueuedConnection);
}

void ClientSession::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_finishedHandler)
        m_finishedHandler(this);
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
        m_pingTimer.start(std::max(m_config.pingTimeoutMs, 1), this);
    } else {
        m_pingTimer.start(int(m_config.pingIntervalMs - idle), this);
    }
}

void ClientSession::onRegistrationTimeout()
{
    if (!m_registered && !m_closing)
        drop(QStringLiteral("Registration timed out"), true);
}

// The session takes no more input and runs no more timers; only closing remains.
void ClientSession::stopActivity()
{
    m_closing = true;
    m_pending.clear();
    m_pendingBatchLines = 0;
    m_pingTimer.stop();
    m_registrationTimer.stop();
    m_floodTimer.stop();
    m_handshakeTimer.stop();
}

void ClientSession::abortConnection()
{
    stopActivity();
    clearOutput();
    m_socket->abort();
    QMetaObject::invokeMethod(this, &ClientSession::finish, Qt::QueuedConnection);
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
    abortConnection();
}

#include "net/threadedsocket.h"

#include "net/iolink.h"
#include "net/iothreadpool.h"
#include "net/plainsocket.h"

#include <cstring>

ThreadedSocket::ThreadedSocket(IoThreadPool* pool, std::shared_ptr<IoLink> link)
    : m_pool(pool), m_link(std::move(link))
{
    m_link->front = this;
}

ThreadedSocket::~ThreadedSocket()
{
    m_link->front = nullptr;
    IoCommand command;
    command.kind = IoCommand::Kind::Release;
    command.link = std::move(m_link);
    m_pool->post(std::move(command));
}

int ThreadedSocket::descriptor() const
{
    return m_state == State::Unconnected ? -1 : m_link->fd;
}

// Asked of the kernel on this thread: the descriptor stays open until the I/O thread is told to
// close it, or sees the peer go (then the state here is about to be Unconnected).
QHostAddress ThreadedSocket::peerAddress() const
{
    return m_state == State::Unconnected ? QHostAddress() : PlainSocket::peerAddressOf(m_link->fd);
}

QHostAddress ThreadedSocket::localAddress() const
{
    return m_state == State::Unconnected ? QHostAddress() : PlainSocket::localAddressOf(m_link->fd);
}

qint64 ThreadedSocket::read(char* data, qint64 maxBytes)
{
    qint64 copied = 0;
    while (copied < maxBytes && !m_inbound.isEmpty()) {
        const QByteArray& chunk = m_inbound.first();
        const qint64 count = std::min(chunk.size() - m_inboundOffset, maxBytes - copied);
        std::memcpy(data + copied, chunk.constData() + m_inboundOffset, size_t(count));
        copied += count;
        m_inboundOffset += count;
        if (m_inboundOffset == chunk.size()) {
            m_inbound.removeFirst();
            m_inboundOffset = 0;
        }
    }
    if (copied == 0)
        return 0;
    m_inboundBytes -= copied;
    // The I/O thread may have stopped reading this client while it waited here (IoConnection).
    const qint64 unread = m_link->unreadBytes.fetch_sub(copied) - copied;
    if (unread <= IoLink::MaxUnreadBytes / 2 && m_link->readStalled.load() &&
        m_link->readStalled.exchange(false)) {
        IoCommand command;
        command.kind = IoCommand::Kind::ResumeRead;
        command.link = m_link;
        m_pool->post(std::move(command));
    }
    if (m_inbound.isEmpty()) {
        m_inbound = QList<QByteArray>(); // an idle session holds no list
        if (m_closePending) {
            // The end of the stream, now that what came before it is read: on the next event,
            // as a PlainSocket tells it after its observer has read.
            m_closePending = false;
            QMetaObject::invokeMethod(
                m_pool,
                [link = m_link] {
                    if (link->front)
                        link->front->finishPendingClose();
                },
                Qt::QueuedConnection);
        }
    }
    return copied;
}

void ThreadedSocket::setReadEnabled(bool enabled)
{
    if (m_state != State::Connected)
        return;
    IoCommand command;
    command.kind = IoCommand::Kind::ReadEnabled;
    command.enabled = enabled;
    command.link = m_link;
    m_pool->post(std::move(command));
}

void ThreadedSocket::write(const QList<QByteArray>& lines)
{
    if (m_state == State::Unconnected || lines.isEmpty())
        return;
    qint64 bytes = 0;
    for (const QByteArray& line : lines)
        bytes += line.size();
    m_link->unsentBytes.fetch_add(bytes, std::memory_order_relaxed);
    IoCommand command;
    command.kind = IoCommand::Kind::Write;
    command.link = m_link;
    command.lines = lines; // shared, not copied: the bytes are never changed once queued
    m_pool->post(std::move(command));
}

qint64 ThreadedSocket::bytesToWrite() const
{
    return m_link->unsentBytes.load(std::memory_order_relaxed);
}

void ThreadedSocket::disconnectFromHost()
{
    if (m_state != State::Connected)
        return;
    m_state = State::Closing; // Unconnected once the I/O thread has written the rest and closed
    IoCommand command;
    command.kind = IoCommand::Kind::Disconnect;
    command.link = m_link;
    m_pool->post(std::move(command));
}

void ThreadedSocket::abort()
{
    if (m_state == State::Unconnected)
        return;
    IoCommand command;
    command.kind = IoCommand::Kind::Abort;
    command.link = m_link;
    m_pool->post(std::move(command));
    closed(QString()); // at once, as PlainSocket::abort()
}

void ThreadedSocket::deliver(IoEvent& event)
{
    if (m_state == State::Unconnected)
        return;
    if (event.closed) {
        if (m_state == State::Connected && m_inboundBytes > 0) {
            // The session has not read everything yet (its input is paused): the end waits.
            m_closePending = true;
            m_pendingError = event.error;
            return;
        }
        closed(event.error);
        return;
    }
    if (m_state != State::Connected)
        return; // closing: nothing more is read, as with a PlainSocket
    m_inboundBytes += event.data.size();
    m_inbound.append(std::move(event.data));
    if (Observer* const watcher = observer())
        watcher->socketReadable();
}

void ThreadedSocket::finishPendingClose()
{
    if (m_state != State::Unconnected)
        closed(m_pendingError);
}

void ThreadedSocket::closed(const QString& error)
{
    m_state = State::Unconnected;
    m_error = error;
    m_inbound = QList<QByteArray>();
    m_inboundOffset = 0;
    m_inboundBytes = 0;
    if (Observer* const watcher = observer())
        watcher->socketDisconnected();
}

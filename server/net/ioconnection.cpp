#include "net/ioconnection.h"

#include "net/iolink.h"
#include "net/iothreadpool.h"
#include "net/plainsocket.h"

IoConnection::IoConnection(IoLink* link, IoThreadPool* pool)
    : m_link(link), m_pool(pool), m_socket(std::make_unique<PlainSocket>(link->fd))
{
    m_socket->setObserver(this);
}

IoConnection::~IoConnection()
{
    m_socket->setObserver(nullptr);
    m_socket->abort();
}

void IoConnection::write(const QList<QByteArray>& lines)
{
    qint64 bytes = 0;
    for (const QByteArray& line : lines)
        bytes += line.size();
    const qint64 queuedBefore = m_socket->bytesToWrite();
    m_socket->write(lines);
    // What the kernel took at once is no longer unsent; the rest leaves the count as the socket
    // writes it (socketBytesWritten).
    const qint64 queued = m_socket->bytesToWrite() - queuedBefore;
    m_link->unsentBytes.fetch_sub(bytes - queued, std::memory_order_relaxed);
}

bool IoConnection::queueWrite(const QList<QByteArray>& lines)
{
    const bool first = m_queued.isEmpty();
    if (first)
        m_queued = lines; // shared, not copied
    else
        m_queued.append(lines);
    return first;
}

void IoConnection::flushWrites()
{
    if (m_queued.isEmpty())
        return;
    write(m_queued);
    m_queued = QList<QByteArray>();
}

void IoConnection::setReadWanted(bool wanted)
{
    m_readWanted = wanted;
    updateReading();
}

void IoConnection::resumeRead()
{
    updateReading();
}

void IoConnection::disconnectFromHost()
{
    m_socket->disconnectFromHost();
}

void IoConnection::abort()
{
    m_socket->abort();
}

void IoConnection::updateReading()
{
    m_socket->setReadEnabled(m_readWanted && !m_link->readStalled.load());
}

void IoConnection::socketReadable()
{
    char buffer[SessionSocket::ReadChunkBytes];
    for (;;) {
        const qint64 got = m_socket->read(buffer, SessionSocket::ReadChunkBytes);
        if (got <= 0)
            break;
        const qint64 unread = m_link->unreadBytes.fetch_add(got) + got;
        IoEvent event;
        event.link = m_link->shared_from_this();
        event.data = QByteArray(buffer, got);
        m_pool->pushEvent(std::move(event));
        if (got < SessionSocket::ReadChunkBytes || unread >= IoLink::MaxUnreadBytes)
            break;
    }
    if (m_link->unreadBytes.load() < IoLink::MaxUnreadBytes)
        return;
    // The core thread is behind with this client: stop reading it until it catches up. The
    // core thread may have caught up meanwhile and not seen the flag; then resume here (whoever
    // clears the flag first resumes, see ThreadedSocket::read()).
    m_link->readStalled.store(true);
    m_socket->setReadEnabled(false);
    if (m_link->unreadBytes.load() <= IoLink::MaxUnreadBytes / 2 &&
        m_link->readStalled.exchange(false))
        updateReading();
}

void IoConnection::socketDisconnected()
{
    IoEvent event;
    event.link = m_link->shared_from_this();
    event.closed = true;
    event.error = m_socket->errorString();
    m_pool->pushEvent(std::move(event));
}

void IoConnection::socketBytesWritten(qint64 bytes)
{
    m_link->unsentBytes.fetch_sub(bytes, std::memory_order_relaxed);
}

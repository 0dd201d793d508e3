#include "net/plainsocket.h"

#include "net/epolleventdispatcher.h"

#include <QEvent>
#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

namespace {
constexpr int MaxIoVectors = 256; // lines per sendmsg() (IOV_MAX is 1024 on Linux)

QHostAddress addressOf(int fd, int (*lookup)(int, sockaddr*, socklen_t*))
{
    if (fd < 0)
        return {};
    sockaddr_storage storage = {};
    socklen_t length = sizeof storage;
    if (lookup(fd, reinterpret_cast<sockaddr*>(&storage), &length) != 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr*>(&storage));
}
} // namespace

// Calls its PlainSocket's handler on activation: an event handler rather than a connection to
// activated(), which would cost every client a connection's memory.
class PlainSocket::Notifier final : public QSocketNotifier
{
public:
    Notifier(int fd, Type type, PlainSocket* socket, void (PlainSocket::*handler)())
        : QSocketNotifier(fd, type), m_socket(socket), m_handler(handler)
    {
    }

protected:
    bool event(QEvent* event) override
    {
        if (event->type() != QEvent::SockAct)
            return QSocketNotifier::event(event);
        (m_socket->*m_handler)();
        return true;
    }

private:
    PlainSocket* m_socket;
    void (PlainSocket::*m_handler)();
};

PlainSocket::PlainSocket(int descriptor) : m_fd(descriptor)
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0 && !(flags & O_NONBLOCK))
        ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK);
    const int on = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    m_readNotifier =
        std::make_unique<Notifier>(m_fd, QSocketNotifier::Read, this, &PlainSocket::onReadable);
}

PlainSocket::~PlainSocket()
{
    closeDescriptor();
    if (m_readGroup)
        m_readGroup->leaveReadGroup(m_readNotifier.get());
}

QHostAddress PlainSocket::peerAddress() const
{
    return peerAddressOf(m_fd);
}

QHostAddress PlainSocket::localAddress() const
{
    return localAddressOf(m_fd);
}

QHostAddress PlainSocket::peerAddressOf(int descriptor)
{
    return addressOf(descriptor, ::getpeername);
}

QHostAddress PlainSocket::localAddressOf(int descriptor)
{
    return addressOf(descriptor, ::getsockname);
}

qint64 PlainSocket::read(char* data, qint64 maxBytes)
{
    if (m_state != State::Connected || m_atEnd || maxBytes <= 0)
        return 0;
    for (;;) {
        const ssize_t got = ::read(m_fd, data, size_t(maxBytes));
        if (got > 0)
            return got;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return 0;
        // The end of the stream, or an error: the connection is over once the observer has
        // handled what came before (onReadable).
        m_atEnd = true;
        if (got < 0 && errno != ECONNRESET)
            m_error = errno;
        return 0;
    }
}

void PlainSocket::setReadEnabled(bool enabled)
{
    if (m_state == State::Connected)
        m_readNotifier->setEnabled(enabled);
}

bool PlainSocket::joinReadGroup()
{
    if (!m_readGroup && m_state == State::Connected) {
        EpollEventDispatcher* const dispatcher = EpollEventDispatcher::ofCurrentThread();
        if (dispatcher && dispatcher->joinReadGroup(m_readNotifier.get()))
            m_readGroup = dispatcher;
    }
    return !m_readGroup.isNull();
}

void PlainSocket::onReadable()
{
    if (m_state == State::Unconnected)
        return;
    if (m_failed) {
        finish();
        return;
    }
    if (Observer* const watcher = observer())
        watcher->socketReadable();
    else
        m_readNotifier->setEnabled(false); // nobody reads yet: no busy loop
    // The observer may have closed the socket meanwhile.
    if (m_atEnd && m_state != State::Unconnected)
        finish();
}

void PlainSocket::write(const QList<QByteArray>& lines)
{
    if (m_state == State::Unconnected || m_failed || lines.isEmpty())
        return;
    qsizetype line = 0;
    qint64 offset = 0;
    if (m_queue.isEmpty() && !send(lines, &line, &offset)) {
        failLater();
        return;
    }
    // What the kernel did not take waits, after the part it took.
    for (; line < lines.size(); ++line, offset = 0) {
        if (m_queue.isEmpty())
            m_queueOffset = offset;
        m_queue.append(lines.at(line));
        m_queuedBytes += lines.at(line).size() - offset;
    }
    if (m_queue.isEmpty())
        return;
    if (!m_writeNotifier) {
        m_writeNotifier = std::make_unique<Notifier>(m_fd, QSocketNotifier::Write, this,
                                                     &PlainSocket::onWritable);
    } else {
        m_writeNotifier->setEnabled(true);
    }
}

void PlainSocket::onWritable()
{
    if (m_state == State::Unconnected || m_failed)
        return;
    qsizetype line = 0;
    const qint64 before = m_queueOffset;
    if (!send(m_queue, &line, &m_queueOffset)) {
        m_writeNotifier->setEnabled(false);
        failLater();
        return;
    }
    // Count what went: the whole lines, less what had gone before, plus the new offset.
    qint64 sent = m_queueOffset - before;
    for (qsizetype i = 0; i < line; ++i)
        sent += m_queue.at(i).size();
    m_queuedBytes -= sent;
    m_queue.remove(0, line);
    if (Observer* const watcher = observer(); watcher && sent > 0)
        watcher->socketBytesWritten(sent);
    if (!m_queue.isEmpty())
        return;
    clearQueue();
    m_writeNotifier->setEnabled(false);
    if (m_state == State::Closing)
        finish();
}

bool PlainSocket::send(const QList<QByteArray>& lines, qsizetype* line, qint64* offset)
{
    iovec vectors[MaxIoVectors];
    while (*line < lines.size()) {
        int count = 0;
        qint64 total = 0;
        for (qsizetype i = *line; i < lines.size() && count < MaxIoVectors; ++i, ++count) {
            const qint64 skip = i == *line ? *offset : 0;
            vectors[count].iov_base = const_cast<char*>(lines.at(i).constData() + skip);
            vectors[count].iov_len = size_t(lines.at(i).size() - skip);
            total += qint64(vectors[count].iov_len);
        }
        msghdr message = {};
        message.msg_iov = vectors;
        message.msg_iovlen = size_t(count);
        // MSG_NOSIGNAL: a peer that is gone is an error here, not a SIGPIPE.
        const ssize_t written = ::sendmsg(m_fd, &message, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return true;
            m_error = errno == EPIPE || errno == ECONNRESET ? 0 : errno;
            return false;
        }
        qint64 left = written;
        while (left > 0) {
            const qint64 rest = lines.at(*line).size() - *offset;
            if (left < rest) {
                *offset += left;
                left = 0;
            } else {
                left -= rest;
                ++*line;
                *offset = 0;
            }
        }
        if (written < total)
            return true; // the kernel's buffer is full
    }
    return true;
}

void PlainSocket::failLater()
{
    m_failed = true;
    clearQueue();
    // The notifier is the context: the call is dropped if the socket is gone by then.
    QMetaObject::invokeMethod(
        m_readNotifier.get(), [this] { finish(); }, Qt::QueuedConnection);
}

void PlainSocket::disconnectFromHost()
{
    if (m_state != State::Connected)
        return;
    m_readNotifier->setEnabled(false);
    if (m_queue.isEmpty() || m_failed) {
        finish();
        return;
    }
    m_state = State::Closing; // onWritable() finishes once the queue is written
}

void PlainSocket::abort()
{
    if (m_state == State::Unconnected)
        return;
    clearQueue();
    finish();
}

void PlainSocket::clearQueue()
{
    m_queue = QList<QByteArray>(); // releases the list's storage, not only its lines
    m_queueOffset = 0;
    m_queuedBytes = 0;
}

QString PlainSocket::errorString() const
{
    return m_error == 0 ? QString() : QString::fromLocal8Bit(std::strerror(m_error));
}

void PlainSocket::closeDescriptor()
{
    if (m_fd < 0)
        return;
    // Off before the descriptor is closed: its number may be reused by the next connection.
    m_readNotifier->setEnabled(false);
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    m_state = State::Unconnected;
}

void PlainSocket::finish()
{
    if (m_state == State::Unconnected)
        return;
    closeDescriptor();
    if (Observer* const watcher = observer())
        watcher->socketDisconnected();
}

#pragma once

#include "net/sessionsocket.h"

#include <QPointer>

#include <memory>

class EpollEventDispatcher;

// A plain TCP connection read and written straight on its descriptor: one read() per wake-up
// into the caller's buffer, one sendmsg() for all the lines of a flush. QTcpSocket would ask the
// kernel how much there is to read (ioctl FIONREAD) before every read and copy every read and
// write through its own buffers; with a message per wake-up that was a third system call per
// message (docs/PERFORMANCE.md, stop 28). It also costs less memory per client.
//
// A read notifier is registered for the socket's life, switched off only after a close or by
// setReadEnabled(). In its thread's read group (joinReadGroup()) it stays on while the server
// pauses its input: the dispatcher stops watching the group as a whole instead. A write notifier
// exists only once the kernel has refused bytes, and is on only while some wait.
class PlainSocket final : public SessionSocket
{
public:
    // Takes the connected descriptor (made non-blocking, TCP_NODELAY) and closes it when done.
    explicit PlainSocket(int descriptor);
    ~PlainSocket() override;

    PlainSocket(const PlainSocket&) = delete;
    PlainSocket& operator=(const PlainSocket&) = delete;

    bool isTls() const override { return false; }
    int descriptor() const override { return m_fd; }
    State state() const override { return m_state; }
    QHostAddress peerAddress() const override;
    QHostAddress localAddress() const override;
    qint64 read(char* data, qint64 maxBytes) override;
    void setReadEnabled(bool enabled) override;
    bool joinReadGroup() override;
    void write(const QList<QByteArray>& lines) override;
    qint64 bytesToWrite() const override { return m_queuedBytes; }
    void disconnectFromHost() override;
    void abort() override;
    QString errorString() const override;

    // The addresses of a connected descriptor; null if it has none (closed, not connected).
    static QHostAddress peerAddressOf(int descriptor);
    static QHostAddress localAddressOf(int descriptor);

private:
    class Notifier;

    void onReadable();
    void onWritable();
    // Sends lines from (*line, *offset) on, advancing both past what the kernel took; false on
    // an error other than a full buffer (m_error then says which).
    bool send(const QList<QByteArray>& lines, qsizetype* line, qint64* offset);
    // A write failed: the connection ends on the next event-loop pass, not inside the write.
    void failLater();
    // Drops every line still waiting for the kernel.
    void clearQueue();
    void closeDescriptor();
    // Closes and tells the observer.
    void finish();

    int m_fd;
    State m_state = State::Connected;
    int m_error = 0;       // errno of the failure that ended the connection; 0: the peer closed it
    bool m_atEnd = false;  // read() met the end of the stream (or a reset)
    bool m_failed = false; // a write failed; finish() is posted
    std::unique_ptr<Notifier> m_readNotifier;
    QPointer<EpollEventDispatcher> m_readGroup; // whose read group m_readNotifier is in
    std::unique_ptr<Notifier> m_writeNotifier; // created the first time the kernel is full
    QList<QByteArray> m_queue;                 // lines the kernel has not taken yet
    qint64 m_queueOffset = 0;                  // bytes of m_queue.first() already sent
    qint64 m_queuedBytes = 0;
};

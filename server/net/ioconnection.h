#pragma once

#include "net/sessionsocket.h"

#include <memory>

struct IoLink;
class IoThreadPool;
class PlainSocket;

// The I/O thread's side of a ThreadedSocket: the connection's PlainSocket, read into events for
// the core thread and written with the lines the core thread hands over. Lives, and dies, on its
// I/O thread (it holds socket notifiers).
class IoConnection final : private SessionSocket::Observer
{
public:
    // Takes link->fd (made non-blocking, TCP_NODELAY) and starts reading it.
    IoConnection(IoLink* link, IoThreadPool* pool);
    ~IoConnection(); // closes the descriptor if still open, without telling the core thread

    IoConnection(const IoConnection&) = delete;
    IoConnection& operator=(const IoConnection&) = delete;

    void write(const QList<QByteArray>& lines);
    // Lines kept for flushWrites(): the writes of several core-thread passes that arrive in one
    // batch go out with one sendmsg(). Returns true if nothing was queued before.
    bool queueWrite(const QList<QByteArray>& lines);
    void flushWrites();
    bool hasQueuedWrites() const { return !m_queued.isEmpty(); }
    // The session's wish (flood control, history backlog); reading also stops while the core
    // thread has IoLink::MaxUnreadBytes to read.
    void setReadWanted(bool wanted);
    // Reading again after a stall the core thread has ended.
    void resumeRead();
    void disconnectFromHost();
    void abort();

private:
    void socketReadable() override;
    void socketDisconnected() override;
    void socketBytesWritten(qint64 bytes) override;
    void updateReading();

    IoLink* m_link;
    IoThreadPool* m_pool;
    std::unique_ptr<PlainSocket> m_socket;
    bool m_readWanted = true;
    QList<QByteArray> m_queued; // queueWrite() since the last flushWrites()
};

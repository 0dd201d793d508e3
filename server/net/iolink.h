#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <memory>

class IoConnection;
class ThreadedSocket;

// What a ThreadedSocket (on the server's core thread) and its IoConnection (on an I/O thread)
// share: one per plain connection when confabd runs with --threads above 1. Each side touches
// only its own pointer; the counters are atomics read by both.
struct IoLink : std::enable_shared_from_this<IoLink>
{
    // Out of line: IoConnection is complete only there.
    IoLink(int descriptor, int threadIndex);
    ~IoLink();

    IoLink(const IoLink&) = delete;
    IoLink& operator=(const IoLink&) = delete;

    const int fd;
    const int threadIndex; // the I/O thread that owns fd (IoThreadPool's numbering)

    ThreadedSocket* front = nullptr;  // core thread only; null once the socket is gone
    std::unique_ptr<IoConnection> io; // I/O thread only; reset there

    // Bytes handed to the I/O thread or queued there, not yet taken by the kernel.
    std::atomic<qint64> unsentBytes{0};
    // Bytes read on the I/O thread and not yet read() on the core thread.
    std::atomic<qint64> unreadBytes{0};
    // The I/O thread stopped reading because unreadBytes reached IoLink::MaxUnreadBytes; whoever
    // clears it first (exchange) makes reading resume.
    std::atomic<bool> readStalled{false};

    // More than this waiting for the core thread and the I/O thread stops reading the client
    // (the kernel, then TCP, hold the rest back), as a single-threaded server stops when busy.
    static constexpr qint64 MaxUnreadBytes = 64 * 1024;
};

// Core thread to I/O thread.
struct IoCommand
{
    enum class Kind : quint8 {
        Adopt,       // make the IoConnection (PlainSocket) for link->fd and start reading
        Write,       // lines
        ReadEnabled, // enabled
        ResumeRead,  // the core thread has read what had stalled reading
        Disconnect,  // close once written
        Abort,       // close now
        Release,     // the ThreadedSocket is gone: close if open, drop the IoConnection
        Stop,        // (no link) the thread's loop ends
    };
    Kind kind;
    bool enabled = false;
    std::shared_ptr<IoLink> link;
    QList<QByteArray> lines;
};

// I/O thread to core thread: bytes read, or the end of the connection.
struct IoEvent
{
    std::shared_ptr<IoLink> link;
    QByteArray data;
    bool closed = false;
    QString error; // closed: why (empty: the peer closed it)
};

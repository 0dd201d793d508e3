#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

// The byte stream under one ClientSession: PlainSocket (a TCP descriptor the session reads and
// writes itself) or TlsSocket (a QSslSocket). The session sees only this interface and is told
// of the socket's events through its Observer, without signal connections (they cost memory
// per client, and the server's memory per idle client is a benchmark target).
class SessionSocket
{
public:
    class Observer
    {
    public:
        // Bytes (or the end of the stream) can be read: call read() until it returns 0.
        virtual void socketReadable() = 0;
        // The socket is closed: by the peer, by an error, or by disconnectFromHost()/abort().
        // Told once; nothing more is read or written.
        virtual void socketDisconnected() = 0;
        // Bytes that had been queued (see bytesToWrite()) went to the kernel.
        virtual void socketBytesWritten(qint64 bytes) { Q_UNUSED(bytes); }

    protected:
        ~Observer() = default;
    };

    enum class State { Connected, Closing, Unconnected };

    // Bytes its readers (ClientSession, IoConnection) read at a time, into a buffer on the
    // stack; the line framer bounds each line.
    static constexpr qint64 ReadChunkBytes = 16 * 1024;

    virtual ~SessionSocket() = default;

    void setObserver(Observer* observer) { m_observer = observer; }

    virtual bool isTls() const = 0;
    // The kernel's socket, for socket options; -1 once closed.
    virtual int descriptor() const = 0;
    virtual State state() const = 0;
    virtual QHostAddress peerAddress() const = 0;
    virtual QHostAddress localAddress() const = 0;

    // Copies at most maxBytes of what has arrived into data and returns how many; 0 when
    // nothing more is there now. Never blocks.
    virtual qint64 read(char* data, qint64 maxBytes) = 0;
    // Bytes already read from the kernel and waiting in the socket (TLS: decrypted ones).
    virtual qint64 bufferedBytes() const { return 0; }
    // Off: no socketReadable() until it is switched on again (the kernel, then TCP, hold the
    // bytes back).
    virtual void setReadEnabled(bool enabled) = 0;
    // Puts the socket's reading in its thread's read group (EpollEventDispatcher), which the
    // server pauses as a whole while the history writer catches up; false if it cannot be
    // (another dispatcher, or reading done elsewhere: TLS, an I/O thread).
    virtual bool joinReadGroup() { return false; }

    // Writes the lines in order; what cannot be written now is queued and sent when it can.
    // Errors end the connection (socketDisconnected), never here and now.
    virtual void write(const QList<QByteArray>& lines) = 0;
    // Bytes written and not yet handed to the kernel.
    virtual qint64 bytesToWrite() const = 0;

    // Closes once the queued bytes are written (state Closing until then).
    virtual void disconnectFromHost() = 0;
    // Closes at once; queued bytes are lost.
    virtual void abort() = 0;

    // Why the connection ended: empty when the peer closed it.
    virtual QString errorString() const = 0;

protected:
    Observer* observer() const { return m_observer; }

private:
    Observer* m_observer = nullptr;
};

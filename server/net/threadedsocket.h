#pragma once

#include "net/sessionsocket.h"

#include <QByteArray>
#include <QList>

#include <memory>

struct IoEvent;
struct IoLink;
class IoThreadPool;

// A plain TCP connection whose descriptor is read and written on one of the I/O threads
// (--threads above 1): the session on the server's core thread sees it like a PlainSocket.
// Writes go to the I/O thread in batches, once per event-loop pass; what the I/O thread reads
// comes back as IoEvents and waits here until the session reads it.
class ThreadedSocket final : public SessionSocket
{
public:
    ThreadedSocket(IoThreadPool* pool, std::shared_ptr<IoLink> link);
    ~ThreadedSocket() override;

    ThreadedSocket(const ThreadedSocket&) = delete;
    ThreadedSocket& operator=(const ThreadedSocket&) = delete;

    bool isTls() const override { return false; }
    int descriptor() const override;
    State state() const override { return m_state; }
    QHostAddress peerAddress() const override;
    QHostAddress localAddress() const override;
    qint64 read(char* data, qint64 maxBytes) override;
    qint64 bufferedBytes() const override { return m_inboundBytes; }
    void setReadEnabled(bool enabled) override;
    void write(const QList<QByteArray>& lines) override;
    qint64 bytesToWrite() const override;
    void disconnectFromHost() override;
    void abort() override;
    QString errorString() const override { return m_error; }

    // The pool hands over what the I/O thread saw (core thread).
    void deliver(IoEvent& event);
    // A close that waited for the session to read what came before it (core thread).
    void finishPendingClose();

private:
    void closed(const QString& error);

    IoThreadPool* m_pool;
    std::shared_ptr<IoLink> m_link;
    State m_state = State::Connected;
    QString m_error;
    QList<QByteArray> m_inbound; // read on the I/O thread, not yet by the session
    qint64 m_inboundOffset = 0;  // bytes of m_inbound.first() already read
    qint64 m_inboundBytes = 0;
    bool m_closePending = false; // the end came while bytes were still unread
    QString m_pendingError;
};

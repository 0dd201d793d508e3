#pragma once

// Shared by the suites of SessionSocket implementations (tst_plainsocket, tst_iothreadpool): an
// observer that records, test lines, and a connected pair of sockets on 127.0.0.1.
#include "net/sessionsocket.h"

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

// Records what a socket tells its observer, reading as ClientSession does: until a read leaves
// the buffer part empty.
class SocketRecorder : public SessionSocket::Observer
{
public:
    explicit SocketRecorder(SessionSocket* socket) : m_socket(socket) { socket->setObserver(this); }

    QByteArray received;
    int readableCount = 0;
    int disconnectedCount = 0;
    bool readWhenTold = true;

    void socketReadable() override
    {
        ++readableCount;
        if (readWhenTold)
            readAll();
    }
    void socketDisconnected() override { ++disconnectedCount; }

    void readAll()
    {
        char buffer[512];
        for (;;) {
            const qint64 got = m_socket->read(buffer, sizeof buffer);
            received.append(buffer, got);
            if (got < qint64(sizeof buffer))
                return;
        }
    }

private:
    SessionSocket* m_socket;
};

// count lines of about padding bytes, each starting with its number.
inline QList<QByteArray> numberedLines(int count, int padding)
{
    QList<QByteArray> lines;
    for (int i = 0; i < count; ++i)
        lines.append(QByteArray::number(i) + ' ' + QByteArray(padding, 'x') + "\r\n");
    return lines;
}

// A connected pair: the peer is a QTcpSocket, the server's end the SessionSocket that makeSocket
// makes of (a copy of) the accepted descriptor, with SO_SNDBUF set if sendBufferBytes > 0.
struct SocketPair
{
    std::unique_ptr<QTcpSocket> peer;
    std::unique_ptr<SessionSocket> socket;
};

inline SocketPair connectPair(QTcpServer& listener,
                              const std::function<std::unique_ptr<SessionSocket>(int)>& makeSocket,
                              int sendBufferBytes = 0)
{
    SocketPair pair;
    pair.peer = std::make_unique<QTcpSocket>();
    pair.peer->connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    if (!listener.waitForNewConnection(5000) || !pair.peer->waitForConnected(5000))
        return {};
    QTcpSocket* accepted = listener.nextPendingConnection();
    const int fd = ::dup(int(accepted->socketDescriptor()));
    delete accepted;
    if (sendBufferBytes > 0)
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &sendBufferBytes, sizeof sendBufferBytes);
    pair.socket = makeSocket(fd);
    return pair;
}

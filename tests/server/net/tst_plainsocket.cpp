// PlainSocket over real TCP connections on 127.0.0.1: reading, the end of the stream, resets,
// writes the kernel cannot take at once, closing with and without flushing, and paused input.
// ctest runs it on Qt's dispatcher and on EpollEventDispatcher (tst_plainsocket_epoll).
#include "net/plainsocket.h"
#include "servertestmain.h"
#include "sessionsockettest.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

#include <sys/socket.h>
#include <unistd.h>

namespace {

SocketPair connectPair(QTcpServer& listener, int sendBufferBytes = 0)
{
    return connectPair(
        listener, [](int fd) { return std::make_unique<PlainSocket>(fd); }, sendBufferBytes);
}

// Closes the peer with a reset (SO_LINGER 0) rather than an orderly end.
void resetPeer(QTcpSocket* peer)
{
    const linger hard = {1, 0};
    ::setsockopt(int(peer->socketDescriptor()), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    peer->abort();
}

// Whether bytes are numberedLines() in order, complete.
bool inOrder(const QByteArray& bytes, int count)
{
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.size() != count + 1 || !lines.last().isEmpty())
        return false;
    for (int i = 0; i < count; ++i) {
        if (lines.at(i).left(lines.at(i).indexOf(' ')).toInt() != i)
            return false;
    }
    return true;
}

} // namespace

class tst_PlainSocket : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readsWhatArrives();
    void addressesAreTheConnections();
    void endOfStreamAfterTheLastBytes();
    void resetByPeerIsAnEndWithoutError();
    void fullKernelBufferQueuesInOrder();
    void disconnectFromHostWritesQueuedBytesFirst();
    void abortDropsQueuedBytes();
    void writeToVanishedPeerEndsOnTheNextPass();
    void pausedInputWaitsInTheKernel();

private:
    QTcpServer m_listener;
};

void tst_PlainSocket::init()
{
    if (!m_listener.isListening())
        QVERIFY(m_listener.listen(QHostAddress(QHostAddress::LocalHost)));
}

void tst_PlainSocket::readsWhatArrives()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->write("NICK ann\r\n");
    QVERIFY(c.peer->waitForBytesWritten(5000));
    QTRY_COMPARE(recorder.received, QByteArray("NICK ann\r\n"));
    // More than one read's worth in one go arrives whole and in order.
    const QList<QByteArray> lines = numberedLines(200, 100);
    c.peer->write(lines.join());
    QTRY_VERIFY(inOrder(recorder.received.mid(10), 200));
    QCOMPARE(c.socket->state(), SessionSocket::State::Connected);
    QCOMPARE(c.socket->bufferedBytes(), 0);
    QCOMPARE(recorder.disconnectedCount, 0);
}

void tst_PlainSocket::addressesAreTheConnections()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    QCOMPARE(c.socket->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.socket->localAddress(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(c.socket->descriptor() >= 0);
    QVERIFY(!c.socket->isTls());
}

void tst_PlainSocket::endOfStreamAfterTheLastBytes()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->write("QUIT :bye\r\n");
    c.peer->disconnectFromHost();
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(recorder.received, QByteArray("QUIT :bye\r\n"));
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
    QCOMPARE(c.socket->descriptor(), -1);
    QVERIFY(c.socket->errorString().isEmpty());
    QTest::qWait(50);
    QCOMPARE(recorder.disconnectedCount, 1); // told once
}

void tst_PlainSocket::resetByPeerIsAnEndWithoutError()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    resetPeer(c.peer.get());
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QVERIFY2(c.socket->errorString().isEmpty(), qPrintable(c.socket->errorString()));
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
}

void tst_PlainSocket::fullKernelBufferQueuesInOrder()
{
    SocketPair c = connectPair(m_listener, 8192);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->setReadBufferSize(1); // takes (almost) nothing from the kernel until told
    constexpr int Count = 5000;
    const QList<QByteArray> lines = numberedLines(Count, 300);
    qint64 total = 0;
    for (const QByteArray& line : lines)
        total += line.size();
    // In two writes, the second while the first still waits: it must queue behind it.
    c.socket->write(lines.mid(0, Count / 2));
    QVERIFY2(c.socket->bytesToWrite() > 0, "the kernel took everything: nothing was queued");
    c.socket->write(lines.mid(Count / 2));
    QVERIFY(c.socket->bytesToWrite() > total / 2);
    QVERIFY(c.socket->bytesToWrite() < total);

    c.peer->setReadBufferSize(0);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += c.peer->readAll();
            return received.size() >= total;
        },
        20000));
    QCOMPARE(received.size(), total);
    QVERIFY(inOrder(received, Count));
    QTRY_COMPARE(c.socket->bytesToWrite(), 0);
    QCOMPARE(c.socket->state(), SessionSocket::State::Connected);
    QCOMPARE(recorder.disconnectedCount, 0);
}

void tst_PlainSocket::disconnectFromHostWritesQueuedBytesFirst()
{
    SocketPair c = connectPair(m_listener, 8192);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->setReadBufferSize(1);
    constexpr int Count = 2000;
    const QList<QByteArray> lines = numberedLines(Count, 300);
    c.socket->write(lines);
    QVERIFY(c.socket->bytesToWrite() > 0);
    c.socket->disconnectFromHost();
    QCOMPARE(c.socket->state(), SessionSocket::State::Closing);
    QCOMPARE(recorder.disconnectedCount, 0);

    c.peer->setReadBufferSize(0);
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += c.peer->readAll();
            return c.peer->state() == QAbstractSocket::UnconnectedState;
        },
        20000));
    received += c.peer->readAll();
    QVERIFY(inOrder(received, Count));
    QCOMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
}

void tst_PlainSocket::abortDropsQueuedBytes()
{
    SocketPair c = connectPair(m_listener, 8192);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->setReadBufferSize(1);
    c.socket->write(numberedLines(2000, 300));
    QVERIFY(c.socket->bytesToWrite() > 0);
    c.socket->abort();
    QCOMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(c.socket->bytesToWrite(), 0);
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
    c.socket->write({"more\r\n"}); // ignored, not a crash
    QCOMPARE(c.socket->bytesToWrite(), 0);
    c.peer->setReadBufferSize(0);
    QTRY_COMPARE(c.peer->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(recorder.disconnectedCount, 1);
}

void tst_PlainSocket::writeToVanishedPeerEndsOnTheNextPass()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    recorder.readWhenTold = false; // the end is seen through the failed write, not a read
    c.socket->setReadEnabled(false);
    resetPeer(c.peer.get());
    QTest::qWait(50);
    QCOMPARE(recorder.disconnectedCount, 0);
    const QList<QByteArray> lines = numberedLines(10, 200);
    for (int i = 0; i < 10 && c.socket->state() == SessionSocket::State::Connected; ++i)
        c.socket->write(lines); // no SIGPIPE; never told from inside write()
    QCOMPARE(recorder.disconnectedCount, 0);
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QVERIFY2(c.socket->errorString().isEmpty(), qPrintable(c.socket->errorString()));
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
}

void tst_PlainSocket::pausedInputWaitsInTheKernel()
{
    SocketPair c = connectPair(m_listener);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.socket->setReadEnabled(false);
    c.peer->write("PRIVMSG #room :held\r\n");
    QVERIFY(c.peer->waitForBytesWritten(5000));
    QTest::qWait(100);
    QCOMPARE(recorder.readableCount, 0);
    QVERIFY(recorder.received.isEmpty());
    c.socket->setReadEnabled(true);
    QTRY_COMPARE(recorder.received, QByteArray("PRIVMSG #room :held\r\n"));
}

CONFAB_SERVER_TEST_MAIN(tst_PlainSocket)
#include "tst_plainsocket.moc"

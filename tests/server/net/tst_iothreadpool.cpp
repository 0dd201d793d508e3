// I/O threads (--threads above 1) over real TCP connections on 127.0.0.1: ThreadedSocket on the
// test's (core) thread, its descriptor read and written by an IoThread. Bytes both ways in order,
// the end of the stream after the bytes before it, flushing before a close, aborts, the send
// queue count, paused input, the stall when the core thread does not read, and a whole Server
// with three threads. ctest runs it on Qt's dispatcher and on EpollEventDispatcher.
#include "config/serverconfig.h"
#include "net/clientsession.h"
#include "net/iolink.h"
#include "net/iothreadpool.h"
#include "net/server.h"
#include "net/threadedsocket.h"
#include "servertestmain.h"
#include "sessionsockettest.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <memory>

#include <sys/socket.h>
#include <unistd.h>

namespace {

bool usesEpoll()
{
    return qobject_cast<EpollEventDispatcher*>(QCoreApplication::eventDispatcher()) != nullptr;
}

// A connected pair whose server end is a ThreadedSocket of the pool.
SocketPair connectPair(QTcpServer& listener, IoThreadPool& pool, int sendBufferBytes = 0)
{
    return connectPair(
        listener, [&pool](int fd) { return pool.adopt(fd); }, sendBufferBytes);
}

// Reads from the peer until it has count bytes (or 10 s have passed).
QByteArray readFromPeer(QTcpSocket* peer, qint64 count)
{
    QByteArray got;
    const bool complete = QTest::qWaitFor(
        [&] {
            got += peer->readAll();
            return got.size() >= count;
        },
        10000);
    Q_UNUSED(complete); // the caller compares what came
    return got;
}

} // namespace

class tst_IoThreadPool : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void bytesGoBothWaysInOrder();
    void connectionsAreDealtToTheThreadsInTurn();
    void peerCloseComesAfterItsBytes();
    void closeWaitsUntilTheBytesBeforeItAreRead();
    void disconnectFlushesFirst();
    void bytesToWriteCountsWhatThePeerHasNotTaken();
    void abortClosesAtOnce();
    void pausedReadingHoldsBytesBack();
    void unreadInputStallsReadingUntilRead();
    void destroyingTheSocketClosesIt();
    void serverWithThreadsServesPlainClientsOnThem();
    void serverGoesWhileAClosedSessionAwaitsDeletion();

private:
    std::unique_ptr<QTcpServer> m_listener;
    std::unique_ptr<IoThreadPool> m_pool;
};

void tst_IoThreadPool::init()
{
    m_listener = std::make_unique<QTcpServer>();
    QVERIFY(m_listener->listen(QHostAddress(QHostAddress::LocalHost)));
    m_pool = std::make_unique<IoThreadPool>(2, usesEpoll());
    QCOMPARE(m_pool->threadCount(), 2);
}

void tst_IoThreadPool::cleanup()
{
    m_pool.reset();
    m_listener.reset();
}

void tst_IoThreadPool::bytesGoBothWaysInOrder()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    QVERIFY(!c.socket->isTls());
    QCOMPARE(c.socket->state(), SessionSocket::State::Connected);
    QCOMPARE(c.socket->peerAddress(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c.socket->localAddress(), QHostAddress(QHostAddress::LocalHost));
    SocketRecorder recorder(c.socket.get());

    // Out: several writes, as several event-loop passes would make them.
    const QList<QByteArray> lines = numberedLines(3000, 40);
    QByteArray expected;
    for (qsizetype i = 0; i < lines.size(); i += 300) {
        const QList<QByteArray> part = lines.mid(i, 300);
        c.socket->write(part);
        for (const QByteArray& line : part)
            expected += line;
        QCoreApplication::processEvents();
    }
    QCOMPARE(readFromPeer(c.peer.get(), expected.size()), expected);
    QTRY_COMPARE(c.socket->bytesToWrite(), qint64(0));

    // In: more than one read's worth, in order.
    QByteArray sent;
    for (const QByteArray& line : numberedLines(2000, 60))
        sent += line;
    c.peer->write(sent);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.received.size(), sent.size(), 10000);
    QCOMPARE(recorder.received, sent);
    QVERIFY(recorder.readableCount >= 1);
    QCOMPARE(recorder.disconnectedCount, 0);
}

void tst_IoThreadPool::connectionsAreDealtToTheThreadsInTurn()
{
    SocketPair a = connectPair(*m_listener, *m_pool);
    SocketPair b = connectPair(*m_listener, *m_pool);
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(a.socket && b.socket && c.socket);
    QTRY_COMPARE(m_pool->connectionCount(0) + m_pool->connectionCount(1), 3);
    QCOMPARE(m_pool->connectionCount(0), 2);
    QCOMPARE(m_pool->connectionCount(1), 1);
    b.socket.reset();
    QTRY_COMPARE(m_pool->connectionCount(1), 0);
    QCOMPARE(m_pool->connectionCount(0), 2);
}

void tst_IoThreadPool::peerCloseComesAfterItsBytes()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.peer->write("last words\r\n");
    c.peer->disconnectFromHost();
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(recorder.received, QByteArray("last words\r\n"));
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
    QCOMPARE(c.socket->descriptor(), -1);
    QVERIFY(c.socket->errorString().isEmpty()); // closed by the peer, not an error
    QTest::qWait(50);
    QCOMPARE(recorder.disconnectedCount, 1); // told once
}

void tst_IoThreadPool::closeWaitsUntilTheBytesBeforeItAreRead()
{
    // A session whose input is paused has not read the last lines when the end arrives: the end
    // waits for them, as the kernel would hold it behind them for a PlainSocket.
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    recorder.readWhenTold = false;
    c.peer->write("QUIT :bye\r\n");
    c.peer->disconnectFromHost();
    QTRY_COMPARE(c.socket->bufferedBytes(), qint64(11));
    QTest::qWait(100);
    QCOMPARE(recorder.disconnectedCount, 0);
    QCOMPARE(c.socket->state(), SessionSocket::State::Connected);
    recorder.readAll();
    QCOMPARE(recorder.received, QByteArray("QUIT :bye\r\n"));
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
}

void tst_IoThreadPool::disconnectFlushesFirst()
{
    SocketPair c = connectPair(*m_listener, *m_pool, 16 * 1024);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    const QList<QByteArray> lines = numberedLines(20000, 180); // about 4 MB
    QByteArray expected;
    for (const QByteArray& line : lines)
        expected += line;
    c.socket->write(lines);
    c.socket->disconnectFromHost();
    QCOMPARE(c.socket->state(), SessionSocket::State::Closing);
    QCOMPARE(readFromPeer(c.peer.get(), expected.size()), expected);
    QTRY_COMPARE(recorder.disconnectedCount, 1);
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
    QTRY_VERIFY(c.peer->state() == QAbstractSocket::UnconnectedState ||
                c.peer->waitForDisconnected(100));
}

void tst_IoThreadPool::bytesToWriteCountsWhatThePeerHasNotTaken()
{
    SocketPair c = connectPair(*m_listener, *m_pool, 16 * 1024);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    const QList<QByteArray> lines = numberedLines(40000, 200); // about 8.5 MB
    qint64 total = 0;
    for (const QByteArray& line : lines)
        total += line.size();
    c.peer->setReadBufferSize(4096); // the peer takes little until read
    c.socket->write(lines);
    QCOMPARE(c.socket->bytesToWrite(), total); // handed over, nothing written yet
    // The kernel takes what fits; the rest waits on the I/O thread and is counted.
    QTest::qWait(300);
    const qint64 waiting = c.socket->bytesToWrite();
    QVERIFY2(waiting > 0 && waiting < total, QByteArray::number(waiting).constData());
    c.peer->setReadBufferSize(0);
    QCOMPARE(readFromPeer(c.peer.get(), total).size(), total);
    QTRY_COMPARE(c.socket->bytesToWrite(), qint64(0));
}

void tst_IoThreadPool::abortClosesAtOnce()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.socket->abort();
    QCOMPARE(c.socket->state(), SessionSocket::State::Unconnected);
    QCOMPARE(recorder.disconnectedCount, 1); // told within abort(), as a PlainSocket does
    QTRY_COMPARE(c.peer->state(), QAbstractSocket::UnconnectedState);
    c.socket->write({"too late\r\n"});
    QTest::qWait(50);
    QCOMPARE(recorder.disconnectedCount, 1);
}

void tst_IoThreadPool::pausedReadingHoldsBytesBack()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    c.socket->setReadEnabled(false);
    QCoreApplication::processEvents(); // the command goes to the I/O thread
    QTest::qWait(50);
    c.peer->write("held\r\n");
    QTest::qWait(200);
    QCOMPARE(recorder.readableCount, 0);
    QCOMPARE(c.socket->bufferedBytes(), qint64(0));
    c.socket->setReadEnabled(true);
    QTRY_COMPARE(recorder.received, QByteArray("held\r\n"));
}

void tst_IoThreadPool::unreadInputStallsReadingUntilRead()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    SocketRecorder recorder(c.socket.get());
    recorder.readWhenTold = false;
    QByteArray sent;
    for (const QByteArray& line : numberedLines(8000, 100)) // about 900 kB
        sent += line;
    c.peer->write(sent);
    // The I/O thread reads up to its limit and stops: the rest stays in the kernel (and TCP).
    QTRY_VERIFY(c.socket->bufferedBytes() >= IoLink::MaxUnreadBytes);
    QTest::qWait(200);
    QVERIFY2(c.socket->bufferedBytes() <= IoLink::MaxUnreadBytes + 16 * 1024,
             QByteArray::number(c.socket->bufferedBytes()).constData());
    // Once the core thread reads, the I/O thread reads again, until everything is here.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            recorder.readAll();
            return recorder.received.size() == sent.size();
        }(),
        10000);
    QCOMPARE(recorder.received, sent);
}

void tst_IoThreadPool::destroyingTheSocketClosesIt()
{
    SocketPair c = connectPair(*m_listener, *m_pool);
    QVERIFY(c.socket);
    QTRY_COMPARE(m_pool->connectionCount(0), 1);
    c.socket.reset();
    QTRY_COMPARE(c.peer->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(m_pool->connectionCount(0), 0);
}

void tst_IoThreadPool::serverWithThreadsServesPlainClientsOnThem()
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.threads = 3;
    Server server(config);
    QVERIFY(server.listen());
    QVERIFY(server.ioThreads());
    QCOMPARE(server.ioThreads()->threadCount(), 2);

    TestClient ann;
    TestClient bob;
    ann.connectToServer(server.serverPort());
    ann.registerUser(QStringLiteral("ann"));
    QTRY_VERIFY(ann.has(QStringLiteral("001")));
    bob.connectToServer(server.serverPort());
    bob.registerUser(QStringLiteral("bob"));
    QTRY_VERIFY(bob.has(QStringLiteral("001")));
    QTRY_COMPARE(server.ioThreads()->connectionCount(0), 1);
    QTRY_COMPARE(server.ioThreads()->connectionCount(1), 1);

    ann.sendLine("PRIVMSG bob :hello from another thread");
    QTRY_VERIFY(bob.has(QStringLiteral("PRIVMSG")));
    QCOMPARE(bob.last(QStringLiteral("PRIVMSG")).params().value(1),
             QStringLiteral("hello from another thread"));

    bob.sendLine("QUIT :done");
    QTRY_VERIFY(bob.has(QStringLiteral("ERROR")));
    QTRY_VERIFY(ann.has(QStringLiteral("QUIT"))); // both are in the default room
    QTRY_COMPARE(server.clientCount(), 1);
    QTRY_COMPARE(server.ioThreads()->connectionCount(0) + server.ioThreads()->connectionCount(1),
                 1);
}

// A session that has finished is deleted later; a Server destroyed before that must delete it
// itself while its I/O threads still exist (the session's socket tells them it is gone).
void tst_IoThreadPool::serverGoesWhileAClosedSessionAwaitsDeletion()
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.threads = 2;
    auto server = std::make_unique<Server>(config);
    QVERIFY(server->listen());
    TestClient ann;
    ann.connectToServer(server->serverPort());
    ann.registerUser(QStringLiteral("ann"));
    QTRY_VERIFY(ann.has(QStringLiteral("001")));
    ann.abort();
    // One pass of the loop at a time: the pass that finishes the session posts its deleteLater(),
    // which only a later pass runs (QTest::qWait() would run it at once).
    QElapsedTimer clock;
    clock.start();
    while (server->clientCount() > 0 && clock.elapsed() < 5000) {
        QCoreApplication::processEvents();
        QThread::msleep(1);
    }
    QCOMPARE(server->clientCount(), 0);
    QVERIFY(!server->findChildren<ClientSession*>().isEmpty()); // the case under test
    server.reset(); // ASan: no use of the I/O threads after they are gone
}

CONFAB_SERVER_TEST_MAIN(tst_IoThreadPool)
#include "tst_iothreadpool.moc"

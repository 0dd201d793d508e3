// ClientSession over real sockets: liveness (PING/PONG, ping timeout, registration timeout),
// flood control (token bucket, "Excess Flood") and the send-queue cap ("SendQ exceeded").
#include "core/servercore.h"
#include "net/clientsession.h"
#include "net/iothreadpool.h"
#include "net/plainsocket.h"
#include "net/server.h"
#include "net/writebatcher.h"
#include "servertestmain.h"
#include "testclient.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <memory>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
// The port of the peer of a connected IPv4 socket; 0 if unknown.
quint16 peerPortOf(int fd)
{
    sockaddr_in peer = {};
    socklen_t length = sizeof peer;
    if (fd < 0 || ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &length) != 0 ||
        peer.sin_family != AF_INET)
        return 0;
    return ntohs(peer.sin_port);
}

// The accepted connection as the Listener hands it to a session: a PlainSocket on (a copy of)
// its descriptor, or with I/O threads a ThreadedSocket. The QTcpSocket is deleted.
std::unique_ptr<SessionSocket> takeDescriptor(QTcpSocket* accepted, IoThreadPool* ioThreads)
{
    const int fd = ::dup(int(accepted->socketDescriptor()));
    delete accepted;
    if (ioThreads)
        return ioThreads->adopt(fd);
    return std::make_unique<PlainSocket>(fd);
}
} // namespace

class tst_ClientSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();

    void clientPingGetsPong();
    void pingWithoutToken();
    void idleClientIsPinged();
    void pingTimeout();
    void registrationTimeout();
    void floodIsSlowedDown();
    void excessFlood();
    void manyLinesInOneRead_data();
    void manyLinesInOneRead();
    void sendQueueExceeded();
    void slowReaderGetsEverythingInOrder();
    void idleSessionHoldsNoOutput();
    void pausedInputWaitsWithoutBusyLoop();
    void linesOfOneIterationAreOneBatch();
    void writeToVanishedPeer();
    void normalizedAddress_data();
    void normalizedAddress();

private:
    ServerConfig testConfig() const;
    bool start(const ServerConfig& config);
    TestClient* connectRaw();
    TestClient* login(const QString& nick);

    std::unique_ptr<Server> m_server;
    QList<TestClient*> m_clients;
    // With CONFAB_TEST_THREADS above 1, the sessions made here without a Server use these.
    std::unique_ptr<IoThreadPool> m_ioThreads;
};

void tst_ClientSession::initTestCase()
{
    if (ServerDefaults::threads() > 1) {
        const bool epoll = qobject_cast<EpollEventDispatcher*>(QCoreApplication::eventDispatcher());
        m_ioThreads = std::make_unique<IoThreadPool>(ServerDefaults::threads() - 1, epoll);
    }
}

void tst_ClientSession::cleanupTestCase()
{
    m_ioThreads.reset();
}

ServerConfig tst_ClientSession::testConfig() const
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    return config;
}

bool tst_ClientSession::start(const ServerConfig& config)
{
    m_server = std::make_unique<Server>(config);
    return m_server->listen();
}

void tst_ClientSession::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    m_server.reset();
}

TestClient* tst_ClientSession::connectRaw()
{
    auto* client = new TestClient;
    m_clients.append(client);
    client->connectToServer(m_server->serverPort());
    return client;
}

TestClient* tst_ClientSession::login(const QString& nick)
{
    TestClient* client = connectRaw();
    client->registerUser(nick);
    return QTest::qWaitFor([client] { return client->has(QStringLiteral("366")); }, 5000) ? client
                                                                                          : nullptr;
}

void tst_ClientSession::clientPingGetsPong()
{
    QVERIFY(start(testConfig()));
    TestClient* client = connectRaw();
    client->sendLine("PING :token 123"); // allowed before registration
    QTRY_VERIFY(client->has(QStringLiteral("PONG")));
    const IrcMessage pong = client->last(QStringLiteral("PONG"));
    QCOMPARE(pong.source(), QStringLiteral("confab.local"));
    QCOMPARE(pong.params(), QStringList({"confab.local", "token 123"}));
}

void tst_ClientSession::pingWithoutToken()
{
    QVERIFY(start(testConfig()));
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("PING");
    QTRY_VERIFY(client->has(QStringLiteral("409")));
}

void tst_ClientSession::idleClientIsPinged()
{
    ServerConfig config = testConfig();
    config.pingIntervalMs = 150;
    config.pingTimeoutMs = 150;
    QVERIFY(start(config));
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    // Answer every PING, as a live client does.
    connect(client, &TestClient::messageReceived, client, [client](const IrcMessage& m) {
        if (m.command() == QLatin1String("PING"))
            client->sendLine("PONG :" + m.param(0).toUtf8());
    });
    QTRY_VERIFY_WITH_TIMEOUT(client->count(QStringLiteral("PING")) >= 4, 3000);
    QCOMPARE(client->last(QStringLiteral("PING")).param(0), QStringLiteral("confab.local"));
    QVERIFY(client->isConnected());
    QVERIFY(!client->has(QStringLiteral("ERROR")));
    QCOMPARE(m_server->clientCount(), 1);
}

void tst_ClientSession::pingTimeout()
{
    ServerConfig config = testConfig();
    config.pingIntervalMs = 200;
    config.pingTimeoutMs = 200;
    QVERIFY(start(config));
    TestClient* watcher = login(QStringLiteral("watcher"));
    TestClient* silent = login(QStringLiteral("silent"));
    QVERIFY(watcher && silent);
    connect(watcher, &TestClient::messageReceived, watcher, [watcher](const IrcMessage& m) {
        if (m.command() == QLatin1String("PING"))
            watcher->sendLine("PONG :" + m.param(0).toUtf8());
    });
    QElapsedTimer timer;
    timer.start();
    QTRY_VERIFY(silent->has(QStringLiteral("PING")));
    QTRY_VERIFY(watcher->has(QStringLiteral("QUIT")));
    QVERIFY(timer.elapsed() >= 300); // interval + timeout, from the last input
    const IrcMessage quit = watcher->last(QStringLiteral("QUIT"));
    QCOMPARE(quit.nick(), QStringLiteral("silent"));
    QVERIFY(quit.param(0).startsWith(QStringLiteral("Ping timeout")));
    QTRY_VERIFY(silent->has(QStringLiteral("ERROR")));
    QTRY_VERIFY(silent->isDisconnected());
    QVERIFY(watcher->isConnected());
}

void tst_ClientSession::registrationTimeout()
{
    ServerConfig config = testConfig();
    config.registrationTimeoutMs = 300;
    QVERIFY(start(config));
    TestClient* quick = login(QStringLiteral("quick"));
    QVERIFY(quick);
    TestClient* slow = connectRaw();
    slow->sendLine("NICK slow");
    QTRY_VERIFY(slow->has(QStringLiteral("ERROR")));
    QVERIFY(slow->last(QStringLiteral("ERROR")).param(0).contains(QStringLiteral("Registration")));
    QTRY_VERIFY(slow->isDisconnected());
    QVERIFY(!quick->has(QStringLiteral("QUIT"))); // an unregistered user is never announced
    QVERIFY(quick->isConnected());
    QTRY_COMPARE(m_server->clientCount(), 1);
    // The nick it held is free.
    QVERIFY(login(QStringLiteral("slow")));
}

void tst_ClientSession::floodIsSlowedDown()
{
    ServerConfig config = testConfig();
    config.floodBurst = 5;
    config.floodRate = 50; // one line every 20 ms after the burst
    config.floodMaxQueuedLines = 100;
    QVERIFY(start(config));
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    QTest::qWait(150); // refill the bucket after the registration lines
    QElapsedTimer timer;
    timer.start();
    QByteArray burst;
    for (int i = 0; i < 25; ++i)
        burst += "PING :" + QByteArray::number(i) + "\r\n";
    client->sendRaw(burst);
    QTRY_COMPARE(client->count(QStringLiteral("PONG")), 25);
    // 20 lines beyond the burst at 50 per second take about 400 ms.
    QVERIFY2(timer.elapsed() >= 300, QByteArray::number(timer.elapsed()).constData());
    const QList<IrcMessage> pongs = client->messages(QStringLiteral("PONG"));
    for (int i = 0; i < 25; ++i)
        QCOMPARE(pongs.at(i).param(1), QString::number(i));
    QVERIFY(client->isConnected());
}

void tst_ClientSession::excessFlood()
{
    ServerConfig config = testConfig();
    config.floodBurst = 5;
    config.floodRate = 1;
    config.floodMaxQueuedLines = 10;
    QVERIFY(start(config));
    TestClient* watcher = login(QStringLiteral("watcher"));
    TestClient* flooder = login(QStringLiteral("flooder"));
    QVERIFY(watcher && flooder);
    QByteArray flood;
    for (int i = 0; i < 40; ++i)
        flood += "PRIVMSG #lobby :flood " + QByteArray::number(i) + "\r\n";
    flooder->sendRaw(flood);
    QTRY_VERIFY(watcher->has(QStringLiteral("QUIT")));
    QCOMPARE(watcher->last(QStringLiteral("QUIT")).param(0), QStringLiteral("Excess Flood"));
    QTRY_VERIFY(flooder->isDisconnected());
    QVERIFY(flooder->has(QStringLiteral("ERROR")));
    QVERIFY(watcher->count(QStringLiteral("PRIVMSG")) < 16);
    QVERIFY(watcher->isConnected());
}

void tst_ClientSession::manyLinesInOneRead_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("lines");
    // Flood control off: any number of lines in one read is fine.
    QTest::newRow("flood control off, 500 lines") << 0.0 << 500;
    // On: burst 20 + queue 50 absorb 60 lines arriving at once (slowed, not dropped).
    QTest::newRow("flood control on, 60 lines") << 200.0 << 60;
}

void tst_ClientSession::manyLinesInOneRead()
{
    QFETCH(double, rate);
    QFETCH(int, lines);
    ServerConfig config = testConfig();
    config.floodRate = rate;
    config.floodBurst = 20;
    config.floodMaxQueuedLines = 50;
    QVERIFY(start(config));
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    QTest::qWait(50);
    QByteArray burst;
    for (int i = 0; i < lines; ++i)
        burst += "PING :" + QByteArray::number(i) + "\r\n";
    client->sendRaw(burst);
    QTRY_COMPARE(client->count(QStringLiteral("PONG")), lines);
    QVERIFY(!client->has(QStringLiteral("ERROR")));
    QVERIFY(client->isConnected());
}

void tst_ClientSession::sendQueueExceeded()
{
    ServerConfig config = testConfig();
    config.floodRate = 0; // the sender may send as fast as it likes here
    config.floodMaxQueuedLines = 100000;
    config.sendQueueBytes = 64 * 1024;
    QVERIFY(start(config));
    TestClient* bystander = login(QStringLiteral("bystander"));
    TestClient* sender = login(QStringLiteral("sender"));
    TestClient* stuck = login(QStringLiteral("stuck"));
    QVERIFY(bystander && sender && stuck);
    stuck->pauseReading();
    const QByteArray line = "PRIVMSG stuck :" + QByteArray(400, 'x') + "\r\n";
    QByteArray batch;
    for (int i = 0; i < 500; ++i)
        batch += line;
    const qint64 sent = sender->sendRepeatedly(
        batch, [bystander] { return bystander->has(QStringLiteral("QUIT")); }, 256LL * 1024 * 1024);
    QTRY_VERIFY(bystander->has(QStringLiteral("QUIT")));
    qInfo("SendQ exceeded after %lld bytes sent to a client that stopped reading", sent);
    QCOMPARE(bystander->last(QStringLiteral("QUIT")).nick(), QStringLiteral("stuck"));
    QCOMPARE(bystander->last(QStringLiteral("QUIT")).param(0), QStringLiteral("SendQ exceeded"));
    QTRY_COMPARE(m_server->clientCount(), 2);
    // Everyone else keeps receiving.
    sender->sendLine("PRIVMSG #lobby :still here");
    QTRY_VERIFY(bystander->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(bystander->last(QStringLiteral("PRIVMSG")).param(1), QStringLiteral("still here"));
    QVERIFY(sender->isConnected());
}

// More than the kernel buffers hold, to a client that reads nothing for a while: the part the
// kernel does not take goes to the socket's own queue, and everything arrives once, in order.
void tst_ClientSession::slowReaderGetsEverythingInOrder()
{
    ServerConfig config = testConfig();
    config.floodRate = 0;
    config.floodMaxQueuedLines = 100000;
    config.sendQueueBytes = 256LL * 1024 * 1024;
    QVERIFY(start(config));
    TestClient* sender = login(QStringLiteral("sender"));
    QVERIFY(sender);
    QTcpSocket reader;
    reader.setReadBufferSize(1); // takes (almost) nothing from the kernel until told
    // A small receive window, set before connecting (see below for the server's end).
    QVERIFY(reader.bind(QHostAddress(QHostAddress::LocalHost), 0));
    reader.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
    reader.connectToHost(QHostAddress(QHostAddress::LocalHost), m_server->serverPort());
    QVERIFY(reader.waitForConnected(5000));
    reader.write("NICK reader\r\nUSER r 0 * :Reader\r\n");
    QTRY_COMPARE(m_server->core()->userCount(), 2);
    // Small kernel buffers on both ends, so that they are full after a few hundred kB whatever
    // the system's TCP autotuning allows.
    bool found = false;
    for (const ClientSession* session : m_server->findChildren<ClientSession*>()) {
        const int fd = session->socket().descriptor();
        if (peerPortOf(fd) != reader.localPort())
            continue;
        const int size = 8192;
        QCOMPARE(::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size), 0);
        found = true;
    }
    QVERIFY(found);

    constexpr int Lines = 4000;
    const QByteArray padding(300, 'x');
    QByteArray batch;
    for (int i = 0; i < Lines; ++i) {
        batch += "PRIVMSG reader :" + QByteArray::number(i) + ' ' + padding + "\r\n";
        if (batch.size() > 64 * 1024 || i == Lines - 1) {
            sender->sendRaw(batch);
            batch.clear();
            QVERIFY(
                QTest::qWaitFor([sender] { return sender->socket()->bytesToWrite() == 0; }, 5000));
            QTest::qWait(1);
        }
    }
    // Once the server has handled every line, what the kernel would not take waits in the
    // reader's socket on the server side.
    const auto queuedBySocket = [this] {
        qint64 queued = 0;
        for (const ClientSession* session : m_server->findChildren<ClientSession*>())
            queued = std::max(queued, session->socket().bytesToWrite());
        return queued;
    };
    QVERIFY2(QTest::qWaitFor([&] { return queuedBySocket() > 0; }, 20000),
             "the kernel took everything: the overflow path was not used");

    reader.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 1024 * 1024);
    reader.setReadBufferSize(0);
    QByteArray received;
    int next = 0;
    bool ordered = true;
    const auto readAll = [&] {
        received += reader.readAll();
        qsizetype end = 0;
        while ((end = received.indexOf("\r\n")) >= 0) {
            const QByteArray line = received.left(end);
            received.remove(0, end + 2);
            const qsizetype text = line.indexOf(" PRIVMSG reader :");
            if (text < 0)
                continue;
            const QByteArray rest = line.mid(text + 17);
            ordered = ordered && rest.left(rest.indexOf(' ')).toInt() == next;
            ++next;
        }
        return next == Lines;
    };
    QVERIFY(QTest::qWaitFor(readAll, 30000));
    QVERIFY(ordered);
    QCOMPARE(m_server->clientCount(), 2);
}

// After the welcome burst has gone out, nothing is left queued: not in the session, not in the
// socket, not in the batcher.
void tst_ClientSession::idleSessionHoldsNoOutput()
{
    QVERIFY(start(testConfig()));
    QVERIFY(login(QStringLiteral("alice")));
    QVERIFY(login(QStringLiteral("bob")));
    QTest::qWait(50);
    const QList<ClientSession*> sessions = m_server->findChildren<ClientSession*>();
    QCOMPARE(sessions.size(), 2);
    for (const ClientSession* session : sessions) {
        QCOMPARE(session->queuedOutputBytes(), 0);
        QCOMPARE(session->socket().bytesToWrite(), 0);
        QCOMPARE(session->socket().bufferedBytes(), 0);
    }
    const WriteBatcher* batcher = m_server->findChild<WriteBatcher*>();
    QVERIFY(batcher);
    QCOMPARE(batcher->scheduledCount(), 0);
}

// A session paused on its own (its socket's read group, if any, is not): the client's line
// waits until it is resumed, and the loop does not spin on the unread bytes meanwhile.
void tst_ClientSession::pausedInputWaitsWithoutBusyLoop()
{
    QVERIFY(start(testConfig()));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    const QList<ClientSession*> sessions = m_server->findChildren<ClientSession*>();
    QCOMPARE(sessions.size(), 1);
    ClientSession* session = sessions.first();
    session->setInputPaused(true);
    QVERIFY(session->isInputPaused());
    alice->sendLine("PING :held");
    QTest::qWait(50); // the line arrives, wakes the session once
    int wakeUps = 0;
    const QMetaObject::Connection counting =
        connect(QCoreApplication::eventDispatcher(), &QAbstractEventDispatcher::awake, this,
                [&wakeUps] { ++wakeUps; });
    QTest::qWait(100);
    disconnect(counting);
    QVERIFY(!alice->has(QStringLiteral("PONG")));
    // A level-triggered notifier left on wakes the loop thousands of times in 100 ms; idle,
    // only qWait's own timer and events do.
    QVERIFY2(wakeUps < 500, qPrintable(QString::number(wakeUps)));
    session->setInputPaused(false);
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->last(QStringLiteral("PONG")).param(1), QStringLiteral("held"));
}

// Lines queued in one event-loop iteration wait in the session and are written together.
void tst_ClientSession::linesOfOneIterationAreOneBatch()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost)));
    QTcpSocket peer;
    peer.connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    QVERIFY(listener.waitForNewConnection(5000));
    QTcpSocket* accepted = listener.nextPendingConnection();
    QVERIFY(accepted);
    QTRY_COMPARE(peer.state(), QAbstractSocket::ConnectedState);

    ServerConfig config = testConfig();
    ServerCore core(config);
    WriteBatcher batcher;
    auto* session =
        new ClientSession(takeDescriptor(accepted, m_ioThreads.get()), &core, config, &batcher);
    session->sendWire("one\r\n");
    session->sendWire("two\r\n");
    session->sendWire("three\r\n");
    QCOMPARE(session->queuedOutputBytes(), qint64(5 + 5 + 7));
    QCOMPARE(batcher.scheduledCount(), 1); // once, however many lines
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += peer.readAll();
            return received.size() >= 17;
        },
        5000));
    QCOMPARE(received, QByteArray("one\r\ntwo\r\nthree\r\n"));
    QCOMPARE(session->queuedOutputBytes(), 0);
    QCOMPARE(batcher.scheduledCount(), 0);
    // A session that goes away while scheduled leaves the batcher.
    session->sendWire("four\r\n");
    QCOMPARE(batcher.scheduledCount(), 1);
    delete session;
    QCOMPARE(batcher.scheduledCount(), 0);
}

// Writing to a peer that has gone (reset) is an error the session survives: no SIGPIPE, and the
// loss of the connection is noticed as usual.
void tst_ClientSession::writeToVanishedPeer()
{
    QTcpServer listener;
    QVERIFY(listener.listen(QHostAddress(QHostAddress::LocalHost)));
    auto* peer = new QTcpSocket;
    peer->connectToHost(QHostAddress(QHostAddress::LocalHost), listener.serverPort());
    QVERIFY(listener.waitForNewConnection(5000));
    QTcpSocket* accepted = listener.nextPendingConnection();
    QVERIFY(accepted);
    QTRY_COMPARE(peer->state(), QAbstractSocket::ConnectedState);

    ServerConfig config = testConfig();
    ServerCore core(config);
    // No batcher: writes at once.
    ClientSession session(takeDescriptor(accepted, m_ioThreads.get()), &core, config, nullptr);
    QSignalSpy finished(&session, &ClientSession::finished);
    session.start();
    delete peer; // closes; the next bytes sent to it are answered with a reset
    QTest::qSleep(50);
    const QByteArray line = "PING :" + QByteArray(200, 'x') + "\r\n";
    for (int i = 0; i < 10; ++i) // without the event loop: the session cannot notice yet
        session.sendWire(line);
    QTRY_COMPARE(finished.size(), 1);
}

void tst_ClientSession::normalizedAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << "127.0.0.1"
                          << "127.0.0.1";
    QTest::newRow("ipv4-mapped") << "::ffff:192.168.1.2"
                                 << "192.168.1.2";
    QTest::newRow("ipv6") << "::1"
                          << "::1";
}

void tst_ClientSession::normalizedAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(ClientSession::normalizedAddress(QHostAddress(address)).toString(), expected);
}

CONFAB_SERVER_TEST_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"

// ClientSession over real sockets: liveness (PING/PONG, ping timeout, registration timeout),
// flood control (token bucket, "Excess Flood") and the send-queue cap ("SendQ exceeded").
#include "clientsession.h"
#include "server.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class tst_ClientSession : public QObject
{
    Q_OBJECT

private slots:
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
    void normalizedAddress_data();
    void normalizedAddress();

private:
    ServerConfig testConfig() const;
    bool start(const ServerConfig& config);
    TestClient* connectRaw();
    TestClient* login(const QString& nick);

    std::unique_ptr<Server> m_server;
    QList<TestClient*> m_clients;
};

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
    return QTest::qWaitFor([client] { return client->has(QStringLiteral("366")); }, 5000)
               ? client
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
    qint64 sent = 0;
    constexpr qint64 MaxBytes = 256LL * 1024 * 1024;
    while (!bystander->has(QStringLiteral("QUIT")) && sent < MaxBytes) {
        sender->sendRaw(batch);
        sent += batch.size();
        QVERIFY(QTest::qWaitFor([sender] { return sender->socket()->bytesToWrite() == 0; }, 5000));
        QTest::qWait(1);
    }
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

void tst_ClientSession::normalizedAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("expected");
    QTest::newRow("ipv4") << "127.0.0.1" << "127.0.0.1";
    QTest::newRow("ipv4-mapped") << "::ffff:192.168.1.2" << "192.168.1.2";
    QTest::newRow("ipv6") << "::1" << "::1";
}

void tst_ClientSession::normalizedAddress()
{
    QFETCH(QString, address);
    QFETCH(QString, expected);
    QCOMPARE(ClientSession::normalizedAddress(QHostAddress(address)).toString(), expected);
}

QTEST_GUILESS_MAIN(tst_ClientSession)
#include "tst_clientsession.moc"

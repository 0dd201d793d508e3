// The UDP room bridged into #lobby, with a real Server, real QUdpSocket clients and a real IRC
// client on 127.0.0.1: UDP texts are PRIVMSGs of a user named after the sender's address,
// #lobby's messages reach the UDP clients as "nick" LF text, UDP clients joining and going
// silent are JOINs and QUITs, a taken nick is not taken twice, and what the room drops never
// reaches IRC.
#include "core/servercore.h"
#include "ircvalidation.h"
#include "net/server.h"
#include "servertestmain.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"
#include "testclient.h"
#include "udp/udplobbybridge.h"
#include "udp/udproom.h"
#include "udptestclient.h"

#include <QTest>

#include <memory>

class tst_UdpLobbyBridge : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void baseNick_data();
    void baseNick();
    void udpTextReachesLobby();
    void lobbyMessageReachesUdpClients();
    void joinAndExpiryAreJoinAndQuit();
    void takenNickIsNotTakenTwice();
    void longAndMultiLineTextIsSplitForIrc();
    void droppedDatagramsNeverReachIrc();
    void rateLimitHoldsForBridgedTexts();
    void killedMemberIsForgotten();
    void firstInNewRoomIsNoOperator();
    void serverPasswordIsNoObstacle();

private:
    bool start(const ServerConfig& config);
    ServerConfig config() const;
    // A registered IRC client in #lobby.
    TestClient* ircUser(const QString& nick);
    // The UDP client has sent a heartbeat and its user is in #lobby as seen by watcher.
    bool joinUdp(UdpTestClient* udp, TestClient* watcher);

    std::unique_ptr<Server> m_server;
    std::unique_ptr<UdpRoom> m_room;
    std::unique_ptr<UdpLobbyBridge> m_bridge;
    QList<TestClient*> m_clients;
};

ServerConfig tst_UdpLobbyBridge::config() const
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.floodBurst = 1000;
    config.udpRoomTimeoutMs = 500;
    config.udpRoomRate = 1000;
    config.udpRoomBurst = 1000;
    return config;
}

bool tst_UdpLobbyBridge::start(const ServerConfig& config)
{
    cleanup();
    m_server = std::make_unique<Server>(config);
    if (!m_server->listen())
        return false;
    // As Server does for --udp-room, on an ephemeral port.
    m_room = std::make_unique<UdpRoom>(config);
    m_bridge =
        std::make_unique<UdpLobbyBridge>(m_room.get(), m_server->core(), config.udpRoomChannel);
    return m_room->listen(config.listenAddresses, 0);
}

void tst_UdpLobbyBridge::init()
{
    QVERIFY(start(config()));
}

void tst_UdpLobbyBridge::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    m_bridge.reset();
    m_room.reset();
    m_server.reset();
}

TestClient* tst_UdpLobbyBridge::ircUser(const QString& nick)
{
    auto* client = new TestClient;
    m_clients.append(client);
    client->connectToServer(m_server->serverPort());
    client->registerUser(nick);
    if (!QTest::qWaitFor([client] { return client->has(QStringLiteral("366")); }, 5000))
        return nullptr;
    return client;
}

bool tst_UdpLobbyBridge::joinUdp(UdpTestClient* udp, TestClient* watcher)
{
    const int joins = watcher->count(QStringLiteral("JOIN"));
    udp->ping();
    return QTest::qWaitFor(
        [&] {
            return watcher->count(QStringLiteral("JOIN")) > joins &&
                   !m_bridge->nickOf(udp->endpoint()).isEmpty();
        },
        5000);
}

void tst_UdpLobbyBridge::baseNick_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("nickLength");
    QTest::addColumn<QString>("nick");
    QTest::newRow("IPv4") << "192.168.1.20" << 40000 << 30 << "udp-192-168-1-20-40000";
    QTest::newRow("loopback") << "127.0.0.1" << 5 << 30 << "udp-127-0-0-1-5";
    QTest::newRow("IPv6 loopback") << "::1" << 5000 << 30 << "udp---1-5000";
    QTest::newRow("IPv6, too long: hashed") << "2001:db8::1234:5678:9abc" << 65535 << 30 << "";
    QTest::newRow("short nicks: hashed") << "10.0.0.1" << 1 << 9 << "";
    QTest::newRow("shorter than 9: 9") << "10.0.0.1" << 1 << 1 << "";
}

void tst_UdpLobbyBridge::baseNick()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(int, nickLength);
    QFETCH(QString, nick);
    const UdpEndpoint endpoint{QHostAddress(address), quint16(port)};
    const QString made = UdpLobbyBridge::baseNick(endpoint, nickLength);
    if (!nick.isEmpty())
        QCOMPARE(made, nick);
    else
        QVERIFY2(made.startsWith(QLatin1String("udp-")), qPrintable(made));
    QVERIFY(made.size() <= std::max(nickLength, 9));
    QCOMPARE(IrcValidation::checkNick(made, std::max(nickLength, 9)), IrcValidation::Reason::Valid);
    // Alternatives are valid and as short.
    const QString alternative = UdpLobbyBridge::alternativeNick(made, 17, nickLength);
    QVERIFY(alternative.endsWith(QLatin1String("_17")));
    QVERIFY(alternative.size() <= std::max(nickLength, 9));
    QCOMPARE(IrcValidation::checkNick(alternative, std::max(nickLength, 9)),
             IrcValidation::Reason::Valid);
}

void tst_UdpLobbyBridge::udpTextReachesLobby()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    udp.send("hello from \xE2\x98\x83");
    const QString nick = UdpLobbyBridge::baseNick(udp.endpoint(), 30);
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    const IrcMessage message = alice->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(message.nick(), nick);
    QCOMPARE(message.param(0), QStringLiteral("#lobby"));
    QCOMPARE(message.param(1), QStringLiteral("hello from \u2603"));
    QCOMPARE(m_bridge->nickOf(udp.endpoint()), nick);
    // The JOIN came first, from the same user, with the address as host.
    qsizetype join = -1;
    for (qsizetype i = 0; i < alice->messages().size() && join < 0; ++i) {
        const IrcMessage& seen = alice->messages().at(i);
        if (seen.command() == QLatin1String("JOIN") && seen.nick() == nick)
            join = i;
    }
    QVERIFY(join >= 0);
    QVERIFY(join < alice->indexOf(QStringLiteral("PRIVMSG")));
    QCOMPARE(alice->messages().at(join).source(), message.source());
    QVERIFY(message.source().endsWith(QLatin1String("@127.0.0.1")));
    // And the UDP client got it back as the original server sends it, once.
    QTRY_VERIFY(udp.hasReceived(udp.label() + "\nhello from \xE2\x98\x83"));
    QTest::qWait(50);
    QCOMPARE(udp.received().size(), 1);
}

void tst_UdpLobbyBridge::lobbyMessageReachesUdpClients()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp1(m_room->port());
    UdpTestClient udp2(m_room->port());
    QVERIFY(joinUdp(&udp1, alice));
    QVERIFY(joinUdp(&udp2, alice));
    alice->sendLine("PRIVMSG #lobby :hi UDP \xE4\xBD\xA0\xE5\xA5\xBD");
    alice->sendLine("NOTICE #lobby :a notice");
    alice->sendLine("PRIVMSG #lobby :\x01"
                    "ACTION waves\x01");
    alice->sendLine("PRIVMSG #lobby :\x01VERSION\x01"); // other CTCP: not for the UDP room
    alice->sendLine("PRIVMSG #lobby :last");
    for (UdpTestClient* udp : {&udp1, &udp2}) {
        QTRY_COMPARE(udp->received().size(), 4);
        QCOMPARE(udp->received().at(0), QByteArray("alice\nhi UDP \xE4\xBD\xA0\xE5\xA5\xBD"));
        QCOMPARE(udp->received().at(1), QByteArray("alice\na notice"));
        QCOMPARE(udp->received().at(2), QByteArray("alice\n* alice waves"));
        QCOMPARE(udp->received().at(3), QByteArray("alice\nlast"));
    }
    // UDP to UDP: once, from the UDP room, not again through #lobby.
    udp1.send("between UDP clients");
    QTRY_VERIFY(alice->last(QStringLiteral("PRIVMSG")).param(1) ==
                QLatin1String("between UDP clients"));
    QTRY_COMPARE(udp2.received().size(), 5);
    QCOMPARE(udp2.received().at(4), udp1.label() + "\nbetween UDP clients");
    alice->sendLine("PRIVMSG #lobby :sync");
    QTRY_COMPARE(udp2.received().size(), 6);
    QCOMPARE(udp2.received().at(5), QByteArray("alice\nsync"));
    // A private message to a UDP member's user is answered with its away text (301).
    alice->sendLine("PRIVMSG " + m_bridge->nickOf(udp1.endpoint()).toUtf8() + " :psst");
    QTRY_VERIFY(alice->has(QStringLiteral("301")));
}

void tst_UdpLobbyBridge::joinAndExpiryAreJoinAndQuit()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    QVERIFY(joinUdp(&udp, alice));
    const QString nick = m_bridge->nickOf(udp.endpoint());
    QCOMPARE(alice->last(QStringLiteral("JOIN")).nick(), nick);
    QCOMPARE(alice->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#lobby"));
    QCOMPARE(m_server->core()->userCount(), 2);
    // Silent for longer than the timeout (500 ms here): it quits.
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));
    const IrcMessage quit = alice->last(QStringLiteral("QUIT"));
    QCOMPARE(quit.nick(), nick);
    QVERIFY2(quit.param(0).contains(QLatin1String("Ping timeout")), qPrintable(quit.param(0)));
    QCOMPARE(m_bridge->memberCount(), 0);
    QCOMPARE(m_server->core()->userCount(), 1);
    QVERIFY(m_server->core()->users().findByNick(nick) == nullptr);
    // It comes back with its next datagram.
    QVERIFY(joinUdp(&udp, alice));
    QCOMPARE(m_bridge->nickOf(udp.endpoint()), nick);
}

void tst_UdpLobbyBridge::takenNickIsNotTakenTwice()
{
    UdpTestClient udp(m_room->port());
    const QString base = UdpLobbyBridge::baseNick(udp.endpoint(), 30);
    TestClient* squatter = ircUser(base);
    QVERIFY(squatter);
    QCOMPARE(squatter->last(QStringLiteral("001")).param(0), base);
    udp.send("who am I");
    QTRY_VERIFY(squatter->has(QStringLiteral("PRIVMSG")));
    const IrcMessage message = squatter->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(message.nick(), UdpLobbyBridge::alternativeNick(base, 2, 30));
    QCOMPARE(message.param(1), QStringLiteral("who am I"));
    // The squatter keeps its nick.
    QCOMPARE(m_server->core()->users().findByNick(base)->realName(),
             QStringLiteral("Test User ") + base);
}

void tst_UdpLobbyBridge::longAndMultiLineTextIsSplitForIrc()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    // 1000 bytes of 3-byte characters and two lines: more than one IRC line can carry.
    QByteArray text = "first line\r\n";
    while (text.size() + 3 <= 1000)
        text += "\xE4\xBD\xA0";
    udp.send(text);
    QTRY_VERIFY(udp.hasReceived(udp.label() + '\n' + text)); // UDP: whole, as sent
    QTRY_VERIFY(alice->count(QStringLiteral("PRIVMSG")) >= 4);
    const QList<IrcMessage> messages = alice->messages(QStringLiteral("PRIVMSG"));
    QCOMPARE(messages.at(0).param(1), QStringLiteral("first line"));
    QString joined;
    for (qsizetype i = 1; i < messages.size(); ++i)
        joined += messages.at(i).param(1);
    QCOMPARE(joined.toUtf8(), text.mid(12));
    for (const QByteArray& line : alice->lines())
        QVERIFY(line.size() + 2 <= Limits::MaxLineBytes);
}

void tst_UdpLobbyBridge::droppedDatagramsNeverReachIrc()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    udp.send(QByteArray(1025, 'x'));
    udp.send("caf\xE9");
    QTRY_COMPARE(m_room->droppedTotal(), 2);
    QCOMPARE(m_room->dropped(UdpRoom::Drop::TooLong), 1);
    QCOMPARE(m_room->dropped(UdpRoom::Drop::InvalidUtf8), 1);
    udp.send("fine");
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 1);
    QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(1), QStringLiteral("fine"));
}

void tst_UdpLobbyBridge::rateLimitHoldsForBridgedTexts()
{
    ServerConfig config = this->config();
    config.udpRoomRate = 0.5;
    config.udpRoomBurst = 2;
    QVERIFY(start(config));
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    for (int i = 0; i < 6; ++i)
        udp.send("flood " + QByteArray::number(i));
    QTRY_COMPARE(m_room->dropped(UdpRoom::Drop::RateLimited), 4);
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 2);
    QTest::qWait(100);
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 2);
    QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(1), QStringLiteral("flood 1"));
}

void tst_UdpLobbyBridge::killedMemberIsForgotten()
{
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    UdpTestClient udp(m_room->port());
    QVERIFY(joinUdp(&udp, alice));
    ServerUser* user = m_server->core()->users().findByNick(m_bridge->nickOf(udp.endpoint()));
    QVERIFY(user);
    m_server->core()->kill(user, QStringLiteral("Killed (test)"));
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));
    QCOMPARE(m_bridge->memberCount(), 0);
    QVERIFY(!m_room->isMember(udp.endpoint()));
    // Its next datagram makes it a member again.
    QVERIFY(joinUdp(&udp, alice));
    QCOMPARE(m_bridge->memberCount(), 1);
}

void tst_UdpLobbyBridge::firstInNewRoomIsNoOperator()
{
    ServerConfig config = this->config();
    config.udpRoomChannel = QStringLiteral("#udp");
    QVERIFY(start(config));
    UdpTestClient udp(m_room->port());
    udp.ping();
    QTRY_VERIFY(!m_bridge->nickOf(udp.endpoint()).isEmpty());
    const ServerChannel* channel = m_server->core()->channels().find(QStringLiteral("#udp"));
    QVERIFY(channel);
    const ServerUser* user = m_server->core()->users().findByNick(m_bridge->nickOf(udp.endpoint()));
    QVERIFY(user);
    QCOMPARE(channel->members(), QList<ServerUser*>{const_cast<ServerUser*>(user)});
    QVERIFY(!channel->isOp(user));
    QVERIFY(user->isAway());
    // An IRC user joining later sees a room without operators, and the UDP text there.
    TestClient* alice = ircUser(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("JOIN #udp");
    QTRY_VERIFY(alice->count(QStringLiteral("366")) == 2);
    udp.send("in #udp");
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(0), QStringLiteral("#udp"));
    alice->sendLine("PRIVMSG #lobby :not for UDP");
    alice->sendLine("PRIVMSG #udp :for UDP");
    QTRY_VERIFY(udp.hasReceived("alice\nfor UDP"));
    QVERIFY(!udp.hasReceived("alice\nnot for UDP"));
}

void tst_UdpLobbyBridge::serverPasswordIsNoObstacle()
{
    ServerConfig config = this->config();
    config.password = QStringLiteral("secret");
    QVERIFY(start(config));
    UdpTestClient udp(m_room->port());
    udp.ping();
    QTRY_VERIFY(!m_bridge->nickOf(udp.endpoint()).isEmpty());
    QCOMPARE(m_server->core()->userCount(), 1);
}

CONFAB_SERVER_TEST_MAIN(tst_UdpLobbyBridge)

#include "tst_udplobbybridge.moc"

// End-to-end tests of the server over real sockets on 127.0.0.1: issue 3 points 1-7 and 9, the
// connection limits, listen errors and shutdown. Liveness, flood and send-queue limits are in
// tst_clientsession.cpp; command details in tst_servercore.cpp.
#include "irccommand.h"
#include "net/server.h"
#include "servertestmain.h"
#include "testclient.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>

#include <memory>

class tst_Server : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listenPortZero();
    void listenPortInUse();
    void listenIpv6AndIpv4();
    void welcomeBurst();
    void welcomeBurstWithMotd();
    void reloadMotd();
    void nickInUse_data();
    void nickInUse();
    void erroneousNick_data();
    void erroneousNick();
    void notRegistered_data();
    void notRegistered();
    void password();
    void autoJoinLobby();
    void autoJoinDisabled();
    void queries();
    void away();
    void privateMessage();
    void privateMessageErrors();
    void channelMessageReachesOthersOnceInOrder();
    void joinSeveralChannelsWithKeys();
    void channelOperations();
    void joinPartQuitNickSeenOnce();
    void quitWithReason();
    void abruptDisconnect_data();
    void abruptDisconnect();
    void capNegotiation();
    void serverTimeAndEchoMessage();
    void messageTags();
    void awayNotify();
    void multiPrefix();
    void inputTooLong();
    void utf8Repaired();
    void maxClients();
    void maxConnectionsPerIp();
    void maxChannelsPerUser();
    void shutdownTellsEveryone();
    void whowas();

private:
    ServerConfig testConfig() const;
    bool start(const ServerConfig& config);
    // A client that has completed registration (and its autojoin), or nullptr.
    TestClient* login(const QString& nick, QList<QByteArray> capabilities = {});
    TestClient* connectRaw();

    std::unique_ptr<Server> m_server;
    QList<TestClient*> m_clients;
};

ServerConfig tst_Server::testConfig() const
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.floodBurst = 1000;
    config.floodMaxQueuedLines = 1000;
    return config;
}

bool tst_Server::start(const ServerConfig& config)
{
    m_server = std::make_unique<Server>(config);
    return m_server->listen();
}

void tst_Server::init()
{
    QVERIFY(start(testConfig()));
}

void tst_Server::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    m_server.reset();
}

TestClient* tst_Server::connectRaw()
{
    auto* client = new TestClient;
    m_clients.append(client);
    client->connectToServer(m_server->serverPort());
    return client;
}

TestClient* tst_Server::login(const QString& nick, QList<QByteArray> capabilities)
{
    TestClient* client = connectRaw();
    if (!capabilities.isEmpty()) {
        client->sendLine("CAP LS 302");
        client->sendLine("CAP REQ :" + capabilities.join(' '));
    }
    client->registerUser(nick);
    if (!capabilities.isEmpty())
        client->sendLine("CAP END");
    const bool autoJoin = m_server->config().autoJoin;
    const bool ok = QTest::qWaitFor(
        [&] {
            return autoJoin
                       ? client->has(QStringLiteral("366"))
                       : (client->has(QStringLiteral("376")) || client->has(QStringLiteral("422")));
        },
        5000);
    return ok ? client : nullptr;
}

// -------------------------------------------------------------------------------------------

void tst_Server::listenPortZero()
{
    QVERIFY(m_server->serverPort() != 0);
    QCOMPARE(m_server->clientCount(), 0);
    QSignalSpy spy(m_server.get(), &Server::clientCountChanged);
    TestClient* client = connectRaw();
    QTRY_COMPARE(m_server->clientCount(), 1);
    QCOMPARE(spy.last().at(0).toInt(), 1);
    client->abort();
    QTRY_COMPARE(m_server->clientCount(), 0);
}

void tst_Server::listenPortInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
    ServerConfig config = testConfig();
    config.port = blocker.serverPort();
    Server server(config);
    QVERIFY(!server.listen());
    QVERIFY(server.errorString().contains(QString::number(config.port)));
    QCOMPARE(server.serverPort(), quint16(0));
}

void tst_Server::listenIpv6AndIpv4()
{
    ServerConfig config = testConfig();
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHostIPv6),
                              QHostAddress(QHostAddress::LocalHost)};
    Server server(config);
    if (!server.listen())
        QSKIP("no IPv6 loopback here");
    QCOMPARE(server.listenAddresses().size(), 2);
    auto* v6 = new TestClient;
    auto* v4 = new TestClient;
    m_clients += {v6, v4};
    v6->connectToServer(server.serverPort(), QHostAddress(QHostAddress::LocalHostIPv6));
    v4->connectToServer(server.serverPort(), QHostAddress(QHostAddress::LocalHost));
    v6->registerUser(QStringLiteral("six"));
    v4->registerUser(QStringLiteral("four"));
    QTRY_VERIFY(v6->has(QStringLiteral("366")));
    QTRY_VERIFY(v4->has(QStringLiteral("366")));
    // "::1" would start with ':' where a host is a middle parameter: shown as "0::1".
    QCOMPARE(v6->last(QStringLiteral("001")).param(1).section(u'@', 1), QStringLiteral("0::1"));
    QCOMPARE(v4->last(QStringLiteral("001")).param(1).section(u'@', 1),
             QStringLiteral("127.0.0.1"));
    v4->sendLine("WHOIS six");
    QTRY_VERIFY(v4->has(QStringLiteral("311")));
    QCOMPARE(v4->last(QStringLiteral("311")).param(3), QStringLiteral("0::1"));
    QCOMPARE(server.clientCount(), 2);
}

void tst_Server::welcomeBurst()
{
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    const QStringList commands = client->commands();
    int previous = -1;
    for (const char* code :
         {"001", "002", "003", "004", "005", "251", "422", "JOIN", "353", "366"}) {
        const int index = commands.indexOf(QLatin1String(code));
        QVERIFY2(index > previous, code);
        previous = index;
    }
    QCOMPARE(client->last(QStringLiteral("001")).param(0), QStringLiteral("alice"));
    QStringList tokens;
    for (const IrcMessage& m : client->messages(QStringLiteral("005")))
        tokens += m.params().mid(1, m.paramCount() - 2);
    for (const char* key : {"CASEMAPPING=rfc1459", "CHANTYPES=#&", "NICKLEN=30", "CHANNELLEN=50",
                            "TOPICLEN=390", "PREFIX=(ov)@+", "CHANMODES=b,k,l,Himnst",
                            "NETWORK=Confab", "LINELEN=512", "CHANLIMIT=#&:50"}) {
        QVERIFY2(tokens.contains(QLatin1String(key)), key);
    }
    QCOMPARE(client->last(QStringLiteral("004")).param(1), QStringLiteral("confab.local"));
    QCOMPARE(client->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#lobby"));
}

void tst_Server::welcomeBurstWithMotd()
{
    QTemporaryFile motd;
    QVERIFY(motd.open());
    motd.write("Welcome to Confab\nBe nice\n");
    motd.flush();
    ServerConfig config = testConfig();
    config.motdFile = motd.fileName();
    QVERIFY(start(config));
    TestClient* client = login(QStringLiteral("alice"));
    QVERIFY(client);
    QVERIFY(!client->has(QStringLiteral("422")));
    const int start = client->indexOf(QStringLiteral("375"));
    QVERIFY(start > 0);
    QCOMPARE(client->messages(QStringLiteral("372")).size(), 2);
    QCOMPARE(client->messages(QStringLiteral("372")).at(1).param(1), QStringLiteral("- Be nice"));
    QVERIFY(client->indexOf(QStringLiteral("376")) > start);
}

// SIGHUP (Server::reload) reads the MOTD again; nobody is dropped; an unreadable file keeps the
// old text.
void tst_Server::reloadMotd()
{
    QTemporaryFile motd;
    QVERIFY(motd.open());
    motd.write("First text\n");
    motd.flush();
    ServerConfig config = testConfig();
    config.motdFile = motd.fileName();
    QVERIFY(start(config));
    TestClient* before = login(QStringLiteral("alice"));
    QVERIFY(before);
    QCOMPARE(before->last(QStringLiteral("372")).param(1), QStringLiteral("- First text"));
    QVERIFY(motd.resize(0));
    motd.seek(0);
    motd.write("Second text\n");
    motd.flush();
    QVERIFY(m_server->reload());
    TestClient* after = login(QStringLiteral("bob"));
    QVERIFY(after);
    QCOMPARE(after->last(QStringLiteral("372")).param(1), QStringLiteral("- Second text"));
    before->sendLine("MOTD");
    QTRY_COMPARE(before->count(QStringLiteral("372")), 2);
    QCOMPARE(before->last(QStringLiteral("372")).param(1), QStringLiteral("- Second text"));
    QVERIFY(!before->isDisconnected());
    // Gone: the old text stays, with a warning.
    motd.close();
    QVERIFY(QFile::remove(motd.fileName()));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot read MOTD file")));
    QVERIFY(!m_server->reload());
    TestClient* later = login(QStringLiteral("carol"));
    QVERIFY(later);
    QCOMPARE(later->last(QStringLiteral("372")).param(1), QStringLiteral("- Second text"));
}

void tst_Server::nickInUse_data()
{
    QTest::addColumn<QString>("taken");
    QTest::addColumn<QString>("attempt");
    QTest::newRow("same") << "alice"
                          << "alice";
    QTest::newRow("upper case") << "alice"
                                << "ALICE";
    QTest::newRow("mixed case") << "Alice"
                                << "aLiCe";
    QTest::newRow("rfc1459 brackets") << "[bob]"
                                      << "{BOB}";
    QTest::newRow("rfc1459 pipe and backslash") << "a|b"
                                                << "A\\B";
}

void tst_Server::nickInUse()
{
    QFETCH(QString, taken);
    QFETCH(QString, attempt);
    QVERIFY(login(taken));
    TestClient* second = connectRaw();
    second->registerUser(attempt);
    QTRY_VERIFY(second->has(QStringLiteral("433")));
    const IrcMessage reply = second->last(QStringLiteral("433"));
    QCOMPARE(reply.param(0), QStringLiteral("*"));
    QCOMPARE(reply.param(1), attempt);
    QVERIFY(!second->has(QStringLiteral("001")));
    // The same connection may try another name.
    second->send(IrcCommand::nick(QStringLiteral("other")));
    QTRY_VERIFY(second->has(QStringLiteral("001")));
    QCOMPARE(second->last(QStringLiteral("001")).param(0), QStringLiteral("other"));
}

void tst_Server::erroneousNick_data()
{
    QTest::addColumn<QByteArray>("nick");
    QTest::newRow("digit first") << QByteArray("1abc");
    QTest::newRow("dash first") << QByteArray("-abc");
    QTest::newRow("channel") << QByteArray("#abc");
    QTest::newRow("bang") << QByteArray("ab!c");
    QTest::newRow("at") << QByteArray("ab@c");
    QTest::newRow("too long") << QByteArray(31, 'a');
    QTest::newRow("non-ascii") << QByteArray("caf\xc3\xa9");
}

void tst_Server::erroneousNick()
{
    QFETCH(QByteArray, nick);
    TestClient* client = connectRaw();
    client->sendLine("NICK " + nick);
    client->sendLine("USER u 0 * :Real");
    QTRY_VERIFY(client->has(QStringLiteral("432")));
    QCOMPARE(client->last(QStringLiteral("432")).param(1), QString::fromUtf8(nick));
    QVERIFY(!client->has(QStringLiteral("001")));
    client->sendLine("NICK good");
    QTRY_VERIFY(client->has(QStringLiteral("001")));
}

void tst_Server::notRegistered_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::newRow("PRIVMSG") << QByteArray("PRIVMSG bob :hi");
    QTest::newRow("JOIN") << QByteArray("JOIN #room");
    QTest::newRow("WHOIS") << QByteArray("WHOIS bob");
    QTest::newRow("NAMES") << QByteArray("NAMES");
    QTest::newRow("unknown") << QByteArray("FOO bar");
}

void tst_Server::notRegistered()
{
    QFETCH(QByteArray, line);
    TestClient* client = connectRaw();
    client->sendLine(line);
    QTRY_VERIFY(client->has(QStringLiteral("451")));
    QCOMPARE(client->last(QStringLiteral("451")).param(0), QStringLiteral("*"));
    QVERIFY(client->isConnected());
}

void tst_Server::password()
{
    ServerConfig config = testConfig();
    config.password = QStringLiteral("sesame");
    QVERIFY(start(config));
    TestClient* wrong = connectRaw();
    wrong->registerUser(QStringLiteral("alice"), QStringLiteral("wrong"));
    QTRY_VERIFY(wrong->has(QStringLiteral("464")));
    QTRY_VERIFY(wrong->has(QStringLiteral("ERROR")));
    QTRY_VERIFY(wrong->isDisconnected());
    QVERIFY(!wrong->has(QStringLiteral("001")));
    TestClient* none = connectRaw();
    none->registerUser(QStringLiteral("bob"));
    QTRY_VERIFY(none->has(QStringLiteral("464")));
    TestClient* right = connectRaw();
    right->registerUser(QStringLiteral("alice"), QStringLiteral("sesame"));
    QTRY_VERIFY(right->has(QStringLiteral("001")));
}

void tst_Server::autoJoinLobby()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(bob->last(QStringLiteral("353")).param(3), QStringLiteral("@alice bob"));
    QTRY_COMPARE(alice->count(QStringLiteral("JOIN")), 2);
    const IrcMessage join = alice->last(QStringLiteral("JOIN"));
    QCOMPARE(join.nick(), QStringLiteral("bob"));
    QCOMPARE(join.param(0), QStringLiteral("#lobby"));
}

void tst_Server::autoJoinDisabled()
{
    ServerConfig config = testConfig();
    config.autoJoin = false;
    QVERIFY(start(config));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    QTest::qWait(50);
    QVERIFY(!alice->has(QStringLiteral("JOIN")));
}

void tst_Server::queries()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->sendLine("JOIN #side");
    QTRY_VERIFY(bob->count(QStringLiteral("366")) == 2);
    alice->clear();

    alice->sendLine("NAMES #lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("366")));
    QCOMPARE(alice->last(QStringLiteral("353")).param(3), QStringLiteral("@alice bob"));

    alice->sendLine("WHO #lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("315")));
    const QList<IrcMessage> who = alice->messages(QStringLiteral("352"));
    QCOMPARE(who.size(), 2);
    QCOMPARE(who.at(1).param(5), QStringLiteral("bob"));
    QCOMPARE(who.at(0).param(6), QStringLiteral("H@"));
    QCOMPARE(who.at(1).param(7), QStringLiteral("0 Test User bob"));

    alice->sendLine("WHOIS BOB");
    QTRY_VERIFY(alice->has(QStringLiteral("318")));
    QCOMPARE(alice->last(QStringLiteral("311")).param(1), QStringLiteral("bob"));
    QCOMPARE(alice->last(QStringLiteral("311")).param(3), QStringLiteral("127.0.0.1"));
    QCOMPARE(alice->last(QStringLiteral("319")).param(2), QStringLiteral("#lobby @#side"));

    alice->sendLine("WHOIS nobody");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
    QCOMPARE(alice->last(QStringLiteral("401")).param(1), QStringLiteral("nobody"));

    alice->sendLine("ISON bob carol ALICE");
    QTRY_VERIFY(alice->has(QStringLiteral("303")));
    QCOMPARE(alice->last(QStringLiteral("303")).param(1), QStringLiteral("bob alice"));

    alice->sendLine("LIST");
    QTRY_VERIFY(alice->has(QStringLiteral("323")));
    const QList<IrcMessage> list = alice->messages(QStringLiteral("322"));
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).param(1), QStringLiteral("#lobby"));
    QCOMPARE(list.at(0).param(2), QStringLiteral("2"));
    QCOMPARE(list.at(1).param(1), QStringLiteral("#side"));

    alice->sendLine("LUSERS");
    QTRY_VERIFY(alice->has(QStringLiteral("266")));
    QCOMPARE(alice->last(QStringLiteral("251")).param(1),
             QStringLiteral("There are 2 users and 0 invisible on 1 servers"));
    QCOMPARE(alice->last(QStringLiteral("254")).param(1), QStringLiteral("2"));
}

void tst_Server::away()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    bob->sendLine("AWAY :at lunch");
    QTRY_VERIFY(bob->has(QStringLiteral("306")));
    alice->sendLine("PRIVMSG bob :ping?");
    QTRY_VERIFY(alice->has(QStringLiteral("301")));
    QCOMPARE(alice->last(QStringLiteral("301")).param(2), QStringLiteral("at lunch"));
    alice->sendLine("WHO bob");
    QTRY_VERIFY(alice->has(QStringLiteral("315")));
    // A nick query has no channel context: "*" and no prefix.
    QCOMPARE(alice->last(QStringLiteral("352")).param(1), QStringLiteral("*"));
    QCOMPARE(alice->last(QStringLiteral("352")).param(6), QStringLiteral("G"));
    QCOMPARE(alice->last(QStringLiteral("315")).param(1), QStringLiteral("bob"));
    bob->sendLine("AWAY");
    QTRY_VERIFY(bob->has(QStringLiteral("305")));
}

void tst_Server::privateMessage()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->clear();
    alice->sendLine("PRIVMSG Bob :hello \xe4\xbd\xa0\xe5\xa5\xbd");
    alice->sendLine("NOTICE bob :a notice");
    QTRY_COMPARE(bob->count(QStringLiteral("NOTICE")), 1);
    const IrcMessage message = bob->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(message.source(), QStringLiteral("alice!~test@127.0.0.1"));
    QCOMPARE(message.param(0), QStringLiteral("Bob"));
    QCOMPARE(message.param(1), QStringLiteral("hello 你好"));
    QCOMPARE(bob->count(QStringLiteral("PRIVMSG")), 1);
    QCOMPARE(bob->last(QStringLiteral("NOTICE")).param(1), QStringLiteral("a notice"));
    QVERIFY(!alice->has(QStringLiteral("PRIVMSG"))); // no echo without echo-message

    // One-word text sent without ':' is relayed as free text, with ':'.
    alice->sendLine("PRIVMSG bob one");
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
    QVERIFY2(bob->lines().last().endsWith(" PRIVMSG bob :one"), bob->lines().last().constData());
}

void tst_Server::privateMessageErrors()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("PRIVMSG nobody :hi");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
    QCOMPARE(alice->last(QStringLiteral("401")).param(1), QStringLiteral("nobody"));
    alice->sendLine("PRIVMSG alice :");
    QTRY_VERIFY(alice->has(QStringLiteral("412")));
    alice->sendLine("PRIVMSG alice");
    QTRY_COMPARE(alice->count(QStringLiteral("412")), 2);
    alice->sendLine("PRIVMSG");
    QTRY_VERIFY(alice->has(QStringLiteral("411")));
    // NOTICE never gets an error reply (RFC 2812 3.3.2).
    alice->sendLine("NOTICE nobody :hi");
    alice->sendLine("PING :done");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->count(QStringLiteral("401")), 1);
}

void tst_Server::channelMessageReachesOthersOnceInOrder()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    TestClient* carol = login(QStringLiteral("carol"));
    TestClient* dave = login(QStringLiteral("dave"));
    QVERIFY(alice && bob && carol && dave);
    dave->sendLine("PART #lobby");
    QTRY_VERIFY(dave->has(QStringLiteral("PART")));
    constexpr int Count = 50;
    for (int i = 0; i < Count; ++i)
        alice->sendLine("PRIVMSG #lobby :message " + QByteArray::number(i));
    for (TestClient* member : {bob, carol}) {
        QTRY_COMPARE(member->count(QStringLiteral("PRIVMSG")), Count);
        const QList<IrcMessage> received = member->messages(QStringLiteral("PRIVMSG"));
        for (int i = 0; i < Count; ++i) {
            QCOMPARE(received.at(i).param(1), QStringLiteral("message %1").arg(i));
            QCOMPARE(received.at(i).nick(), QStringLiteral("alice"));
        }
    }
    alice->sendLine("PING :sync");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 0);
    QCOMPARE(dave->count(QStringLiteral("PRIVMSG")), 0);
    // Not a member: +n refuses outside messages.
    dave->sendLine("PRIVMSG #lobby :outside");
    QTRY_VERIFY(dave->has(QStringLiteral("404")));
    dave->sendLine("PRIVMSG #nowhere :x");
    QTRY_VERIFY(dave->has(QStringLiteral("403")));
}

void tst_Server::joinSeveralChannelsWithKeys()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("JOIN #a,#b");
    QTRY_COMPARE(alice->count(QStringLiteral("366")), 3);
    alice->sendLine("MODE #a +k secret");
    QTRY_VERIFY(alice->has(QStringLiteral("MODE")));
    bob->sendLine("JOIN #a");
    QTRY_VERIFY(bob->has(QStringLiteral("475")));
    bob->sendLine("JOIN #a,#b,#c secret");
    QTRY_COMPARE(bob->count(QStringLiteral("366")), 4);
    QStringList joined;
    for (const IrcMessage& m : bob->messages(QStringLiteral("JOIN")))
        joined.append(m.param(0));
    QCOMPARE(joined, QStringList({"#lobby", "#a", "#b", "#c"}));
    QCOMPARE(bob->last(QStringLiteral("353")).param(3), QStringLiteral("@bob"));
}

void tst_Server::channelOperations()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    // One after the other: lines from two connections may be handled in either order.
    alice->sendLine("JOIN #ops");
    QTRY_COMPARE(alice->count(QStringLiteral("JOIN")), 4);
    bob->sendLine("JOIN #ops");
    QTRY_COMPARE(alice->count(QStringLiteral("JOIN")), 5);

    // TOPIC: +t by default, so only operators set it.
    bob->sendLine("TOPIC #ops :bob's topic");
    QTRY_VERIFY(bob->has(QStringLiteral("482")));
    alice->sendLine("TOPIC #ops :Ops only");
    QTRY_VERIFY(bob->has(QStringLiteral("TOPIC")));
    QCOMPARE(bob->last(QStringLiteral("TOPIC")).param(1), QStringLiteral("Ops only"));
    bob->sendLine("TOPIC #ops");
    QTRY_VERIFY(bob->has(QStringLiteral("332")));
    QCOMPARE(bob->last(QStringLiteral("333")).param(2), QStringLiteral("alice!~test@127.0.0.1"));

    // MODE +o / +v, seen by members.
    alice->sendLine("MODE #ops +v bob");
    QTRY_VERIFY(bob->has(QStringLiteral("MODE")));
    QCOMPARE(bob->last(QStringLiteral("MODE")).params(), QStringList({"#ops", "+v", "bob"}));
    alice->sendLine("MODE #ops +im");
    QTRY_COMPARE(bob->count(QStringLiteral("MODE")), 2);
    alice->sendLine("MODE #ops");
    QTRY_VERIFY(alice->has(QStringLiteral("324")));
    QCOMPARE(alice->last(QStringLiteral("324")).param(2), QStringLiteral("+imnt"));

    // +i: carol needs an INVITE.
    carol->sendLine("JOIN #ops");
    QTRY_VERIFY(carol->has(QStringLiteral("473")));
    alice->sendLine("INVITE carol #ops");
    QTRY_VERIFY(carol->has(QStringLiteral("INVITE")));
    QVERIFY(alice->has(QStringLiteral("341")));
    carol->sendLine("JOIN #ops");
    QTRY_VERIFY(carol->count(QStringLiteral("366")) == 2);
    // +m: carol (no voice) cannot speak; bob (voiced) can.
    carol->sendLine("PRIVMSG #ops :can I talk?");
    QTRY_VERIFY(carol->has(QStringLiteral("404")));
    bob->sendLine("PRIVMSG #ops :yes I can");
    QTRY_VERIFY(carol->has(QStringLiteral("PRIVMSG")));

    // KICK by an operator; a non-operator gets 482.
    carol->sendLine("KICK #ops bob");
    QTRY_COMPARE(carol->count(QStringLiteral("482")), 1);
    alice->sendLine("KICK #ops carol :behave");
    QTRY_VERIFY(carol->has(QStringLiteral("KICK")));
    QCOMPARE(carol->last(QStringLiteral("KICK")).params(),
             QStringList({"#ops", "carol", "behave"}));
    QTRY_VERIFY(bob->has(QStringLiteral("KICK")));

    // +l 2: the channel is full with alice and bob.
    alice->sendLine("MODE #ops -i+l 2");
    QTRY_VERIFY(carol->messages(QStringLiteral("MODE")).isEmpty());
    QTRY_COMPARE(bob->count(QStringLiteral("MODE")), 3);
    carol->sendLine("JOIN #ops");
    QTRY_VERIFY(carol->has(QStringLiteral("471")));
}

void tst_Server::joinPartQuitNickSeenOnce()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    ServerConfig config = testConfig();
    config.autoJoin = false;
    // A user sharing no channel with bob sees none of his changes.
    alice->sendLine("JOIN #two");
    bob->sendLine("JOIN #two");
    QTRY_COMPARE(alice->count(QStringLiteral("366")), 2);
    QTRY_COMPARE(bob->count(QStringLiteral("366")), 2);
    carol->sendLine("PART #lobby :bye lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("PART")));
    QCOMPARE(alice->last(QStringLiteral("PART")).params(), QStringList({"#lobby", "bye lobby"}));
    QTRY_VERIFY(carol->has(QStringLiteral("PART")));
    alice->clear();
    carol->clear();

    bob->sendLine("NICK robert");
    QTRY_VERIFY(bob->has(QStringLiteral("NICK")));
    QCOMPARE(bob->last(QStringLiteral("NICK")).source(), QStringLiteral("bob!~test@127.0.0.1"));
    QCOMPARE(bob->last(QStringLiteral("NICK")).param(0), QStringLiteral("robert"));
    QTRY_VERIFY(alice->has(QStringLiteral("NICK")));
    bob->sendLine("QUIT :gone");
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));
    QCOMPARE(alice->last(QStringLiteral("QUIT")).nick(), QStringLiteral("robert"));
    alice->sendLine("PING :sync");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->count(QStringLiteral("NICK")), 1); // two shared channels, one line
    QCOMPARE(alice->count(QStringLiteral("QUIT")), 1);
    carol->sendLine("PING :sync");
    QTRY_VERIFY(carol->has(QStringLiteral("PONG")));
    QCOMPARE(carol->count(QStringLiteral("NICK")), 0);
    QCOMPARE(carol->count(QStringLiteral("QUIT")), 0);
}

void tst_Server::quitWithReason()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    bob->sendLine("QUIT :see you");
    QTRY_VERIFY(bob->has(QStringLiteral("ERROR")));
    QTRY_VERIFY(bob->isDisconnected());
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));
    QCOMPARE(alice->last(QStringLiteral("QUIT")).param(0), QStringLiteral("Quit: see you"));
    QTRY_COMPARE(m_server->clientCount(), 1);
}

void tst_Server::abruptDisconnect_data()
{
    QTest::addColumn<QByteArray>("pending");
    QTest::addColumn<bool>("reset");
    QTest::newRow("EOF") << QByteArray() << false;
    QTest::newRow("reset") << QByteArray() << true;
    QTest::newRow("killed mid-line") << QByteArray("PRIVMSG #lobby :half a li") << true;
    QTest::newRow("EOF mid-line") << QByteArray("PRIVMSG #lobby :half a li") << false;
}

void tst_Server::abruptDisconnect()
{
    QFETCH(QByteArray, pending);
    QFETCH(bool, reset);
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->clear();
    if (!pending.isEmpty()) {
        bob->sendRaw(pending);
        bob->socket()->flush();
    }
    if (reset) {
        bob->socket()->setSocketOption(QAbstractSocket::KeepAliveOption, 0);
        bob->abort();
    } else {
        bob->disconnectFromServer();
    }
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));
    QCOMPARE(alice->last(QStringLiteral("QUIT")).nick(), QStringLiteral("bob"));
    QTRY_COMPARE(m_server->clientCount(), 1);
    // The name is free at once.
    TestClient* again = login(QStringLiteral("bob"));
    QVERIFY(again);
    QVERIFY(!again->has(QStringLiteral("433")));
    // alice saw only the quit and the new join: no half line.
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 0);
    QCOMPARE(alice->commands(), QStringList({"QUIT", "JOIN"}));
}

void tst_Server::capNegotiation()
{
    TestClient* client = connectRaw();
    client->sendLine("CAP LS 302");
    client->registerUser(QStringLiteral("alice"));
    QTRY_VERIFY(client->has(QStringLiteral("CAP")));
    const IrcMessage ls = client->last(QStringLiteral("CAP"));
    QCOMPARE(ls.source(), QStringLiteral("confab.local"));
    QCOMPARE(ls.param(0), QStringLiteral("*"));
    QCOMPARE(ls.param(1), QStringLiteral("LS"));
    const QStringList caps = ls.param(2).split(u' ');
    for (const char* cap :
         {"message-tags", "server-time", "echo-message", "away-notify", "multi-prefix"}) {
        QVERIFY2(caps.contains(QLatin1String(cap)), cap);
    }
    client->sendLine("CAP REQ :server-time bogus-cap");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 2);
    QCOMPARE(client->last(QStringLiteral("CAP")).param(1), QStringLiteral("NAK"));
    QCOMPARE(client->last(QStringLiteral("CAP")).param(2), QStringLiteral("server-time bogus-cap"));
    client->sendLine("CAP REQ :server-time multi-prefix");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 3);
    QCOMPARE(client->last(QStringLiteral("CAP")).param(1), QStringLiteral("ACK"));
    // Registration waits for CAP END.
    client->sendLine("PING :before-end");
    QTRY_VERIFY(client->has(QStringLiteral("PONG")));
    QVERIFY(!client->has(QStringLiteral("001")));
    client->sendLine("CAP LIST");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 4);
    // CAP LS 302 turned cap-notify on.
    QCOMPARE(client->last(QStringLiteral("CAP")).param(2),
             QStringLiteral("cap-notify multi-prefix server-time"));
    client->sendLine("CAP END");
    QTRY_VERIFY(client->has(QStringLiteral("001")));
    client->sendLine("CAP REQ :-multi-prefix");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 5);
    QCOMPARE(client->last(QStringLiteral("CAP")).param(0), QStringLiteral("alice"));
    QCOMPARE(client->last(QStringLiteral("CAP")).param(1), QStringLiteral("ACK"));
    client->sendLine("CAP FOO");
    QTRY_VERIFY(client->has(QStringLiteral("410")));
}

void tst_Server::serverTimeAndEchoMessage()
{
    TestClient* alice = login(QStringLiteral("alice"), {"server-time", "echo-message"});
    TestClient* bob = login(QStringLiteral("bob"), {"server-time"});
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    alice->sendLine("PRIVMSG #lobby :timed");
    alice->sendLine("PRIVMSG bob :private");
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
    QTRY_COMPARE(carol->count(QStringLiteral("PRIVMSG")), 1);
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 2); // echoes
    for (const IrcMessage& m : bob->messages(QStringLiteral("PRIVMSG"))) {
        QVERIFY(m.hasTag(QStringLiteral("time")));
        QVERIFY(m.serverTime() >= before);
        QVERIFY(m.serverTime() <= QDateTime::currentDateTimeUtc());
    }
    QVERIFY(bob->last(QStringLiteral("JOIN")).hasTag(QStringLiteral("time")));
    QVERIFY(!carol->last(QStringLiteral("PRIVMSG")).hasTag(QStringLiteral("time")));
    QVERIFY(carol->lines().last().startsWith(":alice!"));
    const QList<IrcMessage> echoes = alice->messages(QStringLiteral("PRIVMSG"));
    QCOMPARE(echoes.at(0).params(), QStringList({"#lobby", "timed"}));
    QCOMPARE(echoes.at(1).params(), QStringList({"bob", "private"}));
    QCOMPARE(echoes.at(1).nick(), QStringLiteral("alice"));
    QCOMPARE(echoes.at(1).tag(QStringLiteral("time")),
             bob->messages(QStringLiteral("PRIVMSG")).at(1).tag(QStringLiteral("time")));
}

void tst_Server::messageTags()
{
    TestClient* alice = login(QStringLiteral("alice"), {"message-tags"});
    TestClient* bob = login(QStringLiteral("bob"), {"message-tags"});
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    alice->sendLine("@+draft/react=\\:smile:;notclient=x PRIVMSG #lobby :tagged");
    alice->sendLine("@+typing=active TAGMSG #lobby");
    alice->sendLine("PRIVMSG #lobby :after");
    QTRY_COMPARE(carol->count(QStringLiteral("PRIVMSG")), 2);
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
    const IrcMessage tagged = bob->messages(QStringLiteral("PRIVMSG")).at(0);
    QCOMPARE(tagged.tag(QStringLiteral("+draft/react")), QStringLiteral(";smile:"));
    QVERIFY(!tagged.hasTag(QStringLiteral("notclient")));
    QCOMPARE(bob->count(QStringLiteral("TAGMSG")), 1);
    QCOMPARE(bob->last(QStringLiteral("TAGMSG")).tag(QStringLiteral("+typing")),
             QStringLiteral("active"));
    QCOMPARE(carol->count(QStringLiteral("TAGMSG")), 0);
    QVERIFY(carol->messages(QStringLiteral("PRIVMSG")).at(0).tags().isEmpty());
    QVERIFY(carol->lines().last().startsWith(':'));
    // Every relayed message has a unique msgid.
    const QList<IrcMessage> privmsgs = bob->messages(QStringLiteral("PRIVMSG"));
    QVERIFY(!privmsgs.at(0).tag(QStringLiteral("msgid")).isEmpty());
    QVERIFY(privmsgs.at(0).tag(QStringLiteral("msgid")) !=
            privmsgs.at(1).tag(QStringLiteral("msgid")));

    // Client tag data: 4094 bytes pass, 4095 get 417 and are not relayed.
    const QByteArray atLimit = "@foo=bar;+baz=" + QByteArray(4081, 'a') + " TAGMSG #lobby";
    QCOMPARE(atLimit.indexOf(" TAGMSG"), 4095);
    alice->sendLine(atLimit);
    QTRY_COMPARE(bob->count(QStringLiteral("TAGMSG")), 2);
    QCOMPARE(bob->last(QStringLiteral("TAGMSG")).tag(QStringLiteral("+baz")).size(), 4081);
    const QByteArray overLimit = "@foo=bar;+baz=" + QByteArray(4082, 'a') + " TAGMSG #lobby";
    alice->sendLine(overLimit);
    QTRY_VERIFY(alice->has(QStringLiteral("417")));
    alice->sendLine("PING :sync");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QTest::qWait(20);
    QCOMPARE(bob->count(QStringLiteral("TAGMSG")), 2);
}

void tst_Server::awayNotify()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), {"away-notify"});
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    alice->sendLine("AWAY :brb");
    QTRY_VERIFY(bob->has(QStringLiteral("AWAY")));
    QCOMPARE(bob->last(QStringLiteral("AWAY")).nick(), QStringLiteral("alice"));
    QCOMPARE(bob->last(QStringLiteral("AWAY")).param(0), QStringLiteral("brb"));
    alice->sendLine("AWAY");
    QTRY_COMPARE(bob->count(QStringLiteral("AWAY")), 2);
    QCOMPARE(bob->last(QStringLiteral("AWAY")).paramCount(), 0);
    // A user who joins while away is announced as away.
    // bob is in #x before carol joins it (lines from two connections may be handled in
    // either order, so one after the other).
    const int namesEnds = bob->count(QStringLiteral("366"));
    bob->sendLine("JOIN #x");
    QTRY_COMPARE(bob->count(QStringLiteral("366")), namesEnds + 1);
    carol->sendLine("AWAY :out");
    carol->sendLine("JOIN #x");
    QTRY_COMPARE(bob->count(QStringLiteral("AWAY")), 4); // #lobby notice, then on join
    QCOMPARE(bob->last(QStringLiteral("AWAY")).param(0), QStringLiteral("out"));
    alice->sendLine("PING :sync");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->count(QStringLiteral("AWAY")), 0);
}

void tst_Server::multiPrefix()
{
    TestClient* alice = login(QStringLiteral("alice"), {"multi-prefix"});
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("MODE #lobby +v alice");
    alice->sendLine("NAMES #lobby");
    bob->sendLine("NAMES #lobby");
    QTRY_COMPARE(alice->count(QStringLiteral("366")), 2);
    QTRY_COMPARE(bob->count(QStringLiteral("366")), 2);
    QCOMPARE(alice->last(QStringLiteral("353")).param(3), QStringLiteral("@+alice bob"));
    QCOMPARE(bob->last(QStringLiteral("353")).param(3), QStringLiteral("@alice bob"));
    alice->sendLine("WHO #lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("315")));
    QCOMPARE(alice->messages(QStringLiteral("352")).at(0).param(6), QStringLiteral("H@+"));
}

void tst_Server::inputTooLong()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("PRIVMSG bob :" + QByteArray(600, 'x'));
    QTRY_VERIFY(alice->has(QStringLiteral("417")));
    // Exactly 512 bytes with CR LF is accepted, whole.
    const QByteArray prefix = "PRIVMSG bob :";
    const QByteArray text(510 - prefix.size(), 'y');
    alice->sendLine(prefix + text);
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    // Relayed with a longer source, the line is cut to 512 bytes at the end of the text.
    QCOMPARE(bob->lines().last().size(), 510);
    QVERIFY(text.startsWith(bob->last(QStringLiteral("PRIVMSG")).param(1).toUtf8()));
    QCOMPARE(bob->count(QStringLiteral("PRIVMSG")), 1); // the long one was never relayed
    QVERIFY(alice->isConnected());
    // An enormous line without an end keeps the connection alive and bounded.
    alice->sendRaw(QByteArray(100000, 'z'));
    alice->sendRaw("\r\nPING :alive\r\n");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->count(QStringLiteral("417")), 2);
}

void tst_Server::utf8Repaired()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("PRIVMSG bob :bad \xff\xfe bytes");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    const QString text = bob->last(QStringLiteral("PRIVMSG")).param(1);
    QVERIFY(text.startsWith(QStringLiteral("bad ")));
    QVERIFY(text.endsWith(QStringLiteral(" bytes")));
    QVERIFY(text.contains(QChar(QChar::ReplacementCharacter)));
    QVERIFY(!bob->last(QStringLiteral("PRIVMSG")).hasInvalidUtf8());
}

void tst_Server::maxClients()
{
    ServerConfig config = testConfig();
    config.maxClients = 2;
    QVERIFY(start(config));
    QVERIFY(login(QStringLiteral("alice")));
    QVERIFY(login(QStringLiteral("bob")));
    TestClient* third = connectRaw();
    QTRY_VERIFY(third->has(QStringLiteral("ERROR")));
    QTRY_VERIFY(third->isDisconnected());
    QCOMPARE(m_server->clientCount(), 2);
    m_clients.first()->sendLine("QUIT");
    QTRY_COMPARE(m_server->clientCount(), 1);
    QVERIFY(login(QStringLiteral("carol")));
}

void tst_Server::maxConnectionsPerIp()
{
    ServerConfig config = testConfig();
    config.maxConnectionsPerIp = 2;
    QVERIFY(start(config));
    QVERIFY(login(QStringLiteral("alice")));
    TestClient* second = connectRaw();
    QTRY_COMPARE(m_server->clientCount(), 2);
    TestClient* third = connectRaw();
    QTRY_VERIFY(third->has(QStringLiteral("ERROR")));
    QVERIFY(third->last(QStringLiteral("ERROR")).param(0).contains(QStringLiteral("host")));
    QTRY_VERIFY(third->isDisconnected());
    second->abort();
    QTRY_COMPARE(m_server->clientCount(), 1);
    QVERIFY(login(QStringLiteral("bob")));
}

void tst_Server::maxChannelsPerUser()
{
    ServerConfig config = testConfig();
    config.maxChannelsPerUser = 3;
    QVERIFY(start(config));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    const int index = alice->commands().indexOf(QStringLiteral("005"));
    QVERIFY(alice->messages().at(index).params().contains(QStringLiteral("CHANLIMIT=#&:3")));
    alice->sendLine("JOIN #a,#b,#c");
    QTRY_VERIFY(alice->has(QStringLiteral("405")));
    QCOMPARE(alice->last(QStringLiteral("405")).param(1), QStringLiteral("#c"));
    QCOMPARE(alice->count(QStringLiteral("JOIN")), 3);
    alice->sendLine("PART #a");
    alice->sendLine("JOIN #c");
    QTRY_COMPARE(alice->count(QStringLiteral("JOIN")), 4);
}

void tst_Server::shutdownTellsEveryone()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    TestClient* unregistered = connectRaw();
    QVERIFY(alice && bob);
    QTRY_COMPARE(m_server->clientCount(), 3);
    QSignalSpy finished(m_server.get(), &Server::finished);
    m_server->shutdown(QStringLiteral("Server shutting down"));
    for (TestClient* client : {alice, bob, unregistered}) {
        QTRY_VERIFY(client->has(QStringLiteral("ERROR")));
        QVERIFY(client->last(QStringLiteral("ERROR"))
                    .param(0)
                    .contains(QStringLiteral("Server shutting down")));
        QTRY_VERIFY(client->isDisconnected());
    }
    QCOMPARE(alice->count(QStringLiteral("QUIT")), 0);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(m_server->clientCount(), 0);
    TestClient* late = connectRaw();
    QTRY_VERIFY(late->isDisconnected() ||
                late->socket()->error() != QAbstractSocket::UnknownSocketError);
}

void tst_Server::whowas()
{
    m_server.reset();
    ServerConfig config = testConfig();
    config.whowasLength = 3;
    QVERIFY(start(config));
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    bob->sendLine("NICK robert");
    QTRY_VERIFY(alice->has(QStringLiteral("NICK")));
    bob->sendLine("NICK bob");
    QTRY_COMPARE(alice->count(QStringLiteral("NICK")), 2);
    bob->sendLine("QUIT :bye");
    QTRY_VERIFY(alice->has(QStringLiteral("QUIT")));

    // bob twice (the quit first), newest first, with user, host, real name and when.
    alice->clear();
    alice->sendLine("WHOWAS Bob");
    QTRY_VERIFY(alice->has(QStringLiteral("369")));
    const QList<IrcMessage> users = alice->messages(QStringLiteral("314"));
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).param(1), QStringLiteral("bob"));
    QCOMPARE(users.at(0).param(3), QStringLiteral("127.0.0.1"));
    QCOMPARE(users.at(0).param(4), QStringLiteral("*"));
    QVERIFY(!users.at(0).param(2).isEmpty() && !users.at(0).param(5).isEmpty());
    QCOMPARE(users.at(1).param(1), QStringLiteral("bob"));
    QCOMPARE(alice->messages(QStringLiteral("312")).size(), 2);
    QVERIFY(!alice->messages(QStringLiteral("312")).at(0).param(3).isEmpty());
    QCOMPARE(alice->last(QStringLiteral("369")).param(1), QStringLiteral("Bob"));
    QVERIFY(!alice->has(QStringLiteral("406")));

    // A count: that many; 0, a negative count or none that parses: all.
    const QList<std::pair<QByteArray, int>> counts = {
        {"WHOWAS bob 1", 1}, {"WHOWAS bob 0", 2}, {"WHOWAS bob -1", 2}, {"WHOWAS bob x", 2}};
    for (const auto& [line, expected] : counts) {
        alice->clear();
        alice->sendLine(line);
        QTRY_VERIFY(alice->has(QStringLiteral("369")));
        QCOMPARE(alice->messages(QStringLiteral("314")).size(), expected);
    }
    alice->clear();
    alice->sendLine("WHOWAS robert");
    QTRY_VERIFY(alice->has(QStringLiteral("369")));
    QCOMPARE(alice->messages(QStringLiteral("314")).size(), 1);

    // Nobody: 406 then 369. No nick: 461 (no parameter) or 431 (an empty one).
    alice->clear();
    alice->sendLine("WHOWAS nobody");
    QTRY_VERIFY(alice->has(QStringLiteral("369")));
    QCOMPARE(alice->last(QStringLiteral("406")).param(1), QStringLiteral("nobody"));
    alice->sendLine("WHOWAS");
    QTRY_VERIFY(alice->has(QStringLiteral("461")));
    alice->sendLine("WHOWAS :");
    QTRY_VERIFY(alice->has(QStringLiteral("431")));

    // At most --whowas-length entries in all: the oldest go.
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("NICK carla");
    QTRY_VERIFY(carol->has(QStringLiteral("NICK")));
    carol->sendLine("NICK carol");
    QTRY_COMPARE(carol->count(QStringLiteral("NICK")), 2);
    alice->clear();
    alice->sendLine("WHOWAS bob");
    QTRY_VERIFY(alice->has(QStringLiteral("369")));
    QCOMPARE(alice->messages(QStringLiteral("314")).size(), 1); // bob's NICK entry is gone
    QVERIFY(!alice->has(QStringLiteral("406")));
}

CONFAB_SERVER_TEST_MAIN(tst_Server)
#include "tst_server.moc"

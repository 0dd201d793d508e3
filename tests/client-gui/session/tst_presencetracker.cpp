// PresenceTracker over real sockets: against the in-process confabd (MONITOR, its limit, WHO
// for away, reconnection) and a scripted server without MONITOR (ISON).
#include "fakeircserver.h"
#include "irccommand.h"
#include "net/server.h"
#include "session/contactbook.h"
#include "session/presencetracker.h"
#include "session/serverconnection.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using State = ContactPresence::State;

class tst_PresenceTracker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void monitoredOnlineAwayOffline();
    void awayMessageFromSharedRoom();
    void addedAndRemovedWhileConnected();
    void remonitoredAfterReconnect();
    void limitRespectedRestPolled();
    void withoutMonitorIsOnIsPolled();
    void listFullFallsBackToIsOn();

private:
    void startServer(int monitorLimit = 100, quint16 port = 0);
    ServerConnection* connectAs(const QString& nick, bool wait = true);
    // Our side: a connection, its contacts (from the settings) and the tracker.
    void makeOwn(const QStringList& contacts, quint16 port);

    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
    QList<ServerConnection*> m_peers;
    ServerConnection* m_own = nullptr;
    ContactBook* m_book = nullptr;
    PresenceTracker* m_tracker = nullptr;
};

void tst_PresenceTracker::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_presencetracker"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_PresenceTracker::init()
{
    QSettings().clear();
}

void tst_PresenceTracker::cleanup()
{
    delete m_tracker;
    delete m_book;
    delete m_own;
    m_tracker = nullptr;
    m_book = nullptr;
    m_own = nullptr;
    qDeleteAll(m_peers);
    m_peers.clear();
    m_server.reset();
}

void tst_PresenceTracker::startServer(int monitorLimit, quint16 port)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = port;
    config.autoJoin = false; // presence must come from MONITOR, not from a shared #lobby
    config.monitorLimit = monitorLimit;
    m_server = std::make_unique<Server>(config);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_port = m_server->serverPort();
}

ServerConnection* tst_PresenceTracker::connectAs(const QString& nick, bool wait)
{
    auto* peer = new ServerConnection(this);
    m_peers.append(peer);
    peer->setHost(QStringLiteral("127.0.0.1"));
    peer->setPort(m_port);
    peer->setDesiredNick(nick);
    peer->setAutoReconnect(false);
    peer->connectToServer();
    if (wait && !QTest::qWaitFor([peer] { return peer->isRegistered(); }))
        qWarning("%s did not register", qPrintable(nick));
    return peer;
}

void tst_PresenceTracker::makeOwn(const QStringList& contacts, quint16 port)
{
    {
        ContactBook earlier; // what an earlier session kept
        earlier.load(QStringLiteral("127.0.0.1"));
        for (const QString& name : contacts)
            earlier.add(name);
    }
    m_own = new ServerConnection;
    m_own->setHost(QStringLiteral("127.0.0.1"));
    m_own->setPort(port);
    m_own->setDesiredNick(QStringLiteral("me"));
    m_own->setReconnectDelays(100, 400);
    m_book = new ContactBook;
    m_book->load(QStringLiteral("127.0.0.1"));
    m_tracker = new PresenceTracker(m_own, m_book);
    m_tracker->setPollInterval(200);
}

void tst_PresenceTracker::monitoredOnlineAwayOffline()
{
    startServer();
    makeOwn({QStringLiteral("bob")}, m_port);
    QSignalSpy changed(m_tracker, &PresenceTracker::presenceChanged);
    QCOMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Unknown);
    m_own->connectToServer();
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Offline); // 731
    QVERIFY(m_tracker->isMonitored(QStringLiteral("BOB")));
    QVERIFY(!m_tracker->presence(QStringLiteral("bob")).lastSeen.isValid());

    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Online); // 730
    QVERIFY(m_own->network().roomsOf(QStringLiteral("bob")).isEmpty()); // not from a room
    QCOMPARE(changed.last().at(0).toString(), QStringLiteral("bob"));

    bob->setAway(QStringLiteral("lunch")); // no room shared: WHO finds it out
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Away);
    bob->setAway(QString());
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Online);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    bob->disconnectFromServer(QStringLiteral("bye"));
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Offline);
    const QDateTime seen = m_tracker->presence(QStringLiteral("bob")).lastSeen;
    QVERIFY(seen >= before && seen <= QDateTime::currentDateTimeUtc().addSecs(1));
    ContactBook later; // remembered for the next start
    later.load(QStringLiteral("127.0.0.1"));
    QCOMPARE(later.lastSeen(QStringLiteral("bob")).toSecsSinceEpoch(), seen.toSecsSinceEpoch());
}

void tst_PresenceTracker::awayMessageFromSharedRoom()
{
    startServer();
    makeOwn({QStringLiteral("bob")}, m_port);
    m_own->connectToServer();
    QTRY_VERIFY(m_own->isRegistered());
    m_own->join(QStringLiteral("#dev"));
    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    bob->join(QStringLiteral("#dev"));
    QTRY_VERIFY(m_own->network().isMember(QStringLiteral("#dev"), QStringLiteral("bob")));
    bob->setAway(QStringLiteral("gone fishing")); // away-notify, with the words
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Away);
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).awayMessage,
                 QStringLiteral("gone fishing"));
    // WHO says only "away", without the words: they are kept.
    QSignalSpy away(m_own, &ServerConnection::awayChanged);
    m_own->sendRaw(IrcCommand::who(QStringLiteral("bob")));
    QTRY_COMPARE(away.count(), 1);
    QVERIFY(away.at(0).at(2).toString().isEmpty());
    QCOMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Away);
    QCOMPARE(m_tracker->presence(QStringLiteral("bob")).awayMessage,
             QStringLiteral("gone fishing"));
}

void tst_PresenceTracker::addedAndRemovedWhileConnected()
{
    startServer();
    makeOwn({}, m_port);
    m_own->connectToServer();
    QTRY_VERIFY(m_own->isRegistered());
    ServerConnection* carol = connectAs(QStringLiteral("carol"));
    QCOMPARE(m_book->add(QStringLiteral("Carol")), ContactBook::AddResult::Added);
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Online);
    QVERIFY(m_tracker->isMonitored(QStringLiteral("carol")));
    m_book->remove(QStringLiteral("carol"));
    QVERIFY(!m_tracker->isMonitored(QStringLiteral("carol")));
    QSignalSpy changed(m_tracker, &PresenceTracker::presenceChanged);
    carol->disconnectFromServer();
    QTRY_COMPARE(m_server->clientCount(), 1); // carol is gone: a 731 would be on its way
    m_book->add(QStringLiteral("dave"));       // its 731 comes after any for carol
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("dave")).state, State::Offline);
    QCOMPARE(changed.count(), 1); // MONITOR - was sent: nothing for carol
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("dave"));
}

void tst_PresenceTracker::remonitoredAfterReconnect()
{
    startServer();
    makeOwn({QStringLiteral("carol")}, m_port);
    m_own->connectToServer();
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Offline);
    ServerConnection* carol = connectAs(QStringLiteral("carol"));
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Online);

    m_server->shutdown(QStringLiteral("maintenance"));
    QTRY_COMPARE(m_own->state(), ServerConnection::State::Reconnecting);
    // Not connected: nothing is known, but carol was seen until now.
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Unknown);
    QVERIFY(m_tracker->presence(QStringLiteral("carol")).lastSeen.isValid());
    QTRY_COMPARE(m_server->clientCount(), 0);
    m_server.reset();
    delete carol;
    m_peers.removeOne(carol);

    startServer(100, m_port); // back on the same port: we reconnect by ourselves
    QTRY_VERIFY_WITH_TIMEOUT(m_own->isRegistered(), 10000);
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Offline);
    connectAs(QStringLiteral("carol"));
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Online);
    QVERIFY(m_tracker->isMonitored(QStringLiteral("carol")));
}

void tst_PresenceTracker::limitRespectedRestPolled()
{
    startServer(1); // MONITOR=1
    makeOwn({QStringLiteral("bob"), QStringLiteral("carol")}, m_port);
    m_own->connectToServer();
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Offline);
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Offline);
    QVERIFY(m_tracker->isMonitored(QStringLiteral("bob")));
    QVERIFY(!m_tracker->isMonitored(QStringLiteral("carol"))); // over the limit: ISON
    connectAs(QStringLiteral("bob"));
    ServerConnection* carol = connectAs(QStringLiteral("carol"));
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Online);
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Online);
    carol->disconnectFromServer();
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Offline);
}

void tst_PresenceTracker::withoutMonitorIsOnIsPolled()
{
    FakeIrcServer fake;
    fake.autoWelcome = true; // 005 without MONITOR
    QVERIFY(fake.listen());
    makeOwn({QStringLiteral("bob"), QStringLiteral("carol")}, fake.port());
    m_own->connectToServer();
    QTRY_VERIFY(m_own->isRegistered());
    fake.sendLine(":fake.server 376 me :End of MOTD");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("ISON")).isEmpty());
    QVERIFY(fake.receivedCommands(QStringLiteral("MONITOR")).isEmpty());
    QCOMPARE(fake.receivedCommands(QStringLiteral("ISON")).at(0).params(),
             (QStringList{"bob", "carol"}));
    QVERIFY(!m_tracker->isMonitored(QStringLiteral("bob")));
    fake.sendLine(":fake.server 303 me :Bob");
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Online);
    QCOMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Offline);
    // Online and in no room with us: WHO tells whether away.
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("WHO")).isEmpty());
    fake.sendLine(":fake.server 352 me * u h fake.server bob G :0 Bob");
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Away);
    // Asked again now and then; an answer nobody asked for changes nothing.
    fake.clearReceived();
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("ISON")).isEmpty());
    fake.sendLine(":fake.server 303 me :");
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Offline);
    for (int i = 0; i < 50; ++i)
        fake.sendLine(":fake.server 303 me :bob carol");
    fake.sendLine(":fake.server 731 me :bob,ghost");
    fake.sendLine("PING :marker"); // answered after every line before it was read
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("PONG")).isEmpty());
    QVERIFY(m_own->isRegistered());
}

void tst_PresenceTracker::listFullFallsBackToIsOn()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    makeOwn({QStringLiteral("bob"), QStringLiteral("carol")}, fake.port());
    m_tracker->setPollInterval(60000);
    m_own->connectToServer();
    QTRY_VERIFY(m_own->isRegistered());
    fake.sendLine(":fake.server 005 me MONITOR=5 :are supported");
    fake.sendLine(":fake.server 376 me :End of MOTD");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("MONITOR")).isEmpty());
    QCOMPARE(fake.receivedCommands(QStringLiteral("MONITOR")).at(0).params(),
             (QStringList{"+", "bob,carol"}));
    QVERIFY(fake.receivedCommands(QStringLiteral("ISON")).isEmpty());
    fake.sendLine(":fake.server 730 me :bob!b@h");
    fake.sendLine(":fake.server 734 me 1 carol :Monitor list is full.");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("ISON")).isEmpty());
    QCOMPARE(fake.receivedCommands(QStringLiteral("ISON")).at(0).params(), QStringList{"carol"});
    QVERIFY(!m_tracker->isMonitored(QStringLiteral("carol")));
    QCOMPARE(m_tracker->presence(QStringLiteral("bob")).state, State::Online);
    fake.sendLine(":fake.server 303 me :carol");
    QTRY_COMPARE(m_tracker->presence(QStringLiteral("carol")).state, State::Online);
}

QTEST_MAIN(tst_PresenceTracker)
#include "tst_presencetracker.moc"

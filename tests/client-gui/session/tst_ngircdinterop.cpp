// ServerConnection against a server we did not write: ngircd from its Debian package, started
// on a free loopback port with a generated configuration and stopped at the end.
#include "irccommand.h"
#include "ircnumerics.h"
#include "models/contactlistmodel.h"
#include "models/conversationstore.h"
#include "models/memberlistmodel.h"
#include "models/roomlistmodel.h"
#include "session/chatcontroller.h"
#include "session/historyfetcher.h"
#include "session/presencetracker.h"
#include "session/readmarkersync.h"
#include "session/serverconnection.h"
#include "session/typingnotifier.h"

#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>
#include <unistd.h>

namespace {
const QString NgircdPath = QStringLiteral("/usr/sbin/ngircd");
}

class tst_NgircdInterop : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void registersAndNegotiates();
    void nameInUseThenAnotherName();
    void privateAndRoomMessages();
    void renameAndQuitAreSeen();
    void controllerModelsOnNgircd();
    void contactsAndMembersWithoutMonitor();
    void serverGoingAwayIsReported();
    void noHistoryQuietly();

private:
    ServerConnection* connectAs(const QString& nick);
    bool startServer();

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_ngircd;
    quint16 m_port = 0;
    QByteArray m_output;
    QList<ServerConnection*> m_connections;
};

bool tst_NgircdInterop::startServer()
{
    m_output.clear();
    m_ngircd = std::make_unique<QProcess>();
    m_ngircd->setProcessChannelMode(QProcess::MergedChannels);
    connect(m_ngircd.get(), &QProcess::readyRead, this,
            [this] { m_output += m_ngircd->readAll(); });
    m_ngircd->start(NgircdPath, {QStringLiteral("-n"), QStringLiteral("-f"),
                                 m_dir.filePath(QStringLiteral("ngircd.conf"))});
    const bool settled = QTest::qWaitFor(
        [this] {
            return m_output.contains("Now listening on") ||
                   m_ngircd->state() == QProcess::NotRunning;
        },
        10000);
    return settled && m_output.contains("Now listening on") &&
           m_ngircd->state() == QProcess::Running;
}

void tst_NgircdInterop::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the controller keeps contacts in the settings
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ngircdinterop"));
    QSettings().clear();
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    if (!QFile::exists(NgircdPath))
        QSKIP("ngircd is not installed (apt-get install ngircd)");
    QVERIFY(m_dir.isValid());
    {
        QTcpServer probe; // a free port, released just before ngircd takes it
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
    }
    QString conf = QStringLiteral("[Global]\n"
                                  "Name = interop.confab.test\n"
                                  "Info = Confab interop test\n"
                                  "Listen = 127.0.0.1\n"
                                  "Ports = %1\n"
                                  "MotdPhrase = \"Confab interop test\"\n")
                       .arg(m_port);
    if (::geteuid() == 0) // ngircd refuses to keep root privileges
        conf += QStringLiteral("ServerUID = nobody\nServerGID = nogroup\n");
    conf += QStringLiteral("[Limits]\nMaxNickLength = 30\nMaxConnectionsIP = 0\n"
                           "[Options]\nPAM = no\nIdent = no\nDNS = no\n");
    QFile file(m_dir.filePath(QStringLiteral("ngircd.conf")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(conf.toUtf8());
    file.close();
    QVERIFY2(startServer(), m_output.constData());
}

void tst_NgircdInterop::cleanupTestCase()
{
    if (m_ngircd && m_ngircd->state() != QProcess::NotRunning) {
        m_ngircd->terminate();                // SIGTERM to this child only
        if (!m_ngircd->waitForFinished(5000)) // a separate process: blocking is harmless
            m_ngircd->kill();
    }
}

void tst_NgircdInterop::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
}

ServerConnection* tst_NgircdInterop::connectAs(const QString& nick)
{
    auto* connection = new ServerConnection(this);
    m_connections.append(connection);
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(m_port);
    connection->setDesiredNick(nick);
    connection->setAutoReconnect(false);
    connection->connectToServer();
    return connection;
}

void tst_NgircdInterop::registersAndNegotiates()
{
    const QString nick =
        QStringLiteral("ann%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(6));
    ServerConnection* ann = connectAs(nick);
    QSignalSpy registered(ann, &ServerConnection::registered);
    QSignalSpy lag(ann, &ServerConnection::lagChanged);
    QTRY_COMPARE_WITH_TIMEOUT(registered.count(), 1, 10000);
    QCOMPARE(ann->state(), ServerConnection::State::Connected);
    QCOMPARE(ann->nick(), nick);
    // ngircd offers multi-prefix only: we take it and live without the others.
    QVERIFY(ann->hasCapability(QStringLiteral("multi-prefix")));
    QVERIFY(!ann->hasCapability(QStringLiteral("echo-message")));
    QCOMPARE(ann->caseMapping().name(), QStringLiteral("ascii"));
    QVERIFY(ann->serverName().contains(QStringLiteral("interop.confab.test")));
    // Our own PING is answered: lag is measured.
    QTRY_VERIFY(!lag.isEmpty() && lag.last().at(0).toInt() >= 0);
    QVERIFY(ann->lag() >= 0 && ann->lag() < 5000);
}

void tst_NgircdInterop::nameInUseThenAnotherName()
{
    ServerConnection* first = connectAs(QStringLiteral("taken"));
    QTRY_VERIFY_WITH_TIMEOUT(first->isRegistered(), 10000);

    ServerConnection* second = connectAs(QStringLiteral("TAKEN"));
    QSignalSpy rejected(second, &ServerConnection::nameRejected);
    QSignalSpy registered(second, &ServerConnection::registered);
    QTRY_COMPARE_WITH_TIMEOUT(rejected.count(), 1, 10000);
    QCOMPARE(rejected.at(0).at(1).toInt(), IrcNumeric::ERR_NICKNAMEINUSE);
    QCOMPARE(second->state(), ServerConnection::State::Registering);
    second->setNick(QStringLiteral("taken2"));
    QTRY_COMPARE(registered.count(), 1);
    QCOMPARE(second->nick(), QStringLiteral("taken2"));
}

void tst_NgircdInterop::privateAndRoomMessages()
{
    ServerConnection* alice = connectAs(QStringLiteral("alice"));
    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    QTRY_VERIFY_WITH_TIMEOUT(alice->isRegistered() && bob->isRegistered(), 10000);

    QSignalSpy aliceJoined(alice, &ServerConnection::roomJoined);
    QSignalSpy aliceSees(alice, &ServerConnection::userJoined);
    alice->join(QStringLiteral("#interop"));
    QTRY_COMPARE(aliceJoined.count(), 1);
    QSignalSpy bobNames(bob, &ServerConnection::namesReceived);
    bob->join(QStringLiteral("#interop"));
    QTRY_COMPARE(aliceSees.count(), 1);
    QCOMPARE(aliceSees.at(0).at(0).toString(), QStringLiteral("#interop"));
    QCOMPARE(aliceSees.at(0).at(1).toString(), QStringLiteral("bob"));
    QTRY_COMPARE(bobNames.count(), 1);
    QStringList names = bobNames.at(0).at(1).toStringList();
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("alice"), QStringLiteral("bob")})); // no '@'
    QCOMPARE(bob->members(QStringLiteral("#INTEROP")).size(), 2);

    // Private: bob -> alice; bob sees his own line once (no echo-message here: local echo).
    QSignalSpy alicePrivate(alice, &ServerConnection::privateMessage);
    QSignalSpy bobPrivate(bob, &ServerConnection::privateMessage);
    bob->sendMessage(QStringLiteral("alice"), QStringLiteral("hello alice, 你好"));
    QTRY_COMPARE(alicePrivate.count(), 1);
    auto received = alicePrivate.at(0).at(0).value<ChatMessage>();
    QCOMPARE(received.sender, QStringLiteral("bob"));
    QCOMPARE(received.text, QStringLiteral("hello alice, 你好"));
    QVERIFY(!received.isOwn);
    QVERIFY(received.time.isValid());
    QCOMPARE(bobPrivate.count(), 1);
    QVERIFY(bobPrivate.at(0).at(0).value<ChatMessage>().isOwn);

    // Room: bob -> #interop reaches alice, an action too.
    QSignalSpy aliceRoom(alice, &ServerConnection::roomMessage);
    bob->sendMessage(QStringLiteral("#interop"), QStringLiteral("hi room"));
    bob->sendAction(QStringLiteral("#interop"), QStringLiteral("waves"));
    QTRY_COMPARE(aliceRoom.count(), 2);
    const auto roomLine = aliceRoom.at(0).at(0).value<ChatMessage>();
    QCOMPARE(roomLine.target, QStringLiteral("#interop"));
    QCOMPARE(roomLine.text, QStringLiteral("hi room"));
    const auto action = aliceRoom.at(1).at(0).value<ChatMessage>();
    QVERIFY(action.isAction);
    QCOMPARE(action.text, QStringLiteral("waves"));

    // A long message is split, never cut.
    const QString longText = QString(900, QLatin1Char('x'));
    aliceRoom.clear();
    bob->sendMessage(QStringLiteral("#interop"), longText);
    QTRY_COMPARE(aliceRoom.count(), 3);
    QString joined;
    for (const QList<QVariant>& args : aliceRoom)
        joined += args.at(0).value<ChatMessage>().text;
    QCOMPARE(joined, longText);
}

void tst_NgircdInterop::renameAndQuitAreSeen()
{
    ServerConnection* carol = connectAs(QStringLiteral("carol"));
    ServerConnection* dave = connectAs(QStringLiteral("dave"));
    QTRY_VERIFY_WITH_TIMEOUT(carol->isRegistered() && dave->isRegistered(), 10000);
    carol->join(QStringLiteral("#rename"));
    QTRY_VERIFY(carol->rooms().contains(QStringLiteral("#rename")));
    QSignalSpy joined(carol, &ServerConnection::userJoined);
    dave->join(QStringLiteral("#rename"));
    QTRY_COMPARE(joined.count(), 1);

    QSignalSpy renamed(carol, &ServerConnection::nickChanged);
    QSignalSpy ownRename(dave, &ServerConnection::nickChanged);
    dave->setNick(QStringLiteral("david"));
    QTRY_COMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).toString(), QStringLiteral("dave"));
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("david"));
    QCOMPARE(renamed.at(0).at(2).toStringList(), QStringList{QStringLiteral("#rename")});
    QVERIFY(carol->members(QStringLiteral("#rename")).contains(QStringLiteral("david")));
    QTRY_COMPARE(ownRename.count(), 1);
    QCOMPARE(dave->nick(), QStringLiteral("david"));

    QSignalSpy parted(carol, &ServerConnection::userLeft);
    QSignalSpy quit(carol, &ServerConnection::userQuit);
    dave->part(QStringLiteral("#rename"), QStringLiteral("see you"));
    QTRY_COMPARE(parted.count(), 1);
    QCOMPARE(parted.at(0).at(2).toString(), QStringLiteral("see you"));
    dave->join(QStringLiteral("#rename"));
    QTRY_COMPARE(joined.count(), 2);
    dave->disconnectFromServer(QStringLiteral("bye now"));
    QTRY_COMPARE(quit.count(), 1);
    QCOMPARE(quit.at(0).at(0).toString(), QStringLiteral("david"));
    QVERIFY(quit.at(0).at(1).toString().contains(QStringLiteral("bye now")));
    QVERIFY(!carol->members(QStringLiteral("#rename")).contains(QStringLiteral("david")));
}

void tst_NgircdInterop::controllerModelsOnNgircd()
{
    // The whole client session, not only the connection: ngircd does not put anyone in
    // #lobby, so the client joins it itself; the models follow ngircd's replies.
    ChatController controller;
    ServerConnection* own = controller.connection();
    own->setHost(QStringLiteral("127.0.0.1"));
    own->setPort(m_port);
    own->setDesiredNick(QStringLiteral("gui"));
    own->setAutoReconnect(false);
    own->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(own->isRegistered(), 10000);
    QTRY_VERIFY(controller.rooms()->isJoined(QStringLiteral("#lobby")));

    // The member list of the room on screen; the contact list is only the user's contacts.
    controller.setActiveConversation(controller.conversations()->find(QStringLiteral("#lobby")));
    QTRY_COMPARE(controller.members()->nicks(), QStringList{QStringLiteral("gui")});
    ServerConnection* peer = connectAs(QStringLiteral("peer"));
    QTRY_VERIFY_WITH_TIMEOUT(peer->isRegistered(), 10000);
    peer->join(QStringLiteral("#lobby"));
    QTRY_COMPARE(controller.members()->nicks(), (QStringList{"gui", "peer"}));
    QVERIFY(controller.contacts()->nicks().isEmpty());
    peer->sendMessage(QStringLiteral("gui"), QStringLiteral("private hello"));
    QTRY_VERIFY(controller.conversations()->find(QStringLiteral("peer")));
    ConversationModel* conversation = controller.conversations()->find(QStringLiteral("peer"));
    QTRY_COMPARE(conversation->unreadCount(), 1);
    QCOMPARE(controller.contacts()->unreadCount(QStringLiteral("peer")), 1);
    QVERIFY(conversation->lastText().contains(QStringLiteral("private hello")));
    peer->setAway(QStringLiteral("brb"));
    peer->setNick(QStringLiteral("peer2"));
    QTRY_COMPARE(controller.members()->nicks(), (QStringList{"gui", "peer2"}));
    QCOMPARE(conversation->name(), QStringLiteral("peer2"));
    controller.submitInput(QStringLiteral("/msg peer2 answer"));
    QSignalSpy received(peer, &ServerConnection::privateMessage);
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.at(0).at(0).value<ChatMessage>().text, QStringLiteral("answer"));
    peer->disconnectFromServer(QStringLiteral("bye"));
    QTRY_COMPARE(controller.members()->nicks(), QStringList{QStringLiteral("gui")});
}

// Contacts, operator marks and typing on a server without MONITOR or message-tags: presence
// comes from ISON, MODE changes still show, nothing is sent that the server does not know.
void tst_NgircdInterop::contactsAndMembersWithoutMonitor()
{
    ChatController controller;
    // ngircd handles about one command a second from a client: poll slower than that.
    controller.presence()->setPollInterval(3000);
    ServerConnection* own = controller.connection();
    own->setHost(QStringLiteral("127.0.0.1"));
    own->setPort(m_port);
    own->setDesiredNick(QStringLiteral("watcher"));
    own->setAutoReconnect(false);
    QSignalSpy info(own, &ServerConnection::serverInfo);
    own->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(own->isRegistered(), 10000);
    QVERIFY(!own->serverSupport().has(QStringLiteral("MONITOR")));
    QVERIFY(!own->hasCapability(QStringLiteral("message-tags")));
    ServerConnection* buddy = connectAs(QStringLiteral("friend"));
    QTRY_VERIFY_WITH_TIMEOUT(buddy->isRegistered(), 10000);

    // Operator marks from ngircd's NAMES and MODE lines; typing is not sent without tags.
    controller.joinRoom(QStringLiteral("#marks"));
    QTRY_VERIFY_WITH_TIMEOUT(controller.rooms()->isJoined(QStringLiteral("#marks")), 10000);
    controller.setActiveConversation(controller.conversations()->find(QStringLiteral("#marks")));
    QTRY_COMPARE(controller.members()->prefixesOf(QStringLiteral("watcher")), QStringLiteral("@"));
    buddy->join(QStringLiteral("#marks"));
    QTRY_VERIFY_WITH_TIMEOUT(controller.members()->contains(QStringLiteral("friend")), 10000);
    controller.typingNotifier()->textEdited(QStringLiteral("#marks"), QStringLiteral("abc"));
    own->sendRaw(IrcCommand::mode(QStringLiteral("#marks"), QStringLiteral("+v"),
                                  {QStringLiteral("friend")}));
    QTRY_COMPARE_WITH_TIMEOUT(controller.members()->prefixesOf(QStringLiteral("friend")),
                              QStringLiteral("+"), 10000);
    buddy->part(QStringLiteral("#marks"));
    QTRY_VERIFY_WITH_TIMEOUT(!controller.members()->contains(QStringLiteral("friend")), 10000);

    // A contact, without MONITOR: ISON says whether online, WHO whether away.
    controller.addContact(QStringLiteral("friend"));
    QVERIFY(!controller.presence()->isMonitored(QStringLiteral("friend")));
    QTRY_COMPARE_WITH_TIMEOUT(controller.contacts()->presence(QStringLiteral("friend")).state,
                              ContactPresence::State::Online, 10000);
    buddy->setAway(QStringLiteral("later"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.contacts()->presence(QStringLiteral("friend")).state,
                              ContactPresence::State::Away, 15000);
    buddy->disconnectFromServer(QStringLiteral("bye"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.contacts()->presence(QStringLiteral("friend")).state,
                              ContactPresence::State::Offline, 15000);
    QVERIFY(controller.contacts()->presence(QStringLiteral("friend")).lastSeen.isValid());
    QVERIFY(own->isRegistered());
    for (const QList<QVariant>& line : info) // no "unknown command" for anything we sent
        QVERIFY2(!line.at(0).toString().contains(QStringLiteral("nknown")),
                 qPrintable(line.at(0).toString()));
    controller.removeContact(QStringLiteral("friend"));
}

void tst_NgircdInterop::serverGoingAwayIsReported()
{
    ServerConnection* eve = connectAs(QStringLiteral("eve"));
    eve->setAutoReconnect(true);
    eve->setReconnectDelays(100, 400);
    QTRY_VERIFY_WITH_TIMEOUT(eve->isRegistered(), 10000);
    eve->join(QStringLiteral("#again"));
    QTRY_VERIFY(eve->rooms().contains(QStringLiteral("#again")));

    QSignalSpy states(eve, &ServerConnection::stateChanged);
    QSignalSpy errors(eve, &ServerConnection::errorOccurred);
    m_ngircd->terminate();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), 10000);
    QTRY_VERIFY(eve->state() == ServerConnection::State::Reconnecting ||
                eve->state() == ServerConnection::State::Connecting);
    eve->sendMessage(QStringLiteral("#again"), QStringLiteral("typed while offline"));
    QCOMPARE(eve->outboxSize(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_ngircd->state(), QProcess::NotRunning, 10000);

    // Back: reconnects, rejoins its room and sends what was typed meanwhile.
    QVERIFY2(startServer(), m_output.constData());
    QSignalSpy rejoined(eve, &ServerConnection::roomJoined);
    QTRY_VERIFY_WITH_TIMEOUT(eve->isRegistered(), 15000);
    QTRY_COMPARE(rejoined.count(), 1);
    QCOMPARE(rejoined.at(0).at(0).toString(), QStringLiteral("#again"));
    QCOMPARE(eve->outboxSize(), 0);
}

// Without draft/chathistory and draft/read-marker: no backlog, no requests the server would
// refuse, no error lines; reading and scrolling up do nothing.
void tst_NgircdInterop::noHistoryQuietly()
{
    ServerConnection* peer = connectAs(QStringLiteral("early"));
    QTRY_VERIFY_WITH_TIMEOUT(peer->isRegistered(), 10000);
    peer->join(QStringLiteral("#lobby"));
    QTRY_VERIFY(peer->rooms().contains(QStringLiteral("#lobby")));
    peer->sendMessage(QStringLiteral("#lobby"), QStringLiteral("said before you came"));
    QSignalSpy peerWhois(peer, &ServerConnection::whoisReceived);
    peer->whois(QStringLiteral("early")); // answered once ngircd has relayed the line (it paces)
    QTRY_COMPARE_WITH_TIMEOUT(peerWhois.count(), 1, 10000);

    ChatController controller;
    ServerConnection* own = controller.connection();
    own->setHost(QStringLiteral("127.0.0.1"));
    own->setPort(m_port);
    own->setDesiredNick(QStringLiteral("nohistory"));
    own->setAutoReconnect(false);
    own->connectToServer();
    QTRY_VERIFY_WITH_TIMEOUT(own->isRegistered(), 10000);
    QTRY_VERIFY(controller.rooms()->isJoined(QStringLiteral("#lobby")));
    QVERIFY(!controller.history()->isAvailable());
    ConversationModel* lobby = controller.conversations()->find(QStringLiteral("#lobby"));
    QVERIFY(lobby);
    peer->sendMessage(QStringLiteral("#lobby"), QStringLiteral("live line"));
    QTRY_VERIFY(lobby->lastText().contains(QStringLiteral("live line")));
    controller.setActiveConversation(lobby); // would send MARKREAD with read-marker
    controller.loadOlder(lobby);             // would send CHATHISTORY BEFORE
    QVERIFY(!controller.history()->requestOlder(QStringLiteral("#lobby"), {}, {}));
    // Everything sent before this WHOIS is answered before it.
    QSignalSpy whois(own, &ServerConnection::whoisReceived);
    controller.readMarkers()->sendPending(); // a MARKREAD would go now, not after the delay
    own->whois(QStringLiteral("early"));
    QTRY_COMPARE(whois.count(), 1);
    for (ConversationModel* conversation : controller.conversations()->conversations()) {
        for (int row = 0; row < conversation->rowCount(); ++row) {
            const QString text = conversation->textAt(row);
            QVERIFY2(!text.contains(QStringLiteral("said before you came")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("CHATHISTORY")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("MARKREAD")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("nknown command")), qPrintable(text));
            const auto kind = conversation->index(row)
                                  .data(ConversationModel::KindRole)
                                  .value<ConversationModel::Kind>();
            QVERIFY2(kind != ConversationModel::Kind::Error, qPrintable(text));
        }
    }
    own->disconnectFromServer();
}

QTEST_GUILESS_MAIN(tst_NgircdInterop)
#include "tst_ngircdinterop.moc"

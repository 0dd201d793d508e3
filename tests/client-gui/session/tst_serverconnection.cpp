// ServerConnection over real loopback sockets: against the in-process confabd for the IRCv3
// path, and against a scripted FakeIrcServer for servers without CAP, pings, timeouts, odd lines
// and reconnection; against an in-process confabd with TLS (TlsTestServer) for certificates
// trusted on first use, pinned, and changed.
#include "connection/certificatecheck.h"
#include "core/servercore.h"
#include "fakeircserver.h"
#include "freeport.h"
#include "irclimits.h"
#include "net/server.h"
#include "session/clientsettings.h"
#include "session/serverconnection.h"
#include "state/serveruser.h"
#include "state/userregistry.h"
#include "tlstestserver.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <utility>

class tst_ServerConnection : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void negotiatesCapsWithConfabd();
    void echoShowsOwnMessageOnce();
    void worksWithoutCap_data();
    void worksWithoutCap();
    void answersPing();
    void noPongMeansConnectionLost();
    void longTextIsSplitAtCharacterBoundaries();
    void overlongAndBrokenLinesAreSkipped();
    void namesWithPrefixesAndAwayFromWho();
    void awayRefreshedWithoutAwayNotify();
    void outboxFailsWhenOfflineForGood();
    void reconnectsWithBackoff();
    void renamedWhileReconnectingTakesVariant();
    void firstAddressThatAnswersIsUsed();
    void noAddressAnsweringIsOneError();
    void reconnectsToTheNextAddressAfterALoss();
    void variantAfterReconnectionBecomesTheNameOnceFree();
    void nameChosenMeanwhileIsKept();
    void tlsFirstUseAsksBeforeAnything();
    void tlsTrustConnectsRegistersAndPins();
    void tlsPinnedConnectsWithoutAsking();
    void tlsChangedCertificateBlocksUntilAccepted();
    void tlsChangedWhileReconnectingStopsRetrying();
    void tlsRefusedCertificateStaysDisconnected();
    void tlsToPlainPortIsAnError();

private:
    // An in-process confabd on 127.0.0.1, port 0 (history only with a data directory).
    bool startServer(const QString& dataDir = {});
    ServerConnection* makeConnection(quint16 port, const QString& nick);
    std::pair<ServerConnection*, ServerConnection*> reconnectedUnderAVariant();
    std::unique_ptr<Server> m_server;
    QList<ServerConnection*> m_connections;
};

void tst_ServerConnection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // certificate pins: a test QSettings
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_serverconnection"));
    QSettings().clear();
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_ServerConnection::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    m_server.reset();
    QSettings().remove(SettingsKeys::CertificatePins);
}

bool tst_ServerConnection::startServer(const QString& dataDir)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.dataDir = dataDir;
    m_server = std::make_unique<Server>(config);
    return m_server->listen();
}

ServerConnection* tst_ServerConnection::makeConnection(quint16 port, const QString& nick)
{
    auto* connection = new ServerConnection(this);
    m_connections.append(connection);
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(port);
    connection->setDesiredNick(nick);
    return connection;
}

void tst_ServerConnection::negotiatesCapsWithConfabd()
{
    QTemporaryDir dataDir; // with a data directory, history: draft/chathistory and read markers
    QVERIFY(dataDir.isValid());
    QVERIFY(startServer(dataDir.path()));
    ServerConnection* c = makeConnection(m_server->serverPort(), QStringLiteral("ann"));
    QSignalSpy states(c, &ServerConnection::stateChanged);
    QSignalSpy joined(c, &ServerConnection::roomJoined);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    for (const QString& cap : ServerConnection::wantedCapabilities())
        QVERIFY2(c->hasCapability(cap), qPrintable(cap));
    QCOMPARE(states.at(0).at(0).value<ServerConnection::State>(),
             ServerConnection::State::Connecting);
    QCOMPARE(states.at(1).at(0).value<ServerConnection::State>(),
             ServerConnection::State::Registering);
    QCOMPARE(states.at(2).at(0).value<ServerConnection::State>(),
             ServerConnection::State::Connected);
    QTRY_COMPARE(joined.count(), 1);
    QCOMPARE(joined.at(0).at(0).toString(), QStringLiteral("#lobby"));
    QTRY_VERIFY(c->lag() >= 0);
    m_server.reset(); // before its data directory goes
}

void tst_ServerConnection::echoShowsOwnMessageOnce()
{
    QVERIFY(startServer());
    ServerConnection* ann = makeConnection(m_server->serverPort(), QStringLiteral("ann"));
    ServerConnection* ben = makeConnection(m_server->serverPort(), QStringLiteral("ben"));
    ann->connectToServer();
    ben->connectToServer();
    QTRY_VERIFY(ann->isRegistered() && ben->isRegistered());
    QTRY_VERIFY(ann->members(QStringLiteral("#lobby")).contains(QStringLiteral("ben")));

    QSignalSpy annRoom(ann, &ServerConnection::roomMessage);
    QSignalSpy benRoom(ben, &ServerConnection::roomMessage);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    ann->sendMessage(QStringLiteral("#LOBBY"), QStringLiteral("once"));
    QTRY_COMPARE(benRoom.count(), 1);
    QTRY_COMPARE(annRoom.count(), 1);
    QTest::qWait(100);
    QCOMPARE(annRoom.count(), 1); // the echo, not a local copy as well
    const auto own = annRoom.at(0).at(0).value<ChatMessage>();
    QVERIFY(own.isOwn);
    QCOMPARE(own.target, QStringLiteral("#lobby")); // the joined room's spelling
    const auto other = benRoom.at(0).at(0).value<ChatMessage>();
    QVERIFY(!other.isOwn);
    QCOMPARE(other.sender, QStringLiteral("ann"));
    QVERIFY(other.time >= before && other.time <= QDateTime::currentDateTimeUtc().addSecs(1));
}

void tst_ServerConnection::worksWithoutCap_data()
{
    QTest::addColumn<bool>("rejectCap");
    QTest::newRow("CAP ignored") << false;
    QTest::newRow("CAP answered with 421") << true;
}

void tst_ServerConnection::worksWithoutCap()
{
    QFETCH(bool, rejectCap);
    FakeIrcServer fake;
    fake.autoWelcome = true;
    fake.rejectCap = rejectCap;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("plain"));
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QVERIFY(c->capabilities().isEmpty());
    QCOMPARE(c->caseMapping().name(), QStringLiteral("ascii"));
    QVERIFY(!fake.receivedCommands(QStringLiteral("NICK")).isEmpty());
    QVERIFY(!fake.receivedCommands(QStringLiteral("USER")).isEmpty());

    // Own messages are shown locally (no echo-message), incoming ones without a time tag get
    // the arrival time.
    QSignalSpy privateSpy(c, &ServerConnection::privateMessage);
    c->sendMessage(QStringLiteral("zed"), QStringLiteral("hi zed"));
    QCOMPARE(privateSpy.count(), 1);
    QVERIFY(privateSpy.at(0).at(0).value<ChatMessage>().isOwn);
    QTRY_COMPARE(fake.receivedCommands(QStringLiteral("PRIVMSG")).size(), 1);
    QCOMPARE(fake.receivedCommands(QStringLiteral("PRIVMSG")).at(0).param(1),
             QStringLiteral("hi zed"));
    fake.sendLine(":zed!z@h PRIVMSG plain :hello back");
    QTRY_COMPARE(privateSpy.count(), 2);
    const auto incoming = privateSpy.at(1).at(0).value<ChatMessage>();
    QCOMPARE(incoming.sender, QStringLiteral("zed"));
    QVERIFY(incoming.time.isValid());
    fake.sendLine("@time=2020-01-02T03:04:05.678Z :zed!z@h PRIVMSG plain :\x01"
                  "ACTION waves\x01");
    QTRY_COMPARE(privateSpy.count(), 3);
    const auto action = privateSpy.at(2).at(0).value<ChatMessage>();
    QVERIFY(action.isAction);
    QCOMPARE(action.text, QStringLiteral("waves"));
    QCOMPARE(action.time, QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5, 678), Qt::UTC));
}

void tst_ServerConnection::answersPing()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("pinged"));
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    fake.sendLine("PING :token-42");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("PONG")).isEmpty());
    QCOMPARE(fake.receivedCommands(QStringLiteral("PONG")).constLast().param(0),
             QStringLiteral("token-42"));

    // The client's own PING measures lag once answered.
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("PING")).isEmpty());
    QSignalSpy lag(c, &ServerConnection::lagChanged);
    const QString token = fake.receivedCommands(QStringLiteral("PING")).constFirst().param(0);
    QTest::qWait(30);
    fake.sendLine(":fake.server PONG fake.server :" + token.toUtf8());
    QTRY_COMPARE(lag.count(), 1);
    QVERIFY(lag.at(0).at(0).toInt() >= 30);
    QCOMPARE(c->lag(), lag.at(0).at(0).toInt());
}

void tst_ServerConnection::noPongMeansConnectionLost()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("lonely"));
    c->setPingInterval(200);
    c->setReconnectDelays(5000, 5000);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    QTRY_COMPARE(errors.count(), 1); // the server never answers our PING
    QCOMPARE(c->state(), ServerConnection::State::Reconnecting);
}

void tst_ServerConnection::longTextIsSplitAtCharacterBoundaries()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("talker"));
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QString text;
    for (int i = 0; i < 300; ++i)
        text += QChar(0x4f60 + i % 50); // 3 UTF-8 bytes each: 900 bytes
    text += QStringLiteral(" 😀 end");
    c->sendMessage(QStringLiteral("#room"), text);
    QTRY_VERIFY(fake.receivedCommands(QStringLiteral("PRIVMSG")).size() >= 3);
    QString joined;
    for (const IrcMessage& m : fake.receivedCommands(QStringLiteral("PRIVMSG"))) {
        QVERIFY(m.toWire().size() <= Limits::MaxLineBytes);
        QVERIFY(!m.hasInvalidUtf8());
        QVERIFY(m.param(1).toUtf8().size() <= ServerConnection::MaxTextBytes);
        joined += m.param(1);
    }
    QCOMPARE(joined.remove(QLatin1Char(' ')), QString(text).remove(QLatin1Char(' ')));
}

void tst_ServerConnection::overlongAndBrokenLinesAreSkipped()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("sturdy"));
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QSignalSpy privateSpy(c, &ServerConnection::privateMessage);
    fake.sendRaw(":x!y@z PRIVMSG sturdy :" + QByteArray(2000, 'a') + "\r\n");
    fake.sendRaw(":\r\n@\r\n:only-source\r\n\xff\xfe\r\n");
    fake.sendRaw(":x!y@z PRIVMSG sturdy :sur");
    fake.sendRaw("vived\r\n");
    QTRY_COMPARE(privateSpy.count(), 1);
    QCOMPARE(privateSpy.at(0).at(0).value<ChatMessage>().text, QStringLiteral("survived"));
    QVERIFY(c->isRegistered());
}

void tst_ServerConnection::namesWithPrefixesAndAwayFromWho()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("me"));
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QSignalSpy names(c, &ServerConnection::namesReceived);
    QSignalSpy away(c, &ServerConnection::awayChanged);
    fake.sendLine(":me!u@h JOIN #Room");
    fake.sendLine(":fake.server 353 me = #room :@+op +voiced plain");
    fake.sendLine(":fake.server 353 me = #room :me");
    fake.sendLine(":fake.server 366 me #room :End of NAMES list");
    QTRY_COMPARE(names.count(), 1);
    QCOMPARE(names.at(0).at(0).toString(), QStringLiteral("#Room"));
    QCOMPARE(names.at(0).at(1).toStringList(), (QStringList{"op", "voiced", "plain", "me"}));
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("WHO")).isEmpty());
    fake.sendLine(":fake.server 352 me #room u h fake.server plain G :0 Plain");
    QTRY_COMPARE(away.count(), 1);
    QCOMPARE(away.at(0).at(0).toString(), QStringLiteral("plain"));
    QCOMPARE(away.at(0).at(1).toBool(), true);

    QSignalSpy quit(c, &ServerConnection::userQuit);
    fake.sendLine(":plain!u@h QUIT :bye");
    QTRY_COMPARE(quit.count(), 1);
    QCOMPARE(quit.at(0).at(2).toStringList(), QStringList{QStringLiteral("#Room")});
    QCOMPARE(c->members(QStringLiteral("#room")), (QStringList{"op", "voiced", "me"}));
}

// ngircd without away-notify: no AWAY lines come, so WHO is asked again and a person who came
// back is seen as back.
void tst_ServerConnection::awayRefreshedWithoutAwayNotify()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection* c = makeConnection(fake.port(), QStringLiteral("me"));
    c->setAwayRefreshInterval(200);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QSignalSpy away(c, &ServerConnection::awayChanged);
    fake.sendLine(":me!u@h JOIN #room");
    fake.sendLine(":fake.server 353 me = #room :me bob");
    fake.sendLine(":fake.server 366 me #room :End of NAMES list");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("WHO")).isEmpty());
    fake.sendLine(":fake.server 352 me #room u h fake.server bob G :0 Bob");
    QTRY_COMPARE(away.count(), 1);
    QCOMPARE(away.at(0).at(1).toBool(), true);

    fake.clearReceived();
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("WHO")).isEmpty()); // asked again
    QCOMPARE(fake.receivedCommands(QStringLiteral("WHO")).constFirst().param(0),
             QStringLiteral("#room"));
    fake.sendLine(":fake.server 352 me #room u h fake.server bob H :0 Bob");
    QTRY_COMPARE(away.count(), 2);
    QCOMPARE(away.at(1).at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(away.at(1).at(1).toBool(), false);
}

void tst_ServerConnection::outboxFailsWhenOfflineForGood()
{
    ServerConnection* c = makeConnection(1, QStringLiteral("nobody"));
    QSignalSpy queued(c, &ServerConnection::messageQueued);
    QSignalSpy failed(c, &ServerConnection::queuedMessageFailed);
    c->sendMessage(QStringLiteral("#lobby"), QStringLiteral("into the void"));
    QCOMPARE(queued.count(), 1);
    QCOMPARE(failed.count(), 1); // not connecting anywhere: marked unsent at once
    QCOMPARE(failed.at(0).at(0).toULongLong(), queued.at(0).at(0).value<ChatMessage>().queueId);
    QCOMPARE(c->outboxSize(), 0);

    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    c->setPort(fake.port());
    c->setReconnectDelays(10000, 10000);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    fake.dropClient();
    QTRY_COMPARE(c->state(), ServerConnection::State::Reconnecting);
    c->sendMessage(QStringLiteral("#lobby"), QStringLiteral("kept"));
    QCOMPARE(c->outboxSize(), 1);
    QCOMPARE(failed.count(), 1);
    c->disconnectFromServer(); // the user gives up: nothing silently lost
    QCOMPARE(failed.count(), 2);
    QCOMPARE(c->outboxSize(), 0);
}

void tst_ServerConnection::reconnectsWithBackoff()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    const quint16 port = fake.port();
    ServerConnection* c = makeConnection(port, QStringLiteral("phoenix"));
    c->setReconnectDelays(50, 200);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    fake.sendLine(":phoenix!u@h JOIN #keep");
    QTRY_COMPARE(c->rooms(), QStringList{QStringLiteral("#keep")});

    QSignalSpy states(c, &ServerConnection::stateChanged);
    fake.close(); // gone, and nothing listens any more
    QTRY_COMPARE(c->state(), ServerConnection::State::Reconnecting);
    // Attempts continue with growing delays (50, 100, 200, 200…) up to the maximum.
    auto attempts = [&states] {
        int count = 0;
        for (const QList<QVariant>& args : states)
            count +=
                args.at(0).value<ServerConnection::State>() == ServerConnection::State::Connecting;
        return count;
    };
    QCOMPARE(c->nextReconnectDelay(), 100);
    QTRY_VERIFY(attempts() >= 3);
    QCOMPARE(c->nextReconnectDelay(), 200);

    FakeIrcServer back;
    back.autoWelcome = true;
    QVERIFY(back.listen(port));
    QTRY_VERIFY_WITH_TIMEOUT(c->isRegistered(), 5000);
    QTRY_VERIFY(!back.receivedCommands(QStringLiteral("JOIN")).isEmpty());
    QCOMPARE(back.receivedCommands(QStringLiteral("JOIN")).at(0).param(0), QStringLiteral("#keep"));
    QCOMPARE(c->nextReconnectDelay(), 50); // reset after success
}

// Several nodes of one network in the server field: the first that answers is used, without an
// error for the ones that did not.
void tst_ServerConnection::firstAddressThatAnswersIsUsed()
{
    const int dead = freeLoopbackPort(); // nothing listens there
    QVERIFY(dead > 0);
    FakeIrcServer node;
    node.autoWelcome = true;
    QVERIFY(node.listen());
    ServerConnection* c = makeConnection(6667, QStringLiteral("nomad"));
    c->setHost(QStringLiteral("127.0.0.1:%1, 127.0.0.1:%2").arg(dead).arg(node.port()));
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QCOMPARE(errors.count(), 0);
    QCOMPARE(c->addressCount(), 2);
    QCOMPARE(c->endpoint().port, node.port());
    QVERIFY(node.hasClient());
}

void tst_ServerConnection::noAddressAnsweringIsOneError()
{
    const int first = freeLoopbackPort(); // nothing listens on either
    int second = freeLoopbackPort();
    for (int i = 0; i < 10 && second == first; ++i)
        second = freeLoopbackPort();
    QVERIFY(first > 0 && second > 0 && first != second);
    ServerConnection* c = makeConnection(6667, QStringLiteral("nomad"));
    c->setHost(QStringLiteral("127.0.0.1:%1 127.0.0.1:%2").arg(first).arg(second));
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    QSignalSpy states(c, &ServerConnection::stateChanged);
    c->connectToServer();
    QTRY_COMPARE(c->state(), ServerConnection::State::Disconnected);
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<ServerConnection::Error>(),
             ServerConnection::Error::ConnectionRefused);
    QCOMPARE(int(c->endpoint().port), second); // both were tried, in order
    QTest::qWait(300);
    QCOMPARE(errors.count(), 1); // and it does not go round again by itself
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
}

// A node goes away: the reconnection goes to the next node, which gets the rooms back.
void tst_ServerConnection::reconnectsToTheNextAddressAfterALoss()
{
    FakeIrcServer a;
    a.autoWelcome = true;
    QVERIFY(a.listen());
    FakeIrcServer b;
    b.autoWelcome = true;
    QVERIFY(b.listen());
    ServerConnection* c = makeConnection(6667, QStringLiteral("nomad"));
    const QString addresses =
        QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(a.port()).arg(b.port());
    c->setHost(addresses);
    c->setReconnectDelays(50, 200);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QVERIFY(a.hasClient());
    QVERIFY(!b.hasClient());
    a.sendLine(":nomad!u@h JOIN #keep");
    QTRY_COMPARE(c->rooms(), QStringList{QStringLiteral("#keep")});

    a.close(); // the node is gone for good
    QTRY_COMPARE(c->state(), ServerConnection::State::Reconnecting);
    QTRY_VERIFY(c->isRegistered());
    QCOMPARE(c->endpoint().port, b.port());
    QTRY_VERIFY(!b.receivedCommands(QStringLiteral("JOIN")).isEmpty());
    QCOMPARE(b.receivedCommands(QStringLiteral("JOIN")).at(0).param(0), QStringLiteral("#keep"));
    QCOMPARE(c->host(), addresses); // the archive, contacts and keyring stay the same
}

// On a fresh confabd: "ann" registers, is cut off, and someone else holds "ann" when it comes
// back, so that the reconnection registers as "ann_". Returns the two connections (the squatter
// registered as "ann"), or nulls.
std::pair<ServerConnection*, ServerConnection*> tst_ServerConnection::reconnectedUnderAVariant()
{
    if (!startServer())
        return {};
    ServerConnection* c = makeConnection(m_server->serverPort(), QStringLiteral("ann"));
    ServerConnection* squatter = makeConnection(m_server->serverPort(), QStringLiteral("ann"));
    c->setReconnectDelays(1000, 1000); // time for the squatter to take the name
    c->connectToServer();
    if (!QTest::qWaitFor([c] { return c->isRegistered(); }, 5000))
        return {};
    ServerUser* ann = m_server->core()->users().findByNick(QStringLiteral("ann"));
    if (!ann)
        return {};
    m_server->core()->disconnect(ann, QStringLiteral("cut off"));
    squatter->connectToServer();
    if (!QTest::qWaitFor([squatter] { return squatter->isRegistered(); }, 5000) ||
        !QTest::qWaitFor([c] { return c->isRegistered(); }, 5000))
        return {};
    return {c, squatter};
}

void tst_ServerConnection::variantAfterReconnectionBecomesTheNameOnceFree()
{
    const auto [c, squatter] = reconnectedUnderAVariant();
    QVERIFY(c && squatter);
    QCOMPARE(c->nick(), QStringLiteral("ann_"));
    QCOMPARE(squatter->nick(), QStringLiteral("ann"));
    QCOMPARE(c->desiredNick(), QStringLiteral("ann"));

    QSignalSpy renamed(c, &ServerConnection::nickChanged);
    squatter->disconnectFromServer();
    QTRY_COMPARE(c->nick(), QStringLiteral("ann"));
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).toString(), QStringLiteral("ann_"));
}

void tst_ServerConnection::nameChosenMeanwhileIsKept()
{
    const auto [c, squatter] = reconnectedUnderAVariant();
    QVERIFY(c && squatter);
    QCOMPARE(c->nick(), QStringLiteral("ann_"));

    c->setNick(QStringLiteral("zed")); // the user settles for another name
    QTRY_COMPARE(c->nick(), QStringLiteral("zed"));
    QCOMPARE(c->desiredNick(), QStringLiteral("zed"));
    squatter->disconnectFromServer();
    QTRY_VERIFY(!m_server->core()->users().findByNick(QStringLiteral("ann")));
    QTest::qWait(200);
    QCOMPARE(c->nick(), QStringLiteral("zed"));
}

void tst_ServerConnection::renamedWhileReconnectingTakesVariant()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    const quint16 port = fake.port();
    ServerConnection* c = makeConnection(port, QStringLiteral("ghost"));
    c->setReconnectDelays(50, 50);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    fake.close();
    QTRY_COMPARE(c->state(), ServerConnection::State::Reconnecting);

    FakeIrcServer back; // our old self is still known there: 433, then a variant is accepted
    QVERIFY(back.listen(port));
    connect(&back, &FakeIrcServer::lineReceived, &back, [&back](const IrcMessage& m) {
        if (m.command() == QLatin1String("NICK") && m.param(0) == QLatin1String("ghost"))
            back.sendLine(":srv 433 * ghost :Nickname is already in use");
        else if (m.command() == QLatin1String("NICK"))
            back.sendLine(":srv 001 " + m.param(0).toUtf8() + " :Welcome");
    });
    QSignalSpy rejected(c, &ServerConnection::nameRejected);
    QTRY_VERIFY_WITH_TIMEOUT(c->isRegistered(), 5000);
    QCOMPARE(c->nick(), QStringLiteral("ghost_"));
    QCOMPARE(rejected.count(), 0); // handled without asking the user
}

// ---- TLS ----------------------------------------------------------------------------------

namespace {

ServerConnection* tlsConnection(ServerConnection* connection, const TlsTestServer& server)
{
    connection->setHost(server.host());
    connection->setPort(server.tlsPort());
    connection->setTls(true);
    return connection;
}

QString fingerprintOf(const QSignalSpy& spy, int index = 0)
{
    return CertificateCheck::fingerprint(spy.at(index).at(0).value<QSslCertificate>());
}

} // namespace

void tst_ServerConnection::tlsFirstUseAsksBeforeAnything()
{
    TlsTestServer server;
    QVERIFY(server.start());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    c->setReconnectDelays(50, 50);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    QSignalSpy registered(c, &ServerConnection::registered);
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    c->connectToServer();
    QTRY_COMPARE(needsTrust.count(), 1);
    QCOMPARE(fingerprintOf(needsTrust), server.fingerprint());
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
    QVERIFY(!c->willRetry());
    QVERIFY(!c->isEncrypted());
    QCOMPARE(c->pinnedFingerprint(), QString()); // nothing pinned without the user
    QTRY_COMPARE(server.server()->clientCount(), 0);
    QVERIFY(!needsTrust.wait(200)); // no retry comes by itself
    QCOMPARE(registered.count(), 0);
    QCOMPARE(errors.count(), 0); // a question, not an error
    QVERIFY(!server.server()->core()->users().findByNick(QStringLiteral("ann")));
}

void tst_ServerConnection::tlsTrustConnectsRegistersAndPins()
{
    TlsTestServer server;
    QVERIFY(server.start());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    c->connectToServer();
    QTRY_COMPARE(needsTrust.count(), 1);
    c->trustCertificate(fingerprintOf(needsTrust));
    QTRY_VERIFY(c->isRegistered());
    QVERIFY(server.server()->core()->users().findByNick(QStringLiteral("ann")));
    QCOMPARE(needsTrust.count(), 1);
    QVERIFY(c->isEncrypted());
    QCOMPARE(c->security(), ServerTransport::Security::Pinned);
    QCOMPARE(c->peerFingerprint(), server.fingerprint());
    QCOMPARE(c->pinnedFingerprint(), server.fingerprint());
    QSettings settings;
    settings.beginGroup(SettingsKeys::CertificatePins);
    QCOMPARE(
        settings.value(QStringLiteral("%1:%2").arg(server.host()).arg(server.tlsPort())).toString(),
        server.fingerprint());
}

void tst_ServerConnection::tlsPinnedConnectsWithoutAsking()
{
    TlsTestServer server;
    QVERIFY(server.start());
    CertificatePins().setPin(server.host(), server.tlsPort(), server.fingerprint());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    QSignalSpy changed(c, &ServerConnection::certificateChanged);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());
    QCOMPARE(needsTrust.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(c->security(), ServerTransport::Security::Pinned);

    // The same server on its plain port: registers, not encrypted.
    ServerConnection* plain = makeConnection(server.plainPort(), QStringLiteral("ben"));
    plain->setHost(server.host());
    plain->connectToServer();
    QTRY_VERIFY(plain->isRegistered());
    QVERIFY(!plain->isEncrypted());
    QCOMPARE(plain->peerFingerprint(), QString());
}

void tst_ServerConnection::tlsChangedCertificateBlocksUntilAccepted()
{
    TlsTestServer server;
    QVERIFY(server.start());
    const QString old = server.fingerprint();
    CertificatePins().setPin(server.host(), server.tlsPort(), old);
    QVERIFY(server.replaceCertificate());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    QSignalSpy changed(c, &ServerConnection::certificateChanged);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    c->connectToServer();
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(fingerprintOf(changed), server.fingerprint());
    QCOMPARE(changed.at(0).at(1).toString(), old);
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
    QCOMPARE(c->pinnedFingerprint(), old); // not replaced behind the user's back
    QCOMPARE(needsTrust.count(), 0);
    QVERIFY(!server.server()->core()->users().findByNick(QStringLiteral("ann")));

    c->trustCertificate(fingerprintOf(changed));
    QTRY_VERIFY(c->isRegistered());
    QCOMPARE(c->pinnedFingerprint(), server.fingerprint());
    QCOMPARE(changed.count(), 1);
}

void tst_ServerConnection::tlsChangedWhileReconnectingStopsRetrying()
{
    TlsTestServer server;
    QVERIFY(server.start());
    CertificatePins().setPin(server.host(), server.tlsPort(), server.fingerprint());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    c->setReconnectDelays(50, 100);
    c->connectToServer();
    QTRY_VERIFY(c->isRegistered());

    QSignalSpy changed(c, &ServerConnection::certificateChanged);
    QSignalSpy states(c, &ServerConnection::stateChanged);
    QVERIFY(server.replaceCertificate());
    ServerUser* ann = server.server()->core()->users().findByNick(QStringLiteral("ann"));
    QVERIFY(ann);
    server.server()->core()->disconnect(ann, QStringLiteral("restart"));
    QTRY_COMPARE(changed.count(), 1); // the automatic reconnection met the new certificate
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
    QVERIFY(!c->willRetry());
    QVERIFY(!changed.wait(400)); // several reconnect delays: no loop
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
}

void tst_ServerConnection::tlsRefusedCertificateStaysDisconnected()
{
    TlsTestServer server;
    QVERIFY(server.start());
    ServerConnection* c = tlsConnection(makeConnection(0, QStringLiteral("ann")), server);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    c->connectToServer();
    QTRY_COMPARE(needsTrust.count(), 1);
    c->refuseCertificate();
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.at(0).at(0).value<ServerConnection::Error>(),
             ServerConnection::Error::CertificateNotTrusted);
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
    QCOMPARE(c->pinnedFingerprint(), QString());
    c->trustCertificate(QStringLiteral("not a fingerprint")); // bad input: ignored
    QCOMPARE(c->state(), ServerConnection::State::Disconnected);
    QCOMPARE(c->pinnedFingerprint(), QString());
}

void tst_ServerConnection::tlsToPlainPortIsAnError()
{
    TlsTestServer server;
    QVERIFY(server.start());
    ServerConnection* c = makeConnection(server.plainPort(), QStringLiteral("ann"));
    c->setHost(server.host());
    c->setTls(true);
    c->setConnectTimeout(3000);
    QSignalSpy errors(c, &ServerConnection::errorOccurred);
    QSignalSpy needsTrust(c, &ServerConnection::certificateNeedsTrust);
    c->connectToServer();
    QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
    QCOMPARE(errors.at(0).at(0).value<ServerConnection::Error>(),
             ServerConnection::Error::TlsFailed);
    QCOMPARE(needsTrust.count(), 0);
    QVERIFY(!c->isRegistered());
}

QTEST_GUILESS_MAIN(tst_ServerConnection)
#include "tst_serverconnection.moc"

// Three confabd nodes (the real binary, as separate processes) on one private Redis and one
// private PostgreSQL server, with clients on real sockets: users on different nodes see one
// network (rooms, members, private messages, renames, quits), a name is given to exactly one of
// two clients racing for it on two nodes, a node killed with SIGKILL is announced as lost after
// its lease and its names are freed, the nodes find each other again after Redis restarts, and
// garbage published on the bus by another program is ignored. Operators on one node see the
// whole network: 313 for operators elsewhere, WALLOPS, CHGHOST and notices across nodes. Devices
// of one account connected to different nodes are one user with one name, on its first node.
#include "auth/passwordhash.h"
#include "auth/scramcredentials.h"
#include "config/serverconfig.h"
#include "freeport.h"
#include "postgresfixture.h"
#include "redisfixture.h"
#include "testclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>

namespace {

// Short, so that the lease tests take seconds: the default is 10 s.
constexpr int LeaseMs = 2000;
constexpr int WaitMs = 8000;
const QString OperPassword = QStringLiteral("opensesame");

// Every node's config file: an operator block "root" for anyone who has its password.
QByteArray operatorConfig()
{
    static const QByteArray hash =
        PasswordHash::format(
            ScramCredentials::derive(OperPassword, ServerDefaults::MinScramIterations))
            .toLatin1();
    return "[oper/root]\npassword=" + hash + "\nhosts=*\n";
}

// One node: confabd with its own data directory, on a free port.
class Node
{
public:
    Node(const QString& name, const QString& database, const QString& redis)
        : m_name(name), m_port(quint16(std::max(0, freeLoopbackPort())))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        QObject::connect(&m_process, &QProcess::readyRead,
                         [this] { m_log += m_process.readAll(); });
        const QString config = m_dir.filePath(QStringLiteral("confabd.conf"));
        QFile file(config);
        if (file.open(QIODevice::WriteOnly))
            file.write(operatorConfig());
        m_arguments = {QStringLiteral("--config"),
                       config,
                       QStringLiteral("--data-dir"),
                       m_dir.path(),
                       QStringLiteral("--database"),
                       database,
                       QStringLiteral("--cluster"),
                       redis,
                       QStringLiteral("--node-name"),
                       name,
                       QStringLiteral("--cluster-lease"),
                       QString::number(LeaseMs),
                       QStringLiteral("--port"),
                       QString::number(m_port),
                       QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1"),
                       QStringLiteral("--no-tls"),
                       QStringLiteral("--no-announce"),
                       QStringLiteral("--default-channel"),
                       QString(),
                       QStringLiteral("--flood-rate"),
                       QStringLiteral("0")};
    }
    ~Node()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    // Started and in the cluster (its log says so).
    bool start()
    {
        m_log.clear();
        m_process.start(QStringLiteral(CONFABD_PATH), m_arguments);
        if (!m_process.waitForStarted(5000))
            return false;
        return QTest::qWaitFor([this] { return inCluster(); }, WaitMs);
    }
    bool inCluster() const { return m_log.contains("is in the cluster"); }
    // An option's value for the next start().
    void setOption(const QString& option, const QString& value)
    {
        const qsizetype at = m_arguments.indexOf(option);
        if (at >= 0 && at + 1 < m_arguments.size())
            m_arguments[at + 1] = value;
        else
            m_arguments << option << value;
    }
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    // SIGTERM: a clean shutdown.
    bool stop()
    {
        m_process.terminate();
        return m_process.waitForFinished(WaitMs);
    }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // After stop(): 0 for a clean exit (under ASan, a leak or an error makes it another).
    int exitCode() const
    {
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }
    quint16 port() const { return m_port; }
    const QString& name() const { return m_name; }
    const QByteArray& log() const { return m_log; }

private:
    QString m_name;
    quint16 m_port;
    QTemporaryDir m_dir;
    QStringList m_arguments;
    QProcess m_process;
    QByteArray m_log;
};

bool hasLine(const TestClient* client, const QString& command, const QString& needle)
{
    for (const QByteArray& line : client->lines()) {
        const std::optional<IrcMessage> message = IrcMessage::parse(line);
        if (message && message->command() == command && QString::fromUtf8(line).contains(needle))
            return true;
    }
    return false;
}

// Asks the same question (a NAMES, a MODE query) until the answer satisfies done, or WaitMs:
// nodes agree within the bus's latency, not at once.
bool askUntil(TestClient* client, const QByteArray& line,
              const std::function<bool(const TestClient*)>& done)
{
    return QTest::qWaitFor(
        [&] {
            client->clear();
            client->sendLine(line);
            QTest::qWait(200);
            return done(client);
        },
        WaitMs);
}

int countLines(const TestClient* client, const QString& command, const QString& needle)
{
    int n = 0;
    for (const QByteArray& line : client->lines()) {
        const std::optional<IrcMessage> message = IrcMessage::parse(line);
        if (message && message->command() == command && QString::fromUtf8(line).contains(needle))
            ++n;
    }
    return n;
}

} // namespace

class tst_ClusterNodes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roomAndPrivateMessagesCrossNodes();
    void joinsPartsRenamesAndQuitsSeenEverywhere();
    void channelStateIsShared();
    void twoClientsRaceForOneName();
    void accountOwnerTakesItsNameFromAGuestOnAnotherNode();
    void killedNodeIsLostAfterItsLease();
    void cleanShutdownIsSeenAtOnce();
    void redisRestartResynchronises();
    void garbageOnTheBusIsIgnored();
    void operatorsSeeTheWholeNetwork();
    void multilineMessageCrossesNodesWhole();
    void roomCreatedOnTwoNodesAtOnceHasOneCreator();
    void devicesOfOneAccountOnTwoNodesShareOneName();
    void deviceOnAnotherNodeEndsWithEitherNode();
    void multilinePasteFromADeviceOnAnotherNode();

private:
    TestClient* connectUser(Node& node, const QString& nick, const QByteArray& caps = {})
    {
        auto* client = new TestClient(this);
        m_clients.append(client);
        client->connectToServer(node.port());
        if (!caps.isEmpty())
            client->sendLine("CAP REQ :" + caps);
        client->registerUser(nick);
        if (!caps.isEmpty())
            client->sendLine("CAP END");
        if (!QTest::qWaitFor(
                [client] {
                    return client->has(QStringLiteral("001")) || client->has(QStringLiteral("433"));
                },
                WaitMs))
            return nullptr;
        return client->has(QStringLiteral("001")) ? client : nullptr;
    }
    // An account made with the admin command in the database the nodes share; its password is
    // the name followed by "-password".
    bool addAccount(const QString& name)
    {
        QTemporaryDir adminDir;
        QProcess admin;
        admin.setProcessChannelMode(QProcess::MergedChannels);
        admin.start(QStringLiteral(CONFABD_PATH),
                    {QStringLiteral("--data-dir"), adminDir.path(), QStringLiteral("--database"),
                     m_database, QStringLiteral("account"), QStringLiteral("add"), name});
        if (!admin.waitForStarted())
            return false;
        admin.write(name.toUtf8() + "-password\n");
        admin.closeWriteChannel();
        if (!admin.waitForFinished(30000) || admin.exitCode() != 0) {
            qWarning("%s", admin.readAll().constData());
            return false;
        }
        return true;
    }
    // A client that logs in to the account with SASL PLAIN before registering, as clients do,
    // and asks for the capabilities; nullptr unless it is welcomed.
    TestClient* connectAccount(Node& node, const QString& nick, const QString& account,
                               const QByteArray& caps = {})
    {
        auto* client = new TestClient(this);
        m_clients.append(client);
        client->connectToServer(node.port());
        client->sendLine("CAP REQ :sasl" + (caps.isEmpty() ? QByteArray() : " " + caps));
        client->registerUser(nick);
        client->sendLine("AUTHENTICATE PLAIN");
        if (!QTest::qWaitFor([client] { return client->has(QStringLiteral("AUTHENTICATE")); },
                             WaitMs))
            return nullptr;
        const QByteArray name = account.toUtf8();
        client->sendLine("AUTHENTICATE " +
                         (name + '\0' + name + '\0' + name + "-password").toBase64());
        if (!QTest::qWaitFor([client] { return client->has(QStringLiteral("903")); }, WaitMs))
            return nullptr;
        client->sendLine("CAP END");
        if (!QTest::qWaitFor([client] { return client->has(QStringLiteral("001")); }, WaitMs))
            return nullptr;
        return client;
    }
    // The account dana, logged in on node a (her laptop) and in #room, where erin of node c
    // joined after her.
    bool meetDana(TestClient** laptop, TestClient** erin, const QByteArray& caps = {})
    {
        if (!addAccount(QStringLiteral("dana")))
            return false;
        TestClient* dana =
            connectAccount(*m_nodes[0], QStringLiteral("dana"), QStringLiteral("dana"), caps);
        *laptop = dana;
        *erin = connectUser(*m_nodes[2], QStringLiteral("erin"));
        if (!dana || !*erin)
            return false;
        dana->sendLine("JOIN #room");
        if (!QTest::qWaitFor([dana] { return dana->has(QStringLiteral("366")); }, WaitMs))
            return false;
        (*erin)->sendLine("JOIN #room");
        return QTest::qWaitFor([dana] { return hasLine(dana, QStringLiteral("JOIN"), "erin!"); },
                               WaitMs);
    }
    // alice on node a and bob on node b, both in #room, alice having seen bob join.
    bool meetInRoom(TestClient** alice, TestClient** bob)
    {
        *alice = connectUser(*m_nodes[0], QStringLiteral("alice"));
        *bob = connectUser(*m_nodes[1], QStringLiteral("bob"));
        if (!*alice || !*bob)
            return false;
        TestClient* a = *alice;
        a->sendLine("JOIN #room");
        if (!QTest::qWaitFor([a] { return a->has(QStringLiteral("366")); }, WaitMs))
            return false;
        (*bob)->sendLine("JOIN #room");
        return QTest::qWaitFor([a] { return hasLine(a, QStringLiteral("JOIN"), "bob!"); }, WaitMs);
    }
    TestClient* connectOperator(Node& node, const QString& nick)
    {
        TestClient* client = connectUser(node, nick);
        if (!client)
            return nullptr;
        client->sendLine(QStringLiteral("OPER root %1").arg(OperPassword).toUtf8());
        return QTest::qWaitFor([client] { return client->has(QStringLiteral("381")); }, WaitMs)
                   ? client
                   : nullptr;
    }
    bool redisCommand(const QStringList& arguments)
    {
        QProcess cli;
        cli.start(QStringLiteral("redis-cli"),
                  QStringList{QStringLiteral("-p"), QString::number(m_redis.port())} + arguments);
        return cli.waitForFinished(5000) && cli.exitCode() == 0;
    }

    PostgresFixture m_postgres;
    RedisFixture m_redis;
    QString m_database;
    std::unique_ptr<Node> m_nodes[3];
    QList<TestClient*> m_clients;
    int m_round = 0;
};

void tst_ClusterNodes::initTestCase()
{
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void tst_ClusterNodes::init()
{
    m_database = m_postgres.createDatabase(QStringLiteral("cluster%1").arg(++m_round));
    QVERIFY2(!m_database.isEmpty(), qPrintable(m_postgres.errorString()));
    QVERIFY(redisCommand({QStringLiteral("FLUSHALL")}));
    const char* names[] = {"a", "b", "c"};
    for (int i = 0; i < 3; ++i) {
        m_nodes[i] =
            std::make_unique<Node>(QString::fromLatin1(names[i]), m_database, m_redis.url());
        QVERIFY2(m_nodes[i]->start(), m_nodes[i]->log().constData());
    }
}

void tst_ClusterNodes::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    // Every node still running stops cleanly: no crash, no leak, no sanitizer report.
    for (auto& node : m_nodes) {
        if (node && node->isRunning()) {
            QVERIFY(node->stop());
            if (node->exitCode() != 0)
                qWarning("node %s exited with %d:\n%s", qPrintable(node->name()), node->exitCode(),
                         node->log().right(8000).constData());
            QCOMPARE(node->exitCode(), 0);
        }
    }
    for (auto& node : m_nodes) {
        if (QTest::currentTestFailed() && node)
            qWarning("node %s:\n%s", qPrintable(node->name()), node->log().right(4000).constData());
        node.reset();
    }
    if (!m_redis.isRunning())
        QVERIFY(m_redis.startServerAgain());
}

void tst_ClusterNodes::roomAndPrivateMessagesCrossNodes()
{
    TestClient* alice = connectUser(*m_nodes[0], QStringLiteral("alice"), "message-tags");
    TestClient* bob = connectUser(*m_nodes[1], QStringLiteral("bob"), "message-tags");
    TestClient* carol = connectUser(*m_nodes[2], QStringLiteral("carol"), "message-tags");
    QVERIFY(alice && bob && carol);
    for (TestClient* client : {alice, bob, carol})
        client->sendLine("JOIN #room");
    QTRY_VERIFY_WITH_TIMEOUT(countLines(alice, QStringLiteral("JOIN"), "#room") == 3, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(countLines(carol, QStringLiteral("JOIN"), "#room") >= 1, WaitMs);

    // NAMES on any node lists the whole room.
    carol->clear();
    carol->sendLine("NAMES #room");
    QTRY_VERIFY_WITH_TIMEOUT(carol->has(QStringLiteral("366")), WaitMs);
    const QString names = carol->last(QStringLiteral("353")).params().constLast();
    const QStringList members = names.split(u' ', Qt::SkipEmptyParts);
    QCOMPARE(QSet<QString>(members.cbegin(), members.cend()).size(), 3);
    QVERIFY2(names.contains(QLatin1String("alice")) && names.contains(QLatin1String("bob")),
             qPrintable(names));

    // A room message reaches each member on the other nodes once, with the same msgid.
    bob->clear();
    carol->clear();
    alice->sendLine("PRIVMSG #room :hello from node a");
    QTRY_VERIFY_WITH_TIMEOUT(
        bob->has(QStringLiteral("PRIVMSG")) && carol->has(QStringLiteral("PRIVMSG")), WaitMs);
    QTest::qWait(300);
    QCOMPARE(bob->count(QStringLiteral("PRIVMSG")), 1);
    QCOMPARE(carol->count(QStringLiteral("PRIVMSG")), 1);
    const IrcMessage atBob = bob->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(atBob.source().section(u'!', 0, 0), QStringLiteral("alice"));
    QCOMPARE(atBob.param(1), QStringLiteral("hello from node a"));
    QVERIFY(!atBob.tag(QStringLiteral("msgid")).isEmpty());
    QCOMPARE(carol->last(QStringLiteral("PRIVMSG")).tag(QStringLiteral("msgid")),
             atBob.tag(QStringLiteral("msgid")));

    // Order: what one node accepted in order arrives in order.
    bob->clear();
    for (int i = 0; i < 50; ++i)
        alice->sendLine("PRIVMSG #room :n" + QByteArray::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->count(QStringLiteral("PRIVMSG")), 50, WaitMs);
    const QList<IrcMessage> got = bob->messages(QStringLiteral("PRIVMSG"));
    for (int i = 0; i < 50; ++i)
        QCOMPARE(got.at(i).param(1), QStringLiteral("n%1").arg(i));

    // Private messages in both directions.
    alice->clear();
    carol->sendLine("PRIVMSG alice :private from c");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("PRIVMSG"), "private from c"), WaitMs);
    QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(0), QStringLiteral("alice"));
    carol->clear();
    alice->sendLine("PRIVMSG carol :and back");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(carol, QStringLiteral("PRIVMSG"), "and back"), WaitMs);

    // History written by node a (in the shared database) is read on node c.
    carol->clear();
    carol->sendLine("CAP REQ :batch draft/chathistory server-time");
    carol->sendLine("CHATHISTORY LATEST #room * 100");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(carol, QStringLiteral("PRIVMSG"), "hello from node a"),
                             WaitMs);
    QVERIFY(hasLine(carol, QStringLiteral("PRIVMSG"), ":n49"));

    // An unknown name is still 401, on every node.
    bob->clear();
    bob->sendLine("PRIVMSG nobody :hi");
    QTRY_VERIFY_WITH_TIMEOUT(bob->has(QStringLiteral("401")), WaitMs);
}

void tst_ClusterNodes::joinsPartsRenamesAndQuitsSeenEverywhere()
{
    TestClient* alice = nullptr;
    TestClient* bob = nullptr;
    QVERIFY(meetInRoom(&alice, &bob));

    bob->sendLine("NICK robert");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("NICK"), "robert"), WaitMs);
    QCOMPARE(alice->last(QStringLiteral("NICK")).source().section(u'!', 0, 0),
             QStringLiteral("bob"));
    // The old name is free again on every node, the new one is not.
    TestClient* another = connectUser(*m_nodes[2], QStringLiteral("bob"));
    QVERIFY(another);
    auto* taken = new TestClient(this);
    m_clients.append(taken);
    taken->connectToServer(m_nodes[0]->port());
    taken->registerUser(QStringLiteral("Robert"));
    QTRY_VERIFY_WITH_TIMEOUT(taken->has(QStringLiteral("433")), WaitMs);

    alice->clear();
    alice->sendLine("WHOIS robert");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("318")), WaitMs);
    QVERIFY(alice->has(QStringLiteral("311")));
    QVERIFY(hasLine(alice, QStringLiteral("319"), "#room"));
    QVERIFY(hasLine(alice, QStringLiteral("312"), "node b"));

    bob->sendLine("PART #room :off");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("PART"), "off"), WaitMs);
    bob->sendLine("JOIN #room");
    QTRY_VERIFY_WITH_TIMEOUT(countLines(alice, QStringLiteral("JOIN"), "robert!") == 1, WaitMs);
    bob->sendLine("QUIT :see you");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("QUIT"), "see you"), WaitMs);
    alice->clear();
    alice->sendLine("NAMES #room");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("366")), WaitMs);
    QCOMPARE(alice->last(QStringLiteral("353")).params().constLast(), QStringLiteral("@alice"));
}

void tst_ClusterNodes::channelStateIsShared()
{
    TestClient* alice = connectUser(*m_nodes[0], QStringLiteral("alice"), "away-notify");
    TestClient* bob = connectUser(*m_nodes[1], QStringLiteral("bob"), "away-notify");
    QVERIFY(alice && bob);
    alice->sendLine("JOIN #ops");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("366")), WaitMs);
    alice->sendLine("TOPIC #ops :set on node a");
    alice->sendLine("MODE #ops +k secret");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("MODE")), WaitMs);

    // bob, on another node, meets the key, then the topic and alice's operator status (once
    // the MODE has crossed: nodes agree within the bus's latency, not at once).
    QVERIFY(askUntil(bob, "MODE #ops", [](const TestClient* client) {
        return client->last(QStringLiteral("324")).param(2).contains(u'k');
    }));
    bob->sendLine("JOIN #ops");
    QTRY_VERIFY_WITH_TIMEOUT(bob->has(QStringLiteral("475")), WaitMs);
    bob->sendLine("JOIN #ops secret");
    QTRY_VERIFY_WITH_TIMEOUT(bob->has(QStringLiteral("366")), WaitMs);
    QCOMPARE(bob->last(QStringLiteral("332")).params().constLast(),
             QStringLiteral("set on node a"));
    QVERIFY(hasLine(bob, QStringLiteral("353"), "@alice"));

    // A remote operator's MODE and KICK take effect here (once node a has heard bob join).
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("JOIN"), "bob!"), WaitMs);
    alice->sendLine("MODE #ops +v bob");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(bob, QStringLiteral("MODE"), "+v bob"), WaitMs);
    bob->sendLine("AWAY :lunch");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("AWAY"), "lunch"), WaitMs);
    alice->sendLine("KICK #ops bob :bye");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(bob, QStringLiteral("KICK"), "bye"), WaitMs);
    bob->clear();
    bob->sendLine("NAMES #ops");
    QTRY_VERIFY_WITH_TIMEOUT(bob->has(QStringLiteral("366")), WaitMs);
    QCOMPARE(bob->last(QStringLiteral("353")).params().constLast(), QStringLiteral("@alice"));

    // A node that was away while a ban was set learns it from the others' bursts.
    QVERIFY(m_nodes[2]->stop());
    alice->sendLine("MODE #ops +b carol!*@*");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("MODE"), "+b carol"), WaitMs);
    QVERIFY2(m_nodes[2]->start(), m_nodes[2]->log().constData());
    TestClient* carol = connectUser(*m_nodes[2], QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(askUntil(carol, "NAMES #ops", [](const TestClient* client) {
        return hasLine(client, QStringLiteral("353"), "@alice");
    }));
    carol->sendLine("JOIN #ops secret");
    QTRY_VERIFY_WITH_TIMEOUT(carol->has(QStringLiteral("474")), WaitMs);
}

void tst_ClusterNodes::twoClientsRaceForOneName()
{
    // Each round, two clients on two nodes ask for the same new name at once.
    constexpr int Rounds = 10;
    QList<TestClient*> left;
    QList<TestClient*> right;
    for (int i = 0; i < Rounds; ++i) {
        left.append(connectUser(*m_nodes[0], QStringLiteral("left%1").arg(i)));
        right.append(connectUser(*m_nodes[1], QStringLiteral("right%1").arg(i)));
        QVERIFY(left.constLast() && right.constLast());
    }
    for (int i = 0; i < Rounds; ++i) {
        const QByteArray nick = "prize" + QByteArray::number(i);
        left.at(i)->sendLine("NICK " + nick);
        right.at(i)->sendLine("NICK " + nick);
    }
    for (int i = 0; i < Rounds; ++i) {
        const QString nick = QStringLiteral("prize%1").arg(i);
        auto winner = [&](TestClient* client) {
            return hasLine(client, QStringLiteral("NICK"), nick);
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            (winner(left.at(i)) || left.at(i)->has(QStringLiteral("433"))) &&
                (winner(right.at(i)) || right.at(i)->has(QStringLiteral("433"))),
            WaitMs);
        QVERIFY2(winner(left.at(i)) != winner(right.at(i)), qPrintable(nick));
    }
    // Every node sees each name once.
    TestClient* observer = connectUser(*m_nodes[2], QStringLiteral("observer"));
    QVERIFY(observer);
    QByteArray ison = "ISON";
    for (int i = 0; i < Rounds; ++i)
        ison += " prize" + QByteArray::number(i);
    observer->sendLine(ison);
    QTRY_VERIFY_WITH_TIMEOUT(observer->has(QStringLiteral("303")), WaitMs);
    QCOMPARE(observer->last(QStringLiteral("303"))
                 .params()
                 .constLast()
                 .split(u' ', Qt::SkipEmptyParts)
                 .size(),
             Rounds);
}

void tst_ClusterNodes::accountOwnerTakesItsNameFromAGuestOnAnotherNode()
{
    // A guest on node b has the name; then the account of that name is made, with the admin
    // command, in the database the nodes share.
    TestClient* guest = connectUser(*m_nodes[1], QStringLiteral("owner"));
    QVERIFY(guest);
    QVERIFY(addAccount(QStringLiteral("owner")));

    // The owner logs in on node a (SASL before registering, as clients do) under another nick,
    // since the guest has its own.
    TestClient* owner =
        connectAccount(*m_nodes[0], QStringLiteral("owner_"), QStringLiteral("owner"));
    QVERIFY(owner);

    // Node b renames its guest and tells it why; node a gives the owner its name.
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(guest, QStringLiteral("NOTICE"), "registered account"),
                             WaitMs);
    QVERIFY(guest->last(QStringLiteral("NICK")).param(0).startsWith(QLatin1String("Guest")));
    // (Renamed before its registration completed, it learns the name from the welcome.)
    QTRY_VERIFY_WITH_TIMEOUT(
        owner->last(QStringLiteral("NICK")).param(0) == QLatin1String("owner") ||
            owner->last(QStringLiteral("001")).param(0) == QLatin1String("owner"),
        WaitMs);
    // Every node agrees: the name is the owner's, on node a.
    TestClient* observer = connectUser(*m_nodes[2], QStringLiteral("observer"));
    QVERIFY(observer);
    observer->sendLine("WHOIS owner");
    QTRY_VERIFY_WITH_TIMEOUT(observer->has(QStringLiteral("318")), WaitMs);
    QVERIFY(hasLine(observer, QStringLiteral("312"), "node a"));
}

void tst_ClusterNodes::killedNodeIsLostAfterItsLease()
{
    TestClient* alice = nullptr;
    TestClient* bob = nullptr;
    QVERIFY(meetInRoom(&alice, &bob));
    alice->sendLine("MONITOR + bob");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("730")), WaitMs); // online, on node b
    // Each survivor sees the lease expire on its own timer: node c may see it some time after
    // node a does, and holds bob's name until then.
    TestClient* watcher = connectUser(*m_nodes[2], QStringLiteral("watcher"));
    QVERIFY(watcher);
    watcher->sendLine("MONITOR + bob");
    QTRY_VERIFY_WITH_TIMEOUT(watcher->has(QStringLiteral("730")), WaitMs);

    QElapsedTimer clock;
    clock.start();
    m_nodes[1]->kill();
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("QUIT"), "Node b lost"), 3 * LeaseMs);
    const qint64 lostAfter = clock.elapsed();
    qInfo("node b lost after %lld ms (lease %d ms)", lostAfter, LeaseMs);
    QVERIFY(lostAfter >= LeaseMs / 2);
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("731")), WaitMs); // offline
    QTRY_VERIFY_WITH_TIMEOUT(watcher->has(QStringLiteral("731")), 3 * LeaseMs);
    // Its user's name is free on the other nodes, and the survivors still talk.
    TestClient* newBob = connectUser(*m_nodes[2], QStringLiteral("bob"));
    QVERIFY(newBob);
    newBob->sendLine("JOIN #room");
    QTRY_VERIFY_WITH_TIMEOUT(countLines(alice, QStringLiteral("JOIN"), "bob!") == 2, WaitMs);
    newBob->sendLine("PRIVMSG #room :back on node c");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("PRIVMSG"), "back on node c"), WaitMs);
}

void tst_ClusterNodes::cleanShutdownIsSeenAtOnce()
{
    TestClient* alice = nullptr;
    TestClient* bob = nullptr;
    QVERIFY(meetInRoom(&alice, &bob));
    QElapsedTimer clock;
    clock.start();
    QVERIFY(m_nodes[1]->stop());
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("QUIT"), "Node b lost"), WaitMs);
    QVERIFY2(clock.elapsed() < LeaseMs, "told at once, not after the lease");
}

void tst_ClusterNodes::redisRestartResynchronises()
{
    TestClient* alice = nullptr;
    TestClient* bob = nullptr;
    QVERIFY(meetInRoom(&alice, &bob));

    // Down for longer than a lease: each node serves its own users, the others' are gone.
    QVERIFY(m_redis.stopServer());
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("QUIT"), "Node b lost"), 3 * LeaseMs);
    // Meanwhile one name is taken on two nodes, which cannot ask Redis.
    TestClient* twinA = connectUser(*m_nodes[0], QStringLiteral("twin"));
    TestClient* twinB = connectUser(*m_nodes[1], QStringLiteral("twin"));
    QVERIFY(twinA && twinB);
    twinA->sendLine("JOIN #twins");
    twinB->sendLine("JOIN #twins");
    QTRY_VERIFY_WITH_TIMEOUT(twinA->has(QStringLiteral("366")) && twinB->has(QStringLiteral("366")),
                             WaitMs);
    alice->clear();
    alice->sendLine("PRIVMSG #room :alone");
    alice->sendLine("PING :still-here");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("PONG")), WaitMs);
    for (auto& node : m_nodes)
        QVERIFY(node->isRunning());

    // Back (empty: no persistence): the nodes tell each other everything again.
    QVERIFY(m_redis.startServerAgain());
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("JOIN"), "bob!"), 3 * WaitMs);
    alice->clear();
    bob->sendLine("PRIVMSG #room :after the restart");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("PRIVMSG"), "after the restart"),
                             WaitMs);
    // Nobody twice, no phantom: the room has its two members.
    alice->clear();
    alice->sendLine("NAMES #room");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("366")), WaitMs);
    QStringList names = alice->last(QStringLiteral("353")).params().constLast().split(u' ');
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("@alice"), QStringLiteral("bob")}));
    // Of the twins, one kept the name and the other was renamed and told why; each sees the
    // other in the room.
    auto renamed = [](const TestClient* client) {
        return hasLine(client, QStringLiteral("NOTICE"), "in use on another node");
    };
    QTRY_VERIFY_WITH_TIMEOUT(renamed(twinA) != renamed(twinB), WaitMs);
    TestClient* kept = renamed(twinA) ? twinB : twinA;
    TestClient* guest = renamed(twinA) ? twinA : twinB;
    const QString guestNick = guest->last(QStringLiteral("NICK")).param(0);
    QVERIFY2(guestNick.startsWith(QLatin1String("Guest")), qPrintable(guestNick));
    QVERIFY(askUntil(kept, "NAMES #twins", [](const TestClient* client) {
        return client->last(QStringLiteral("353")).params().constLast().split(u' ').size() == 2;
    }));
    QVERIFY(kept->last(QStringLiteral("353")).params().constLast().contains(guestNick));
    QVERIFY(askUntil(guest, "NAMES #twins", [](const TestClient* client) {
        return client->last(QStringLiteral("353"))
            .params()
            .constLast()
            .contains(QLatin1String("twin"));
    }));
    // The names are Redis's again: bob's cannot be taken on a third node.
    auto* thief = new TestClient(this);
    m_clients.append(thief);
    thief->connectToServer(m_nodes[2]->port());
    thief->registerUser(QStringLiteral("bob"));
    QTRY_VERIFY_WITH_TIMEOUT(thief->has(QStringLiteral("433")), WaitMs);
}

void tst_ClusterNodes::garbageOnTheBusIsIgnored()
{
    TestClient* alice = nullptr;
    TestClient* bob = nullptr;
    QVERIFY(meetInRoom(&alice, &bob));

    const QString bus = QStringLiteral("confab:bus");
    const QStringList garbage = {
        QStringLiteral(""),
        QStringLiteral("\x01\x02 not irc"),
        QStringLiteral("PRIVMSG #room :no node"),
        QStringLiteral("@cn=../../etc PRIVMSG #room :bad node name"),
        QStringLiteral("@cn=b :bob!x@y PRIVMSG #room :no msgid"),
        QStringLiteral("@cn=b;mi=zz;mt=-5 :bob!x@y PRIVMSG #room :bad id"),
        QStringLiteral("@cn=x;mi=aaaaaaaaaaaa1;mt=1 :ghost!x@y PRIVMSG #room :unknown user"),
        QStringLiteral("@cn=x UID"),
        QStringLiteral("@cn=x UID bad,nick u h * 1 + :r"),
        QStringLiteral("@cn=x UID alice u h * 1 + :steals a local name"),
        QStringLiteral("@cn=x MEMBER #room nobody 1 1"),
        QStringLiteral("@cn=x CHANNEL #"),
        QStringLiteral("@cn=x ENDBURST"),
        QStringLiteral("@cn=b;mi=aaaaaaaaaaaa2;mt=1 :bob!x@y NICK alice"),
        QStringLiteral("@cn=b;mi=aaaaaaaaaaaa3;mt=1 :bob!x@y MODE #room +o"),
        QStringLiteral("@cn=b;mi=aaaaaaaaaaaa4;mt=1 :bob!x@y KICK #nowhere alice"),
        QStringLiteral("@cn=b;mi=aaaaaaaaaaaa5;mt=1;ml=notjson :bob!x@y PRIVMSG #room :bad"),
        QStringLiteral("@cn=b;mi=aaaaaaaaaaaa6;mt=1;ml={\"b\":\"x\",\"p\":[[\"a\",0],[\"b\",0]],"
                       "\"i\":[]} :bob!x@y PRIVMSG #room :ids missing"),
        QStringLiteral("@cn=x SETHOST alice :not a host"),
        QStringLiteral("@cn=x SNOTICE"),
        // Devices carried between nodes: malformed, for nobody, for unknown sessions, or
        // attaching to an account nobody is logged in to.
        QStringLiteral("@cn=x ATTACH a"),
        QStringLiteral("@cn=x ATTACH a notanumber alice 0 1.2.3.4 - * u :r"),
        QStringLiteral("@cn=x ATTACH a 7 alice 0 1.2.3.4 - * u :nobody's account"),
        QStringLiteral("@cn=x ATTACH a 8 alice notcaps 1.2.3.4 - * u :r"),
        QStringLiteral("@cn=x DEVIN a 7 :PRIVMSG #room :through an unknown session"),
        QStringLiteral("@cn=x DEVIN a"),
        QStringLiteral("@cn=x DEVOUT a 1 :PRIVMSG alice :to a connection never carried"),
        QStringLiteral("@cn=x DEVCLOSE a 1 :closes nothing"),
        QStringLiteral("@cn=x DEVGONE a 99 :gone nowhere"),
        QString(70000, u'x'),
    };
    for (const QString& payload : garbage)
        QVERIFY(redisCommand({QStringLiteral("PUBLISH"), bus, payload}));

    // Nothing of it reached anyone, and the nodes still relay.
    bob->sendLine("PRIVMSG #room :still fine");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("PRIVMSG"), "still fine"), WaitMs);
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 1);
    QVERIFY(!alice->has(QStringLiteral("NICK")));
    QVERIFY(!alice->has(QStringLiteral("KICK")));
    for (auto& node : m_nodes)
        QVERIFY(node->isRunning());
    alice->clear();
    alice->sendLine("WHOIS alice");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("318")), WaitMs);
    QCOMPARE(alice->last(QStringLiteral("311")).param(1), QStringLiteral("alice"));
    QCOMPARE(alice->last(QStringLiteral("311")).param(3), QStringLiteral("127.0.0.1"));
}

// An operator on one node is an operator of the network: others see 313 in WHOIS, WALLOPS
// reaches +w users of every node, CHGHOST of a user of another node is done by that node and
// seen everywhere, and notices to operators reach the operators of every node.
void tst_ClusterNodes::operatorsSeeTheWholeNetwork()
{
    TestClient* olly = connectOperator(*m_nodes[1], QStringLiteral("olly"));
    TestClient* ann = connectUser(*m_nodes[0], QStringLiteral("ann"));
    TestClient* bob = connectUser(*m_nodes[2], QStringLiteral("bob"), "chghost");
    QVERIFY(olly && ann && bob);
    QVERIFY(askUntil(ann, "WHOIS olly", [](const TestClient* c) {
        return c->has(QStringLiteral("318")) && c->has(QStringLiteral("313"));
    }));

    ann->sendLine("MODE ann +w");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(ann, QStringLiteral("MODE"), "+w"), WaitMs);
    olly->sendLine("WALLOPS :the network goes down at noon");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(ann, QStringLiteral("WALLOPS"), "goes down at noon"), WaitMs);
    QVERIFY(hasLine(ann, QStringLiteral("WALLOPS"), ":olly!"));
    QVERIFY(!hasLine(bob, QStringLiteral("WALLOPS"), "goes down")); // bob has no +w

    // amy opers up on node a: olly, on node b, is told.
    TestClient* amy = connectOperator(*m_nodes[0], QStringLiteral("amy"));
    QVERIFY(amy);
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(olly, QStringLiteral("NOTICE"), "[a] amy is now an operator"),
                             WaitMs);
    // amy changes the host of bob, who is on node c: node c does it, every node sees it.
    amy->sendLine("CHGHOST bob moved.example");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(bob, QStringLiteral("CHGHOST"), "moved.example"), WaitMs);
    QVERIFY(askUntil(ann, "WHOIS bob", [](const TestClient* c) {
        return c->has(QStringLiteral("318")) && hasLine(c, QStringLiteral("311"), "moved.example");
    }));
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(olly, QStringLiteral("NOTICE"), "[a] amy changed the host of bob to moved.example"),
        WaitMs);

    // olly drops +o: WHOIS on node a no longer says 313.
    olly->sendLine("MODE olly -o");
    QVERIFY(askUntil(ann, "WHOIS olly", [](const TestClient* c) {
        return c->has(QStringLiteral("318")) && !c->has(QStringLiteral("313"));
    }));
}

// A draft/multiline message (a paste) from node a reaches a user of node b who has the cap as
// the same batch, and a user of node c without it as its lines.
void tst_ClusterNodes::multilineMessageCrossesNodesWhole()
{
    const QByteArray caps = "draft/multiline batch message-tags";
    TestClient* ann = connectUser(*m_nodes[0], QStringLiteral("ann"), caps);
    TestClient* bea = connectUser(*m_nodes[1], QStringLiteral("bea"), caps);
    TestClient* cid = connectUser(*m_nodes[2], QStringLiteral("cid"));
    QVERIFY(ann && bea && cid);
    // One after another: a JOIN that reached its node before the one of a user before it would
    // not be seen by that user.
    for (TestClient* client : {ann, bea, cid}) {
        client->sendLine("JOIN #paste");
        QTRY_VERIFY_WITH_TIMEOUT(countLines(client, QStringLiteral("JOIN"), "#paste") >= 1, WaitMs);
    }
    QTRY_VERIFY_WITH_TIMEOUT(countLines(ann, QStringLiteral("JOIN"), "#paste") == 3, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(countLines(cid, QStringLiteral("JOIN"), "#paste") >= 1, WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(countLines(bea, QStringLiteral("JOIN"), "#paste") >= 2, WaitMs);

    ann->sendLine("BATCH +p1 draft/multiline #paste");
    ann->sendLine("@batch=p1 PRIVMSG #paste :first line");
    ann->sendLine("@batch=p1 PRIVMSG #paste :");
    ann->sendLine("@batch=p1 PRIVMSG #paste :third line");
    ann->sendLine("BATCH -p1");

    QTRY_VERIFY_WITH_TIMEOUT(
        bea->has(QStringLiteral("BATCH")) && hasLine(bea, QStringLiteral("BATCH"), "-"), WaitMs);
    QVERIFY(hasLine(bea, QStringLiteral("BATCH"), "draft/multiline #paste"));
    QCOMPARE(countLines(bea, QStringLiteral("PRIVMSG"), "#paste"), 3); // the blank one too
    QVERIFY(hasLine(bea, QStringLiteral("PRIVMSG"), "first line"));
    QVERIFY(hasLine(bea, QStringLiteral("PRIVMSG"), "third line"));

    QTRY_VERIFY_WITH_TIMEOUT(countLines(cid, QStringLiteral("PRIVMSG"), "#paste") == 2, WaitMs);
    QVERIFY(!cid->has(QStringLiteral("BATCH")));
    QVERIFY(hasLine(cid, QStringLiteral("PRIVMSG"), "first line"));
    QVERIFY(hasLine(cid, QStringLiteral("PRIVMSG"), "third line"));
}

// Two nodes create one room at the same moment, each making its creator an operator: every
// node keeps the earlier creation's operator only. The other "node" is this test publishing on
// the bus (node x, with a lease of its own), so that the race is certain.
void tst_ClusterNodes::roomCreatedOnTwoNodesAtOnceHasOneCreator()
{
    TestClient* alice = connectUser(*m_nodes[0], QStringLiteral("alice"));
    TestClient* bob = connectUser(*m_nodes[1], QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(redisCommand({QStringLiteral("SET"), QStringLiteral("confab:node:x"),
                          QStringLiteral("test"), QStringLiteral("PX"), QStringLiteral("60000")}));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    alice->sendLine("JOIN #race");
    QTRY_VERIFY_WITH_TIMEOUT(alice->has(QStringLiteral("366")), WaitMs);
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    // Node b knows alice's room before bob joins it (else bob would create it there too).
    QVERIFY(askUntil(bob, "NAMES #race", [](const TestClient* c) {
        return hasLine(c, QStringLiteral("353"), "@alice");
    }));
    bob->sendLine("JOIN #race");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("JOIN"), "bob!"), WaitMs);

    // zed of node x created #race 0.5 s before alice did: zed keeps the operator status.
    const QString bus = QStringLiteral("confab:bus");
    const QString now = QString::number(after);
    for (const QString& line :
         {QStringLiteral("@cn=x UID zed u x.example * 1 + :Zed"),
          QStringLiteral("@cn=x;mi=aaaaaaaaaaab1;mt=%1 :zed!u@x.example JOIN #race").arg(now),
          QStringLiteral("@cn=x MEMBER #race zed 1 %1").arg(before - 500)})
        QVERIFY(redisCommand({QStringLiteral("PUBLISH"), bus, line}));
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(alice, QStringLiteral("MODE"), "#race -o alice"), WaitMs);
    for (TestClient* client : {alice, bob}) {
        QVERIFY(askUntil(client, "NAMES #race", [](const TestClient* c) {
            if (!c->has(QStringLiteral("366")))
                return false;
            const QString names = c->last(QStringLiteral("353")).params().constLast();
            return names.split(u' ', Qt::SkipEmptyParts).count() == 3 &&
                   names.contains(QLatin1String("@zed")) &&
                   !names.contains(QLatin1String("@alice"));
        }));
    }

    // yan of node x "created" it 0.5 s after alice: too late, yan is a plain member.
    for (const QString& line :
         {QStringLiteral("@cn=x UID yan u x.example * 1 + :Yan"),
          QStringLiteral("@cn=x;mi=aaaaaaaaaaab2;mt=%1 :yan!u@x.example JOIN #race").arg(now),
          QStringLiteral("@cn=x MEMBER #race yan 1 %1").arg(after + 500)})
        QVERIFY(redisCommand({QStringLiteral("PUBLISH"), bus, line}));
    QVERIFY(askUntil(bob, "NAMES #race", [](const TestClient* c) {
        if (!c->has(QStringLiteral("366")))
            return false;
        const QString names = c->last(QStringLiteral("353")).params().constLast();
        return names.contains(QLatin1String("yan")) && !names.contains(QLatin1String("@yan")) &&
               names.contains(QLatin1String("@zed"));
    }));
}

void tst_ClusterNodes::devicesOfOneAccountOnTwoNodesShareOneName()
{
    TestClient* laptop = nullptr;
    TestClient* erin = nullptr;
    QVERIFY(meetDana(&laptop, &erin, "echo-message"));
    QCOMPARE(laptop->last(QStringLiteral("001")).param(0), QStringLiteral("dana"));

    // The phone logs in on node b under another nick (dana is taken there, by node a's user):
    // it becomes a second session of dana, with her name and her room.
    TestClient* phone = connectAccount(*m_nodes[1], QStringLiteral("dana_phone"),
                                       QStringLiteral("dana"), "echo-message");
    QVERIFY(phone);
    QCOMPARE(phone->last(QStringLiteral("001")).param(0), QStringLiteral("dana"));
    QTRY_VERIFY_WITH_TIMEOUT(phone->has(QStringLiteral("366")), WaitMs);
    QVERIFY(hasLine(phone, QStringLiteral("JOIN"), "#room"));
    QVERIFY(hasLine(phone, QStringLiteral("353"), "erin"));
    QVERIFY(m_nodes[1]->log().contains("goes to node a"));
    // Nobody saw a second dana, nor the phone's own nick.
    QVERIFY(!hasLine(erin, QStringLiteral("JOIN"), "dana_phone"));
    QCOMPARE(countLines(erin, QStringLiteral("JOIN"), "dana!"), 0);

    // What is said to dana reaches both devices once, in the room and in private.
    laptop->clear();
    phone->clear();
    erin->sendLine("PRIVMSG #room :hello dana");
    erin->sendLine("PRIVMSG dana :just you");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(phone, QStringLiteral("PRIVMSG"), "just you") &&
                                 hasLine(laptop, QStringLiteral("PRIVMSG"), "just you"),
                             WaitMs);
    QCOMPARE(phone->count(QStringLiteral("PRIVMSG")), 2);
    QCOMPARE(laptop->count(QStringLiteral("PRIVMSG")), 2);

    // Said from the phone: erin hears dana, and both devices see it.
    erin->clear();
    laptop->clear();
    phone->clear();
    phone->sendLine("PRIVMSG #room :from the phone");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "from the phone"), WaitMs);
    QCOMPARE(erin->last(QStringLiteral("PRIVMSG")).source().section(u'!', 0, 0),
             QStringLiteral("dana"));
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(laptop, QStringLiteral("PRIVMSG"), "from the phone"), WaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(phone, QStringLiteral("PRIVMSG"), "from the phone"), WaitMs);
    // Its questions are answered by the account's node.
    phone->sendLine("WHOIS erin");
    QTRY_VERIFY_WITH_TIMEOUT(phone->has(QStringLiteral("318")), WaitMs);
    QVERIFY(hasLine(phone, QStringLiteral("312"), "node c"));

    // The phone leaves: dana stays, and nobody sees her quit.
    phone->sendLine("QUIT :later");
    QTRY_VERIFY_WITH_TIMEOUT(phone->isDisconnected(), WaitMs);
    QVERIFY(hasLine(phone, QStringLiteral("ERROR"), "later"));
    laptop->sendLine("PRIVMSG #room :still here");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "still here"), WaitMs);
    erin->sendLine("ISON dana");
    QTRY_VERIFY_WITH_TIMEOUT(erin->has(QStringLiteral("303")), WaitMs);
    QCOMPARE(erin->last(QStringLiteral("303")).params().constLast(), QStringLiteral("dana"));
    QVERIFY(!erin->has(QStringLiteral("QUIT")));

    // Another phone on node b, which then stops: the phone is told and closed, node b exits
    // cleanly, and dana stays on node a.
    TestClient* phone2 =
        connectAccount(*m_nodes[1], QStringLiteral("dana_phone"), QStringLiteral("dana"));
    QVERIFY(phone2);
    QTRY_VERIFY_WITH_TIMEOUT(phone2->has(QStringLiteral("366")), WaitMs);
    QVERIFY(m_nodes[1]->stop());
    QCOMPARE(m_nodes[1]->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(phone2->isDisconnected(), WaitMs);
    QVERIFY(phone2->has(QStringLiteral("ERROR")));
    laptop->sendLine("PRIVMSG #room :after node b");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "after node b"), WaitMs);
    QVERIFY(!erin->has(QStringLiteral("QUIT")));
}

// A device on node b pastes a draft/multiline message of 90 lines in one write. Node b, with
// flood control at its defaults, lets the batch's lines through as the account's node would
// (they are one message), instead of queueing them line by line and dropping the device for
// "Excess Flood" after 20 + 50 lines.
void tst_ClusterNodes::multilinePasteFromADeviceOnAnotherNode()
{
    QVERIFY(m_nodes[1]->stop());
    m_nodes[1]->setOption(QStringLiteral("--flood-rate"),
                          QString::number(ServerDefaults::FloodRate));
    QVERIFY2(m_nodes[1]->start(), m_nodes[1]->log().constData());
    TestClient* laptop = nullptr;
    TestClient* erin = nullptr;
    QVERIFY(meetDana(&laptop, &erin));
    TestClient* phone = connectAccount(*m_nodes[1], QStringLiteral("dana_phone"),
                                       QStringLiteral("dana"), "draft/multiline batch");
    QVERIFY(phone);
    QTRY_VERIFY_WITH_TIMEOUT(phone->has(QStringLiteral("366")), WaitMs);

    constexpr int Lines = 90;
    static_assert(Lines > ServerDefaults::FloodBurst + ServerDefaults::FloodMaxQueuedLines);
    static_assert(Lines < ServerDefaults::MultilineMaxLines);
    QByteArray paste = "BATCH +p1 draft/multiline #room\r\n";
    for (int i = 0; i < Lines; ++i)
        paste += "@batch=p1 PRIVMSG #room :pasted " + QByteArray::number(i) + "\r\n";
    paste += "BATCH -p1\r\n";
    phone->sendRaw(paste);
    // erin has no draft/multiline: she gets the lines, all at once.
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "pasted 89"), WaitMs);
    QCOMPARE(countLines(erin, QStringLiteral("PRIVMSG"), "pasted "), Lines);
    QVERIFY(!phone->isDisconnected());
    QVERIFY(!phone->has(QStringLiteral("ERROR")));
    // The paste was charged to the phone's flood allowance as one message of its size: the
    // next line goes through.
    phone->sendLine("PRIVMSG #room :after the paste");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "after the paste"), WaitMs);
}

void tst_ClusterNodes::deviceOnAnotherNodeEndsWithEitherNode()
{
    TestClient* laptop = nullptr;
    TestClient* erin = nullptr;
    QVERIFY(meetDana(&laptop, &erin));

    // The phone's node dies: after its lease, node a ends the phone's session, and dana stays.
    TestClient* phone =
        connectAccount(*m_nodes[1], QStringLiteral("phone"), QStringLiteral("dana"));
    QVERIFY(phone);
    QTRY_VERIFY_WITH_TIMEOUT(phone->has(QStringLiteral("366")), WaitMs);
    m_nodes[1]->kill();
    QTRY_VERIFY_WITH_TIMEOUT(m_nodes[0]->log().contains("session closed: dana!"), 3 * LeaseMs);
    laptop->sendLine("PRIVMSG #room :the laptop goes on");
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("PRIVMSG"), "the laptop goes on"),
                             WaitMs);
    QVERIFY(!hasLine(erin, QStringLiteral("QUIT"), "dana!"));

    // A tablet on node c; then the account's node stops. The tablet's connection is closed with
    // the reason, and erin, on the tablet's node, sees dana quit.
    TestClient* tablet =
        connectAccount(*m_nodes[2], QStringLiteral("tablet"), QStringLiteral("dana"));
    QVERIFY(tablet);
    QTRY_VERIFY_WITH_TIMEOUT(tablet->has(QStringLiteral("366")), WaitMs);
    QVERIFY(m_nodes[0]->stop());
    QCOMPARE(m_nodes[0]->exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(tablet->isDisconnected(), WaitMs);
    QVERIFY(tablet->has(QStringLiteral("ERROR")));
    QTRY_VERIFY_WITH_TIMEOUT(hasLine(erin, QStringLiteral("QUIT"), "dana!"), WaitMs);

    // Connecting again, the tablet is dana on node c, her name free again.
    TestClient* again = connectAccount(*m_nodes[2], QStringLiteral("dana"), QStringLiteral("dana"));
    QVERIFY(again);
    QCOMPARE(again->last(QStringLiteral("001")).param(0), QStringLiteral("dana"));
    erin->sendLine("WHOIS dana");
    QTRY_VERIFY_WITH_TIMEOUT(erin->has(QStringLiteral("318")), WaitMs);
    QVERIFY(hasLine(erin, QStringLiteral("312"), "node c"));
}

QTEST_GUILESS_MAIN(tst_ClusterNodes)
#include "tst_clusternodes.moc"

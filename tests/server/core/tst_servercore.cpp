// ServerCore without sockets: a FakeConnection records what the core sends. Covers command
// details (errors, modes, KICK, INVITE, TOPIC, WHO, NAMES splitting, CAP) that the socket tests
// in tst_server.cpp only touch.
#include "core/servercore.h"
#include "irclimits.h"
#include "net/clientconnection.h"

#include <QTest>

#include <memory>

namespace {

class FakeConnection : public ClientConnection
{
public:
    void send(const IrcMessage& message) override { sendWire(message.toWire()); }
    void sendWire(const QByteArray& wire) override
    {
        wires.append(wire);
        if (const std::optional<IrcMessage> m = IrcMessage::parse(wire.chopped(2)))
            received.append(*m);
    }
    void close(const QString& reason) override
    {
        closedReason = reason.isNull() ? QStringLiteral("") : reason;
    }
    void setRegistered() override { registered = true; }

    QStringList commands() const
    {
        QStringList result;
        for (const IrcMessage& m : received)
            result.append(m.command());
        return result;
    }
    IrcMessage last(const QString& command) const
    {
        for (auto it = received.crbegin(); it != received.crend(); ++it) {
            if (it->command() == command)
                return *it;
        }
        return IrcMessage();
    }
    int count(const QString& command) const { return int(commands().count(command)); }

    QList<QByteArray> wires;
    QList<IrcMessage> received;
    QString closedReason;
    bool registered = false;
};

} // namespace

class tst_ServerCore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registrationNumerics_data();
    void registrationNumerics();
    void registrationWaitsForCapEnd();
    void nickChange_data();
    void nickChange();
    void unknownCommand();
    void echoedParameterTooLong_data();
    void echoedParameterTooLong();
    void needMoreParams_data();
    void needMoreParams();
    void channelModes_data();
    void channelModes();
    void modeErrors();
    void sameKeyAndLimitNotRepeated();
    void userModes();
    void lusersCountsInvisible();
    void banBlocksJoinAndSpeech();
    void kickErrors();
    void kickLastMemberRemovesChannel();
    void inviteErrors();
    void topicQueryAndLength();
    void partErrors();
    void joinZeroLeavesAll();
    void namesSplitIntoLines();
    void whoMask();
    void tooManyTargets();
    void namesSeveralChannels();
    void secretChannel();
    void kickSeveral();
    void capListEmpty();
    void relayedLineSerializedOnce();
    void sourceFollowsNickChange();
    void removeConnectionTwice();
    void unsafeEchoedParams_data();
    void unsafeEchoedParams();

private:
    FakeConnection* connect(const QString& nick = {});

    std::unique_ptr<ServerCore> m_core;
    std::vector<std::unique_ptr<FakeConnection>> m_connections;
};

void tst_ServerCore::init()
{
    ServerConfig config;
    config.autoJoin = true;
    m_core = std::make_unique<ServerCore>(config);
}

void tst_ServerCore::cleanup()
{
    m_core.reset();
    m_connections.clear();
}

FakeConnection* tst_ServerCore::connect(const QString& nick)
{
    m_connections.push_back(std::make_unique<FakeConnection>());
    FakeConnection* connection = m_connections.back().get();
    m_core->addConnection(connection, QStringLiteral("10.0.0.%1").arg(m_connections.size()));
    if (!nick.isEmpty()) {
        m_core->handleMessage(connection, IrcMessage(QStringLiteral("NICK"), {nick}));
        m_core->handleMessage(
            connection,
            IrcMessage(QStringLiteral("USER"), {QStringLiteral("u"), QStringLiteral("0"),
                                                QStringLiteral("*"), QStringLiteral("Real")}));
        connection->received.clear();
        connection->wires.clear();
    }
    return connection;
}

static void feed(ServerCore* core, FakeConnection* connection, const QByteArray& line)
{
    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    QVERIFY2(message, line.constData());
    core->handleMessage(connection, *message);
}

void tst_ServerCore::registrationNumerics_data()
{
    QTest::addColumn<QByteArrayList>("lines");
    QTest::addColumn<QString>("expected");
    QTest::newRow("NICK without name") << QByteArrayList{"NICK"} << "431";
    QTest::newRow("NICK empty") << QByteArrayList{"NICK :"} << "431";
    QTest::newRow("USER short") << QByteArrayList{"USER a 0 *"} << "461";
    QTest::newRow("USER empty real name") << QByteArrayList{"NICK a", "USER a 0 * :"} << "461";
    QTest::newRow("USER empty user name") << QByteArrayList{"NICK a", "USER : 0 * :A"} << "461";
    QTest::newRow("CAP LIST before registration") << QByteArrayList{"CAP LIST"} << "CAP";
    QTest::newRow("USER twice") << QByteArrayList{"USER a 0 * :A", "USER a 0 * :A"} << "462";
    QTest::newRow("PASS after registration")
        << QByteArrayList{"NICK a", "USER a 0 * :A", "PASS x"} << "462";
    QTest::newRow("USER after registration")
        << QByteArrayList{"NICK a", "USER a 0 * :A", "USER a 0 * :A"} << "462";
    QTest::newRow("registered") << QByteArrayList{"USER a 0 * :A", "NICK a"} << "001";
    QTest::newRow("PING before registration") << QByteArrayList{"PING x"} << "PONG";
    QTest::newRow("MODE before registration") << QByteArrayList{"MODE a"} << "451";
}

void tst_ServerCore::registrationNumerics()
{
    QFETCH(QByteArrayList, lines);
    QFETCH(QString, expected);
    FakeConnection* c = connect();
    for (const QByteArray& line : lines)
        feed(m_core.get(), c, line);
    QVERIFY2(c->commands().contains(expected), qPrintable(c->commands().join(u',')));
}

void tst_ServerCore::registrationWaitsForCapEnd()
{
    FakeConnection* c = connect();
    feed(m_core.get(), c, "CAP LS");
    feed(m_core.get(), c, "NICK a");
    feed(m_core.get(), c, "USER a 0 * :A");
    QVERIFY(!c->registered);
    QVERIFY(!m_core->isRegistered(c));
    feed(m_core.get(), c, "CAP END");
    QVERIFY(c->registered);
    QCOMPARE(c->count(QStringLiteral("001")), 1);
    QCOMPARE(m_core->userCount(), 1);
}

void tst_ServerCore::nickChange_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::newRow("new nick") << QByteArray("NICK bob2") << "NICK";
    QTest::newRow("case change only") << QByteArray("NICK ALICE") << "NICK";
    QTest::newRow("taken, other case") << QByteArray("NICK BOB") << "433";
    QTest::newRow("erroneous") << QByteArray("NICK 9lives") << "432";
    QTest::newRow("same") << QByteArray("NICK alice") << "";
}

void tst_ServerCore::nickChange()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    alice->received.clear();
    feed(m_core.get(), alice, line);
    QCOMPARE(alice->commands(), expected.isEmpty() ? QStringList() : QStringList{expected});
    QCOMPARE(bob->commands(),
             expected == QLatin1String("NICK") ? QStringList{expected} : QStringList());
}

void tst_ServerCore::unknownCommand()
{
    FakeConnection* c = connect(QStringLiteral("alice"));
    feed(m_core.get(), c, "FROBNICATE x");
    QCOMPARE(c->commands(), QStringList{"421"});
    QCOMPARE(c->last(QStringLiteral("421")).param(1), QStringLiteral("FROBNICATE"));
}

void tst_ServerCore::needMoreParams_data()
{
    QTest::addColumn<QByteArray>("line");
    for (const char* line : {"JOIN", "PART", "TOPIC", "KICK #lobby", "MODE", "INVITE bob", "WHOIS",
                             "ISON", "USERHOST", "TAGMSG", "CAP"}) {
        QTest::newRow(line) << QByteArray(line);
    }
}

void tst_ServerCore::needMoreParams()
{
    QFETCH(QByteArray, line);
    FakeConnection* c = connect(QStringLiteral("alice"));
    feed(m_core.get(), c, line);
    QCOMPARE(c->commands(), QStringList{"461"});
    QCOMPARE(c->last(QStringLiteral("461")).param(1), QString::fromLatin1(line.split(' ').first()));
}

void tst_ServerCore::channelModes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("broadcast"); // the MODE params members see; empty: none
    QTest::addColumn<QString>("query");         // 324 modes afterwards
    QTest::newRow("+o") << QByteArray("MODE #c +o bob") << QStringList{"#c", "+o", "bob"} << "+nt";
    QTest::newRow("+v") << QByteArray("MODE #c +v bob") << QStringList{"#c", "+v", "bob"} << "+nt";
    QTest::newRow("-t") << QByteArray("MODE #c -t") << QStringList{"#c", "-t"} << "+n";
    QTest::newRow("-n+im") << QByteArray("MODE #c -n+im") << QStringList{"#c", "-n+im"} << "+imt";
    QTest::newRow("+k") << QByteArray("MODE #c +k pw") << QStringList{"#c", "+k", "pw"} << "+knt";
    QTest::newRow("+l") << QByteArray("MODE #c +l 5") << QStringList{"#c", "+l", "5"} << "+lnt";
    QTest::newRow("+kl one line") << QByteArray("MODE #c +kl pw 9")
                                  << QStringList{"#c", "+kl", "pw", "9"} << "+klnt";
    QTest::newRow("already set") << QByteArray("MODE #c +nt") << QStringList() << "+nt";
    QTest::newRow("-k without key") << QByteArray("MODE #c -k") << QStringList() << "+nt";
    QTest::newRow("-l without limit") << QByteArray("MODE #c -l") << QStringList() << "+nt";
    QTest::newRow("-o on a non-op") << QByteArray("MODE #c -o bob") << QStringList() << "+nt";
    QTest::newRow("+l not a number") << QByteArray("MODE #c +l many") << QStringList() << "+nt";
    QTest::newRow("+o missing arg") << QByteArray("MODE #c +o") << QStringList() << "+nt";
    QTest::newRow("+b") << QByteArray("MODE #c +b evil") << QStringList{"#c", "+b", "evil!*@*"}
                        << "+nt";
}

void tst_ServerCore::channelModes()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, broadcast);
    QFETCH(QString, query);
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "JOIN #c");
    feed(m_core.get(), bob, "JOIN #c");
    bob->received.clear();
    feed(m_core.get(), alice, line);
    QCOMPARE(bob->last(QStringLiteral("MODE")).params(), broadcast);
    QCOMPARE(bob->count(QStringLiteral("MODE")), broadcast.isEmpty() ? 0 : 1);
    feed(m_core.get(), alice, "MODE #c");
    QCOMPARE(alice->last(QStringLiteral("324")).param(2), query);
    QVERIFY(alice->commands().contains(QStringLiteral("329")));
}

void tst_ServerCore::sameKeyAndLimitNotRepeated()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "MODE #lobby +kl pw 5");
    feed(m_core.get(), alice, "MODE #lobby +kl pw 5");
    QCOMPARE(bob->count(QStringLiteral("MODE")), 1);
    feed(m_core.get(), alice, "MODE #lobby +l 6");
    QCOMPARE(bob->last(QStringLiteral("MODE")).params(), QStringList({"#lobby", "+l", "6"}));
}

void tst_ServerCore::modeErrors()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "JOIN #c");
    feed(m_core.get(), bob, "JOIN #c");
    alice->received.clear();
    bob->received.clear();
    feed(m_core.get(), bob, "MODE #c +m");
    QCOMPARE(bob->commands(), QStringList{"482"});
    feed(m_core.get(), alice, "MODE #c +z");
    QCOMPARE(alice->last(QStringLiteral("472")).param(1), QStringLiteral("z"));
    feed(m_core.get(), alice, "MODE #nowhere +m");
    QCOMPARE(alice->last(QStringLiteral("403")).param(1), QStringLiteral("#nowhere"));
    feed(m_core.get(), alice, "MODE #c +o nobody");
    QCOMPARE(alice->last(QStringLiteral("401")).param(1), QStringLiteral("nobody"));
    FakeConnection* carol = connect(QStringLiteral("carol"));
    feed(m_core.get(), carol, "PART #lobby");
    feed(m_core.get(), alice, "MODE #c +v carol");
    QCOMPARE(alice->last(QStringLiteral("441")).param(1), QStringLiteral("carol"));
    // Anyone may list bans.
    feed(m_core.get(), bob, "MODE #c +b");
    QCOMPARE(bob->last(QStringLiteral("368")).param(1), QStringLiteral("#c"));
}

void tst_ServerCore::userModes()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "MODE alice");
    QCOMPARE(alice->last(QStringLiteral("221")).param(1), QStringLiteral("+"));
    feed(m_core.get(), alice, "MODE alice +i");
    QCOMPARE(alice->last(QStringLiteral("MODE")).params(), QStringList({"alice", "+i"}));
    feed(m_core.get(), alice, "MODE ALICE");
    QCOMPARE(alice->last(QStringLiteral("221")).param(1), QStringLiteral("+i"));
    feed(m_core.get(), alice, "MODE alice +Z");
    QVERIFY(alice->commands().contains(QStringLiteral("501")));
    feed(m_core.get(), alice, "MODE bob +i");
    QVERIFY(alice->commands().contains(QStringLiteral("502")));
    feed(m_core.get(), alice, "MODE nobody");
    QVERIFY(alice->commands().contains(QStringLiteral("401")));
}

void tst_ServerCore::lusersCountsInvisible()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    connect(); // unregistered
    feed(m_core.get(), alice, "MODE alice +i");
    feed(m_core.get(), bob, "LUSERS");
    QCOMPARE(bob->last(QStringLiteral("251")).param(1),
             QStringLiteral("There are 1 users and 1 invisible on 1 servers"));
    QCOMPARE(bob->last(QStringLiteral("253")).param(1), QStringLiteral("1"));
    feed(m_core.get(), alice, "MODE alice -i");
    feed(m_core.get(), alice, "MODE alice +i");
    feed(m_core.get(), alice, "QUIT");
    feed(m_core.get(), bob, "LUSERS");
    QCOMPARE(bob->last(QStringLiteral("251")).param(1),
             QStringLiteral("There are 1 users and 0 invisible on 1 servers"));
    QCOMPARE(bob->last(QStringLiteral("265")).param(2), QStringLiteral("2")); // max
}

void tst_ServerCore::banBlocksJoinAndSpeech()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "JOIN #c");
    feed(m_core.get(), alice, "MODE #c +b BOB!*@*");
    feed(m_core.get(), bob, "JOIN #c");
    QCOMPARE(bob->last(QStringLiteral("474")).param(1), QStringLiteral("#c"));
    feed(m_core.get(), alice, "MODE #lobby +b *!*@10.0.0.2");
    feed(m_core.get(), bob, "PRIVMSG #lobby :hi");
    QCOMPARE(bob->last(QStringLiteral("404")).param(1), QStringLiteral("#lobby"));
    feed(m_core.get(), alice, "MODE #c -b bob!*@*");
    feed(m_core.get(), bob, "JOIN #c");
    QCOMPARE(bob->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#c"));
}

void tst_ServerCore::kickErrors()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    connect(QStringLiteral("carol"));
    feed(m_core.get(), alice, "JOIN #c");
    feed(m_core.get(), alice, "KICK #nowhere bob");
    QCOMPARE(alice->last(QStringLiteral("403")).param(1), QStringLiteral("#nowhere"));
    feed(m_core.get(), alice, "KICK #c bob");
    QCOMPARE(alice->last(QStringLiteral("441")).param(1), QStringLiteral("bob"));
    feed(m_core.get(), bob, "KICK #c alice");
    QCOMPARE(bob->last(QStringLiteral("442")).param(1), QStringLiteral("#c"));
    feed(m_core.get(), bob, "KICK #lobby alice");
    QCOMPARE(bob->last(QStringLiteral("482")).param(1), QStringLiteral("#lobby"));
    bob->received.clear();
    feed(m_core.get(), alice, "KICK #lobby bob,carol");
    QCOMPARE(bob->last(QStringLiteral("KICK")).params(), QStringList({"#lobby", "bob", "alice"}));
    QCOMPARE(alice->count(QStringLiteral("KICK")), 2);
    feed(m_core.get(), bob, "PRIVMSG #lobby :back?");
    QCOMPARE(bob->last(QStringLiteral("404")).param(1), QStringLiteral("#lobby"));
}

void tst_ServerCore::kickLastMemberRemovesChannel()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    feed(m_core.get(), alice, "JOIN #solo");
    QCOMPARE(m_core->channelCount(), 2);
    feed(m_core.get(), alice, "KICK #solo alice,alice");
    QCOMPARE(m_core->channelCount(), 1);
    QCOMPARE(alice->count(QStringLiteral("KICK")), 1);
}

void tst_ServerCore::inviteErrors()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "JOIN #c");
    feed(m_core.get(), alice, "INVITE nobody #c");
    QCOMPARE(alice->last(QStringLiteral("401")).param(1), QStringLiteral("nobody"));
    feed(m_core.get(), alice, "INVITE bob #lobby");
    QCOMPARE(alice->last(QStringLiteral("443")).param(1), QStringLiteral("bob"));
    feed(m_core.get(), bob, "INVITE alice #c");
    QCOMPARE(bob->last(QStringLiteral("442")).param(1), QStringLiteral("#c"));
    feed(m_core.get(), alice, "INVITE bob #nowhere");
    QCOMPARE(alice->last(QStringLiteral("403")).param(1), QStringLiteral("#nowhere"));
    FakeConnection* carol = connect(QStringLiteral("carol"));
    feed(m_core.get(), alice, "MODE #c +i");
    feed(m_core.get(), bob, "JOIN #c");
    QCOMPARE(bob->last(QStringLiteral("473")).param(1), QStringLiteral("#c"));
    feed(m_core.get(), alice, "INVITE bob #c");
    feed(m_core.get(), bob, "JOIN #c");
    QCOMPARE(bob->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#c"));
    feed(m_core.get(), bob, "INVITE carol #c"); // +i: only operators invite
    QCOMPARE(bob->last(QStringLiteral("482")).param(1), QStringLiteral("#c"));
    QCOMPARE(carol->count(QStringLiteral("INVITE")), 0);
}

void tst_ServerCore::topicQueryAndLength()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    feed(m_core.get(), alice, "TOPIC #lobby");
    QCOMPARE(alice->last(QStringLiteral("331")).param(1), QStringLiteral("#lobby"));
    feed(m_core.get(), alice, "TOPIC #lobby :" + QByteArray(500, 't'));
    QCOMPARE(alice->last(QStringLiteral("TOPIC")).param(1).size(), Limits::DefaultTopicLength);
    feed(m_core.get(), alice, "TOPIC #nowhere");
    QCOMPARE(alice->last(QStringLiteral("403")).param(1), QStringLiteral("#nowhere"));
    feed(m_core.get(), alice, "TOPIC #lobby :");
    feed(m_core.get(), alice, "TOPIC #lobby");
    QCOMPARE(alice->count(QStringLiteral("331")), 2);
}

void tst_ServerCore::partErrors()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), bob, "JOIN #b");
    alice->received.clear();
    feed(m_core.get(), alice, "PART #nowhere,#b,#lobby :bye");
    QCOMPARE(alice->commands(), QStringList({"403", "442", "PART"}));
    QCOMPARE(alice->last(QStringLiteral("PART")).params(), QStringList({"#lobby", "bye"}));
}

void tst_ServerCore::joinZeroLeavesAll()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    feed(m_core.get(), alice, "JOIN #a,#b");
    alice->received.clear();
    feed(m_core.get(), alice, "JOIN 0");
    QCOMPARE(alice->commands(), QStringList({"PART", "PART", "PART"}));
    QCOMPARE(m_core->channelCount(), 0);
}

void tst_ServerCore::namesSplitIntoLines()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    for (int i = 0; i < 60; ++i)
        connect(QStringLiteral("user%1_with_a_long_name").arg(i, 3, 10, QLatin1Char('0')));
    alice->received.clear();
    alice->wires.clear();
    feed(m_core.get(), alice, "NAMES #lobby");
    QStringList names;
    int lines = 0;
    for (int i = 0; i < alice->received.size(); ++i) {
        if (alice->received.at(i).command() != QLatin1String("353"))
            continue;
        ++lines;
        QVERIFY(alice->wires.at(i).size() <= Limits::MaxLineBytes);
        names += alice->received.at(i).param(3).split(u' ');
    }
    QVERIFY(lines > 1);
    QCOMPARE(names.size(), 61);
    QCOMPARE(names.first(), QStringLiteral("@alice"));
    QCOMPARE(alice->received.last().command(), QStringLiteral("366"));
}

void tst_ServerCore::whoMask()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    connect(QStringLiteral("albert"));
    connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "WHO al*");
    QStringList nicks;
    for (const IrcMessage& m : alice->received) {
        if (m.command() == QLatin1String("352"))
            nicks.append(m.param(5));
    }
    nicks.sort();
    QCOMPARE(nicks, QStringList({"albert", "alice"}));
    QCOMPARE(alice->last(QStringLiteral("315")).param(1), QStringLiteral("al*"));
}

void tst_ServerCore::tooManyTargets()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "PRIVMSG bob,bob,bob,bob,bob :hi");
    QCOMPARE(alice->last(QStringLiteral("407")).paramCount(), 3);
    QCOMPARE(bob->count(QStringLiteral("PRIVMSG")), 0);
    feed(m_core.get(), alice, "PRIVMSG bob,#lobby :hi");
    QCOMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
}

void tst_ServerCore::namesSeveralChannels()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    feed(m_core.get(), alice, "JOIN #a,#b");
    alice->received.clear();
    feed(m_core.get(), alice, "NAMES #a,#nowhere,#b");
    QCOMPARE(alice->commands(), QStringList({"353", "353", "366"}));
    QCOMPARE(alice->last(QStringLiteral("366")).param(1), QStringLiteral("#a,#nowhere,#b"));
    alice->received.clear();
    feed(m_core.get(), alice, "NAMES");
    QCOMPARE(alice->commands(), QStringList({"353", "353", "353", "366"}));
    QCOMPARE(alice->last(QStringLiteral("366")).param(1), QStringLiteral("*"));
    alice->received.clear();
    feed(m_core.get(), alice, "NAMES invalid");
    QCOMPARE(alice->commands(), QStringList({"366"}));
}

void tst_ServerCore::secretChannel()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "JOIN #hidden");
    feed(m_core.get(), alice, "MODE #hidden +s");
    feed(m_core.get(), alice, "NAMES #hidden");
    QCOMPARE(alice->last(QStringLiteral("353")).param(1), QStringLiteral("@"));
    bob->received.clear();
    feed(m_core.get(), bob, "LIST");
    feed(m_core.get(), bob, "NAMES #hidden");
    feed(m_core.get(), bob, "WHOIS alice");
    feed(m_core.get(), bob, "WHO #hidden");
    QCOMPARE(bob->count(QStringLiteral("322")), 1); // #lobby only
    QCOMPARE(bob->count(QStringLiteral("353")), 0);
    QCOMPARE(bob->last(QStringLiteral("319")).param(2), QStringLiteral("@#lobby"));
    QCOMPARE(bob->count(QStringLiteral("352")), 0);
    feed(m_core.get(), alice, "LIST");
    QCOMPARE(alice->count(QStringLiteral("322")), 2);
    // An invisible user's channels are shown only to fellow members.
    FakeConnection* carol = connect(QStringLiteral("carol"));
    feed(m_core.get(), carol, "PART #lobby");
    feed(m_core.get(), alice, "MODE alice +i");
    carol->received.clear();
    feed(m_core.get(), carol, "WHOIS alice");
    QCOMPARE(carol->count(QStringLiteral("319")), 0);
    feed(m_core.get(), bob, "WHOIS alice");
    QCOMPARE(bob->last(QStringLiteral("319")).param(2), QStringLiteral("@#lobby"));
}

void tst_ServerCore::kickSeveral()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    FakeConnection* carol = connect(QStringLiteral("carol"));
    feed(m_core.get(), alice, "JOIN #a");
    feed(m_core.get(), bob, "JOIN #a");
    carol->received.clear();
    feed(m_core.get(), alice, "KICK #lobby,#a bob,bob :out");
    QCOMPARE(bob->count(QStringLiteral("KICK")), 2);
    QCOMPARE(carol->count(QStringLiteral("KICK")), 1);
    QCOMPARE(carol->last(QStringLiteral("KICK")).params(), QStringList({"#lobby", "bob", "out"}));
    feed(m_core.get(), alice, "KICK #lobby,#a carol");
    QCOMPARE(alice->last(QStringLiteral("461")).param(1), QStringLiteral("KICK"));
}

void tst_ServerCore::capListEmpty()
{
    FakeConnection* c = connect();
    feed(m_core.get(), c, "CAP LIST");
    QCOMPARE(c->last(QStringLiteral("CAP")).params(), QStringList({"*", "LIST", ""}));
    QCOMPARE(c->last(QStringLiteral("CAP")).source(), QStringLiteral("confab.local"));
    QVERIFY(c->wires.last().endsWith(" LIST :\r\n"));
}

void tst_ServerCore::relayedLineSerializedOnce()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    FakeConnection* carol = connect(QStringLiteral("carol"));
    bob->wires.clear();
    carol->wires.clear();
    feed(m_core.get(), alice, "PRIVMSG #lobby :shared");
    QCOMPARE(bob->wires.size(), 1);
    QCOMPARE(carol->wires.size(), 1);
    // Same capabilities: the very same bytes (one serialization, implicitly shared).
    QCOMPARE(bob->wires.first().constData(), carol->wires.first().constData());
    // Without message-tags and server-time: no tags at all (no msgid, no time).
    QCOMPARE(bob->wires.first(), QByteArray(":alice!~u@10.0.0.1 PRIVMSG #lobby :shared\r\n"));
}

// The nick!user@host of relayed lines is built once per user and rebuilt after a nick change.
void tst_ServerCore::sourceFollowsNickChange()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    feed(m_core.get(), alice, "PRIVMSG bob :one");
    feed(m_core.get(), alice, "NICK alicia");
    feed(m_core.get(), alice, "PRIVMSG bob :two");
    QList<QByteArray> privmsgs;
    for (const QByteArray& wire : bob->wires) {
        if (wire.contains(" PRIVMSG "))
            privmsgs.append(wire);
    }
    QCOMPARE(privmsgs.size(), 2);
    QVERIFY(privmsgs.at(0).startsWith(":alice!~u@10.0.0.1 PRIVMSG bob :one"));
    QVERIFY(privmsgs.at(1).startsWith(":alicia!~u@10.0.0.1 PRIVMSG bob :two"));
}

void tst_ServerCore::removeConnectionTwice()
{
    FakeConnection* alice = connect(QStringLiteral("alice"));
    FakeConnection* bob = connect(QStringLiteral("bob"));
    m_core->removeConnection(bob, QStringLiteral("gone"));
    m_core->removeConnection(bob, QStringLiteral("gone again"));
    QCOMPARE(alice->count(QStringLiteral("QUIT")), 1);
    QCOMPARE(m_core->userCount(), 1);
    QCOMPARE(m_core->connectionCount(), 1);
}

void tst_ServerCore::unsafeEchoedParams_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("numeric");
    QTest::newRow("nick with a space") << QByteArray("NICK :a b") << "432";
    QTest::newRow("nick with a colon") << QByteArray("NICK ::ab") << "432";
    QTest::newRow("target with a space") << QByteArray("PRIVMSG :x y") << "412";
    QTest::newRow("channel with a space") << QByteArray("JOIN :#a b") << "403";
    QTest::newRow("key with a space") << QByteArray("MODE #lobby +k :a b") << "696";
    QTest::newRow("empty key") << QByteArray("MODE #lobby +k :") << "696";
    QTest::newRow("long key") << (QByteArray("MODE #lobby +k ") + QByteArray(60, 'k')) << "696";
    QTest::newRow("ban mask with a space") << QByteArray("MODE #lobby +b :a b") << "696";
    QTest::newRow("whois with a space") << QByteArray("WHOIS :a b") << "401";
}

void tst_ServerCore::unsafeEchoedParams()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, numeric);
    FakeConnection* alice = connect(QStringLiteral("alice"));
    alice->wires.clear();
    alice->received.clear();
    feed(m_core.get(), alice, line);
    QVERIFY2(alice->commands().contains(numeric), qPrintable(alice->commands().join(u',')));
    for (const QByteArray& wire : alice->wires)
        QVERIFY2(wire.size() > 2, "an unserializable reply was sent as an empty line");
    QCOMPARE(alice->received.size(), alice->wires.size());
    if (numeric == QLatin1String("696"))
        QCOMPARE(alice->last(numeric).param(3), QStringLiteral("*"));
    feed(m_core.get(), alice, "MODE #lobby");
    QCOMPARE(alice->last(QStringLiteral("324")).param(2), QStringLiteral("+nt"));
}

// A reply that echoes a long middle parameter (client text) would not fit a line: the parameter
// is shown as "*" and the reply still goes out (found by fuzz_accounts).
void tst_ServerCore::echoedParameterTooLong_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("numeric");
    QTest::newRow("cap subcommand") << "CAP " + QByteArray(500, 'x') << "410";
    QTest::newRow("unknown command") << QByteArray(490, 'Q') << "421";
    QTest::newRow("no such nick") << "PRIVMSG " + QByteArray(495, 'n') + " :hi"
                                  << "401";
}

void tst_ServerCore::echoedParameterTooLong()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, numeric);
    FakeConnection* c = connect(QStringLiteral("alice"));
    feed(m_core.get(), c, line);
    QCOMPARE(c->count(numeric), 1);
    QCOMPARE(c->last(numeric).param(1), QStringLiteral("*"));
    for (const QByteArray& wire : c->wires)
        QVERIFY(wire.endsWith("\r\n") && wire.size() <= 512);
}

QTEST_GUILESS_MAIN(tst_ServerCore)
#include "tst_servercore.moc"

// MONITOR (IRCv3 monitor) over real sockets: + - C L S, the 730/731 notifications on
// registration, nick changes, account logins, quits and dropped connections between users who
// share no channel, the list limit and 734, the MONITOR ISUPPORT token, replies split to fit 512
// bytes, and targets that are not nicks.
#include "accountfixture.h"
#include "core/servercore.h"
#include "servertestmain.h"
#include "state/monitorregistry.h"
#include "state/userregistry.h"

#include <QSet>

class tst_MonitorCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void isupportToken();
    void addOnlineAndOffline();
    void onlineWhenRegistered();
    void offlineOnQuit();
    void offlineOnDroppedConnection();
    void nickChange();
    void caseOnlyNickChange();
    void watchingOwnNick();
    void accountLogin();
    void accountLoginDuringRegistration();
    void removeClearAndList();
    void status();
    void limit();
    void listFullRepliesAreSplit();
    void repliesAreSplit();
    void invalidTargets();
    void badSubcommands_data();
    void badSubcommands();
    void listGoesWithWatcher();

private:
    ServerConfig config() const;
    // Restarts the server with config.
    // A registered client with nick (no channels: autojoin is off).
    TestClient* user(const QString& nick);
    // A registered client with the sasl cap, logged in to account when given.
    TestClient* saslUser(const QString& nick, const QString& account = {},
                         const QString& password = {});
    // Waits until the server has answered everything the client sent before.
    bool sync(TestClient* client);
    // The comma-separated lists of every reply with that numeric from index from on, joined.
    static QStringList entries(TestClient* client, const QString& numeric, int from = 0,
                               int param = 1);

    AccountFixture m_fixture;
};

ServerConfig tst_MonitorCommands::config() const
{
    ServerConfig config = m_fixture.config();
    config.autoJoin = false; // nobody shares a channel
    return config;
}

void tst_MonitorCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(config()));
}

void tst_MonitorCommands::cleanup()
{
    m_fixture.stop();
}

TestClient* tst_MonitorCommands::user(const QString& nick)
{
    TestClient* client = m_fixture.connect();
    client->registerUser(nick);
    return m_fixture.waitForWelcome(client) ? client : nullptr;
}

TestClient* tst_MonitorCommands::saslUser(const QString& nick, const QString& account,
                                          const QString& password)
{
    TestClient* client = m_fixture.connectNegotiating(nick);
    if (!client)
        return nullptr;
    if (!account.isEmpty() && AccountFixture::authenticate(client, QStringLiteral("PLAIN"), account,
                                                           password) != QLatin1String("903")) {
        return nullptr;
    }
    client->sendLine("CAP END");
    return m_fixture.waitForWelcome(client) ? client : nullptr;
}

bool tst_MonitorCommands::sync(TestClient* client)
{
    return m_fixture.sync(client);
}

QStringList tst_MonitorCommands::entries(TestClient* client, const QString& numeric, int from,
                                         int param)
{
    QStringList result;
    const QList<IrcMessage>& messages = client->messages();
    for (int i = from; i < messages.size(); ++i) {
        if (messages.at(i).command() == numeric)
            result += messages.at(i).param(param).split(u',', Qt::SkipEmptyParts);
    }
    return result;
}

void tst_MonitorCommands::isupportToken()
{
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    QStringList tokens;
    for (const IrcMessage& m : alice->messages(QStringLiteral("005")))
        tokens += m.params().mid(1, m.paramCount() - 2);
    QVERIFY2(tokens.contains(QStringLiteral("MONITOR=100")), qPrintable(tokens.join(u' ')));

    ServerConfig limited = config();
    limited.monitorLimit = 7;
    QVERIFY(m_fixture.restart(limited));
    TestClient* bob = user(QStringLiteral("bob"));
    QVERIFY(bob);
    tokens.clear();
    for (const IrcMessage& m : bob->messages(QStringLiteral("005")))
        tokens += m.params().mid(1, m.paramCount() - 2);
    QVERIFY2(tokens.contains(QStringLiteral("MONITOR=7")), qPrintable(tokens.join(u' ')));
}

void tst_MonitorCommands::addOnlineAndOffline()
{
    TestClient* bob = user(QStringLiteral("Bob"));
    QVERIFY(bob);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + BOB,carol");
    QTRY_VERIFY(alice->has(QStringLiteral("730")) && alice->has(QStringLiteral("731")));
    const IrcMessage online = alice->last(QStringLiteral("730"));
    QCOMPARE(online.source(), QStringLiteral("confab.local"));
    QCOMPARE(online.params(), (QStringList{"alice", "Bob!~test@127.0.0.1"})); // as now spelled
    QCOMPARE(alice->last(QStringLiteral("731")).params(), (QStringList{"alice", "carol"}));
    // The 730 comes first, and nothing else is said.
    QVERIFY(alice->indexOf(QStringLiteral("730")) < alice->indexOf(QStringLiteral("731")));
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("730")), 1);
    QCOMPARE(alice->count(QStringLiteral("731")), 1);
}

void tst_MonitorCommands::onlineWhenRegistered()
{
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol");
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    // A connection that holds the nick but has not registered is not online.
    TestClient* carol = m_fixture.connect();
    carol->sendLine("NICK carol");
    QVERIFY(sync(carol));
    alice->sendLine("MONITOR S");
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("731")), 2);
    QVERIFY(!alice->has(QStringLiteral("730")));
    carol->sendLine("USER c 0 * :Carol");
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    QCOMPARE(alice->last(QStringLiteral("730")).param(1), QStringLiteral("carol!~c@127.0.0.1"));
    QVERIFY(!alice->has(QStringLiteral("JOIN"))); // no channel in common
}

void tst_MonitorCommands::offlineOnQuit()
{
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + Carol");
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    carol->sendLine("QUIT :bye");
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("carol"));
    QVERIFY(!alice->has(QStringLiteral("QUIT")));
    // The nick is free and offline now.
    alice->sendLine("MONITOR S");
    QTRY_COMPARE(alice->count(QStringLiteral("731")), 2);
}

void tst_MonitorCommands::offlineOnDroppedConnection()
{
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol");
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    carol->abort();
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("carol"));
    // An unregistered connection that drops is not announced.
    TestClient* dave = m_fixture.connect();
    dave->sendLine("NICK dave");
    QVERIFY(sync(dave));
    alice->sendLine("MONITOR + dave");
    QTRY_COMPARE(alice->count(QStringLiteral("731")), 2);
    dave->abort();
    QTRY_COMPARE(m_fixture.server()->core()->connectionCount(), 1);
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("731")), 2);
}

void tst_MonitorCommands::nickChange()
{
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol,dave,erin");
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    const int start = int(alice->messages().size());
    carol->sendLine("NICK dave");
    QTRY_VERIFY(alice->indexOf(QStringLiteral("730"), start) >= 0);
    // The old nick goes offline first, then the new one comes online.
    const int offline = alice->indexOf(QStringLiteral("731"), start);
    const int online = alice->indexOf(QStringLiteral("730"), start);
    QVERIFY(offline >= 0 && offline < online);
    QCOMPARE(alice->messages().at(offline).param(1), QStringLiteral("carol"));
    QCOMPARE(alice->messages().at(online).param(1), QStringLiteral("dave!~test@127.0.0.1"));
    // From a watched nick to one nobody watches, and back to a watched one.
    carol->sendLine("NICK frank");
    QTRY_COMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("dave"));
    carol->sendLine("NICK erin");
    QTRY_COMPARE(alice->last(QStringLiteral("730")).param(1),
                 QStringLiteral("erin!~test@127.0.0.1"));
    QVERIFY(sync(carol));
    QVERIFY(sync(alice));
    QCOMPARE(entries(alice, QStringLiteral("731"), start), (QStringList{"carol", "dave"}));
    QCOMPARE(entries(alice, QStringLiteral("730"), start),
             (QStringList{"dave!~test@127.0.0.1", "erin!~test@127.0.0.1"}));
}

void tst_MonitorCommands::caseOnlyNickChange()
{
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol");
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    carol->sendLine("NICK CAROL");
    QTRY_VERIFY(carol->has(QStringLiteral("NICK")));
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("730")), 1); // still online: nothing to tell
    QVERIFY(!alice->has(QStringLiteral("731")));
    alice->sendLine("MONITOR S");
    QTRY_COMPARE(alice->count(QStringLiteral("730")), 2);
    QCOMPARE(alice->last(QStringLiteral("730")).param(1), QStringLiteral("CAROL!~test@127.0.0.1"));
}

void tst_MonitorCommands::watchingOwnNick()
{
    // As in Ergo: a user watching its own nick hears about itself.
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + alice");
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    QCOMPARE(alice->last(QStringLiteral("730")).param(1), QStringLiteral("alice!~test@127.0.0.1"));
    alice->sendLine("NICK alice2");
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("alice"));
    alice->sendLine("NICK alice");
    QTRY_COMPARE(alice->count(QStringLiteral("730")), 2);
}

void tst_MonitorCommands::accountLogin()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("erin"), QStringLiteral("password-of-erin")));
    QTRY_VERIFY(m_fixture.auth()->isReserved(QStringLiteral("erin")));
    QTRY_COMPARE(m_fixture.server()->core()->connectionCount(), 0);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + Erin");
    QTRY_VERIFY(alice->has(QStringLiteral("731")));
    // frank logs in to erin after registration (sasl 3.2), keeping his nick: erin is online, as
    // the account's name alone.
    TestClient* frank = saslUser(QStringLiteral("frank"));
    QVERIFY(frank);
    QVERIFY(sync(alice));
    QVERIFY(!alice->has(QStringLiteral("730")));
    QCOMPARE(AccountFixture::authenticate(frank, QStringLiteral("PLAIN"), QStringLiteral("erin"),
                                          QStringLiteral("password-of-erin")),
             QStringLiteral("903"));
    QTRY_VERIFY(alice->has(QStringLiteral("730")));
    QCOMPARE(alice->last(QStringLiteral("730")).param(1), QStringLiteral("erin"));
    alice->sendLine("MONITOR S");
    QTRY_COMPARE(alice->count(QStringLiteral("730")), 2);
    QCOMPARE(alice->last(QStringLiteral("730")).param(1), QStringLiteral("erin"));
    // Taking the account's name as a nick: erin stays online, nothing is told. Leaving it: erin
    // is still online through the account.
    frank->sendLine("NICK erin");
    QTRY_VERIFY(frank->has(QStringLiteral("NICK")));
    frank->sendLine("NICK frank");
    QTRY_COMPARE(frank->count(QStringLiteral("NICK")), 2);
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("730")), 2);
    QVERIFY(alice->count(QStringLiteral("731")) == 1);
    frank->sendLine("QUIT");
    QTRY_COMPARE(alice->count(QStringLiteral("731")), 2);
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("erin"));
}

void tst_MonitorCommands::accountLoginDuringRegistration()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("erin"), QStringLiteral("password-of-erin")));
    QTRY_COMPARE(m_fixture.server()->core()->connectionCount(), 0);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + erin,frank");
    QTRY_COMPARE(entries(alice, QStringLiteral("731")), (QStringList{"erin", "frank"}));
    // Logged in before registration completes: both the nick and the account come online, once
    // registered. Two sessions of one account: erin goes offline with the last one.
    TestClient* frank = saslUser(QStringLiteral("frank"), QStringLiteral("erin"),
                                 QStringLiteral("password-of-erin"));
    QVERIFY(frank);
    QTRY_COMPARE(alice->count(QStringLiteral("730")), 2);
    QCOMPARE(entries(alice, QStringLiteral("730")).size(), 2);
    QVERIFY(entries(alice, QStringLiteral("730")).contains(QStringLiteral("erin")));
    QVERIFY(entries(alice, QStringLiteral("730")).contains(QStringLiteral("frank!~u@127.0.0.1")));
    // A second device of the account joins frank as another session (multiclient): nothing
    // changes for the watcher, and frank stays online until its last session goes.
    TestClient* second = saslUser(QStringLiteral("grace"), QStringLiteral("erin"),
                                  QStringLiteral("password-of-erin"));
    QVERIFY(second);
    QCOMPARE(second->last(QStringLiteral("001")).param(0), QStringLiteral("frank"));
    frank->sendLine("QUIT");
    QTRY_VERIFY(frank->isDisconnected());
    QVERIFY(sync(alice));
    QCOMPARE(alice->count(QStringLiteral("731")), 1); // still online through the other device
    second->abort();
    QTRY_COMPARE(entries(alice, QStringLiteral("731")).size(), 4);
    QVERIFY(entries(alice, QStringLiteral("731")).mid(2).contains(QStringLiteral("frank")));
    QVERIFY(entries(alice, QStringLiteral("731")).mid(2).contains(QStringLiteral("erin")));
}

void tst_MonitorCommands::removeClearAndList()
{
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol,Dave,erin");
    alice->sendLine("MONITOR - DAVE,nobody");
    alice->sendLine("MONITOR L");
    QTRY_VERIFY(alice->has(QStringLiteral("733")));
    QCOMPARE(entries(alice, QStringLiteral("732")), (QStringList{"carol", "erin"}));
    QCOMPARE(alice->last(QStringLiteral("733")).params(),
             (QStringList{"alice", "End of MONITOR list"}));
    QVERIFY(alice->indexOf(QStringLiteral("732")) < alice->indexOf(QStringLiteral("733")));
    // - and C say nothing.
    QCOMPARE(alice->count(QStringLiteral("731")), 1);
    // A removed target is not told about.
    TestClient* dave = user(QStringLiteral("dave"));
    QVERIFY(dave);
    QVERIFY(sync(alice));
    QVERIFY(!alice->has(QStringLiteral("730")));
    alice->sendLine("monitor c");
    alice->sendLine("MONITOR L");
    QTRY_COMPARE(alice->count(QStringLiteral("733")), 2);
    QCOMPARE(alice->count(QStringLiteral("732")), 1); // an empty list: only the 733
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(sync(alice));
    QVERIFY(!alice->has(QStringLiteral("730")));
}

void tst_MonitorCommands::status()
{
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + dave,carol,erin");
    QVERIFY(sync(alice));
    const int start = int(alice->messages().size());
    alice->sendLine("MONITOR s");
    QVERIFY(sync(alice));
    QCOMPARE(entries(alice, QStringLiteral("730"), start), QStringList{"carol!~test@127.0.0.1"});
    QCOMPARE(entries(alice, QStringLiteral("731"), start), (QStringList{"dave", "erin"}));
    QVERIFY(!alice->has(QStringLiteral("733"))); // S has no end marker
    // An empty list: nothing at all.
    alice->sendLine("MONITOR C");
    const int empty = int(alice->messages().size());
    alice->sendLine("MONITOR S");
    QVERIFY(sync(alice));
    QCOMPARE(alice->messages().size(), empty + 1); // the PONG
}

void tst_MonitorCommands::limit()
{
    ServerConfig limited = config();
    limited.monitorLimit = 3;
    QVERIFY(m_fixture.restart(limited));
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + a,b,c,d,e");
    QTRY_VERIFY(alice->has(QStringLiteral("734")));
    QCOMPARE(alice->last(QStringLiteral("734")).params(),
             (QStringList{"alice", "3", "d,e", "Monitor list is full."}));
    QCOMPARE(entries(alice, QStringLiteral("731")), (QStringList{"a", "b", "c"}));
    // Those already there are fine at the limit; nothing else gets in.
    alice->sendLine("MONITOR + B,f");
    QTRY_COMPARE(alice->count(QStringLiteral("734")), 2);
    QCOMPARE(alice->last(QStringLiteral("734")).param(2), QStringLiteral("f"));
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("B"));
    alice->sendLine("MONITOR L");
    QTRY_VERIFY(alice->has(QStringLiteral("733")));
    QCOMPARE(entries(alice, QStringLiteral("732")), (QStringList{"a", "b", "c"}));
    QCOMPARE(m_fixture.server()->core()->monitors().watchedCount(), 3); // nothing more is kept
    // Room again after a removal.
    alice->sendLine("MONITOR - a");
    alice->sendLine("MONITOR + f,g");
    QTRY_COMPARE(alice->count(QStringLiteral("734")), 3);
    QCOMPARE(alice->last(QStringLiteral("734")).param(2), QStringLiteral("g"));
    QCOMPARE(alice->last(QStringLiteral("731")).param(1), QStringLiteral("f"));
}

void tst_MonitorCommands::listFullRepliesAreSplit()
{
    ServerConfig limited = config();
    limited.monitorLimit = 1;
    QVERIFY(m_fixture.restart(limited));
    const QString watcher = QStringLiteral("w") + QString(29, u'x'); // 30 characters
    TestClient* client = user(watcher);
    QVERIFY(client);
    client->sendLine("MONITOR + first");
    // One line as long as a client may send, every target refused: the 734 lines carry more
    // than that line, so they are split.
    QStringList targets;
    QByteArray line = "MONITOR + ";
    for (int i = 0;; ++i) {
        const QString target = QStringLiteral("n%1").arg(i, 29, 10, QLatin1Char('0'));
        if (line.size() + target.size() + 1 + 2 > 512)
            break;
        line += (targets.isEmpty() ? "" : ",") + target.toUtf8();
        targets.append(target);
    }
    client->sendLine(line);
    QVERIFY(sync(client));
    QVERIFY(client->count(QStringLiteral("734")) >= 2);
    QCOMPARE(entries(client, QStringLiteral("734"), 0, 2), targets);
    for (const QByteArray& received : client->lines())
        QVERIFY2(received.size() + 2 <= 512, received.constData());
}

void tst_MonitorCommands::repliesAreSplit()
{
    ServerConfig roomy = config();
    roomy.monitorLimit = 1000;
    QVERIFY(m_fixture.restart(roomy));
    // Twenty users online with 30-character nicks, and 200 offline targets.
    QStringList onlineNicks;
    for (int i = 0; i < 20; ++i) {
        const QString nick = QStringLiteral("u%1").arg(i, 29, 10, QLatin1Char('0'));
        QVERIFY(user(nick));
        onlineNicks.append(nick);
    }
    QStringList offlineNicks;
    for (int i = 0; i < 200; ++i)
        offlineNicks.append(QStringLiteral("o%1").arg(i, 29, 10, QLatin1Char('0')));
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    const QStringList all = onlineNicks + offlineNicks;
    for (int i = 0; i < all.size(); i += 10)
        alice->sendLine("MONITOR + " + all.mid(i, 10).join(u',').toUtf8());
    QVERIFY(sync(alice));
    const int start = int(alice->messages().size());
    alice->sendLine("MONITOR L");
    alice->sendLine("MONITOR S");
    QVERIFY(sync(alice));
    QCOMPARE(entries(alice, QStringLiteral("732"), start), all);
    QVERIFY(alice->count(QStringLiteral("732")) > 1);
    QStringList sources;
    for (const QString& nick : onlineNicks)
        sources.append(nick + QStringLiteral("!~test@127.0.0.1"));
    QCOMPARE(entries(alice, QStringLiteral("730"), start), sources);
    QCOMPARE(entries(alice, QStringLiteral("731"), start), offlineNicks);
    int onlineLines = 0;
    for (int i = start; i < alice->messages().size(); ++i)
        onlineLines += alice->messages().at(i).command() == QLatin1String("730") ? 1 : 0;
    QVERIFY(onlineLines > 1);
    for (const QByteArray& received : alice->lines())
        QVERIFY2(received.size() + 2 <= 512, received.constData());
}

void tst_MonitorCommands::invalidTargets()
{
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    const QByteArray tooLong(31, 'x'); // NICKLEN is 30
    alice->sendLine("MONITOR + 1abc,good,#chan,a!b,*,," + tooLong + ",b@c,bad.nick");
    QVERIFY(sync(alice));
    QCOMPARE(entries(alice, QStringLiteral("731")), QStringList{"good"});
    QVERIFY(!alice->has(QStringLiteral("730")));
    // Nothing but invalid targets, or only commas: no reply at all.
    const int start = int(alice->messages().size());
    alice->sendLine("MONITOR + #chan,1abc");
    alice->sendLine("MONITOR + ,,,");
    alice->sendLine("MONITOR - ,#x,");
    QVERIFY(sync(alice));
    QCOMPARE(alice->messages().size(), start + 1); // the PONG
    alice->sendLine("MONITOR L");
    QTRY_VERIFY(alice->has(QStringLiteral("733")));
    QCOMPARE(entries(alice, QStringLiteral("732")), QStringList{"good"});
}

void tst_MonitorCommands::badSubcommands_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("reply");
    QTest::newRow("no subcommand")
        << QByteArray("MONITOR") << QStringList{"461", "alice", "MONITOR", "Not enough parameters"};
    QTest::newRow("+ without targets")
        << QByteArray("MONITOR +")
        << QStringList{"461", "alice", "MONITOR", "Not enough parameters"};
    QTest::newRow("- with an empty list")
        << QByteArray("MONITOR - :")
        << QStringList{"461", "alice", "MONITOR", "Not enough parameters"};
    QTest::newRow("unknown letter")
        << QByteArray("MONITOR X carol")
        << QStringList{"400", "alice", "MONITOR", "X", "Unknown MONITOR subcommand"};
    QTest::newRow("a word") << QByteArray("MONITOR list")
                            << QStringList{"400", "alice", "MONITOR", "list",
                                           "Unknown MONITOR subcommand"};
    QTest::newRow("+ and - together")
        << QByteArray("MONITOR +- carol")
        << QStringList{"400", "alice", "MONITOR", "+-", "Unknown MONITOR subcommand"};
    QTest::newRow("empty") << QByteArray("MONITOR :")
                           << QStringList{"400", "alice", "MONITOR", "*",
                                          "Unknown MONITOR subcommand"};
}

void tst_MonitorCommands::badSubcommands()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, reply);
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    const int start = int(alice->messages().size());
    alice->sendLine(line);
    QVERIFY(sync(alice));
    QCOMPARE(alice->messages().size(), start + 2);
    const IrcMessage answer = alice->messages().at(start);
    QCOMPARE(QStringList{answer.command()} + answer.params(), reply);
}

void tst_MonitorCommands::listGoesWithWatcher()
{
    TestClient* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MONITOR + carol,dave");
    QVERIFY(sync(alice));
    MonitorRegistry& monitors = m_fixture.server()->core()->monitors();
    QCOMPARE(monitors.watchedCount(), 2);
    // MONITOR needs registration.
    TestClient* early = m_fixture.connect();
    early->sendLine("MONITOR + alice");
    QTRY_VERIFY(early->has(QStringLiteral("451")));
    alice->sendLine("QUIT");
    QTRY_COMPARE(m_fixture.server()->core()->users().registeredCount(), 0);
    QCOMPARE(monitors.watchedCount(), 0);
    QCOMPARE(monitors.watcherCount(), 0);
    // carol registering now tells nobody (and does not crash on a watcher that is gone).
    TestClient* carol = user(QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(!carol->has(QStringLiteral("730")));
}

CONFAB_SERVER_TEST_MAIN(tst_MonitorCommands)
#include "tst_monitorcommands.moc"

// Two servers, as two nodes of a cluster, on one PostgreSQL database (each with its own data
// directory), over real sockets: an account registered on one node logs in on the other, whose
// guests can no longer take its name; a private message to an account connected nowhere, sent on
// one node, reaches it when it logs in on the other, which also serves it as history. Live
// delivery between nodes (the cluster bus) is not part of this. When PostgreSQL ends the nodes'
// connections (a restart), they connect again: nothing said meanwhile is lost and names stay
// reserved.
#include "../commands/accountfixture.h"
#include "history/historyservice.h"
#include "postgresfixture.h"
#include "servertestmain.h"

#include <QElapsedTimer>
#include <QSignalSpy>

namespace {
const QString Password = QStringLiteral("password-of-test");
const QByteArray HistoryCaps =
    "sasl batch server-time message-tags labeled-response draft/chathistory";
} // namespace

class tst_PostgresNodes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void accountsAreShared();
    void offlineMessageAcrossNodes();
    void historyReadOnTheOtherNode();
    void databaseConnectionsLostLoseNothing();
    void relaysWhileTheDatabaseIsDown();

private:
    // A client on the node logged in to the account under the account's own name.
    static TestClient* logIn(AccountFixture& node, const QString& account)
    {
        return node.login(account, account, Password, "sasl server-time");
    }
    // Another device of the account on the node (nick: the account and '_') asks for its
    // latest private messages with the correspondent: the PRIVMSGs of the answer, oldest first;
    // none if the device cannot log in or the batch does not end.
    static QList<IrcMessage> latestOnDevice(AccountFixture& node, const QString& account,
                                            const QString& correspondent, int limit)
    {
        TestClient* device = node.login(account + u'_', account, Password, HistoryCaps);
        if (!device)
            return {};
        const QByteArray request = "@label=h CHATHISTORY LATEST " + correspondent.toUtf8() + " * " +
                                   QByteArray::number(limit);
        if (AccountFixture::ask(device, request, QStringLiteral("BATCH")).isEmpty() ||
            !QTest::qWaitFor([device] { return device->count(QStringLiteral("BATCH")) >= 2; },
                             5000)) // the batch's end
            return {};
        return device->messages(QStringLiteral("PRIVMSG"));
    }

    ServerConfig nodeConfig(const AccountFixture& node) const
    {
        ServerConfig config = node.config();
        config.databaseUrl = m_url;
        config.registrationLimit = 1000;
        return config;
    }

    PostgresFixture m_postgres;
    QString m_url;
    AccountFixture m_a;
    AccountFixture m_b;
};

void tst_PostgresNodes::initTestCase()
{
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
}

void tst_PostgresNodes::init()
{
    m_url = m_postgres.createDatabase(QStringLiteral("nodes"));
    QVERIFY2(!m_url.isEmpty(), qPrintable(m_postgres.errorString()));
    m_a.newDataDirectory();
    m_b.newDataDirectory();
    QVERIFY(m_a.start(nodeConfig(m_a)));
    QVERIFY(m_b.start(nodeConfig(m_b)));
}

void tst_PostgresNodes::cleanup()
{
    m_a.stop();
    m_b.stop();
}

void tst_PostgresNodes::accountsAreShared()
{
    QVERIFY(m_a.registerAccount(QStringLiteral("alice"), Password));
    // The other node reads the account at login...
    QVERIFY(m_b.login(QStringLiteral("alice"), QStringLiteral("alice"), Password));
    // ...and reserves its name once it has polled the accounts' change counter.
    QTRY_VERIFY_WITH_TIMEOUT(m_b.auth()->isReserved(QStringLiteral("alice")),
                             3 * AuthService::PollIntervalMs);
    TestClient* guest = m_b.user(QStringLiteral("guest"));
    QVERIFY(guest);
    guest->sendLine("NICK Alice");
    QTRY_VERIFY(guest->has(QStringLiteral("433")));
    QVERIFY(!guest->has(QStringLiteral("NICK")));
    // A wrong password is refused there as here.
    TestClient* wrong = m_b.connectNegotiating(QStringLiteral("mallory"));
    QVERIFY(wrong);
    QCOMPARE(AccountFixture::authenticate(wrong, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("not-the-password")),
             QStringLiteral("904"));
}

void tst_PostgresNodes::offlineMessageAcrossNodes()
{
    QVERIFY(m_b.registerAccount(QStringLiteral("bob"), Password));
    QVERIFY(m_a.registerAccount(QStringLiteral("alice"), Password));
    // Node A learns that bob is an account, connected to none of its sessions.
    QTRY_VERIFY_WITH_TIMEOUT(m_a.auth()->isReserved(QStringLiteral("bob")),
                             3 * AuthService::PollIntervalMs);
    TestClient* alice = logIn(m_a, QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("PRIVMSG bob :written on node A");
    QTRY_VERIFY(alice->has(QStringLiteral("301"))); // bob is away: the message waits for him
    QVERIFY(!alice->has(QStringLiteral("401")));
    m_a.server()->historyService()->sync();

    // Bob logs in on node B: the message is replayed after the welcome.
    TestClient* bob = logIn(m_b, QStringLiteral("bob"));
    QVERIFY(bob);
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    const IrcMessage replayed = bob->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(replayed.source().section(u'!', 0, 0), QStringLiteral("alice"));
    QCOMPARE(replayed.param(1), QStringLiteral("written on node A"));
    QVERIFY(!replayed.tag(QStringLiteral("time")).isEmpty());

    // Taken once, on whichever node: logging in on A now replays nothing.
    bob->sendLine("QUIT");
    QTRY_VERIFY(bob->isDisconnected());
    m_b.server()->historyService()->sync();
    TestClient* bobOnA = logIn(m_a, QStringLiteral("bob"));
    QVERIFY(bobOnA);
    QVERIFY(m_a.sync(bobOnA));
    QTest::qWait(100);
    QVERIFY(!bobOnA->has(QStringLiteral("PRIVMSG")));
}

void tst_PostgresNodes::historyReadOnTheOtherNode()
{
    QVERIFY(m_a.registerAccount(QStringLiteral("carol"), Password));
    QVERIFY(m_a.registerAccount(QStringLiteral("dave"), Password));
    TestClient* carol = logIn(m_a, QStringLiteral("carol"));
    TestClient* dave = logIn(m_a, QStringLiteral("dave"));
    QVERIFY(carol && dave);
    for (int i = 1; i <= 3; ++i)
        carol->sendLine("PRIVMSG dave :line " + QByteArray::number(i));
    QTRY_COMPARE(dave->count(QStringLiteral("PRIVMSG")), 3);
    m_a.server()->historyService()->sync();

    // Dave's phone, on node B, reads the conversation.
    const QList<IrcMessage> lines =
        latestOnDevice(m_b, QStringLiteral("dave"), QStringLiteral("carol"), 10);
    QCOMPARE(lines.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(lines.at(i).param(1), QStringLiteral("line %1").arg(i + 1));
        QVERIFY(!lines.at(i).tag(QStringLiteral("msgid")).isEmpty());
    }
}

void tst_PostgresNodes::databaseConnectionsLostLoseNothing()
{
    QVERIFY(m_a.registerAccount(QStringLiteral("erin"), Password));
    QVERIFY(m_a.registerAccount(QStringLiteral("frank"), Password));
    TestClient* erin = logIn(m_a, QStringLiteral("erin"));
    TestClient* frank = logIn(m_a, QStringLiteral("frank"));
    QVERIFY(erin && frank);
    erin->sendLine("PRIVMSG frank :before");
    QTRY_COMPARE(frank->count(QStringLiteral("PRIVMSG")), 1);
    m_a.server()->historyService()->sync();

    // Both nodes' account and history connections end, as when PostgreSQL restarts.
    QVERIFY(m_postgres.dropConfabdConnections() >= 4);
    erin->sendLine("PRIVMSG frank :after");
    QTRY_COMPARE(frank->count(QStringLiteral("PRIVMSG")), 2);
    m_a.server()->historyService()->sync();
    // The poll that follows finds the accounts again, and names stay reserved meanwhile.
    QTest::qWait(AuthService::PollIntervalMs + 500);
    QVERIFY(m_a.auth()->isReserved(QStringLiteral("erin")));
    QVERIFY(m_b.auth()->isReserved(QStringLiteral("erin")));

    // Node B: a login and the history, each on a connection opened again.
    const QList<IrcMessage> lines =
        latestOnDevice(m_b, QStringLiteral("frank"), QStringLiteral("erin"), 10);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).param(1), QStringLiteral("before"));
    QCOMPARE(lines.at(1).param(1), QStringLiteral("after"));
}

// PostgreSQL stopped: messages are still relayed at once (history batches fail fast, without a
// connect timeout each); once it is back, history is written again.
void tst_PostgresNodes::relaysWhileTheDatabaseIsDown()
{
    QVERIFY(m_a.registerAccount(QStringLiteral("gina"), Password));
    QVERIFY(m_a.registerAccount(QStringLiteral("hank"), Password));
    TestClient* gina = logIn(m_a, QStringLiteral("gina"));
    TestClient* hank = logIn(m_a, QStringLiteral("hank"));
    QVERIFY(gina && hank);
    QSignalSpy failures(m_a.server()->historyService(), &HistoryService::writeFailed);

    QVERIFY2(m_postgres.stopServer(), qPrintable(m_postgres.errorString()));
    QElapsedTimer relayed;
    relayed.start();
    for (int i = 0; i < 20; ++i) {
        gina->sendLine("PRIVMSG hank :while down " + QByteArray::number(i));
        QTest::qWait(50);
    }
    QTRY_COMPARE(hank->count(QStringLiteral("PRIVMSG")), 20);
    QVERIFY2(relayed.elapsed() < 5000, qPrintable(QString::number(relayed.elapsed())));
    QTRY_VERIFY(failures.count() >= 1); // told to operators, once per error text

    QVERIFY2(m_postgres.startServerAgain(), qPrintable(m_postgres.errorString()));
    QTest::qWait(2500); // past the wait between two attempts to connect again
    gina->sendLine("PRIVMSG hank :back again");
    QTRY_COMPARE(hank->count(QStringLiteral("PRIVMSG")), 21);
    m_a.server()->historyService()->sync();
    const QList<IrcMessage> lines =
        latestOnDevice(m_a, QStringLiteral("hank"), QStringLiteral("gina"), 5);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.constLast().param(1), QStringLiteral("back again"));
}

CONFAB_SERVER_TEST_MAIN(tst_PostgresNodes)
#include "tst_postgresnodes.moc"

// STATS and INFO over real sockets: the uptime for everyone, the operator-only letters (481 for
// others), connections per address, SendQ use, the history store, the operator blocks, the end
// of every report (219), and INFO's 371/374.
#include "history/historyservice.h"
#include "operfixture.h"
#include "servertestmain.h"

class tst_StatsCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void uptimeForEveryone();
    void restrictedLetters_data();
    void restrictedLetters();
    void operatorBlocks();
    void connectionsPerAddress();
    void sendQueues();
    void historyStore();
    void historyStoreLabeled();
    void unknownLetter();
    void info();

private:
    // The 249/243 texts of the report for the letter, once 219 has come.
    QStringList report(TestClient* client, const QByteArray& letter,
                       const QString& numeric = QStringLiteral("249"));

    OperFixture m_fixture;
    TestClient* m_oper = nullptr;
};

void tst_StatsCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.operConfig()));
    m_oper = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(m_oper);
    QCOMPARE(OperFixture::oper(m_oper, "admin"), QStringLiteral("381"));
}

void tst_StatsCommands::cleanup()
{
    m_fixture.stop();
}

QStringList tst_StatsCommands::report(TestClient* client, const QByteArray& letter,
                                      const QString& numeric)
{
    client->clear();
    client->sendLine("STATS " + letter);
    if (!QTest::qWaitFor([&] { return client->has(QStringLiteral("219")); }, 10000))
        return {QStringLiteral("timeout")};
    if (client->last(QStringLiteral("219")).param(1) != QLatin1String(letter))
        return {QStringLiteral("wrong 219")};
    QStringList texts;
    for (const IrcMessage& line : client->messages(numeric))
        texts.append(line.params().mid(1).join(u' '));
    return texts;
}

void tst_StatsCommands::uptimeForEveryone()
{
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(bob);
    const QStringList lines = report(bob, "u", QStringLiteral("242"));
    QCOMPARE(lines.size(), 1);
    QVERIFY2(lines.first().startsWith(QLatin1String("Server Up 0 days 0:00:")),
             qPrintable(lines.first()));
    QVERIFY(!bob->has(QStringLiteral("481")));
}

void tst_StatsCommands::restrictedLetters_data()
{
    QTest::addColumn<QByteArray>("letter");
    QTest::newRow("operator blocks") << QByteArray("o");
    QTest::newRow("addresses") << QByteArray("a");
    QTest::newRow("send queues") << QByteArray("q");
    QTest::newRow("history") << QByteArray("h");
}

void tst_StatsCommands::restrictedLetters()
{
    QFETCH(QByteArray, letter);
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->sendLine("STATS " + letter);
    QTRY_VERIFY(bob->has(QStringLiteral("481")));
    QVERIFY(m_fixture.sync(bob));
    QVERIFY(!bob->has(QStringLiteral("249")));
    QVERIFY(!bob->has(QStringLiteral("243")));
    // The operator gets the report.
    QVERIFY(!report(m_oper, letter, letter == "o" ? QStringLiteral("243") : QStringLiteral("249"))
                 .isEmpty());
    QVERIFY(!m_oper->has(QStringLiteral("481")));
}

void tst_StatsCommands::operatorBlocks()
{
    const QStringList lines = report(m_oper, "o", QStringLiteral("243"));
    QCOMPARE(lines,
             (QStringList{QStringLiteral("O *@127.0.0.1 * admin"),
                          QStringLiteral("O 192.0.2.* * remote"), QStringLiteral("O * * owner")}));
}

void tst_StatsCommands::connectionsPerAddress()
{
    QVERIFY(m_fixture.user(QStringLiteral("bob")));
    QVERIFY(m_fixture.connect()); // not registered: counted too
    QTRY_COMPARE(m_fixture.server()->core()->connectionCount(), 3);
    QCOMPARE(report(m_oper, "a"), QStringList{QStringLiteral("a 127.0.0.1 3 connections")});
}

void tst_StatsCommands::sendQueues()
{
    QVERIFY(m_fixture.user(QStringLiteral("bob")));
    const QStringList lines = report(m_oper, "q");
    QCOMPARE(lines.size(), 2);
    const QString limit = QString::number(m_fixture.server()->config().sendQueueBytes);
    for (const QString& line : lines) {
        QVERIFY2(line.startsWith(QLatin1String("q alice@127.0.0.1 ")) ||
                     line.startsWith(QLatin1String("q bob@127.0.0.1 ")),
                 qPrintable(line));
        QVERIFY2(line.endsWith(QLatin1String(" bytes queued of ") + limit), qPrintable(line));
    }
}

void tst_StatsCommands::historyStore()
{
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(bob);
    for (int i = 0; i < 5; ++i)
        bob->sendLine("PRIVMSG #lobby :stored " + QByteArray::number(i));
    QTRY_COMPARE(m_oper->count(QStringLiteral("PRIVMSG")), 5);
    const QStringList lines = report(m_oper, "h");
    QCOMPARE(lines.size(), 2);
    // The five messages, and the joins before them.
    const qint64 stored = m_fixture.server()->historyService()->storedCount();
    QVERIFY(stored >= 5);
    QVERIFY2(lines.at(0).startsWith(QStringLiteral("h history: %1 records, ").arg(stored)),
             qPrintable(lines.at(0)));
    QVERIFY2(lines.at(0).endsWith(QLatin1String(" bytes on disk")), qPrintable(lines.at(0)));
    QVERIFY2(!lines.at(0).contains(QLatin1String(", 0 bytes")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(QLatin1String("h history: ")) &&
                 lines.at(1).endsWith(QLatin1String(" waiting, 0 failed, 0 dropped")),
             qPrintable(lines.at(1)));
}

void tst_StatsCommands::historyStoreLabeled()
{
    // Counted on the history thread; the report still comes in the label's batch.
    TestClient* carol = m_fixture.login(QStringLiteral("carol"), {}, {}, "labeled-response batch");
    QVERIFY(carol);
    QCOMPARE(OperFixture::oper(carol, "admin"), QStringLiteral("381"));
    carol->clear();
    carol->sendLine("@label=st STATS h");
    QTRY_COMPARE(carol->count(QStringLiteral("BATCH")), 2);
    const IrcMessage opening = carol->messages(QStringLiteral("BATCH")).first();
    QCOMPARE(opening.tag(QStringLiteral("label")), QStringLiteral("st"));
    const QString id = opening.param(0).mid(1);
    QCOMPARE(carol->count(QStringLiteral("249")), 2);
    for (const IrcMessage& line : carol->messages(QStringLiteral("249")))
        QCOMPARE(line.tag(QStringLiteral("batch")), id);
    QCOMPARE(carol->last(QStringLiteral("219")).tag(QStringLiteral("batch")), id);
    QVERIFY(!carol->has(QStringLiteral("ACK")));
}

void tst_StatsCommands::unknownLetter()
{
    QCOMPARE(report(m_oper, "Z"), QStringList());
    QVERIFY(!m_oper->has(QStringLiteral("481")));
}

void tst_StatsCommands::info()
{
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->sendLine("INFO");
    QTRY_VERIFY(bob->has(QStringLiteral("374")));
    const QList<IrcMessage> lines = bob->messages(QStringLiteral("371"));
    QVERIFY(lines.size() >= 3);
    QVERIFY(lines.first().param(1).startsWith(QLatin1String("confab-")));
    QVERIFY(bob->indexOf(QStringLiteral("371")) < bob->indexOf(QStringLiteral("374")));
}

CONFAB_SERVER_TEST_MAIN(tst_StatsCommands)
#include "tst_statscommands.moc"

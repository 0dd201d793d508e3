// IRC operators over real sockets: OPER against the operator blocks (password, host, account,
// throttling), user modes +o and +w, KILL, WALLOPS, CHGHOST (with the chghost cap and without),
// REHASH, DIE (gated by the configuration),
// the operator flag in WHO and WHOIS, and the server notices operators get (a history store that
// cannot be written).
#include "history/historyservice.h"
#include "operfixture.h"
#include "servertestmain.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>

class tst_OperCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void operSucceeds();
    void operFails_data();
    void operFails();
    void operNeedsAccount();
    void operIsThrottled();
    void labeledOperIsAnsweredLabeled();
    void userModes();
    void modeMinusO();
    void kill();
    void killNeedsOperator();
    void wallopsOnlyToPlusW();
    void rehashReadsOperatorsAgain();
    void dieDisabled();
    void dieEnabled();
    void whoAndWhoisShowOperators();
    void chghost();
    void chghostFallbackExtendedJoinAndAway();
    void chghostRefused_data();
    void chghostRefused();
    void historyWriteFailureNoticesOperators();
    void problemNoticesAreRateLimited();

private:
    // A registered client that is an operator ("admin").
    TestClient* oper(const QString& nick);
    QString userModes(TestClient* client, const QByteArray& nick);

    OperFixture m_fixture;
};

void tst_OperCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.operConfig()));
}

void tst_OperCommands::cleanup()
{
    m_fixture.stop();
}

TestClient* tst_OperCommands::oper(const QString& nick)
{
    TestClient* client = m_fixture.user(nick);
    return client && OperFixture::oper(client, "admin") == QLatin1String("381") ? client : nullptr;
}

QString tst_OperCommands::userModes(TestClient* client, const QByteArray& nick)
{
    const int before = client->count(QStringLiteral("221"));
    client->sendLine("MODE " + nick);
    if (!QTest::qWaitFor([&] { return client->count(QStringLiteral("221")) > before; }, 5000))
        return QStringLiteral("timeout");
    return client->last(QStringLiteral("221")).param(1);
}

void tst_OperCommands::operSucceeds()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+"));
    alice->sendLine("LUSERS");
    QTRY_VERIFY(alice->count(QStringLiteral("252")) == 2); // at the welcome and now
    QCOMPARE(alice->last(QStringLiteral("252")).param(1), QStringLiteral("0"));
    QCOMPARE(OperFixture::oper(alice, "admin"), QStringLiteral("381"));
    QTRY_VERIFY(alice->has(QStringLiteral("MODE")));
    QCOMPARE(alice->last(QStringLiteral("MODE")).param(1), QStringLiteral("+o"));
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+o"));
    alice->sendLine("LUSERS");
    QTRY_VERIFY(alice->count(QStringLiteral("252")) == 3);
    QCOMPARE(alice->last(QStringLiteral("252")).param(1), QStringLiteral("1"));
    QCOMPARE(int(m_fixture.server()->core()->users().operators().size()), 1);
    // 004 lists the user modes.
    QCOMPARE(alice->last(QStringLiteral("004")).param(3), QStringLiteral("Biow"));
}

void tst_OperCommands::operFails_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("numeric");
    QTest::newRow("wrong password") << QByteArray("OPER admin :wrong horse") << "464";
    QTest::newRow("no such block") << QByteArray("OPER nobody :correct horse") << "491";
    QTest::newRow("host does not match") << QByteArray("OPER remote :correct horse") << "491";
    QTest::newRow("name in another case") << QByteArray("OPER ADMIN :correct horse") << "491";
    QTest::newRow("password missing") << QByteArray("OPER admin") << "461";
}

void tst_OperCommands::operFails()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, numeric);
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine(line);
    QTRY_VERIFY(alice->has(numeric));
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!alice->has(QStringLiteral("381")));
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+"));
    QVERIFY(m_fixture.server()->core()->users().operators().isEmpty());
}

void tst_OperCommands::operNeedsAccount()
{
    // "owner" is for whoever is logged in to the account boss.
    QVERIFY(m_fixture.registerAccount(QStringLiteral("boss"), QStringLiteral("bosspassword1")));
    TestClient* guest = m_fixture.user(QStringLiteral("guest"));
    QVERIFY(guest);
    QCOMPARE(OperFixture::oper(guest, "owner"), QStringLiteral("491"));
    TestClient* boss = m_fixture.login(QStringLiteral("boss"), QStringLiteral("boss"),
                                       QStringLiteral("bosspassword1"));
    QVERIFY(boss);
    QCOMPARE(OperFixture::oper(boss, "owner"), QStringLiteral("381"));
}

void tst_OperCommands::operIsThrottled()
{
    ServerConfig config = m_fixture.operConfig();
    config.operFailureLimit = 2;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    QCOMPARE(OperFixture::oper(alice, "admin", "wrong 1"), QStringLiteral("464"));
    QCOMPARE(OperFixture::oper(alice, "nobody"), QStringLiteral("491"));
    // The right password now gets 464 without being tried, from any connection of the address.
    QCOMPARE(OperFixture::oper(alice, "admin"), QStringLiteral("464"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(OperFixture::oper(bob, "admin"), QStringLiteral("464"));
    QVERIFY(m_fixture.server()->core()->users().operators().isEmpty());
}

void tst_OperCommands::labeledOperIsAnsweredLabeled()
{
    // The password is checked on the auth thread; the answer still carries the label.
    TestClient* alice =
        m_fixture.login(QStringLiteral("alice"), {}, {}, "labeled-response batch");
    QVERIFY(alice);
    alice->clear();
    alice->sendLine("@label=op1 OPER admin :correct horse");
    QTRY_VERIFY(alice->has(QStringLiteral("381")));
    QTRY_COMPARE(alice->count(QStringLiteral("BATCH")), 2);
    const IrcMessage opening = alice->messages(QStringLiteral("BATCH")).first();
    QCOMPARE(opening.tag(QStringLiteral("label")), QStringLiteral("op1"));
    QCOMPARE(opening.param(1), QStringLiteral("labeled-response"));
    const QString id = opening.param(0).mid(1);
    QCOMPARE(alice->last(QStringLiteral("381")).tag(QStringLiteral("batch")), id);
    QVERIFY(!alice->has(QStringLiteral("ACK"))); // not acknowledged before the answer
    // A wrong password: one line, labeled itself.
    TestClient* bob = m_fixture.login(QStringLiteral("bob"), {}, {}, "labeled-response");
    QVERIFY(bob);
    bob->sendLine("@label=op2 OPER admin :wrong horse");
    QTRY_VERIFY(bob->has(QStringLiteral("464")));
    QCOMPARE(bob->last(QStringLiteral("464")).tag(QStringLiteral("label")), QStringLiteral("op2"));
    QVERIFY(!bob->has(QStringLiteral("ACK")));
}

void tst_OperCommands::userModes()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MODE alice +w");
    QTRY_VERIFY(alice->has(QStringLiteral("MODE")));
    QCOMPARE(alice->last(QStringLiteral("MODE")).param(1), QStringLiteral("+w"));
    // +o is not taken from MODE.
    alice->sendLine("MODE alice +oi");
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+iw"));
    QVERIFY(m_fixture.server()->core()->users().operators().isEmpty());
    QCOMPARE(OperFixture::oper(alice, "admin"), QStringLiteral("381"));
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+iow"));
    alice->sendLine("MODE alice -w");
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+io"));
}

void tst_OperCommands::modeMinusO()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->clear();
    alice->sendLine("MODE alice -o");
    QTRY_VERIFY(alice->has(QStringLiteral("MODE")));
    QCOMPARE(alice->last(QStringLiteral("MODE")).param(1), QStringLiteral("-o"));
    QCOMPARE(userModes(alice, "alice"), QStringLiteral("+"));
    alice->sendLine("KILL bob :no longer allowed");
    QTRY_VERIFY(alice->has(QStringLiteral("481")));
    QVERIFY(m_fixture.sync(bob));
    QVERIFY(!bob->isDisconnected());
}

void tst_OperCommands::kill()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    alice->sendLine("KILL nobody :gone");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
    alice->sendLine("KILL bob :spamming the lobby");
    QTRY_VERIFY(bob->isDisconnected());
    QVERIFY(bob->has(QStringLiteral("ERROR")));
    QVERIFY2(bob->last(QStringLiteral("ERROR"))
                 .param(0)
                 .contains(QLatin1String("Killed (alice (spamming the lobby))")),
             qPrintable(bob->last(QStringLiteral("ERROR")).param(0)));
    QTRY_VERIFY(carol->has(QStringLiteral("QUIT")));
    const IrcMessage quit = carol->last(QStringLiteral("QUIT"));
    QVERIFY(quit.source().startsWith(QLatin1String("bob!")));
    QCOMPARE(quit.param(0), QStringLiteral("Killed (alice (spamming the lobby))"));
    QTRY_VERIFY(!m_fixture.server()->core()->users().findByNick(QStringLiteral("bob")));
}

void tst_OperCommands::killNeedsOperator()
{
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(bob && carol);
    carol->sendLine("KILL bob :because");
    QTRY_VERIFY(carol->has(QStringLiteral("481")));
    carol->sendLine("KILL bob");
    QTRY_VERIFY(carol->has(QStringLiteral("461")));
    QVERIFY(m_fixture.sync(bob));
    QVERIFY(!bob->isDisconnected());
    QVERIFY(!bob->has(QStringLiteral("ERROR")));
}

void tst_OperCommands::wallopsOnlyToPlusW()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    bob->sendLine("MODE bob +w");
    QVERIFY(m_fixture.sync(bob));
    carol->sendLine("WALLOPS :not an operator");
    QTRY_VERIFY(carol->has(QStringLiteral("481")));
    alice->sendLine("WALLOPS :maintenance at noon");
    QTRY_VERIFY(bob->has(QStringLiteral("WALLOPS")));
    const IrcMessage wallops = bob->last(QStringLiteral("WALLOPS"));
    QVERIFY(wallops.source().startsWith(QLatin1String("alice!")));
    QCOMPARE(wallops.param(0), QStringLiteral("maintenance at noon"));
    QCOMPARE(bob->count(QStringLiteral("WALLOPS")), 1); // not carol's
    QVERIFY(m_fixture.sync(carol));
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!carol->has(QStringLiteral("WALLOPS")));
    QVERIFY(!alice->has(QStringLiteral("WALLOPS"))); // alice is not +w
}

void tst_OperCommands::rehashReadsOperatorsAgain()
{
    // The config file has no block at first; REHASH reads the one added later.
    const QString file = m_fixture.writeConfigFile("port=0\n");
    QVERIFY(!file.isEmpty());
    ServerConfig config = m_fixture.operConfig();
    config.configFile = file;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    bob->sendLine("REHASH");
    QTRY_VERIFY(bob->has(QStringLiteral("481")));
    QVERIFY(!m_fixture
                  .writeConfigFile("[oper/late]\npassword=" +
                                       PasswordHash::format(
                                           ScramCredentials::derive(QStringLiteral("late password"),
                                                                    AccountFixture::TestIterations))
                                           .toLatin1() +
                                       "\nhosts=127.0.0.1\n",
                                   QIODevice::Append)
                  .isEmpty());
    QCOMPARE(OperFixture::oper(bob, "late", "late password"), QStringLiteral("491"));
    alice->sendLine("REHASH");
    QTRY_VERIFY(alice->has(QStringLiteral("382")));
    QCOMPARE(alice->last(QStringLiteral("382")).param(1), file);
    QCOMPARE(OperFixture::oper(bob, "late", "late password"), QStringLiteral("381"));
}

void tst_OperCommands::dieDisabled()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    bob->sendLine("DIE");
    QTRY_VERIFY(bob->has(QStringLiteral("481")));
    alice->sendLine("DIE");
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).param(1), QStringLiteral("DISABLED"));
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!m_fixture.server()->isShuttingDown());
    QVERIFY(!alice->isDisconnected());
}

void tst_OperCommands::dieEnabled()
{
    ServerConfig config = m_fixture.operConfig();
    config.allowDie = true;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QSignalSpy finished(m_fixture.server(), &Server::finished);
    bob->sendLine("DIE");
    QTRY_VERIFY(bob->has(QStringLiteral("481")));
    QVERIFY(!m_fixture.server()->isShuttingDown());
    alice->sendLine("DIE");
    QTRY_VERIFY(finished.count() == 1);
    QTRY_VERIFY(bob->isDisconnected() && alice->isDisconnected());
    QVERIFY(bob->last(QStringLiteral("ERROR")).param(0).contains(QLatin1String("DIE by alice")));
}

void tst_OperCommands::whoAndWhoisShowOperators()
{
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice && bob);
    bob->sendLine("WHOIS alice");
    QTRY_VERIFY(bob->has(QStringLiteral("318")));
    QVERIFY(!bob->has(QStringLiteral("313")));
    bob->sendLine("WHO alice");
    QTRY_VERIFY(bob->has(QStringLiteral("315")));
    QVERIFY(!bob->last(QStringLiteral("352")).param(6).contains(u'*'));
    QCOMPARE(OperFixture::oper(alice, "admin"), QStringLiteral("381"));
    bob->clear();
    bob->sendLine("WHOIS alice");
    QTRY_VERIFY(bob->has(QStringLiteral("318")));
    QVERIFY(bob->has(QStringLiteral("313")));
    QCOMPARE(bob->last(QStringLiteral("313")).param(1), QStringLiteral("alice"));
    bob->sendLine("WHO #lobby");
    QTRY_VERIFY(bob->has(QStringLiteral("315")));
    bool seen = false;
    for (const IrcMessage& reply : bob->messages(QStringLiteral("352"))) {
        if (reply.param(5) == QLatin1String("alice")) {
            QVERIFY2(reply.param(6).startsWith(QLatin1String("H*")), qPrintable(reply.param(6)));
            seen = true;
        } else {
            QVERIFY(!reply.param(6).contains(u'*'));
        }
    }
    QVERIFY(seen);
}

void tst_OperCommands::historyWriteFailureNoticesOperators()
{
    // A database that may not grow past 96 kB fills up: the operator online hears of it once,
    // nobody else does.
    ServerConfig config = m_fixture.operConfig();
    config.historyMaxBytes = 96 * 1024;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    HistoryService* history = m_fixture.server()->historyService();
    QVERIFY(history);
    QSignalSpy failed(history, &HistoryService::writeFailed);
    constexpr int Messages = 900;
    for (int i = 0; i < Messages; ++i)
        bob->sendLine("PRIVMSG #lobby :a message that is long enough to fill the disk soon " +
                      QByteArray::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(alice->count(QStringLiteral("PRIVMSG")), Messages, 20000);
    QTRY_VERIFY(!failed.isEmpty());
    auto notices = [](TestClient* client) {
        int count = 0;
        for (const IrcMessage& notice : client->messages(QStringLiteral("NOTICE"))) {
            if (notice.param(1).startsWith(QLatin1String("*** History cannot be stored")))
                ++count;
        }
        return count;
    };
    QTRY_COMPARE(notices(alice), 1);
    QCOMPARE(alice->last(QStringLiteral("NOTICE")).source(),
             m_fixture.server()->config().serverName);
    QVERIFY(m_fixture.sync(bob));
    QCOMPARE(notices(bob), 0);
}

void tst_OperCommands::problemNoticesAreRateLimited()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    QVERIFY(alice);
    ServerCore* core = m_fixture.server()->core();
    QVERIFY(core->reportProblem(QStringLiteral("disk"), QStringLiteral("disk trouble")));
    QVERIFY(!core->reportProblem(QStringLiteral("disk"), QStringLiteral("disk trouble again")));
    QVERIFY(core->reportProblem(QStringLiteral("other"), QStringLiteral("other trouble")));
    QVERIFY(m_fixture.sync(alice));
    QStringList texts;
    for (const IrcMessage& notice : alice->messages(QStringLiteral("NOTICE")))
        texts.append(notice.param(1));
    QVERIFY(texts.contains(QStringLiteral("*** disk trouble")));
    QVERIFY(!texts.contains(QStringLiteral("*** disk trouble again")));
    QVERIFY(texts.contains(QStringLiteral("*** other trouble")));
}

// CHGHOST: clients with the chghost cap see CHGHOST, the others a QUIT and a new JOIN with the
// user's channel status; the user itself (without the cap) is told with 396.
void tst_OperCommands::chghost()
{
    TestClient* alice = oper(QStringLiteral("alice")); // first in #lobby: its operator
    TestClient* target = m_fixture.user(QStringLiteral("target"));
    TestClient* modern = m_fixture.user(QStringLiteral("modern"), "chghost");
    TestClient* plain = m_fixture.user(QStringLiteral("plain"));
    QVERIFY(alice && target && modern && plain);
    QVERIFY(!AccountFixture::ask(alice, "MODE #lobby +v target", QStringLiteral("MODE")).isEmpty());
    QVERIFY(m_fixture.sync(plain));
    plain->clear();
    // Logged with who did it.
    QTest::ignoreMessage(QtInfoMsg,
                         QRegularExpression(QStringLiteral(
                             "^CHGHOST target!~test@127\\.0\\.0\\.1 to vhost\\.example/x by "
                             "alice!~test@127\\.0\\.0\\.1 \\(account none, 127\\.0\\.0\\.1\\)$")));
    alice->sendLine("CHGHOST target vhost.example/x");
    QTRY_VERIFY(modern->has(QStringLiteral("CHGHOST")));
    const IrcMessage chghost = modern->last(QStringLiteral("CHGHOST"));
    QCOMPARE(chghost.source(), QStringLiteral("target!~test@127.0.0.1"));
    QCOMPARE(chghost.params(), (QStringList{"~test", "vhost.example/x"}));
    QTRY_VERIFY(plain->has(QStringLiteral("MODE")));
    QCOMPARE(plain->commands(), (QStringList{"QUIT", "JOIN", "MODE"}));
    QCOMPARE(plain->last(QStringLiteral("QUIT")).source(),
             QStringLiteral("target!~test@127.0.0.1"));
    QCOMPARE(plain->last(QStringLiteral("JOIN")).source(),
             QStringLiteral("target!~test@vhost.example/x"));
    QCOMPARE(plain->last(QStringLiteral("MODE")).params(), (QStringList{"#lobby", "+v", "target"}));
    QTRY_VERIFY(target->has(QStringLiteral("396")));
    QCOMPARE(target->last(QStringLiteral("396")).param(1), QStringLiteral("vhost.example/x"));
    QVERIFY(!target->has(QStringLiteral("QUIT")));
    const QList<IrcMessage> whois = AccountFixture::only(
        AccountFixture::ask(plain, "WHOIS target", QStringLiteral("318")), QStringLiteral("311"));
    QCOMPARE(whois.value(0).param(3), QStringLiteral("vhost.example/x"));
    QVERIFY(!modern->has(QStringLiteral("QUIT")));
}

void tst_OperCommands::chghostFallbackExtendedJoinAndAway()
{
    TestClient* alice = oper(QStringLiteral("alice"));
    TestClient* target = m_fixture.user(QStringLiteral("target"));
    TestClient* observer = m_fixture.user(QStringLiteral("observer"), "extended-join away-notify");
    QVERIFY(alice && target && observer);
    QVERIFY(!AccountFixture::ask(target, "AWAY :lunch", QStringLiteral("306")).isEmpty());
    QVERIFY(m_fixture.sync(observer));
    observer->clear();
    alice->sendLine("CHGHOST target lunch.example");
    // Without chghost: the quit, the extended join, and the away state again.
    QTRY_VERIFY(observer->has(QStringLiteral("AWAY")));
    QCOMPARE(observer->commands(), (QStringList{"QUIT", "JOIN", "AWAY"}));
    const IrcMessage join = observer->last(QStringLiteral("JOIN"));
    QCOMPARE(join.source(), QStringLiteral("target!~test@lunch.example"));
    QCOMPARE(join.params().mid(0, 2), (QStringList{"#lobby", "*"})); // no account
    QCOMPARE(join.paramCount(), 3);                                   // and the real name
    QCOMPARE(observer->last(QStringLiteral("AWAY")).param(0), QStringLiteral("lunch"));
    QCOMPARE(observer->last(QStringLiteral("AWAY")).source(),
             QStringLiteral("target!~test@lunch.example"));
}

void tst_OperCommands::chghostRefused_data()
{
    QTest::addColumn<bool>("asOperator");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<QString>("reply");
    QTest::newRow("not an operator") << false << QByteArray("fine.example") << "481";
    QTest::newRow("bad character") << true << QByteArray("bad!host") << "FAIL";
    QTest::newRow("leading dot") << true << QByteArray(".example") << "FAIL";
    QTest::newRow("too long") << true << QByteArray(65, 'h') << "FAIL";
}

void tst_OperCommands::chghostRefused()
{
    QFETCH(bool, asOperator);
    QFETCH(QByteArray, host);
    QFETCH(QString, reply);
    TestClient* alice =
        asOperator ? oper(QStringLiteral("alice")) : m_fixture.user(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const QList<IrcMessage> answer = AccountFixture::ask(alice, "CHGHOST bob " + host, reply);
    QVERIFY(!answer.isEmpty());
    if (reply == QLatin1String("FAIL"))
        QCOMPARE(answer.last().params().mid(0, 2), (QStringList{"CHGHOST", "INVALID_HOST"}));
    const QList<IrcMessage> whois = AccountFixture::only(
        AccountFixture::ask(bob, "WHOIS bob", QStringLiteral("318")), QStringLiteral("311"));
    QCOMPARE(whois.value(0).param(3), QStringLiteral("127.0.0.1"));
}

CONFAB_SERVER_TEST_MAIN(tst_OperCommands)
#include "tst_opercommands.moc"

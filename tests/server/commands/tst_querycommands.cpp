// WHO, WHOX, NAMES, WHOIS and LIST over real sockets: user mode +i hiding users from those who
// share no channel with them, the WHOX fields and token, userhost-in-names, bot mode in WHO and
// WHOIS, and the ELIST conditions of LIST (SAFELIST is checked in tst_isupport).
#include "accountfixture.h"
#include "servertestmain.h"

class tst_QueryCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void whoHidesInvisibleUsers();
    void channelListsHideInvisibleFromNonMembers();
    void whoOperatorsOnly();
    void whox_data();
    void whox();
    void whoxAccountAndAddress();
    void userhostInNames();
    void botMode();
    void listConditions_data();
    void listConditions();

private:
    ServerConfig config() const;
    // The nicks (param) of the replies with the numeric in the answer to line.
    static QStringList nicks(TestClient* client, const QByteArray& line, const QString& numeric,
                             int param, const QString& end);

    AccountFixture m_fixture;
};

ServerConfig tst_QueryCommands::config() const
{
    ServerConfig config = m_fixture.config();
    config.autoJoin = false; // nobody shares a channel unless a test joins one
    return config;
}

void tst_QueryCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(config()));
}

void tst_QueryCommands::cleanup()
{
    m_fixture.stop();
}

QStringList tst_QueryCommands::nicks(TestClient* client, const QByteArray& line,
                                     const QString& numeric, int param, const QString& end)
{
    QStringList result;
    for (const IrcMessage& m :
         AccountFixture::only(AccountFixture::ask(client, line, end), numeric))
        result.append(m.param(param));
    result.sort();
    return result;
}

void tst_QueryCommands::whoHidesInvisibleUsers()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    const QString end = QStringLiteral("315");
    const QStringList both{QStringLiteral("alice"), QStringLiteral("bob")};
    QCOMPARE(nicks(bob, "WHO *", QStringLiteral("352"), 5, end), both);
    QVERIFY(!AccountFixture::ask(alice, "MODE alice +i", QStringLiteral("MODE")).isEmpty());
    const QStringList bobOnly{QStringLiteral("bob")};
    const QStringList aliceOnly{QStringLiteral("alice")};
    QCOMPARE(nicks(bob, "WHO *", QStringLiteral("352"), 5, end), bobOnly);
    QCOMPARE(nicks(bob, "WHO 0", QStringLiteral("352"), 5, end), bobOnly);
    QCOMPARE(nicks(bob, "WHO al*", QStringLiteral("352"), 5, end), QStringList());
    QCOMPARE(nicks(bob, "WHO 127.0.0.1", QStringLiteral("352"), 5, end), bobOnly);
    // The exact nick still finds her (as WHOIS does), and she finds herself.
    QCOMPARE(nicks(bob, "WHO ALICE", QStringLiteral("352"), 5, end), aliceOnly);
    QCOMPARE(nicks(alice, "WHO al*", QStringLiteral("352"), 5, end), aliceOnly);
    // Sharing a channel shows her again.
    alice->sendLine("JOIN #room");
    QVERIFY(!AccountFixture::ask(bob, "JOIN #room", QStringLiteral("366")).isEmpty());
    QCOMPARE(nicks(bob, "WHO *", QStringLiteral("352"), 5, end), both);
    QCOMPARE(nicks(bob, "WHO al*", QStringLiteral("352"), 5, end), aliceOnly);
    // -i: visible to everyone.
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(carol);
    QVERIFY(!AccountFixture::ask(alice, "MODE alice -i", QStringLiteral("MODE")).isEmpty());
    QCOMPARE(nicks(carol, "WHO al*", QStringLiteral("352"), 5, end), aliceOnly);
}

// WHO #room and NAMES show a +i member to fellow members only.
void tst_QueryCommands::channelListsHideInvisibleFromNonMembers()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    QVERIFY(!AccountFixture::ask(alice, "MODE alice +i", QStringLiteral("MODE")).isEmpty());
    // Alice's JOIN is done before Bob's is sent: lines on two connections have no order.
    QVERIFY(!AccountFixture::ask(alice, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(bob, "JOIN #room", QStringLiteral("366")).isEmpty());
    const QString whoEnd = QStringLiteral("315");
    QCOMPARE(nicks(carol, "WHO #room", QStringLiteral("352"), 5, whoEnd),
             QStringList{QStringLiteral("bob")});
    QCOMPARE(nicks(bob, "WHO #room", QStringLiteral("352"), 5, whoEnd),
             (QStringList{QStringLiteral("alice"), QStringLiteral("bob")}));
    const QString namesEnd = QStringLiteral("366");
    QCOMPARE(nicks(carol, "NAMES #room", QStringLiteral("353"), 3, namesEnd), QStringList{"bob"});
    QCOMPARE(nicks(carol, "NAMES", QStringLiteral("353"), 3, namesEnd), QStringList{"bob"});
    QCOMPARE(nicks(bob, "NAMES #room", QStringLiteral("353"), 3, namesEnd),
             QStringList{QStringLiteral("@alice bob")});
}

void tst_QueryCommands::whoOperatorsOnly()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    const QString end = QStringLiteral("315");
    QCOMPARE(nicks(alice, "WHO alice", QStringLiteral("352"), 5, end), QStringList{"alice"});
    QCOMPARE(nicks(alice, "WHO alice o", QStringLiteral("352"), 5, end), QStringList());
}

void tst_QueryCommands::whox_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("fields");
    // bob is a member of #room and alice's nick is the mask; realname "Real Name" (login()).
    QTest::newRow("nick only") << QByteArray("WHO alice %n") << QStringList{"alice"};
    QTest::newRow("token first") << QByteArray("WHO alice %nt,42") << QStringList{"42", "alice"};
    QTest::newRow("spec order, not request order")
        << QByteArray("WHO alice %rnhust,7")
        << QStringList{"7", "~u", "127.0.0.1", "confab.local", "alice", "Real Name"};
    QTest::newRow("account 0 when not logged in")
        << QByteArray("WHO alice %na") << QStringList{"alice", "0"};
    QTest::newRow("hop count and op level")
        << QByteArray("WHO alice %do") << QStringList{"0", "n/a"};
    QTest::newRow("channel context")
        << QByteArray("WHO #room %cnf") << QStringList{"#room", "alice", "H@"};
    QTest::newRow("token not digits")
        << QByteArray("WHO alice %tn,abc") << QStringList{"0", "alice"};
    QTest::newRow("address hidden from others")
        << QByteArray("WHO alice %ni") << QStringList{"255.255.255.255", "alice"};
}

void tst_QueryCommands::whox()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, fields);
    TestClient* alice = m_fixture.user(QStringLiteral("alice"), "multi-prefix");
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(!AccountFixture::ask(alice, "JOIN #room", QStringLiteral("366")).isEmpty());
    const QList<IrcMessage> answer = AccountFixture::only(
        AccountFixture::ask(bob, line, QStringLiteral("315")), QStringLiteral("354"));
    QCOMPARE(answer.size(), 1);
    QCOMPARE(answer.first().params().mid(1), fields);
    QVERIFY(AccountFixture::only(AccountFixture::ask(bob, line, QStringLiteral("315")),
                                 QStringLiteral("352"))
                .isEmpty());
}

void tst_QueryCommands::whoxAccountAndAddress()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("alice"), QStringLiteral("secretpass1")));
    TestClient* alice = m_fixture.login(QStringLiteral("alice"), QStringLiteral("alice"),
                                        QStringLiteral("secretpass1"));
    QVERIFY(alice);
    const QList<IrcMessage> answer = AccountFixture::only(
        AccountFixture::ask(alice, "WHO alice %nai", QStringLiteral("315")), QStringLiteral("354"));
    QCOMPARE(answer.size(), 1);
    // Her own address is not hidden from her.
    QCOMPARE(answer.first().params().mid(1), (QStringList{"127.0.0.1", "alice", "alice"}));
}

void tst_QueryCommands::userhostInNames()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"), "userhost-in-names");
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(!AccountFixture::ask(bob, "JOIN #room", QStringLiteral("366")).isEmpty());
    const QList<IrcMessage> joined = AccountFixture::only(
        AccountFixture::ask(alice, "JOIN #room", QStringLiteral("366")), QStringLiteral("353"));
    QCOMPARE(joined.size(), 1);
    QCOMPARE(joined.first().param(3), QStringLiteral("@bob!~test@127.0.0.1 alice!~u@127.0.0.1"));
    QCOMPARE(nicks(bob, "NAMES #room", QStringLiteral("353"), 3, QStringLiteral("366")),
             QStringList{QStringLiteral("@bob alice")});
}

void tst_QueryCommands::botMode()
{
    TestClient* robot = m_fixture.user(QStringLiteral("robot"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(robot && bob);
    QVERIFY(AccountFixture::only(AccountFixture::ask(bob, "WHOIS robot", QStringLiteral("318")),
                                 QStringLiteral("335"))
                .isEmpty());
    const QList<IrcMessage> set = AccountFixture::ask(robot, "MODE robot +B", "MODE");
    QCOMPARE(set.value(0).param(1), QStringLiteral("+B"));
    QCOMPARE(AccountFixture::ask(robot, "MODE robot", "221").last().param(1), QStringLiteral("+B"));
    const QList<IrcMessage> whois = AccountFixture::only(
        AccountFixture::ask(bob, "WHOIS robot", QStringLiteral("318")), QStringLiteral("335"));
    QCOMPARE(whois.size(), 1);
    QCOMPARE(whois.first().params(), (QStringList{"bob", "robot", "is a bot"}));
    QCOMPARE(nicks(bob, "WHO robot", QStringLiteral("352"), 6, QStringLiteral("315")),
             QStringList{QStringLiteral("HB")});
    QCOMPARE(AccountFixture::ask(robot, "MODE robot -B", "MODE").value(0).param(1),
             QStringLiteral("-B"));
    QCOMPARE(nicks(bob, "WHO robot", QStringLiteral("352"), 6, QStringLiteral("315")),
             QStringList{QStringLiteral("H")});
}

void tst_QueryCommands::listConditions_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("channels");
    // #alpha has 1 member, #beta 2, #gamma 3.
    QTest::newRow("all") << QByteArray("LIST") << QStringList{"#alpha", "#beta", "#gamma"};
    QTest::newRow("names") << QByteArray("LIST #beta,#nothing") << QStringList{"#beta"};
    QTest::newRow("more than 1 user") << QByteArray("LIST >1") << QStringList{"#beta", "#gamma"};
    QTest::newRow("fewer than 3 users") << QByteArray("LIST <3") << QStringList{"#alpha", "#beta"};
    QTest::newRow("between") << QByteArray("LIST >1,<3") << QStringList{"#beta"};
    QTest::newRow("mask") << QByteArray("LIST #*a") << QStringList{"#alpha", "#beta", "#gamma"};
    QTest::newRow("mask, case folded") << QByteArray("LIST #AL*") << QStringList{"#alpha"};
    QTest::newRow("not mask") << QByteArray("LIST !#al*") << QStringList{"#beta", "#gamma"};
    QTest::newRow("mask and count") << QByteArray("LIST #*a*,>2") << QStringList{"#gamma"};
}

void tst_QueryCommands::listConditions()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, channels);
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    TestClient* carol = m_fixture.user(QStringLiteral("carol"));
    QVERIFY(alice && bob && carol);
    QVERIFY(!AccountFixture::ask(alice, "JOIN #alpha,#beta,#gamma", "366").isEmpty());
    QVERIFY(!AccountFixture::ask(bob, "JOIN #beta,#gamma", "366").isEmpty());
    QVERIFY(!AccountFixture::ask(carol, "JOIN #gamma", "366").isEmpty());
    QTRY_VERIFY(alice->count(QStringLiteral("JOIN")) == 6);
    QCOMPARE(nicks(alice, line, QStringLiteral("322"), 1, QStringLiteral("323")), channels);
}

CONFAB_SERVER_TEST_MAIN(tst_QueryCommands)
#include "tst_querycommands.moc"

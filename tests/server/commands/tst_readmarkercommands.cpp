// draft/read-marker over real sockets: MARKREAD set and read per account, only forwards, sent
// to every connection of the account and on JOIN before the end of NAMES, kept across restarts.
#include "accountfixture.h"
#include "servertestmain.h"

namespace {

const QString Password = QStringLiteral("password-of-test");
const QByteArray Caps = "sasl draft/read-marker";
const QByteArray Early = "timestamp=2026-01-01T10:00:00.000Z";
const QByteArray Late = "timestamp=2026-01-02T10:00:00.000Z";

} // namespace

class tst_ReadMarkerCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void setAndRead();
    void onlyForwards();
    void everyConnectionOfTheAccount();
    void sentOnJoinBeforeEndOfNames();
    void privateConversationByAccount();
    void keptAcrossRestart();
    void errors_data();
    void errors();

private:
    TestClient* login(const QString& nick, const QString& account, const QByteArray& caps = Caps)
    {
        return m_fixture.login(nick, account, Password, caps);
    }
    // The next MARKREAD the client receives after from, or an empty message.
    static IrcMessage nextMarkRead(TestClient* client, int from);

    AccountFixture m_fixture;
};

void tst_ReadMarkerCommands::init()
{
    m_fixture.newDataDirectory();
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("alice"), Password));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("bob"), Password));
}

void tst_ReadMarkerCommands::cleanup()
{
    m_fixture.stop();
}

IrcMessage tst_ReadMarkerCommands::nextMarkRead(TestClient* client, int from)
{
    int index = -1;
    const bool found = QTest::qWaitFor(
        [&] { return (index = client->indexOf(QStringLiteral("MARKREAD"), from)) >= 0; }, 5000);
    return found ? client->messages().at(index) : IrcMessage();
}

void tst_ReadMarkerCommands::setAndRead()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    QVERIFY(alice);
    int from = int(alice->messages().size());
    alice->sendLine("MARKREAD #lobby");
    QCOMPARE(nextMarkRead(alice, from).params(), (QStringList{"#lobby", "*"}));
    from = int(alice->messages().size());
    alice->sendLine("MARKREAD #lobby " + Early);
    QCOMPARE(nextMarkRead(alice, from).params(), (QStringList{"#lobby", QString::fromLatin1(Early)}));
    from = int(alice->messages().size());
    alice->sendLine("MARKREAD #LOBBY"); // any case
    QCOMPARE(nextMarkRead(alice, from).params(), (QStringList{"#LOBBY", QString::fromLatin1(Early)}));
}

void tst_ReadMarkerCommands::onlyForwards()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MARKREAD #lobby " + Late);
    QTRY_COMPARE(alice->last(QStringLiteral("MARKREAD")).param(1), QString::fromLatin1(Late));
    const int from = int(alice->messages().size());
    alice->sendLine("MARKREAD #lobby " + Early);
    // The older timestamp is refused silently: the answer is the marker as it stays.
    const IrcMessage answer = nextMarkRead(alice, from);
    QCOMPARE(answer.params(), (QStringList{"#lobby", QString::fromLatin1(Late)}));
}

void tst_ReadMarkerCommands::everyConnectionOfTheAccount()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alicephone"), QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(laptop && phone && bob);
    const int phoneFrom = int(phone->messages().size());
    laptop->sendLine("MARKREAD bob " + Early);
    QCOMPARE(nextMarkRead(phone, phoneFrom).params(), (QStringList{"bob", QString::fromLatin1(Early)}));
    QTRY_VERIFY(laptop->has(QStringLiteral("MARKREAD")));
    // Another account's connections hear nothing of it.
    bob->sendLine("PING :sync");
    QTRY_VERIFY(bob->has(QStringLiteral("PONG")));
    for (const IrcMessage& marker : bob->messages(QStringLiteral("MARKREAD")))
        QCOMPARE(marker.param(0), QStringLiteral("#lobby")); // its own, on the autojoin
}

void tst_ReadMarkerCommands::sentOnJoinBeforeEndOfNames()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("JOIN #room");
    QTRY_VERIFY(alice->count(QStringLiteral("366")) == 2);
    // Before any marker: "*", after the JOIN and before 366.
    const int join = alice->indexOf(QStringLiteral("JOIN"), alice->indexOf(QStringLiteral("366")) + 1);
    const int marker = alice->indexOf(QStringLiteral("MARKREAD"), join);
    const int end = alice->indexOf(QStringLiteral("366"), join);
    QVERIFY(join >= 0 && marker > join && marker < end);
    QCOMPARE(alice->messages().at(marker).params(), (QStringList{"#room", "*"}));
    alice->sendLine("MARKREAD #room " + Late);
    alice->sendLine("PART #room");
    // The room made again in other case (alice was its last member): the same marker.
    alice->sendLine("JOIN #ROOM");
    QTRY_VERIFY(alice->count(QStringLiteral("366")) == 3);
    QCOMPARE(alice->last(QStringLiteral("MARKREAD")).params(),
             (QStringList{"#ROOM", QString::fromLatin1(Late)}));
    // A client without the cap gets none.
    TestClient* plain = login(QStringLiteral("bob"), QStringLiteral("bob"), "sasl");
    QVERIFY(plain);
    QVERIFY(!plain->has(QStringLiteral("MARKREAD")));
}

void tst_ReadMarkerCommands::privateConversationByAccount()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bobby"), QStringLiteral("bob"));
    QVERIFY(alice && bob);
    // bob is online as "bobby": the marker is kept for the account, so it is found under the
    // account's name once bob has gone.
    alice->sendLine("MARKREAD bobby " + Early);
    QTRY_COMPARE(alice->last(QStringLiteral("MARKREAD")).param(0), QStringLiteral("bobby"));
    bob->sendLine("QUIT");
    QTRY_VERIFY(bob->isDisconnected());
    QTest::qWait(50);
    const int from = int(alice->messages().size());
    alice->sendLine("MARKREAD bob");
    QCOMPARE(nextMarkRead(alice, from).params(), (QStringList{"bob", QString::fromLatin1(Early)}));
}

void tst_ReadMarkerCommands::keptAcrossRestart()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("MARKREAD #lobby " + Late);
    QTRY_COMPARE(alice->last(QStringLiteral("MARKREAD")).param(1), QString::fromLatin1(Late));
    const ServerConfig config = m_fixture.server()->config();
    m_fixture.stop();
    QVERIFY(m_fixture.start(config));
    TestClient* again = login(QStringLiteral("alice"), QStringLiteral("alice"));
    QVERIFY(again);
    // The autojoin to #lobby carries it.
    QTRY_VERIFY(again->has(QStringLiteral("MARKREAD")));
    QCOMPARE(again->last(QStringLiteral("MARKREAD")).params(),
             (QStringList{"#lobby", QString::fromLatin1(Late)}));
}

void tst_ReadMarkerCommands::errors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("loggedIn");
    QTest::addColumn<QStringList>("fail");
    QTest::newRow("guest") << QByteArray("MARKREAD #lobby") << false
                           << QStringList{"MARKREAD", "ACCOUNT_REQUIRED", "#lobby"};
    QTest::newRow("bad timestamp") << QByteArray("MARKREAD #lobby timestamp=yesterday") << true
                                   << QStringList{"MARKREAD", "INVALID_PARAMS", "#lobby",
                                                  "timestamp=yesterday"};
    QTest::newRow("no timestamp=") << QByteArray("MARKREAD #lobby 2026-01-01T10:00:00.000Z")
                                   << true
                                   << QStringList{"MARKREAD", "INVALID_PARAMS", "#lobby",
                                                  "2026-01-01T10:00:00.000Z"};
    QTest::newRow("bad target") << QByteArray("MARKREAD 9lives") << true
                                << QStringList{"MARKREAD", "INVALID_PARAMS", "9lives"};
}

void tst_ReadMarkerCommands::errors()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, loggedIn);
    QFETCH(QStringList, fail);
    TestClient* client = login(QStringLiteral("carol"),
                               loggedIn ? QStringLiteral("alice") : QString());
    QVERIFY(client);
    client->sendLine(line);
    QTRY_VERIFY(client->has(QStringLiteral("FAIL")));
    QCOMPARE(client->last(QStringLiteral("FAIL")).params().mid(0, fail.size()), fail);
    client->sendLine("MARKREAD");
    QTRY_VERIFY(client->has(QStringLiteral("461")));
}

CONFAB_SERVER_TEST_MAIN(tst_ReadMarkerCommands)
#include "tst_readmarkercommands.moc"

// Several devices, one account (multiclient) over real sockets: a second connection logged in
// to a connected account becomes another session of the same user: one nick, the same rooms,
// every incoming message on every device, each device's sent messages on the others, and a QUIT
// only when the last device goes.
#include "accountfixture.h"
#include "core/servercore.h"
#include "servertestmain.h"

namespace {
const QString Password = QStringLiteral("password-of-test");
}

class tst_SessionCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void secondDeviceSharesTheNick();
    void incomingOnEveryDevice();
    void sentMessagesOnTheOtherDevices();
    void lastDeviceQuits();
    void nickChangeOnEveryDevice();
    void guestsAreSeparate();
    void catchUpFromHistory();
    void monitorOnEveryDevice();

private:
    TestClient* login(const QString& nick, const QString& account, const QByteArray& caps = "sasl")
    {
        return m_fixture.login(nick, account, Password, caps);
    }

    AccountFixture m_fixture;
};

void tst_SessionCommands::init()
{
    m_fixture.newDataDirectory();
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("alice"), Password));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("bob"), Password));
    QTRY_COMPARE(m_fixture.server()->core()->connectionCount(), 0);
}

void tst_SessionCommands::cleanup()
{
    m_fixture.stop();
}

void tst_SessionCommands::secondDeviceSharesTheNick()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* watcher = login(QStringLiteral("carol"), QString());
    QVERIFY(laptop && watcher);
    QTRY_VERIFY(watcher->has(QStringLiteral("JOIN")));
    const int joinsBefore = watcher->count(QStringLiteral("JOIN"));
    // The phone asks for another nick (alice is taken at NICK time, before it logs in): it gets
    // alice, and the rooms alice is in.
    TestClient* phone = login(QStringLiteral("alice_phone"), QStringLiteral("alice"));
    QVERIFY(phone);
    QCOMPARE(phone->last(QStringLiteral("001")).param(0), QStringLiteral("alice"));
    QVERIFY(phone->has(QStringLiteral("JOIN")));
    QCOMPARE(phone->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#lobby"));
    QCOMPARE(phone->last(QStringLiteral("JOIN")).nick(), QStringLiteral("alice"));
    QVERIFY(phone->has(QStringLiteral("353")));
    // Nobody else sees a second alice.
    watcher->sendLine("NAMES #lobby");
    QTRY_VERIFY(watcher->count(QStringLiteral("366")) >= 2);
    const QStringList names = watcher->last(QStringLiteral("353")).params().last().split(u' ');
    QCOMPARE(names.count(QStringLiteral("@alice")) + names.count(QStringLiteral("alice")), 1);
    QVERIFY(!names.contains(QStringLiteral("alice_phone")));
    QCOMPARE(watcher->count(QStringLiteral("JOIN")), joinsBefore);
    QCOMPARE(m_fixture.server()->core()->userCount(), 2);
    QCOMPARE(m_fixture.server()->core()->connectionCount(), 3);
}

void tst_SessionCommands::incomingOnEveryDevice()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"), "sasl server-time");
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(laptop && phone && bob);
    bob->sendLine("PRIVMSG alice :to both devices");
    bob->sendLine("PRIVMSG #lobby :to the room");
    QTRY_COMPARE(laptop->count(QStringLiteral("PRIVMSG")), 2);
    QTRY_COMPARE(phone->count(QStringLiteral("PRIVMSG")), 2);
    // Each device gets the line as its capabilities say.
    QVERIFY(phone->last(QStringLiteral("PRIVMSG")).hasTag(QStringLiteral("time")));
    QVERIFY(!laptop->last(QStringLiteral("PRIVMSG")).hasTag(QStringLiteral("time")));
}

void tst_SessionCommands::sentMessagesOnTheOtherDevices()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"));
    TestClient* echo = login(QStringLiteral("alice3"), QStringLiteral("alice"), "sasl echo-message");
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(laptop && phone && echo && bob);
    laptop->sendLine("PRIVMSG bob :sent from the laptop");
    laptop->sendLine("PRIVMSG #lobby :said in the room from the laptop");
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
    // The other devices see both; the laptop (no echo-message) does not get its own lines back.
    QTRY_COMPARE(phone->count(QStringLiteral("PRIVMSG")), 2);
    QTRY_COMPARE(echo->count(QStringLiteral("PRIVMSG")), 2);
    QCOMPARE(phone->messages(QStringLiteral("PRIVMSG")).first().param(0), QStringLiteral("bob"));
    QCOMPARE(phone->messages(QStringLiteral("PRIVMSG")).first().nick(), QStringLiteral("alice"));
    laptop->sendLine("PING :sync");
    QTRY_VERIFY(laptop->has(QStringLiteral("PONG")));
    QCOMPARE(laptop->count(QStringLiteral("PRIVMSG")), 0);
    // With echo-message, the sending device gets its own line too, once.
    echo->sendLine("PRIVMSG bob :sent with echo");
    QTRY_COMPARE(echo->count(QStringLiteral("PRIVMSG")), 3);
    QTRY_COMPARE(laptop->count(QStringLiteral("PRIVMSG")), 1);
}

void tst_SessionCommands::lastDeviceQuits()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(laptop && phone && bob);
    laptop->sendLine("QUIT :closing the laptop");
    QTRY_VERIFY(laptop->isDisconnected());
    phone->sendLine("PRIVMSG bob :still here");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    QVERIFY(!bob->has(QStringLiteral("QUIT")));
    bob->sendLine("WHOIS alice");
    QTRY_VERIFY(bob->has(QStringLiteral("311")));
    phone->abort(); // the last device drops
    QTRY_VERIFY(bob->has(QStringLiteral("QUIT")));
    QCOMPARE(bob->last(QStringLiteral("QUIT")).nick(), QStringLiteral("alice"));
    QTRY_COMPARE(m_fixture.server()->core()->userCount(), 1);
}

void tst_SessionCommands::nickChangeOnEveryDevice()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"));
    QVERIFY(laptop && phone);
    phone->sendLine("NICK alice_away");
    QTRY_VERIFY(laptop->has(QStringLiteral("NICK")));
    QTRY_VERIFY(phone->has(QStringLiteral("NICK")));
    QCOMPARE(laptop->last(QStringLiteral("NICK")).param(0), QStringLiteral("alice_away"));
    // Joining a room from one device puts the person in it: the other device sees the JOIN.
    laptop->sendLine("JOIN #second");
    QTRY_VERIFY(phone->count(QStringLiteral("JOIN")) >= 2);
    QCOMPARE(phone->last(QStringLiteral("JOIN")).param(0), QStringLiteral("#second"));
}

void tst_SessionCommands::guestsAreSeparate()
{
    TestClient* alice = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* guest = login(QStringLiteral("guest"), QString());
    QVERIFY(alice && guest);
    QCOMPARE(guest->last(QStringLiteral("001")).param(0), QStringLiteral("guest"));
    QCOMPARE(m_fixture.server()->core()->userCount(), 2);
}

void tst_SessionCommands::catchUpFromHistory()
{
    const QByteArray caps = "sasl batch server-time message-tags draft/chathistory";
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"), caps);
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(laptop && bob);
    bob->sendLine("PRIVMSG alice :said before the phone came");
    QTRY_VERIFY(laptop->has(QStringLiteral("PRIVMSG")));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"), caps);
    QVERIFY(phone);
    phone->sendLine("CHATHISTORY LATEST bob * 10");
    QTRY_VERIFY(phone->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(phone->last(QStringLiteral("PRIVMSG")).param(1),
             QStringLiteral("said before the phone came"));
    QVERIFY(!laptop->has(QStringLiteral("BATCH"))); // the answer went to the device that asked
}

void tst_SessionCommands::monitorOnEveryDevice()
{
    TestClient* laptop = login(QStringLiteral("alice"), QStringLiteral("alice"));
    TestClient* phone = login(QStringLiteral("alice2"), QStringLiteral("alice"));
    QVERIFY(laptop && phone);
    laptop->sendLine("MONITOR + bob");
    QTRY_VERIFY(laptop->has(QStringLiteral("731")));
    // bob comes online: both of alice's devices are told, not only the one that asked.
    TestClient* bob = login(QStringLiteral("bob"), QStringLiteral("bob"));
    QVERIFY(bob);
    QTRY_VERIFY(laptop->has(QStringLiteral("730")));
    QTRY_VERIFY(phone->has(QStringLiteral("730")));
    QCOMPARE(phone->last(QStringLiteral("730")).param(1).section(u'!', 0, 0),
             QStringLiteral("bob"));
}

CONFAB_SERVER_TEST_MAIN(tst_SessionCommands)
#include "tst_sessioncommands.moc"

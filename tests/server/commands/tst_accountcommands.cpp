// Accounts over real sockets: REGISTER (draft/account-registration), names that belong to
// accounts, guests renamed for the owner, account-notify, account-tag, extended-join, WHOIS and
// WHO, SETNAME, and accounts made by `confabd account` while the server runs.
#include "accountfixture.h"
#include "auth/sqlaccountstore.h"
#include "eventwait.h"
#include "servertestmain.h"
#include "storage/database.h"

class tst_AccountCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void registerLogsIn();
    void registerBeforeConnect();
    void registerErrors_data();
    void registerErrors();
    void registerNameHeldByOther();
    void registerFlood();
    void hugePasswordLine();
    void guestCannotTakeAccountName();
    void reservedNickBeforeRegistration();
    void ownerReclaimsNickFromGuest();
    void ownerChangesBackToOwnNick();
    void accountTagAndExtendedJoin();
    void whoAndWhois();
    void setName();
    void setNameErrors();
    void accountsFromCommandLineAreReserved();
    void noAccountsWithoutDataDirectory();

private:
    // A registered client, logged in to account when given (by SASL PLAIN), with caps.
    TestClient* login(const QString& nick, const QByteArray& caps = "sasl",
                      const QString& account = {}, const QString& password = {});

    AccountFixture m_fixture;
};

void tst_AccountCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.config()));
}

void tst_AccountCommands::cleanup()
{
    m_fixture.stop();
}

TestClient* tst_AccountCommands::login(const QString& nick, const QByteArray& caps,
                                       const QString& account, const QString& password)
{
    TestClient* client = m_fixture.connectNegotiating(nick, caps);
    if (!client)
        return nullptr;
    if (!account.isEmpty() && AccountFixture::authenticate(client, QStringLiteral("PLAIN"), account,
                                                           password) != QLatin1String("903")) {
        return nullptr;
    }
    client->sendLine("CAP END");
    return m_fixture.waitForWelcome(client) ? client : nullptr;
}

void tst_AccountCommands::registerLogsIn()
{
    TestClient* watcher = login(QStringLiteral("watcher"), "account-notify");
    QVERIFY(watcher);
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    QTRY_VERIFY(watcher->has(QStringLiteral("JOIN")));
    bob->sendLine("REGISTER * * correct-horse");
    QTRY_VERIFY(bob->has(QStringLiteral("REGISTER")));
    const IrcMessage success = bob->last(QStringLiteral("REGISTER"));
    QCOMPARE(success.params().mid(0, 2), (QStringList{"SUCCESS", "bob"}));
    QTRY_VERIFY(bob->has(QStringLiteral("900")));
    QCOMPARE(bob->last(QStringLiteral("900")).param(2), QStringLiteral("bob"));
    QTRY_VERIFY(watcher->has(QStringLiteral("ACCOUNT")));
    QCOMPARE(watcher->last(QStringLiteral("ACCOUNT")).param(0), QStringLiteral("bob"));
    QVERIFY(m_fixture.auth()->isReserved(QStringLiteral("bob")));
    // The password works afterwards, by either mechanism.
    TestClient* again = m_fixture.connectNegotiating(QStringLiteral("bob2"));
    QVERIFY(again);
    QCOMPARE(AccountFixture::authenticate(again, QStringLiteral("SCRAM-SHA-256"),
                                          QStringLiteral("bob"), QStringLiteral("correct-horse")),
             QStringLiteral("903"));
}

void tst_AccountCommands::registerBeforeConnect()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("dana"), "sasl");
    QVERIFY(client);
    client->sendLine("REGISTER dana * password-of-dana");
    QTRY_VERIFY(client->has(QStringLiteral("900")));
    QVERIFY(client->has(QStringLiteral("REGISTER")));
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QCOMPARE(client->last(QStringLiteral("001")).param(0), QStringLiteral("dana"));
    client->sendLine("WHOIS dana");
    QTRY_VERIFY(client->has(QStringLiteral("330")));
}

void tst_AccountCommands::registerErrors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::newRow("weak password") << QByteArray("REGISTER * * short") << "WEAK_PASSWORD";
    QTest::newRow("not the nick") << QByteArray("REGISTER somebody * password1")
                                  << "ACCOUNT_NAME_MUST_BE_NICK";
    QTest::newRow("taken") << QByteArray("REGISTER * * password1") << "ACCOUNT_EXISTS";
    QTest::newRow("too long") << "REGISTER * * " + QByteArray(301, 'x') << "UNACCEPTABLE_PASSWORD";
    QTest::newRow("not utf-8") << QByteArray("REGISTER * * pass\xff\xfeword")
                               << "UNACCEPTABLE_PASSWORD";
    QTest::newRow("logged in") << QByteArray("REGISTER * * password1") << "ALREADY_AUTHENTICATED";
    // Found by fuzz_accounts: an account parameter too long to echo (invalid UTF-8 triples in
    // size when repaired) is shown as "*", and the FAIL still goes out.
    QTest::newRow("long account") << "REGISTER " + QByteArray(160, '\xba') + " * password1"
                                  << "ACCOUNT_NAME_MUST_BE_NICK";
}

void tst_AccountCommands::registerErrors()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    TestClient* client = nullptr;
    if (code == QLatin1String("ACCOUNT_EXISTS")) {
        QVERIFY(m_fixture.registerAccount(QStringLiteral("erin"), QStringLiteral("password1")));
        // A guest can't be registered under erin's name, but its nick before login may be it.
        client = m_fixture.connectNegotiating(QStringLiteral("erin"));
    } else if (code == QLatin1String("ALREADY_AUTHENTICATED")) {
        QVERIFY(m_fixture.registerAccount(QStringLiteral("erin"), QStringLiteral("password1")));
        client = login(QStringLiteral("erin"), "sasl", QStringLiteral("erin"),
                       QStringLiteral("password1"));
    } else {
        client = login(QStringLiteral("erin"));
    }
    QVERIFY(client);
    client->sendLine(line);
    QTRY_VERIFY(client->has(QStringLiteral("FAIL")));
    const IrcMessage fail = client->last(QStringLiteral("FAIL"));
    QCOMPARE(fail.param(0), QStringLiteral("REGISTER"));
    QCOMPARE(fail.param(1), code);
    if (QLatin1String(QTest::currentDataTag()) == QLatin1String("long account"))
        QCOMPARE(fail.param(2), QStringLiteral("*"));
    QVERIFY(!client->has(QStringLiteral("REGISTER")));
}

void tst_AccountCommands::registerNameHeldByOther()
{
    // An account is named after its registrant's nick, which nobody else can hold meanwhile;
    // after the registration the name stays taken. (Two registrations of one name at the same
    // moment, e.g. REGISTER and `confabd account add`, are settled by the database's unique
    // name: tst_sqliteaccountstore.)
    TestClient* first = login(QStringLiteral("frank"));
    QVERIFY(first);
    TestClient* second = m_fixture.connectNegotiating(QStringLiteral("frank"), "sasl");
    QVERIFY(second);
    QTRY_VERIFY(second->has(QStringLiteral("433")));
    first->sendLine("REGISTER * * password-one");
    QTRY_VERIFY(first->has(QStringLiteral("REGISTER")));
    second->sendLine("NICK frank");
    QTRY_COMPARE(second->count(QStringLiteral("433")), 2);
}

void tst_AccountCommands::registerFlood()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 2;
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("one"), QStringLiteral("password1")));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("two"), QStringLiteral("password1")));
    TestClient* client = login(QStringLiteral("three"));
    QVERIFY(client);
    client->sendLine("REGISTER * * password1");
    QTRY_VERIFY(client->has(QStringLiteral("FAIL")));
    QCOMPARE(client->last(QStringLiteral("FAIL")).param(1),
             QStringLiteral("TEMPORARILY_UNAVAILABLE"));
    QVERIFY(!m_fixture.auth()->isReserved(QStringLiteral("three")));
    // A flood of REGISTER lines from one client is answered line by line, nothing else.
    for (int i = 0; i < 50; ++i)
        client->sendLine("REGISTER * * password1");
    client->sendLine("PING :after");
    QTRY_VERIFY(client->has(QStringLiteral("PONG")));
    QCOMPARE(client->count(QStringLiteral("FAIL")), 51);
}

// A REGISTER (or AUTHENTICATE) line of 100 MB: 417 for its sender, whose connection and the
// others' traffic go on; the server never buffers it.
void tst_AccountCommands::hugePasswordLine()
{
    TestClient* sender = login(QStringLiteral("sender"));
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(sender && alice && bob);
    const QByteArray chunk(1024 * 1024, 'p');
    sender->sendRaw("REGISTER * * ");
    for (int i = 0; i < 100; ++i) {
        sender->sendRaw(chunk);
        if (i % 10 == 0) {
            alice->sendLine("PRIVMSG bob :still here " + QByteArray::number(i));
            QTest::qWait(1);
        }
    }
    sender->sendRaw("\r\n");
    sender->sendLine("PING :after");
    // 100 MB: with an I/O thread, each 64 kB is a turn of the loop (EventWait).
    QVERIFY(EventWait::until([sender] { return sender->has(QStringLiteral("PONG")); }, 30000));
    QCOMPARE(sender->count(QStringLiteral("417")), 1);
    QVERIFY(!sender->has(QStringLiteral("FAIL")));
    QVERIFY(!sender->isDisconnected());
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 10);
    QVERIFY(!m_fixture.auth()->isReserved(QStringLiteral("sender")));
}

void tst_AccountCommands::guestCannotTakeAccountName()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("grace"), QStringLiteral("password1")));
    TestClient* guest = login(QStringLiteral("guest"));
    QVERIFY(guest);
    guest->sendLine("NICK Grace");
    QTRY_VERIFY(guest->has(QStringLiteral("433")));
    QVERIFY(guest->last(QStringLiteral("433")).param(2).contains(QStringLiteral("account")));
    QVERIFY(!guest->has(QStringLiteral("NICK")));
}

void tst_AccountCommands::reservedNickBeforeRegistration()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("heidi"), QStringLiteral("password1")));
    // Without logging in, registration does not complete under the account's name...
    TestClient* guest = m_fixture.connectNegotiating(QStringLiteral("heidi"), "message-tags");
    QVERIFY(guest);
    guest->sendLine("CAP END");
    QTRY_VERIFY(guest->has(QStringLiteral("433")));
    QVERIFY(!guest->has(QStringLiteral("001")));
    // ...another nick completes it.
    guest->sendLine("NICK heidi_");
    QVERIFY(m_fixture.waitForWelcome(guest));
    QCOMPARE(guest->last(QStringLiteral("001")).param(0), QStringLiteral("heidi_"));
}

void tst_AccountCommands::ownerReclaimsNickFromGuest()
{
    // A guest took "ivan" before the account existed (made with the admin command line).
    TestClient* guest = login(QStringLiteral("ivan"));
    QVERIFY(guest);
    TestClient* watcher = login(QStringLiteral("watcher"));
    QVERIFY(watcher);
    {
        SqlAccountStore store(QStringLiteral("admin"));
        QVERIFY(store.open(m_fixture.config().dataDir + u'/' + Database::fileName()));
        QCOMPARE(store.create(QStringLiteral("ivan"), QStringLiteral("ivan"),
                              ScramCredentials::derive(QStringLiteral("password1"), 4096), 1),
                 AccountStore::Result::Ok);
    }
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.auth()->isReserved(QStringLiteral("ivan")), 5000);
    // The owner connects as ivan_ (ivan is taken) and logs in: the guest is renamed, the owner
    // gets the name.
    TestClient* owner =
        login(QStringLiteral("ivan_"), "sasl", QStringLiteral("ivan"), QStringLiteral("password1"));
    QVERIFY(owner);
    QTRY_VERIFY(guest->has(QStringLiteral("NICK")));
    const QString guestNick = guest->last(QStringLiteral("NICK")).param(0);
    QVERIFY2(guestNick.startsWith(QStringLiteral("Guest")), qPrintable(guestNick));
    QCOMPARE(guest->last(QStringLiteral("NICK")).nick(), QStringLiteral("ivan"));
    QCOMPARE(owner->last(QStringLiteral("001")).param(0), QStringLiteral("ivan"));
    // The channel saw the guest's rename.
    QTRY_VERIFY(watcher->has(QStringLiteral("NICK")));
    QCOMPARE(watcher->last(QStringLiteral("NICK")).param(0), guestNick);
    guest->sendLine("WHOIS ivan");
    QTRY_VERIFY(guest->has(QStringLiteral("330")));
}

void tst_AccountCommands::ownerChangesBackToOwnNick()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("judy"), QStringLiteral("password1")));
    TestClient* judy =
        login(QStringLiteral("judy"), "sasl", QStringLiteral("judy"), QStringLiteral("password1"));
    QVERIFY(judy);
    judy->sendLine("NICK judy_away");
    QTRY_VERIFY(judy->has(QStringLiteral("NICK")));
    TestClient* guest = login(QStringLiteral("kim"));
    QVERIFY(guest);
    guest->sendLine("NICK judy");
    QTRY_VERIFY(guest->has(QStringLiteral("433")));
    judy->sendLine("NICK judy");
    QTRY_COMPARE(judy->count(QStringLiteral("NICK")), 2);
    QCOMPARE(judy->last(QStringLiteral("NICK")).param(0), QStringLiteral("judy"));
}

void tst_AccountCommands::accountTagAndExtendedJoin()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("leo"), QStringLiteral("password1")));
    TestClient* plain = login(QStringLiteral("plain"));
    TestClient* modern = login(QStringLiteral("modern"), "account-tag extended-join");
    QVERIFY(plain && modern);
    TestClient* leo =
        login(QStringLiteral("leo"), "sasl", QStringLiteral("leo"), QStringLiteral("password1"));
    QVERIFY(leo);
    // extended-join: account and real name; the others the classic JOIN.
    QTRY_VERIFY(modern->messages(QStringLiteral("JOIN")).size() >= 2);
    const IrcMessage extended = modern->last(QStringLiteral("JOIN"));
    QCOMPARE(extended.params(), (QStringList{"#lobby", "leo", "Real Name"}));
    QCOMPARE(extended.tag(QStringLiteral("account")), QStringLiteral("leo"));
    QTRY_VERIFY(plain->messages(QStringLiteral("JOIN")).size() >= 3);
    QCOMPARE(plain->last(QStringLiteral("JOIN")).params(), QStringList{"#lobby"});
    QVERIFY(plain->last(QStringLiteral("JOIN")).tags().isEmpty());
    // A guest joins as "*".
    QCOMPARE(modern->messages(QStringLiteral("JOIN")).first().params().value(1),
             QStringLiteral("*"));
    // account-tag on messages from a logged-in user only.
    leo->sendLine("PRIVMSG #lobby :hello");
    plain->sendLine("PRIVMSG #lobby :hi");
    QTRY_COMPARE(modern->count(QStringLiteral("PRIVMSG")), 2);
    const QList<IrcMessage> messages = modern->messages(QStringLiteral("PRIVMSG"));
    for (const IrcMessage& message : messages) {
        if (message.nick() == QLatin1String("leo"))
            QCOMPARE(message.tag(QStringLiteral("account")), QStringLiteral("leo"));
        else
            QVERIFY(!message.hasTag(QStringLiteral("account")));
    }
    QTRY_COMPARE(plain->count(QStringLiteral("PRIVMSG")), 1);
    QVERIFY(!plain->last(QStringLiteral("PRIVMSG")).hasTag(QStringLiteral("account")));
}

void tst_AccountCommands::whoAndWhois()
{
    QVERIFY(m_fixture.registerAccount(QStringLiteral("mia"), QStringLiteral("password1")));
    TestClient* mia =
        login(QStringLiteral("mia"), "sasl", QStringLiteral("mia"), QStringLiteral("password1"));
    TestClient* guest = login(QStringLiteral("ned"));
    QVERIFY(mia && guest);
    guest->sendLine("WHO #lobby");
    QTRY_VERIFY(guest->has(QStringLiteral("315")));
    for (const IrcMessage& reply : guest->messages(QStringLiteral("352"))) {
        const QString flags = reply.param(6);
        if (reply.param(5) == QLatin1String("mia"))
            QVERIFY2(flags.startsWith(QStringLiteral("Hr")), qPrintable(flags));
        else
            QVERIFY2(!flags.contains(u'r'), qPrintable(flags));
    }
    QCOMPARE(guest->messages(QStringLiteral("352")).size(), 2);
    guest->sendLine("WHOIS mia");
    QTRY_VERIFY(guest->has(QStringLiteral("318")));
    QCOMPARE(guest->last(QStringLiteral("330")).params().mid(1, 2), (QStringList{"mia", "mia"}));
    QVERIFY(!guest->has(QStringLiteral("671"))); // not over TLS
    guest->clear();
    guest->sendLine("WHOIS ned");
    QTRY_VERIFY(guest->has(QStringLiteral("318")));
    QVERIFY(!guest->has(QStringLiteral("330")));
}

void tst_AccountCommands::setName()
{
    TestClient* alice = login(QStringLiteral("alice"), "setname");
    TestClient* modern = login(QStringLiteral("modern"), "setname");
    TestClient* plain = login(QStringLiteral("plain"));
    QVERIFY(alice && modern && plain);
    alice->sendLine("SETNAME :Alice Liddell 小明");
    QTRY_VERIFY(alice->has(QStringLiteral("SETNAME")));
    QCOMPARE(alice->last(QStringLiteral("SETNAME")).param(0),
             QString::fromUtf8("Alice Liddell 小明"));
    QTRY_VERIFY(modern->has(QStringLiteral("SETNAME")));
    QCOMPARE(modern->last(QStringLiteral("SETNAME")).nick(), QStringLiteral("alice"));
    plain->sendLine("WHOIS alice");
    QTRY_VERIFY(plain->has(QStringLiteral("311")));
    QCOMPARE(plain->last(QStringLiteral("311")).param(5), QString::fromUtf8("Alice Liddell 小明"));
    QVERIFY(!plain->has(QStringLiteral("SETNAME")));
}

void tst_AccountCommands::setNameErrors()
{
    TestClient* alice = login(QStringLiteral("alice"), "setname");
    QVERIFY(alice);
    alice->sendLine("SETNAME :" + QByteArray(m_fixture.config().realNameLength + 1, 'x'));
    alice->sendLine("SETNAME :   ");
    QTRY_COMPARE(alice->count(QStringLiteral("FAIL")), 2);
    QCOMPARE(alice->last(QStringLiteral("FAIL")).params().mid(0, 2),
             (QStringList{"SETNAME", "INVALID_REALNAME"}));
    QVERIFY(!alice->has(QStringLiteral("SETNAME")));
}

void tst_AccountCommands::accountsFromCommandLineAreReserved()
{
    QVERIFY(!m_fixture.auth()->isReserved(QStringLiteral("olga")));
    {
        SqlAccountStore store(QStringLiteral("admin"));
        QVERIFY(store.open(m_fixture.config().dataDir + u'/' + Database::fileName()));
        store.create(QStringLiteral("Olga"), QStringLiteral("olga"),
                     ScramCredentials::derive(QStringLiteral("password1"), 4096), 1);
    }
    // Seen within the poll interval, without restarting.
    QTRY_VERIFY_WITH_TIMEOUT(m_fixture.auth()->isReserved(QStringLiteral("olga")),
                             AuthService::PollIntervalMs * 3);
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("olga"));
    QVERIFY(client);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("SCRAM-SHA-256"),
                                          QStringLiteral("olga"), QStringLiteral("password1")),
             QStringLiteral("903"));
    QCOMPARE(client->last(QStringLiteral("900")).param(2), QStringLiteral("Olga"));
    {
        SqlAccountStore store(QStringLiteral("admin"));
        QVERIFY(store.open(m_fixture.config().dataDir + u'/' + Database::fileName()));
        store.remove(QStringLiteral("olga"));
    }
    QTRY_VERIFY_WITH_TIMEOUT(!m_fixture.auth()->isReserved(QStringLiteral("olga")),
                             AuthService::PollIntervalMs * 3);
}

void tst_AccountCommands::noAccountsWithoutDataDirectory()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.dataDir.clear();
    QVERIFY(m_fixture.start(config));
    QVERIFY(!m_fixture.auth());
    TestClient* client = m_fixture.connect();
    client->sendLine("CAP LS 302");
    QTRY_VERIFY(client->has(QStringLiteral("CAP")));
    const QString caps = client->last(QStringLiteral("CAP")).param(2);
    QVERIFY(!caps.contains(QStringLiteral("sasl")));
    QVERIFY(!caps.contains(QStringLiteral("account-registration")));
    client->sendLine("CAP REQ :sasl");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 2);
    QCOMPARE(client->last(QStringLiteral("CAP")).param(1), QStringLiteral("NAK"));
    client->sendLine("NICK pat");
    client->sendLine("REGISTER * * password1");
    QTRY_VERIFY(client->has(QStringLiteral("FAIL")));
    QCOMPARE(client->last(QStringLiteral("FAIL")).param(1),
             QStringLiteral("TEMPORARILY_UNAVAILABLE"));
}

CONFAB_SERVER_TEST_MAIN(tst_AccountCommands)
#include "tst_accountcommands.moc"

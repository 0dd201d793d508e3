// Signing in and creating accounts through ServerConnection against an in-process confabd with
// accounts (127.0.0.1, port 0, a temporary data directory): SASL SCRAM-SHA-256 and PLAIN, the
// failures in their own words, draft/account-registration, and a server without accounts.
#include "auth/authservice.h"
#include "net/server.h"
#include "session/serverconnection.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_AccountLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signsInWithScram();
    void signsInAgainAfterReconnecting();
    void wrongPasswordIsReportedAndNotRetried();
    void repeatedFailuresAreThrottled();
    void createsAnAccountThenSignsInToIt();
    void existingAccountIsNotCreatedTwice();
    void weakPasswordIsRefused();
    void serverWithoutAccounts();
    void guestCannotTakeAnAccountsName();
    void secondDeviceSignsInUnderTheSameName();

private:
    ServerConfig config() const;
    void startServer(const ServerConfig& config);
    ServerConnection* newConnection(Registration::Mode mode, const QString& name,
                                    const QString& password);
    void createAccount(const QString& name, const QString& password);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Server> m_server;
    QList<ServerConnection*> m_connections;
};

void tst_AccountLogin::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    qRegisterMetaType<ServerConnection::Error>();
}

ServerConfig tst_AccountLogin::config() const
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    config.dataDir = m_dir->filePath(QStringLiteral("data"));
    config.scramIterations = 4096;
    config.loginFailureDelayMs = 10;
    return config;
}

void tst_AccountLogin::startServer(const ServerConfig& config)
{
    m_server = std::make_unique<Server>(config);
    if (!m_server->listen())
        qFatal("server does not listen: %s", qPrintable(m_server->errorString()));
}

void tst_AccountLogin::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    startServer(config());
}

void tst_AccountLogin::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    m_server.reset();
    m_dir.reset();
}

ServerConnection* tst_AccountLogin::newConnection(Registration::Mode mode, const QString& name,
                                                  const QString& password)
{
    auto* connection = new ServerConnection;
    m_connections.append(connection);
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(m_server->serverPort());
    connection->setDesiredNick(name);
    connection->setAccount(mode, name, password);
    connection->setReconnectDelays(50, 200);
    return connection;
}

void tst_AccountLogin::createAccount(const QString& name, const QString& password)
{
    bool done = false;
    m_server->authService()->registerAccount(name, password, this,
                                             [&done](AuthService::RegisterResult) { done = true; });
    QTRY_VERIFY(done);
}

void tst_AccountLogin::signsInWithScram()
{
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection* alice =
        newConnection(Registration::Mode::SignIn, QStringLiteral("alice"),
                      QStringLiteral("correct horse"));
    QSignalSpy loggedIn(alice, &ServerConnection::loggedIn);
    QSignalSpy registered(alice, &ServerConnection::registered);
    QSignalSpy errors(alice, &ServerConnection::errorOccurred);
    alice->connectToServer();
    QVERIFY(registered.wait(5000));
    QCOMPARE(loggedIn.size(), 1);
    QCOMPARE(loggedIn.first().first().toString(), QStringLiteral("alice"));
    QCOMPARE(alice->account(), QStringLiteral("alice"));
    QCOMPARE(alice->nick(), QStringLiteral("alice"));
    QVERIFY(alice->hasCapability(QStringLiteral("sasl")));
    QVERIFY(errors.isEmpty());
}

void tst_AccountLogin::signsInAgainAfterReconnecting()
{
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection* alice =
        newConnection(Registration::Mode::SignIn, QStringLiteral("alice"),
                      QStringLiteral("correct horse"));
    QSignalSpy registered(alice, &ServerConnection::registered);
    alice->connectToServer();
    QVERIFY(registered.wait(5000));

    // The server goes away and comes back on the same port and data directory.
    const quint16 port = m_server->serverPort();
    m_server.reset();
    QTRY_COMPARE(alice->state(), ServerConnection::State::Reconnecting);
    QVERIFY(alice->account().isEmpty());
    ServerConfig again = config();
    again.port = port;
    startServer(again);
    QTRY_COMPARE_WITH_TIMEOUT(registered.size(), 2, 10000);
    QCOMPARE(alice->account(), QStringLiteral("alice"));
    QCOMPARE(alice->nick(), QStringLiteral("alice"));
}

void tst_AccountLogin::wrongPasswordIsReportedAndNotRetried()
{
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection* alice = newConnection(Registration::Mode::SignIn, QStringLiteral("alice"),
                                            QStringLiteral("wrong"));
    QSignalSpy errors(alice, &ServerConnection::errorOccurred);
    QSignalSpy registered(alice, &ServerConnection::registered);
    alice->connectToServer();
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.first().first().value<ServerConnection::Error>(),
             ServerConnection::Error::WrongPassword);
    QCOMPARE(alice->state(), ServerConnection::State::Disconnected);
    QVERIFY(!alice->willRetry());
    QTest::qWait(300); // longer than the reconnect delay: nothing more happens
    QCOMPARE(errors.size(), 1);
    QVERIFY(registered.isEmpty());
    QVERIFY(alice->account().isEmpty());
}

void tst_AccountLogin::repeatedFailuresAreThrottled()
{
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection::Error last = ServerConnection::Error::WrongPassword;
    for (int attempt = 0; attempt < 20 && last == ServerConnection::Error::WrongPassword;
         ++attempt) {
        ServerConnection* alice = newConnection(Registration::Mode::SignIn,
                                                QStringLiteral("alice"), QStringLiteral("wrong"));
        QSignalSpy errors(alice, &ServerConnection::errorOccurred);
        alice->connectToServer();
        QVERIFY(errors.wait(5000));
        last = errors.first().first().value<ServerConnection::Error>();
    }
    QCOMPARE(last, ServerConnection::Error::SignInThrottled);
}

void tst_AccountLogin::createsAnAccountThenSignsInToIt()
{
    ServerConnection* bob = newConnection(Registration::Mode::CreateAccount,
                                          QStringLiteral("bob"), QStringLiteral("a long password"));
    QSignalSpy loggedIn(bob, &ServerConnection::loggedIn);
    QSignalSpy registered(bob, &ServerConnection::registered);
    bob->connectToServer();
    QVERIFY(registered.wait(5000));
    QCOMPARE(loggedIn.size(), 1);
    QCOMPARE(bob->account(), QStringLiteral("bob"));
    // Reconnections of this session sign in to the new account.
    QCOMPARE(bob->accountMode(), Registration::Mode::SignIn);
    bob->disconnectFromServer();

    ServerConnection* again = newConnection(Registration::Mode::SignIn, QStringLiteral("bob"),
                                            QStringLiteral("a long password"));
    QSignalSpy againRegistered(again, &ServerConnection::registered);
    again->connectToServer();
    QVERIFY(againRegistered.wait(5000));
    QCOMPARE(again->account(), QStringLiteral("bob"));
}

void tst_AccountLogin::existingAccountIsNotCreatedTwice()
{
    createAccount(QStringLiteral("bob"), QStringLiteral("a long password"));
    ServerConnection* other = newConnection(Registration::Mode::CreateAccount,
                                            QStringLiteral("bob"), QStringLiteral("another one!"));
    QSignalSpy errors(other, &ServerConnection::errorOccurred);
    other->connectToServer();
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.first().first().value<ServerConnection::Error>(),
             ServerConnection::Error::AccountExists);
    QCOMPARE(other->state(), ServerConnection::State::Disconnected);
}

void tst_AccountLogin::weakPasswordIsRefused()
{
    ServerConnection* bob =
        newConnection(Registration::Mode::CreateAccount, QStringLiteral("bob"), QStringLiteral("x"));
    QSignalSpy errors(bob, &ServerConnection::errorOccurred);
    bob->connectToServer();
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.first().first().value<ServerConnection::Error>(),
             ServerConnection::Error::WeakPassword);
    QVERIFY(!errors.first().at(1).toString().isEmpty()); // the server's rule, in its words
}

void tst_AccountLogin::serverWithoutAccounts()
{
    ServerConfig plain = config();
    plain.dataDir.clear(); // no account store: no sasl, no account-registration
    m_server.reset();
    startServer(plain);
    for (Registration::Mode mode : {Registration::Mode::SignIn, Registration::Mode::CreateAccount}) {
        ServerConnection* alice =
            newConnection(mode, QStringLiteral("alice"), QStringLiteral("correct horse"));
        QSignalSpy errors(alice, &ServerConnection::errorOccurred);
        alice->connectToServer();
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.first().first().value<ServerConnection::Error>(),
                 ServerConnection::Error::AccountsUnsupported);
    }
    // A guest is welcome.
    ServerConnection* guest = newConnection(Registration::Mode::Guest, QStringLiteral("guest"), {});
    QSignalSpy registered(guest, &ServerConnection::registered);
    guest->connectToServer();
    QVERIFY(registered.wait(5000));
    QVERIFY(guest->account().isEmpty());
}

void tst_AccountLogin::guestCannotTakeAnAccountsName()
{
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection* guest = newConnection(Registration::Mode::Guest, QStringLiteral("alice"), {});
    QSignalSpy rejected(guest, &ServerConnection::nameRejected);
    guest->connectToServer();
    QVERIFY(rejected.wait(5000));
    QVERIFY(rejected.first().at(2).toString().contains(QLatin1String("account")));
}

void tst_AccountLogin::secondDeviceSignsInUnderTheSameName()
{
    // The server says 433 for the name (the first device has it) before SASL tells it who the
    // second device is; the client goes on under a variant, and the welcome gives it the name.
    createAccount(QStringLiteral("alice"), QStringLiteral("correct horse"));
    ServerConnection* laptop = newConnection(Registration::Mode::SignIn, QStringLiteral("alice"),
                                             QStringLiteral("correct horse"));
    QSignalSpy laptopRegistered(laptop, &ServerConnection::registered);
    laptop->connectToServer();
    QVERIFY(laptopRegistered.wait(5000));
    ServerConnection* phone = newConnection(Registration::Mode::SignIn, QStringLiteral("alice"),
                                            QStringLiteral("correct horse"));
    QSignalSpy rejected(phone, &ServerConnection::nameRejected);
    QSignalSpy heldElsewhere(phone, &ServerConnection::nameHeldElsewhere);
    QSignalSpy registered(phone, &ServerConnection::registered);
    QSignalSpy errors(phone, &ServerConnection::errorOccurred);
    phone->connectToServer();
    QVERIFY(registered.wait(5000));
    QCOMPARE(heldElsewhere.size(), 1);
    QVERIFY(rejected.isEmpty());
    QVERIFY(errors.isEmpty());
    QCOMPARE(phone->nick(), QStringLiteral("alice"));
    QCOMPARE(phone->account(), QStringLiteral("alice"));
    QCOMPARE(laptop->nick(), QStringLiteral("alice"));
}

QTEST_GUILESS_MAIN(tst_AccountLogin)
#include "tst_accountlogin.moc"

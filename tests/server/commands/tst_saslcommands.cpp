// SASL over real sockets (IRCv3 sasl-3.1/3.2): PLAIN and SCRAM-SHA-256 with GNU SASL's client as
// the other side, the framing (chunks, "+", "*", limits), the numerics, throttling, and the
// password hashing that must not hold up other users.
#include "accountfixture.h"
#include "auth/sqlaccountstore.h"
#include "ircnumerics.h"
#include "net/tlscertificategenerator.h"
#include "servertestmain.h"
#include "storage/database.h"

#include <QDir>
#include <QFile>
#include <QSslKey>

#include <QElapsedTimer>

class tst_SaslCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capabilityValue();
    void loginWithMechanism_data();
    void loginWithMechanism();
    void wrongPassword_data();
    void wrongPassword();
    void unknownAccount();
    void alreadyAuthenticated();
    void unknownMechanism();
    void abort();
    void chunkTooLong();
    void responseTooLong();
    void malformedBase64();
    void chunkedResponse();
    void withoutCapability();
    void afterRegistration();
    void capEndAbortsExchange();
    void capEndBeforeTheAnswerToTheAccountsName();
    void throttledAfterFailures();
    void registrationTimeoutCoversSasl();
    void hashingDoesNotBlockOthers();
    void externalWithClientCertificate();
    void plainOverTls();
    void beforeNickAndUser();
    void authThreadYieldsToEventLoop();

private:
    AccountFixture m_fixture;
};

void tst_SaslCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.config()));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("alice"), QStringLiteral("wonderland")));
}

void tst_SaslCommands::cleanup()
{
    m_fixture.stop();
}

void tst_SaslCommands::capabilityValue()
{
    TestClient* client = m_fixture.connect();
    client->sendLine("CAP LS 302");
    QTRY_VERIFY(client->has(QStringLiteral("CAP")));
    const QStringList caps = client->last(QStringLiteral("CAP")).param(2).split(u' ');
    // From 127.0.0.1, without TLS: SCRAM and PLAIN (loopback), no EXTERNAL.
    QVERIFY2(caps.contains(QStringLiteral("sasl=SCRAM-SHA-256,PLAIN")),
             qPrintable(caps.join(u' ')));
    QVERIFY(caps.contains(QStringLiteral("draft/account-registration=before-connect")));
    client->sendLine("CAP LS");
    QTRY_COMPARE(client->count(QStringLiteral("CAP")), 2);
    QVERIFY(
        client->last(QStringLiteral("CAP")).param(2).split(u' ').contains(QStringLiteral("sasl")));
}

void tst_SaslCommands::loginWithMechanism_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::addColumn<QString>("account");
    QTest::newRow("PLAIN") << "PLAIN"
                           << "alice";
    QTest::newRow("SCRAM-SHA-256") << "SCRAM-SHA-256"
                                   << "alice";
    QTest::newRow("PLAIN, other case") << "PLAIN"
                                       << "ALICE";
    QTest::newRow("SCRAM-SHA-256, other case") << "SCRAM-SHA-256"
                                               << "Alice";
}

void tst_SaslCommands::loginWithMechanism()
{
    QFETCH(QString, mechanism);
    QFETCH(QString, account);
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    QCOMPARE(AccountFixture::authenticate(client, mechanism, account, QStringLiteral("wonderland")),
             QStringLiteral("903"));
    const IrcMessage loggedIn = client->last(QStringLiteral("900"));
    QCOMPARE(loggedIn.param(2), QStringLiteral("alice")); // the account as registered
    QVERIFY(loggedIn.param(1).startsWith(QStringLiteral("alice!")));
    QVERIFY(client->indexOf(QStringLiteral("900")) < client->indexOf(QStringLiteral("903")));
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QCOMPARE(client->last(QStringLiteral("001")).param(0), QStringLiteral("alice"));
    client->sendLine("WHOIS alice");
    QTRY_VERIFY(client->has(QStringLiteral("330")));
    QCOMPARE(client->last(QStringLiteral("330")).param(2), QStringLiteral("alice"));
}

void tst_SaslCommands::wrongPassword_data()
{
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("PLAIN") << "PLAIN";
    QTest::newRow("SCRAM-SHA-256") << "SCRAM-SHA-256";
}

void tst_SaslCommands::wrongPassword()
{
    QFETCH(QString, mechanism);
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(AccountFixture::authenticate(client, mechanism, QStringLiteral("alice"),
                                          QStringLiteral("looking-glass")),
             QStringLiteral("904"));
    // The failure is told after the configured delay, not at once.
    QVERIFY(timer.elapsed() >= m_fixture.config().loginFailureDelayMs);
    QVERIFY(!client->has(QStringLiteral("900")));
    // The form stays usable: the right password works next.
    QCOMPARE(AccountFixture::authenticate(client, mechanism, QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
}

void tst_SaslCommands::unknownAccount()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("nobody"));
    QVERIFY(client);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("SCRAM-SHA-256"),
                                          QStringLiteral("nobody"), QStringLiteral("whatever1")),
             QStringLiteral("904"));
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("nobody"),
                                          QStringLiteral("whatever1")),
             QStringLiteral("904"));
}

void tst_SaslCommands::alreadyAuthenticated()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("907")));
}

void tst_SaslCommands::unknownMechanism()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE DIGEST-MD5");
    QTRY_VERIFY(client->has(QStringLiteral("904")));
    QVERIFY(client->has(QStringLiteral("908")));
    QCOMPARE(client->last(QStringLiteral("908")).param(1), QStringLiteral("SCRAM-SHA-256,PLAIN"));
    QVERIFY(client->indexOf(QStringLiteral("908")) < client->indexOf(QStringLiteral("904")));
    // EXTERNAL is a real mechanism, but not without TLS.
    client->clear();
    client->sendLine("AUTHENTICATE EXTERNAL");
    QTRY_VERIFY(client->has(QStringLiteral("904")));
}

void tst_SaslCommands::abort()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    client->sendLine("AUTHENTICATE *");
    QTRY_VERIFY(client->has(QStringLiteral("906")));
    // A new exchange starts cleanly.
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
}

void tst_SaslCommands::chunkTooLong()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    client->sendLine("AUTHENTICATE " + QByteArray(401, 'A'));
    QTRY_VERIFY(client->has(QStringLiteral("905")));
    QVERIFY(!client->has(QStringLiteral("903")));
}

void tst_SaslCommands::responseTooLong()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    // 400-byte chunks without end: refused once past the limit, long before memory matters.
    for (int i = 0; i < 40 && !client->has(QStringLiteral("905")); ++i) {
        client->sendLine("AUTHENTICATE " + QByteArray(400, 'A'));
        QTest::qWait(5);
    }
    QTRY_VERIFY(client->has(QStringLiteral("905")));
}

void tst_SaslCommands::malformedBase64()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    client->sendLine("AUTHENTICATE @@@not-base64@@@");
    QTRY_VERIFY(client->has(QStringLiteral("904")));
    // A PLAIN message without its NUL separators is refused too.
    client->clear();
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    client->sendLine("AUTHENTICATE " + QByteArray("alice wonderland").toBase64());
    QTRY_VERIFY(client->has(QStringLiteral("904")));
    QVERIFY(!client->has(QStringLiteral("903")));
}

void tst_SaslCommands::chunkedResponse()
{
    // A PLAIN response whose base64 is exactly 400 bytes: one chunk, then "+".
    const QString password = QString(300 - 8, u'p'); // "\0padded\0" + password = 300 bytes
    QVERIFY(m_fixture.registerAccount(QStringLiteral("padded"), password));
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("padded"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    const QByteArray response = QByteArray("\0padded\0", 8) + password.toUtf8();
    QCOMPARE(response.toBase64().size(), 400);
    AccountFixture::sendResponse(client, response);
    QTRY_VERIFY(client->has(QStringLiteral("903")));
}

void tst_SaslCommands::withoutCapability()
{
    TestClient* client = m_fixture.connect();
    client->sendLine("NICK alice");
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("904")));
    QVERIFY(!client->has(QStringLiteral("AUTHENTICATE")));
}

void tst_SaslCommands::afterRegistration()
{
    // sasl-3.2: a registered guest may log in; those sharing a channel with account-notify hear.
    TestClient* watcher = m_fixture.connectNegotiating(QStringLiteral("watcher"), "account-notify");
    QVERIFY(watcher);
    watcher->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(watcher));
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("carol"));
    QVERIFY(client);
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QTRY_VERIFY(watcher->has(QStringLiteral("JOIN")));
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
    QTRY_VERIFY(watcher->has(QStringLiteral("ACCOUNT")));
    QCOMPARE(watcher->last(QStringLiteral("ACCOUNT")).param(0), QStringLiteral("alice"));
    QCOMPARE(watcher->last(QStringLiteral("ACCOUNT")).nick(), QStringLiteral("carol"));
}

void tst_SaslCommands::capEndAbortsExchange()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("guest7"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QVERIFY(client->has(QStringLiteral("906")));
    QVERIFY(client->indexOf(QStringLiteral("906")) < client->indexOf(QStringLiteral("001")));
}

// CAP END right behind the credentials, under the account's own name: registration is held for
// the name until the login answers, and then completes as the account.
void tst_SaslCommands::capEndBeforeTheAnswerToTheAccountsName()
{
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    AccountFixture::sendResponse(client, QByteArrayLiteral("alice\0alice\0wonderland"));
    client->sendLine("CAP END");
    QTRY_VERIFY_WITH_TIMEOUT(client->has(QStringLiteral("903")), 20000);
    QVERIFY(m_fixture.waitForWelcome(client));
    QCOMPARE(client->last(QStringLiteral("001")).param(0), QStringLiteral("alice"));
    QVERIFY(!client->has(QStringLiteral("906")));
}

void tst_SaslCommands::throttledAfterFailures()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.loginFailureLimit = 3;
    config.loginFailureWindowSecs = 2;
    QVERIFY(m_fixture.start(config));
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"));
    QVERIFY(client);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"),
                                              QStringLiteral("alice"), QStringLiteral("bad-guess")),
                 QStringLiteral("904"));
    }
    // Now even the right password is refused, with a reason, for the window.
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("904"));
    QVERIFY(client->last(QStringLiteral("904")).param(1).contains(QStringLiteral("too many")));
    // Another address is throttled per account too: from the same machine this is the same
    // address, so only the window's end helps. No lock-out beyond it.
    QTest::qWait(2100);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("SCRAM-SHA-256"),
                                          QStringLiteral("alice"), QStringLiteral("wonderland")),
             QStringLiteral("903"));
}

void tst_SaslCommands::registrationTimeoutCoversSasl()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.registrationTimeoutMs = 300;
    QVERIFY(m_fixture.start(config));
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("slow"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    // ...and never finishes.
    QTRY_VERIFY_WITH_TIMEOUT(client->isDisconnected(), 5000);
    QVERIFY(client->has(QStringLiteral("ERROR")));
}

// PBKDF2 for a PLAIN login takes a long time at a high iteration count; meanwhile others are
// served: a PING from another client is answered before the login completes.
void tst_SaslCommands::hashingDoesNotBlockOthers()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.scramIterations = 3000000; // about a second of PBKDF2 here
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("slowpoke"), QStringLiteral("patience")));
    TestClient* other = m_fixture.connectNegotiating(QStringLiteral("other"), "server-time");
    QVERIFY(other);
    other->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(other));
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("slowpoke"));
    QVERIFY(client);
    client->sendLine("AUTHENTICATE PLAIN");
    QTRY_VERIFY(client->has(QStringLiteral("AUTHENTICATE")));
    AccountFixture::sendResponse(client, QByteArray("\0slowpoke\0patience", 18));
    QTest::qWait(50); // the response has reached the server and the hashing has begun
    other->sendLine("PING :still-there");
    QTRY_VERIFY(other->has(QStringLiteral("PONG")));
    QVERIFY2(!client->has(QStringLiteral("903")),
             "the login finished before the PING was answered");
    QTRY_VERIFY_WITH_TIMEOUT(client->has(QStringLiteral("903")), 20000);
}

// SASL EXTERNAL: a TLS client certificate registered to an account (confabd account cert-add)
// logs in to it; an unregistered one, or one presented for another account, does not.
void tst_SaslCommands::externalWithClientCertificate()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.tlsEnabled = true;
    config.tlsPort = 0;
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("bob"), QStringLiteral("builder1")));

    TlsCertificateGenerator generator(QStringLiteral("alice.client.example"));
    QVERIFY(generator.generate());
    const QSslCertificate certificate(generator.certificatePem(), QSsl::Pem);
    QSslConfiguration withCertificate = QSslConfiguration::defaultConfiguration();
    withCertificate.setLocalCertificate(certificate);
    withCertificate.setPrivateKey(
        QSslKey(generator.privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));

    // Not registered yet: refused.
    TestClient* early = m_fixture.connectNegotiating(QStringLiteral("alice"), "sasl",
                                                     m_fixture.connectTls(withCertificate));
    QVERIFY(early);
    QCOMPARE(AccountFixture::authenticate(early, QStringLiteral("EXTERNAL"), QString(), QString()),
             QStringLiteral("904"));

    {
        SqlAccountStore store(QStringLiteral("admin"));
        QVERIFY(store.open(config.dataDir + u'/' + Database::fileName()));
        QCOMPARE(store.addCertificate(
                     QStringLiteral("alice"),
                     QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()),
                     1),
                 AccountStore::Result::Ok);
    }
    TestClient* client = m_fixture.connectNegotiating(QStringLiteral("alice"), "sasl",
                                                      m_fixture.connectTls(withCertificate));
    QVERIFY(client);
    QVERIFY(client->lines().join('\n').contains("sasl=SCRAM-SHA-256,PLAIN,EXTERNAL"));
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("EXTERNAL"), QString(), QString()),
             QStringLiteral("903"));
    QCOMPARE(client->last(QStringLiteral("900")).param(2), QStringLiteral("alice"));
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    client->sendLine("WHOIS alice");
    QTRY_VERIFY(client->has(QStringLiteral("318")));
    QVERIFY(client->has(QStringLiteral("671"))); // secure connection
    QCOMPARE(client->last(QStringLiteral("330")).param(2), QStringLiteral("alice"));

    // The certificate is alice's, not bob's: asking for bob (authzid) fails.
    TestClient* impostor = m_fixture.connectNegotiating(QStringLiteral("mallory"), "sasl",
                                                        m_fixture.connectTls(withCertificate));
    QVERIFY(impostor);
    impostor->sendLine("AUTHENTICATE EXTERNAL");
    QTRY_VERIFY(impostor->has(QStringLiteral("AUTHENTICATE")));
    impostor->sendLine("AUTHENTICATE " + QByteArray("bob").toBase64());
    QTRY_VERIFY(impostor->has(QStringLiteral("904")));
    QVERIFY(!impostor->has(QStringLiteral("900")));

    // Without a certificate, nothing to check.
    TestClient* anonymous =
        m_fixture.connectNegotiating(QStringLiteral("anon"), "sasl", m_fixture.connectTls());
    QVERIFY(anonymous);
    QCOMPARE(
        AccountFixture::authenticate(anonymous, QStringLiteral("EXTERNAL"), QString(), QString()),
        QStringLiteral("904"));
}

// Over TLS every mechanism is offered, PLAIN included.
void tst_SaslCommands::plainOverTls()
{
    m_fixture.stop();
    ServerConfig config = m_fixture.config();
    config.tlsEnabled = true;
    config.tlsPort = 0;
    QVERIFY(m_fixture.start(config));
    TestClient* client =
        m_fixture.connectNegotiating(QStringLiteral("alice"), "sasl", m_fixture.connectTls());
    QVERIFY(client);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("SCRAM-SHA-256"),
                                          QStringLiteral("alice"), QStringLiteral("wonderland")),
             QStringLiteral("907"));
}

// Some clients (irssi) authenticate before NICK and USER: the 900's source has "*" for them.
void tst_SaslCommands::beforeNickAndUser()
{
    TestClient* client = m_fixture.connect();
    client->sendLine("CAP LS 302");
    client->sendLine("CAP REQ :sasl");
    QTRY_VERIFY(client->count(QStringLiteral("CAP")) == 2);
    QCOMPARE(AccountFixture::authenticate(client, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          QStringLiteral("wonderland")),
             QStringLiteral("903"));
    QCOMPARE(client->last(QStringLiteral("900")).param(0), QStringLiteral("*"));
    QCOMPARE(client->last(QStringLiteral("900")).param(1), QStringLiteral("*!*@127.0.0.1"));
    client->sendLine("NICK alice");
    client->sendLine("USER a 0 * :Alice");
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QCOMPARE(client->last(QStringLiteral("001")).param(0), QStringLiteral("alice"));
}

// The auth worker thread (hashing) runs at a lower priority than the event loop: nice 10.
void tst_SaslCommands::authThreadYieldsToEventLoop()
{
#ifdef Q_OS_LINUX
    int found = 0;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString& tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "confabd-auth")
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        QVERIFY(stat.open(QIODevice::ReadOnly));
        // Fields after the command name (in parentheses): state is field 3, nice field 19.
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        QCOMPARE(fields.value(19 - 3).toInt(), 10);
        ++found;
    }
    QCOMPARE(found, 1);
#else
    QSKIP("thread priorities are set on Linux only");
#endif
}

CONFAB_SERVER_TEST_MAIN(tst_SaslCommands)
#include "tst_saslcommands.moc"

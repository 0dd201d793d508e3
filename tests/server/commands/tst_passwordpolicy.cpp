// Passwords over plain text from another machine: PLAIN, REGISTER and OPER are refused there unless
// --allow-plaintext-passwords; SCRAM-SHA-256 is offered everywhere. The core with a real account
// service, connections faked so that they can come from another address.
#include "auth/authservice.h"
#include "core/servercore.h"
#include "net/clientconnection.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

class FakeConnection : public ClientConnection
{
public:
    void send(const IrcMessage& message) override { sendWire(message.toWire()); }
    void sendWire(const QByteArray& wire) override
    {
        if (const std::optional<IrcMessage> m = IrcMessage::parse(wire.chopped(2)))
            received.append(*m);
    }
    void close(const QString&) override { closed = true; }
    void setRegistered() override {}

    bool has(const QString& command) const
    {
        return std::any_of(received.cbegin(), received.cend(),
                           [&](const IrcMessage& m) { return m.command() == command; });
    }
    IrcMessage last(const QString& command) const
    {
        for (auto it = received.crbegin(); it != received.crend(); ++it) {
            if (it->command() == command)
                return *it;
        }
        return IrcMessage();
    }

    QList<IrcMessage> received;
    bool closed = false;
};

} // namespace

class tst_PasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void mechanismsByConnection_data();
    void mechanismsByConnection();
    void plainRefusedOffLoopback();
    void registerRefusedOffLoopback();
    void operRefusedOffLoopback();

private:
    void start(bool allowPlaintext);
    FakeConnection* connect(bool secure, bool loopback);
    void feed(FakeConnection* connection, const QByteArray& line);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<ServerCore> m_core;
    std::vector<std::unique_ptr<FakeConnection>> m_connections;
};

void tst_PasswordPolicy::start(bool allowPlaintext)
{
    m_core.reset();
    m_auth.reset();
    m_connections.clear();
    m_dir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.dataDir = m_dir->path();
    config.scramIterations = 4096;
    config.allowPlaintextPasswords = allowPlaintext;
    m_auth = std::make_unique<AuthService>(config);
    QString error;
    QVERIFY2(m_auth->start(&error), qPrintable(error));
    m_core = std::make_unique<ServerCore>(config);
    m_core->setAuthService(m_auth.get());
}

FakeConnection* tst_PasswordPolicy::connect(bool secure, bool loopback)
{
    m_connections.push_back(std::make_unique<FakeConnection>());
    ConnectionInfo info;
    info.host = loopback ? QStringLiteral("127.0.0.1") : QStringLiteral("192.0.2.7");
    info.secure = secure;
    info.loopback = loopback;
    m_core->addConnection(m_connections.back().get(), info);
    return m_connections.back().get();
}

void tst_PasswordPolicy::feed(FakeConnection* connection, const QByteArray& line)
{
    m_core->handleMessage(connection, *IrcMessage::parse(line));
}

void tst_PasswordPolicy::mechanismsByConnection_data()
{
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("loopback");
    QTest::addColumn<bool>("allow");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain, other machine") << false << false << false << "sasl=SCRAM-SHA-256";
    QTest::newRow("plain, other machine, allowed")
        << false << false << true << "sasl=SCRAM-SHA-256,PLAIN";
    QTest::newRow("plain, loopback") << false << true << false << "sasl=SCRAM-SHA-256,PLAIN";
    QTest::newRow("tls") << true << false << false << "sasl=SCRAM-SHA-256,PLAIN,EXTERNAL";
}

void tst_PasswordPolicy::mechanismsByConnection()
{
    QFETCH(bool, secure);
    QFETCH(bool, loopback);
    QFETCH(bool, allow);
    QFETCH(QString, expected);
    start(allow);
    FakeConnection* connection = connect(secure, loopback);
    feed(connection, "CAP LS 302");
    QVERIFY(connection->last(QStringLiteral("CAP")).param(2).split(u' ').contains(expected));
}

void tst_PasswordPolicy::plainRefusedOffLoopback()
{
    start(false);
    FakeConnection* connection = connect(false, false);
    feed(connection, "CAP REQ :sasl");
    feed(connection, "AUTHENTICATE PLAIN");
    QVERIFY(connection->has(QStringLiteral("908")));
    QVERIFY(connection->has(QStringLiteral("904")));
    QVERIFY(!connection->has(QStringLiteral("AUTHENTICATE")));
    // SCRAM is offered there.
    feed(connection, "AUTHENTICATE SCRAM-SHA-256");
    QVERIFY(connection->has(QStringLiteral("AUTHENTICATE")));
}

void tst_PasswordPolicy::registerRefusedOffLoopback()
{
    start(false);
    FakeConnection* connection = connect(false, false);
    feed(connection, "NICK quinn");
    feed(connection, "REGISTER * * password1");
    QCOMPARE(connection->last(QStringLiteral("FAIL")).param(1),
             QStringLiteral("TEMPORARILY_UNAVAILABLE"));
    QVERIFY(connection->last(QStringLiteral("FAIL")).param(3).contains(QStringLiteral("TLS")));
    // Over TLS the same registration goes through.
    FakeConnection* secure = connect(true, false);
    feed(secure, "NICK rita");
    feed(secure, "REGISTER * * password1");
    QTRY_VERIFY(secure->has(QStringLiteral("REGISTER")));
    QVERIFY(m_auth->isReserved(QStringLiteral("rita")));
}

void tst_PasswordPolicy::operRefusedOffLoopback()
{
    start(false);
    FakeConnection* connection = connect(false, false);
    feed(connection, "NICK oscar");
    feed(connection, "USER o 0 * :Oscar");
    QVERIFY(connection->has(QStringLiteral("001")));
    feed(connection, "OPER admin :some password");
    QCOMPARE(connection->last(QStringLiteral("FAIL")).params().mid(0, 2),
             (QStringList{QStringLiteral("OPER"), QStringLiteral("NEED_TLS")}));
    QVERIFY(!connection->has(QStringLiteral("491"))); // refused before any block is looked at
    // Over TLS the same OPER is tried (and fails: there is no such block).
    FakeConnection* secure = connect(true, false);
    feed(secure, "NICK tess");
    feed(secure, "USER t 0 * :Tess");
    feed(secure, "OPER admin :some password");
    QVERIFY(secure->has(QStringLiteral("491")));
    QVERIFY(!secure->has(QStringLiteral("FAIL")));
    // Allowed by the configuration: tried from anywhere.
    start(true);
    FakeConnection* allowed = connect(false, false);
    feed(allowed, "NICK uma");
    feed(allowed, "USER u 0 * :Uma");
    feed(allowed, "OPER admin :some password");
    QVERIFY(allowed->has(QStringLiteral("491")));
}

QTEST_GUILESS_MAIN(tst_PasswordPolicy)
#include "tst_passwordpolicy.moc"

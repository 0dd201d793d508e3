// The chat the app hosts (EmbeddedChatHost, HostedServer) and the host's login to it
// (HostedLogin), for real: confabd's server on its own thread in a temporary data directory,
// on loopback ports next to ones a test holds, a second person as a plain IRC client, and the
// host's ServerConnection signing in over TLS with the certificate the app pinned for it.
#include "hosting/embeddedchathost.h"
#include "hosting/hostedserver.h"
#include "connection/certificatepins.h"
#include "files/filesharing.h"
#include "session/hostedlogin.h"
#include "session/serverconnection.h"
#include "testclient.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_EmbeddedChatHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startsOnTheNextFreePortAndTheHostSignsIn();
    void endsTheChatForEveryoneWhenStopped();
    void keepsTheCertificateAndMakesANewPasswordEachRun();
    void refusesADataDirectoryInUse();
    void saysWhenNoPortIsFree();
    void refusesANameThatIsNoNick();
    void goingAwayWhileRunningClosesEveryConnection();
    void firstFreePortSkipsTakenPorts();

private:
    HostingOptions options() const;
    // A free loopback port, held by a listener the test keeps until cleanup.
    quint16 holdPort();
    std::unique_ptr<EmbeddedChatHost> startHost(const QString& name,
                                                const HostingOptions& options);
    std::unique_ptr<ServerConnection> signIn(const HostedChat& chat, const QString& password);

    std::unique_ptr<QTemporaryDir> m_dir;
    QList<QTcpServer*> m_held;
};

void tst_EmbeddedChatHost::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_embeddedchathost"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    qRegisterMetaType<ServerConnection::Error>();
    qRegisterMetaType<ChatHost::State>();
}

void tst_EmbeddedChatHost::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_EmbeddedChatHost::cleanup()
{
    qDeleteAll(m_held);
    m_held.clear();
    m_dir.reset();
}

HostingOptions tst_EmbeddedChatHost::options() const
{
    HostingOptions options;
    options.dataDir = m_dir->filePath(QStringLiteral("server"));
    options.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.announce = false;
    options.filesPort = 0;
    options.scramIterations = 4096;
    options.stopTimeoutMs = 2000;
    return options;
}

quint16 tst_EmbeddedChatHost::holdPort()
{
    auto* listener = new QTcpServer;
    if (!listener->listen(QHostAddress::LocalHost, 0))
        qFatal("no free port");
    m_held.append(listener);
    return listener->serverPort();
}

std::unique_ptr<EmbeddedChatHost> tst_EmbeddedChatHost::startHost(const QString& name,
                                                                  const HostingOptions& options)
{
    auto host = std::make_unique<EmbeddedChatHost>(options);
    QSignalSpy started(host.get(), &ChatHost::started);
    QSignalSpy failed(host.get(), &ChatHost::failed);
    host->start(name);
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, 20000) ||
        !failed.isEmpty())
        qWarning("the chat did not start: %s",
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
    return host;
}

std::unique_ptr<ServerConnection> tst_EmbeddedChatHost::signIn(const HostedChat& chat,
                                                               const QString& password)
{
    auto connection = std::make_unique<ServerConnection>();
    CertificatePins().setPin(HostedChat::host(), chat.tlsPort, chat.fingerprint);
    connection->setHost(HostedChat::host());
    connection->setPort(chat.tlsPort);
    connection->setTls(true);
    connection->setDesiredNick(chat.account);
    connection->setAccount(Registration::Mode::SignIn, chat.account, password);
    connection->setAutoReconnect(false);
    connection->connectToServer();
    return connection;
}

void tst_EmbeddedChatHost::startsOnTheNextFreePortAndTheHostSignsIn()
{
    HostingOptions options = this->options();
    options.port = holdPort(); // as if a confabd ran here already
    options.tlsPort = holdPort();
    options.announceName = QStringLiteral("Alice's chat");
    EmbeddedChatHost host(options);
    QSignalSpy states(&host, &ChatHost::stateChanged);
    ServerConnection connection;
    connection.setAutoReconnect(false);
    HostedLogin login(&host, &connection);
    QSignalSpy progress(&login, &HostedLogin::progress);
    QSignalSpy registered(&connection, &ServerConnection::registered);
    QSignalSpy needsTrust(&connection, &ServerConnection::certificateNeedsTrust);
    QSignalSpy errors(&connection, &ServerConnection::errorOccurred);

    login.begin(QStringLiteral("alice"), QStringLiteral("Alice Liddell"));
    QVERIFY(login.isActive());
    QCOMPARE(host.state(), ChatHost::State::Starting);
    QVERIFY2(registered.wait(20000), errors.isEmpty()
                                         ? "no login"
                                         : qPrintable(errors.first().at(1).toString()));
    QVERIFY(!login.isActive());
    QCOMPARE(host.state(), ChatHost::State::Running);
    QCOMPARE(states.size(), 2); // Starting, Running
    const HostedChat chat = host.chat();
    QVERIFY2(chat.port > options.port && chat.port < options.port + options.portTries,
             qPrintable(QString::number(chat.port)));
    QVERIFY(chat.tlsPort > options.tlsPort && chat.tlsPort < options.tlsPort + options.portTries);
    QCOMPARE(chat.name, QStringLiteral("Alice's chat"));
    QCOMPARE(chat.account, QStringLiteral("alice"));
    QVERIFY(chat.password.size() >= 32);
    // Signed in to the account over TLS, with no question about the certificate.
    QCOMPARE(connection.account(), QStringLiteral("alice"));
    QCOMPARE(connection.nick(), QStringLiteral("alice"));
    QCOMPARE(connection.port(), chat.tlsPort);
    QVERIFY(connection.isEncrypted());
    QCOMPARE(needsTrust.size(), 0);
    QCOMPARE(progress.size(), 2); // starting, logging in
    QVERIFY(HostedLogin::isConnectedToHost(&host, &connection));
    QTRY_COMPARE(host.connectionCount(), 1);

    // The account is the host's: nobody else gets the name.
    TestClient guest;
    guest.connectToServer(chat.port);
    guest.registerUser(QStringLiteral("alice"));
    QTRY_VERIFY(guest.has(QStringLiteral("433")));

    // Files and pictures are hosted too, on their own port.
    guest.sendLine("NICK guest");
    QTRY_VERIFY(guest.has(QStringLiteral("005")));
    QString fileHost;
    for (const IrcMessage& message : guest.messages(QStringLiteral("005"))) {
        for (const QString& param : message.params()) {
            if (param.startsWith(QLatin1String("soju.im/FILEHOST=https://127.0.0.1:")))
                fileHost = param;
        }
    }
    QVERIFY2(fileHost.endsWith(QLatin1String("/upload")), qPrintable(fileHost));

    // And the host sends them with this run's password, trusting the certificate the app made.
    FileSharing sharing(&connection);
    QVERIFY2(sharing.canSend(), qPrintable(sharing.unavailableReason()));
    QFile file(m_dir->filePath(QStringLiteral("shared.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("for everyone") == 12);
    file.close();
    QSignalSpy sent(&sharing, &FileSharing::uploadFinished);
    QSignalSpy failed(&sharing, &FileSharing::uploadFailed);
    sharing.sendFile(QStringLiteral("#lobby"), file.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(sent.size() + failed.size(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QVERIFY(sent.first().at(1).toUrl().path().endsWith(QLatin1String("/shared.txt")));
}

void tst_EmbeddedChatHost::endsTheChatForEveryoneWhenStopped()
{
    std::unique_ptr<EmbeddedChatHost> host = startHost(QStringLiteral("alice"), options());
    QVERIFY(host->isRunning());
    const HostedChat chat = host->chat();
    QSignalSpy counts(host.get(), &ChatHost::connectionCountChanged);
    TestClient bob;
    bob.connectToServer(chat.port);
    bob.registerUser(QStringLiteral("bob"));
    QTRY_VERIFY(bob.has(QStringLiteral("001")));
    QTRY_COMPARE(host->connectionCount(), 1);
    QVERIFY(!counts.isEmpty());

    QSignalSpy stopped(host.get(), &ChatHost::stopped);
    host->stop();
    QCOMPARE(host->state(), ChatHost::State::Stopping);
    QVERIFY(stopped.wait(10000));
    QCOMPARE(host->state(), ChatHost::State::Stopped);
    QCOMPARE(host->connectionCount(), 0);
    QTRY_VERIFY(bob.isDisconnected());
    QVERIFY2(bob.last(QStringLiteral("ERROR")).params().value(0).contains(
                 QLatin1String("The host ended the chat")),
             bob.lines().isEmpty() ? "" : bob.lines().constLast().constData());
    // The ports are free again.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, chat.port));
}

void tst_EmbeddedChatHost::keepsTheCertificateAndMakesANewPasswordEachRun()
{
    std::unique_ptr<EmbeddedChatHost> host = startHost(QStringLiteral("alice"), options());
    QVERIFY(host->isRunning());
    const HostedChat first = host->chat();
    QSignalSpy stopped(host.get(), &ChatHost::stopped);
    host->stop();
    QVERIFY(stopped.wait(10000));

    QSignalSpy started(host.get(), &ChatHost::started);
    host->start(QStringLiteral("alice"));
    QVERIFY(started.wait(20000));
    const HostedChat second = host->chat();
    QCOMPARE(second.fingerprint, first.fingerprint); // people's pins stay right
    QVERIFY(second.password != first.password);

    std::unique_ptr<ServerConnection> old = signIn(second, first.password);
    QSignalSpy oldErrors(old.get(), &ServerConnection::errorOccurred);
    QVERIFY(oldErrors.wait(10000));
    QCOMPARE(oldErrors.first().first().value<ServerConnection::Error>(),
             ServerConnection::Error::WrongPassword);
    std::unique_ptr<ServerConnection> current = signIn(second, second.password);
    QSignalSpy registered(current.get(), &ServerConnection::registered);
    QVERIFY(registered.wait(10000));
    QCOMPARE(current->account(), QStringLiteral("alice"));
}

void tst_EmbeddedChatHost::refusesADataDirectoryInUse()
{
    std::unique_ptr<EmbeddedChatHost> first = startHost(QStringLiteral("alice"), options());
    QVERIFY(first->isRunning());
    EmbeddedChatHost second(options());
    QSignalSpy failed(&second, &ChatHost::failed);
    second.start(QStringLiteral("carol"));
    QVERIFY(failed.wait(20000));
    QVERIFY2(failed.first().first().toString().contains(QString::number(
                 QCoreApplication::applicationPid())),
             qPrintable(failed.first().first().toString())); // names who holds it
    QCOMPARE(second.state(), ChatHost::State::Stopped);
    QVERIFY(first->isRunning());
}

void tst_EmbeddedChatHost::saysWhenNoPortIsFree()
{
    HostingOptions options = this->options();
    options.port = holdPort();
    options.portTries = 1;
    EmbeddedChatHost host(options);
    QSignalSpy failed(&host, &ChatHost::failed);
    host.start(QStringLiteral("alice"));
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().first().toString(),
             QStringLiteral("No free port from %1 to %1 for the chat server.").arg(options.port));
    QCOMPARE(host.state(), ChatHost::State::Stopped);
}

void tst_EmbeddedChatHost::refusesANameThatIsNoNick()
{
    EmbeddedChatHost host(options());
    QSignalSpy failed(&host, &ChatHost::failed);
    QSignalSpy states(&host, &ChatHost::stateChanged);
    host.start(QStringLiteral("9 lives"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().first().toString().contains(QLatin1String("9 lives")));
    QCOMPARE(states.size(), 0);
    QCOMPARE(host.state(), ChatHost::State::Stopped);
}

void tst_EmbeddedChatHost::goingAwayWhileRunningClosesEveryConnection()
{
    std::unique_ptr<EmbeddedChatHost> host = startHost(QStringLiteral("alice"), options());
    QVERIFY(host->isRunning());
    TestClient bob;
    bob.connectToServer(host->chat().port);
    bob.registerUser(QStringLiteral("bob"));
    QTRY_VERIFY(bob.has(QStringLiteral("001")));
    host.reset();
    QTRY_VERIFY(bob.isDisconnected());
}

void tst_EmbeddedChatHost::firstFreePortSkipsTakenPorts()
{
    const QList<QHostAddress> loopback{QHostAddress(QHostAddress::LocalHost)};
    const quint16 held = holdPort();
    const quint16 found = HostedServer::firstFreePort(loopback, held, 10);
    QVERIFY(found > held);
    QVERIFY(HostedServer::firstFreePort(loopback, held, 10, {found}) != found);
    QCOMPARE(HostedServer::firstFreePort(loopback, held, 1), quint16(0));
}

QTEST_MAIN(tst_EmbeddedChatHost)
#include "tst_embeddedchathost.moc"

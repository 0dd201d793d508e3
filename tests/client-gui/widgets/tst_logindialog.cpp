// The login dialog against an in-process confabd on 127.0.0.1 (port 0): real widgets, found by
// objectName, driven with key clicks and mouse clicks.
#include "auth/authservice.h"
#include "ircnumerics.h"
#include "models/roomlistmodel.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/serverconnection.h"
#include "storage/serverprofiles.h"
#include "widgets/logindialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_LoginDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void logsInThroughTheDialog();
    void typingStartsWhereSomethingIsMissing();
    void validatesNickWhileTyping_data();
    void validatesNickWhileTyping();
    void nameInUseThenAnotherNameOnSameConnection();
    void nameInUseWaitsForTheUser();
    void refusedIsShownAndRetryWorks();
    void severalServersFirstAnsweringIsUsed();
    void noneOfSeveralServersAnswering();
    void notAnAddressIsPointedOut();
    void timeoutIsShown();
    void unknownHostIsShown();
    void badPasswordIsShown();
    void cancelStopsConnecting();
    void createsAnAccount();
    void signsInAndWrongPasswordKeepsTheForm();
    void guestIsToldANameBelongsToAnAccount();
    void recentLoginsFillTheForm();
    void tlsIsTheDefaultAndFlipsTheDefaultPort();
    void tlsChoiceIsRemembered();
    void saysWhenLanServersCannotBeListed();

private:
    std::unique_ptr<Server> startServer(const QString& password = {});
    // A server with accounts (a temporary data directory), instead of m_server.
    void startAccountServer();
    void createAccount(const QString& name, const QString& password);
    void chooseMode(Registration::Mode mode);
    void fill(const QString& host, quint16 port, const QString& nick, const QString& password = {});
    void clickConnect();
    template <typename T> T* child(const char* name) const
    {
        T* widget = m_dialog->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<LoginDialog> m_dialog;
    QList<ServerConnection*> m_others;
};

void tst_LoginDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logindialog"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false"));
    QSettings().clear();
    QSettings().setValue(SettingsKeys::Tls, false); // these tests use confabd's plain port
}

std::unique_ptr<Server> tst_LoginDialog::startServer(const QString& password)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    config.password = password;
    auto server = std::make_unique<Server>(config);
    if (!server->listen())
        qFatal("server does not listen: %s", qPrintable(server->errorString()));
    return server;
}

void tst_LoginDialog::startAccountServer()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    config.dataDir = m_dataDir->filePath(QStringLiteral("data"));
    config.scramIterations = 4096;
    config.loginFailureDelayMs = 10;
    m_server = std::make_unique<Server>(config);
    if (!m_server->listen())
        qFatal("server does not listen: %s", qPrintable(m_server->errorString()));
}

void tst_LoginDialog::createAccount(const QString& name, const QString& password)
{
    bool done = false;
    m_server->authService()->registerAccount(name, password, this,
                                             [&done](AuthService::RegisterResult) { done = true; });
    QTRY_VERIFY(done);
}

void tst_LoginDialog::chooseMode(Registration::Mode mode)
{
    auto* tabs = child<QTabBar>("modeTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabData(i).value<Registration::Mode>() == mode)
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(i).center());
    }
    QCOMPARE(m_dialog->mode(), mode);
}

void tst_LoginDialog::init()
{
    m_server = startServer();
    m_controller = std::make_unique<ChatController>();
    m_dialog = std::make_unique<LoginDialog>(m_controller->connection());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

void tst_LoginDialog::typingStartsWhereSomethingIsMissing()
{
    // First start, and no login name to suggest: the cursor waits in the name field.
    QSettings().remove(SettingsKeys::Nick);
    QSettings().remove(QStringLiteral("servers"));
    const QByteArray user = qgetenv("USER");
    const QByteArray logName = qgetenv("LOGNAME");
    qunsetenv("USER");
    qunsetenv("LOGNAME");
    m_dialog->prefill();
    qputenv("USER", user);
    qputenv("LOGNAME", logName);
    auto* nickEdit = child<QLineEdit>("nickEdit");
    QVERIFY(nickEdit->text().isEmpty());
    QTRY_COMPARE(QApplication::focusWidget(), nickEdit);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("zoe"));
    QCOMPARE(m_dialog->nick(), QStringLiteral("zoe"));

    // A known account whose password is not kept: the cursor waits in the password field.
    ServerProfile profile;
    profile.host = QStringLiteral("127.0.0.1");
    profile.port = 6667;
    profile.name = QStringLiteral("zoe");
    profile.mode = Registration::Mode::SignIn;
    ServerProfiles profiles;
    profiles.load();
    profiles.remember(profile);
    m_dialog->prefill();
    QCOMPARE(m_dialog->mode(), Registration::Mode::SignIn);
    QTRY_COMPARE(QApplication::focusWidget(), child<QLineEdit>("passwordEdit"));
    QSettings().remove(QStringLiteral("servers")); // the other tests start with none
}

void tst_LoginDialog::cleanup()
{
    m_dialog.reset();
    m_controller.reset();
    qDeleteAll(m_others);
    m_others.clear();
    m_server.reset();
    m_dataDir.reset();
}

void tst_LoginDialog::fill(const QString& host, quint16 port, const QString& nick,
                           const QString& password)
{
    auto* hostEdit = child<QLineEdit>("hostEdit");
    hostEdit->clear();
    QTest::keyClicks(hostEdit, host);
    auto* portSpin = child<QSpinBox>("portSpin");
    portSpin->selectAll();
    QTest::keyClicks(portSpin, QString::number(port));
    QCOMPARE(portSpin->value(), int(port));
    auto* nickEdit = child<QLineEdit>("nickEdit");
    nickEdit->clear();
    QTest::keyClicks(nickEdit, nick);
    auto* passwordEdit = child<QLineEdit>("passwordEdit");
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
}

void tst_LoginDialog::clickConnect()
{
    auto* button = child<QPushButton>("connectButton");
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
}

void tst_LoginDialog::logsInThroughTheDialog()
{
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("alice"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
    QVERIFY(!m_dialog->isVisible());
    ServerConnection* connection = m_controller->connection();
    QCOMPARE(connection->state(), ServerConnection::State::Connected);
    QCOMPARE(connection->nick(), QStringLiteral("alice"));
    // The server put us in #lobby; the rooms model shows it.
    QTRY_VERIFY(m_controller->rooms()->contains(QStringLiteral("#lobby")));
    // Remembered for next time.
    const QSettings settings;
    QCOMPARE(settings.value(SettingsKeys::Nick).toString(), QStringLiteral("alice"));
    QCOMPARE(settings.value(SettingsKeys::Port).toInt(), int(m_server->serverPort()));
    QCOMPARE(settings.value(SettingsKeys::Host).toString(), QStringLiteral("127.0.0.1"));
    LoginDialog again(connection);
    QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("nickEdit"))->text(),
             QStringLiteral("alice"));
    QCOMPARE(again.port(), m_server->serverPort());
}

void tst_LoginDialog::validatesNickWhileTyping_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("hintContains");
    QTest::newRow("plain") << "alice" << true << "";
    QTest::newRow("specials") << "[bob]_^" << true << "";
    QTest::newRow("empty") << "" << false << "Enter";
    QTest::newRow("digit first") << "9lives" << false << "start";
    QTest::newRow("dash first") << "-x" << false << "start";
    QTest::newRow("space inside") << "a b" << false << "spaces";
    QTest::newRow("comma inside") << "a,b" << false << "contain";
    QTest::newRow("too long") << QString(31, QLatin1Char('a')) << false << "30";
}

void tst_LoginDialog::validatesNickWhileTyping()
{
    QFETCH(QString, nick);
    QFETCH(bool, valid);
    QFETCH(QString, hintContains);
    auto* nickEdit = child<QLineEdit>("nickEdit");
    QTest::keyClicks(nickEdit, QStringLiteral("ok"));
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
    nickEdit->clear();
    QTest::keyClicks(nickEdit, nick);
    auto* hint = child<QLabel>("nickHint");
    QCOMPARE(child<QPushButton>("connectButton")->isEnabled(), valid);
    QCOMPARE(hint->isVisible(), !valid);
    QVERIFY2(hint->text().contains(hintContains), qPrintable(hint->text()));
}

void tst_LoginDialog::nameInUseThenAnotherNameOnSameConnection()
{
    auto* other = new ServerConnection(this);
    m_others.append(other);
    other->setHost(QStringLiteral("127.0.0.1"));
    other->setPort(m_server->serverPort());
    other->setDesiredNick(QStringLiteral("Alice"));
    other->connectToServer();
    QTRY_VERIFY(other->isRegistered());

    ServerConnection* connection = m_controller->connection();
    QSignalSpy states(connection, &ServerConnection::stateChanged);
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("alice"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("already taken")),
                 qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("alice")));
    auto* nickEdit = child<QLineEdit>("nickEdit");
    QVERIFY(nickEdit->isEnabled());
    QVERIFY(!child<QLineEdit>("hostEdit")->isEnabled()); // still the same connection
    QCOMPARE(connection->state(), ServerConnection::State::Registering);
    QCOMPARE(finished.count(), 0);

    nickEdit->clear();
    QTest::keyClicks(nickEdit, QStringLiteral("alice2"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
    QCOMPARE(connection->nick(), QStringLiteral("alice2"));
    int connecting = 0;
    for (const QList<QVariant>& args : states)
        connecting +=
            args.at(0).value<ServerConnection::State>() == ServerConnection::State::Connecting;
    QCOMPARE(connecting, 1); // no reconnect for the second name
}

// While the user types another name, the connect time limit must not run out: the server has
// answered. Then the new name logs in on the same connection.
void tst_LoginDialog::nameInUseWaitsForTheUser()
{
    auto* other = new ServerConnection(this);
    m_others.append(other);
    other->setHost(QStringLiteral("127.0.0.1"));
    other->setPort(m_server->serverPort());
    other->setDesiredNick(QStringLiteral("dave"));
    other->connectToServer();
    QTRY_VERIFY(other->isRegistered());

    ServerConnection* connection = m_controller->connection();
    connection->setConnectTimeout(300);
    QSignalSpy errors(connection, &ServerConnection::errorOccurred);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("dave"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("already taken")),
                 qPrintable(status->text()));
    QTest::qWait(1000); // the user thinks; over three connect time limits pass
    QVERIFY2(status->text().contains(QStringLiteral("already taken")), qPrintable(status->text()));
    QCOMPARE(errors.count(), 0);
    QCOMPARE(connection->state(), ServerConnection::State::Registering);

    auto* nickEdit = child<QLineEdit>("nickEdit");
    nickEdit->clear();
    QTest::keyClicks(nickEdit, QStringLiteral("dave2"));
    clickConnect();
    QTRY_VERIFY(connection->isRegistered());
    QCOMPARE(connection->nick(), QStringLiteral("dave2"));
    QCOMPARE(errors.count(), 0);
}

void tst_LoginDialog::refusedIsShownAndRetryWorks()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    fill(QStringLiteral("127.0.0.1"), closedPort, QStringLiteral("carol"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("refused")), qPrintable(status->text()));
    auto* button = child<QPushButton>("connectButton");
    QVERIFY(button->isEnabled());
    QVERIFY(button->text().contains(QStringLiteral("Try again")));
    QVERIFY(m_dialog->isVisible());

    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("carol"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_controller->connection()->nick(), QStringLiteral("carol"));
}

void tst_LoginDialog::severalServersFirstAnsweringIsUsed()
{
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    // The port field is for the entry without its own.
    fill(QStringLiteral("127.0.0.1:%1, 127.0.0.1").arg(closedPort), m_server->serverPort(),
         QStringLiteral("nina"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_controller->connection()->endpoint().port, m_server->serverPort());
    QCOMPARE(m_controller->connection()->nick(), QStringLiteral("nina"));
}

void tst_LoginDialog::noneOfSeveralServersAnswering()
{
    QTcpServer first;
    QTcpServer second;
    QVERIFY(first.listen(QHostAddress::LocalHost, 0));
    QVERIFY(second.listen(QHostAddress::LocalHost, 0));
    const QString text = QStringLiteral("127.0.0.1:%1 127.0.0.1:%2")
                             .arg(first.serverPort())
                             .arg(second.serverPort());
    first.close();
    second.close();
    fill(text, 6667, QStringLiteral("olga"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("None of the 2 servers answered")),
                 qPrintable(status->text()));
    QVERIFY2(status->text().contains(QStringLiteral("refused")), qPrintable(status->text()));
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
}

void tst_LoginDialog::notAnAddressIsPointedOut()
{
    fill(QStringLiteral("a.lan, b.lan:0"), 6667, QStringLiteral("pia"));
    auto* hint = child<QLabel>("nickHint");
    QVERIFY(!child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(hint->isVisible());
    QVERIFY2(hint->text().contains(QStringLiteral("is not a server address")),
             qPrintable(hint->text()));
    auto* hostEdit = child<QLineEdit>("hostEdit");
    hostEdit->clear();
    QTest::keyClicks(hostEdit, QStringLiteral("a.lan, b.lan:6668"));
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
    QVERIFY(!hint->isVisible());
}

void tst_LoginDialog::timeoutIsShown()
{
    QTcpServer silent; // accepts and never says a word
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    m_controller->connection()->setConnectTimeout(500);
    fill(QStringLiteral("127.0.0.1"), silent.serverPort(), QStringLiteral("dave"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("did not answer")),
                 qPrintable(status->text()));
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
    QCOMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
}

void tst_LoginDialog::unknownHostIsShown()
{
    // RFC 6761: .invalid never resolves.
    fill(QStringLiteral("no-such-host.invalid"), 6667, QStringLiteral("gina"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(QStringLiteral("could not be found")),
                              qPrintable(status->text()), 20000);
    QVERIFY(status->text().contains(QStringLiteral("no-such-host.invalid")));
    QVERIFY(child<QPushButton>("connectButton")->isEnabled());
}

void tst_LoginDialog::badPasswordIsShown()
{
    std::unique_ptr<Server> guarded = startServer(QStringLiteral("secret"));
    fill(QStringLiteral("127.0.0.1"), guarded->serverPort(), QStringLiteral("erin"),
         QStringLiteral("wrong"));
    clickConnect();
    auto* status = child<QLabel>("statusLabel");
    QTRY_VERIFY2(status->text().contains(QStringLiteral("password")), qPrintable(status->text()));
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
    QVERIFY(status->text().contains(QStringLiteral("password"))); // not overwritten

    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    fill(QStringLiteral("127.0.0.1"), guarded->serverPort(), QStringLiteral("erin"),
         QStringLiteral("secret"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
}

void tst_LoginDialog::cancelStopsConnecting()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    fill(QStringLiteral("127.0.0.1"), silent.serverPort(), QStringLiteral("frank"));
    clickConnect();
    QTRY_VERIFY(m_controller->connection()->state() != ServerConnection::State::Disconnected);
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    QTest::mouseClick(child<QPushButton>("cancelButton"), Qt::LeftButton);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Rejected));
    QCOMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
}

void tst_LoginDialog::createsAnAccount()
{
    startAccountServer();
    chooseMode(Registration::Mode::CreateAccount);
    auto* confirm = child<QLineEdit>("confirmEdit");
    QVERIFY(confirm->isVisible());
    // Tab goes down the form: name, password, the password again.
    QApplication::setActiveWindow(m_dialog.get());
    child<QLineEdit>("nickEdit")->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child<QLineEdit>("passwordEdit"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), confirm);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("carol"),
         QStringLiteral("a long password"));
    QTest::keyClicks(confirm, QStringLiteral("a long passwort"));
    auto* button = child<QPushButton>("connectButton");
    QVERIFY(!button->isEnabled());
    QCOMPARE(child<QLabel>("nickHint")->text(),
             LoginDialog::tr("The two passwords are not the same."));
    confirm->clear();
    QTest::keyClicks(confirm, QStringLiteral("a long password"));
    QVERIFY(button->isEnabled());
    QCOMPARE(button->text(), LoginDialog::tr("C&reate account"));

    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
    QCOMPARE(m_controller->connection()->account(), QStringLiteral("carol"));

    // Remembered as a sign-in to the new account, without the password.
    m_dialog->prefill();
    QCOMPARE(m_dialog->mode(), Registration::Mode::SignIn);
    QCOMPARE(m_dialog->nick(), QStringLiteral("carol"));
    QVERIFY(child<QLineEdit>("passwordEdit")->text().isEmpty());
    QVERIFY(!child<QCheckBox>("rememberCheck")->isChecked());
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("a long password"));
}

void tst_LoginDialog::signsInAndWrongPasswordKeepsTheForm()
{
    startAccountServer();
    createAccount(QStringLiteral("dave"), QStringLiteral("right password"));
    chooseMode(Registration::Mode::SignIn);
    QVERIFY(!child<QLineEdit>("confirmEdit")->isVisible());
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("dave"),
         QStringLiteral("wrong password"));
    clickConnect();
    QTRY_COMPARE(m_dialog->statusText(),
                 LoginDialog::tr("The account name or the password is wrong."));
    QVERIFY(m_dialog->isVisible());
    QCOMPARE(m_dialog->nick(), QStringLiteral("dave"));
    QCOMPARE(m_dialog->host(), QStringLiteral("127.0.0.1"));
    auto* password = child<QLineEdit>("passwordEdit");
    QVERIFY(password->isEnabled());
    QCOMPARE(child<QPushButton>("connectButton")->text(), LoginDialog::tr("&Try again"));

    password->clear();
    QTest::keyClicks(password, QStringLiteral("right password"));
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_controller->connection()->account(), QStringLiteral("dave"));
    QVERIFY(m_dialog->statusText().isEmpty());
}

void tst_LoginDialog::guestIsToldANameBelongsToAnAccount()
{
    startAccountServer();
    createAccount(QStringLiteral("erin"), QStringLiteral("right password"));
    chooseMode(Registration::Mode::Guest);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("erin"));
    clickConnect();
    QTRY_COMPARE(m_dialog->statusText(),
                 LoginDialog::tr("The name %1 belongs to an account. Sign in with its password, "
                                 "or choose another name.")
                     .arg(QStringLiteral("erin")));
}

void tst_LoginDialog::recentLoginsFillTheForm()
{
    // A guest login here, then an account on another server.
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    chooseMode(Registration::Mode::Guest);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("frank"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    const quint16 guestPort = m_server->serverPort();
    m_controller->connection()->disconnectFromServer();
    std::unique_ptr<Server> first = std::move(m_server);
    startAccountServer();
    createAccount(QStringLiteral("grace"), QStringLiteral("right password"));
    m_dialog->prefill();
    m_dialog->show();
    chooseMode(Registration::Mode::SignIn);
    fill(QStringLiteral("localhost"), m_server->serverPort(), QStringLiteral("grace"),
         QStringLiteral("right password"));
    clickConnect();
    QTRY_COMPARE(finished.count(), 2);

    m_dialog->prefill();
    auto* recent = child<QComboBox>("recentCombo");
    QVERIFY(recent->count() >= 2);
    QCOMPARE(m_dialog->nick(), QStringLiteral("grace")); // the last login first
    QCOMPARE(m_dialog->mode(), Registration::Mode::SignIn);
    QCOMPARE(recent->itemText(1),
             LoginDialog::tr("%1 on %2 (guest)")
                 .arg(QStringLiteral("frank"), QStringLiteral("127.0.0.1:%1").arg(guestPort)));
    recent->setCurrentIndex(1);
    emit recent->activated(1);
    QCOMPARE(m_dialog->nick(), QStringLiteral("frank"));
    QCOMPARE(m_dialog->port(), guestPort);
    QCOMPARE(m_dialog->mode(), Registration::Mode::Guest);
}

void tst_LoginDialog::tlsIsTheDefaultAndFlipsTheDefaultPort()
{
    QSettings().clear(); // a first start: no login remembered
    LoginDialog fresh(m_controller->connection());
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    auto* tls = fresh.findChild<QCheckBox*>(QStringLiteral("tlsCheck"));
    QVERIFY(tls);
    QVERIFY(tls->isChecked());
    QVERIFY(fresh.isTlsEnabled());
    QCOMPARE(fresh.port(), quint16(6697));
    QTest::mouseClick(tls, Qt::LeftButton);
    QVERIFY(!fresh.isTlsEnabled());
    QCOMPARE(fresh.port(), quint16(6667));
    QTest::mouseClick(tls, Qt::LeftButton);
    QCOMPARE(fresh.port(), quint16(6697));
    // A port the user chose stays.
    fresh.findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(7000);
    QTest::mouseClick(tls, Qt::LeftButton);
    QVERIFY(!fresh.isTlsEnabled());
    QCOMPARE(fresh.port(), quint16(7000));
    QSettings().setValue(SettingsKeys::Tls, false);
}

void tst_LoginDialog::tlsChoiceIsRemembered()
{
    QVERIFY(!child<QCheckBox>("tlsCheck")->isChecked()); // as saved (initTestCase)
    QSettings().setValue(SettingsKeys::Tls, true);
    m_dialog->prefill();
    QVERIFY(child<QCheckBox>("tlsCheck")->isChecked());
    QTest::mouseClick(child<QCheckBox>("tlsCheck"), Qt::LeftButton);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("plainuser"));
    clickConnect();
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    QVERIFY(!m_controller->connection()->isTls());
    QCOMPARE(QSettings().value(SettingsKeys::Tls).toBool(), false);
}

// ctest runs this suite without a system bus (DBUS_SYSTEM_BUS_ADDRESS names no socket): the
// dialog says in one line that servers on the LAN cannot be listed, and manual entry works.
// (tst_logindialoglan covers a bus without Avahi, and with it.)
void tst_LoginDialog::saysWhenLanServersCannotBeListed()
{
    if (qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS") != QLatin1String("unix:path=/nonexistent"))
        QSKIP("run by ctest, without a system bus");
    QTRY_VERIFY(m_dialog->lanStatusText().contains(QLatin1String("Avahi")));
    QVERIFY(!child<QListView>("lanServerList")->isVisible());
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    fill(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("erin"));
    chooseMode(Registration::Mode::Guest);
    clickConnect();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
}

QTEST_MAIN(tst_LoginDialog)
#include "tst_logindialog.moc"

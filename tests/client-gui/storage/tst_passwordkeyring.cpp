// Remembered passwords: PasswordKeyring against a real Secret Service (GNOME Keyring in a
// private D-Bus session: with-private-keyring.sh, CONFAB_TEST_KEYRING=private), and with no
// keyring at all (no D-Bus session: CONFAB_TEST_KEYRING=none); and the login dialog's
// "Remember me" end to end against an in-process confabd with accounts. CTest runs this program
// once in each setting; the functions of the other setting skip.
#include "auth/authservice.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "storage/passwordkeyring.h"
#include "widgets/logindialog.h"

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_PasswordKeyring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void storesReadsAndRemoves();
    void rememberedSignInResumesWithoutTheDialog();
    void untickingRememberForgetsThePassword();
    void withoutKeyringNothingIsStoredAndTheUserIsTold();

private:
    bool keyringIs(const char* mode) const;
    void signInThroughDialog(LoginDialog* dialog, bool remember);
    // Signs in with Remember me, until the keyring has stored the password.
    void signInRemembered(LoginDialog* dialog);
    // Nothing is stored in the dialog's keyring under this login.
    void verifyNotStored(LoginDialog* dialog, const QString& key);
    bool settingsFileContains(const QByteArray& text) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Server> m_server;
    const QString m_password = QStringLiteral("keyring test password");
};

void tst_PasswordKeyring::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_passwordkeyring"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    qRegisterMetaType<PasswordKeyring::Problem>();
}

bool tst_PasswordKeyring::keyringIs(const char* mode) const
{
    return qEnvironmentVariable("CONFAB_TEST_KEYRING") == QLatin1String(mode);
}

void tst_PasswordKeyring::init()
{
    QSettings().clear();
    m_dataDir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    config.dataDir = m_dataDir->filePath(QStringLiteral("data"));
    config.scramIterations = 4096;
    m_server = std::make_unique<Server>(config);
    QVERIFY(m_server->listen());
    bool done = false;
    m_server->authService()->registerAccount(QStringLiteral("alice"), m_password, this,
                                             [&done](AuthService::RegisterResult) { done = true; });
    QTRY_VERIFY(done);
}

void tst_PasswordKeyring::cleanup()
{
    m_server.reset();
    m_dataDir.reset();
}

void tst_PasswordKeyring::signInThroughDialog(LoginDialog* dialog, bool remember)
{
    dialog->show();
    auto* tabs = dialog->findChild<QTabBar*>(QStringLiteral("modeTabs"));
    QVERIFY(tabs);
    tabs->setCurrentIndex(0);
    QCOMPARE(dialog->mode(), Registration::Mode::SignIn);
    dialog->setTlsEnabled(false); // the server's plain port
    auto* host = dialog->findChild<QLineEdit*>(QStringLiteral("hostEdit"));
    host->setText(QStringLiteral("127.0.0.1"));
    dialog->findChild<QSpinBox*>(QStringLiteral("portSpin"))->setValue(m_server->serverPort());
    dialog->findChild<QLineEdit*>(QStringLiteral("nickEdit"))->setText(QStringLiteral("alice"));
    dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(m_password);
    dialog->findChild<QCheckBox*>(QStringLiteral("rememberCheck"))->setChecked(remember);
    QSignalSpy finished(dialog, &QDialog::finished);
    auto* button = dialog->findChild<QPushButton*>(QStringLiteral("connectButton"));
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toInt(), int(QDialog::Accepted));
}

void tst_PasswordKeyring::signInRemembered(LoginDialog* dialog)
{
    QSignalSpy stored(dialog->keyring(), &PasswordKeyring::stored);
    signInThroughDialog(dialog, true);
    QTRY_COMPARE_WITH_TIMEOUT(stored.size(), 1, 10000);
}

void tst_PasswordKeyring::verifyNotStored(LoginDialog* dialog, const QString& key)
{
    QSignalSpy failed(dialog->keyring(), &PasswordKeyring::failed);
    dialog->keyring()->read(key);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().at(1).value<PasswordKeyring::Problem>(),
             PasswordKeyring::Problem::NotFound);
}

bool tst_PasswordKeyring::settingsFileContains(const QByteArray& text) const
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    return file.open(QIODevice::ReadOnly) && file.readAll().contains(text);
}

void tst_PasswordKeyring::storesReadsAndRemoves()
{
    if (!keyringIs("private"))
        QSKIP("needs a private keyring (with-private-keyring.sh)");
    PasswordKeyring keyring;
    keyring.setService(QStringLiteral("ConfabTest"));
    const QString key = PasswordKeyring::keyFor(QStringLiteral("bob"), QStringLiteral("Chat.Example"), 6697);
    QCOMPARE(key, QStringLiteral("bob@chat.example:6697"));
    QSignalSpy stored(&keyring, &PasswordKeyring::stored);
    QSignalSpy read(&keyring, &PasswordKeyring::passwordRead);
    QSignalSpy removed(&keyring, &PasswordKeyring::removed);
    QSignalSpy failed(&keyring, &PasswordKeyring::failed);

    keyring.store(key, QStringLiteral("s3cret ü"));
    QTRY_COMPARE_WITH_TIMEOUT(stored.size() + failed.size(), 1, 10000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(2).toString()));
    keyring.read(key);
    QTRY_COMPARE_WITH_TIMEOUT(read.size(), 1, 10000);
    QCOMPARE(read.first().at(1).toString(), QStringLiteral("s3cret ü"));
    keyring.remove(key);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    keyring.read(key);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().at(1).value<PasswordKeyring::Problem>(),
             PasswordKeyring::Problem::NotFound);
}

void tst_PasswordKeyring::rememberedSignInResumesWithoutTheDialog()
{
    if (!keyringIs("private"))
        QSKIP("needs a private keyring (with-private-keyring.sh)");
    {
        ChatController controller;
        LoginDialog dialog(controller.connection());
        signInRemembered(&dialog);
        controller.connection()->disconnectFromServer();
    }
    QVERIFY(!settingsFileContains(m_password.toUtf8()));

    // The next start: signed in again from the keyring, the dialog never shown.
    ChatController controller;
    LoginDialog dialog(controller.connection());
    QSignalSpy registered(controller.connection(), &ServerConnection::registered);
    QVERIFY(dialog.resumeLastLogin());
    QVERIFY(registered.wait(10000));
    QCOMPARE(controller.connection()->account(), QStringLiteral("alice"));
    QVERIFY(!dialog.isVisible());
}

void tst_PasswordKeyring::untickingRememberForgetsThePassword()
{
    if (!keyringIs("private"))
        QSKIP("needs a private keyring (with-private-keyring.sh)");
    ChatController controller;
    LoginDialog dialog(controller.connection());
    signInRemembered(&dialog);
    controller.connection()->disconnectFromServer();

    QSignalSpy removed(dialog.keyring(), &PasswordKeyring::removed);
    signInThroughDialog(&dialog, false);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, 10000);
    controller.connection()->disconnectFromServer();
    // Nothing to resume without the password; nothing left in the keyring.
    QVERIFY(!dialog.resumeLastLogin());
    verifyNotStored(&dialog, PasswordKeyring::keyFor(QStringLiteral("alice"),
                                                     QStringLiteral("127.0.0.1"),
                                                     m_server->serverPort()));
}

void tst_PasswordKeyring::withoutKeyringNothingIsStoredAndTheUserIsTold()
{
    if (!keyringIs("none"))
        QSKIP("needs a desktop without a keyring (CONFAB_TEST_KEYRING=none)");
    ChatController controller;
    LoginDialog dialog(controller.connection());
    QSignalSpy failed(dialog.keyring(), &PasswordKeyring::failed);
    QSignalSpy told(&dialog, &LoginDialog::keyringProblem);
    // Not asked to remember: nothing to say about the keyring.
    signInThroughDialog(&dialog, false);
    QTest::qWait(200);
    QVERIFY(told.isEmpty());
    controller.connection()->disconnectFromServer();
    signInThroughDialog(&dialog, true);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
    QCOMPARE(failed.first().at(1).value<PasswordKeyring::Problem>(),
             PasswordKeyring::Problem::NoKeyring);
    QCOMPARE(told.size(), 1);
    QVERIFY(told.first().first().toString().contains(QLatin1String("keyring")));
    QVERIFY(!settingsFileContains(m_password.toUtf8())); // no plain-text fallback
}

QTEST_MAIN(tst_PasswordKeyring)
#include "tst_passwordkeyring.moc"

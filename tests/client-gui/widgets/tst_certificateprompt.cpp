// CertificatePrompt end to end with real widgets (offscreen) against an in-process confabd with
// TLS: the first-use question over the login dialog, trusting it logs in and pins; a changed
// certificate is asked about again, Return does not accept it, refusing leaves the login
// dialog with a clear error, and trusting the new one logs in.
#include "connection/certificatecheck.h"
#include "connection/certificatepins.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/serverconnection.h"
#include "tlstestserver.h"
#include "widgets/certificatedialog.h"
#include "widgets/certificateprompt.h"
#include "widgets/logindialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <memory>

class tst_CertificatePrompt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstUseThroughTheLoginDialog();
    void secondLoginDoesNotAsk();
    void changedCertificateRefusedThenAccepted();

private:
    void logIn();
    CertificateDialog* waitForQuestion();
    static QString shownFingerprint(CertificateDialog* dialog, const char* label);
    template <typename T> T* child(QWidget* parent, const char* name) const
    {
        T* widget = parent->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<TlsTestServer> m_server;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<QWidget> m_window;
    LoginDialog* m_dialog = nullptr;
    CertificatePrompt* m_prompt = nullptr;
};

void tst_CertificatePrompt::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_certificateprompt"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_CertificatePrompt::init()
{
    QSettings().clear();
    m_server = std::make_unique<TlsTestServer>();
    QVERIFY(m_server->start());
    m_controller = std::make_unique<ChatController>();
    m_window = std::make_unique<QWidget>();
    m_window->resize(600, 400);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_prompt = new CertificatePrompt(m_controller->connection(), m_window.get());
    m_dialog = new LoginDialog(m_controller->connection(), m_window.get());
    m_dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
}

void tst_CertificatePrompt::cleanup()
{
    m_window.reset(); // and the dialogs and the prompt with it
    m_controller.reset();
    m_server.reset();
}

void tst_CertificatePrompt::logIn()
{
    QVERIFY(child<QCheckBox>(m_dialog, "tlsCheck")->isChecked()); // TLS by default
    auto* host = child<QLineEdit>(m_dialog, "hostEdit");
    host->clear();
    QTest::keyClicks(host, m_server->host());
    auto* port = child<QSpinBox>(m_dialog, "portSpin");
    port->selectAll();
    QTest::keyClicks(port, QString::number(m_server->tlsPort()));
    auto* nick = child<QLineEdit>(m_dialog, "nickEdit");
    nick->clear();
    QTest::keyClicks(nick, QStringLiteral("ann"));
    QTest::mouseClick(child<QPushButton>(m_dialog, "connectButton"), Qt::LeftButton);
}

CertificateDialog* tst_CertificatePrompt::waitForQuestion()
{
    if (!QTest::qWaitFor([this] { return m_prompt->dialog() && m_prompt->dialog()->isVisible(); }))
        return nullptr;
    return m_prompt->dialog();
}

QString tst_CertificatePrompt::shownFingerprint(CertificateDialog* dialog, const char* label)
{
    auto* shown = dialog->findChild<QLabel*>(QString::fromLatin1(label));
    return shown ? CertificateCheck::normalized(shown->text()) : QString();
}

void tst_CertificatePrompt::firstUseThroughTheLoginDialog()
{
    logIn();
    CertificateDialog* question = waitForQuestion();
    QVERIFY(question);
    QCOMPARE(question->kind(), CertificateDialog::Kind::FirstUse);
    QCOMPARE(question->parentWidget(), m_dialog); // over the login dialog, which waits
    QCOMPARE(shownFingerprint(question, "fingerprintLabel"), m_server->fingerprint());
    QVERIFY(m_dialog->isVisible());
    QVERIFY(!m_controller->connection()->isRegistered());

    QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    QTRY_VERIFY(!m_dialog->isVisible());
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_controller->connection()->security(), ServerTransport::Security::Pinned);
    QCOMPARE(CertificatePins().pin(m_server->host(), m_server->tlsPort()), m_server->fingerprint());
    QCOMPARE(QSettings().value(SettingsKeys::Tls).toBool(), true);
    QTRY_VERIFY(!m_prompt->dialog()); // closed and deleted
}

void tst_CertificatePrompt::secondLoginDoesNotAsk()
{
    CertificatePins().setPin(m_server->host(), m_server->tlsPort(), m_server->fingerprint());
    logIn();
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    QVERIFY(!m_prompt->dialog());
    QTRY_VERIFY(!m_dialog->isVisible());
}

void tst_CertificatePrompt::changedCertificateRefusedThenAccepted()
{
    const QString old = m_server->fingerprint();
    CertificatePins().setPin(m_server->host(), m_server->tlsPort(), old);
    QVERIFY(m_server->replaceCertificate());
    logIn();
    CertificateDialog* question = waitForQuestion();
    QVERIFY(question);
    QCOMPARE(question->kind(), CertificateDialog::Kind::Changed);
    QCOMPARE(shownFingerprint(question, "fingerprintLabel"), m_server->fingerprint());
    QCOMPARE(shownFingerprint(question, "oldFingerprintLabel"), old);

    // Return is "Don't connect": the login dialog says why nothing happened.
    QTest::keyClick(question, Qt::Key_Return);
    QTRY_VERIFY(!m_prompt->dialog());
    QVERIFY(m_dialog->isVisible());
    QTRY_VERIFY2(m_dialog->statusText().contains(QStringLiteral("did not trust")),
                 qPrintable(m_dialog->statusText()));
    QVERIFY(!m_controller->connection()->isRegistered());
    QCOMPARE(CertificatePins().pin(m_server->host(), m_server->tlsPort()), old);

    // Trying again asks again; this time the user trusts the new certificate.
    QTRY_VERIFY(child<QPushButton>(m_dialog, "connectButton")->isEnabled());
    QTest::mouseClick(child<QPushButton>(m_dialog, "connectButton"), Qt::LeftButton);
    question = waitForQuestion();
    QVERIFY(question);
    QCOMPARE(question->kind(), CertificateDialog::Kind::Changed);
    QTest::mouseClick(child<QPushButton>(question, "trustButton"), Qt::LeftButton);
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    QCOMPARE(CertificatePins().pin(m_server->host(), m_server->tlsPort()), m_server->fingerprint());
    QTRY_VERIFY(!m_dialog->isVisible());
}

QTEST_MAIN(tst_CertificatePrompt)
#include "tst_certificateprompt.moc"

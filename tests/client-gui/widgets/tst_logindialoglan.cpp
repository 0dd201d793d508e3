// The login dialog's list of chat servers on the LAN, for real: a private system bus with a real
// avahi-daemon (AvahiFixture) and an in-process confabd announcing itself. The server is listed,
// choosing it fills the form and its announced fingerprint becomes the pin, so the TLS login
// needs no confirmation; a pin the user has is never replaced; the dialog says plainly when
// nothing is found and when Avahi is not running. (A file of its own, not tst_logindialog: the
// private bus must be in place before anything in the process touches the system bus.)
#include "avahifixture.h"
#include "connection/certificatepins.h"
#include "models/lanservermodel.h"
#include "net/server.h"
#include "net/tlscontext.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/serverconnection.h"
#include "widgets/logindialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QListView>
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

class tst_LoginDialogLan : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsTheServerAndChoosingItFillsTheForm();
    void keepsThePinTheUserHas();
    void saysWhenNothingIsFound();
    void saysWhenAvahiIsNotRunning();

private:
    std::unique_ptr<Server> startServer(const QString& name);
    void openDialog();
    int rowOf(const QString& name) const;
    void choose(int row);
    template <typename T> T* child(const char* name) const
    {
        T* widget = m_dialog->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    AvahiFixture* m_fixture = nullptr;
    QTemporaryDir m_dataDir;
    int m_count = 0;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<LoginDialog> m_dialog;
};

void tst_LoginDialogLan::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logindialoglan"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false"));
    QSettings().clear();
    QVERIFY(m_dataDir.isValid());
    m_fixture = new AvahiFixture(this);
    if (!m_fixture->start())
        QSKIP(qPrintable(m_fixture->skipReason()));
}

void tst_LoginDialogLan::init()
{
    QSettings().clear();
    if (!m_fixture->isAvahiRunning())
        QVERIFY2(m_fixture->startAvahi(), qPrintable(m_fixture->skipReason()));
}

void tst_LoginDialogLan::cleanup()
{
    m_dialog.reset();
    m_controller.reset();
    m_server.reset();
}

std::unique_ptr<Server> tst_LoginDialogLan::startServer(const QString& name)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress::Any};
    config.port = 0;
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.announce = true;
    config.announceName =
        QStringLiteral("%1 %2-%3").arg(name).arg(QCoreApplication::applicationPid()).arg(++m_count);
    config.dataDir = m_dataDir.filePath(QStringLiteral("data%1").arg(m_count));
    config.scramIterations = ServerDefaults::MinScramIterations;
    auto server = std::make_unique<Server>(config);
    if (!server->listen())
        qFatal("server does not listen: %s", qPrintable(server->errorString()));
    return server;
}

void tst_LoginDialogLan::openDialog()
{
    m_controller = std::make_unique<ChatController>();
    m_dialog = std::make_unique<LoginDialog>(m_controller->connection());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

int tst_LoginDialogLan::rowOf(const QString& name) const
{
    const QAbstractItemModel* model = child<QListView>("lanServerList")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(LanServerModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

void tst_LoginDialogLan::choose(int row)
{
    auto* list = child<QListView>("lanServerList");
    const QModelIndex index = list->model()->index(row, 0);
    list->scrollTo(index);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
}

void tst_LoginDialogLan::listsTheServerAndChoosingItFillsTheForm()
{
    m_server = startServer(QStringLiteral("Dialog test"));
    const QString name = m_server->config().announceName;
    openDialog();
    auto* list = child<QListView>("lanServerList");
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 10000);
    QVERIFY(list->isVisible());
    QVERIFY2(m_dialog->lanStatusText().contains(QLatin1String("on this network")),
             qPrintable(m_dialog->lanStatusText()));
    const int row = rowOf(name);
    QTRY_VERIFY(list->model()->index(row, 0).data(LanServerModel::TlsRole).toBool());
    const QString shown = list->model()->index(row, 0).data().toString();
    QVERIFY2(shown.contains(name) && shown.startsWith(QStringLiteral("\U0001F512")),
             qPrintable(shown));

    // The form starts elsewhere; choosing the server fills it in.
    child<QLineEdit>("hostEdit")->setText(QStringLiteral("elsewhere.example"));
    child<QCheckBox>("tlsCheck")->setChecked(false);
    choose(row);
    const QString address =
        list->model()->index(row, 0).data(LanServerModel::AddressRole).toString();
    QVERIFY(!address.isEmpty());
    QCOMPARE(child<QLineEdit>("hostEdit")->text(), address);
    QCOMPARE(child<QSpinBox>("portSpin")->value(), int(m_server->tlsPort()));
    QVERIFY(child<QCheckBox>("tlsCheck")->isChecked());

    // Logged in as a guest over TLS at once: the announced fingerprint is the pin, so nothing
    // asks the user to trust the certificate.
    QSignalSpy needsTrust(m_controller->connection(), &ServerConnection::certificateNeedsTrust);
    QSignalSpy finished(m_dialog.get(), &QDialog::finished);
    auto* tabs = child<QTabBar>("modeTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabData(i).value<Registration::Mode>() == Registration::Mode::Guest)
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(i).center());
    }
    QCOMPARE(m_dialog->mode(), Registration::Mode::Guest);
    child<QLineEdit>("nickEdit")->setText(QStringLiteral("carol"));
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QCOMPARE(finished.at(0).at(0).toInt(), int(QDialog::Accepted));
    QCOMPARE(needsTrust.count(), 0);
    QCOMPARE(m_controller->connection()->security(), ServerTransport::Security::Pinned);
    QCOMPARE(CertificatePins().pin(address, m_server->tlsPort()),
             m_server->tlsContext()->fingerprint());
}

void tst_LoginDialogLan::keepsThePinTheUserHas()
{
    m_server = startServer(QStringLiteral("Pinned test"));
    const QString name = m_server->config().announceName;
    openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 10000);
    QTRY_VERIFY(child<QListView>("lanServerList")
                    ->model()
                    ->index(rowOf(name), 0)
                    .data(LanServerModel::TlsRole)
                    .toBool());
    choose(rowOf(name));
    const QString host = child<QLineEdit>("hostEdit")->text();
    const quint16 port = quint16(child<QSpinBox>("portSpin")->value());
    QStringList pairs;
    for (int i = 0; i < 32; ++i)
        pairs << QStringLiteral("%1").arg(i, 2, 16, QLatin1Char('0')).toUpper();
    const QString kept = pairs.join(u':'); // a SHA-256 fingerprint, not the server's
    CertificatePins().setPin(host, port, kept);
    QCOMPARE(CertificatePins().pin(host, port), kept);

    QSignalSpy changed(m_controller->connection(), &ServerConnection::certificateChanged);
    m_dialog->findChild<QLineEdit*>(QStringLiteral("nickEdit"))->setText(QStringLiteral("dave"));
    m_dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("x"));
    QTest::mouseClick(child<QPushButton>("connectButton"), Qt::LeftButton);
    // The server's certificate is not the pinned one: the user is asked, the pin stays.
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 10000);
    QCOMPARE(CertificatePins().pin(host, port), kept);
}

void tst_LoginDialogLan::saysWhenNothingIsFound()
{
    // A fresh Avahi: the servers of the tests before are not even in its cache.
    m_fixture->stopAvahi();
    QVERIFY(m_fixture->startAvahi());
    openDialog();
    QVERIFY(!m_dialog->lanStatusText().isEmpty()); // "Looking…" at first
    const QAbstractItemModel* model = child<QListView>("lanServerList")->model();
    // Avahi's "all for now" comes about a second after browsing starts.
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0 ||
                                 m_dialog->lanStatusText().startsWith(QLatin1String("No chat")),
                             10000);
    if (model->rowCount() > 0)
        QSKIP("IRC servers on this machine's LAN announce themselves: nothing to not find");
    QVERIFY(!child<QListView>("lanServerList")->isVisible());
    QCOMPARE(m_dialog->lanStatusText(),
             QStringLiteral("No chat servers found on this network. Enter a server's address "
                            "below."));
}

void tst_LoginDialogLan::saysWhenAvahiIsNotRunning()
{
    m_server = startServer(QStringLiteral("Avahi test"));
    const QString name = m_server->config().announceName;
    m_fixture->stopAvahi();
    openDialog();
    QTRY_VERIFY(m_dialog->lanStatusText().contains(QLatin1String("Avahi")));
    QVERIFY(!child<QListView>("lanServerList")->isVisible());
    // The manual entry works as before.
    QVERIFY(child<QLineEdit>("hostEdit")->isEnabled());

    // Avahi starts: the dialog notices, and the server shows up.
    QVERIFY(m_fixture->startAvahi());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(name) >= 0, 15000);
    QVERIFY(child<QListView>("lanServerList")->isVisible());
    // It stops again: the list empties and the line says why.
    m_fixture->stopAvahi();
    QTRY_VERIFY(m_dialog->lanStatusText().contains(QLatin1String("Avahi")));
    QCOMPARE(rowOf(name), -1);
}

QTEST_MAIN(tst_LoginDialogLan)
#include "tst_logindialoglan.moc"

// "Host a chat on this computer", as two people on one LAN do it, for real: Alice's window
// hosts a chat (EmbeddedChatHost: confabd's server on its own thread, announced through a real
// avahi-daemon on a private system bus), Bob's login window finds it on the LAN and joins, and
// they talk; quitting asks Alice first, then ends the chat for Bob. Also: hosting from the Chat
// menu and stopping it, the start-up setting, and the Settings dialog's check box.
#include "avahifixture.h"
#include "hosting/embeddedchathost.h"
#include "models/conversationstore.h"
#include "models/lanservermodel.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/preferences.h"
#include "session/serverconnection.h"
#include "session/startoptions.h"
#include "widgets/hostingcontrol.h"
#include "widgets/logindialog.h"
#include "widgets/mainwindow.h"
#include "widgets/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class tst_HostChat : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void hostedChatIsFoundAndJoinedFromTheLan();
    void hostingFromTheChatMenuAndStopping();
    void hostsWhenConfabStartsIfAsked();
    void settingsDialogHasTheStartUpChoice();

private:
    HostingOptions options(bool announce);
    void openHostWindow(const HostingOptions& options, const StartOptions& start = {});
    template <typename T> T* child(QObject* parent, const char* name) const
    {
        T* object = parent->findChild<T*>(QString::fromLatin1(name));
        if (!object)
            qFatal("no object named %s", name);
        return object;
    }
    static int rowOf(const QListView* list, const QString& name);

    AvahiFixture* m_fixture = nullptr;
    bool m_lan = false;
    QString m_lanReason;
    std::unique_ptr<QTemporaryDir> m_dir;
    int m_count = 0;
    std::unique_ptr<EmbeddedChatHost> m_host;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void tst_HostChat::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_hostchat"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    qRegisterMetaType<ChatHost::State>();
    // The private system bus must be in place before anything touches the system bus.
    m_fixture = new AvahiFixture(this);
    m_lan = m_fixture->start();
    m_lanReason = m_fixture->skipReason();
}

void tst_HostChat::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_HostChat::cleanup()
{
    m_window.reset();
    m_controller.reset();
    m_host.reset();
    m_dir.reset();
}

HostingOptions tst_HostChat::options(bool announce)
{
    HostingOptions options;
    options.dataDir = m_dir->filePath(QStringLiteral("server"));
    // Ports of the kernel's choosing, free on every address (not 6667: a confabd may run here).
    for (quint16* port : {&options.port, &options.tlsPort, &options.filesPort}) {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::Any, 0))
            qFatal("no free port");
        *port = probe.serverPort();
    }
    options.announce = announce;
    if (!announce)
        options.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    options.announceName = QStringLiteral("Alice's chat %1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(++m_count);
    options.scramIterations = 4096;
    options.stopTimeoutMs = 2000;
    return options;
}

void tst_HostChat::openHostWindow(const HostingOptions& options, const StartOptions& start)
{
    m_host = std::make_unique<EmbeddedChatHost>(options);
    m_controller = std::make_unique<ChatController>();
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->setSystemTrayAvailable(false);
    m_window->setChatHost(m_host.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->start(start);
}

int tst_HostChat::rowOf(const QListView* list, const QString& name)
{
    const QAbstractItemModel* model = list->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(LanServerModel::NameRole).toString() == name)
            return row;
    }
    return -1;
}

void tst_HostChat::hostedChatIsFoundAndJoinedFromTheLan()
{
    if (!m_lan)
        QSKIP(qPrintable(m_lanReason));
    const HostingOptions hostOptions = options(true);
    openHostWindow(hostOptions);
    LoginDialog* dialog = m_window->loginDialog();
    QTRY_VERIFY(dialog->isVisible());

    // Alice: a name, and Host. No server, port or password to type.
    auto* hostButton = child<QPushButton>(dialog, "hostButton");
    QVERIFY(hostButton->isVisible());
    QVERIFY(!hostButton->isEnabled()); // no name yet
    child<QLineEdit>(dialog, "nickEdit")->setText(QStringLiteral("alice"));
    QVERIFY(hostButton->isEnabled());
    QTest::mouseClick(hostButton, Qt::LeftButton);
    ServerConnection* alice = m_controller->connection();
    QTRY_VERIFY_WITH_TIMEOUT(alice->isRegistered(), 20000);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(alice->account(), QStringLiteral("alice"));
    QVERIFY(alice->isEncrypted());
    auto* mark = child<QLabel>(m_window.get(), "hostingLabel");
    QVERIFY(mark->isVisible());
    QTRY_COMPARE(mark->text(), QStringLiteral("Hosting · nobody else here yet"));
    QVERIFY(mark->toolTip().contains(m_host->chat().fingerprint));
    // The login dialog, opened again, offers to join the chat Alice hosts.
    QCOMPARE(hostButton->text(), QStringLiteral("&Join the chat you host"));

    // Bob, on "another computer": his login window lists the chat; he chooses it and joins.
    ChatController bobController;
    LoginDialog bobDialog(bobController.connection());
    bobDialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bobDialog));
    auto* list = child<QListView>(&bobDialog, "lanServerList");
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(list, hostOptions.announceName) >= 0, 15000);
    QTRY_VERIFY(list->model()
                    ->index(rowOf(list, hostOptions.announceName), 0)
                    .data(LanServerModel::TlsRole)
                    .toBool());
    const QModelIndex row = list->model()->index(rowOf(list, hostOptions.announceName), 0);
    list->scrollTo(row);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(row).center());
    auto* tabs = child<QTabBar>(&bobDialog, "modeTabs");
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabData(i).value<Registration::Mode>() == Registration::Mode::Guest)
            QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(i).center());
    }
    child<QLineEdit>(&bobDialog, "nickEdit")->setText(QStringLiteral("bob"));
    QSignalSpy needsTrust(bobController.connection(), &ServerConnection::certificateNeedsTrust);
    QTest::mouseClick(child<QPushButton>(&bobDialog, "connectButton"), Qt::LeftButton);
    ServerConnection* bob = bobController.connection();
    QTRY_VERIFY_WITH_TIMEOUT(bob->isRegistered(), 15000);
    QVERIFY(bob->isEncrypted());
    QCOMPARE(needsTrust.count(), 0); // the announced fingerprint was the pin
    QTRY_COMPARE(mark->text(), QStringLiteral("Hosting · 1 other person here"));

    // They talk in the room both are in.
    QTRY_VERIFY(bobController.conversations()->find(QStringLiteral("#lobby")));
    QSignalSpy bobHears(bob, &ServerConnection::roomMessage);
    QSignalSpy aliceHears(alice, &ServerConnection::roomMessage);
    alice->sendMessage(QStringLiteral("#lobby"), QStringLiteral("Welcome, Bob!"));
    QTRY_VERIFY(!bobHears.isEmpty());
    const auto heard = bobHears.constLast().first().value<ChatMessage>();
    QCOMPARE(heard.sender, QStringLiteral("alice"));
    QCOMPARE(heard.text, QStringLiteral("Welcome, Bob!"));
    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("Thanks, Alice"));
    QTRY_VERIFY(std::any_of(aliceHears.cbegin(), aliceHears.cend(), [](const QList<QVariant>& a) {
        return a.first().value<ChatMessage>().text == QLatin1String("Thanks, Alice");
    }));

    // Quitting asks first, since the chat would end for Bob; Cancel keeps it going.
    QSignalSpy quitting(m_window.get(), &MainWindow::quitting);
    m_window->quit();
    QMessageBox* question = m_window->hosting()->question();
    QVERIFY(question);
    QTRY_VERIFY(question->isVisible());
    QCOMPARE(question->text(), QStringLiteral("The chat you host will end for the other person in it."));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_window->hosting()->question());
    QVERIFY(m_window->isVisible());
    QVERIFY(m_host->isRunning());
    QCOMPARE(quitting.count(), 0);
    QVERIFY(bob->isRegistered());

    // Quitting for real: Bob is told the chat ended, then the app goes.
    QSignalSpy bobErrors(bob, &ServerConnection::errorOccurred);
    m_window->quit();
    question = m_window->hosting()->question();
    QVERIFY(question);
    QTest::mouseClick(child<QPushButton>(question, "endChatButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(quitting.count(), 1, 10000);
    QCOMPARE(m_host->state(), ChatHost::State::Stopped);
    QTRY_VERIFY(!bobErrors.isEmpty());
    QCOMPARE(bobErrors.first().first().value<ServerConnection::Error>(),
             ServerConnection::Error::ServerClosed);
    QVERIFY2(bobErrors.first().at(1).toString().contains(QLatin1String("The host ended the chat")),
             qPrintable(bobErrors.first().at(1).toString()));
}

void tst_HostChat::hostingFromTheChatMenuAndStopping()
{
    openHostWindow(options(false));
    LoginDialog* dialog = m_window->loginDialog();
    dialog->reject(); // the user closed it at start
    auto* action = child<QAction>(m_window.get(), "hostAction");
    QCOMPARE(action->text(), QStringLiteral("&Host a chat on this computer…"));
    QVERIFY(m_window->menuBar()->findChild<QMenu*>(QStringLiteral("chatMenu"))->actions().contains(
        action));
    // The login window opens for a name (none was typed yet), then Host.
    child<QLineEdit>(dialog, "nickEdit")->clear();
    action->trigger();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->statusText(), QStringLiteral("Enter the name others will see you as."));
    child<QLineEdit>(dialog, "nickEdit")->setText(QStringLiteral("alice"));
    QTest::mouseClick(child<QPushButton>(dialog, "hostButton"), Qt::LeftButton);
    ServerConnection* alice = m_controller->connection();
    QTRY_VERIFY2_WITH_TIMEOUT(alice->isRegistered(),
                              qPrintable(m_window->loginDialog()->statusText()), 20000);
    QCOMPARE(alice->account(), QStringLiteral("alice"));
    QCOMPARE(action->text(), QStringLiteral("Stop &hosting"));
    // Last login stays what the user typed: the hosted chat's port and password are this run's.
    QVERIFY(QSettings().value(SettingsKeys::Host).toString().isEmpty());

    // Nobody else is in: stopping asks nothing.
    QSignalSpy stopped(m_host.get(), &ChatHost::stopped);
    action->trigger();
    QVERIFY(!m_window->hosting()->question());
    QVERIFY(stopped.wait(10000));
    QTRY_COMPARE(alice->state(), ServerConnection::State::Disconnected);
    QVERIFY(!child<QLabel>(m_window.get(), "hostingLabel")->isVisible());
    QCOMPARE(action->text(), QStringLiteral("&Host a chat on this computer…"));
}

void tst_HostChat::hostsWhenConfabStartsIfAsked()
{
    QSettings().setValue(SettingsKeys::Nick, QStringLiteral("alice"));
    QSettings().setValue(SettingsKeys::HostOnStart, true);
    openHostWindow(options(false));
    ServerConnection* alice = m_controller->connection();
    QTRY_VERIFY2_WITH_TIMEOUT(alice->isRegistered(),
                              qPrintable(m_window->loginDialog()->statusText()), 20000);
    QVERIFY(m_host->isRunning());
    QCOMPARE(alice->account(), QStringLiteral("alice"));
    QCOMPARE(alice->port(), m_host->chat().tlsPort);
    QTRY_VERIFY(!m_window->loginDialog()->isVisible());
}

void tst_HostChat::settingsDialogHasTheStartUpChoice()
{
    Preferences preferences;
    QVERIFY(!preferences.hostOnStart());
    SettingsDialog dialog(&preferences, false);
    auto* check = child<QCheckBox>(&dialog, "hostOnStartCheck");
    QVERIFY(!check->isChecked());
    check->click();
    QVERIFY(preferences.hostOnStart());
    QCOMPARE(QSettings().value(SettingsKeys::HostOnStart).toBool(), true);
    QVERIFY(Preferences().hostOnStart());
}

QTEST_MAIN(tst_HostChat)
#include "tst_hostchat.moc"

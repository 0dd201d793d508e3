// The main window against an in-process confabd on 127.0.0.1 (port 0), logged in through the
// real login dialog; other people are ServerConnections driven by the test.
#include "connection/certificatecheck.h"
#include "models/contactlistmodel.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "models/memberlistmodel.h"
#include "models/roomdirectorymodel.h"
#include "models/roomlistmodel.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/eventformatter.h"
#include "session/preferences.h"
#include "session/serverconnection.h"
#include "session/startoptions.h"
#include "tlstestserver.h"
#include "widgets/certificatedialog.h"
#include "widgets/certificateprompt.h"
#include "widgets/chatinput.h"
#include "widgets/conversationview.h"
#include "widgets/helpdialog.h"
#include "widgets/logindialog.h"
#include "widgets/mainwindow.h"
#include "widgets/messagedelegate.h"
#include "widgets/roomdirectorydialog.h"
#include "widgets/settingsdialog.h"
#include "widgets/systemtray.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <memory>

class tst_MainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void loggedInWithLobby();
    void securityIndicatorInStatusBar();
    void tlsFirstUseFromTheCommandLine();
    void contactAppearsAndDisappearsOnQuit();
    void privateMessageOpensConversationUnread();
    void doubleClickOpensPrivateConversation();
    void roomMessageReachesEveryone();
    void renameUpdatesListAndConversation();
    void awayIsShown();
    void filterBoxFilters();
    void commands();
    void replyToLastWithCtrlR();
    void notifiesOnlyWhenNotFocused();
    void connectOptionSkipsDialog();
    void joinsLobbyWhenServerDoesNot();
    void historyWithUpAndDown();
    void multiLinePasteAsksThenSendsSeveral();
    void nextAndPreviousConversation();
    void menusAndAboutBox();
    void serverGoingAwayShowsDisconnectedThenReconnects();
    void windowTitleNamesTheAppOnce();
    void connectOptionUsesSavedName();
    void rightClickOnRoomSwitchesAndOffersLeave();
    void rightClickOnContactAndTab();
    void loginErrorClearedAfterLogin();
    void awayReplyShownOnceNotAsSpeech();
    void messageToNobodyStaysMarkedNotDelivered();
    void tabCompletesNames();
    void whoisIsReadable();
    void listShowsRoomsToJoin();
    void helpShowsCommandList();
    void mentionsHighlightedAndNotified();
    void menuJoinNameAwayBack();
    void awayIndicatorWhileAway();
    void displayNamesShownAndSearchable();
    void displayNameFromLoginAndMenu();
    void closeHidesToTrayWhenThereIsOne();
    void closeQuitsWithoutTray();
    void settingsApplyLiveAndAreRemembered();
    void scrollingUpLoadsOlderLines();

private:
    // With a data directory: history (draft/chathistory), and no flood limits to speak of.
    void startServer(quint16 port = 0, const QString& dataDir = {});
    ServerConnection* connectPeer(const QString& nick, const QString& realName = {});
    // Triggers a menu action that asks for text, answers it and accepts.
    void answerMenuQuestion(const char* action, const char* dialog, const QString& answer);
    void type(const QString& line);
    // The people in the member list of the room on screen, as shown, without ourselves.
    QStringList memberRows() const;
    QModelIndex memberIndex(const QString& nick) const;
    QString viewText(const QString& name) const;
    template <typename T> T* child(const char* name) const
    {
        T* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<Server> m_server;
    quint16 m_port = 0;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QList<ServerConnection*> m_peers;
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Confab")); // as main.cpp does
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
    QSettings().clear();
}

void tst_MainWindow::startServer(quint16 port, const QString& dataDir)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = port;
    config.serverName = QStringLiteral("test.confab");
    if (!dataDir.isEmpty()) {
        config.dataDir = dataDir;
        config.floodBurst = 1000;
        config.floodMaxQueuedLines = 1000;
    }
    m_server = std::make_unique<Server>(config);
    QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    m_port = m_server->serverPort();
}

void tst_MainWindow::init()
{
    for (const QString& key :
         {SettingsKeys::ShowJoinPart, SettingsKeys::HideToTray, SettingsKeys::NotifyMentions,
          SettingsKeys::TimeFormat, SettingsKeys::DisplayName, QStringLiteral("contacts")})
        QSettings().remove(key); // each test starts with the defaults (and no contacts)
    QSettings().setValue(SettingsKeys::Tls, false); // and confabd's plain port
    startServer();
    m_controller = std::make_unique<ChatController>();
    m_controller->connection()->setReconnectDelays(100, 400);
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    StartOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = m_port;
    m_window->start(options);

    // Log in through the dialog, as a person would.
    LoginDialog* dialog = m_window->loginDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto* nickEdit = dialog->findChild<QLineEdit*>(QStringLiteral("nickEdit"));
    nickEdit->clear();
    QTest::keyClicks(nickEdit, QStringLiteral("me"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connectButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QTRY_VERIFY(m_controller->rooms()->contains(QStringLiteral("#lobby")));
    QTRY_VERIFY(m_window->currentConversation());
    QApplication::setActiveWindow(m_window.get());
}

void tst_MainWindow::cleanup()
{
    m_window.reset();
    m_controller.reset();
    qDeleteAll(m_peers);
    m_peers.clear();
    m_server.reset();
}

ServerConnection* tst_MainWindow::connectPeer(const QString& nick, const QString& realName)
{
    auto* peer = new ServerConnection(this);
    peer->setRealName(realName);
    m_peers.append(peer);
    peer->setHost(QStringLiteral("127.0.0.1"));
    peer->setPort(m_port);
    peer->setDesiredNick(nick);
    peer->setAutoReconnect(false);
    peer->connectToServer();
    if (!QTest::qWaitFor([peer] { return peer->isRegistered(); }))
        qWarning("%s did not register", qPrintable(nick));
    return peer;
}

void tst_MainWindow::type(const QString& line)
{
    auto* input = child<ChatInput>("messageInput");
    input->setFocus();
    QTest::keyClicks(input, line);
    QTest::keyClick(input, Qt::Key_Return);
}

QStringList tst_MainWindow::memberRows() const
{
    auto* list = m_window->findChild<QListView*>(QStringLiteral("memberList"));
    QStringList rows;
    for (int row = 0; row < list->model()->rowCount(); ++row)
        rows.append(list->model()->index(row, 0).data(MemberListModel::NickRole).toString());
    rows.removeAll(QStringLiteral("me"));
    return rows;
}

QModelIndex tst_MainWindow::memberIndex(const QString& nick) const
{
    auto* list = m_window->findChild<QListView*>(QStringLiteral("memberList"));
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        if (index.data(MemberListModel::NickRole).toString() == nick)
            return index;
    }
    return {};
}

QString tst_MainWindow::viewText(const QString& name) const
{
    ConversationView* view = m_window->viewFor(name);
    return view ? view->toPlainText() : QString();
}

void tst_MainWindow::loggedInWithLobby()
{
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    auto* rooms = child<QListView>("roomList");
    QCOMPARE(rooms->model()->rowCount(), 1);
    QCOMPARE(rooms->model()->index(0, 0).data(RoomListModel::NameRole).toString(),
             QStringLiteral("#lobby"));
    QTRY_VERIFY(child<QLabel>("stateLabel")->text().contains(QStringLiteral("Connected")));
    QVERIFY(child<QLabel>("serverLabel")->text().contains(QString::number(m_port)));
    QTRY_VERIFY2(child<QLabel>("lagLabel")->text().contains(QStringLiteral("ms")),
                 qPrintable(child<QLabel>("lagLabel")->text()));
    QVERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("You joined #lobby")));
}

void tst_MainWindow::contactAppearsAndDisappearsOnQuit()
{
    QCOMPARE(memberRows(), QStringList());
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("bob joined")));
    ServerConnection* carol = connectPeer(QStringLiteral("Carol"));
    QTRY_COMPARE(memberRows(), (QStringList{QStringLiteral("bob"), QStringLiteral("Carol")}));
    bob->disconnectFromServer(QStringLiteral("going home"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("Carol")});
    QTRY_VERIFY2(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("bob left the chat")),
                 qPrintable(viewText(QStringLiteral("#lobby"))));
    // The server's "Quit: " marker on a reason the user typed is not shown.
    QVERIFY2(viewText(QStringLiteral("#lobby"))
                 .contains(QStringLiteral("bob left the chat: going home")),
             qPrintable(viewText(QStringLiteral("#lobby"))));
    Q_UNUSED(carol);
}

void tst_MainWindow::privateMessageOpensConversationUnread()
{
    m_controller->addContact(QStringLiteral("bob")); // the contact list counts the unread
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("psst, a secret"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("bob")));
    QTRY_VERIFY(viewText(QStringLiteral("bob")).contains(QStringLiteral("psst, a secret")));
    QVERIFY(!viewText(QStringLiteral("#lobby")).contains(QStringLiteral("psst")));
    // Opened in the background and marked unread: in the list and on the tab.
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    auto* list = child<QListView>("contactList");
    QTRY_COMPARE(list->model()->index(0, 0).data(ContactListModel::UnreadRole).toInt(), 1);
    QVERIFY(list->model()->index(0, 0).data().toString().contains(QStringLiteral("1")));
    QCOMPARE(m_window->tabTitle(QStringLiteral("bob")), QStringLiteral("bob (1)"));
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("still there?"));
    QTRY_COMPARE(list->model()->index(0, 0).data(ContactListModel::UnreadRole).toInt(), 2);
    QCOMPARE(m_controller->lastPrivateSender(), QStringLiteral("bob"));
}

void tst_MainWindow::doubleClickOpensPrivateConversation()
{
    m_controller->addContact(QStringLiteral("bob"));
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("unread one"));
    auto* list = child<QListView>("contactList");
    QTRY_COMPARE(list->model()->index(0, 0).data(ContactListModel::UnreadRole).toInt(), 1);

    const QRect rect = list->visualRect(list->model()->index(0, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));
    QTRY_COMPARE(list->model()->index(0, 0).data(ContactListModel::UnreadRole).toInt(), 0);
    QCOMPARE(m_window->tabTitle(QStringLiteral("bob")), QStringLiteral("bob"));

    QSignalSpy bobReceives(bob, &ServerConnection::privateMessage);
    type(QStringLiteral("hi bob"));
    QTRY_COMPARE(bobReceives.count(), 1);
    QCOMPARE(bobReceives.at(0).at(0).value<ChatMessage>().text, QStringLiteral("hi bob"));
    QCOMPARE(bobReceives.at(0).at(0).value<ChatMessage>().sender, QStringLiteral("me"));
    QTRY_VERIFY(viewText(QStringLiteral("bob")).contains(QStringLiteral("me: hi bob")));
}

void tst_MainWindow::roomMessageReachesEveryone()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    ServerConnection* carol = connectPeer(QStringLiteral("carol"));
    QTRY_COMPARE(memberRows().size(), 2);
    QSignalSpy bobRoom(bob, &ServerConnection::roomMessage);
    QSignalSpy carolRoom(carol, &ServerConnection::roomMessage);
    type(QStringLiteral("hello everyone"));
    QTRY_COMPARE(bobRoom.count(), 1);
    QTRY_COMPARE(carolRoom.count(), 1);
    const auto atBob = bobRoom.at(0).at(0).value<ChatMessage>();
    QCOMPARE(atBob.target, QStringLiteral("#lobby"));
    QCOMPARE(atBob.sender, QStringLiteral("me"));
    QCOMPARE(atBob.text, QStringLiteral("hello everyone"));
    // Shown once in our own window (echo-message: the server's copy, with its time).
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("me: hello everyone")));
    QCOMPARE(viewText(QStringLiteral("#lobby")).count(QStringLiteral("hello everyone")), 1);

    carol->sendMessage(QStringLiteral("#lobby"), QStringLiteral("hi from carol"));
    QTRY_VERIFY(
        viewText(QStringLiteral("#lobby")).contains(QStringLiteral("carol: hi from carol")));
    QTRY_COMPARE(bobRoom.count(), 2);

    // Addresses become links; markup typed by people stays text.
    carol->sendMessage(QStringLiteral("#lobby"),
                       QStringLiteral("see https://example.org/a?b=1&c=2. <b>not bold</b>"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("<b>not bold</b>")));
    ConversationView* view = m_window->viewFor(QStringLiteral("#lobby"));
    const QModelIndex last = view->model()->index(view->model()->rowCount() - 1, 0);
    const QString html =
        view->messageDelegate()->bodyDocument(QRect(0, 0, 500, 0), last)->toHtml();
    QVERIFY2(html.contains(QStringLiteral("href=\"https://example.org/a?b=1&amp;c=2\"")),
             qPrintable(html));
}

void tst_MainWindow::renameUpdatesListAndConversation()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("before the rename"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("bob")));
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("bob")));

    bob->setNick(QStringLiteral("robert"));
    QTRY_VERIFY(m_controller->connection()->members(QStringLiteral("#lobby"))
                    .contains(QStringLiteral("robert")));
    QTRY_COMPARE(m_window->tabTitle(QStringLiteral("robert")), QStringLiteral("robert"));
    QVERIFY(!m_window->viewFor(QStringLiteral("bob")));
    const QString text = viewText(QStringLiteral("robert"));
    QVERIFY(text.contains(QStringLiteral("before the rename")));
    QVERIFY(text.contains(QStringLiteral("bob is now robert")));
    QVERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("bob is now robert")));
    QVERIFY(child<QLabel>("topicLabel")->text().contains(QStringLiteral("robert")));

    // Writing in the open conversation now goes to robert.
    QSignalSpy received(bob, &ServerConnection::privateMessage);
    type(QStringLiteral("hello robert"));
    QTRY_COMPARE(received.count(), 1);
    QCOMPARE(received.at(0).at(0).value<ChatMessage>().text, QStringLiteral("hello robert"));
}

void tst_MainWindow::awayIsShown()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    QCOMPARE(memberIndex(QStringLiteral("bob")).data(MemberListModel::AwayRole).toBool(), false);
    bob->setAway(QStringLiteral("lunch"));
    QTRY_VERIFY(memberIndex(QStringLiteral("bob")).data(MemberListModel::AwayRole).toBool());
    QVERIFY(memberIndex(QStringLiteral("bob"))
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("lunch")));
    bob->setAway(QString());
    QTRY_VERIFY(!memberIndex(QStringLiteral("bob")).data(MemberListModel::AwayRole).toBool());
}

void tst_MainWindow::filterBoxFilters()
{
    connectPeer(QStringLiteral("bob"));
    connectPeer(QStringLiteral("alice"));
    connectPeer(QStringLiteral("Albert"));
    QTRY_COMPARE(memberRows(), (QStringList{QStringLiteral("Albert"), QStringLiteral("alice"),
                                             QStringLiteral("bob")})); // sorted, case-insensitively
    QTest::keyClicks(child<QLineEdit>("memberFilter"), QStringLiteral("AL"));
    QCOMPARE(memberRows(), (QStringList{QStringLiteral("Albert"), QStringLiteral("alice")}));
    child<QLineEdit>("memberFilter")->clear();
    QCOMPARE(memberRows().size(), 3);
}

void tst_MainWindow::commands()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    QSignalSpy bobPrivate(bob, &ServerConnection::privateMessage);
    QSignalSpy bobRoom(bob, &ServerConnection::roomMessage);

    type(QStringLiteral("/msg bob via msg"));
    QTRY_COMPARE(bobPrivate.count(), 1);
    QCOMPARE(bobPrivate.at(0).at(0).value<ChatMessage>().text, QStringLiteral("via msg"));
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));

    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("#lobby")));
    type(QStringLiteral("/me waves"));
    QTRY_COMPARE(bobRoom.count(), 1);
    QVERIFY(bobRoom.at(0).at(0).value<ChatMessage>().isAction);
    QCOMPARE(bobRoom.at(0).at(0).value<ChatMessage>().text, QStringLiteral("waves"));

    type(QStringLiteral("to:bob switching"));
    QTRY_COMPARE(bobPrivate.count(), 2);
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));

    type(QStringLiteral("/join dev"));
    QTRY_VERIFY(m_controller->rooms()->contains(QStringLiteral("#dev")));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("#dev")));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("#dev"));
    type(QStringLiteral("/topic Friday builds"));
    QTRY_COMPARE(m_controller->rooms()->topic(QStringLiteral("#dev")),
                 QStringLiteral("Friday builds"));
    QTRY_VERIFY(child<QLabel>("topicLabel")->text().contains(QStringLiteral("Friday builds")));
    type(QStringLiteral("/part done here"));
    QTRY_VERIFY(!m_controller->rooms()->contains(QStringLiteral("#dev")));

    type(QStringLiteral("/nick BOB")); // taken (case-insensitively): said so, nothing changes
    QTRY_VERIFY2(
        m_window->currentConversation()->lastText().contains(QStringLiteral("already taken")),
        qPrintable(m_window->currentConversation()->lastText()));
    QCOMPARE(m_controller->connection()->nick(), QStringLiteral("me"));
    type(QStringLiteral("/nick 9lives")); // invalid: refused before anything is sent
    QVERIFY(m_window->currentConversation()->lastText().contains(QStringLiteral("9lives")));

    QSignalSpy bobSeesRename(bob, &ServerConnection::nickChanged);
    type(QStringLiteral("/nick me2"));
    QTRY_COMPARE(bobSeesRename.count(), 1);
    QCOMPARE(m_controller->connection()->nick(), QStringLiteral("me2"));
    QTRY_VERIFY2(child<QLabel>("stateLabel")->text().contains(QStringLiteral("me2")),
                 qPrintable(child<QLabel>("stateLabel")->text()));

    QSignalSpy bobSeesAway(bob, &ServerConnection::awayChanged);
    type(QStringLiteral("/away lunch"));
    QTRY_VERIFY(!bobSeesAway.isEmpty());
    QCOMPARE(bobSeesAway.last().at(0).toString(), QStringLiteral("me2"));
    QCOMPARE(bobSeesAway.last().at(1).toBool(), true);

    type(QStringLiteral("/frobnicate"));
    QTRY_VERIFY(m_window->currentConversation()->lastText().contains(QStringLiteral("frobnicate")));

    QSignalSpy bobSeesQuit(bob, &ServerConnection::userQuit);
    type(QStringLiteral("/quit see you"));
    QTRY_COMPARE(bobSeesQuit.count(), 1);
    QVERIFY(bobSeesQuit.at(0).at(1).toString().contains(QStringLiteral("see you")));
    QTRY_VERIFY(!m_window->isVisible());
}

void tst_MainWindow::replyToLastWithCtrlR()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    ServerConnection* carol = connectPeer(QStringLiteral("carol"));
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("from bob"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("bob")));
    carol->sendMessage(QStringLiteral("me"), QStringLiteral("from carol"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("carol")));
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    QTest::keyClick(child<ChatInput>("messageInput"), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("carol"));
}

void tst_MainWindow::notifiesOnlyWhenNotFocused()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QSignalSpy attention(m_window.get(), &MainWindow::attentionRequested);
    QTRY_VERIFY(m_window->isActiveWindow());
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("while you look"));
    QTRY_VERIFY(viewText(QStringLiteral("bob")).contains(QStringLiteral("while you look")));
    QCOMPARE(attention.count(), 0);
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("bob")));
    QCOMPARE(m_controller->conversations()->find(QStringLiteral("bob"))->unreadCount(), 0);

    QApplication::setActiveWindow(nullptr);
    QTRY_VERIFY(!m_window->isActiveWindow());
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("are you there?"));
    QTRY_COMPARE(attention.count(), 1);
    QCOMPARE(attention.at(0).at(0).toString(), QStringLiteral("bob"));
    QCOMPARE(attention.at(0).at(1).toString(), QStringLiteral("are you there?"));
    // Even the conversation on screen counts as unread while the window is not focused.
    QCOMPARE(m_controller->conversations()->find(QStringLiteral("bob"))->unreadCount(), 1);
    QApplication::setActiveWindow(m_window.get());
    QTRY_COMPARE(m_controller->conversations()->find(QStringLiteral("bob"))->unreadCount(), 0);
}

void tst_MainWindow::connectOptionSkipsDialog()
{
    ChatController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString error;
    StartOptions options;
    QVERIFY(options.parse({QStringLiteral("confab"), QStringLiteral("--server"),
                           QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--nick"),
                           QStringLiteral("scripted"), QStringLiteral("--connect")},
                          &error));
    window.start(options);
    QVERIFY(!window.loginDialog()->isVisible());
    QTRY_VERIFY(controller.connection()->isRegistered());
    QCOMPARE(controller.connection()->nick(), QStringLiteral("scripted"));
    QCOMPARE(QSettings().value(SettingsKeys::Nick).toString(), QStringLiteral("scripted"));
    QTRY_VERIFY(controller.rooms()->contains(QStringLiteral("#lobby")));
    QVERIFY(!window.loginDialog()->isVisible());
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("scripted")}); // seen by the first
}

void tst_MainWindow::joinsLobbyWhenServerDoesNot()
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.autoJoin = false;
    Server plain(config);
    QVERIFY(plain.listen());
    ChatController controller;
    ServerConnection* connection = controller.connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(plain.serverPort());
    connection->setDesiredNick(QStringLiteral("newcomer"));
    connection->connectToServer();
    QTRY_VERIFY(connection->isRegistered());
    QTRY_VERIFY(controller.rooms()->isJoined(QStringLiteral("#lobby")));
    QCOMPARE(connection->rooms(), QStringList{QStringLiteral("#lobby")});
}

void tst_MainWindow::historyWithUpAndDown()
{
    auto* input = child<ChatInput>("messageInput");
    type(QStringLiteral("first"));
    type(QStringLiteral("second"));
    QCOMPARE(input->text(), QString());
    QTest::keyClicks(input, QStringLiteral("draft"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("second"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("first"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->text(), QStringLiteral("first"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QStringLiteral("second"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->text(), QStringLiteral("draft"));
}

void tst_MainWindow::multiLinePasteAsksThenSendsSeveral()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    QSignalSpy bobRoom(bob, &ServerConnection::roomMessage);
    QApplication::clipboard()->setText(QStringLiteral("line one\nline two\n\nline three\n"));
    auto* input = child<ChatInput>("messageInput");
    input->setFocus();
    QTest::keyClick(input, Qt::Key_V, Qt::ControlModifier);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox*>(QStringLiteral("pasteConfirmation"))));
    QVERIFY(box->text().contains(QStringLiteral("3")));
    QCOMPARE(bobRoom.count(), 0); // nothing before the confirmation
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE(bobRoom.count(), 3);
    QCOMPARE(bobRoom.at(0).at(0).value<ChatMessage>().text, QStringLiteral("line one"));
    QCOMPARE(bobRoom.at(1).at(0).value<ChatMessage>().text, QStringLiteral("line two"));
    QCOMPARE(bobRoom.at(2).at(0).value<ChatMessage>().text, QStringLiteral("line three"));
    QCOMPARE(input->text(), QString());
}

void tst_MainWindow::nextAndPreviousConversation()
{
    type(QStringLiteral("/join #two"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("#two")));
    auto* tabs = child<QTabWidget>("conversationTabs");
    QCOMPARE(tabs->count(), 2);
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("#lobby")));
    QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#two"));
    QTest::keyClick(m_window.get(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#two"));
    // A click in the rooms list shows that room.
    auto* rooms = child<QListView>("roomList");
    const QModelIndex lobby =
        rooms->model()->index(m_controller->rooms()->indexOf(QStringLiteral("#lobby")), 0);
    QCOMPARE(rooms->currentIndex().data(RoomListModel::NameRole).toString(),
             QStringLiteral("#two"));
    QTest::mouseClick(rooms->viewport(), Qt::LeftButton, {}, rooms->visualRect(lobby).center());
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
}

void tst_MainWindow::menusAndAboutBox()
{
    QStringList shortcuts;
    for (const char* name : {"connectAction", "disconnectAction", "quitAction",
                             "nextConversationAction", "previousConversationAction", "replyAction",
                             "joinRoomAction", "settingsAction", "commandsAction"}) {
        auto* action = m_window->findChild<QAction*>(QString::fromLatin1(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->shortcut().isEmpty(), name);
        shortcuts.append(action->shortcut().toString());
    }
    QCOMPARE(shortcuts.removeDuplicates(), 0);
    QVERIFY(m_window->findChild<QAction*>(QStringLiteral("disconnectAction"))->isEnabled());

    m_window->findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
    QMessageBox* about = nullptr;
    QTRY_VERIFY((about = m_window->findChild<QMessageBox*>(QStringLiteral("aboutBox"))));
    QVERIFY(about->text().contains(QStringLiteral("Confab")));
    QVERIFY(!about->iconPixmap().isNull());
    QTest::mouseClick(about->button(QMessageBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("aboutBox")));

    m_window->findChild<QAction*>(QStringLiteral("disconnectAction"))->trigger();
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
    QVERIFY(child<QLabel>("stateLabel")->text().contains(QStringLiteral("Disconnected")));
    QVERIFY(!m_window->findChild<QAction*>(QStringLiteral("disconnectAction"))->isEnabled());
    m_window->findChild<QAction*>(QStringLiteral("connectAction"))->trigger();
    QTRY_VERIFY(m_window->loginDialog()->isVisible());
}

void tst_MainWindow::serverGoingAwayShowsDisconnectedThenReconnects()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    type(QStringLiteral("/join #kept"));
    QTRY_VERIFY(m_controller->rooms()->isJoined(QStringLiteral("#kept")));
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("#lobby")));
    type(QStringLiteral("said before"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("said before")));

    auto* state = child<QLabel>("stateLabel");
    m_server->shutdown(QStringLiteral("maintenance"));
    QTRY_VERIFY2(state->text().contains(QStringLiteral("Disconnected")), qPrintable(state->text()));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("Disconnected")));
    QTRY_COMPARE(memberRows(), QStringList()); // nobody is known online now
    // The conversation stays on screen.
    QVERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("said before")));
    QTRY_COMPARE(m_server->clientCount(), 0);
    m_server.reset();
    delete bob;
    m_peers.removeOne(bob);

    QTest::qWait(300); // a few failed attempts: the state stays visible
    QVERIFY2(state->isVisible() && state->text().contains(QStringLiteral("trying again")),
             qPrintable(state->text()));

    // Typed while offline: shown as waiting, not lost.
    type(QStringLiteral("typed offline"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("waiting to be sent")));
    QCOMPARE(m_controller->connection()->outboxSize(), 1);

    // The server comes back on the same port: the client reconnects and rejoins by itself.
    startServer(m_port);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connection()->isRegistered(), 10000);
    QTRY_VERIFY(state->text().contains(QStringLiteral("Connected")));
    QTRY_VERIFY(m_controller->rooms()->isJoined(QStringLiteral("#lobby")));
    QTRY_VERIFY(m_controller->rooms()->isJoined(QStringLiteral("#kept")));
    QCOMPARE(m_controller->connection()->outboxSize(), 0);
    QTRY_VERIFY(!viewText(QStringLiteral("#lobby")).contains(QStringLiteral("waiting to be sent")));
    QVERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("typed offline")));
    QVERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("Connected again")));
    QCOMPARE(viewText(QStringLiteral("#lobby")).count(QStringLiteral("typed offline")), 1);

    ServerConnection* carol = connectPeer(QStringLiteral("carol"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("carol")});
    QSignalSpy carolRoom(carol, &ServerConnection::roomMessage);
    type(QStringLiteral("after the restart"));
    QTRY_COMPARE(carolRoom.count(), 1);
}

void tst_MainWindow::windowTitleNamesTheAppOnce()
{
    // Qt adds " — Confab" (the display name) itself; the title must not say it again.
    QTRY_COMPARE(m_window->windowTitle(), QStringLiteral("me on 127.0.0.1"));
    m_controller->connection()->disconnectFromServer(QStringLiteral("bye"));
    QTRY_VERIFY(m_controller->connection()->state() == ServerConnection::State::Disconnected);
    QVERIFY2(!m_window->windowTitle().contains(QStringLiteral("Confab")),
             qPrintable(m_window->windowTitle()));
}

void tst_MainWindow::connectOptionUsesSavedName()
{
    QSettings().setValue(SettingsKeys::Nick, QStringLiteral("savedname"));
    StartOptions options;
    QString error;
    QVERIFY2(options.parse({QStringLiteral("confab"), QStringLiteral("--server"),
                            QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--connect")},
                           &error),
             qPrintable(error));
    ChatController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.start(options);
    QVERIFY(!window.loginDialog()->isVisible());
    QTRY_VERIFY(controller.connection()->isRegistered());
    QCOMPARE(controller.connection()->nick(), QStringLiteral("savedname"));
}

void tst_MainWindow::rightClickOnRoomSwitchesAndOffersLeave()
{
    type(QStringLiteral("/join #two"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("#two")));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("#two"));
    auto* rooms = child<QListView>("roomList");
    const QModelIndex lobby =
        rooms->model()->index(m_controller->rooms()->indexOf(QStringLiteral("#lobby")), 0);
    const QPoint at = rooms->visualRect(lobby).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, rooms->viewport()->mapToGlobal(at));
    QApplication::sendEvent(rooms->viewport(), &event); // what a right-click delivers
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    auto* menu = m_window->findChild<QMenu*>(QStringLiteral("roomMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    auto* leave = menu->findChild<QAction*>(QStringLiteral("leaveRoomAction"));
    QVERIFY(leave);
    leave->trigger();
    menu->close();
    QTRY_VERIFY(!m_controller->rooms()->isJoined(QStringLiteral("#lobby")));
    QTRY_VERIFY(!m_window->viewFor(QStringLiteral("#lobby")));
}

void tst_MainWindow::rightClickOnContactAndTab()
{
    connectPeer(QStringLiteral("bob"))->join(QStringLiteral("#lobby"));
    QTRY_VERIFY(memberRows().contains(QStringLiteral("bob")));
    auto* members = child<QListView>("memberList");
    const QModelIndex bob = memberIndex(QStringLiteral("bob"));
    QPoint at = members->visualRect(bob).center();
    QContextMenuEvent onContact(QContextMenuEvent::Mouse, at, members->viewport()->mapToGlobal(at));
    QApplication::sendEvent(members->viewport(), &onContact);
    auto* contactMenu = m_window->findChild<QMenu*>(QStringLiteral("memberMenu"));
    QVERIFY(contactMenu);
    contactMenu->findChild<QAction*>(QStringLiteral("privateMessageAction"))->trigger();
    contactMenu->close();
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));

    QTabBar* tabBar = child<QTabWidget>("conversationTabs")->tabBar();
    const int bobTab = tabBar->count() - 1;
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("#lobby")));
    at = tabBar->tabRect(bobTab).center();
    QContextMenuEvent onTab(QContextMenuEvent::Mouse, at, tabBar->mapToGlobal(at));
    QApplication::sendEvent(tabBar, &onTab);
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));
    auto* tabMenu = m_window->findChild<QMenu*>(QStringLiteral("tabMenu"));
    QVERIFY(tabMenu);
    tabMenu->findChild<QAction*>(QStringLiteral("closeTabAction"))->trigger();
    tabMenu->close();
    QTRY_VERIFY(!m_window->viewFor(QStringLiteral("bob")));
}

void tst_MainWindow::loginErrorClearedAfterLogin()
{
    ChatController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    quint16 closedPort = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        closedPort = probe.serverPort();
    }
    StartOptions options;
    options.host = QStringLiteral("127.0.0.1");
    options.port = closedPort;
    window.start(options);
    LoginDialog* dialog = window.loginDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto* nickEdit = dialog->findChild<QLineEdit*>(QStringLiteral("nickEdit"));
    nickEdit->clear();
    QTest::keyClicks(nickEdit, QStringLiteral("erin"));
    auto* connectButton = dialog->findChild<QPushButton*>(QStringLiteral("connectButton"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY(!window.statusBar()->currentMessage().isEmpty()); // refused

    auto* portSpin = dialog->findChild<QSpinBox*>(QStringLiteral("portSpin"));
    portSpin->setValue(m_port);
    QTRY_VERIFY(connectButton->isEnabled());
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY(controller.connection()->isRegistered());
    QVERIFY2(window.statusBar()->currentMessage().isEmpty(),
             qPrintable(window.statusBar()->currentMessage()));
}

void tst_MainWindow::awayReplyShownOnceNotAsSpeech()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    bob->setAway(QStringLiteral("lunch break"));
    QTRY_VERIFY(memberIndex(QStringLiteral("bob")).data(MemberListModel::AwayRole).toBool());
    type(QStringLiteral("/msg bob are you there?"));
    type(QStringLiteral("/msg bob hello?"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("bob")));
    QTRY_VERIFY2(viewText(QStringLiteral("bob")).contains(QStringLiteral("hello?")),
                 qPrintable(viewText(QStringLiteral("bob"))));
    QTest::qWait(200); // both 301 replies have come
    const QString text = viewText(QStringLiteral("bob")) + viewText(QStringLiteral("#lobby"));
    QCOMPARE(text.count(QStringLiteral("lunch break")), 1);
    QVERIFY2(text.contains(QStringLiteral("bob is away: lunch break")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("bob: lunch break")), qPrintable(text));
}

void tst_MainWindow::messageToNobodyStaysMarkedNotDelivered()
{
    type(QStringLiteral("/msg nobody hello there"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("nobody")));
    ConversationModel* conversation = m_controller->conversations()->find(QStringLiteral("nobody"));
    QTRY_COMPARE(conversation->rowCount(), 2);
    const QModelIndex line = conversation->index(0, 0);
    QCOMPARE(line.data(ConversationModel::TextRole).toString(), QStringLiteral("hello there"));
    QVERIFY(line.data(ConversationModel::IsOwnRole).toBool());
    QCOMPARE(line.data(ConversationModel::StatusRole).value<ConversationModel::Status>(),
             ConversationModel::Status::Failed);
    const QString text = viewText(QStringLiteral("nobody"));
    QVERIFY2(text.contains(QStringLiteral("hello there")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("not sent")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("nobody called nobody")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("No such nick")), qPrintable(text));
}

void tst_MainWindow::tabCompletesNames()
{
    connectPeer(QStringLiteral("bob"));
    connectPeer(QStringLiteral("bobby"));
    QTRY_COMPARE(memberRows().size(), 2);
    QTRY_COMPARE(m_controller->connection()->members(QStringLiteral("#lobby")).size(), 3);
    auto* input = child<ChatInput>("messageInput");
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("BO"));
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("bob: "));
    QVERIFY(input->hasFocus()); // Tab completed instead of moving on
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("bobby: "));
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("bob: "));
    QTest::keyClicks(input, QStringLiteral("see #lo"));
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("bob: see #lobby "));
    QTest::keyClicks(input, QStringLiteral("me"));
    QTest::keyClick(input, Qt::Key_Tab); // our own name is not offered
    QCOMPARE(input->text(), QStringLiteral("bob: see #lobby me"));

    // In a private conversation: the person.
    input->clear();
    type(QStringLiteral("/query bobby"));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("bobby"));
    QTest::keyClicks(input, QStringLiteral("thanks b"));
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("thanks bobby "));
}

void tst_MainWindow::answerMenuQuestion(const char* action, const char* dialog,
                                        const QString& answer)
{
    auto* trigger = m_window->findChild<QAction*>(QString::fromLatin1(action));
    QVERIFY2(trigger, action);
    trigger->trigger();
    QInputDialog* question = nullptr;
    QTRY_VERIFY2((question = m_window->findChild<QInputDialog*>(QString::fromLatin1(dialog))),
                 dialog);
    QVERIFY(question->isVisible());
    question->setTextValue(answer);
    question->accept();
}

void tst_MainWindow::whoisIsReadable()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"), QStringLiteral("Bob Builder"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    bob->setAway(QStringLiteral("at lunch"));
    QTRY_VERIFY(memberIndex(QStringLiteral("bob")).data(MemberListModel::AwayRole).toBool());
    type(QStringLiteral("/whois BOB"));
    QTRY_VERIFY2(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("bob is connected to")),
                 qPrintable(viewText(QStringLiteral("#lobby"))));
    const QString text = viewText(QStringLiteral("#lobby"));
    QVERIFY2(text.contains(QStringLiteral("bob is Bob Builder (~confab@127.0.0.1)")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("bob is in #lobby\n")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("bob is away: at lunch")));
    QVERIFY(text.contains(QStringLiteral("bob has been idle for")));
    QVERIFY(text.contains(QStringLiteral("online since")));
    QVERIFY2(!text.contains(QStringLiteral("311")) && !text.contains(QStringLiteral("End of")),
             qPrintable(text));

    // Our own: first in #lobby, so an operator there; the room is named without the "@".
    type(QStringLiteral("/whois me"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("me is connected to")));
    QVERIFY2(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("me is in #lobby\n")),
             qPrintable(viewText(QStringLiteral("#lobby"))));

    type(QStringLiteral("/whois nobody"));
    QTRY_VERIFY(m_window->currentConversation()->lastText().contains(
        QStringLiteral("Nobody called nobody is on the server now")));
}

void tst_MainWindow::listShowsRoomsToJoin()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    bob->join(QStringLiteral("#gardening"));
    QTRY_VERIFY(bob->rooms().contains(QStringLiteral("#gardening")));
    bob->setTopic(QStringLiteral("#gardening"), QStringLiteral("Tomatoes and roses"));
    bob->join(QStringLiteral("#cooking"));
    QTRY_VERIFY(bob->network().hasRoom(QStringLiteral("#cooking")));

    type(QStringLiteral("/list"));
    RoomDirectoryDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<RoomDirectoryDialog*>()));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto* table = dialog->findChild<QTableView*>(QStringLiteral("roomTable"));
    QTRY_COMPARE(table->model()->rowCount(), 3); // #lobby, #gardening, #cooking
    QTRY_VERIFY(m_controller->roomDirectory()->isComplete());
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("roomDirectoryStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("3 rooms")), qPrintable(status->text()));

    // The filter matches names and topics.
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("roomFilter")),
                     QStringLiteral("ROSES"));
    QTRY_COMPARE(table->model()->rowCount(), 1);
    const QModelIndex room = table->model()->index(0, 0);
    QCOMPARE(room.data().toString(), QStringLiteral("#gardening"));
    QCOMPARE(table->model()->index(0, 1).data().toInt(), 1);
    QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("Tomatoes and roses"));

    const QRect rect = table->visualRect(room);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(m_controller->rooms()->contains(QStringLiteral("#gardening")));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("#gardening"));
    QTRY_VERIFY(!m_window->findChild<RoomDirectoryDialog*>());
    QVERIFY(!m_controller->rooms()->contains(QStringLiteral("#cooking")));
}

void tst_MainWindow::helpShowsCommandList()
{
    type(QStringLiteral("/help"));
    HelpDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<HelpDialog*>()));
    QVERIFY(dialog->isVisible());
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("commandTable"));
    QCOMPARE(table->rowCount(), int(EventFormatter::commandHelp().size()));
    QStringList commands;
    for (int row = 0; row < table->rowCount(); ++row) {
        commands.append(table->item(row, 0)->text());
        QVERIFY(!table->item(row, 1)->text().isEmpty());
    }
    for (const QString& command : {QStringLiteral("/whois name"), QStringLiteral("/list"),
                                   QStringLiteral("/join #room"), QStringLiteral("/away [reason]")})
        QVERIFY2(commands.contains(command), qPrintable(command));
    QVERIFY(!viewText(QStringLiteral("#lobby")).contains(QStringLiteral("Unknown command")));
    dialog->close();
    QTRY_VERIFY(!m_window->findChild<HelpDialog*>());
    m_window->findChild<QAction*>(QStringLiteral("commandsAction"))->trigger();
    QTRY_VERIFY(m_window->findChild<HelpDialog*>());
}

void tst_MainWindow::mentionsHighlightedAndNotified()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});
    QSignalSpy attention(m_window.get(), &MainWindow::attentionRequested);
    QTRY_VERIFY(m_window->isActiveWindow());
    ConversationModel* lobby = m_controller->conversations()->find(QStringLiteral("#lobby"));
    auto lastIsMention = [lobby] {
        return lobby->index(lobby->rowCount() - 1).data(ConversationModel::MentionRole).toBool();
    };

    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("some meh remark"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("some meh remark")));
    QVERIFY(!lastIsMention());
    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("hey ME, look"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("hey ME, look")));
    QVERIFY(lastIsMention());
    ConversationView* view = m_window->viewFor(QStringLiteral("#lobby"));
    QVERIFY(view->messageDelegate()
                ->bodyDocument(QRect(0, 0, 500, 0), lobby->index(lobby->rowCount() - 1))
                ->toHtml()
                .contains(QString(ConversationView::MentionBackground)));
    QCOMPARE(attention.count(), 0); // on screen already

    // Another conversation on screen: the mention calls for attention.
    type(QStringLiteral("/query bob"));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));
    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("me: are you there?"));
    QTRY_COMPARE(attention.count(), 1);
    QCOMPARE(attention.at(0).at(0).toString(), QStringLiteral("bob"));
    QVERIFY(lastIsMention());

    // Turned off in the settings: highlighted, no notification.
    m_controller->preferences()->setNotifyMentions(false);
    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("me: again"));
    QTRY_VERIFY(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("me: again")));
    QVERIFY(lastIsMention());
    QCOMPARE(attention.count(), 1);
}

void tst_MainWindow::menuJoinNameAwayBack()
{
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("bob")});

    answerMenuQuestion("joinRoomAction", "joinRoomDialog", QStringLiteral("#fromthemenu"));
    QTRY_VERIFY(m_controller->rooms()->contains(QStringLiteral("#fromthemenu")));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("#fromthemenu"));

    answerMenuQuestion("changeNameAction", "changeNameDialog", QStringLiteral("menuname"));
    QTRY_COMPARE(m_controller->connection()->nick(), QStringLiteral("menuname"));
    // Checked as /nick is: an invalid name is refused before anything is sent.
    answerMenuQuestion("changeNameAction", "changeNameDialog", QStringLiteral("9lives"));
    QTRY_VERIFY(m_window->currentConversation()->lastText().contains(QStringLiteral("9lives")));
    QCOMPARE(m_controller->connection()->nick(), QStringLiteral("menuname"));

    auto* back = m_window->findChild<QAction*>(QStringLiteral("backAction"));
    QVERIFY(!back->isEnabled());
    answerMenuQuestion("setAwayAction", "setAwayDialog", QStringLiteral("walking the dog"));
    QTRY_VERIFY(bob->network().isMember(QStringLiteral("#lobby"), QStringLiteral("menuname")));
    QTRY_VERIFY(m_controller->connection()->isAway());
    QVERIFY(back->isEnabled());
    back->trigger();
    QTRY_VERIFY(!m_controller->connection()->isAway());
    QVERIFY(!back->isEnabled());
}

void tst_MainWindow::awayIndicatorWhileAway()
{
    auto* label = child<QLabel>("awayLabel");
    QVERIFY(!label->isVisible());
    type(QStringLiteral("/away lunch break"));
    QTRY_VERIFY(label->isVisible());
    QVERIFY2(label->text().contains(QStringLiteral("lunch break")), qPrintable(label->text()));
    type(QStringLiteral("/back"));
    QTRY_VERIFY(!label->isVisible());
    QVERIFY(!m_controller->connection()->isAway());
}

void tst_MainWindow::displayNamesShownAndSearchable()
{
    ServerConnection* lilei = connectPeer(QStringLiteral("lilei"), QStringLiteral("李雷"));
    connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(memberRows().size(), 2);
    auto rowOf = [this](const QString& nick) { return memberIndex(nick); };
    QTRY_COMPARE(rowOf(QStringLiteral("lilei")).data().toString(), QStringLiteral("李雷 (lilei)"));
    QVERIFY2(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("李雷 (lilei) joined")),
             qPrintable(viewText(QStringLiteral("#lobby"))));
    QCOMPARE(rowOf(QStringLiteral("bob")).data().toString(), QStringLiteral("bob"));

    // The filter finds people by either name.
    auto* filter = child<QLineEdit>("memberFilter");
    filter->insert(QStringLiteral("李")); // as an input method would
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("lilei")});
    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("LIL"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("lilei")});
    filter->clear();
    QTRY_COMPARE(memberRows().size(), 2);

    // Sender labels.
    lilei->sendMessage(QStringLiteral("#lobby"), QStringLiteral("大家好"));
    QTRY_VERIFY2(
        viewText(QStringLiteral("#lobby")).contains(QStringLiteral("李雷 (lilei): 大家好")),
        qPrintable(viewText(QStringLiteral("#lobby"))));

    // Tab completes the display name to the nick.
    auto* input = child<ChatInput>("messageInput");
    input->setFocus();
    input->insert(QStringLiteral("李")); // as an input method would
    QTest::keyClick(input, Qt::Key_Tab);
    QCOMPARE(input->text(), QStringLiteral("lilei: "));
    input->clear();

    // SETNAME (the setname cap): the new name everywhere.
    QVERIFY(lilei->hasCapability(QStringLiteral("setname")));
    QVERIFY(lilei->setDisplayName(QStringLiteral("韩梅梅")));
    QTRY_COMPARE(rowOf(QStringLiteral("lilei")).data().toString(),
                 QStringLiteral("韩梅梅 (lilei)"));
    lilei->disconnectFromServer(QStringLiteral("bye"));
    QTRY_VERIFY2(
        viewText(QStringLiteral("#lobby")).contains(QStringLiteral("韩梅梅 (lilei) left the chat")),
        qPrintable(viewText(QStringLiteral("#lobby"))));
}

void tst_MainWindow::displayNameFromLoginAndMenu()
{
    // Log in again with a display name typed into the dialog.
    m_window->findChild<QAction*>(QStringLiteral("disconnectAction"))->trigger();
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
    m_window->findChild<QAction*>(QStringLiteral("connectAction"))->trigger();
    LoginDialog* dialog = m_window->loginDialog();
    QTRY_VERIFY(dialog->isVisible());
    auto* displayName = dialog->findChild<QLineEdit*>(QStringLiteral("displayNameEdit"));
    QVERIFY(displayName);
    displayName->clear();
    displayName->insert(QStringLiteral("小明")); // as an input method would
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("connectButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    QTRY_VERIFY(!dialog->isVisible());
    QCOMPARE(QSettings().value(SettingsKeys::DisplayName).toString(), QStringLiteral("小明"));

    // Others see it (their WHO on joining tells them real names).
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(bob->realNameOf(QStringLiteral("me")), QStringLiteral("小明"));

    // Changed from the menu: SETNAME, seen by others at once, and remembered.
    answerMenuQuestion("displayNameAction", "displayNameDialog", QStringLiteral("王小明"));
    QTRY_COMPARE(bob->realNameOf(QStringLiteral("me")), QStringLiteral("王小明"));
    QCOMPARE(QSettings().value(SettingsKeys::DisplayName).toString(), QStringLiteral("王小明"));
    // Our own lines carry it too.
    type(QStringLiteral("hello"));
    QTRY_VERIFY2(viewText(QStringLiteral("#lobby")).contains(QStringLiteral("王小明 (me): hello")),
                 qPrintable(viewText(QStringLiteral("#lobby"))));
}

void tst_MainWindow::closeHidesToTrayWhenThereIsOne()
{
    m_window->setSystemTrayAvailable(true);
    SystemTray* tray = m_window->systemTray();
    QVERIFY(tray->isAvailable());
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QVERIFY(m_controller->connection()->isRegistered()); // still there, hidden

    // Unread messages show on the tray.
    ServerConnection* bob = connectPeer(QStringLiteral("bob"));
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("psst"));
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("psst again"));
    QTRY_COMPARE(tray->unreadCount(), 2);
    QVERIFY2(tray->toolTip().contains(QStringLiteral("2 unread")), qPrintable(tray->toolTip()));

    tray->menu()->findChild<QAction*>(QStringLiteral("trayShowAction"))->trigger();
    QTRY_VERIFY(m_window->isVisible());

    QSignalSpy quitting(m_window.get(), &MainWindow::quitting);
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QCOMPARE(quitting.count(), 0); // only hidden
    tray->menu()->findChild<QAction*>(QStringLiteral("trayQuitAction"))->trigger();
    QTRY_COMPARE(quitting.count(), 1);
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
}

void tst_MainWindow::closeQuitsWithoutTray()
{
    m_window->setSystemTrayAvailable(false);
    QSignalSpy quitting(m_window.get(), &MainWindow::quitting);
    m_window->close();
    QTRY_VERIFY(!m_window->isVisible());
    QCOMPARE(quitting.count(), 1);
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);

    // With a tray but "hide to tray" turned off: closing quits too.
    m_window->show();
    m_window->setSystemTrayAvailable(true);
    m_controller->preferences()->setHideToTray(false);
    m_controller->connection()->connectToServer();
    QTRY_VERIFY(m_controller->connection()->isRegistered());
    m_window->close();
    QTRY_COMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
}

void tst_MainWindow::settingsApplyLiveAndAreRemembered()
{
    m_window->findChild<QAction*>(QStringLiteral("settingsAction"))->trigger();
    SettingsDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<SettingsDialog*>()));
    auto* joinPart = dialog->findChild<QCheckBox*>(QStringLiteral("showJoinPartCheck"));
    auto* timeFormat = dialog->findChild<QComboBox*>(QStringLiteral("timeFormatCombo"));
    QVERIFY(joinPart->isChecked());
    // No tray under offscreen: the tray choice cannot apply.
    QCOMPARE(dialog->findChild<QCheckBox*>(QStringLiteral("hideToTrayCheck"))->isEnabled(),
             m_window->systemTray()->isAvailable());

    QTest::mouseClick(joinPart, Qt::LeftButton, {}, QPoint(4, joinPart->height() / 2));
    QVERIFY(!joinPart->isChecked());
    QCOMPARE(QSettings().value(SettingsKeys::ShowJoinPart).toBool(), false);
    connectPeer(QStringLiteral("carol"));
    QTRY_COMPARE(memberRows(), QStringList{QStringLiteral("carol")});
    QVERIFY(!viewText(QStringLiteral("#lobby")).contains(QStringLiteral("carol joined")));

    static const QRegularExpression seconds(QStringLiteral("\\d{2}:\\d{2}:\\d{2}"));
    QVERIFY(!viewText(QStringLiteral("#lobby")).contains(seconds));
    timeFormat->setCurrentIndex(timeFormat->findData(QStringLiteral("HH:mm:ss")));
    QVERIFY2(viewText(QStringLiteral("#lobby")).contains(seconds),
             qPrintable(viewText(QStringLiteral("#lobby"))));

    // Remembered for the next start.
    const Preferences next;
    QVERIFY(!next.showJoinPart());
    QCOMPARE(next.timeFormat(), QStringLiteral("HH:mm:ss"));
}

// A room with a past: joining it shows the latest page of its history; scrolling its view to the
// top brings the page before.
void tst_MainWindow::scrollingUpLoadsOlderLines()
{
    QTemporaryDir dataDir;
    QVERIFY(dataDir.isValid());
    m_server.reset(); // the client comes back by itself to a server with history
    QTRY_VERIFY(!m_controller->connection()->isRegistered());
    startServer(m_port, dataDir.path());
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->connection()->isRegistered(), 10000);
    QVERIFY(m_controller->connection()->hasCapability(QStringLiteral("draft/chathistory")));
    ServerConnection* carol = connectPeer(QStringLiteral("carol"));
    carol->join(QStringLiteral("#old"));
    QTRY_VERIFY(carol->rooms().contains(QStringLiteral("#old")));
    QSignalSpy said(carol, &ServerConnection::roomMessage);
    for (int i = 1; i <= 60; ++i)
        carol->sendMessage(QStringLiteral("#old"), QStringLiteral("old line %1").arg(i));
    QTRY_COMPARE(said.count(), 60); // echoed: stored

    type(QStringLiteral("/join #old"));
    QTRY_VERIFY(m_window->viewFor(QStringLiteral("#old")));
    ConversationView* view = m_window->viewFor(QStringLiteral("#old"));
    const auto line = [](int i) {
        return QRegularExpression(QStringLiteral("old line %1$").arg(i),
                                  QRegularExpression::MultilineOption);
    };
    QTRY_VERIFY(view->toPlainText().contains(line(60)));
    QVERIFY(view->toPlainText().contains(line(11)));
    QVERIFY(!view->toPlainText().contains(line(10)));
    QTRY_COMPARE(m_window->currentConversation()->name(), QStringLiteral("#old"));
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);
    view->verticalScrollBar()->setValue(view->verticalScrollBar()->minimum());
    QTRY_VERIFY(view->toPlainText().contains(line(1)));
    const QString text = view->toPlainText();
    QVERIFY(text.indexOf(line(10)) < text.indexOf(line(11)));
    QCOMPARE(text.count(QRegularExpression(QStringLiteral("old line 11$"),
                                           QRegularExpression::MultilineOption)),
             1);
    m_server.reset(); // before its data directory goes
}

void tst_MainWindow::securityIndicatorInStatusBar()
{
    // Logged in on the plain port (initTestCase): the lock says so, at all times.
    auto* indicator = child<QLabel>("securityIndicator");
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Not encrypted"));
    m_controller->connection()->disconnectFromServer();
    QCOMPARE(indicator->text(), QStringLiteral("Not connected"));
    QVERIFY(indicator->isVisible());
}

void tst_MainWindow::tlsFirstUseFromTheCommandLine()
{
    // confab --server 127.0.0.1:<tls port> --tls --connect, for the first time: the question
    // comes over the window; trusting it logs in, encrypted, and --connect's choices are saved.
    TlsTestServer server;
    QVERIFY(server.start());
    StartOptions options;
    QString error;
    QVERIFY2(options.parse({QStringLiteral("confab"), QStringLiteral("--server"),
                            QStringLiteral("127.0.0.1:%1").arg(server.tlsPort()),
                            QStringLiteral("--tls"), QStringLiteral("--nick"),
                            QStringLiteral("secure"), QStringLiteral("--connect")},
                           &error),
             qPrintable(error));
    ChatController controller;
    MainWindow window(&controller);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.start(options);
    auto* prompt = window.findChild<CertificatePrompt*>(QStringLiteral("certificatePrompt"));
    QVERIFY(prompt);
    QTRY_VERIFY(prompt->dialog() && prompt->dialog()->isVisible());
    CertificateDialog* question = prompt->dialog();
    QCOMPARE(question->kind(), CertificateDialog::Kind::FirstUse);
    QCOMPARE(question->fingerprint(), server.fingerprint());
    QVERIFY(!controller.connection()->isRegistered());
    auto* indicator = window.findChild<QLabel*>(QStringLiteral("securityIndicator"));
    QCOMPARE(indicator->text(), QStringLiteral("Not connected"));

    QTest::mouseClick(question->findChild<QPushButton*>(QStringLiteral("trustButton")),
                      Qt::LeftButton);
    QTRY_VERIFY(controller.connection()->isRegistered());
    QCOMPARE(indicator->text(), QStringLiteral("Encrypted"));
    QVERIFY2(indicator->toolTip().contains(server.fingerprint()), qPrintable(indicator->toolTip()));
    QVERIFY(!window.loginDialog()->isVisible());
    QCOMPARE(QSettings().value(SettingsKeys::Tls).toBool(), true);
    controller.connection()->disconnectFromServer();
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"

#include "widgets/mainmenus.h"

#include "models/conversationstore.h"
#include "models/roomlistmodel.h"
#include "session/chatcontroller.h"
#include "session/serverconnection.h"
#include "widgets/chatinput.h"
#include "widgets/contactpanel.h"
#include "widgets/conversationview.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QInputDialog>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QTabBar>
#include <QTabWidget>

// The menus were part of MainWindow: their text keeps that translation context (and so the
// translations made for it).

MainMenus::MainMenus(MainWindow* window, ChatController* controller, ChatInput* input,
                     ContactPanel* contacts, QListView* roomList, QTabWidget* tabs)
    : QObject(window), m_window(window), m_controller(controller),
      m_connection(controller->connection()), m_input(input), m_contactPanel(contacts),
      m_roomList(roomList), m_tabs(tabs)
{
    setObjectName(QStringLiteral("mainMenus"));
    createMenuBar();
    createContextMenus();
    connect(m_connection, &ServerConnection::stateChanged, this, &MainMenus::updateActions);
    connect(m_connection, &ServerConnection::awayChanged, this, &MainMenus::updateActions);
    updateActions();
}

void MainMenus::addHostingAction(QAction* action)
{
    m_chatMenu->insertAction(m_afterDisconnect, action);
}

void MainMenus::createMenuBar()
{
    QMenu* chatMenu =
        m_window->menuBar()->addMenu(QCoreApplication::translate("MainWindow", "&Chat"));
    chatMenu->setObjectName(QStringLiteral("chatMenu"));
    m_chatMenu = chatMenu;
    QAction* connectAction =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Connect…"), m_window,
                            &MainWindow::showLoginDialog);
    connectAction->setObjectName(QStringLiteral("connectAction"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_O));
    m_disconnectAction =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Disconnect"), this, [this] {
            m_connection->disconnectFromServer(QStringLiteral("Leaving"));
        });
    m_disconnectAction->setObjectName(QStringLiteral("disconnectAction"));
    m_disconnectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_afterDisconnect = chatMenu->addSeparator();
    QAction* join =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Join room…"), this, [this] {
            askText(QStringLiteral("joinRoomDialog"),
                    QCoreApplication::translate("MainWindow", "Join room"),
                    QCoreApplication::translate("MainWindow",
                                                "Room name (a new name creates the room):"),
                    QStringLiteral("#"),
                    [this](const QString& room) { m_controller->joinRoom(room); });
        });
    join->setObjectName(QStringLiteral("joinRoomAction"));
    join->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    QAction* find = chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Find rooms…"),
                                        m_controller, &ChatController::requestRoomList);
    find->setObjectName(QStringLiteral("findRoomsAction"));
    chatMenu->addSeparator();
    QAction* nick = chatMenu->addAction(
        QCoreApplication::translate("MainWindow", "Change &name…"), this, [this] {
            askText(QStringLiteral("changeNameDialog"),
                    QCoreApplication::translate("MainWindow", "Change name"),
                    QCoreApplication::translate("MainWindow", "New name:"), m_connection->nick(),
                    [this](const QString& name) { m_controller->changeNick(name); });
        });
    nick->setObjectName(QStringLiteral("changeNameAction"));
    QAction* displayName = chatMenu->addAction(
        QCoreApplication::translate("MainWindow", "Set &display name…"), this, [this] {
            askText(QStringLiteral("displayNameDialog"),
                    QCoreApplication::translate("MainWindow", "Display name"),
                    QCoreApplication::translate("MainWindow",
                                                "Your name as others see it, in any language:"),
                    m_connection->realName(),
                    [this](const QString& name) { m_controller->setDisplayName(name.trimmed()); });
        });
    displayName->setObjectName(QStringLiteral("displayNameAction"));
    QAction* addContact =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "Add a &contact…"),
                            m_contactPanel, [this] { m_contactPanel->askForContact(); });
    addContact->setObjectName(QStringLiteral("addContactMenuAction"));
    QAction* away =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "Set &away…"), this, [this] {
            askText(
                QStringLiteral("setAwayDialog"),
                QCoreApplication::translate("MainWindow", "Set away"),
                QCoreApplication::translate("MainWindow", "Message for people who write to you:"),
                QCoreApplication::translate("MainWindow", "Away"), [this](const QString& message) {
                    if (!message.trimmed().isEmpty())
                        m_controller->setAway(message.trimmed());
                });
        });
    away->setObjectName(QStringLiteral("setAwayAction"));
    m_backAction = chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Back"), this,
                                       [this] { m_controller->setAway(QString()); });
    m_backAction->setObjectName(QStringLiteral("backAction"));
    chatMenu->addSeparator();
    QAction* settingsAction =
        chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Settings…"), m_window,
                            &MainWindow::showSettings);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    chatMenu->addSeparator();
    QAction* quitAction = chatMenu->addAction(QCoreApplication::translate("MainWindow", "&Quit"),
                                              m_window, &MainWindow::quit);
    quitAction->setObjectName(QStringLiteral("quitAction"));
    quitAction->setShortcut(
        QKeySequence(Qt::CTRL | Qt::Key_Q)); // not QKeySequence::Quit: empty on some platforms
    quitAction->setMenuRole(QAction::QuitRole);

    QMenu* conversationMenu =
        m_window->menuBar()->addMenu(QCoreApplication::translate("MainWindow", "C&onversation"));
    conversationMenu->setObjectName(QStringLiteral("conversationMenu"));
    if (m_controller->archive()) { // searching needs the messages kept on this computer
        QAction* find = conversationMenu->addAction(
            QCoreApplication::translate("MainWindow", "&Find in conversation…"), this,
            [this] { m_window->openSearch(false); });
        find->setObjectName(QStringLiteral("findAction"));
        find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
        QAction* findAll = conversationMenu->addAction(
            QCoreApplication::translate("MainWindow", "Search &all conversations…"), this,
            [this] { m_window->openSearch(true); });
        findAll->setObjectName(QStringLiteral("findAllAction"));
        findAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
        conversationMenu->addSeparator();
    }
    QAction* next =
        conversationMenu->addAction(QCoreApplication::translate("MainWindow", "&Next conversation"),
                                    m_window, &MainWindow::nextConversation);
    next->setObjectName(QStringLiteral("nextConversationAction"));
    next->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    QAction* previous = conversationMenu->addAction(
        QCoreApplication::translate("MainWindow", "&Previous conversation"), m_window,
        &MainWindow::previousConversation);
    previous->setObjectName(QStringLiteral("previousConversationAction"));
    previous->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageUp),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)});
    QAction* reply = conversationMenu->addAction(
        QCoreApplication::translate("MainWindow", "&Reply to last private message"), this, [this] {
            m_controller->replyToLast();
            m_input->setFocus();
        });
    reply->setObjectName(QStringLiteral("replyAction"));
    reply->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    conversationMenu->addAction(m_input->emojiAction());
    QAction* close = conversationMenu->addAction(
        QCoreApplication::translate("MainWindow", "&Close conversation"), this,
        [this] { m_window->closeConversation(m_window->currentConversation()); });
    close->setObjectName(QStringLiteral("closeConversationAction"));
    close->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_W));

    QMenu* helpMenu =
        m_window->menuBar()->addMenu(QCoreApplication::translate("MainWindow", "&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    QAction* commands = helpMenu->addAction(QCoreApplication::translate("MainWindow", "&Commands"),
                                            m_window, &MainWindow::showHelp);
    commands->setObjectName(QStringLiteral("commandsAction"));
    commands->setShortcut(QKeySequence::HelpContents);
    QAction* about = helpMenu->addAction(QCoreApplication::translate("MainWindow", "&About Confab"),
                                         this, &MainMenus::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    helpMenu->addAction(QCoreApplication::translate("MainWindow", "About &Qt"), qApp,
                        &QApplication::aboutQt);
}

void MainMenus::createContextMenus()
{
    // A right-click shows what it points at, then offers what can be done with it.
    m_roomList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_roomList, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        const QModelIndex index = m_roomList->indexAt(pos);
        if (!index.isValid())
            return;
        const QString room = index.data(RoomListModel::NameRole).toString();
        if (ConversationModel* conversation = m_controller->conversations()->find(room))
            m_window->showConversation(conversation);
        auto* menu = new QMenu(m_window);
        menu->setObjectName(QStringLiteral("roomMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        QAction* leave = menu->addAction(
            QCoreApplication::translate("MainWindow", "&Leave %1").arg(room), this, [this, room] {
                if (ConversationModel* conversation = m_controller->conversations()->find(room))
                    m_window->closeConversation(conversation);
            });
        leave->setObjectName(QStringLiteral("leaveRoomAction"));
        menu->popup(m_roomList->viewport()->mapToGlobal(pos));
    });

    QTabBar* tabBar = m_tabs->tabBar();
    tabBar->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(tabBar, &QWidget::customContextMenuRequested, this, [this, tabBar](const QPoint& pos) {
        const int index = tabBar->tabAt(pos);
        if (index < 0)
            return;
        m_tabs->setCurrentIndex(index);
        QPointer<ConversationView> view = qobject_cast<ConversationView*>(m_tabs->widget(index));
        auto* menu = new QMenu(m_window);
        menu->setObjectName(QStringLiteral("tabMenu"));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        QAction* close = menu->addAction(
            QCoreApplication::translate("MainWindow", "&Close conversation"), this, [this, view] {
                if (view)
                    m_window->closeConversation(view->conversation());
            });
        close->setObjectName(QStringLiteral("closeTabAction"));
        menu->popup(tabBar->mapToGlobal(pos));
    });
}

void MainMenus::updateActions()
{
    const bool idle = m_connection->state() == ServerConnection::State::Disconnected;
    m_disconnectAction->setEnabled(!idle);
    m_backAction->setEnabled(m_connection->isAway());
}

void MainMenus::showAbout()
{
    auto* box = new QMessageBox(
        QMessageBox::NoIcon, QCoreApplication::translate("MainWindow", "About Confab"),
        QCoreApplication::translate(
            "MainWindow", "Confab %1\n\nA simple chat program for IRC chat servers: rooms, "
                          "private conversations and a list of who is online.\n\nBuilt with Qt %2.")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())),
        QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(m_window->windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainMenus::askText(const QString& name, const QString& title, const QString& label,
                        const QString& initial, const std::function<void(const QString&)>& done)
{
    auto* dialog = new QInputDialog(m_window);
    dialog->setObjectName(name);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(initial);
    connect(dialog, &QInputDialog::textValueSelected, this, done);
    dialog->open();
}

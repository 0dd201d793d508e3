#include "widgets/mainwindow.h"

#include "connection/clientlogging.h"
#include "models/contactlistmodel.h"
#include "models/conversationstore.h"
#include "models/roomdirectorymodel.h"
#include "models/roomlistmodel.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/messagearchive.h"
#include "session/preferences.h"
#include "session/startoptions.h"
#include "session/typingnotifier.h"
#include "widgets/certificateprompt.h"
#include "widgets/chatinput.h"
#include "widgets/connectionsecurityindicator.h"
#include "widgets/contactpanel.h"
#include "widgets/conversationview.h"
#include "widgets/filesendcontrol.h"
#include "widgets/helpdialog.h"
#include "widgets/hostingcontrol.h"
#include "widgets/logindialog.h"
#include "widgets/mainmenus.h"
#include "widgets/memberpanel.h"
#include "widgets/roomdirectorydialog.h"
#include "widgets/searchdialog.h"
#include "widgets/settingsdialog.h"
#include "widgets/systemtray.h"
#include "widgets/typingbar.h"
#include "widgets/uploadprogresspanel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

MainWindow::MainWindow(ChatController* controller, QWidget* parent)
    : QMainWindow(parent), m_controller(controller), m_connection(controller->connection()),
      m_loginDialog(new LoginDialog(controller->connection(), this)),
      m_roomList(new QListView(this)),
      m_contactPanel(new ContactPanel(controller->contacts(), this)),
      m_memberPanel(new MemberPanel(controller->members(), this)),
      m_typingBar(new TypingBar(controller->typingTracker(), this)), m_tabs(new QTabWidget(this)),
      m_topicLabel(new QLabel(this)), m_input(new ChatInput(this)),
      m_sendButton(new QPushButton(tr("Send"), this)), m_stateLabel(new QLabel(this)),
      m_serverLabel(new QLabel(this)), m_lagLabel(new QLabel(this)), m_awayLabel(new QLabel(this)),
      m_fileSending(new FileSendControl(controller, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Confab"));
    setWindowIcon(QIcon(QStringLiteral(":/confab.png")));
    m_roomList->setObjectName(QStringLiteral("roomList"));
    m_tabs->setObjectName(QStringLiteral("conversationTabs"));
    m_topicLabel->setObjectName(QStringLiteral("topicLabel"));
    m_input->setObjectName(QStringLiteral("messageInput"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_stateLabel->setObjectName(QStringLiteral("stateLabel"));
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_lagLabel->setObjectName(QStringLiteral("lagLabel"));
    m_awayLabel->setObjectName(QStringLiteral("awayLabel"));

    // Left: rooms, then the user's contacts.
    m_roomList->setModel(controller->rooms());
    m_roomList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto* roomsLabel = new QLabel(tr("Rooms"), this);
    QFont heading = roomsLabel->font();
    heading.setBold(true);
    roomsLabel->setFont(heading);

    auto* side = new QWidget(this);
    side->setObjectName(QStringLiteral("sidePanel"));
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(6, 6, 0, 0);
    sideLayout->addWidget(roomsLabel);
    sideLayout->addWidget(m_roomList, 1);
    sideLayout->addWidget(m_contactPanel, 2);

    // Right: topic, conversations, input.
    m_topicLabel->setWordWrap(true);
    m_topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setMovable(true);
    m_input->setPlaceholderText(tr("Type a message (/help for commands)"));

    auto* chat = new QWidget(this);
    auto* chatLayout = new QVBoxLayout(chat);
    chatLayout->setContentsMargins(0, 6, 6, 0);
    chatLayout->addWidget(m_topicLabel);
    // The conversation, with the room's members beside it.
    auto* conversationSplitter = new QSplitter(this);
    conversationSplitter->setObjectName(QStringLiteral("conversationSplitter"));
    conversationSplitter->addWidget(m_tabs);
    conversationSplitter->addWidget(m_memberPanel);
    conversationSplitter->setStretchFactor(0, 1);
    conversationSplitter->setStretchFactor(1, 0);
    conversationSplitter->setSizes({560, 160});
    chatLayout->addWidget(conversationSplitter, 1);
    chatLayout->addWidget(m_typingBar);
    auto* emojiButton = new QToolButton(this); // the picker, Ctrl+; (ChatInput)
    emojiButton->setObjectName(QStringLiteral("emojiButton"));
    emojiButton->setDefaultAction(m_input->emojiAction());
    emojiButton->setAutoRaise(true);
    QFont emojiFont = emojiButton->font();
    emojiFont.setPointSizeF(emojiFont.pointSizeF() * 1.4);
    emojiButton->setFont(emojiFont);
    auto* fileButton = new QToolButton(this); // "Send a file…" (FileSendControl)
    fileButton->setObjectName(QStringLiteral("sendFileButton"));
    fileButton->setDefaultAction(m_fileSending->sendFileAction());
    fileButton->setAutoRaise(true);
    fileButton->setFont(emojiFont);
    chatLayout->addWidget(m_fileSending->progressPanel());
    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(fileButton);
    inputRow->addWidget(emojiButton);
    inputRow->addWidget(m_sendButton);
    chatLayout->addLayout(inputRow);

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(side);
    splitter->addWidget(chat);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({220, 680});
    setCentralWidget(splitter);

    statusBar()->addWidget(m_stateLabel, 1);
    // While we are away: a clear mark, so nobody wonders why nobody answers.
    m_awayLabel->setStyleSheet(QStringLiteral("QLabel { background: #f5c542; color: #222; "
                                              "border-radius: 3px; padding: 0 6px; }"));
    m_awayLabel->hide();
    statusBar()->addPermanentWidget(m_awayLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_lagLabel);
    statusBar()->addPermanentWidget(new ConnectionSecurityIndicator(m_connection, this));
    new CertificatePrompt(m_connection, this); // first-use and changed-certificate questions

    // The menu bar and the right-click menus of the rooms and tabs.
    m_menus = new MainMenus(this, controller, m_input, m_contactPanel, m_roomList, m_tabs);

    setSystemTrayAvailable(QSystemTrayIcon::isSystemTrayAvailable());
    connect(controller->preferences(), &Preferences::changed, this, &MainWindow::applyPreferences);

    ConversationStore* store = controller->conversations();
    connect(store, &ConversationStore::conversationAdded, this, &MainWindow::onConversationAdded);
    connect(store, &ConversationStore::conversationRemoved, this,
            &MainWindow::onConversationRemoved);
    for (ConversationModel* conversation : store->conversations())
        onConversationAdded(conversation);
    connect(controller, &ChatController::conversationRequested, this,
            &MainWindow::showConversation);
    connect(controller, &ChatController::privateMessageArrived, this,
            &MainWindow::onPrivateMessageArrived);
    connect(controller, &ChatController::mentioned, this, &MainWindow::onMentioned);
    connect(controller, &ChatController::quitRequested, this, &MainWindow::quit);
    connect(controller, &ChatController::helpRequested, this, &MainWindow::showHelp);
    connect(controller, &ChatController::roomDirectoryRequested, this,
            &MainWindow::showRoomDirectory);
    connect(controller->rooms(), &QAbstractItemModel::dataChanged, this, [this] { updateTopic(); });

    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::onTabCloseRequested);
    connect(m_contactPanel, &ContactPanel::conversationRequested, this,
            &MainWindow::openPrivateConversation);
    connect(m_contactPanel, &ContactPanel::addRequested, controller, &ChatController::addContact);
    connect(m_contactPanel, &ContactPanel::removeRequested, controller,
            &ChatController::removeContact);
    connect(m_memberPanel, &MemberPanel::conversationRequested, this,
            &MainWindow::openPrivateConversation);
    connect(m_memberPanel, &MemberPanel::addContactRequested, controller,
            &ChatController::addContact);
    m_memberPanel->setContactCheck(
        [this](const QString& nick) { return m_controller->contacts()->contains(nick); });
    auto showRoom = [this](const QModelIndex& index) {
        const QString room = index.data(RoomListModel::NameRole).toString();
        if (ConversationModel* conversation = m_controller->conversations()->find(room))
            showConversation(conversation);
    };
    connect(m_roomList, &QListView::clicked, this, showRoom);
    connect(m_roomList, &QListView::activated, this, showRoom); // keyboard: Enter
    m_input->setNameSource([this] { return m_controller->completionNames(); });
    m_input->setAliasSource(
        [this](const QString& nick) { return m_controller->displayNameOf(nick); });
    connect(m_input, &ChatInput::submitted, controller, &ChatController::submitInput);
    connect(m_input, &ChatInput::multiLinePasted, this, &MainWindow::onMultiLinePaste);
    connect(m_input, &ChatInput::filesDropped, m_fileSending, &FileSendControl::sendFiles);
    connect(m_input, &ChatInput::imagePasted, m_fileSending, &FileSendControl::sendImage);
    setAcceptDrops(true);
    if (auto* conversationMenu = menuBar()->findChild<QMenu*>(QStringLiteral("conversationMenu")))
        conversationMenu->addAction(m_fileSending->sendFileAction());
    connect(m_input, &QLineEdit::textEdited, controller, [this](const QString& text) {
        m_controller->typingNotifier()->textEdited(m_controller->activeTarget(), text);
    });
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString line = m_input->text();
        m_input->addToHistory(line);
        m_input->clear();
        m_controller->submitInput(line);
        m_input->setFocus();
    });

    connect(m_connection, &ServerConnection::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_connection, &ServerConnection::lagChanged, this, &MainWindow::onLagChanged);
    connect(m_connection, &ServerConnection::errorOccurred, this, &MainWindow::onConnectionError);
    connect(m_connection, &ServerConnection::awayChanged, this,
            [this](const QString& nick, bool away, const QString& message) {
                if (m_connection->isOwnNick(nick))
                    onOwnAwayChanged(away, message);
            });
    connect(m_connection, &ServerConnection::nickChanged, this, [this] {
        onStateChanged(m_connection->state()); // our own name may be the one that changed
    });
    connect(m_connection, &ServerConnection::registered, this, [this] {
        statusBar()->clearMessage(); // an error from a failed attempt is stale now
        m_input->setCaseMapping(m_connection->caseMapping());
        if (m_connectedFromCommandLine) { // the dialog saves its own logins; --connect's here
            QSettings settings;
            settings.setValue(SettingsKeys::Host, m_connection->host());
            settings.setValue(SettingsKeys::Port, int(m_connection->port()));
            settings.setValue(SettingsKeys::Tls, m_connection->isTls());
            settings.setValue(SettingsKeys::Nick, m_connection->nick());
        }
        onStateChanged(m_connection->state());
        m_input->setFocus();
    });
    connect(m_loginDialog, &LoginDialog::keyringProblem, this,
            [this](const QString& text) { statusBar()->showMessage(text, 15000); });
    onStateChanged(m_connection->state());
    onLagChanged(m_connection->lag());
    updateTopic();

    const QSettings settings;
    if (!restoreGeometry(settings.value(SettingsKeys::WindowGeometry).toByteArray()))
        resize(960, 640);
    restoreState(settings.value(SettingsKeys::WindowState).toByteArray());
}

MainWindow::~MainWindow() = default;

void MainWindow::setChatHost(ChatHost* host)
{
    m_hosting = new HostingControl(host, m_connection, m_loginDialog, this);
    statusBar()->addPermanentWidget(m_hosting->statusLabel());
    m_menus->addHostingAction(m_hosting->action());
    m_loginDialog->setChatHost(host);
}

void MainWindow::start(const StartOptions& options)
{
    m_loginDialog->prefill(options.host, options.port, options.nick);
    // "Start hosting when Confab starts": the last name joins the chat it hosts.
    const QString lastNick = QSettings().value(SettingsKeys::Nick).toString();
    if (m_hosting && m_controller->preferences()->hostOnStart() && options.host.isEmpty() &&
        !options.connectNow && !lastNick.isEmpty()) {
        m_loginDialog->prefill({}, 0, lastNick);
        m_loginDialog->open();
        m_loginDialog->hostChat();
        return;
    }
    m_loginDialog->setTlsEnabled(options.tls.value_or(m_loginDialog->isTlsEnabled()));
    // --connect without --nick logs in with the name saved at the last login.
    const QString nick =
        options.nick.isEmpty() ? QSettings().value(SettingsKeys::Nick).toString() : options.nick;
    if (options.connectNow && !nick.isEmpty()) {
        m_connectedFromCommandLine = true;
        m_connection->setHost(m_loginDialog->host());
        m_connection->setPort(m_loginDialog->port());
        m_connection->setTls(m_loginDialog->isTlsEnabled());
        m_connection->setDesiredNick(nick);
        m_connection->setRealName(QSettings().value(SettingsKeys::DisplayName).toString());
        m_connection->connectToServer();
        return;
    }
    // Started plainly: log in again as last time (the password from the keyring).
    if (options.host.isEmpty() && options.nick.isEmpty() && m_loginDialog->resumeLastLogin()) {
        m_connectedFromCommandLine = true; // a failure opens the dialog, as for --connect
        return;
    }
    m_loginDialog->open();
}

void MainWindow::showLoginDialog()
{
    if (m_loginDialog->isVisible())
        return;
    if (!m_connection->host().isEmpty()) {
        m_loginDialog->prefill(m_connection->host(), m_connection->port(), m_connection->nick());
        m_loginDialog->setTlsEnabled(m_connection->isTls());
    }
    m_loginDialog->open();
}

void MainWindow::openSearch(bool allConversations)
{
    if (!m_controller->archive())
        return;
    if (!m_searchDialog) {
        m_searchDialog = new SearchDialog(m_controller->archive()->store(), this);
        connect(m_searchDialog, &SearchDialog::resultChosen, this,
                [this](const StoredMessage& message) {
                    ConversationModel* conversation = m_controller->archive()->reveal(message);
                    showConversation(conversation);
                    if (ConversationView* view = viewFor(conversation->name()))
                        view->showRow(MessageArchive::rowOf(conversation, message));
                });
    }
    const ConversationModel* current = currentConversation();
    m_searchDialog->openFor(allConversations || !current ? QString() : current->name());
}

ConversationView* MainWindow::viewFor(const QString& name) const
{
    ConversationModel* conversation = m_controller->conversations()->find(name);
    return conversation ? m_views.value(conversation) : nullptr;
}

ConversationModel* MainWindow::currentConversation() const
{
    auto* view = qobject_cast<ConversationView*>(m_tabs->currentWidget());
    return view ? view->conversation() : nullptr;
}

QString MainWindow::tabTitle(const QString& name) const
{
    ConversationModel* conversation = m_controller->conversations()->find(name);
    const int index = tabIndexOf(conversation);
    return index >= 0 ? m_tabs->tabText(index) : QString();
}

int MainWindow::tabIndexOf(ConversationModel* conversation) const
{
    ConversationView* view = m_views.value(conversation);
    return view ? m_tabs->indexOf(view) : -1;
}

void MainWindow::onConversationAdded(ConversationModel* conversation)
{
    auto* view = new ConversationView(m_tabs);
    view->setObjectName(QStringLiteral("conversationView"));
    view->setTimeFormat(m_controller->preferences()->timeFormat());
    view->setFilePreviews(m_controller->filePreviews());
    view->setModel(conversation);
    connect(view, &ConversationView::scrolledToTop, m_controller,
            [this, conversation] { m_controller->loadOlder(conversation); });
    m_views.insert(conversation, view);
    m_tabs->addTab(view, conversation->name());
    updateTab(conversation);
    connect(conversation, &ConversationModel::unreadCountChanged, this, [this, conversation] {
        updateTab(conversation);
        updateUnreadTotal();
    });
    connect(conversation, &ConversationModel::nameChanged, this, [this, conversation] {
        updateTab(conversation);
        updateTopic();
        if (conversation == currentConversation()) // renamed: typing under the new name
            m_typingBar->setConversation(conversation->name());
    });
    if (m_tabs->count() == 1)
        onCurrentTabChanged(0);
}

void MainWindow::onConversationRemoved(ConversationModel* conversation)
{
    ConversationView* view = m_views.take(conversation);
    if (!view)
        return;
    m_tabs->removeTab(m_tabs->indexOf(view)); // the input leaves it for the tab now current
    m_input->forgetConversation(conversation);
    view->deleteLater();
}

void MainWindow::updateTab(ConversationModel* conversation)
{
    const int index = tabIndexOf(conversation);
    if (index < 0)
        return;
    const int unread = conversation->unreadCount();
    m_tabs->setTabText(index, unread > 0 ? tr("%1 (%2)").arg(conversation->name()).arg(unread)
                                         : conversation->name());
    m_tabs->setTabToolTip(index,
                          conversation->isRoom()
                              ? tr("Room %1").arg(conversation->name())
                              : tr("Private conversation with %1").arg(conversation->name()));
}

void MainWindow::showConversation(ConversationModel* conversation)
{
    const int index = tabIndexOf(conversation);
    if (index >= 0)
        m_tabs->setCurrentIndex(index);
}

void MainWindow::onCurrentTabChanged(int index)
{
    auto* view = qobject_cast<ConversationView*>(m_tabs->widget(index));
    ConversationModel* conversation = view ? view->conversation() : nullptr;
    m_controller->setActiveConversation(conversation);
    m_input->setConversation(conversation); // its draft back, the last one's kept
    updateTopic();
    // The lists on the left show where we are.
    const QString name = conversation ? conversation->name() : QString();
    const int roomRow = m_controller->rooms()->indexOf(name);
    if (roomRow >= 0)
        m_roomList->setCurrentIndex(m_controller->rooms()->index(roomRow));
    else
        m_roomList->clearSelection();
    m_contactPanel->select(conversation && !conversation->isRoom() ? name : QString());
    m_memberPanel->setVisible(conversation && conversation->isRoom());
    m_typingBar->setConversation(name);
}

void MainWindow::openPrivateConversation(const QString& nick)
{
    m_controller->openPrivateConversation(nick);
    m_input->setFocus();
}

void MainWindow::updateTopic()
{
    ConversationModel* conversation = currentConversation();
    if (!conversation) {
        m_topicLabel->setText(tr("Not in any conversation yet"));
        return;
    }
    if (conversation->isRoom()) {
        const QString topic = m_controller->rooms()->topic(conversation->name());
        m_topicLabel->setText(topic.isEmpty() ? tr("%1 — no topic").arg(conversation->name())
                                              : tr("%1 — %2").arg(conversation->name(), topic));
    } else {
        m_topicLabel->setText(tr("Private conversation with %1").arg(conversation->name()));
    }
}

void MainWindow::onTabCloseRequested(int index)
{
    auto* view = qobject_cast<ConversationView*>(m_tabs->widget(index));
    if (view)
        closeConversation(view->conversation());
}

void MainWindow::closeConversation(ConversationModel* conversation)
{
    if (!conversation)
        return;
    if (conversation->isRoom() && m_controller->rooms()->isJoined(conversation->name()))
        m_connection->part(conversation->name());
    m_controller->conversations()->remove(conversation->name());
}

void MainWindow::nextConversation()
{
    if (m_tabs->count() > 0)
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
}

void MainWindow::previousConversation()
{
    if (m_tabs->count() > 0)
        m_tabs->setCurrentIndex((m_tabs->currentIndex() + m_tabs->count() - 1) % m_tabs->count());
}

void MainWindow::onStateChanged(ServerConnection::State state)
{
    using State = ServerConnection::State;
    QString text;
    switch (state) {
    case State::Disconnected:
        text = tr("Disconnected");
        break;
    case State::Connecting:
        text = tr("Connecting…");
        break;
    case State::Registering:
        text = tr("Logging in…");
        break;
    case State::Connected:
        text = tr("Connected as %1").arg(m_connection->nick());
        break;
    case State::Reconnecting:
        text = tr("Disconnected — trying again in %1 s")
                   .arg(qMax(1, m_connection->nextReconnectDelay() / 2000));
        break;
    }
    m_stateLabel->setText(text);
    m_serverLabel->setText(
        m_connection->host().isEmpty()
            ? QString()
            : tr("Server: %1").arg(ServerAddresses::display(m_connection->endpoint())));
    // Qt appends the application display name ("… — Confab") to a title that does not end in it.
    setWindowTitle(state == State::Connected
                       ? tr("%1 on %2").arg(m_connection->nick(), m_connection->host())
                       : QString());
}

void MainWindow::onOwnAwayChanged(bool away, const QString& message)
{
    m_awayLabel->setVisible(away);
    m_awayLabel->setText(message.isEmpty() ? tr("You are away")
                                           : tr("You are away: %1").arg(message));
    m_awayLabel->setToolTip(tr("Choose Chat → Back (or type /back) when you are back"));
}

void MainWindow::onLagChanged(int ms)
{
    m_lagLabel->setText(ms < 0 ? tr("Lag: –") : tr("Lag: %1 ms").arg(ms));
}

void MainWindow::onConnectionError(ServerConnection::Error error, const QString& detail)
{
    if (m_connection->willRetry())
        return; // the state label says "trying again"; each failed attempt is no news
    const QString text =
        LoginDialog::errorText(error, m_connection->host(), m_connection->port(), detail);
    statusBar()->showMessage(text, 10000);
    if (m_connectedFromCommandLine && !m_connection->isRegistered() &&
        m_connection->state() == ServerConnection::State::Disconnected) {
        m_connectedFromCommandLine = false; // --connect failed: let the user fix it
        showLoginDialog();
        m_loginDialog->showError(text);
    }
}

void MainWindow::onPrivateMessageArrived(const QString& from, const QString& text)
{
    if (isActiveWindow())
        return;
    m_tray->showMessage(tr("Message from %1").arg(from), text);
    QApplication::alert(this);
    emit attentionRequested(from, text);
}

void MainWindow::onMentioned(const QString& room, const QString& from, const QString& text)
{
    const ConversationModel* current = currentConversation();
    if (isActiveWindow() && current && m_connection->caseMapping().equals(current->name(), room))
        return; // on screen already
    if (!m_controller->preferences()->notifyMentions())
        return;
    m_tray->showMessage(tr("%1 mentioned you in %2").arg(from, room), text);
    QApplication::alert(this);
    emit attentionRequested(from, text);
}

void MainWindow::onMultiLinePaste(const QString& text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    lines.removeIf([](const QString& line) { return line.trimmed().isEmpty(); });
    if (lines.isEmpty())
        return;
    if (lines.size() == 1) { // blank lines around one line of text: an ordinary paste
        m_input->insert(lines.constFirst().trimmed());
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, tr("Send several lines?"),
                                tr("The pasted text has %1 lines. Send each line as a separate "
                                   "message?")
                                    .arg(lines.size()),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("pasteConfirmation"));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("Send %1 messages").arg(lines.size()));
    connect(box, &QMessageBox::finished, this, [this, box, lines] {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        for (const QString& line : lines)
            m_controller->sendText(line);
    });
    box->open();
}

template <typename Dialog, typename Make> void MainWindow::showOnce(Make make)
{
    if (auto* open = findChild<Dialog*>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    Dialog* dialog = make();
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showHelp()
{
    showOnce<HelpDialog>([this] { return new HelpDialog(this); });
}

void MainWindow::showRoomDirectory()
{
    showOnce<RoomDirectoryDialog>([this] {
        auto* dialog = new RoomDirectoryDialog(m_controller->roomDirectory(), this);
        connect(dialog, &RoomDirectoryDialog::joinRequested, m_controller,
                &ChatController::joinRoom);
        return dialog;
    });
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ActivationChange)
        m_controller->setWindowActive(isActiveWindow());
    QMainWindow::changeEvent(event);
}

void MainWindow::setSystemTrayAvailable(bool available)
{
    delete m_tray;
    m_tray = new SystemTray(available, this);
    connect(m_tray, &SystemTray::showRequested, this, &MainWindow::showFromTray);
    connect(m_tray, &SystemTray::quitRequested, this, &MainWindow::quit);
    connect(m_tray, &SystemTray::messageClicked, this, [this] {
        showFromTray();
        m_controller->replyToLast();
    });
    updateUnreadTotal();
}

void MainWindow::showFromTray()
{
    showNormal();
    raise();
    activateWindow();
}

void MainWindow::quit()
{
    m_quitting = true;
    close();
}

void MainWindow::updateUnreadTotal()
{
    int total = 0;
    for (const ConversationModel* conversation : m_controller->conversations()->conversations())
        total += conversation->unreadCount();
    m_tray->setUnreadCount(total);
}

void MainWindow::showSettings()
{
    showOnce<SettingsDialog>([this] {
        return new SettingsDialog(m_controller->preferences(), m_tray->isAvailable(), this);
    });
}

void MainWindow::applyPreferences()
{
    for (ConversationView* view : std::as_const(m_views))
        view->setTimeFormat(m_controller->preferences()->timeFormat());
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!FileSendControl::localFiles(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QStringList files = FileSendControl::localFiles(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    m_fileSending->sendFiles(files);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.setValue(SettingsKeys::WindowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::WindowState, saveState());
    if (!m_quitting && m_tray->isAvailable() && m_controller->preferences()->hideToTray()) {
        hide(); // still connected; the tray icon brings it back or quits
        event->ignore();
        return;
    }
    // A chat this app hosts ends first (after asking, if others are in it); then quit again.
    if (m_hosting && !m_hosting->readyToQuit([this] { quit(); })) {
        m_quitting = false;
        event->ignore();
        return;
    }
    if (m_connection->state() != ServerConnection::State::Disconnected)
        m_connection->disconnectFromServer(QStringLiteral("Leaving"));
    delete m_tray; // its icon leaves the tray with the window
    m_tray = new SystemTray(false, this);
    event->accept();
    emit quitting();
}

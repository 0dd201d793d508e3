#pragma once

#include "session/serverconnection.h"

#include <QHash>
#include <QMainWindow>

class ChatController;
class ChatHost;
class HostingControl;
class MainMenus;
class ChatInput;
class ContactPanel;
class FileSendControl;
class ConversationModel;
class ConversationView;
class LoginDialog;
class MemberPanel;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTabWidget;
class SearchDialog;
class StartOptions;
class SystemTray;
class TypingBar;

// The chat window: rooms and the user's contacts on the left (ContactPanel), one tab per
// conversation in the middle with the room's members beside it (MemberPanel), who is typing
// (TypingBar) and the input line below, and the connection state, server and lag in the status
// bar; its menus are MainMenus'. It only reads the controller's models and calls its slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ChatController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Offers "Host a chat on this computer" with this host (the app's; tests may give none).
    void setChatHost(ChatHost* host);
    HostingControl* hosting() const { return m_hosting; }
    // Sending files and pictures to the conversation on screen.
    FileSendControl* fileSending() const { return m_fileSending; }
    // Opens the login dialog, or connects at once for --connect, or hosts a chat when the
    // settings say so.
    void start(const StartOptions& options);

    LoginDialog* loginDialog() const { return m_loginDialog; }
    SearchDialog* searchDialog() const { return m_searchDialog; }
    ConversationView* viewFor(const QString& name) const;
    ConversationModel* currentConversation() const;
    QString tabTitle(const QString& name) const;
    SystemTray* systemTray() const { return m_tray; }
    // With a tray, closing the window hides it there (if the settings say so); without, it
    // quits. Set at start from QSystemTrayIcon::isSystemTrayAvailable(); tests choose.
    void setSystemTrayAvailable(bool available);

public slots:
    void showLoginDialog();
    void showConversation(ConversationModel* conversation);
    // The search over the messages kept on this computer: in the current conversation, or all.
    void openSearch(bool allConversations);
    void nextConversation();
    void previousConversation();
    // Leaves the room (if it is one) and closes its tab: the tab's ✕, Ctrl+W, the menus.
    void closeConversation(ConversationModel* conversation);
    void showSettings();
    void showFromTray();
    // Closes for good (tray or not): Chat → Quit, the tray's Quit, /quit.
    void quit();
    void showHelp();
    void showRoomDirectory();

signals:
    // The window closed for good (not hidden in the tray): the application should end. It does
    // not end by itself when the last window closes, since that may be a dialog while this
    // window waits in the tray.
    void quitting();
    // A private message arrived while the window was not focused, or a mention while its room
    // was not on screen: tray message and taskbar alert were requested.
    void attentionRequested(const QString& from, const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    // Files dropped anywhere on the window go to the conversation on screen.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // Raises the open dialog of this type, or shows the one make() returns (deleted on close).
    template <typename Dialog, typename Make> void showOnce(Make make);
    void onConversationAdded(ConversationModel* conversation);
    void onConversationRemoved(ConversationModel* conversation);
    void onCurrentTabChanged(int index);
    void onTabCloseRequested(int index);
    void onStateChanged(ServerConnection::State state);
    void onLagChanged(int ms);
    void onOwnAwayChanged(bool away, const QString& message);
    void onConnectionError(ServerConnection::Error error, const QString& detail);
    void onPrivateMessageArrived(const QString& from, const QString& text);
    void onMentioned(const QString& room, const QString& from, const QString& text);
    void onMultiLinePaste(const QString& text);
    void openPrivateConversation(const QString& nick);
    void updateTab(ConversationModel* conversation);
    void updateTopic();
    int tabIndexOf(ConversationModel* conversation) const;
    void updateUnreadTotal();
    void applyPreferences();

    ChatController* m_controller;
    ServerConnection* m_connection;
    SearchDialog* m_searchDialog = nullptr; // made when first opened
    LoginDialog* m_loginDialog;
    QListView* m_roomList;
    ContactPanel* m_contactPanel;
    MemberPanel* m_memberPanel;
    TypingBar* m_typingBar;
    QTabWidget* m_tabs;
    QLabel* m_topicLabel;
    ChatInput* m_input;
    QPushButton* m_sendButton;
    QLabel* m_stateLabel;
    QLabel* m_serverLabel;
    QLabel* m_lagLabel;
    QLabel* m_awayLabel;
    SystemTray* m_tray = nullptr;
    MainMenus* m_menus;
    HostingControl* m_hosting = nullptr;
    FileSendControl* m_fileSending;
    QHash<ConversationModel*, ConversationView*> m_views;
    bool m_connectedFromCommandLine = false;
    bool m_quitting = false;
};

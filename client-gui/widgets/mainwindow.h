#pragma once

#include "session/serverconnection.h"

#include <QHash>
#include <QMainWindow>

class ChatController;
class ChatInput;
class ConversationModel;
class ConversationView;
class LoginDialog;
class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QSystemTrayIcon;
class QTabWidget;
class StartOptions;

// The chat window: rooms and people on the left (people sorted, filterable, with unread counts),
// one tab per conversation on the right, the input line below, and the connection state, server
// and lag in the status bar. It only reads the controller's models and calls its slots.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ChatController* controller, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the login dialog, or connects at once for --connect.
    void start(const StartOptions& options);

    LoginDialog* loginDialog() const { return m_loginDialog; }
    ConversationView* viewFor(const QString& name) const;
    ConversationModel* currentConversation() const;
    QString tabTitle(const QString& name) const;

public slots:
    void showLoginDialog();
    void showConversation(ConversationModel* conversation);
    void nextConversation();
    void previousConversation();
    void showAbout();

signals:
    // A private message arrived while the window was not focused: tray message and taskbar
    // alert were requested.
    void attentionRequested(const QString& from, const QString& text);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createContextMenus();
    void onConversationAdded(ConversationModel* conversation);
    void onConversationRemoved(ConversationModel* conversation);
    void onCurrentTabChanged(int index);
    void onTabCloseRequested(int index);
    void onStateChanged(ServerConnection::State state);
    void onLagChanged(int ms);
    void onConnectionError(ServerConnection::Error error, const QString& detail);
    void onPrivateMessageArrived(const QString& from, const QString& text);
    void onMultiLinePaste(const QString& text);
    void updateTab(ConversationModel* conversation);
    void updateTopic();
    void updateActions();
    int tabIndexOf(ConversationModel* conversation) const;

    ChatController* m_controller;
    ServerConnection* m_connection;
    LoginDialog* m_loginDialog;
    QListView* m_roomList;
    QListView* m_contactList;
    QLineEdit* m_contactFilter;
    QSortFilterProxyModel* m_contactProxy;
    QTabWidget* m_tabs;
    QLabel* m_topicLabel;
    ChatInput* m_input;
    QPushButton* m_sendButton;
    QLabel* m_stateLabel;
    QLabel* m_serverLabel;
    QLabel* m_lagLabel;
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_connectAction = nullptr;
    QAction* m_disconnectAction = nullptr;
    QHash<ConversationModel*, ConversationView*> m_views;
    bool m_connectedFromCommandLine = false;
};

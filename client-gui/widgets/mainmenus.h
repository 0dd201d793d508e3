#pragma once

#include <QObject>

#include <functional>

class ChatController;
class ChatInput;
class ContactPanel;
class MainWindow;
class QAction;
class QListView;
class QMenu;
class QTabWidget;
class ServerConnection;

// The main window's menus: the menu bar (Chat, Conversation, Help) with its actions, shortcuts
// and the small questions they ask (which room, which name, what away message), the About box,
// and the right-click menus of the room list and the conversation tabs. Disconnect and Back are
// enabled while they can do something. The menus call the window's and the controller's slots.
class MainMenus : public QObject
{
    Q_OBJECT

public:
    MainMenus(MainWindow* window, ChatController* controller, ChatInput* input,
              ContactPanel* contacts, QListView* roomList, QTabWidget* tabs);

    // Puts the Host / Stop hosting action in the Chat menu, after Disconnect.
    void addHostingAction(QAction* action);

private:
    void createMenuBar();
    void createContextMenus();
    void updateActions();
    void showAbout();
    // A small non-blocking question for one line of text; done gets the answer (not on Cancel).
    void askText(const QString& name, const QString& title, const QString& label,
                 const QString& initial, const std::function<void(const QString&)>& done);

    MainWindow* m_window;
    ChatController* m_controller;
    ServerConnection* m_connection;
    ChatInput* m_input;
    ContactPanel* m_contactPanel;
    QListView* m_roomList;
    QTabWidget* m_tabs;
    QAction* m_disconnectAction = nullptr;
    QAction* m_backAction = nullptr;
    QMenu* m_chatMenu = nullptr;
    QAction* m_afterDisconnect = nullptr; // where the hosting action goes
};

#pragma once

#include "net/server.h"
#include "session/chatcontroller.h"
#include "widgets/mainwindow.h"

#include <QList>
#include <QModelIndex>
#include <QStringList>

#include <memory>

class QListView;
class ServerConnection;

// The main window of a user "me" logged in to an in-process confabd on 127.0.0.1 (port 0),
// with other people as ServerConnections driven by the test: what the panel tests share.
// start() in init(), stop() in cleanup(). Contacts start empty.
class ChatWindowFixture
{
public:
    ChatWindowFixture();
    ~ChatWindowFixture();

    // Starts the server, the window and logs in; false (with a warning) if that failed.
    bool start();
    void stop();

    ServerConnection* connectPeer(const QString& nick);
    // Types a line into the input and presses Return.
    void type(const QString& line);

    // The people in the member list of the room on screen, as shown (sorted), without "me".
    QStringList memberRows() const;
    QModelIndex memberIndex(const QString& nick) const; // in the shown (sorted) list
    QStringList contactRows() const;                    // as shown (sorted)
    QString viewText(const QString& name) const;
    // Opens the right-click menu of a list's row (what a right-click delivers).
    void rightClick(QListView* list, const QModelIndex& index) const;

    template <typename T> T* child(const char* name) const
    {
        T* widget = m_window->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    Server* server() const { return m_server.get(); }
    ChatController* controller() const { return m_controller.get(); }
    MainWindow* window() const { return m_window.get(); }

private:
    std::unique_ptr<Server> m_server;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    QList<ServerConnection*> m_peers;
};

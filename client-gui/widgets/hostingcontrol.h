#pragma once

#include "session/chathost.h"

#include <QObject>

#include <functional>

class LoginDialog;
class QAction;
class QLabel;
class QMessageBox;
class QWidget;
class ServerConnection;

// The main window's side of a chat this app hosts: the status bar's "Hosting …" mark with how
// many others are in, the Chat menu's Host / Stop hosting action, and the question before the
// chat ends for people still in it (stopping, quitting). Ending it always goes through the
// server's goodbye (ERROR to everyone) before the app goes.
class HostingControl : public QObject
{
    Q_OBJECT

public:
    HostingControl(ChatHost* host, ServerConnection* connection, LoginDialog* loginDialog,
                   QWidget* window);

    ChatHost* host() const { return m_host; }
    QLabel* statusLabel() const { return m_label; }
    QAction* action() const { return m_action; }
    // Connections to the hosted chat other than this app's own.
    int othersCount() const;

    // Before the app quits: true when it can go at once (nothing hosted); otherwise asks first
    // if others are in, ends the chat, and calls quit() when it has ended (not on Cancel).
    bool readyToQuit(const std::function<void()>& quit);
    // The question on screen, if any (tests answer it).
    QMessageBox* question() const { return m_question; }

public slots:
    // Host (opens the login window doing it) or stop hosting (asks first if others are in).
    void toggle();
    void stopHosting();

private:
    void update();
    // Asks whether to end the chat for the others; calls confirmed() on yes.
    void confirmEnding(const QString& title, const QString& acceptText,
                       const std::function<void()>& confirmed);
    void endChat();

    ChatHost* m_host;
    ServerConnection* m_connection;
    LoginDialog* m_loginDialog;
    QWidget* m_window;
    QLabel* m_label;
    QAction* m_action;
    QMessageBox* m_question = nullptr;
    std::function<void()> m_afterStop; // the quit waiting for the chat to end
};

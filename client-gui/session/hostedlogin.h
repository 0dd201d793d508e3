#pragma once

#include "session/chathost.h"
#include "session/serverconnection.h"

#include <QObject>
#include <QString>

// "Host a chat on this computer", from the click to being in it: starts the ChatHost with the
// host's name, pins the hosted server's certificate (this app made it, nobody needs to confirm
// it), and signs the ServerConnection in to the host's account over TLS on this computer.
// Says how far it got (progress) and why hosting failed (failed), in the user's words; errors
// of the login itself are the connection's (errorOccurred).
class HostedLogin : public QObject
{
    Q_OBJECT

public:
    HostedLogin(ChatHost* host, ServerConnection* connection, QObject* parent = nullptr);

    // Starts hosting as `name`, or, when this app hosts already, logs in to the chat it hosts.
    void begin(const QString& name, const QString& displayName);
    // Forgets the begin() under way: the chat goes on starting, but nobody logs in to it.
    void cancel();
    // Whether a begin() is still under way (until registered or failed).
    bool isActive() const { return m_active; }
    // Whether the connection's server is the chat this app hosts.
    static bool isConnectedToHost(const ChatHost* host, const ServerConnection* connection);

signals:
    void progress(const QString& text);
    void failed(const QString& text);

private:
    void onHostStarted(const HostedChat& chat);
    void onHostFailed(const QString& reason);
    void onRegistered();
    void logIn(const HostedChat& chat);
    void fail(const QString& text);

    ChatHost* m_host;
    ServerConnection* m_connection;
    QString m_displayName;
    bool m_active = false;
};

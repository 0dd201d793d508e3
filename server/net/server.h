#pragma once

#include "config/serverconfig.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class AuthService;
class ClientSession;
class DataDirectory;
class QTcpServer;
class QTcpSocket;
class ServerCore;
class WriteBatcher;

// The listening server: one QTcpServer per listen address, a ClientSession per accepted
// connection, all sharing one ServerCore. Everything runs in the caller's event loop.
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(const ServerConfig& config, QObject* parent = nullptr);
    ~Server() override;

    // Starts the server: with a data directory, locks it and opens the account database;
    // then listens on every configured address. False + errorString() on failure (the port is
    // in use, another confabd has the data directory...), in which case nothing listens.
    bool listen();
    QString errorString() const { return m_errorString; }
    // The actual port after listen() (useful with port 0).
    quint16 serverPort() const;
    QList<QHostAddress> listenAddresses() const;
    // Open client connections, registered or not.
    int clientCount() const { return int(m_sessions.size()); }
    ServerCore* core() const { return m_core; }
    // The account service, or nullptr without a data directory.
    AuthService* authService() const { return m_auth; }
    const ServerConfig& config() const { return m_config; }

    // Tells every client (ERROR) and closes all connections; stops listening. finished() is
    // emitted once the last connection is gone.
    void shutdown(const QString& reason);
    bool isShuttingDown() const { return m_shuttingDown; }

signals:
    void clientCountChanged(int count);
    // After shutdown(), when every connection is closed.
    void finished();

private:
    void onNewConnection(QTcpServer* listener);
    void onSessionFinished(ClientSession* session);
    void reject(QTcpSocket* socket, const QString& reason);
    bool setUpAccounts();

    ServerConfig m_config;
    ServerCore* m_core;
    std::unique_ptr<DataDirectory> m_dataDirectory;
    AuthService* m_auth = nullptr;
    WriteBatcher* m_batcher;
    QList<QTcpServer*> m_listeners;
    QList<ClientSession*> m_sessions;
    QHash<QHostAddress, int> m_connectionsPerIp;
    QString m_errorString;
    bool m_shuttingDown = false;
};

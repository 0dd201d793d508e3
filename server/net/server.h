#pragma once

#include "config/serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class AuthService;
class ClusterBridge;
class ClusterLink;
class HistoryService;
class ClientSession;
class DataDirectory;
class FileHost;
class IoThreadPool;
class Listener;
class SessionSocket;
class ServerCore;
class ServiceAnnouncer;
class TlsContext;
class UdpLobbyBridge;
class UdpRoom;
class WriteBatcher;

// The listening server: one Listener per listen address and kind (plain text, TLS), a
// ClientSession per accepted connection, all sharing one ServerCore. Everything runs in the
// caller's event loop.
class Server : public QObject
{
    Q_OBJECT

public:
    explicit Server(const ServerConfig& config, QObject* parent = nullptr);
    ~Server() override;

    // Starts the server: with a data directory, locks it and opens the account database;
    // loads or generates the TLS certificate; then listens on every configured address, on the
    // plain-text port and the TLS port. False + errorString() on failure (a port in use, another
    // confabd has the data directory, no usable certificate...), in which case nothing listens.
    bool listen();
    QString errorString() const { return m_errorString; }
    // The actual ports after listen() (useful with port 0); 0 for a kind not listened on.
    quint16 serverPort() const;
    quint16 tlsPort() const;
    // The file host's HTTPS port after listen() with config().filesEnabled; else 0.
    quint16 filesPort() const;
    QList<QHostAddress> listenAddresses() const;
    // The TLS certificate and configuration, after listen() with TLS enabled; else nullptr.
    TlsContext* tlsContext() const { return m_tlsContext.get(); }
    // Open client connections, registered or not.
    int clientCount() const { return int(m_sessions.size()); }
    // The I/O threads of --threads above 1 (null with one thread, or before listen()).
    const IoThreadPool* ioThreads() const { return m_ioThreads.get(); }
    ServerCore* core() const { return m_core; }
    // The account service, or nullptr without a data directory.
    AuthService* authService() const { return m_auth; }
    // The history service, or nullptr without a data directory or with history off.
    HistoryService* historyService() const { return m_history; }
    const ServerConfig& config() const { return m_config; }
    // The UDP room (--udp-room) after listen(), or nullptr when it is off.
    UdpRoom* udpRoom() const { return m_udpRoom; }
    // The LAN announcement (DNS-SD through Avahi) after listen() with config().announce; else
    // nullptr.
    ServiceAnnouncer* announcer() const { return m_announcer; }
    // The file host after listen() with config().filesEnabled; else nullptr.
    FileHost* fileHost() const { return m_files; }

    // Tells every client (ERROR) and closes all connections; stops listening. finished() is
    // emitted once the last connection is gone.
    void shutdown(const QString& reason);
    bool isShuttingDown() const { return m_shuttingDown; }

    // Reads the TLS certificate, the MOTD file and the config file's operator blocks again
    // (SIGHUP, REHASH); what cannot be read stays as it was (a warning is logged). False if
    // anything failed.
    bool reload();

signals:
    void clientCountChanged(int count);
    // After shutdown(), when every connection is closed.
    void finished();

private:
    bool setUpTls();
    bool listenOn(Listener* listener, const QHostAddress& address, quint16* port);
    quint16 portOf(bool tls) const;
    void onNewConnection(Listener* listener);
    void onSessionFinished(ClientSession* session);
    void reject(std::unique_ptr<SessionSocket> socket, const QString& reason);
    bool setUpAccounts();
    bool setUpUdpRoom();
    bool setUpFiles();
    // Announces (or announces again, when something changed) the open ports on the LAN.
    void announce();
    // Stops (or resumes) reading from every client, while the history writer catches up: what
    // is accepted is always stored, and clients are slowed down rather than messages dropped.
    void setInputPaused(bool paused);
    // --cluster: joins it (the link comes up in the background, as Redis answers).
    void joinCluster();
    // finished() once shutting down, every connection closed and the cluster told.
    void finishIfDone();

    ServerConfig m_config;
    ServerCore* m_core;
    std::unique_ptr<DataDirectory> m_dataDirectory;
    AuthService* m_auth = nullptr;
    HistoryService* m_history = nullptr;
    WriteBatcher* m_batcher;
    std::unique_ptr<TlsContext> m_tlsContext;
    // --threads above 1; destroyed after the sessions and listeners (the destructor's body).
    std::unique_ptr<IoThreadPool> m_ioThreads;
    QList<Listener*> m_listeners;
    UdpRoom* m_udpRoom = nullptr;
    ClusterLink* m_clusterLink = nullptr;
    ClusterBridge* m_cluster = nullptr;
    bool m_clusterStopping = false;
    bool m_finished = false; // finished() emitted
    FileHost* m_files = nullptr;
    UdpLobbyBridge* m_udpBridge = nullptr;
    ServiceAnnouncer* m_announcer = nullptr;
    QList<ClientSession*> m_sessions;
    QHash<QHostAddress, int> m_connectionsPerIp;
    QString m_errorString;
    bool m_shuttingDown = false;
    bool m_inputPaused = false;
    QElapsedTimer m_pauseLogged; // when a pause was last logged
    int m_pausesNotLogged = 0;   // pauses since then
};

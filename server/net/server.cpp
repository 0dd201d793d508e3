#include "net/server.h"

#include "auth/authservice.h"
#include "cluster/clusterbridge.h"
#include "cluster/clusterlink.h"
#include "config/serveroptions.h"
#include "core/servercore.h"
#include "discovery/serverannouncement.h"
#include "discovery/serviceannouncer.h"
#include "files/filehost.h"
#include "history/historyservice.h"
#include "irccommand.h"
#include "net/clientsession.h"
#include "net/epolleventdispatcher.h"
#include "net/iothreadpool.h"
#include "net/listener.h"
#include "net/sessionsocket.h"
#include "net/tlscontext.h"
#include "net/writebatcher.h"
#include "serverlogging.h"
#include "storage/datadirectory.h"
#include "udp/udplobbybridge.h"
#include "udp/udproom.h"

#include <QDBusConnection>
#include <QFile>
#include <QHostInfo>
#include <QThread>
#include <QTimer>

#include <algorithm>

namespace {
constexpr int ListenBacklog = 1024;
// At most one warning this often that history writes made the server pause reading.
constexpr qint64 BacklogLogIntervalMs = 10000;
} // namespace

Server::Server(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_config(config), m_core(new ServerCore(config, this)),
      m_batcher(new WriteBatcher(this))
{
    connect(m_core, &ServerCore::rehashRequested, this, &Server::reload);
    // After the command that asked for it has been handled: shutting down closes its sender.
    connect(m_core, &ServerCore::dieRequested, this, &Server::shutdown, Qt::QueuedConnection);
}

Server::~Server()
{
    // Listeners read the TLS context; sessions talk to the core while they go: both go first.
    qDeleteAll(m_listeners);
    m_listeners.clear();
    // The UDP members' users leave the core while it is whole.
    delete m_udpBridge;
    m_udpBridge = nullptr;
    delete m_udpRoom;
    m_udpRoom = nullptr;
    // Ghosts leave while the core is whole.
    m_core->setCluster(nullptr);
    delete m_cluster;
    m_cluster = nullptr;
    delete m_clusterLink;
    m_clusterLink = nullptr;
    // Its logins go through the account service: it stops first.
    m_core->setFileHost(nullptr);
    delete m_files;
    m_files = nullptr;
    const QList<ClientSession*> sessions = m_sessions;
    m_sessions.clear();
    for (ClientSession* session : sessions) {
        session->setFinishedHandler({});
        delete session;
    }
    // The thread's read group outlives this server: it is not left paused for the next one.
    setInputPaused(false);
    // Sessions that have finished and wait for their deleteLater() go now too, while the core,
    // the write batcher and the I/O threads they call on their way out are still there.
    qDeleteAll(findChildren<ClientSession*>(Qt::FindDirectChildrenOnly));
    // The databases close (history written out) before the data directory's lock is released.
    m_core->setHistory(nullptr);
    delete m_history;
    m_history = nullptr;
    m_core->setAuthService(nullptr);
    delete m_auth;
    m_auth = nullptr;
    m_dataDirectory.reset();
}

bool Server::setUpAccounts()
{
    if (m_config.dataDir.isEmpty() || m_auth)
        return true;
    m_dataDirectory = std::make_unique<DataDirectory>(m_config.dataDir);
    if (!m_dataDirectory->lock()) {
        m_errorString = m_dataDirectory->errorString();
        m_dataDirectory.reset();
        return false;
    }
    auto* auth = new AuthService(m_config, this);
    QString error;
    if (!auth->start(&error)) {
        m_errorString = QStringLiteral("cannot open the account database: %1").arg(error);
        delete auth;
        m_dataDirectory.reset();
        return false;
    }
    m_auth = auth;
    m_core->setAuthService(m_auth);
    if (m_config.historyEnabled) {
        auto* history = new HistoryService(m_config, this);
        if (!history->start(&error)) {
            m_errorString = QStringLiteral("cannot open the history store: %1").arg(error);
            delete history;
            return false;
        }
        m_history = history;
        m_core->setHistory(m_history);
        connect(m_history, &HistoryService::backlogChanged, this, &Server::setInputPaused);
        // Logged by the service; the operators online hear of it too (at most once a minute).
        connect(m_history, &HistoryService::writeFailed, m_core, [this](const QString& error) {
            m_core->reportProblem(QStringLiteral("history-write"),
                                  QStringLiteral("History cannot be stored: %1").arg(error));
        });
    }
    return true;
}

void Server::joinCluster()
{
    m_clusterLink = new ClusterLink(m_config, this);
    m_cluster = new ClusterBridge(*m_core, m_clusterLink, this);
    m_core->setCluster(m_cluster);
    connect(m_clusterLink, &ClusterLink::stopped, this, [this] {
        m_clusterStopping = false;
        finishIfDone();
    });
    m_clusterLink->start();
}

void Server::finishIfDone()
{
    if (!m_shuttingDown || !m_sessions.isEmpty() || m_clusterStopping || m_finished)
        return;
    m_finished = true;
    emit finished();
}

bool Server::listen()
{
    m_errorString.clear();
    if (!setUpAccounts()) {
        qCCritical(lcServer).noquote() << m_errorString;
        return false;
    }
    if (m_config.tlsEnabled && !setUpTls())
        return false;
    if (m_config.udpRoomPort != 0 && !setUpUdpRoom())
        return false;
    if (m_config.filesEnabled && !setUpFiles())
        return false;
    if (m_config.plainEnabled && m_config.threads > 1 && !m_ioThreads) {
        // The I/O threads run the event dispatcher this thread runs (confabd's, or Qt's).
        const bool epoll =
            qobject_cast<EpollEventDispatcher*>(QThread::currentThread()->eventDispatcher());
        m_ioThreads = std::make_unique<IoThreadPool>(m_config.threads - 1, epoll);
        qCInfo(lcServer) << "plain connections are read and written by" << m_config.threads - 1
                         << "I/O threads";
    }
    quint16 port = m_config.port;
    quint16 tlsPort = m_config.tlsPort;
    for (const QHostAddress& address : m_config.listenAddresses) {
        if (m_config.plainEnabled &&
            !listenOn(new Listener(Listener::Kind::Plain, nullptr, m_ioThreads.get(), this),
                      address, &port))
            return false;
        if (m_config.tlsEnabled &&
            !listenOn(new Listener(Listener::Kind::Tls, m_tlsContext.get(), nullptr, this), address,
                      &tlsPort))
            return false;
    }
    if (m_listeners.isEmpty())
        return false;
    if (m_config.announce)
        announce();
    if (!m_config.clusterUrl.isEmpty())
        joinCluster();
    return true;
}

void Server::announce()
{
    const QList<QHostAddress> addresses = listenAddresses();
    if (std::all_of(addresses.begin(), addresses.end(),
                    [](const QHostAddress& address) { return address.isLoopback(); })) {
        qCInfo(lcDiscovery) << "listening on loopback only: not announced on the LAN";
        return;
    }
    const QList<DnsSdService> services = ServerAnnouncement::services(
        m_config, serverPort(), tlsPort(), m_tlsContext ? m_tlsContext->fingerprint() : QString(),
        m_auth != nullptr);
    if (!m_announcer) {
        m_announcer = new ServiceAnnouncer(QDBusConnection::systemBus(), this);
    } else if (m_announcer->services() == services) {
        return; // a reload that changed nothing the LAN sees
    }
    m_announcer->announce(ServerAnnouncement::serviceName(m_config, QHostInfo::localHostName()),
                          services);
}

bool Server::setUpUdpRoom()
{
    if (m_udpRoom)
        return true;
    auto* room = new UdpRoom(m_config, this);
    if (!room->listen(m_config.listenAddresses, m_config.udpRoomPort)) {
        m_errorString = room->errorString();
        delete room;
        return false;
    }
    m_udpRoom = room;
    m_udpBridge = new UdpLobbyBridge(m_udpRoom, m_core, m_config.udpRoomChannel, this);
    return true;
}

bool Server::setUpFiles()
{
    if (m_files)
        return true;
    if (!m_tlsContext || !m_auth) {
        m_errorString = QStringLiteral("the file host needs TLS and a data directory");
        qCCritical(lcFiles).noquote() << m_errorString;
        return false;
    }
    FileHostSettings settings = FileHostSettings::fromConfig(m_config);
    QFile certificate(m_tlsContext->certificateFile());
    QFile key(m_tlsContext->keyFile());
    if (!certificate.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly)) {
        m_errorString = QStringLiteral("the file host cannot read the TLS certificate and key");
        qCCritical(lcFiles).noquote() << m_errorString;
        return false;
    }
    settings.certificatePem = certificate.readAll();
    settings.keyPem = key.readAll();
    auto* files = new FileHost(settings, m_auth, this);
    if (!files->start()) {
        m_errorString = files->errorString();
        qCCritical(lcFiles).noquote() << m_errorString;
        delete files;
        return false;
    }
    m_files = files;
    m_core->setFileHost(m_files);
    return true;
}

bool Server::setUpTls()
{
    auto context = std::make_unique<TlsContext>(m_config);
    if (!context->load()) {
        m_errorString = context->errorString();
        qCCritical(lcTls).noquote() << m_errorString;
        return false;
    }
    qCInfo(lcTls).noquote() << "TLS certificate" << context->certificateFile()
                            << (context->isGenerated() ? "(generated)" : "(configured)");
    qCInfo(lcTls).noquote() << "TLS certificate SHA-256 fingerprint:" << context->fingerprint();
    m_tlsContext = std::move(context);
    return true;
}

// Listens on address; *port 0 is replaced by the port chosen, so that every address gets the
// same ephemeral port. On failure every listener is closed.
bool Server::listenOn(Listener* listener, const QHostAddress& address, quint16* port)
{
    // Many clients may connect at once (a LAN party, a benchmark): a deeper kernel backlog
    // than Qt's default of 50, and the accepted ones are all taken in onNewConnection().
    listener->setListenBacklogSize(ListenBacklog);
    listener->setMaxPendingConnections(ListenBacklog);
    const QString kind = listener->isTls() ? QStringLiteral(" (TLS)") : QString();
    if (!listener->listen(address, *port)) {
        m_errorString = QStringLiteral("cannot listen on %1 port %2%3: %4")
                            .arg(address.toString())
                            .arg(*port)
                            .arg(kind, listener->errorString());
        qCCritical(lcServer).noquote() << m_errorString;
        delete listener;
        qDeleteAll(m_listeners);
        m_listeners.clear();
        return false;
    }
    *port = listener->serverPort();
    connect(listener, &Listener::connectionAccepted, this,
            [this, listener] { onNewConnection(listener); });
    m_listeners.append(listener);
    qCInfo(lcServer).noquote()
        << QStringLiteral("listening on %1 port %2%3").arg(address.toString()).arg(*port).arg(kind);
    return true;
}

quint16 Server::portOf(bool tls) const
{
    for (const Listener* listener : m_listeners) {
        if (listener->isTls() == tls)
            return listener->serverPort();
    }
    return 0;
}

quint16 Server::serverPort() const
{
    return portOf(false);
}

quint16 Server::filesPort() const
{
    return m_files ? m_files->port() : 0;
}

quint16 Server::tlsPort() const
{
    return portOf(true);
}

QList<QHostAddress> Server::listenAddresses() const
{
    QList<QHostAddress> addresses;
    for (const Listener* listener : m_listeners) {
        if (!addresses.contains(listener->serverAddress()))
            addresses.append(listener->serverAddress());
    }
    return addresses;
}

bool Server::reload()
{
    qCInfo(lcServer) << "reloading the TLS certificate, the MOTD and the options";
    bool ok = true;
    if (m_tlsContext)
        ok = m_tlsContext->reload();
    if (m_announcer)
        announce(); // a new certificate has a new fingerprint
    // The options are read as at start: the same command line, the config file read anew.
    QStringList arguments = m_config.arguments;
    if (arguments.isEmpty() && !m_config.configFile.isEmpty())
        arguments = {QStringLiteral("confabd"), QStringLiteral("--config"), m_config.configFile};
    if (!arguments.isEmpty()) {
        ServerOptions options;
        if (options.parse(arguments) == ServerOptions::Result::Ok) {
            m_core->reconfigure(options.config());
        } else {
            qCWarning(lcServer).noquote()
                << "options and operator blocks kept as they were:" << options.errorText();
            ok = false;
        }
    }
    return m_core->reloadMotd() && ok;
}

void Server::onNewConnection(Listener* listener)
{
    while (std::unique_ptr<SessionSocket> socket = listener->nextConnection()) {
        const QHostAddress peer = ClientSession::normalizedAddress(socket->peerAddress());
        if (m_shuttingDown) {
            reject(std::move(socket), QStringLiteral("Server shutting down"));
            continue;
        }
        if (m_sessions.size() >= m_config.maxClients) {
            qCWarning(lcServer).noquote() << "refusing" << peer.toString() << "(server full)";
            reject(std::move(socket), QStringLiteral("Server is full"));
            continue;
        }
        if (m_connectionsPerIp.value(peer) >= m_config.maxConnectionsPerIp) {
            qCWarning(lcServer).noquote()
                << "refusing" << peer.toString() << "(too many connections from this address)";
            reject(std::move(socket), QStringLiteral("Too many connections from your host"));
            continue;
        }
        // Paused and resumed with the other clients in one call (setInputPaused).
        socket->joinReadGroup();
        auto* session = new ClientSession(std::move(socket), m_core, m_config, m_batcher, this);
        m_sessions.append(session);
        ++m_connectionsPerIp[peer];
        session->setFinishedHandler([this](ClientSession* done) { onSessionFinished(done); });
        session->setInputPaused(m_inputPaused);
        session->start();
        emit clientCountChanged(clientCount());
    }
}

void Server::setInputPaused(bool paused)
{
    if (m_inputPaused == paused)
        return;
    m_inputPaused = paused;
    // A flood pauses reading many times a second: one warning per BacklogLogIntervalMs, with
    // the count of pauses since the last one.
    if (paused) {
        ++m_pausesNotLogged;
        if (!m_pauseLogged.isValid() || m_pauseLogged.hasExpired(BacklogLogIntervalMs)) {
            if (m_pausesNotLogged == 1)
                qCWarning(lcServer) << "history writes are behind: reading from clients paused";
            else
                qCWarning(lcServer).nospace()
                    << "history writes are behind: reading from clients paused ("
                    << m_pausesNotLogged << " pauses since the last warning)";
            m_pauseLogged.start();
            m_pausesNotLogged = 0;
        }
    } else {
        qCDebug(lcServer) << "history writes caught up: reading from clients again";
    }
    // One call for the clients in the loop's read group; the others (TLS, I/O threads, another
    // event dispatcher) switch their reading off when they are woken during the pause. The
    // group is the thread's: servers that share a thread (tests) pause each other's clients.
    if (EpollEventDispatcher* const dispatcher = EpollEventDispatcher::ofCurrentThread())
        dispatcher->setReadGroupPaused(paused);
    for (ClientSession* session : std::as_const(m_sessions))
        session->setInputPaused(paused);
}

void Server::reject(std::unique_ptr<SessionSocket> socket, const QString& reason)
{
    // No plain bytes into a TLS connection, and no handshake for a refused one: it is cut. A
    // plain one gets ERROR, which its empty kernel buffer takes at once, and is closed.
    if (socket->isTls()) {
        socket->abort();
        return;
    }
    socket->write({IrcCommand::error(reason).toWire()});
    socket->disconnectFromHost();
}

void Server::onSessionFinished(ClientSession* session)
{
    if (!m_sessions.removeOne(session))
        return;
    auto it = m_connectionsPerIp.find(session->peerAddress());
    if (it != m_connectionsPerIp.end() && --*it <= 0)
        m_connectionsPerIp.erase(it);
    session->deleteLater();
    emit clientCountChanged(clientCount());
    finishIfDone();
}

void Server::shutdown(const QString& reason)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer).noquote()
        << QStringLiteral("shutting down: %1 (%2 connections)").arg(reason).arg(clientCount());
    for (Listener* listener : std::as_const(m_listeners))
        listener->close();
    if (m_announcer)
        m_announcer->withdraw(); // nobody should try to join a server on its way out
    if (m_clusterLink) {
        // Devices carried between this node and others are closed while the link is there.
        m_cluster->dropDevices(reason);
        // The other nodes see this node's users quit now rather than after the lease.
        m_core->setCluster(nullptr);
        m_clusterStopping = true;
        m_clusterLink->stop();
    }
    m_core->closeAll(reason);
    if (m_udpRoom)
        m_udpRoom->close();
    // Connections still in their TLS handshake are not in the core yet.
    const QList<ClientSession*> sessions = m_sessions;
    for (ClientSession* session : sessions) {
        if (session->isHandshaking())
            session->close(reason);
    }
    QMetaObject::invokeMethod(this, &Server::finishIfDone, Qt::QueuedConnection);
}

#include "net/server.h"

#include "auth/authservice.h"
#include "net/clientsession.h"
#include "storage/datadirectory.h"
#include "irccommand.h"
#include "core/servercore.h"
#include "serverlogging.h"
#include "net/writebatcher.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace {
constexpr int RejectGraceMs = 2000; // time to deliver ERROR to a refused connection
constexpr int ListenBacklog = 1024;
}

Server::Server(const ServerConfig& config, QObject* parent)
    : QObject(parent),
      m_config(config),
      m_core(new ServerCore(config, this)),
      m_batcher(new WriteBatcher(this))
{
}

Server::~Server()
{
    // Sessions talk to the core while they go: delete them before it.
    const QList<ClientSession*> sessions = m_sessions;
    m_sessions.clear();
    for (ClientSession* session : sessions) {
        session->setFinishedHandler({});
        delete session;
    }
    // The account database closes before the data directory's lock is released.
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
    return true;
}

bool Server::listen()
{
    m_errorString.clear();
    if (!setUpAccounts()) {
        qCCritical(lcServer).noquote() << m_errorString;
        return false;
    }
    quint16 port = m_config.port;
    for (const QHostAddress& address : m_config.listenAddresses) {
        auto* listener = new QTcpServer(this);
        // Many clients may connect at once (a LAN party, a benchmark): a deeper kernel backlog
        // than Qt's default of 50, and the accepted ones are all taken in onNewConnection().
        listener->setListenBacklogSize(ListenBacklog);
        listener->setMaxPendingConnections(ListenBacklog);
        if (!listener->listen(address, port)) {
            m_errorString = QStringLiteral("cannot listen on %1 port %2: %3")
                                .arg(address.toString())
                                .arg(port)
                                .arg(listener->errorString());
            qCCritical(lcServer).noquote() << m_errorString;
            delete listener;
            qDeleteAll(m_listeners);
            m_listeners.clear();
            return false;
        }
        port = listener->serverPort(); // port 0: every address gets the same ephemeral port
        connect(listener, &QTcpServer::newConnection, this,
                [this, listener] { onNewConnection(listener); });
        m_listeners.append(listener);
        qCInfo(lcServer).noquote() << "listening on" << address.toString() << "port" << port;
    }
    return !m_listeners.isEmpty();
}

quint16 Server::serverPort() const
{
    return m_listeners.isEmpty() ? 0 : m_listeners.first()->serverPort();
}

QList<QHostAddress> Server::listenAddresses() const
{
    QList<QHostAddress> addresses;
    for (const QTcpServer* listener : m_listeners)
        addresses.append(listener->serverAddress());
    return addresses;
}

void Server::onNewConnection(QTcpServer* listener)
{
    while (QTcpSocket* socket = listener->nextPendingConnection()) {
        const QHostAddress peer = ClientSession::normalizedAddress(socket->peerAddress());
        if (m_shuttingDown) {
            reject(socket, QStringLiteral("Server shutting down"));
            continue;
        }
        if (m_sessions.size() >= m_config.maxClients) {
            qCWarning(lcServer).noquote() << "refusing" << peer.toString() << "(server full)";
            reject(socket, QStringLiteral("Server is full"));
            continue;
        }
        if (m_connectionsPerIp.value(peer) >= m_config.maxConnectionsPerIp) {
            qCWarning(lcServer).noquote() << "refusing" << peer.toString()
                                          << "(too many connections from this address)";
            reject(socket, QStringLiteral("Too many connections from your host"));
            continue;
        }
        auto* session = new ClientSession(socket, m_core, m_config, m_batcher, this);
        m_sessions.append(session);
        ++m_connectionsPerIp[peer];
        session->setFinishedHandler([this](ClientSession* done) { onSessionFinished(done); });
        session->start();
        emit clientCountChanged(clientCount());
    }
}

void Server::reject(QTcpSocket* socket, const QString& reason)
{
    socket->setParent(this);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(RejectGraceMs, socket, [socket] { socket->abort(); });
    socket->write(IrcCommand::error(reason).toWire());
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
    if (m_shuttingDown && m_sessions.isEmpty())
        emit finished();
}

void Server::shutdown(const QString& reason)
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    qCInfo(lcServer).noquote() << QStringLiteral("shutting down: %1 (%2 connections)")
                                      .arg(reason)
                                      .arg(clientCount());
    for (QTcpServer* listener : m_listeners)
        listener->close();
    m_core->closeAll(reason);
    if (m_sessions.isEmpty())
        QMetaObject::invokeMethod(this, &Server::finished, Qt::QueuedConnection);
}

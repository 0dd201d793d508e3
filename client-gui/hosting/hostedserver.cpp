#include "hosting/hostedserver.h"

#include "auth/scramcredentials.h"
#include "hosting/hostaccount.h"
#include "net/server.h"
#include "net/tlscontext.h"
#include "storage/database.h"

#include <QDir>
#include <QSysInfo>
#include <QTcpServer>
#include <QTimer>

HostedServer::HostedServer(const HostingOptions& options, QObject* parent)
    : QObject(parent), m_options(options), m_stopTimer(new QTimer(this))
{
    m_stopTimer->setSingleShot(true);
    connect(m_stopTimer, &QTimer::timeout, this, &HostedServer::onServerFinished);
}

HostedServer::~HostedServer() = default;

quint16 HostedServer::firstFreePort(const QList<QHostAddress>& addresses, quint16 first,
                                    int tries, const QSet<quint16>& taken)
{
    for (int i = 0; i < tries && first + i <= 65535; ++i) {
        const auto port = quint16(first + i);
        if (taken.contains(port))
            continue;
        bool free = true;
        for (const QHostAddress& address : addresses) {
            QTcpServer probe;
            if (!probe.listen(address, port)) {
                free = false;
                break;
            }
        }
        if (free)
            return port;
    }
    return 0;
}

void HostedServer::start(const QString& announceName, const QString& account,
                         const QString& password)
{
    const quint16 port =
        firstFreePort(m_options.listenAddresses, m_options.port, m_options.portTries);
    const quint16 tlsPort =
        firstFreePort(m_options.listenAddresses, m_options.tlsPort, m_options.portTries, {port});
    const quint16 filesPort =
        m_options.filesPort == 0 ? 0
                                 : firstFreePort(m_options.listenAddresses, m_options.filesPort,
                                                 m_options.portTries, {port, tlsPort});
    if (port == 0 || tlsPort == 0 || (m_options.filesPort != 0 && filesPort == 0)) {
        const quint16 first = port == 0      ? m_options.port
                              : tlsPort == 0 ? m_options.tlsPort
                                             : m_options.filesPort;
        emit failed(tr("No free port from %1 to %2 for the chat server.")
                        .arg(first)
                        .arg(first + m_options.portTries - 1));
        return;
    }
    ServerConfig config;
    config.listenAddresses = m_options.listenAddresses;
    config.port = port;
    config.tlsEnabled = true;
    config.tlsPort = tlsPort;
    // Pictures and files, on the same certificate.
    config.filesEnabled = true;
    config.filesPort = filesPort;
    config.dataDir = m_options.effectiveDataDir();
    config.announce = m_options.announce;
    config.announceName = announceName;
    config.serverName = QSysInfo::machineHostName().isEmpty()
                            ? config.serverName
                            : QSysInfo::machineHostName() + QStringLiteral(".local");
    if (m_options.scramIterations > 0)
        config.scramIterations = m_options.scramIterations;
    // The password's keys are worked out before the server listens: nobody waits for them.
    const ScramCredentials credentials = ScramCredentials::derive(password, config.scramIterations);

    m_server = std::make_unique<Server>(config);
    connect(m_server.get(), &Server::clientCountChanged, this,
            &HostedServer::connectionCountChanged);
    connect(m_server.get(), &Server::finished, this, &HostedServer::onServerFinished,
            Qt::QueuedConnection);
    if (!m_server->listen()) {
        const QString reason = m_server->errorString();
        m_server.reset();
        emit failed(reason);
        return;
    }
    // The data directory is locked now: this server, and no other, is the account's.
    QString error;
    if (!HostAccount::set(QDir(config.dataDir).filePath(Database::fileName()), account,
                          credentials, &error)) {
        m_server.reset();
        emit failed(tr("Cannot create your account on the chat server: %1").arg(error));
        return;
    }
    emit started(m_server->serverPort(), m_server->tlsPort(), m_server->tlsContext()->fingerprint());
}

void HostedServer::stop(const QString& reason)
{
    if (!m_server) {
        emit finished();
        return;
    }
    m_stopTimer->start(m_options.stopTimeoutMs);
    m_server->shutdown(reason);
}

void HostedServer::onServerFinished()
{
    m_stopTimer->stop();
    if (!m_server)
        return;
    m_server.reset();
    emit finished();
}

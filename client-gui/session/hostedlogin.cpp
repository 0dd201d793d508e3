#include "session/hostedlogin.h"

#include "connection/certificatepins.h"
#include "connection/clientlogging.h"

HostedLogin::HostedLogin(ChatHost* host, ServerConnection* connection, QObject* parent)
    : QObject(parent), m_host(host), m_connection(connection)
{
    connect(m_host, &ChatHost::started, this, &HostedLogin::onHostStarted);
    connect(m_host, &ChatHost::failed, this, &HostedLogin::onHostFailed);
    connect(m_connection, &ServerConnection::registered, this, &HostedLogin::onRegistered);
    // The login's errors are the connection's own, told where it tells them.
    connect(m_connection, &ServerConnection::errorOccurred, this, &HostedLogin::cancel);
}

bool HostedLogin::isConnectedToHost(const ChatHost* host, const ServerConnection* connection)
{
    return host && host->isRunning() &&
           connection->state() != ServerConnection::State::Disconnected &&
           connection->host() == HostedChat::host() && connection->port() == host->chat().tlsPort;
}

void HostedLogin::begin(const QString& name, const QString& displayName)
{
    m_active = true;
    m_displayName = displayName;
    if (m_host->isRunning()) {
        logIn(m_host->chat());
        return;
    }
    emit progress(tr("Starting the chat server on this computer…"));
    m_host->start(name);
}

void HostedLogin::onHostStarted(const HostedChat& chat)
{
    if (m_active)
        logIn(chat);
}

void HostedLogin::onHostFailed(const QString& reason)
{
    if (m_active)
        fail(tr("The chat could not be started: %1").arg(reason));
}

void HostedLogin::logIn(const HostedChat& chat)
{
    if (m_connection->state() != ServerConnection::State::Disconnected)
        m_connection->disconnectFromServer(QStringLiteral("Leaving"));
    // This app made the certificate: it is the one to expect, with no question to the user.
    CertificatePins().setPin(HostedChat::host(), chat.tlsPort, chat.fingerprint);
    qCInfo(lcClient).noquote() << "hosting" << chat.name << "on ports" << chat.port << "and"
                               << chat.tlsPort << "(TLS)";
    emit progress(tr("Hosting %1. Logging in…").arg(chat.name));
    m_connection->setHost(HostedChat::host());
    m_connection->setPort(chat.tlsPort);
    m_connection->setTls(true);
    m_connection->setDesiredNick(chat.account);
    m_connection->setPassword({});
    m_connection->setAccount(Registration::Mode::SignIn, chat.account, chat.password);
    m_connection->setRealName(m_displayName);
    m_connection->connectToServer();
}

void HostedLogin::onRegistered()
{
    m_active = false;
}

void HostedLogin::cancel()
{
    m_active = false;
}

void HostedLogin::fail(const QString& text)
{
    m_active = false;
    emit failed(text);
}

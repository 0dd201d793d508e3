#include "hosting/embeddedchathost.h"

#include "hosting/hostedserver.h"
#include "ircvalidation.h"

#include <QRandomGenerator>
#include <QSysInfo>

namespace {

QString randomPassword()
{
    QByteArray bytes(HostingDefaults::PasswordBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          bytes.size() / int(sizeof(quint32)));
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace

EmbeddedChatHost::EmbeddedChatHost(const HostingOptions& options, QObject* parent)
    : ChatHost(parent), m_options(options)
{
    m_thread.setObjectName(QStringLiteral("confab-host"));
    connect(&m_thread, &QThread::finished, this, &EmbeddedChatHost::onThreadFinished);
}

EmbeddedChatHost::~EmbeddedChatHost()
{
    disconnect(&m_thread, nullptr, this, nullptr);
    endThread();
    m_thread.wait();
}

void EmbeddedChatHost::start(const QString& hostName)
{
    if (state() != State::Stopped)
        return;
    if (IrcValidation::checkNick(hostName) != IrcValidation::Reason::Valid) {
        emit failed(tr("\"%1\" cannot be a name on the chat.").arg(hostName));
        return;
    }
    m_failure.clear();
    m_starting = {};
    m_starting.account = hostName;
    m_starting.password = randomPassword();
    m_starting.name = m_options.announceName.isEmpty()
                          ? tr("%1 on %2").arg(hostName, QSysInfo::machineHostName())
                          : m_options.announceName;
    setState(State::Starting);

    m_server = new HostedServer(m_options);
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    connect(m_server, &HostedServer::started, this, &EmbeddedChatHost::onServerStarted);
    connect(m_server, &HostedServer::failed, this, &EmbeddedChatHost::onServerFailed);
    connect(m_server, &HostedServer::connectionCountChanged, this,
            &EmbeddedChatHost::setConnectionCount);
    connect(m_server, &HostedServer::finished, this, &EmbeddedChatHost::endThread);
    m_thread.start();
    const HostedChat chat = m_starting;
    QMetaObject::invokeMethod(m_server, [server = m_server, chat] {
        server->start(chat.name, chat.account, chat.password);
    });
}

void EmbeddedChatHost::stop()
{
    if (state() != State::Running && state() != State::Starting)
        return;
    setState(State::Stopping);
    // Protocol text (ERROR to every client), in English like the rest of the server's.
    const QString reason = QStringLiteral("The host ended the chat");
    QMetaObject::invokeMethod(m_server, [server = m_server, reason] { server->stop(reason); });
}

void EmbeddedChatHost::onServerStarted(quint16 port, quint16 tlsPort, const QString& fingerprint)
{
    if (state() != State::Starting)
        return; // stopped meanwhile
    m_starting.port = port;
    m_starting.tlsPort = tlsPort;
    m_starting.fingerprint = fingerprint;
    setChat(m_starting);
    setState(State::Running);
    emit started(chat());
}

void EmbeddedChatHost::onServerFailed(const QString& reason)
{
    m_failure = reason;
    endThread();
}

void EmbeddedChatHost::endThread()
{
    m_thread.quit(); // the server goes with the thread's last deferred deletion
}

void EmbeddedChatHost::onThreadFinished()
{
    m_server = nullptr;
    const QString failure = m_failure;
    m_failure.clear();
    setState(State::Stopped);
    if (failure.isEmpty())
        emit stopped();
    else
        emit failed(failure);
}

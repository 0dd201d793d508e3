#include "saslloginproxy.h"

#include "ircmessage.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <utility>

namespace {

// Complete lines taken from buffer, without CR LF.
QList<QByteArray> takeLines(QByteArray& buffer)
{
    QList<QByteArray> lines;
    qsizetype end;
    while ((end = buffer.indexOf('\n')) >= 0) {
        QByteArray line = buffer.left(end);
        buffer.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
    }
    return lines;
}

} // namespace

SaslLoginProxy::SaslLoginProxy(quint16 serverPort, const QString& account, const QString& password,
                               QObject* parent)
    : QObject(parent), m_listener(new QTcpServer(this)), m_serverPort(serverPort),
      m_account(account), m_password(password)
{
    connect(m_listener, &QTcpServer::newConnection, this, &SaslLoginProxy::onNewConnection);
}

SaslLoginProxy::~SaslLoginProxy() = default;

bool SaslLoginProxy::listen()
{
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 SaslLoginProxy::port() const
{
    return m_listener->serverPort();
}

int SaslLoginProxy::heldCount() const
{
    int count = 0;
    for (const auto& link : m_links)
        count += int(link->held.size());
    return count;
}

void SaslLoginProxy::onNewConnection()
{
    while (QTcpSocket* client = m_listener->nextPendingConnection()) {
        auto link = std::make_unique<Link>();
        Link* raw = link.get();
        raw->client = client;
        client->setParent(this);
        raw->server = new QTcpSocket(this);
        connect(client, &QTcpSocket::readyRead, this, [this, raw] { onClientData(raw); });
        connect(raw->server, &QTcpSocket::readyRead, this, [this, raw] { onServerData(raw); });
        connect(client, &QTcpSocket::disconnected, raw->server, &QTcpSocket::disconnectFromHost);
        connect(raw->server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        raw->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        m_links.push_back(std::move(link));
        onClientData(raw);
    }
}

void SaslLoginProxy::toServer(Link* link, const QByteArray& line)
{
    if (!m_holdPrefix.isEmpty() && line.startsWith(m_holdPrefix)) {
        link->held.append(line);
        return;
    }
    link->server->write(line + "\r\n");
}

void SaslLoginProxy::onClientData(Link* link)
{
    link->fromClient += link->client->readAll();
    for (QByteArray line : takeLines(link->fromClient)) {
        if (link->loginStarted && !link->loginEnded) {
            if (line == "CAP END" || !link->untilLogin.isEmpty()) {
                link->untilLogin.append(line);
                continue;
            }
        }
        if (line.startsWith("CAP REQ ") && !link->loginStarted) {
            toServer(link, line + " sasl");
            toServer(link, "AUTHENTICATE PLAIN");
            const QByteArray account = m_account.toUtf8();
            toServer(link, "AUTHENTICATE " +
                               (account + '\0' + account + '\0' + m_password.toUtf8()).toBase64());
            link->loginStarted = true;
            continue;
        }
        toServer(link, line);
    }
}

void SaslLoginProxy::onServerData(Link* link)
{
    const QByteArray bytes = link->server->readAll();
    link->client->write(bytes);
    if (link->loginEnded)
        return;
    link->fromServer += bytes;
    for (const QByteArray& line : takeLines(link->fromServer)) {
        const std::optional<IrcMessage> message = IrcMessage::parse(line);
        if (!message)
            continue;
        const QString command = message->command();
        if (command != QLatin1String("903") && command != QLatin1String("904") &&
            command != QLatin1String("905") && command != QLatin1String("906"))
            continue;
        if (command == QLatin1String("903"))
            ++m_logins;
        link->loginEnded = true;
        link->fromServer.clear();
        for (const QByteArray& waiting : std::exchange(link->untilLogin, {}))
            toServer(link, waiting);
        return;
    }
}

void SaslLoginProxy::dropAll()
{
    for (const auto& link : m_links) {
        for (QTcpSocket* socket : {link->client, link->server}) {
            socket->disconnect(this);
            socket->abort();
            socket->deleteLater();
        }
    }
    m_links.clear();
}

void SaslLoginProxy::releaseHeld()
{
    const QByteArray prefix = std::exchange(m_holdPrefix, QByteArray());
    for (const auto& link : m_links) {
        for (const QByteArray& line : std::exchange(link->held, {}))
            toServer(link.get(), line);
    }
    m_holdPrefix = prefix;
}

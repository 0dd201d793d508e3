#include "networklink.h"

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

NetworkLink::NetworkLink(quint16 serverPort, QObject* parent)
    : QObject(parent), m_listener(new QTcpServer(this)), m_serverPort(serverPort)
{
    connect(m_listener, &QTcpServer::newConnection, this, &NetworkLink::onNewConnection);
}

NetworkLink::~NetworkLink() = default;

bool NetworkLink::listen()
{
    return m_listener->listen(QHostAddress::LocalHost, 0);
}

quint16 NetworkLink::port() const
{
    return m_listener->serverPort();
}

int NetworkLink::heldCount() const
{
    int count = 0;
    for (const auto& link : m_links)
        count += int(link->held.size());
    return count;
}

QList<QByteArray> NetworkLink::clientLines(const QByteArray& prefix) const
{
    QList<QByteArray> lines;
    for (const QByteArray& line : m_clientLines) {
        if (line.startsWith(prefix))
            lines.append(line);
    }
    return lines;
}

void NetworkLink::onNewConnection()
{
    while (QTcpSocket* client = m_listener->nextPendingConnection()) {
        auto link = std::make_unique<Link>();
        Link* raw = link.get();
        raw->client = client;
        client->setParent(this);
        raw->server = new QTcpSocket(this);
        connect(client, &QTcpSocket::readyRead, this, [this, raw] { onClientData(raw); });
        connect(raw->server, &QTcpSocket::readyRead, this,
                [raw] { raw->client->write(raw->server->readAll()); });
        connect(client, &QTcpSocket::disconnected, raw->server, &QTcpSocket::disconnectFromHost);
        connect(raw->server, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
        raw->server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        m_links.push_back(std::move(link));
        onClientData(raw);
    }
}

void NetworkLink::toServer(Link* link, const QByteArray& line)
{
    if (!m_holdPrefix.isEmpty() && line.startsWith(m_holdPrefix)) {
        link->held.append(line);
        return;
    }
    link->server->write(line + "\r\n");
}

void NetworkLink::onClientData(Link* link)
{
    link->fromClient += link->client->readAll();
    for (const QByteArray& line : takeLines(link->fromClient)) {
        m_clientLines.append(line);
        toServer(link, line);
    }
}

void NetworkLink::dropAll()
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

void NetworkLink::releaseHeld()
{
    const QByteArray prefix = std::exchange(m_holdPrefix, QByteArray());
    for (const auto& link : m_links) {
        for (const QByteArray& line : std::exchange(link->held, {}))
            toServer(link.get(), line);
    }
    m_holdPrefix = prefix;
}

#include "fakeircserver.h"

FakeIrcServer::FakeIrcServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(); });
}

bool FakeIrcServer::listen(quint16 port)
{
    return m_server->listen(QHostAddress::LocalHost, port);
}

void FakeIrcServer::close()
{
    m_server->close();
    dropClient();
}

QList<IrcMessage> FakeIrcServer::receivedCommands(const QString& command) const
{
    QList<IrcMessage> list;
    for (const IrcMessage& message : m_received) {
        if (message.command() == command)
            list.append(message);
    }
    return list;
}

void FakeIrcServer::sendLine(const QByteArray& line)
{
    sendRaw(line + "\r\n");
}

void FakeIrcServer::sendRaw(const QByteArray& bytes)
{
    if (m_client)
        m_client->write(bytes);
}

void FakeIrcServer::dropClient()
{
    if (m_client) {
        m_client->abort();
        m_client->deleteLater();
    }
    m_client = nullptr;
}

void FakeIrcServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        dropClient();
        m_client = socket;
        m_framer.reset();
        m_welcomed = false;
        m_nick.clear();
        connect(socket, &QTcpSocket::readyRead, this, [this] { onReadyRead(); });
    }
}

void FakeIrcServer::onReadyRead()
{
    if (!m_client)
        return;
    const QList<IrcLineFramer::Frame> frames = m_framer.feed(m_client->readAll());
    for (const IrcLineFramer::Frame& frame : frames) {
        const std::optional<IrcMessage> message = IrcMessage::parse(frame.line);
        if (!frame.isLine() || !message)
            continue;
        m_received.append(*message);
        if (message->command() == QLatin1String("CAP") && rejectCap)
            sendLine("421 * CAP :Unknown command");
        if (message->command() == QLatin1String("NICK"))
            m_nick = message->param(0);
        if (autoWelcome && !m_welcomed && message->command() == QLatin1String("USER")) {
            m_welcomed = true;
            sendLine(":fake.server 001 " + m_nick.toUtf8() + " :Welcome");
            sendLine(":fake.server 005 " + m_nick.toUtf8() +
                     " CASEMAPPING=ascii CHANTYPES=# :are supported");
        }
        emit lineReceived(*message);
    }
}

#include "testclient.h"

#include "irccommand.h"

#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

TestClient::TestClient(QObject* parent)
    : QObject(parent), m_socket(new QTcpSocket(this)), m_framer(1 << 20, Limits::MaxTagBytes)
{
    connectSocket();
}

void TestClient::connectSocket()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &TestClient::onReadyRead);
    connect(m_socket, &QTcpSocket::connected, this, &TestClient::connected);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_disconnected = true;
        emit disconnected();
    });
}

TestClient::~TestClient() = default;

void TestClient::connectToServer(quint16 port, const QHostAddress& address)
{
    m_disconnected = false;
    m_socket->connectToHost(address, port);
}

void TestClient::connectToServerEncrypted(quint16 port, const QSslConfiguration& configuration,
                                          const QString& peerName, const QHostAddress& address)
{
    auto* socket = new QSslSocket(this);
    delete m_socket;
    m_socket = socket;
    connectSocket();
    socket->setSslConfiguration(configuration);
    m_disconnected = false;
    socket->connectToHostEncrypted(address.toString(), port, peerName);
}

QSslSocket* TestClient::sslSocket() const
{
    return qobject_cast<QSslSocket*>(m_socket);
}

bool TestClient::isConnected() const
{
    return m_socket->state() == QAbstractSocket::ConnectedState;
}

void TestClient::sendLine(const QByteArray& line)
{
    m_socket->write(line + "\r\n");
}

void TestClient::send(const IrcMessage& message)
{
    m_socket->write(message.toWire(Limits::MaxLineBytes));
}

qint64 TestClient::sendRepeatedly(const QByteArray& bytes, const std::function<bool()>& done,
                                  qint64 maxBytes)
{
    qint64 sent = 0;
    while (!done() && sent < maxBytes) {
        sendRaw(bytes);
        sent += bytes.size();
        if (!QTest::qWaitFor([this] { return m_socket->bytesToWrite() == 0; }, 5000))
            break;
        QTest::qWait(1);
    }
    return sent;
}

void TestClient::sendRaw(const QByteArray& bytes)
{
    m_socket->write(bytes);
}

void TestClient::registerUser(const QString& nick, const QString& password)
{
    if (!password.isEmpty())
        send(IrcCommand::pass(password));
    send(IrcCommand::nick(nick));
    send(IrcCommand::user(QStringLiteral("test"), QStringLiteral("Test User ") + nick));
}

void TestClient::pauseReading()
{
    m_paused = true;
    m_socket->setReadBufferSize(1);
    m_socket->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 4096);
}

void TestClient::disconnectFromServer()
{
    m_socket->disconnectFromHost();
}

void TestClient::abort()
{
    m_socket->abort();
    m_disconnected = true;
}

QList<IrcMessage> TestClient::messages(const QString& command) const
{
    QList<IrcMessage> result;
    for (const IrcMessage& message : m_messages) {
        if (message.command() == command)
            result.append(message);
    }
    return result;
}

int TestClient::count(const QString& command) const
{
    int n = 0;
    for (const IrcMessage& message : m_messages) {
        if (message.command() == command)
            ++n;
    }
    return n;
}

IrcMessage TestClient::last(const QString& command) const
{
    for (auto it = m_messages.crbegin(); it != m_messages.crend(); ++it) {
        if (it->command() == command)
            return *it;
    }
    return IrcMessage();
}

int TestClient::indexOf(const QString& command, int from) const
{
    for (int i = std::max(from, 0); i < m_messages.size(); ++i) {
        if (m_messages.at(i).command() == command)
            return i;
    }
    return -1;
}

QStringList TestClient::commands() const
{
    QStringList result;
    for (const IrcMessage& message : m_messages)
        result.append(message.command());
    return result;
}

void TestClient::clear()
{
    m_messages.clear();
    m_lines.clear();
}

void TestClient::onReadyRead()
{
    if (m_paused)
        return;
    const QByteArray data = m_socket->readAll();
    m_bytesReceived += data.size();
    for (const IrcLineFramer::Frame& frame : m_framer.feed(data)) {
        if (!frame.isLine())
            continue;
        m_lines.append(frame.line);
        if (const std::optional<IrcMessage> message = IrcMessage::parse(frame.line)) {
            m_messages.append(*message);
            emit messageReceived(*message);
        }
    }
}

#include "scriptedircserver.h"

#include <QHostAddress>

ScriptedIrcServer::ScriptedIrcServer(int memberCount, int joinsPerSecond, QObject* parent)
    : QObject(parent), m_memberCount(memberCount)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ScriptedIrcServer::onNewConnection);
    m_joinTimer.setTimerType(Qt::PreciseTimer);
    m_joinTimer.setInterval(1000 / qMax(1, joinsPerSecond));
    connect(&m_joinTimer, &QTimer::timeout, this, &ScriptedIrcServer::sendJoin);
}

bool ScriptedIrcServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

void ScriptedIrcServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        if (m_client) { // one client
            socket->close();
            socket->deleteLater();
            continue;
        }
        m_client = socket;
        connect(socket, &QTcpSocket::readyRead, this, &ScriptedIrcServer::onReadyRead);
    }
}

void ScriptedIrcServer::onReadyRead()
{
    m_buffer += m_client->readAll();
    qsizetype end;
    while ((end = m_buffer.indexOf('\n')) >= 0) {
        QByteArray line = m_buffer.left(end).trimmed();
        m_buffer.remove(0, end + 1);
        if (!line.isEmpty())
            handle(line);
    }
}

void ScriptedIrcServer::send(const QByteArray& line)
{
    if (m_client)
        m_client->write(line + "\r\n");
}

void ScriptedIrcServer::handle(const QByteArray& line)
{
    const QList<QByteArray> words = line.split(' ');
    const QByteArray command = words.value(0).toUpper();
    if (command == "CAP") {
        send(":bench.test 421 * CAP :Unknown command");
    } else if (command == "NICK") {
        m_nick = words.value(1);
        m_nickGiven = true;
    } else if (command == "USER") {
        m_user = true;
    } else if (command == "PING") {
        send(":bench.test PONG bench.test :" + words.value(1));
    } else if (command == "JOIN" && words.value(1).startsWith("#lobby")) {
        send(":" + m_nick + "!u@127.0.0.1 JOIN #lobby");
        QByteArray names;
        for (int i = 0; i < m_memberCount; ++i) {
            names += (i % 50 == 0 ? "@" : "") + QByteArray("member") + QByteArray::number(i) + ' ';
            if (i % 40 == 39 || i == m_memberCount - 1) {
                send(":bench.test 353 " + m_nick + " = #lobby :" + names.trimmed());
                names.clear();
            }
        }
        send(":bench.test 353 " + m_nick + " = #lobby :" + m_nick);
        send(":bench.test 366 " + m_nick + " #lobby :End of /NAMES list.");
        emit roomFilled();
    }
    if (!m_welcomed && m_nickGiven && m_user) {
        m_welcomed = true;
        send(":bench.test 001 " + m_nick + " :Welcome to the bench");
        send(":bench.test 005 " + m_nick + " PREFIX=(ov)@+ CHANTYPES=# :are supported");
        send(":bench.test 422 " + m_nick + " :No MOTD");
    }
}

void ScriptedIrcServer::startJoins()
{
    m_joinTimer.start();
}

void ScriptedIrcServer::stopJoins()
{
    m_joinTimer.stop();
}

void ScriptedIrcServer::sendJoin()
{
    send(":joiner" + QByteArray::number(m_joins) + "!u@127.0.0.1 JOIN #lobby");
    ++m_joins;
}

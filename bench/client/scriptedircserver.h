#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

// The IRC server side of the member-list benchmark, on loopback: it welcomes the client, puts it
// in #lobby with MemberCount members (NAMES), then, once started, sends JoinsPerSecond JOINs of new
// people. Only what the client's registration needs is answered (CAP is refused, PING ponged), so
// what is measured is the client, not a server.
class ScriptedIrcServer : public QObject
{
    Q_OBJECT

public:
    ScriptedIrcServer(int memberCount, int joinsPerSecond, QObject* parent = nullptr);

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    void startJoins();
    void stopJoins();
    int joinsSent() const { return m_joins; }

signals:
    // The client is in #lobby with every member listed.
    void roomFilled();

private:
    void onNewConnection();
    void onReadyRead();
    void handle(const QByteArray& line);
    void send(const QByteArray& line);
    void sendJoin();

    int m_memberCount;
    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    QByteArray m_buffer;
    QByteArray m_nick = "bench";
    bool m_welcomed = false;
    bool m_user = false;
    bool m_nickGiven = false;
    QTimer m_joinTimer;
    int m_joins = 0;
};

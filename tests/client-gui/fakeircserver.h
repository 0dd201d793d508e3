#pragma once

#include "irclineframer.h"
#include "ircmessage.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

// A scripted IRC server for the client's connection tests: it records what the client sends and
// writes whatever the test tells it to, so servers without CAP, with odd replies or that stop
// answering can be imitated. One client at a time.
class FakeIrcServer : public QObject
{
    Q_OBJECT

public:
    explicit FakeIrcServer(QObject* parent = nullptr);

    bool listen(quint16 port = 0);
    void close();
    quint16 port() const { return m_server->serverPort(); }

    bool hasClient() const
    {
        return m_client && m_client->state() == QAbstractSocket::ConnectedState;
    }
    // Lines received from the client so far, parsed.
    const QList<IrcMessage>& received() const { return m_received; }
    QList<IrcMessage> receivedCommands(const QString& command) const;
    void clearReceived() { m_received.clear(); }

    void sendLine(const QByteArray& line); // adds CR LF
    void sendRaw(const QByteArray& bytes);
    void dropClient(); // abrupt close

    // When set, answers NICK+USER with 001 at once (ignoring CAP).
    bool autoWelcome = false;
    // When set, answers CAP with 421 (a server that never heard of CAP).
    bool rejectCap = false;

signals:
    void lineReceived(const IrcMessage& message);

private:
    void onNewConnection();
    void onReadyRead();

    QTcpServer* m_server;
    QPointer<QTcpSocket> m_client;
    IrcLineFramer m_framer;
    QList<IrcMessage> m_received;
    QString m_nick;
    bool m_welcomed = false;
};

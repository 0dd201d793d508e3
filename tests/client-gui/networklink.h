#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

// The network between a client under test and an in-process confabd on 127.0.0.1: relays every
// byte both ways unchanged, and can fail like a network: cut every connection at once, or hold
// back the client's lines that start with a prefix until released (to order races). It keeps
// the lines the clients sent, to check what was asked.
class NetworkLink : public QObject
{
    Q_OBJECT

public:
    explicit NetworkLink(quint16 serverPort, QObject* parent = nullptr);
    ~NetworkLink() override;

    bool listen();
    quint16 port() const;

    // Closes every connection, both sides, as a network failure would.
    void dropAll();
    // Lines from clients that start with prefix wait until releaseHeld() (empty: none wait).
    void holdLinesStartingWith(const QByteArray& prefix) { m_holdPrefix = prefix; }
    int heldCount() const;
    void releaseHeld();
    // Every line the clients sent so far (without CR LF), in order; those that start with
    // prefix when one is given.
    QList<QByteArray> clientLines(const QByteArray& prefix = {}) const;

private:
    struct Link
    {
        QTcpSocket* client = nullptr;
        QTcpSocket* server = nullptr;
        QByteArray fromClient;
        QList<QByteArray> held; // lines with the hold prefix
    };

    void onNewConnection();
    void onClientData(Link* link);
    void toServer(Link* link, const QByteArray& line);

    QTcpServer* m_listener;
    quint16 m_serverPort;
    QByteArray m_holdPrefix;
    QList<QByteArray> m_clientLines;
    std::vector<std::unique_ptr<Link>> m_links;
};

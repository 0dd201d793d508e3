#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class QTcpServer;
class QTcpSocket;

// Stands between a client under test and an in-process confabd on 127.0.0.1 and logs every
// connection in to one account: it adds `sasl` to the client's CAP REQ, runs SASL PLAIN itself
// and holds the client's CAP END until the server has answered (the client has no SASL of its
// own yet). Everything else passes unchanged. It can also cut every connection (a network
// failure) and hold back the lines that start with a prefix until released, to order races.
class SaslLoginProxy : public QObject
{
    Q_OBJECT

public:
    SaslLoginProxy(quint16 serverPort, const QString& account, const QString& password,
                   QObject* parent = nullptr);
    ~SaslLoginProxy() override;

    bool listen();
    quint16 port() const;
    // Connections that completed SASL (903) so far.
    int logins() const { return m_logins; }

    // Closes every connection, both sides, as a network failure would.
    void dropAll();
    // Lines from clients that start with prefix wait until releaseHeld() (empty: none wait).
    void holdLinesStartingWith(const QByteArray& prefix) { m_holdPrefix = prefix; }
    int heldCount() const;
    void releaseHeld();

private:
    struct Link
    {
        QTcpSocket* client = nullptr;
        QTcpSocket* server = nullptr;
        QByteArray fromClient;
        QByteArray fromServer;
        bool loginStarted = false;
        bool loginEnded = false;
        QList<QByteArray> untilLogin; // CAP END and what followed it, until 903/904
        QList<QByteArray> held;       // lines with the hold prefix
    };

    void onNewConnection();
    void onClientData(Link* link);
    void onServerData(Link* link);
    void toServer(Link* link, const QByteArray& line);

    QTcpServer* m_listener;
    quint16 m_serverPort;
    QString m_account;
    QString m_password;
    QByteArray m_holdPrefix;
    int m_logins = 0;
    std::vector<std::unique_ptr<Link>> m_links;
};

#pragma once

#include "hosting/hostingoptions.h"

#include <QCoreApplication>
#include <QObject>
#include <QSet>
#include <QString>

#include <memory>

class Server;
class QTimer;

// The chat server of a hosted chat, on the thread EmbeddedChatHost gives it, so that neither the
// window nor the people chatting wait for each other. Picks the ports, starts confabd's Server
// with TLS, the LAN announcement and the data directory, and gives the host's account this
// run's password.
class HostedServer : public QObject
{
    Q_OBJECT

public:
    explicit HostedServer(const HostingOptions& options, QObject* parent = nullptr);
    ~HostedServer() override;

    // The first port from `first` on (up to `tries` of them) that can be listened on at every
    // one of these addresses and is not in `taken`; 0 when there is none.
    static quint16 firstFreePort(const QList<QHostAddress>& addresses, quint16 first, int tries,
                                 const QSet<quint16>& taken = {});

public slots:
    // started() or failed() follows.
    void start(const QString& announceName, const QString& account, const QString& password);
    // Tells every connection (ERROR) and closes; finished() follows.
    void stop(const QString& reason);

signals:
    void started(quint16 port, quint16 tlsPort, const QString& fingerprint);
    void failed(const QString& reason);
    void connectionCountChanged(int count);
    void finished();

private:
    void onServerFinished();

    HostingOptions m_options;
    std::unique_ptr<Server> m_server;
    QTimer* m_stopTimer;
};

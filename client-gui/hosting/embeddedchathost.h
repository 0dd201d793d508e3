#pragma once

#include "hosting/hostingoptions.h"
#include "session/chathost.h"

#include <QThread>

class HostedServer;

// The chat this app hosts: confabd's server (HostedServer) on a thread of its own, with TLS, the
// LAN announcement and its data directory under the user's data location. The host's account
// gets a fresh random password at each start, which only this process knows (chat().password).
// The only class that joins the client and the server libraries (library confab_hosting).
class EmbeddedChatHost : public ChatHost
{
    Q_OBJECT

public:
    explicit EmbeddedChatHost(const HostingOptions& options = {}, QObject* parent = nullptr);
    // Stops the server at once if it still runs (connections are cut; stop() first to say why).
    ~EmbeddedChatHost() override;

    const HostingOptions& options() const { return m_options; }

public slots:
    void start(const QString& hostName) override;
    void stop() override;

private:
    void onServerStarted(quint16 port, quint16 tlsPort, const QString& fingerprint);
    void onServerFailed(const QString& reason);
    void onThreadFinished();
    void endThread();

    HostingOptions m_options;
    QThread m_thread;
    HostedServer* m_server = nullptr; // lives in m_thread
    HostedChat m_starting;            // the chat being started
    QString m_failure;                // why the last start failed, told when the thread ends
};

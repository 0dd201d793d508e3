#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

// Where the host logs in to the chat it runs: the hosted server's ports on this computer, the
// certificate it pins, and the host's own account with a password made for this run (kept in
// memory only, never stored).
struct HostedChat
{
    QString name;        // as announced on the LAN ("alice on laptop")
    quint16 port = 0;    // plain text, for IRC clients that cannot do TLS
    quint16 tlsPort = 0; // TLS: the host's own connection uses this one
    QString fingerprint; // the server certificate's SHA-256, as CertificatePins keeps it
    QString account;
    QString password;

    static QString host() { return QHostAddress(QHostAddress::LocalHost).toString(); }
};

// "Host a chat on this computer": a chat server this app runs for the people on its LAN. An
// interface, so that the client library does not depend on the server library: the app gives
// MainWindow the real one (EmbeddedChatHost, in confab_hosting); without one, hosting is not
// offered.
class ChatHost : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Running, Stopping };
    Q_ENUM(State)

    using QObject::QObject;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running; }
    // While Running: where and as whom to log in.
    const HostedChat& chat() const { return m_chat; }
    // Open connections to the hosted server, the host's own included.
    int connectionCount() const { return m_connectionCount; }

public slots:
    // Starts the server (Stopped only) with an account named hostName for the host; started()
    // or failed() follows.
    virtual void start(const QString& hostName) = 0;
    // Tells everyone the chat is over and stops; stopped() follows.
    virtual void stop() = 0;

signals:
    void stateChanged(ChatHost::State state);
    void started(const HostedChat& chat);
    void failed(const QString& reason);
    void stopped();
    void connectionCountChanged(int count);

protected:
    void setState(State state);
    void setChat(const HostedChat& chat) { m_chat = chat; }
    void setConnectionCount(int count);

private:
    State m_state = State::Stopped;
    HostedChat m_chat;
    int m_connectionCount = 0;
};

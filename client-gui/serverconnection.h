#pragma once

#include "chatmessage.h"
#include "irccasemapping.h"
#include "ircisupport.h"
#include "irclineframer.h"
#include "ircmessage.h"

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

class QTcpSocket;
class QTimer;

// One connection to an IRC server: owns the socket and the framer, turns lines into typed signals
// and offers slots that send. Every byte goes through common/ (IrcMessage, IrcCommand).
//
// It negotiates the IRCv3 capabilities it knows when the server offers them and works without
// them, answers PING, measures lag with its own PINGs, reconnects with backoff after a loss once
// it has been registered, rejoins its rooms and keeps messages typed while offline in an outbox
// that is sent after reconnecting (or reported as failed).
class ServerConnection : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // idle, or given up
        Connecting,   // TCP connect in progress
        Registering,  // connected, NICK/USER sent, waiting for 001
        Connected,    // registered
        Reconnecting, // lost, waiting for the next attempt
    };
    Q_ENUM(State)

    enum class Error {
        ConnectionRefused,
        HostNotFound,
        Unreachable,
        Timeout,
        BadPassword,
        ConnectionLost,
        ServerClosed, // ERROR from the server (e.g. kill, shutdown); detail has its text
        ProtocolError,
    };
    Q_ENUM(Error)

    explicit ServerConnection(QObject* parent = nullptr);
    ~ServerConnection() override;

    // What to connect to; read by connectToServer().
    void setHost(const QString& host) { m_host = host; }
    QString host() const { return m_host; }
    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }
    void setPassword(const QString& password) { m_password = password; }
    void setUserName(const QString& user) { m_userName = user; }
    void setRealName(const QString& realName) { m_realName = realName; }
    // The nick to register with (before connecting) — after that use setNick().
    void setDesiredNick(const QString& nick) { m_desiredNick = nick; }

    // Timing, in milliseconds; tests shorten them.
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    void setPingInterval(int ms);
    void setReconnectDelays(int initialMs, int maxMs);
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }
    bool autoReconnect() const { return m_autoReconnect; }
    int nextReconnectDelay() const { return m_reconnectDelayMs; }
    // A loss now would be followed by automatic reconnection attempts.
    bool willRetry() const
    {
        return m_autoReconnect && m_everRegistered && !m_userQuit && !m_fatalError;
    }

    State state() const { return m_state; }
    bool isRegistered() const { return m_state == State::Connected; }
    QString nick() const { return m_nick; }
    bool isOwnNick(const QString& nick) const { return m_caseMapping.equals(nick, m_nick); }
    const IrcISupport& serverSupport() const { return m_isupport; }
    IrcCaseMapping caseMapping() const { return m_caseMapping; }
    QString fold(const QString& name) const { return m_caseMapping.fold(name); }
    bool isRoomName(const QString& target) const;
    QString serverName() const { return m_serverName; }
    bool hasCapability(const QString& cap) const { return m_enabledCaps.contains(cap); }
    QStringList capabilities() const;
    QStringList rooms() const { return m_rooms; } // joined, or to rejoin after a reconnect
    QStringList members(const QString& room) const;
    bool isAway() const { return m_away; }
    int lag() const { return m_lagMs; } // -1 until measured
    int outboxSize() const { return int(m_outbox.size()); }

    // Caps this client asks for when offered.
    static QStringList wantedCapabilities();
    // Bytes of text per PRIVMSG; longer text is split into several messages.
    static constexpr int MaxTextBytes = 400;
    static constexpr int MaxOutbox = 200;

public slots:
    void connectToServer();
    // Sends QUIT and closes; no reconnect. Messages still in the outbox are reported as failed.
    void disconnectFromServer(const QString& reason = {});
    void sendMessage(const QString& target, const QString& text);
    void sendAction(const QString& target, const QString& text);
    void sendNotice(const QString& target, const QString& text);
    void join(const QString& room, const QString& key = {});
    void part(const QString& room, const QString& reason = {});
    void requestTopic(const QString& room);
    void setTopic(const QString& room, const QString& topic);
    // Before registration: tries this nick on the same connection. After: NICK.
    void setNick(const QString& nick);
    // Empty message: back.
    void setAway(const QString& message);
    void requestNames(const QString& room);
    // Sends a line built with IrcCommand; dropped when not connected.
    void sendRaw(const IrcMessage& message);

signals:
    void stateChanged(ServerConnection::State state);
    void registered(const QString& nick);
    // 432/433 and friends: the nick was not accepted. reason is the server's text.
    void nameRejected(const QString& nick, int code, const QString& reason);
    void errorOccurred(ServerConnection::Error error, const QString& detail);

    void privateMessage(const ChatMessage& message); // peer: isOwn ? target : sender
    void roomMessage(const ChatMessage& message);    // target is the room
    void messageQueued(const ChatMessage& message);  // typed offline, in the outbox
    void queuedMessageSent(quint64 queueId);
    void queuedMessageFailed(quint64 queueId);

    void roomJoined(const QString& room);
    void roomLeft(const QString& room, const QString& reason);
    void userJoined(const QString& room, const QString& nick);
    void userLeft(const QString& room, const QString& nick, const QString& reason);
    void userKicked(const QString& room, const QString& nick, const QString& by,
                    const QString& reason);
    void userQuit(const QString& nick, const QString& reason, const QStringList& rooms);
    void nickChanged(const QString& oldNick, const QString& newNick, const QStringList& rooms);
    void awayChanged(const QString& nick, bool away, const QString& message);
    void topicChanged(const QString& room, const QString& topic, const QString& setBy);
    void namesReceived(const QString& room, const QStringList& nicks);
    // A server reply worth showing the user (unknown nick, cannot send, MOTD end…).
    void serverInfo(const QString& text);
    void lagChanged(int ms);
    void membersCleared(); // connection lost: nobody is known to be online any more

private:
    void setState(State state);
    void startConnection();
    void onConnected();
    void onReadyRead();
    void onSocketError(QAbstractSocket::SocketError error);
    void onDisconnected();
    void onConnectTimeout();
    void onPingTimer();
    void onReconnectTimer();
    void handleMessage(const IrcMessage& message);
    void handleCap(const IrcMessage& message);
    void handleNumeric(const IrcMessage& message);
    void handlePrivmsg(const IrcMessage& message, bool isNotice);
    void handleRegistered(const IrcMessage& message);
    void finishCapNegotiation();
    void send(const IrcMessage& message);
    void sendText(const QString& target, const QString& text, bool isAction, bool isNotice);
    void emitChat(const ChatMessage& message);
    void flushOutbox();
    void failOutbox();
    void closeSocket();
    void connectionLost(Error error, const QString& detail);
    void scheduleReconnect();
    void addMember(const QString& room, const QString& nick);
    bool removeMember(const QString& room, const QString& nick);
    QStringList roomsOf(const QString& nick) const;
    QString displayRoomName(const QString& room) const;
    QString stripPrefixes(const QString& nick) const;
    static QStringList splitText(const QString& text, int maxBytes);

    struct QueuedMessage
    {
        quint64 id = 0;
        QString target;
        QString text;
        bool isAction = false;
    };
    struct PendingEcho
    {
        QString foldedTarget;
        QString text;
    };

    QTcpSocket* m_socket = nullptr;
    QTimer* m_connectTimer = nullptr;
    QTimer* m_pingTimer = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    std::unique_ptr<IrcLineFramer> m_framer;
    State m_state = State::Disconnected;

    QString m_host;
    quint16 m_port = 6667;
    QString m_password;
    QString m_userName = QStringLiteral("confab");
    QString m_realName = QStringLiteral("Confab user");
    QString m_desiredNick;
    QString m_nick;
    QString m_serverName;
    QString m_serverError; // text of the server's ERROR line before it closed

    IrcISupport m_isupport;
    IrcCaseMapping m_caseMapping;
    QSet<QString> m_offeredCaps;
    QSet<QString> m_enabledCaps;
    bool m_capNegotiating = false;
    bool m_everRegistered = false; // reconnect only after a successful login
    bool m_userQuit = false;
    bool m_fatalError = false; // e.g. a bad password: do not retry
    bool m_away = false;
    QString m_awayMessage;

    QStringList m_rooms;                        // display names, in join order
    QHash<QString, QStringList> m_members;      // folded room -> nicks
    QHash<QString, QStringList> m_pendingNames; // folded room -> nicks from 353 so far

    QList<QueuedMessage> m_outbox;
    QList<PendingEcho> m_pendingEchoes; // flushed outbox lines whose echo is already shown
    quint64 m_nextQueueId = 1;

    int m_connectTimeoutMs = 10000;
    int m_pingIntervalMs = 30000;
    int m_initialReconnectDelayMs = 1000;
    int m_maxReconnectDelayMs = 30000;
    int m_reconnectDelayMs = 1000;
    bool m_autoReconnect = true;
    QElapsedTimer m_pingClock;
    QString m_pingToken;
    int m_lagMs = -1;
};

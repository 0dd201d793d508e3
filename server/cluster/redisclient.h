#pragma once

#include "cluster/redisreply.h"
#include "cluster/redisurl.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <memory>

class QHostInfo;
class QSocketNotifier;
class QTimer;
struct redisAsyncContext;
struct redisReader;

// A link to one Redis server on the event loop, over hiredis' asynchronous API (hiredis parses
// RESP; this class only drives its socket). Nothing here blocks: a host name is looked up with
// QHostInfo first (hiredis would call getaddrinfo() itself, synchronously), and hiredis' read and
// write wishes switch two QSocketNotifiers on and off.
//
// After open() the client keeps the link up until close(): a lost or failed link is tried again
// after ReconnectMinMs, doubling per failed attempt up to ReconnectMaxMs; an attempt that has not
// finished (connect, AUTH, SELECT, SUBSCRIBE) after ConnectTimeoutMs is cut. A protocol error or
// a reply hiredis refuses is a lost link too.
//
// No code of the caller runs inside hiredis: replies, callbacks and signals are collected while
// hiredis works and delivered after it returns, so a callback may send commands, close() or
// delete the client.
//
// A client is either for commands or a subscriber: once subscribe() was called, command() fails
// (Redis accepts almost nothing else on a subscribed connection). Use two clients.
class RedisClient : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const RedisReply&)>;

    static constexpr int ReconnectMinMs = 100, ReconnectMaxMs = 2000;
    static constexpr int ConnectTimeoutMs = 2000;
    // A link up for less than this that goes down is retried after a growing delay, not at once.
    static constexpr int StableLinkMs = 2000;

    explicit RedisClient(const RedisUrl& url, QObject* parent = nullptr);
    // Frees the hiredis context; no callback and no signal comes after.
    ~RedisClient() override;

    const RedisUrl& url() const { return m_url; }

    // Starts connecting, and keeps the link up until close().
    void open();
    // Ends the link and the retries. Commands still waiting get an error ("connection lost");
    // disconnected() is not emitted.
    void close();
    // The link is up, and AUTH, SELECT and the subscriptions are done.
    bool isConnected() const { return m_state == State::Connected; }
    // Attempts that failed since the link was last up (0 while it is up): for status output,
    // and for tests that check the retries do not spin.
    int failedAttempts() const { return m_failedAttempts; }

    // Sends one command, binary-safe (each argument is one bulk string). The callback runs once,
    // from the event loop: with the reply, or with an Error reply "connection lost" when the
    // link goes before the answer. While the link is not up, and on a subscribing client, it
    // gets an error at once (delivered from the event loop, never from inside this call).
    void command(const QList<QByteArray>& argv, Callback callback = {});
    // Makes this client a subscriber: SUBSCRIBE to the channel now, and again after each
    // reconnect. Messages arrive as message().
    void subscribe(const QByteArray& channel);

signals:
    // The link is up: after AUTH/SELECT, and after the subscriptions were confirmed. Again
    // after each reconnect.
    void connected();
    // Once per lost or failed link: the retries while it stays down are silent. Not on close().
    void disconnected(const QString& reason);
    // A pub/sub message on one of the subscribed channels.
    void message(const QByteArray& channel, const QByteArray& payload);

private:
    enum class State { Closed, Waiting, Resolving, Connecting, Connected };
    struct PendingCommand;

    // hiredis' callbacks; ac->data is the client, or null once the destructor has started.
    static void onConnect(const redisAsyncContext* context, int status);
    static void onDisconnect(const redisAsyncContext* context, int status);
    static void onCommandReply(redisAsyncContext* context, void* reply, void* privdata);
    static void onSubscriptionReply(redisAsyncContext* context, void* reply, void* privdata);
    // hiredis' event hooks; privdata is the client.
    static void addRead(void* privdata);
    static void delRead(void* privdata);
    static void addWrite(void* privdata);
    static void delWrite(void* privdata);
    static void cleanup(void* privdata);

    void startAttempt();
    void onHostLookedUp(const QHostInfo& info);
    void connectToNextAddress();
    void attachContext(redisAsyncContext* context);
    void onSocketActivated(bool readable);
    // Reads what the link sent while it is not subscribed, and hands it to hiredis unless it
    // holds more replies than commands are waiting: hiredis 0.14 aborts the process on a reply
    // nobody asked for, which a peer that is not Redis can send. Such a link is dropped.
    void readReplies();
    void onConnectTimeout();
    void startHandshake();
    void sendSubscriptions();
    void sendSubscribe(const QByteArray& channel);
    void becomeConnected();
    // Frees the context (its waiting commands get "connection lost") and retries later.
    void dropLink(const QString& reason);
    // The attempt or link is over: schedules the next attempt, says so once.
    void linkDown(const QString& reason);
    // False when hiredis refuses (the context is being freed).
    bool sendCommand(const QList<QByteArray>& argv, const Callback& callback, bool internal);

    // Runs fn after hiredis has returned (at the end of a socket event, or from the event loop).
    void post(std::function<void()> fn);
    void deliverPosted();

    RedisUrl m_url;
    State m_state = State::Closed;
    redisAsyncContext* m_context = nullptr;
    // Counts the replies in what readReplies() reads, fed the same bytes as hiredis' own.
    struct ReaderDeleter
    {
        void operator()(redisReader* reader) const;
    };
    std::unique_ptr<redisReader, ReaderDeleter> m_replyCounter;
    // Counts the contexts: work posted for one link does nothing once another has replaced it.
    quint64 m_generation = 0;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QTimer* m_reconnectTimer = nullptr;
    QTimer* m_connectTimer = nullptr;
    int m_lookupId = -1;
    QList<QHostAddress> m_addresses; // the host's addresses not tried yet in this attempt
    int m_backoffMs = ReconnectMinMs;
    QElapsedTimer m_upClock; // since the link came up
    int m_failedAttempts = 0;
    bool m_downAnnounced = false;     // disconnected() was emitted for this outage
    bool m_freeingOnPurpose = false;  // dropLink()/close() free the context: not a lost link
    int m_handshakeReplies = 0;       // AUTH/SELECT/SUBSCRIBE answers still awaited
    bool m_subscriptionsSent = false; // on this link
    QList<QByteArray> m_channels;
    bool m_subscriber = false;
    std::deque<std::function<void()>> m_posted;
    bool m_deliveryQueued = false;
    int m_socketEventDepth = 0; // inside a notifier's activated(): do not delete it there
};

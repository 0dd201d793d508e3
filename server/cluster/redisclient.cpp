#include "cluster/redisclient.h"
#include "serverlogging.h"

#include <QFile>
#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <sys/socket.h>

#include <cerrno>

#include <memory>
#include <vector>

// Exported by hiredis 0.14 and declared by its later versions: what redisAsyncHandleRead() does
// once it has read, for bytes already fed to the context's reader.
extern "C" void redisProcessCallbacks(redisAsyncContext* ac);

// What hiredis keeps for a command until its reply: the caller's callback, and for our own
// commands (AUTH, SELECT) the link they belong to.
struct RedisClient::PendingCommand
{
    Callback callback;
    quint64 generation = 0;
    bool internal = false;
};

namespace {

const QByteArray ConnectionLost = QByteArrayLiteral("connection lost");
const QByteArray NotConnected = QByteArrayLiteral("not connected");

// hiredis frees its reply as soon as the callback returns: copy it. hiredis' reader nests
// arrays at most a few levels deep, so the recursion is bounded.
RedisReply copyReply(const redisReply* reply)
{
    RedisReply result;
    switch (reply->type) {
    case REDIS_REPLY_STRING:
        result.type = RedisReply::Type::String;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_STATUS:
        result.type = RedisReply::Type::Status;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_ERROR:
        result.type = RedisReply::Type::Error;
        result.string = QByteArray(reply->str, qsizetype(reply->len));
        break;
    case REDIS_REPLY_INTEGER:
        result.type = RedisReply::Type::Integer;
        result.integer = reply->integer;
        break;
    case REDIS_REPLY_ARRAY:
        result.type = RedisReply::Type::Array;
        result.elements.reserve(qsizetype(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            result.elements.append(copyReply(reply->element[i]));
        break;
    case REDIS_REPLY_NIL:
        break;
    default:
        result = RedisReply::error(QByteArrayLiteral("unknown reply type"));
        break;
    }
    return result;
}

QByteArray elementBytes(const redisReply* reply, size_t index)
{
    const redisReply* element = reply->element[index];
    if (element->type != REDIS_REPLY_STRING && element->type != REDIS_REPLY_STATUS)
        return {};
    return QByteArray(element->str, qsizetype(element->len));
}

} // namespace

RedisClient::RedisClient(const RedisUrl& url, QObject* parent)
    : QObject(parent), m_url(url), m_readNotifier(new QSocketNotifier(QSocketNotifier::Read, this)),
      m_writeNotifier(new QSocketNotifier(QSocketNotifier::Write, this)),
      m_reconnectTimer(new QTimer(this)), m_connectTimer(new QTimer(this))
{
    connect(m_readNotifier, &QSocketNotifier::activated, this, [this] { onSocketActivated(true); });
    connect(m_writeNotifier, &QSocketNotifier::activated, this,
            [this] { onSocketActivated(false); });
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RedisClient::startAttempt);
    m_connectTimer->setSingleShot(true);
    m_connectTimer->setInterval(ConnectTimeoutMs);
    connect(m_connectTimer, &QTimer::timeout, this, &RedisClient::onConnectTimeout);
}

RedisClient::~RedisClient()
{
    // Nothing may reach the caller any more: drop what was collected, and tell hiredis'
    // callbacks (which redisAsyncFree runs for every command still waiting) to only free.
    m_posted.clear();
    if (m_lookupId != -1)
        QHostInfo::abortHostLookup(m_lookupId);
    if (m_context) {
        m_context->data = nullptr;
        redisAsyncFree(m_context); // cleanup() disables the notifiers before hiredis closes
    }
    // Deleted from a callback delivered at the end of a socket event: the notifier that
    // emitted activated() is still on the stack.
    if (m_socketEventDepth > 0) {
        for (QSocketNotifier* notifier : {m_readNotifier, m_writeNotifier}) {
            notifier->setParent(nullptr);
            notifier->deleteLater();
        }
    }
}

void RedisClient::open()
{
    if (m_state != State::Closed)
        return;
    if (!m_url.isValid()) {
        qCWarning(lcCluster).noquote() << "not connecting to Redis:" << m_url.error();
        post([this] { emit disconnected(m_url.error()); });
        return;
    }
    m_backoffMs = ReconnectMinMs;
    m_failedAttempts = 0;
    m_downAnnounced = false;
    qCInfo(lcCluster).noquote() << "connecting to" << m_url.describe();
    startAttempt();
}

void RedisClient::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed; // first: the disconnect hiredis reports below is not a lost link
    m_reconnectTimer->stop();
    m_connectTimer->stop();
    m_addresses.clear();
    if (m_lookupId != -1) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
    }
    if (m_context) {
        m_freeingOnPurpose = true;
        redisAsyncFree(m_context); // commands still waiting get "connection lost", posted
        m_freeingOnPurpose = false;
    }
    qCInfo(lcCluster).noquote() << "closed the link to" << m_url.describe();
}

void RedisClient::startAttempt()
{
    m_connectTimer->start();
    if (m_url.isUnixSocket()) {
        m_state = State::Connecting;
        attachContext(redisAsyncConnectUnix(QFile::encodeName(m_url.socketPath()).constData()));
        return;
    }
    QHostAddress literal;
    if (literal.setAddress(m_url.host())) {
        m_addresses = {literal};
        connectToNextAddress();
        return;
    }
    // redisAsyncConnect() would resolve the name itself, with a blocking getaddrinfo().
    m_state = State::Resolving;
    m_lookupId = QHostInfo::lookupHost(m_url.host(), this, &RedisClient::onHostLookedUp);
}

void RedisClient::onHostLookedUp(const QHostInfo& info)
{
    if (info.lookupId() != m_lookupId || m_state != State::Resolving)
        return;
    m_lookupId = -1;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        linkDown(QStringLiteral("cannot look up %1: %2").arg(m_url.host(), info.errorString()));
        return;
    }
    m_addresses = info.addresses();
    connectToNextAddress();
}

void RedisClient::connectToNextAddress()
{
    const QHostAddress address = m_addresses.takeFirst();
    m_state = State::Connecting;
    attachContext(redisAsyncConnect(address.toString().toUtf8().constData(), m_url.port()));
}

void RedisClient::attachContext(redisAsyncContext* context)
{
    if (!context) {
        linkDown(QStringLiteral("out of memory"));
        return;
    }
    if (context->err) {
        // Failed at once (a refused loopback connect does): no hooks are set yet.
        const QString reason = QString::fromUtf8(context->errstr);
        redisAsyncFree(context);
        if (!m_addresses.isEmpty())
            connectToNextAddress();
        else
            linkDown(reason);
        return;
    }
    m_context = context;
    m_replyCounter.reset(redisReaderCreate());
    ++m_generation;
    m_handshakeReplies = 0;
    m_subscriptionsSent = false;
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisClient::addRead;
    context->ev.delRead = &RedisClient::delRead;
    context->ev.addWrite = &RedisClient::addWrite;
    context->ev.delWrite = &RedisClient::delWrite;
    context->ev.cleanup = &RedisClient::cleanup;
    // setSocket() leaves the notifiers disabled; hiredis' hooks switch them on.
    m_readNotifier->setSocket(context->c.fd);
    m_writeNotifier->setSocket(context->c.fd);
    redisAsyncSetDisconnectCallback(context, &RedisClient::onDisconnect);
    // Also asks for a write event: that is how the end of a non-blocking connect shows.
    redisAsyncSetConnectCallback(context, &RedisClient::onConnect);
}

void RedisClient::addRead(void* privdata)
{
    static_cast<RedisClient*>(privdata)->m_readNotifier->setEnabled(true);
}

void RedisClient::delRead(void* privdata)
{
    static_cast<RedisClient*>(privdata)->m_readNotifier->setEnabled(false);
}

void RedisClient::addWrite(void* privdata)
{
    static_cast<RedisClient*>(privdata)->m_writeNotifier->setEnabled(true);
}

void RedisClient::delWrite(void* privdata)
{
    static_cast<RedisClient*>(privdata)->m_writeNotifier->setEnabled(false);
}

void RedisClient::cleanup(void* privdata)
{
    // hiredis is freeing the context and closes the socket next: unregister it first (an epoll
    // set would keep a closed descriptor), and never touch the context again.
    auto* client = static_cast<RedisClient*>(privdata);
    client->m_readNotifier->setEnabled(false);
    client->m_writeNotifier->setEnabled(false);
    client->m_context = nullptr;
}

void RedisClient::onSocketActivated(bool readable)
{
    QPointer<RedisClient> self(this);
    ++m_socketEventDepth;
    // Either may free the context (a lost link, a protocol error): cleanup() clears m_context.
    if (m_context) {
        const int flags = m_context->c.flags;
        if (!readable)
            redisAsyncHandleWrite(m_context);
        else if ((flags & REDIS_CONNECTED) && !(flags & REDIS_SUBSCRIBED) && m_replyCounter)
            readReplies();
        else
            redisAsyncHandleRead(m_context); // connecting, or subscribed: any message is due
    }
    deliverPosted(); // hiredis has returned: the caller's code may run, and may delete us
    if (self)
        --m_socketEventDepth;
}

void RedisClient::ReaderDeleter::operator()(redisReader* reader) const
{
    redisReaderFree(reader);
}

void RedisClient::readReplies()
{
    redisContext* link = &m_context->c;
    char buffer[16 * 1024]; // as much as hiredis reads at a time
    const ssize_t got = ::recv(link->fd, buffer, sizeof buffer, 0);
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (got <= 0) {
        redisAsyncHandleRead(m_context); // hiredis reads the end or the error again, and ends
        return;
    }
    int replies = 0;
    redisReaderFeed(m_replyCounter.get(), buffer, size_t(got));
    void* reply = nullptr;
    while (redisReaderGetReply(m_replyCounter.get(), &reply) == REDIS_OK && reply) {
        ++replies;
        freeReplyObject(reply);
        reply = nullptr;
    }
    int waiting = 0;
    for (const redisCallback* callback = m_context->replies.head; callback;
         callback = callback->next)
        ++waiting;
    if (replies > waiting) {
        qCWarning(lcCluster).noquote()
            << m_url.describe() << "sent a reply nobody asked for: is it a Redis server?";
        dropLink(QStringLiteral("a reply nobody asked for"));
        return;
    }
    // A protocol error stops the count; hiredis' own reader finds it and ends the link.
    if (redisReaderFeed(link->reader, buffer, size_t(got)) != REDIS_OK) {
        dropLink(QStringLiteral("out of memory"));
        return;
    }
    redisProcessCallbacks(m_context);
}

void RedisClient::onConnect(const redisAsyncContext* context, int status)
{
    auto* client = static_cast<RedisClient*>(context->data);
    if (!client)
        return;
    const quint64 generation = client->m_generation;
    if (status != REDIS_OK) {
        // hiredis frees the context when this returns; another address may be tried after.
        const QString reason = QString::fromUtf8(context->errstr);
        if (client->m_addresses.isEmpty()) {
            client->linkDown(reason);
            return;
        }
        client->post([client, generation] {
            if (client->m_generation == generation && client->m_state == State::Connecting &&
                !client->m_context && !client->m_addresses.isEmpty())
                client->connectToNextAddress();
        });
        return;
    }
    client->post([client, generation] {
        if (client->m_generation == generation && client->m_context)
            client->startHandshake();
    });
}

void RedisClient::onDisconnect(const redisAsyncContext* context, int status)
{
    Q_UNUSED(status)
    auto* client = static_cast<RedisClient*>(context->data);
    if (!client || client->m_freeingOnPurpose)
        return;
    client->linkDown(context->err ? QString::fromUtf8(context->errstr)
                                  : QStringLiteral("closed by the server"));
}

void RedisClient::onCommandReply(redisAsyncContext* context, void* reply, void* privdata)
{
    std::unique_ptr<PendingCommand> pending(static_cast<PendingCommand*>(privdata));
    auto* client = static_cast<RedisClient*>(context->data);
    if (!client)
        return; // the destructor frees the context: no callbacks any more
    // No reply: hiredis frees the context with this command unanswered.
    RedisReply copy = reply ? copyReply(static_cast<const redisReply*>(reply))
                            : RedisReply::error(ConnectionLost);
    if (pending->internal) {
        client->post([client, generation = pending->generation,
                      callback = std::move(pending->callback), copy = std::move(copy)] {
            if (client->m_generation == generation)
                callback(copy);
        });
    } else {
        client->post(
            [callback = std::move(pending->callback), copy = std::move(copy)] { callback(copy); });
    }
}

void RedisClient::onSubscriptionReply(redisAsyncContext* context, void* reply, void* privdata)
{
    Q_UNUSED(privdata)
    auto* client = static_cast<RedisClient*>(context->data);
    const auto* array = static_cast<const redisReply*>(reply);
    // No reply: the context is being freed, and the link's end is reported on its own.
    if (!client || !array || array->type != REDIS_REPLY_ARRAY || array->elements < 3)
        return;
    const QByteArray kind = elementBytes(array, 0);
    if (kind == "message") {
        client->post([client, channel = elementBytes(array, 1), payload = elementBytes(array, 2)] {
            emit client->message(channel, payload);
        });
    } else if (kind == "subscribe") {
        client->post([client, generation = client->m_generation] {
            if (client->m_generation == generation && client->m_state == State::Connecting &&
                --client->m_handshakeReplies == 0)
                client->becomeConnected();
        });
    }
}

void RedisClient::startHandshake()
{
    auto step = [this](const char* what, const RedisReply& reply) {
        if (!m_context || m_state != State::Connecting)
            return; // the link is already gone, and said so
        if (reply.isError()) {
            // Redis' error names no secret ("WRONGPASS invalid username-password pair").
            qCWarning(lcCluster).noquote() << what << "refused by" << m_url.describe() << "-"
                                           << QString::fromUtf8(reply.string);
            dropLink(QStringLiteral("%1 refused: %2")
                         .arg(QLatin1String(what), QString::fromUtf8(reply.string)));
            return;
        }
        if (--m_handshakeReplies == 0)
            sendSubscriptions();
    };
    m_handshakeReplies = 0;
    if (!m_url.password().isEmpty()) {
        QList<QByteArray> auth{QByteArrayLiteral("AUTH")};
        if (!m_url.user().isEmpty())
            auth.append(m_url.user().toUtf8());
        auth.append(m_url.password().toUtf8());
        ++m_handshakeReplies;
        sendCommand(
            auth, [step](const RedisReply& reply) { step("AUTH", reply); }, true);
    }
    if (m_url.database() != 0) {
        ++m_handshakeReplies;
        sendCommand(
            {QByteArrayLiteral("SELECT"), QByteArray::number(m_url.database())},
            [step](const RedisReply& reply) { step("SELECT", reply); }, true);
    }
    if (m_handshakeReplies == 0)
        sendSubscriptions();
}

void RedisClient::sendSubscriptions()
{
    m_subscriptionsSent = true;
    if (m_channels.isEmpty()) {
        becomeConnected();
        return;
    }
    m_handshakeReplies = int(m_channels.size());
    for (const QByteArray& channel : std::as_const(m_channels))
        sendSubscribe(channel);
}

void RedisClient::sendSubscribe(const QByteArray& channel)
{
    const char* argv[] = {"SUBSCRIBE", channel.constData()};
    const size_t lengths[] = {9, size_t(channel.size())};
    redisAsyncCommandArgv(m_context, &RedisClient::onSubscriptionReply, nullptr, 2, argv, lengths);
}

void RedisClient::becomeConnected()
{
    m_connectTimer->stop();
    m_state = State::Connected;
    m_upClock.start();
    m_failedAttempts = 0;
    m_downAnnounced = false;
    qCInfo(lcCluster).noquote() << "connected to" << m_url.describe();
    emit connected();
}

void RedisClient::onConnectTimeout()
{
    if (m_state == State::Resolving) {
        QHostInfo::abortHostLookup(m_lookupId);
        m_lookupId = -1;
        linkDown(QStringLiteral("looking up %1 took longer than %2 ms")
                     .arg(m_url.host())
                     .arg(ConnectTimeoutMs));
    } else if (m_state == State::Connecting) {
        dropLink(QStringLiteral("not connected after %1 ms").arg(ConnectTimeoutMs));
    }
}

void RedisClient::dropLink(const QString& reason)
{
    if (m_context) {
        m_freeingOnPurpose = true;
        redisAsyncFree(m_context);
        m_freeingOnPurpose = false;
    }
    linkDown(reason);
}

void RedisClient::linkDown(const QString& reason)
{
    if (m_state == State::Closed || m_state == State::Waiting)
        return;
    const bool wasUp = m_state == State::Connected;
    m_state = State::Waiting;
    m_connectTimer->stop();
    m_addresses.clear();
    // A link that ends soon after it came up (a peer that is not Redis, or one that drops every
    // client) is retried with a growing delay, like one that cannot connect.
    if (wasUp && m_upClock.elapsed() >= StableLinkMs)
        m_backoffMs = ReconnectMinMs;
    else if (!wasUp)
        ++m_failedAttempts;
    if (!m_downAnnounced) {
        m_downAnnounced = true;
        qCWarning(lcCluster).noquote() << (wasUp ? "lost the link to" : "cannot connect to")
                                       << m_url.describe() << "-" << reason << "- trying again";
        post([this, reason] { emit disconnected(reason); });
    } else {
        qCDebug(lcCluster).noquote() << "still cannot connect to" << m_url.describe() << "-"
                                     << reason << "- attempt" << m_failedAttempts;
    }
    m_reconnectTimer->start(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, int(ReconnectMaxMs));
}

void RedisClient::command(const QList<QByteArray>& argv, Callback callback)
{
    QByteArray failure;
    if (m_subscriber) {
        qCWarning(lcCluster).noquote()
            << "command() on a subscribing client of" << m_url.describe() << "refused";
        failure = QByteArrayLiteral("a subscribing client takes no commands");
    } else if (argv.isEmpty()) {
        failure = QByteArrayLiteral("empty command");
    } else if (m_state != State::Connected || !m_context) {
        failure = NotConnected;
    } else if (!sendCommand(argv, callback, false)) {
        failure = NotConnected;
    }
    if (!failure.isEmpty() && callback)
        post([callback = std::move(callback), failure] { callback(RedisReply::error(failure)); });
}

bool RedisClient::sendCommand(const QList<QByteArray>& argv, const Callback& callback,
                              bool internal)
{
    std::vector<const char*> arguments;
    std::vector<size_t> lengths;
    arguments.reserve(size_t(argv.size()));
    lengths.reserve(size_t(argv.size()));
    for (const QByteArray& argument : argv) {
        arguments.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    std::unique_ptr<PendingCommand> pending;
    if (callback)
        pending.reset(new PendingCommand{callback, m_generation, internal});
    const int status =
        redisAsyncCommandArgv(m_context, pending ? &RedisClient::onCommandReply : nullptr,
                              pending.get(), int(argv.size()), arguments.data(), lengths.data());
    if (status != REDIS_OK)
        return false;
    pending.release(); // hiredis hands it to onCommandReply, which frees it
    return true;
}

void RedisClient::subscribe(const QByteArray& channel)
{
    m_subscriber = true;
    if (m_channels.contains(channel))
        return;
    m_channels.append(channel);
    // Later links subscribe in sendSubscriptions(); this one, if it is past that point, now.
    if (m_context && m_subscriptionsSent) {
        if (m_state == State::Connecting)
            ++m_handshakeReplies;
        sendSubscribe(channel);
    }
}

void RedisClient::post(std::function<void()> fn)
{
    m_posted.push_back(std::move(fn));
    // At the end of a socket event onSocketActivated() delivers; elsewhere the event loop does.
    if (m_socketEventDepth == 0 && !m_deliveryQueued) {
        m_deliveryQueued = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_deliveryQueued = false;
                deliverPosted();
            },
            Qt::QueuedConnection);
    }
}

void RedisClient::deliverPosted()
{
    QPointer<RedisClient> self(this);
    while (!m_posted.empty()) {
        const std::function<void()> fn = std::move(m_posted.front());
        m_posted.pop_front();
        fn();
        if (!self)
            return;
    }
}

// RedisClient against a real, private redis-server (tests/shared/redisfixture.h), and against
// small fake servers on loopback for what a real Redis does not do (hang, speak garbage).
#include "cluster/redisclient.h"
#include "logcapture.h"
#include "redisfixture.h"
#include "servertestmain.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

constexpr int ReplyTimeoutMs = 5000;

struct Answer
{
    bool done = false;
    int calls = 0;
    RedisReply reply;
};

// A callback that records its reply; shared, so that a late call after a failed wait is harmless.
RedisClient::Callback recorder(const std::shared_ptr<Answer>& answer)
{
    return [answer](const RedisReply& reply) {
        answer->done = true;
        ++answer->calls;
        answer->reply = reply;
    };
}

// Sends one command and runs the event loop until its callback has run.
RedisReply call(RedisClient& client, const QList<QByteArray>& argv)
{
    auto answer = std::make_shared<Answer>();
    client.command(argv, recorder(answer));
    if (!QTest::qWaitFor([&] { return answer->done; }, ReplyTimeoutMs))
        return RedisReply::error("test: no answer in time");
    return answer->reply;
}

// A byte string literal with its NULs: all of it but the terminating one.
template <size_t N> QByteArray bytes(const char (&literal)[N])
{
    return QByteArray(literal, N - 1);
}

} // namespace

class tst_RedisClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void binaryRoundTrip();
    void replyTypes();
    void pipelinedInOrder();
    void hostNameIsLookedUp();
    void publishSubscribe();
    void megabytePayload();
    void subscriberRefusesCommands();
    void emptyCallbackAndEmptyCommand();
    void authAndSelect();
    void wrongPasswordIsRetriedNotLogged();
    void serverRestart();
    void closeIsQuiet();
    void refusedPortRetriesWithBackoff();
    void hangingHandshakeIsCut();
    void protocolErrorIsADisconnect_data();
    void protocolErrorIsADisconnect();
    void greetingNobodyAskedForIsADisconnect();
    void destroyWithCommandsInFlight();
    void deleteFromCallback();

private:
    std::unique_ptr<RedisClient> openClient(const QString& url = {});

    RedisFixture m_redis;
};

void tst_RedisClient::initTestCase()
{
    QVERIFY2(m_redis.start(), qPrintable(m_redis.errorString()));
}

void tst_RedisClient::cleanup()
{
    // A failed restart test must not leave the next tests without a server.
    if (!m_redis.isRunning() && qEnvironmentVariableIsEmpty("CONFAB_TEST_REDIS"))
        QVERIFY2(m_redis.startServerAgain(), qPrintable(m_redis.errorString()));
}

std::unique_ptr<RedisClient> tst_RedisClient::openClient(const QString& url)
{
    auto client =
        std::make_unique<RedisClient>(RedisUrl::parse(url.isEmpty() ? m_redis.url() : url));
    QSignalSpy connected(client.get(), &RedisClient::connected);
    client->open();
    if (!connected.wait(ReplyTimeoutMs) || !client->isConnected())
        return nullptr;
    return client;
}

void tst_RedisClient::binaryRoundTrip()
{
    auto client = openClient();
    QVERIFY(client);
    const QByteArray key = bytes("bin\0key\r\n");
    const QByteArray value = bytes("a\0b\r\nc\xff\r\n*3\r\n");
    const RedisReply set = call(*client, {"SET", key, value});
    QCOMPARE(set.type, RedisReply::Type::Status);
    QCOMPARE(set.string, QByteArray("OK"));
    const RedisReply get = call(*client, {"GET", key});
    QCOMPARE(get.type, RedisReply::Type::String);
    QCOMPARE(get.string, value);
    QCOMPARE(get.string.size(), 13);
}

void tst_RedisClient::replyTypes()
{
    auto client = openClient();
    QVERIFY(client);
    call(*client, {"DEL", "types:n", "types:list"});

    const RedisReply integer = call(*client, {"INCRBY", "types:n", "-42"});
    QCOMPARE(integer.type, RedisReply::Type::Integer);
    QCOMPARE(integer.integer, -42);

    const RedisReply nil = call(*client, {"GET", "types:missing"});
    QCOMPARE(nil.type, RedisReply::Type::Nil);
    QVERIFY(!nil.isError());

    call(*client, {"RPUSH", "types:list", "one", bytes("t\0o"), ""});
    const RedisReply array = call(*client, {"LRANGE", "types:list", "0", "-1"});
    QCOMPARE(array.type, RedisReply::Type::Array);
    QCOMPARE(array.elements.size(), 3);
    QCOMPARE(array.elements.at(0).string, QByteArray("one"));
    QCOMPARE(array.elements.at(1).string, bytes("t\0o"));
    QCOMPARE(array.elements.at(2).type, RedisReply::Type::String);
    QVERIFY(array.elements.at(2).string.isEmpty());

    const RedisReply empty = call(*client, {"LRANGE", "types:missing", "0", "-1"});
    QCOMPARE(empty.type, RedisReply::Type::Array);
    QVERIFY(empty.elements.isEmpty());

    const RedisReply error = call(*client, {"NOSUCHCOMMAND", "x"});
    QVERIFY(error.isError());
    QVERIFY2(error.string.startsWith("ERR unknown command"), error.string.constData());
    const RedisReply wrongType = call(*client, {"INCR", "types:list"});
    QVERIFY(wrongType.isError());
    QVERIFY(wrongType.string.startsWith("WRONGTYPE"));
    // The link survives an error reply.
    QVERIFY(client->isConnected());
    QCOMPARE(call(*client, {"PING"}).string, QByteArray("PONG"));
}

void tst_RedisClient::pipelinedInOrder()
{
    auto client = openClient();
    QVERIFY(client);
    call(*client, {"DEL", "pipeline"});
    QList<qint64> seen;
    constexpr int Count = 1000;
    for (int i = 0; i < Count; ++i)
        client->command({"INCR", "pipeline"}, [&seen](const RedisReply& reply) {
            seen.append(reply.isError() ? -1 : reply.integer);
        });
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), Count, ReplyTimeoutMs);
    for (int i = 0; i < Count; ++i)
        QCOMPARE(seen.at(i), qint64(i + 1));
}

void tst_RedisClient::hostNameIsLookedUp()
{
    // localhost may come first as ::1, where this Redis does not listen: the next address is
    // tried within the same attempt.
    auto client = openClient(QStringLiteral("redis://localhost:%1").arg(m_redis.port()));
    QVERIFY(client);
    QCOMPARE(client->failedAttempts(), 0);
    QCOMPARE(call(*client, {"PING"}).string, QByteArray("PONG"));
}

void tst_RedisClient::publishSubscribe()
{
    auto subscriber = std::make_unique<RedisClient>(RedisUrl::parse(m_redis.url()));
    const QByteArray channel = bytes("chan\0nel");
    subscriber->subscribe(channel);
    subscriber->subscribe("other");
    QSignalSpy subscribed(subscriber.get(), &RedisClient::connected);
    QSignalSpy messages(subscriber.get(), &RedisClient::message);
    subscriber->open();
    QVERIFY(subscribed.wait(ReplyTimeoutMs));

    auto publisher = openClient();
    QVERIFY(publisher);
    const QByteArray payload = bytes("pay\0load\r\n\xff");
    const RedisReply receivers = call(*publisher, {"PUBLISH", channel, payload});
    QCOMPARE(receivers.type, RedisReply::Type::Integer);
    QCOMPARE(receivers.integer, 1); // subscribed by the time connected() came
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, ReplyTimeoutMs);
    QCOMPARE(messages.at(0).at(0).toByteArray(), channel);
    QCOMPARE(messages.at(0).at(1).toByteArray(), payload);

    call(*publisher, {"PUBLISH", "other", "second"});
    call(*publisher, {"PUBLISH", "not-subscribed", "ignored"});
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 2, ReplyTimeoutMs);
    QCOMPARE(messages.at(1).at(0).toByteArray(), QByteArray("other"));
    QCOMPARE(messages.at(1).at(1).toByteArray(), QByteArray("second"));

    // A subscription added while connected takes effect on this link (PUBLISH counts the
    // receivers: 0 until Redis has the SUBSCRIBE).
    subscriber->subscribe("late");
    QVERIFY(QTest::qWaitFor(
        [&] {
            return call(*publisher, {"PUBLISH", "late", "x"}).integer == 1;
        },
        ReplyTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 3, ReplyTimeoutMs);
    QCOMPARE(subscribed.size(), 1);
}

void tst_RedisClient::megabytePayload()
{
    QByteArray big(1024 * 1024, Qt::Uninitialized);
    for (int i = 0; i < big.size(); ++i)
        big[i] = char((quint32(i) * 7919u) >> 3);
    auto subscriber = std::make_unique<RedisClient>(RedisUrl::parse(m_redis.url()));
    subscriber->subscribe("big");
    QSignalSpy subscribed(subscriber.get(), &RedisClient::connected);
    QSignalSpy messages(subscriber.get(), &RedisClient::message);
    subscriber->open();
    QVERIFY(subscribed.wait(ReplyTimeoutMs));

    auto client = openClient();
    QVERIFY(client);
    QCOMPARE(call(*client, {"SET", "big", big}).string, QByteArray("OK"));
    const RedisReply get = call(*client, {"GET", "big"});
    QCOMPARE(get.string.size(), big.size());
    QVERIFY(get.string == big);

    QCOMPARE(call(*client, {"PUBLISH", "big", big}).integer, 1);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, ReplyTimeoutMs);
    QVERIFY(messages.at(0).at(1).toByteArray() == big);
}

void tst_RedisClient::subscriberRefusesCommands()
{
    auto subscriber = std::make_unique<RedisClient>(RedisUrl::parse(m_redis.url()));
    subscriber->subscribe("refuse");
    QSignalSpy subscribed(subscriber.get(), &RedisClient::connected);
    subscriber->open();
    QVERIFY(subscribed.wait(ReplyTimeoutMs));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("subscribing client")));
    auto answer = std::make_shared<Answer>();
    subscriber->command({"GET", "x"}, recorder(answer));
    QVERIFY(!answer->done); // not from inside command()
    QTRY_VERIFY(answer->done);
    QVERIFY(answer->reply.isError());
    QVERIFY(subscriber->isConnected());
}

void tst_RedisClient::emptyCallbackAndEmptyCommand()
{
    auto client = openClient();
    QVERIFY(client);
    client->command({"SET", "fire-and-forget", "1"});
    QCOMPARE(call(*client, {"GET", "fire-and-forget"}).string, QByteArray("1"));
    const RedisReply empty = call(*client, {});
    QVERIFY(empty.isError());
    QVERIFY(client->isConnected());
}

void tst_RedisClient::authAndSelect()
{
    auto admin = openClient();
    QVERIFY(admin);
    QCOMPARE(
        call(*admin, {"ACL", "SETUSER", "confab", "on", ">s3cret:pw", "~*", "&*", "+@all"}).string,
        QByteArray("OK"));
    call(*admin, {"DEL", "where"});

    QUrl url(m_redis.url());
    url.setUserName(QStringLiteral("confab"));
    url.setPassword(QStringLiteral("s3cret:pw"));
    url.setPath(QStringLiteral("/3"));
    auto client = openClient(url.toString());
    QVERIFY(client);
    QCOMPARE(call(*client, {"ACL", "WHOAMI"}).string, QByteArray("confab"));
    QCOMPARE(call(*client, {"SET", "where", "db3"}).string, QByteArray("OK"));
    QCOMPARE(call(*admin, {"GET", "where"}).type, RedisReply::Type::Nil); // db 0
    QCOMPARE(call(*admin, {"SELECT", "3"}).string, QByteArray("OK"));
    QCOMPARE(call(*admin, {"GET", "where"}).string, QByteArray("db3"));
    call(*admin, {"DEL", "where"});
    call(*admin, {"ACL", "DELUSER", "confab"});
}

void tst_RedisClient::wrongPasswordIsRetriedNotLogged()
{
    LogCapture log;

    const QString password = QStringLiteral("wrong-Pa55word");
    RedisClient client(RedisUrl::parse(
        QStringLiteral("redis://nobody:%1@127.0.0.1:%2").arg(password).arg(m_redis.port())));
    QSignalSpy connected(&client, &RedisClient::connected);
    QSignalSpy disconnected(&client, &RedisClient::disconnected);
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, ReplyTimeoutMs);
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(reason.contains(QLatin1String("AUTH")), qPrintable(reason));
    QVERIFY(!reason.contains(password));
    QTRY_VERIFY_WITH_TIMEOUT(client.failedAttempts() >= 2, ReplyTimeoutMs);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(disconnected.size(), 1);
    const QStringList logLines = log.lines();
    QVERIFY(!logLines.isEmpty());
    for (const QString& line : logLines)
        QVERIFY2(!line.contains(password), qPrintable(line));
}

void tst_RedisClient::serverRestart()
{
    if (!qEnvironmentVariableIsEmpty("CONFAB_TEST_REDIS"))
        QSKIP("needs the private redis-server");
    auto client = openClient();
    QVERIFY(client);
    auto subscriber = std::make_unique<RedisClient>(RedisUrl::parse(m_redis.url()));
    subscriber->subscribe("restart");
    QSignalSpy subscriberUp(subscriber.get(), &RedisClient::connected);
    QSignalSpy subscriberDown(subscriber.get(), &RedisClient::disconnected);
    QSignalSpy messages(subscriber.get(), &RedisClient::message);
    subscriber->open();
    QVERIFY(subscriberUp.wait(ReplyTimeoutMs));

    QSignalSpy up(client.get(), &RedisClient::connected);
    QSignalSpy down(client.get(), &RedisClient::disconnected);
    // Never answered: BLPOP on an empty list waits for ever.
    auto inFlight = std::make_shared<Answer>();
    client->command({"BLPOP", "restart:empty", "0"}, recorder(inFlight));
    QTest::qWait(50);
    QVERIFY(!inFlight->done);

    QVERIFY2(m_redis.stopServer(), qPrintable(m_redis.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, ReplyTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(subscriberDown.size(), 1, ReplyTimeoutMs);
    QVERIFY(inFlight->done);
    QCOMPARE(inFlight->calls, 1);
    QVERIFY(inFlight->reply.isError());
    QCOMPARE(inFlight->reply.string, QByteArray("connection lost"));
    QVERIFY(!client->isConnected());

    // While down: an error at once, though not from inside command().
    auto whileDown = std::make_shared<Answer>();
    client->command({"PING"}, recorder(whileDown));
    QVERIFY(!whileDown->done);
    QTRY_VERIFY_WITH_TIMEOUT(whileDown->done, 100);
    QVERIFY(whileDown->reply.isError());

    // Failed retries while down are silent.
    QTest::qWait(700);
    QVERIFY(client->failedAttempts() >= 2);
    QCOMPARE(down.size(), 1);
    QCOMPARE(subscriberDown.size(), 1);
    QCOMPARE(up.size(), 0);

    QVERIFY2(m_redis.startServerAgain(), qPrintable(m_redis.errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(up.size(), 1, ReplyTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(subscriberUp.size(), 2, ReplyTimeoutMs);
    QCOMPARE(client->failedAttempts(), 0);
    QCOMPARE(call(*client, {"PUBLISH", "restart", "again"}).integer, 1);
    QTRY_COMPARE_WITH_TIMEOUT(messages.size(), 1, ReplyTimeoutMs);
    QCOMPARE(messages.at(0).at(1).toByteArray(), QByteArray("again"));
    QCOMPARE(inFlight->calls, 1);
    QCOMPARE(down.size(), 1);
}

void tst_RedisClient::closeIsQuiet()
{
    auto client = openClient();
    QVERIFY(client);
    QSignalSpy down(client.get(), &RedisClient::disconnected);
    QSignalSpy up(client.get(), &RedisClient::connected);
    auto inFlight = std::make_shared<Answer>();
    client->command({"BLPOP", "close:empty", "0"}, recorder(inFlight));
    QTest::qWait(20);
    client->close();
    QVERIFY(!client->isConnected());
    QTRY_VERIFY(inFlight->done);
    QVERIFY(inFlight->reply.isError());
    QVERIFY(call(*client, {"PING"}).isError());
    QTest::qWait(300); // longer than the first retry would wait
    QCOMPARE(down.size(), 0);
    QCOMPARE(up.size(), 0);
    QCOMPARE(inFlight->calls, 1);

    // open() again after close().
    client->open();
    QTRY_COMPARE_WITH_TIMEOUT(up.size(), 1, ReplyTimeoutMs);
    QCOMPARE(call(*client, {"PING"}).string, QByteArray("PONG"));
}

void tst_RedisClient::refusedPortRetriesWithBackoff()
{
    int port = -1;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    RedisClient client(RedisUrl::parse(QStringLiteral("redis://127.0.0.1:%1").arg(port)));
    QSignalSpy down(&client, &RedisClient::disconnected);
    QSignalSpy up(&client, &RedisClient::connected);
    QElapsedTimer elapsed;
    elapsed.start();
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, ReplyTimeoutMs);
    QVERIFY(!down.at(0).at(0).toString().isEmpty());
    QTest::qWait(int(qMax<qint64>(0, 1000 - elapsed.elapsed())));
    // 100, 200, 400 ms… apart: about five attempts in a second, not thousands.
    const int attempts = client.failedAttempts();
    QVERIFY2(attempts >= 3 && attempts <= 12, qPrintable(QString::number(attempts)));
    QCOMPARE(down.size(), 1);
    QCOMPARE(up.size(), 0);
    QVERIFY(!client.isConnected());
}

void tst_RedisClient::hangingHandshakeIsCut()
{
    // Accepts, reads, never answers: AUTH waits for ever unless the client cuts it.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket*> accepted;
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket* socket = silent.nextPendingConnection()) {
            accepted.append(socket);
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
        }
    });
    RedisClient client(
        RedisUrl::parse(QStringLiteral("redis://:pw@127.0.0.1:%1").arg(silent.serverPort())));
    QSignalSpy down(&client, &RedisClient::disconnected);
    QElapsedTimer elapsed;
    elapsed.start();
    client.open();
    QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, RedisClient::ConnectTimeoutMs + 2000);
    QVERIFY2(elapsed.elapsed() >= RedisClient::ConnectTimeoutMs - 100,
             qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(!client.isConnected());
    // And tries again.
    QTRY_VERIFY_WITH_TIMEOUT(accepted.size() >= 2, ReplyTimeoutMs);
}

void tst_RedisClient::protocolErrorIsADisconnect_data()
{
    QTest::addColumn<QByteArray>("answer");
    QTest::newRow("unknown type byte") << QByteArray("!garbage\r\n");
    QTest::newRow("bad integer") << QByteArray(":12ab\r\n");
    QTest::newRow("negative bulk length") << QByteArray("$-5\r\n");
    // Replies nobody asked for: hiredis 0.14 would abort the process on the second one.
    QTest::newRow("two replies to one command") << QByteArray("+PONG\r\n+unasked\r\n");
    QTest::newRow("arrays nested too deep")
        << QByteArray("*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n*1\r\n:1\r\n");
}

void tst_RedisClient::protocolErrorIsADisconnect()
{
    QFETCH(QByteArray, answer);
    // Answers the first command of each connection with the bytes under test.
    QTcpServer liar;
    QVERIFY(liar.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&liar, &QTcpServer::newConnection, &liar, [&] {
        while (QTcpSocket* socket = liar.nextPendingConnection()) {
            ++connections;
            connect(socket, &QTcpSocket::readyRead, socket, [socket, answer] {
                socket->readAll();
                socket->write(answer);
            });
        }
    });
    RedisClient client(
        RedisUrl::parse(QStringLiteral("redis://127.0.0.1:%1").arg(liar.serverPort())));
    QSignalSpy up(&client, &RedisClient::connected);
    QSignalSpy down(&client, &RedisClient::disconnected);
    client.open();
    QVERIFY(up.wait(ReplyTimeoutMs)); // no AUTH, no SELECT: up once TCP is
    const RedisReply reply = call(client, {"PING"});
    QVERIFY(reply.isError());
    QCOMPARE(reply.string, QByteArray("connection lost"));
    QTRY_COMPARE_WITH_TIMEOUT(down.size(), 1, ReplyTimeoutMs);
    // And connects again.
    QTRY_COMPARE_WITH_TIMEOUT(up.size(), 2, ReplyTimeoutMs);
    QVERIFY(connections >= 2);
}

void tst_RedisClient::greetingNobodyAskedForIsADisconnect()
{
    // A service that is not Redis greets every client with what reads as replies.
    QTcpServer greeter;
    QVERIFY(greeter.listen(QHostAddress::LocalHost, 0));
    int connections = 0;
    connect(&greeter, &QTcpServer::newConnection, &greeter, [&] {
        while (QTcpSocket* socket = greeter.nextPendingConnection()) {
            ++connections;
            socket->write("+Welcome\r\n:42\r\n");
        }
    });
    RedisClient client(
        RedisUrl::parse(QStringLiteral("redis://127.0.0.1:%1").arg(greeter.serverPort())));
    QSignalSpy up(&client, &RedisClient::connected);
    QSignalSpy down(&client, &RedisClient::disconnected);
    client.open();
    QTRY_VERIFY_WITH_TIMEOUT(down.size() >= 2, 3 * ReplyTimeoutMs);
    QVERIFY(up.size() >= 2); // each time it came up, it was dropped again, and tried again
    // ... after a growing delay, not at once: the link is never up long enough to count.
    const int before = connections;
    QTest::qWait(1500);
    QVERIFY2(connections - before <= 4, qPrintable(QString::number(connections - before)));
    const RedisReply reply = call(client, {"PING"});
    QVERIFY(reply.isError());
}

void tst_RedisClient::destroyWithCommandsInFlight()
{
    auto client = openClient();
    QVERIFY(client);
    int calls = 0;
    for (int i = 0; i < 200; ++i)
        client->command({"INCR", "destroy"}, [&calls](const RedisReply&) { ++calls; });
    client->command({"BLPOP", "destroy:empty", "0"}, [&calls](const RedisReply&) { ++calls; });
    QTest::qWait(1); // some answers may be on their way, read or not
    const int before = calls;
    client.reset();
    QTest::qWait(100);
    QCOMPARE(calls, before);

    // Also with replies read and waiting to be delivered.
    auto second = openClient();
    QVERIFY(second);
    for (int i = 0; i < 200; ++i)
        second->command({"INCR", "destroy"}, [&calls](const RedisReply&) { ++calls; });
    second.reset();
    QTest::qWait(100);
    QCOMPARE(calls, before);
}

void tst_RedisClient::deleteFromCallback()
{
    // The client is deleted by the first of many answers read in one go: the others are
    // never delivered, and the notifier that read them survives its own signal.
    auto* client = openClient().release();
    QVERIFY(client);
    QPointer<RedisClient> watch(client);
    int calls = 0;
    for (int i = 0; i < 50; ++i)
        client->command({"PING"}, [&calls, client](const RedisReply&) {
            ++calls;
            delete client;
        });
    QTRY_VERIFY(watch.isNull());
    QTest::qWait(100);
    QCOMPARE(calls, 1);

    // And from a disconnected() slot.
    auto* other = new RedisClient(RedisUrl::parse(QStringLiteral("redis://127.0.0.1:1")));
    QPointer<RedisClient> watchOther(other);
    connect(other, &RedisClient::disconnected, this, [other] { delete other; });
    other->open();
    QTRY_VERIFY(watchOther.isNull());
}

CONFAB_SERVER_TEST_MAIN(tst_RedisClient)
#include "tst_redisclient.moc"

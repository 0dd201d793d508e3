#pragma once

// A real Server with accounts (a temporary data directory, cheap password hashing) on
// 127.0.0.1, and clients that log in over it with SASL through GNU SASL's client library.
#include "auth/authservice.h"
#include "saslclient.h"
#include "net/server.h"
#include "net/tlscontext.h"
#include "testclient.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class AccountFixture
{
public:
    static constexpr int TestIterations = 4096;

    ServerConfig config() const
    {
        ServerConfig config;
        config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
        config.port = 0;
        config.floodBurst = 1000;
        config.floodMaxQueuedLines = 1000;
        config.dataDir = m_dir->filePath(QStringLiteral("data"));
        config.scramIterations = TestIterations;
        config.loginFailureDelayMs = 50;
        return config;
    }

    // A new, empty data directory for the next start().
    void newDataDirectory() { m_dir = std::make_unique<QTemporaryDir>(); }

    bool start(const ServerConfig& config)
    {
        m_server = std::make_unique<Server>(config);
        return m_server->listen();
    }

    void stop()
    {
        qDeleteAll(m_clients);
        m_clients.clear();
        m_server.reset();
    }

    // The ini file beside the data directory, written (or appended to) with the text; its path,
    // or empty if it cannot be written. For config.configFile (REHASH reads it again).
    QString writeConfigFile(const QByteArray& text,
                            QIODevice::OpenMode mode = QIODevice::WriteOnly) const
    {
        const QString path = m_dir->filePath(QStringLiteral("confabd.conf"));
        QFile file(path);
        if (!file.open(mode) || file.write(text) != text.size())
            return QString();
        return path;
    }

    // stop(), then start() with the config (same data directory).
    bool restart(const ServerConfig& config)
    {
        stop();
        return start(config);
    }

    Server* server() const { return m_server.get(); }
    AuthService* auth() const { return m_server->authService(); }

    TestClient* connect()
    {
        auto* client = new TestClient;
        m_clients.append(client);
        client->connectToServer(m_server->serverPort());
        return client;
    }

    // Over TLS, trusting exactly the server's certificate; with a client certificate when the
    // configuration has one.
    TestClient*
    connectTls(QSslConfiguration configuration = QSslConfiguration::defaultConfiguration())
    {
        configuration.setCaCertificates({m_server->tlsContext()->certificate()});
        configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        auto* client = new TestClient;
        m_clients.append(client);
        client->connectToServerEncrypted(m_server->tlsPort(), configuration);
        return client;
    }

    // CAP LS 302, NICK, USER, CAP REQ; the client is left in capability negotiation.
    TestClient* connectNegotiating(const QString& nick, const QByteArray& caps = "sasl",
                                   TestClient* client = nullptr)
    {
        if (!client)
            client = connect();
        client->sendLine("CAP LS 302");
        client->sendLine("NICK " + nick.toUtf8());
        client->sendLine("USER u 0 * :Real Name");
        client->sendLine("CAP REQ :" + caps);
        if (!QTest::qWaitFor(
                [&] {
                    return client->has(QStringLiteral("CAP")) &&
                           client->last(QStringLiteral("CAP")).param(1) != QLatin1String("LS");
                },
                5000))
            return nullptr;
        return client;
    }

    // Runs one SASL exchange: returns the numeric it ended with ("903", "904", ...), or empty on
    // a timeout.
    static QString authenticate(TestClient* client, const QString& mechanism,
                                const QString& account, const QString& password)
    {
        const int start = int(client->messages().size());
        client->sendLine("AUTHENTICATE " + mechanism.toUtf8());
        SaslClient sasl(mechanism, account, password);
        if (!sasl.isValid())
            return QStringLiteral("no client");
        bool first = true;
        int seen = start;
        QByteArray buffered;
        while (true) {
            // The next AUTHENTICATE or end numeric after what we have seen.
            if (!QTest::qWaitFor([&] { return client->messages().size() > seen; }, 5000))
                return QString();
            const IrcMessage message = client->messages().at(seen++);
            const QString command = message.command();
            if (command == QLatin1String("903") || command == QLatin1String("904") ||
                command == QLatin1String("905") || command == QLatin1String("906") ||
                command == QLatin1String("907")) {
                return command;
            }
            if (command != QLatin1String("AUTHENTICATE"))
                continue;
            const QString data = message.param(0);
            if (data != QLatin1String("+"))
                buffered += data.toLatin1();
            if (data.size() == 400)
                continue;
            const QByteArray challenge = QByteArray::fromBase64(buffered);
            buffered.clear();
            if (!first && sasl.state() != SaslClient::State::Running) {
                client->sendLine("AUTHENTICATE +"); // after the server's final message
                continue;
            }
            first = false;
            const QByteArray response = sasl.step(challenge);
            if (sasl.state() == SaslClient::State::Failed) {
                client->sendLine("AUTHENTICATE *");
                continue;
            }
            sendResponse(client, response);
        }
    }

    static void sendResponse(TestClient* client, const QByteArray& response)
    {
        const QByteArray encoded = response.toBase64();
        for (qsizetype i = 0; i < encoded.size(); i += 400)
            client->sendLine("AUTHENTICATE " + encoded.mid(i, 400));
        if (encoded.size() % 400 == 0)
            client->sendLine("AUTHENTICATE +");
    }

    // Creates an account through REGISTER on a connection of its own, which then quits.
    bool registerAccount(const QString& name, const QString& password)
    {
        TestClient* client = connect();
        client->sendLine("NICK " + name.toUtf8());
        client->sendLine("REGISTER * * " + password.toUtf8());
        const bool ok = QTest::qWaitFor(
            [&] {
                return client->has(QStringLiteral("REGISTER")) ||
                       client->has(QStringLiteral("FAIL"));
            },
            60000); // PBKDF2 at a high cost on a loaded machine (a sanitizer build, -j2)
        const bool success = ok && client->has(QStringLiteral("REGISTER"));
        client->sendLine("QUIT");
        return success;
    }

    // A registered client with the caps, logged in (SASL PLAIN) to the account when one is
    // given; nullptr if any step fails.
    TestClient* login(const QString& nick, const QString& account, const QString& password,
                      const QByteArray& caps = "sasl")
    {
        TestClient* client = connectNegotiating(nick, caps);
        if (!client)
            return nullptr;
        if (!account.isEmpty() &&
            authenticate(client, QStringLiteral("PLAIN"), account, password) != "903")
            return nullptr;
        client->sendLine("CAP END");
        return waitForWelcome(client) ? client : nullptr;
    }

    // Waits for 001 (and the autojoin when on).
    bool waitForWelcome(TestClient* client) const
    {
        const bool autoJoin = m_server->config().autoJoin;
        return QTest::qWaitFor(
            [&] {
                return autoJoin ? client->has(QStringLiteral("366"))
                                : client->has(QStringLiteral("422")) ||
                                      client->has(QStringLiteral("376"));
            },
            5000);
    }

    // Sends the line and waits for the numeric (or command) that ends its answer; returns the
    // messages received from the line on, up to that end included (empty on a timeout).
    static QList<IrcMessage> ask(TestClient* client, const QByteArray& line, const QString& end)
    {
        const int start = int(client->messages().size());
        client->sendLine(line);
        if (!QTest::qWaitFor([&] { return client->indexOf(end, start) >= 0; }, 5000))
            return {};
        return client->messages().mid(start, client->indexOf(end, start) - start + 1);
    }

    // The messages with that command among messages.
    static QList<IrcMessage> only(const QList<IrcMessage>& messages, const QString& command)
    {
        QList<IrcMessage> result;
        for (const IrcMessage& message : messages) {
            if (message.command() == command)
                result.append(message);
        }
        return result;
    }

    // A registered client with the caps (none: no CAP negotiation at all).
    TestClient* user(const QString& nick, const QByteArray& caps = {})
    {
        if (!caps.isEmpty())
            return login(nick, {}, {}, caps);
        TestClient* client = connect();
        client->registerUser(nick);
        return waitForWelcome(client) ? client : nullptr;
    }

    // Waits until the server has answered everything the client sent before (a PING's PONG).
    bool sync(TestClient* client)
    {
        const QString token = QStringLiteral("sync%1").arg(++m_syncCount);
        client->sendLine("PING " + token.toUtf8());
        return QTest::qWaitFor(
            [&] {
                const QList<IrcMessage> pongs = client->messages(QStringLiteral("PONG"));
                return !pongs.isEmpty() && pongs.last().param(1) == token;
            },
            5000);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir = std::make_unique<QTemporaryDir>();
    int m_syncCount = 0;
    std::unique_ptr<Server> m_server;
    QList<TestClient*> m_clients;
};

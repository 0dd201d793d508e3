#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real Redis server for the cluster tests. By default a private one: redis-server on a free
// loopback port with no persistence, its files in a temporary directory, killed with the test
// if the test dies. With CONFAB_TEST_REDIS=redis://host:port set, that server is used instead
// (and stopServer()/startServerAgain() fail: they are for the private one only).
class RedisFixture
{
public:
    RedisFixture();
    ~RedisFixture();
    RedisFixture(const RedisFixture&) = delete;
    RedisFixture& operator=(const RedisFixture&) = delete;

    // Starts the server (or checks the one named) and waits until it answers PING; false +
    // errorString(). Blocks: fine in a test's initTestCase(), not on a loop a test relies on.
    bool start();
    QString url() const;
    int port() const { return m_port; }
    // The private server's process is running.
    bool isRunning() const { return m_server.state() != QProcess::NotRunning; }
    // Kills the private server (SIGKILL, as a crash would) and waits for it to end.
    bool stopServer();
    // Starts it again on the same port, empty, and waits until it answers PING.
    bool startServerAgain();
    QString errorString() const { return m_errorString; }

private:
    bool launchServer();
    bool waitUntilAnswering();

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    QString m_host = QStringLiteral("127.0.0.1");
    int m_port = -1;
    QString m_errorString;
};

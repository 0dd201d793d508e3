#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

// A real PostgreSQL server for the storage and cluster tests. By default a private one: initdb
// into a temporary directory and `postgres` on a free loopback port, as the user postgres when
// the tests run as root (PostgreSQL refuses root), stopped (and killed with the test if it dies)
// at the end. With CONFAB_TEST_POSTGRESQL=postgresql://user@host:port/db set, that server is
// used instead, and the user must be allowed to create databases.
class PostgresFixture
{
public:
    PostgresFixture();
    ~PostgresFixture();
    PostgresFixture(const PostgresFixture&) = delete;
    PostgresFixture& operator=(const PostgresFixture&) = delete;

    // Starts the server (or checks the one named); false + errorString().
    bool start();
    // A new, empty database of that name (dropped first if it exists): its URL, or empty +
    // errorString(). It is a schema of one database, which the URL's search_path selects.
    QString createDatabase(const QString& name);
    // Ends every connection confabd's code has open (application_name confabd), as a restart
    // of the server or a network cut would; the number ended, or -1 + errorString().
    int dropConfabdConnections();
    // The private server only: stops it (fast shutdown), and starts it again on the same port
    // and data. False + errorString().
    bool stopServer();
    bool startServerAgain();
    QString errorString() const { return m_errorString; }

private:
    bool startPrivate();
    bool launchServer();
    bool waitUntilAccepting();
    bool runAsServerUser(QProcess& process, const QString& program, const QStringList& arguments);
    bool adminExec(const QString& statement);

    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_server;
    QString m_host = QStringLiteral("127.0.0.1");
    int m_port = -1;
    QString m_user;
    QString m_bin;
    QString m_adminDatabase = QStringLiteral("postgres");
    QString m_errorString;
    QString m_adminConnection;
};

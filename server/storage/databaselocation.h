#pragma once

#include <QString>

// Where the accounts and history live: an SQLite file (the default, in the data directory), or
// a PostgreSQL database named by a URL, postgresql://[user[:password]@][host][:port][/dbname]
// [?param=value&...], the form libpq documents. Parameters without a value here are left to
// libpq (its environment variables PGHOST, PGPASSWORD ... and ~/.pgpass).
class DatabaseLocation
{
public:
    enum class Engine { Sqlite, Postgres };

    static DatabaseLocation sqlite(const QString& path);
    // The location a server with this data directory and --database value uses: empty: the
    // SQLite file in the data directory.
    static DatabaseLocation resolve(const QString& dataDir, const QString& url);
    // A postgresql:// URL; anything else gives a location whose error() says why, which
    // Database::open() reports.
    static DatabaseLocation fromUrl(const QString& url);

    // Empty, or why the URL names no database.
    QString error() const { return m_error; }

    Engine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == Engine::Sqlite; }
    // SQLite: the file.
    QString path() const { return m_path; }
    // PostgreSQL: empty for libpq's defaults.
    QString host() const { return m_host; }
    int port() const { return m_port; } // -1: libpq's default
    QString userName() const { return m_userName; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_databaseName; }
    // libpq's other parameters (sslmode=require ...), as Qt's QPSQL connect options.
    QString connectOptions() const { return m_connectOptions; }

    // For logs and messages: the file, or the URL without its password.
    QString describe() const;

private:
    Engine m_engine = Engine::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = -1;
    QString m_userName;
    QString m_password;
    QString m_databaseName;
    QString m_connectOptions;
    QString m_error;
};

#pragma once

#include <QSqlDatabase>
#include <QString>

// One connection to the server's SQLite database (Qt Sql, QSQLITE), in the thread that opens it:
// Qt Sql connections belong to their thread. Opening sets WAL mode and the other pragmas and
// brings the schema up to date (SchemaMigrations). The connection is removed when this goes.
class Database
{
public:
    // connectionName must be unique in the process (a thread, a tool, a test).
    explicit Database(const QString& connectionName);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating if needed) the file and migrates it; false + errorString() on failure,
    // including a database written by a newer confabd.
    bool open(const QString& path);
    bool isOpen() const { return m_database.isOpen(); }
    QString errorString() const { return m_errorString; }

    QSqlDatabase& connection() { return m_database; }
    // The schema version the file is at (PRAGMA user_version).
    int schemaVersion();
    // Changes whenever another connection (another thread, confabd account ...) commits
    // (PRAGMA data_version); cheap to poll.
    qint64 dataVersion();

    // The file name inside a data directory.
    static QString fileName() { return QStringLiteral("confabd.sqlite"); }

private:
    bool exec(const QString& statement);

    QString m_connectionName;
    QSqlDatabase m_database;
    QString m_errorString;
};

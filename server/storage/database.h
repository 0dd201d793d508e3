#pragma once

#include "storage/databaselocation.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QString>

// One connection to the server's database, in the thread that opens it: Qt Sql connections
// belong to their thread. SQLite (QSQLITE, the default) or PostgreSQL (QPSQL, for a cluster of
// nodes): opening sets SQLite's WAL mode and other pragmas, and brings the schema up to date
// (SchemaMigrations). The connection is removed when this goes.
class Database
{
public:
    // connectionName must be unique in the process (a thread, a tool, a test).
    explicit Database(const QString& connectionName);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (creating an SQLite file if needed) and migrates; false + errorString() on failure,
    // including a database written by a newer confabd.
    bool open(const DatabaseLocation& location);
    // The SQLite file.
    bool open(const QString& path) { return open(DatabaseLocation::sqlite(path)); }
    bool isOpen() const { return m_database.isOpen(); }
    QString errorString() const { return m_errorString; }
    DatabaseLocation::Engine engine() const { return m_engine; }
    bool isSqlite() const { return m_engine == DatabaseLocation::Engine::Sqlite; }

    QSqlDatabase& connection() { return m_database; }
    // The stores tell of every statement that failed: on PostgreSQL it may mean that the server
    // restarted or the network was cut.
    void noteFailure() { m_failureNoted = true; }
    // After a noted failure (the note is then cleared): whether the connection itself is gone,
    // that is, no longer answers. False without a note, and always on SQLite.
    bool connectionLost();
    // PostgreSQL: closes the connection and opens it again (the schema is there already).
    // Queries prepared on the old connection must be dropped first. False + errorString(), at
    // once if the last attempt failed less than two seconds ago; a failure is noted again, so
    // that the next connectionLost() tries again.
    bool reopen();
    // The schema version the database is at (SchemaMigrations::currentVersion).
    int schemaVersion();
    // SQLite: changes whenever another connection (another thread, confabd account ...)
    // commits (PRAGMA data_version); cheap to poll. -1 on PostgreSQL, which has no such thing.
    qint64 dataVersion();

    // The page size of a new SQLite file. Each page the history writer fills is two writes to
    // the write-ahead log (its frame header, then the page) and one more when the log is
    // copied back: with 32 KiB pages a private message between accounts costs an eighth of the
    // system calls it did with SQLite's default of 4 KiB, and the server relays a third more
    // of them with history on (16 KiB: a quarter more; docs/PERFORMANCE.md, stop 37). A file
    // made before keeps its pages: their size cannot change in WAL mode.
    static constexpr int SqlitePageBytes = 32 * 1024;

    // The file name inside a data directory.
    static QString fileName() { return QStringLiteral("confabd.sqlite"); }

    // Before SQLite is first used in the process (main()): each connection is used by one
    // thread only (Qt Sql's rule), so SQLite needs no lock of its own around every call, and
    // keeps no statistics of its memory (each allocation took a lock for them). False if SQLite
    // was in use already; it then keeps its defaults.
    static bool configureSqliteLibrary();

private:
    bool exec(const QString& statement);
    bool openSqlite(const DatabaseLocation& location);
    bool openPostgres(const DatabaseLocation& location);
    bool setUpPostgresSession();

    QString m_connectionName;
    QSqlDatabase m_database;
    DatabaseLocation::Engine m_engine = DatabaseLocation::Engine::Sqlite;
    QString m_errorString;
    bool m_failureNoted = false; // a statement failed since the last connectionLost()
    QElapsedTimer m_reopenTimer; // running since a reopen() that has not succeeded yet
};

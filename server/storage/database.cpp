#include "storage/database.h"

#include "serverlogging.h"
#include "storage/schemamigrations.h"

#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace {
constexpr int BusyTimeoutMs = 5000; // another writer (confabd account ...) holds the lock
constexpr int PostgresConnectTimeoutSecs = 10;
// After a failed attempt to connect again, the next waits this long: while PostgreSQL is out of
// reach every batch fails at once instead of waiting for a connect timeout each time.
constexpr qint64 ReopenRetryMs = 2000;
} // namespace

Database::Database(const QString& connectionName) : m_connectionName(connectionName) {}

Database::~Database()
{
    if (m_database.isValid()) {
        m_database.close();
        m_database = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::exec(const QString& statement)
{
    QSqlQuery query(m_database);
    if (query.exec(statement))
        return true;
    m_errorString = query.lastError().text();
    return false;
}

bool Database::open(const DatabaseLocation& location)
{
    m_errorString.clear();
    m_engine = location.engine();
    if (!location.error().isEmpty()) {
        m_errorString = location.error();
        return false;
    }
    if (!(location.isSqlite() ? openSqlite(location) : openPostgres(location)))
        return false;
    SchemaMigrations migrations(m_engine);
    if (!migrations.migrate(m_database, migrations.latestVersion(), &m_errorString)) {
        m_database.close();
        return false;
    }
    return true;
}

bool Database::openSqlite(const DatabaseLocation& location)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_errorString = QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed");
        return false;
    }
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_database.setDatabaseName(location.path());
    m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!m_database.open()) {
        m_errorString = m_database.lastError().text();
        return false;
    }
    // The page size first: it is fixed when the first table is made, or WAL mode set. WAL:
    // readers never wait for the writer, and a commit is one append. NORMAL is durable across
    // a crash of confabd (not of the machine) in WAL mode, at far less fsync cost.
    if (!exec(QStringLiteral("PRAGMA page_size=%1").arg(SqlitePageBytes)) ||
        !exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        m_database.close();
        return false;
    }
    return true;
}

bool Database::openPostgres(const DatabaseLocation& location)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        m_errorString = QStringLiteral(
            "the Qt PostgreSQL driver (QPSQL) is not installed (Debian: libqt6sql6-psql)");
        return false;
    }
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_database.setHostName(location.host());
    m_database.setPort(location.port());
    m_database.setUserName(location.userName());
    m_database.setPassword(location.password());
    m_database.setDatabaseName(location.databaseName());
    QString options = QStringLiteral("connect_timeout=%1;application_name=confabd")
                          .arg(PostgresConnectTimeoutSecs);
    if (!location.connectOptions().isEmpty())
        options += u';' + location.connectOptions();
    m_database.setConnectOptions(options);
    if (!m_database.open()) {
        m_errorString = QStringLiteral("cannot connect to %1: %2")
                            .arg(location.describe(), m_database.lastError().text().trimmed());
        return false;
    }
    return setUpPostgresSession();
}

bool Database::setUpPostgresSession()
{
    // Timestamps are numbers and text is compared byte by byte: nothing depends on the
    // session's time zone or locale.
    if (!exec(QStringLiteral("SET client_encoding = 'UTF8'"))) {
        m_database.close();
        return false;
    }
    return true;
}

bool Database::connectionLost()
{
    if (!m_failureNoted)
        return false;
    m_failureNoted = false;
    if (isSqlite())
        return false;
    QSqlQuery probe(m_database);
    return !probe.exec(QStringLiteral("SELECT 1")); // else: the statement's own failure
}

bool Database::reopen()
{
    if (isSqlite())
        return isOpen();
    if (m_reopenTimer.isValid() && m_reopenTimer.elapsed() < ReopenRetryMs) {
        m_errorString = QStringLiteral("the database is out of reach; trying again shortly");
        m_failureNoted = true;
        return false;
    }
    m_reopenTimer.start();
    m_database.close();
    if (!m_database.open()) {
        m_errorString = m_database.lastError().text().trimmed();
        m_failureNoted = true;
        return false;
    }
    m_reopenTimer.invalidate();
    if (!setUpPostgresSession()) {
        m_failureNoted = true;
        return false;
    }
    qCWarning(lcStorage) << "connection to the database lost, and opened again";
    return true;
}

int Database::schemaVersion()
{
    return SchemaMigrations::currentVersion(m_database, m_engine);
}

qint64 Database::dataVersion()
{
    if (!isSqlite())
        return -1;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

bool Database::configureSqliteLibrary()
{
    return sqlite3_config(SQLITE_CONFIG_MULTITHREAD) == SQLITE_OK &&
           sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
}

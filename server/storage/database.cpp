#include "storage/database.h"

#include "serverlogging.h"
#include "storage/schemamigrations.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {
constexpr int BusyTimeoutMs = 5000; // another writer (confabd account ...) holds the lock
}

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

bool Database::open(const QString& path)
{
    m_errorString.clear();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE"))) {
        m_errorString = QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed");
        return false;
    }
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_database.setDatabaseName(path);
    m_database.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!m_database.open()) {
        m_errorString = m_database.lastError().text();
        return false;
    }
    // WAL: readers never wait for the writer, and a commit is one append. NORMAL is durable
    // across a crash of confabd (not of the machine) in WAL mode, at far less fsync cost.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=NORMAL")) ||
        !exec(QStringLiteral("PRAGMA foreign_keys=ON"))) {
        m_database.close();
        return false;
    }
    SchemaMigrations migrations;
    if (!migrations.migrate(m_database, SchemaMigrations::latestVersion(), &m_errorString)) {
        m_database.close();
        return false;
    }
    return true;
}

int Database::schemaVersion()
{
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

qint64 Database::dataVersion()
{
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

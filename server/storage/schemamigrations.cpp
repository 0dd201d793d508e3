#include "storage/schemamigrations.h"

#include "serverlogging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace {

int currentVersion(QSqlDatabase& database)
{
    QSqlQuery query(database);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

} // namespace

SchemaMigrations::SchemaMigrations()
{
    m_migrations = {
        {1,
         "accounts with SCRAM-SHA-256 credentials; server settings",
         {
             QStringLiteral("CREATE TABLE accounts ("
                            " id INTEGER PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " folded_name TEXT NOT NULL UNIQUE,"
                            " scram_salt BLOB NOT NULL,"
                            " scram_iterations INTEGER NOT NULL,"
                            " scram_stored_key BLOB NOT NULL,"
                            " scram_server_key BLOB NOT NULL,"
                            " created_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE settings ("
                            " key TEXT PRIMARY KEY,"
                            " value BLOB NOT NULL)"),
         }},
        {2,
         "TLS client certificates of accounts (SASL EXTERNAL)",
         {
             QStringLiteral("CREATE TABLE account_certificates ("
                            " fingerprint TEXT PRIMARY KEY,"
                            " account_id INTEGER NOT NULL"
                            "  REFERENCES accounts(id) ON DELETE CASCADE,"
                            " added_at INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX account_certificates_account"
                            " ON account_certificates(account_id)"),
         }},
        {3,
         "when each account last logged in",
         {
             QStringLiteral("ALTER TABLE accounts ADD COLUMN last_login_at INTEGER"),
         }},
    };
}

int SchemaMigrations::latestVersion()
{
    return 3;
}

bool SchemaMigrations::migrate(QSqlDatabase& database, int targetVersion, QString* error) const
{
    const int version = currentVersion(database);
    if (version < 0) {
        *error =
            QStringLiteral("cannot read the schema version: %1").arg(database.lastError().text());
        return false;
    }
    if (version > latestVersion()) {
        *error = QStringLiteral("the database has schema version %1, newer than this confabd "
                                "knows (%2): use a newer confabd")
                     .arg(version)
                     .arg(latestVersion());
        return false;
    }
    for (const Migration& migration : m_migrations) {
        if (migration.version <= version || migration.version > targetVersion)
            continue;
        if (!database.transaction()) {
            *error = database.lastError().text();
            return false;
        }
        QSqlQuery query(database);
        for (const QString& statement : migration.statements) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration to version %1 failed: %2")
                             .arg(migration.version)
                             .arg(query.lastError().text());
                database.rollback();
                return false;
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version=%1").arg(migration.version)) ||
            !database.commit()) {
            *error = database.lastError().text();
            database.rollback();
            return false;
        }
        qCInfo(lcStorage).noquote() << "database schema now at version" << migration.version
                                    << '(' + QString::fromLatin1(migration.description) + ')';
    }
    return true;
}

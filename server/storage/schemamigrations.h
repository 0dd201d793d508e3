#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

// The database schema as a list of forward migrations: version N is reached by running the
// statements of migrations 1..N in order, each migration in one transaction. The version is kept
// in SQLite's PRAGMA user_version. A database from a newer confabd is refused, never touched.
class SchemaMigrations
{
public:
    struct Migration
    {
        int version;
        const char* description;
        QStringList statements;
    };

    SchemaMigrations();

    static int latestVersion();
    const std::vector<Migration>& migrations() const { return m_migrations; }

    // Brings the database to the version (tests migrate to earlier ones); false + error.
    bool migrate(QSqlDatabase& database, int targetVersion, QString* error) const;

private:
    std::vector<Migration> m_migrations;
};

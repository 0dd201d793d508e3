#pragma once

#include "storage/databaselocation.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <vector>

// The database schema as a list of forward migrations: version N is reached by running the
// statements of migrations 1..N in order, each migration in one transaction. Each engine has its
// own list: SQLite's keeps every step since the first release, its version in PRAGMA
// user_version; PostgreSQL's (storage/postgresschema.cpp) starts at today's schema, its version
// in the schema_version table, and nodes starting together migrate one at a time (an advisory
// lock). A database from a newer confabd is refused, never touched.
class SchemaMigrations
{
public:
    struct Migration
    {
        int version;
        const char* description;
        QStringList statements;
    };

    // SQLite's history_spans (schema 9): the largest counter of a span's rows is less than
    // this above its smallest (msgid counters, history.msgid_number).
    static constexpr qint64 SpanNumberWidth = 65536;

    explicit SchemaMigrations(DatabaseLocation::Engine engine = DatabaseLocation::Engine::Sqlite);

    int latestVersion() const { return m_migrations.back().version; }
    // The version the database is at: 0 for an empty one, -1 if it cannot be read.
    static int currentVersion(QSqlDatabase& database, DatabaseLocation::Engine engine);
    const std::vector<Migration>& migrations() const { return m_migrations; }

    // Brings the database to the version (tests migrate to earlier ones); false + error.
    bool migrate(QSqlDatabase& database, int targetVersion, QString* error) const;

private:
    bool setVersion(QSqlDatabase& database, int version, QString* error) const;
    bool migrateLocked(QSqlDatabase& database, int targetVersion, QString* error) const;

    DatabaseLocation::Engine m_engine;
    std::vector<Migration> m_migrations;
};

#pragma once

#include "history/sqlhistorystore.h"

struct sqlite3_stmt;

// History in the server's SQLite file: SqlHistoryStore with SQLite's own tuning (page cache,
// memory map, checkpoints), a size limit, and its inserts through SQLite's own interface.
class SqliteHistoryStore : public SqlHistoryStore
{
public:
    // The connection name must be unique in the process.
    explicit SqliteHistoryStore(const QString& connectionName);
    ~SqliteHistoryStore() override;

    // Opens (and migrates) the database file; false + errorString().
    bool open(const DatabaseLocation& location) override;
    bool open(const QString& path) { return open(DatabaseLocation::sqlite(path)); }
    // Writes fail with "database or disk is full" once the file would pass this size (SQLite's
    // max_page_count, for this connection); 0 or less: no limit. False + errorString().
    bool setMaxSize(qint64 bytes);
    // The file and its write-ahead log.
    qint64 diskBytes() override;

protected:
    qint64 insertRow(const HistoryRecord& record, qint64 conversation) override;

private:
    // The insert of a record, as SQLite's own prepared statement.
    sqlite3_stmt* insertStatement();

    sqlite3_stmt* m_insert = nullptr;
};

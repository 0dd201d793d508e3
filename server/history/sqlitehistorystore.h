#pragma once

#include "history/sqlhistorystore.h"

#include <memory>

struct sqlite3;
struct sqlite3_stmt;
class WalCheckpointer;

// History in the server's SQLite file: SqlHistoryStore with SQLite's own tuning (page cache,
// memory map), a size limit, its inserts through SQLite's own interface, and the write-ahead
// log copied back into the file on a thread of its own (WalCheckpointer).
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

    // Pages in the write-ahead log after a commit from which the checkpoint thread copies it
    // back; at twice as many the writer copies what is left itself. Default WalCheckpointPages.
    void setCheckpointPages(int pages) { m_checkpointPages = pages; }
    // WalCheckpointer::copiedPages(): above 0 once the checkpoint thread has copied pages back
    // (0 for a database in memory).
    qint64 checkpointThreadPages() const;

protected:
    qint64 insertRow(const HistoryRecord& record, qint64 conversation) override;

private:
    // SQLite's handle of the history connection, or null + errorString().
    sqlite3* handle();
    // The insert of a record, as SQLite's own prepared statement.
    sqlite3_stmt* insertStatement();
    // SQLite's wal hook, after each commit: frames is the log's length in pages.
    static int walCommitted(void* store, sqlite3* connection, const char* name, int frames);

    sqlite3_stmt* m_insert = nullptr;
    int m_checkpointPages;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

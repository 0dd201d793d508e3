#pragma once

#include "history/sharedtextutf8.h"
#include "history/sqlhistorystore.h"

#include <QHash>

#include <algorithm>
#include <memory>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;
class WalCheckpointer;

// History in the server's SQLite file: SqlHistoryStore with SQLite's own tuning (page cache,
// memory map), a size limit, its inserts through SQLite's own interface, and the write-ahead
// log copied back into the file on a thread of its own (WalCheckpointer).
class SqliteHistoryStore : public SqlHistoryStore
{
public:
    // The history connection's own page cache and memory map: the index pages of every busy
    // conversation stay in memory, instead of being read back (SQLite's default cache is 2 MB).
    static constexpr int CacheKiB = 32 * 1024;
    static constexpr qint64 MemoryMapBytes = 256 * 1024 * 1024;
    // Bytes written to the WAL before it is copied back into the database (SQLite's default is
    // 1000 pages, 4 MB with its default pages): a busy index page is then copied once per 40 MB
    // of history rather than once per 4 MB, which almost doubles the rows written per second.
    // The copying runs on the checkpoint thread (WalCheckpointer). The WAL file is cut back to
    // WalSizeLimitBytes when it starts again. Under steady load the log grows to twice
    // WalCheckpointBytes before the writer copies it back itself, and a batch more: the limit
    // lies above that, so the file is then used again rather than cut at every start. A cut
    // frees the file's tail, and with a file system mounted with online discard the writer
    // waited for the disk (up to 13 ms, twice a second, when it was 64 MB).
    static constexpr qint64 WalCheckpointBytes = 40 * 1024 * 1024;
    static constexpr qint64 WalSizeLimitBytes = 3 * WalCheckpointBytes;
    static_assert(WalSizeLimitBytes > 2 * WalCheckpointBytes);

    // The connection name must be unique in the process.
    explicit SqliteHistoryStore(const QString& connectionName);
    ~SqliteHistoryStore() override;

    // Opens (and migrates) the database file; false + errorString().
    bool open(const DatabaseLocation& location) override;
    bool open(const QString& path) { return open(DatabaseLocation::sqlite(path)); }
    // Writes fail with "database or disk is full" once the file would pass this size (SQLite's
    // max_page_count, for this connection, in the file's pages); 0 or less: no limit. After
    // open(); false + errorString().
    bool setMaxSize(qint64 bytes);
    // The file and its write-ahead log.
    qint64 diskBytes() override;

    // Pages in the write-ahead log after a commit from which the checkpoint thread copies it
    // back; at twice as many the writer copies what is left itself. Default: WalCheckpointBytes
    // in the file's pages (checkpointPagesFor), set by open().
    void setCheckpointPages(int pages) { m_checkpointPages = pages; }
    int checkpointPages() const { return m_checkpointPages; }
    static int checkpointPagesFor(qint64 pageBytes)
    {
        return int(std::max<qint64>(WalCheckpointBytes / std::max<qint64>(pageBytes, 512), 1));
    }
    // WalCheckpointer::copiedPages(): above 0 once the checkpoint thread has copied pages back
    // (0 for a database in memory).
    qint64 checkpointThreadPages() const;
    // WalCheckpointer::idle() (true for a database in memory).
    bool checkpointThreadIdle() const;

    // Rows written by one INSERT statement.
    static constexpr int RowsPerStatement = 32;

protected:
    // The rows of a batch get their ids in order, after the largest in the table (the
    // transaction holds the write lock), and go in RowsPerStatement to an INSERT: a statement's
    // start, cursors and end cost as much as a row.
    bool reserveRowIds(size_t records) override;
    qint64 nextRowId() override { return m_nextId++; }
    // Then each conversation's rows of the batch get consecutive ids, in the order they came,
    // and a span (history_spans, schema 8) per conversation finds them: history has no index
    // by conversation.
    void arrangeRows(std::vector<QueuedRow>& rows) override;
    qint64 arrangedId(qint64 queuedId) const override;
    bool writeRows(const std::vector<QueuedRow>& rows) override;
    void rolledBack() override { m_lastTimes.clear(); }

    // Through the spans: in a conversation whose spans are all ordered, span by span in id
    // order (which is then the (time, id) order), each one's rows by id, until the limit; in
    // one that is not (a clock that went back), all its rows through its spans, sorted.
    std::vector<HistoryRecord> selectRange(const HistoryQuery& query, const View& view,
                                           const std::optional<Point>& after,
                                           const std::optional<Point>& before, Order order,
                                           int limit) override;
    // In order, the cut's maxId is its last row's: every row up to it is in a span that
    // starts at or before that id.
    std::optional<Cut> firstPruned(qint64 conversation, int keep) override;
    int deleteUpTo(qint64 conversation, const Cut& where, int limit) override;
    // Spans left with no rows go.
    bool pruned() override;
    // Through the spans whose counters may hold it (schema 9): those whose last counter is at
    // most SchemaMigrations::SpanNumberWidth above it, and whose first is not above it; then
    // their rows.
    bool findByNumber(const View& view, qint64 number, const QString& msgid,
                      std::optional<Point>* point) override;
    // Its SQL, whose parameters are the counter's range, the counter, the view's conversation
    // and first id, then the counter, msgid, conversation and first id the row must have.
    static QString findByNumberSql();

private:
    // SQLite's handle of the history connection, or null + errorString().
    sqlite3* handle();
    // The file's page size (Database::SqlitePageBytes, or what an older file was made with),
    // read by open() into m_pageBytes; 0 + errorString() on failure.
    qint64 pageBytes();
    // A statement prepared once, through SQLite's own interface; null + errorString().
    sqlite3_stmt* statement(sqlite3_stmt** slot, const char* sql);
    // Binds and runs statement for count rows from first.
    bool insertRows(sqlite3_stmt* statement, const QueuedRow* first, int count);
    // A span per run of one conversation's rows (rows in arrangeRows()' order), cut where its
    // msgid counters would be SchemaMigrations::SpanNumberWidth apart.
    bool writeSpans(const std::vector<QueuedRow>& rows);
    // The newest time of the conversation's rows, as far as its spans say (min() when it has
    // none); nullopt + errorString() on failure.
    std::optional<qint64> lastTime(qint64 conversation);
    // Whether every span of the conversation is ordered; nullopt + errorString() on failure.
    std::optional<bool> inOrder(qint64 conversation);
    // Appends the rows of one span from first to last (ids), within the bounds, in the order,
    // up to limit records in all; false + errorString() on failure.
    bool spanRows(const HistoryQuery& query, qint64 first, qint64 last,
                  const std::optional<Point>& after, const std::optional<Point>& before,
                  Order order, int limit, std::vector<HistoryRecord>* records);
    // SQLite's wal hook, after each commit: frames is the log's length in pages.
    static int walCommitted(void* store, sqlite3* connection, const char* name, int frames);

    sqlite3_stmt* m_insertOne = nullptr;
    sqlite3_stmt* m_insertMany = nullptr; // RowsPerStatement rows
    sqlite3_stmt* m_lastId = nullptr;
    sqlite3_stmt* m_insertSpan = nullptr;
    qint64 m_pageBytes = 0; // pageBytes(), once open
    qint64 m_nextId = 0;
    qint64 m_firstQueuedId = 0;       // the batch's first id from nextRowId()
    std::vector<qint64> m_arranged;   // the id each of them has become
    QHash<qint64, qint64> m_lastTimes; // lastTime() of the conversations written to
    SharedTextUtf8 m_sharedTexts; // the records' accounts and msgid prefixes, as they are bound
    int m_checkpointPages = checkpointPagesFor(4096); // open() sets the file's
    std::unique_ptr<WalCheckpointer> m_checkpointer;
};

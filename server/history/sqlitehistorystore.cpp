#include "history/sqlitehistorystore.h"

#include "history/walcheckpointer.h"

#include <sqlite3.h>

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <array>

namespace {

// The parameters of a row in the INSERT statements.
constexpr int ColumnsPerRow = 8;

// One row's parameters in an INSERT: "(?, ?, ...)", ColumnsPerRow of them.
QByteArray rowParameters()
{
    QByteArray tuple = "(?";
    for (int i = 1; i < ColumnsPerRow; ++i)
        tuple += ", ?";
    return tuple + ')';
}

// Room for a text bound as UTF-8 without an allocation: msgids and most account names.
using TextBuffer = std::array<char, 64>;

// Binds text, which SQLite keeps as UTF-8: ASCII is narrowed into buffer (which must outlive
// the statement's step), anything else goes as UTF-16 for SQLite to convert (an allocation and
// a translation of its own, which took 5 % of the history thread for every msgid). A null
// QString is bound as '' (the columns are NOT NULL), not as SQL NULL.
void bindText(sqlite3_stmt* statement, int index, const QString& text, TextBuffer& buffer)
{
    const qsizetype size = text.size();
    if (size <= qsizetype(buffer.size())) {
        const char16_t* from = reinterpret_cast<const char16_t*>(text.constData());
        qsizetype i = 0;
        for (; i < size && from[i] < 0x80; ++i)
            buffer[size_t(i)] = char(from[i]);
        if (i == size) {
            sqlite3_bind_text(statement, index, buffer.data(), int(size), SQLITE_STATIC);
            return;
        }
    }
    sqlite3_bind_text16(statement, index, text.utf16(), int(size * sizeof(char16_t)),
                        SQLITE_STATIC);
}

} // namespace

SqliteHistoryStore::SqliteHistoryStore(const QString& connectionName)
    : SqlHistoryStore(connectionName), m_checkpointPages(WalCheckpointPages)
{
}

bool SqliteHistoryStore::open(const DatabaseLocation& location)
{
    if (!location.isSqlite()) {
        setErrorString(QStringLiteral("not an SQLite database"));
        return false;
    }
    if (!SqlHistoryStore::open(location))
        return false;
    QSqlQuery query(database().connection());
    if (!query.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(CacheKiB)) ||
        !query.exec(QStringLiteral("PRAGMA mmap_size = %1").arg(MemoryMapBytes)) ||
        !query.exec(QStringLiteral("PRAGMA journal_size_limit = %1").arg(WalSizeLimitBytes)))
        return fail(query);
    sqlite3* connection = handle();
    if (!connection)
        return false;
    const char* file = sqlite3_db_filename(connection, "main");
    if (file && *file) { // not a database in memory, which has no log
        m_checkpointer = std::make_unique<WalCheckpointer>(QByteArray(file));
        // Replaces SQLite's own checkpoints after commits (wal_autocheckpoint).
        sqlite3_wal_hook(connection, &SqliteHistoryStore::walCommitted, this);
    }
    return true;
}

int SqliteHistoryStore::walCommitted(void* store, sqlite3* connection, const char* name, int frames)
{
    auto* self = static_cast<SqliteHistoryStore*>(store);
    self->m_checkpointer->afterCommit(connection, name, frames, self->m_checkpointPages);
    return SQLITE_OK;
}

qint64 SqliteHistoryStore::checkpointThreadPages() const
{
    return m_checkpointer ? m_checkpointer->copiedPages() : 0;
}

bool SqliteHistoryStore::checkpointThreadIdle() const
{
    return !m_checkpointer || m_checkpointer->idle();
}

bool SqliteHistoryStore::setMaxSize(qint64 bytes)
{
    if (bytes <= 0)
        return true;
    QSqlQuery query(database().connection());
    if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next())
        return fail(query);
    const qint64 pageSize = std::max<qint64>(query.value(0).toLongLong(), 512);
    query.finish();
    if (!query.exec(QStringLiteral("PRAGMA max_page_count = %1")
                        .arg(std::max<qint64>(bytes / pageSize, 1))))
        return fail(query);
    return true;
}

SqliteHistoryStore::~SqliteHistoryStore()
{
    for (sqlite3_stmt* statement : {m_insertOne, m_insertMany, m_lastId})
        sqlite3_finalize(statement); // null: a no-op
    if (m_checkpointer) {
        if (sqlite3* connection = handle())
            sqlite3_wal_hook(connection, nullptr, nullptr);
        m_checkpointer.reset(); // its connection closes first: the writer's close then
                                // copies the rest of the log back and removes it
    }
}

qint64 SqliteHistoryStore::diskBytes()
{
    const QString path = database().connection().databaseName();
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

sqlite3* SqliteHistoryStore::handle()
{
    const QVariant handle = database().connection().driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        setErrorString(QStringLiteral("not an SQLite connection"));
        return nullptr;
    }
    return *static_cast<sqlite3* const*>(handle.constData());
}

sqlite3_stmt* SqliteHistoryStore::statement(sqlite3_stmt** slot, const char* sql)
{
    if (*slot)
        return *slot;
    sqlite3* connection = handle();
    if (!connection)
        return nullptr;
    if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, nullptr) !=
        SQLITE_OK) {
        setErrorString(QString::fromUtf8(sqlite3_errmsg(connection)));
        sqlite3_finalize(*slot);
        *slot = nullptr;
    }
    return *slot;
}

bool SqliteHistoryStore::reserveRowIds(size_t)
{
    sqlite3_stmt* last = statement(&m_lastId, "SELECT max(id) FROM history");
    if (!last)
        return false;
    const int result = sqlite3_step(last);
    if (result == SQLITE_ROW)
        m_nextId = sqlite3_column_int64(last, 0) + 1; // NULL (no rows) reads as 0
    else
        setErrorString(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(last))));
    sqlite3_reset(last);
    return result == SQLITE_ROW;
}

bool SqliteHistoryStore::writeRows(const std::vector<QueuedRow>& rows)
{
    // SQLite's own interface: Qt Sql's per-value conversions cost as much as the insert itself.
    // OR FAIL: a statement that fails halfway keeps the rows it wrote before, which the batch's
    // transaction then rolls back with everything else (append() rolls back on any failure).
    // Under the default (ABORT), SQLite undoes such a statement alone, and for that it keeps a
    // statement journal of every statement of several rows: a temporary file past 64 KiB,
    // written with the original of each page the statement changes. Writing it was more than
    // half the history thread's time (confab-layoutbench: 8.6 us per row with it, 2.8 without;
    // 11 times the pwrite calls).
    static const QByteArray columns = "INSERT OR FAIL INTO history (id, conversation, time_ms,"
                                      " msgid, msgid_number, account, kind, line) VALUES ";
    static const QByteArray one = columns + rowParameters();
    static const QByteArray many = [] {
        QByteArray sql = columns + rowParameters();
        for (int i = 1; i < RowsPerStatement; ++i)
            sql += ", " + rowParameters();
        return sql;
    }();
    size_t from = 0;
    if (rows.size() >= size_t(RowsPerStatement)) {
        sqlite3_stmt* insert = statement(&m_insertMany, many.constData());
        if (!insert)
            return false;
        for (; rows.size() - from >= size_t(RowsPerStatement); from += RowsPerStatement) {
            if (!insertRows(insert, &rows[from], RowsPerStatement))
                return false;
        }
    }
    sqlite3_stmt* insert = from < rows.size() ? statement(&m_insertOne, one.constData()) : nullptr;
    for (; from < rows.size(); ++from) {
        if (!insert || !insertRows(insert, &rows[from], 1))
            return false;
    }
    return true;
}

bool SqliteHistoryStore::insertRows(sqlite3_stmt* insert, const QueuedRow* first, int count)
{
    // The texts that are narrowed here, until the step.
    std::array<TextBuffer, 2 * RowsPerStatement> buffers;
    for (int i = 0; i < count; ++i) {
        const QueuedRow& row = first[i];
        const HistoryRecord& record = *row.record;
        const int column = ColumnsPerRow * i; // parameters are numbered from 1
        sqlite3_bind_int64(insert, column + 1, row.id);
        sqlite3_bind_int64(insert, column + 2, row.conversation);
        sqlite3_bind_int64(insert, column + 3, record.timeMs);
        bindText(insert, column + 4, record.msgid, buffers[size_t(2 * i)]);
        if (const qint64 number = msgidNumber(record.msgid))
            sqlite3_bind_int64(insert, column + 5, number);
        else
            sqlite3_bind_null(insert, column + 5);
        bindText(insert, column + 6, record.account, buffers[size_t(2 * i + 1)]);
        sqlite3_bind_int(insert, column + 7, int(record.kind));
        const QByteArrayView line = record.storedLine();
        sqlite3_bind_blob(insert, column + 8, line.data(), int(line.size()), SQLITE_STATIC);
    }
    const bool done = sqlite3_step(insert) == SQLITE_DONE;
    if (!done)
        setErrorString(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(insert))));
    sqlite3_reset(insert);
    return done;
}

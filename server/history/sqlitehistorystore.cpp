#include "history/sqlitehistorystore.h"

#include "history/walcheckpointer.h"

#include <sqlite3.h>

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

namespace {

// The history connection's own page cache and memory map: the index pages of every busy
// conversation stay in memory, instead of being read back (SQLite's default cache is 2 MB).
constexpr int CacheKiB = 32 * 1024;
constexpr qint64 MemoryMapBytes = 256 * 1024 * 1024;
// Pages written to the WAL before they are copied back into the database (SQLite's default is
// 1000): a busy index page is then copied once per 40 MB of history rather than once per 4 MB,
// which almost doubles the rows written per second. The copying runs on the checkpoint thread
// (WalCheckpointer). The WAL file is cut back to WalSizeLimitBytes when it starts again.
constexpr int WalCheckpointPages = 10000;
constexpr qint64 WalSizeLimitBytes = 64 * 1024 * 1024;

// A null QString is bound as '' (the columns are NOT NULL), not as SQL NULL.
void bindText(sqlite3_stmt* statement, int index, const QString& text)
{
    static const char16_t empty[] = u"";
    const void* data = text.isEmpty() ? static_cast<const void*>(empty) : text.utf16();
    sqlite3_bind_text16(statement, index, data, int(text.size() * sizeof(char16_t)), SQLITE_STATIC);
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
    if (frames >= 2 * self->m_checkpointPages) {
        // The checkpoint thread is behind, or commits kept the log from starting again: copy
        // what is left here (little, when that thread has copied the rest), as SQLite would.
        sqlite3_wal_checkpoint_v2(connection, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (frames >= self->m_checkpointPages) {
        self->m_checkpointer->request();
    }
    return SQLITE_OK;
}

qint64 SqliteHistoryStore::checkpointThreadPages() const
{
    return m_checkpointer ? m_checkpointer->copiedPages() : 0;
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
    if (m_insert)
        sqlite3_finalize(m_insert);
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

sqlite3_stmt* SqliteHistoryStore::insertStatement()
{
    if (m_insert)
        return m_insert;
    sqlite3* connection = handle();
    if (!connection)
        return nullptr;
    const char* sql = "INSERT INTO history (conversation, time_ms, msgid, account, kind, line)"
                      " VALUES (?, ?, ?, ?, ?, ?)";
    if (sqlite3_prepare_v3(connection, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_insert, nullptr) !=
        SQLITE_OK) {
        setErrorString(QString::fromUtf8(sqlite3_errmsg(connection)));
        m_insert = nullptr;
    }
    return m_insert;
}

qint64 SqliteHistoryStore::insertRow(const HistoryRecord& record, qint64 conversation)
{
    sqlite3_stmt* insert = insertStatement();
    if (!insert)
        return 0;
    // SQLite's own interface: Qt Sql's per-value conversions cost as much as the insert itself.
    // The text goes in as UTF-16, which SQLite converts without a copy of our own.
    sqlite3_bind_int64(insert, 1, conversation);
    sqlite3_bind_int64(insert, 2, record.timeMs);
    bindText(insert, 3, record.msgid);
    bindText(insert, 4, record.account);
    sqlite3_bind_int(insert, 5, int(record.kind));
    sqlite3_bind_blob(insert, 6, record.line.constData(), int(record.line.size()), SQLITE_STATIC);
    const int result = sqlite3_step(insert);
    qint64 row = 0;
    if (result == SQLITE_DONE)
        row = sqlite3_last_insert_rowid(sqlite3_db_handle(insert));
    else
        setErrorString(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(insert))));
    sqlite3_reset(insert);
    sqlite3_clear_bindings(insert);
    return row;
}

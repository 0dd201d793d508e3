#include "history/sqlitehistorystore.h"

#include "history/walcheckpointer.h"
#include "storage/schemamigrations.h"

#include <sqlite3.h>

#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <algorithm>
#include <array>
#include <limits>

namespace {

// lastTime()s kept in memory, up to this many conversations; past it the cache starts again.
constexpr int MaxCachedLastTimes = 100000;

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

// Binds the record's msgid: a server's own id is written as UTF-8 into buffer from its
// prefix's UTF-8 (kept in texts: no QString made for it, its text not read), any other as its
// text. An id too long for buffer goes as its text.
void bindMsgid(sqlite3_stmt* statement, int index, const HistoryRecord& record,
               SharedTextUtf8& texts, TextBuffer& buffer)
{
    if (record.msgid.isNull() && !record.messageId.isNull()) {
        const qsizetype size =
            MessageId::writeUtf8(texts.utf8(record.messageId.prefix()), record.messageId.number(),
                                 buffer.data(), qsizetype(buffer.size()));
        if (size >= 0) {
            sqlite3_bind_text(statement, index, buffer.data(), int(size), SQLITE_STATIC);
            return;
        }
        const QString text = record.messageId.toString();
        sqlite3_bind_text16(statement, index, text.utf16(), int(text.size() * sizeof(char16_t)),
                            SQLITE_TRANSIENT);
        return;
    }
    bindText(statement, index, record.msgid, buffer);
}

} // namespace

SqliteHistoryStore::SqliteHistoryStore(const QString& connectionName)
    : SqlHistoryStore(connectionName)
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
    query.finish();
    m_pageBytes = pageBytes();
    if (m_pageBytes <= 0)
        return false;
    m_checkpointPages = checkpointPagesFor(m_pageBytes);
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
    if (m_pageBytes <= 0) {
        setErrorString(QStringLiteral("the history store is not open"));
        return false;
    }
    QSqlQuery query(database().connection());
    if (!query.exec(QStringLiteral("PRAGMA max_page_count = %1")
                        .arg(std::max<qint64>(bytes / m_pageBytes, 1))))
        return fail(query);
    return true;
}

qint64 SqliteHistoryStore::pageBytes()
{
    QSqlQuery query(database().connection());
    if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next()) {
        fail(query);
        return 0;
    }
    return query.value(0).toLongLong();
}

SqliteHistoryStore::~SqliteHistoryStore()
{
    for (sqlite3_stmt* statement : {m_insertOne, m_insertMany, m_lastId, m_insertSpan})
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
    m_firstQueuedId = m_nextId;
    m_arranged.clear();
    return result == SQLITE_ROW;
}

void SqliteHistoryStore::arrangeRows(std::vector<QueuedRow>& rows)
{
    // Rows were queued with the ids from m_firstQueuedId on, one after another.
    std::stable_sort(rows.begin(), rows.end(), [](const QueuedRow& a, const QueuedRow& b) {
        return a.conversation < b.conversation;
    });
    m_arranged.assign(rows.size(), 0);
    for (size_t i = 0; i < rows.size(); ++i) {
        const qint64 id = m_firstQueuedId + qint64(i);
        m_arranged[size_t(rows[i].id - m_firstQueuedId)] = id;
        rows[i].id = id;
    }
}

qint64 SqliteHistoryStore::arrangedId(qint64 queuedId) const
{
    const qint64 index = queuedId - m_firstQueuedId;
    return index >= 0 && index < qint64(m_arranged.size()) ? m_arranged[size_t(index)] : queuedId;
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
    return writeSpans(rows);
}

bool SqliteHistoryStore::writeSpans(const std::vector<QueuedRow>& rows)
{
    sqlite3_stmt* insert = statement(
        &m_insertSpan, "INSERT INTO history_spans (conversation, first_id, last_id, first_ms,"
                       " last_ms, ordered, first_number, last_number)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return false;
    if (m_lastTimes.size() >= MaxCachedLastTimes)
        m_lastTimes.clear();
    for (size_t head = 0; head < rows.size();) {
        const qint64 conversation = rows[head].conversation;
        const std::optional<qint64> before = lastTime(conversation);
        if (!before)
            return false;
        qint64 newest = *before;
        qint64 firstMs = std::numeric_limits<qint64>::max();
        qint64 lastMs = std::numeric_limits<qint64>::min();
        qint64 firstNumber = 0; // 0: none yet (msgidNumber()'s "no counter")
        qint64 lastNumber = 0;
        bool ordered = true;
        size_t tail = head;
        for (; tail < rows.size() && rows[tail].conversation == conversation; ++tail) {
            const HistoryRecord& record = *rows[tail].record;
            if (const qint64 number = rows[tail].msgidNumber) {
                const qint64 low = firstNumber ? std::min(firstNumber, number) : number;
                const qint64 high = std::max(lastNumber, number);
                if (high - low >= SchemaMigrations::SpanNumberWidth)
                    break; // the rest of the conversation's rows in a span of their own
                firstNumber = low;
                lastNumber = high;
            }
            ordered = ordered && record.timeMs >= newest;
            newest = std::max(newest, record.timeMs);
            firstMs = std::min(firstMs, record.timeMs);
            lastMs = std::max(lastMs, record.timeMs);
        }
        sqlite3_bind_int64(insert, 1, conversation);
        sqlite3_bind_int64(insert, 2, rows[head].id);
        sqlite3_bind_int64(insert, 3, rows[tail - 1].id);
        sqlite3_bind_int64(insert, 4, firstMs);
        sqlite3_bind_int64(insert, 5, lastMs);
        sqlite3_bind_int(insert, 6, ordered ? 1 : 0);
        for (const auto& [index, number] : {std::pair(7, firstNumber), std::pair(8, lastNumber)}) {
            if (number)
                sqlite3_bind_int64(insert, index, number);
            else
                sqlite3_bind_null(insert, index);
        }
        const bool done = sqlite3_step(insert) == SQLITE_DONE;
        if (!done)
            setErrorString(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(insert))));
        sqlite3_reset(insert);
        if (!done)
            return false;
        m_lastTimes.insert(conversation, newest);
        head = tail;
    }
    return true;
}

QString SqliteHistoryStore::findByNumberSql()
{
    // "+": through history_spans_by_number, then each span's ids, not through the conversation's
    // spans, the spans by their end, or an automatic index on history that SQLite would make
    // for the query (a scan of the table).
    return QStringLiteral(
        "SELECT h.time_ms, h.id FROM history_spans s"
        " JOIN history h ON h.id BETWEEN s.first_id AND s.last_id"
        " WHERE s.last_number BETWEEN :number AND :highest AND s.first_number <= :number"
        " AND +s.conversation = :conversation AND +s.last_id >= :since"
        " AND +h.msgid_number = :number AND +h.msgid = :msgid"
        " AND +h.conversation = :conversation AND h.id >= :since LIMIT 1");
}

bool SqliteHistoryStore::findByNumber(const View& view, qint64 number, const QString& msgid,
                                      std::optional<Point>* point)
{
    QSqlQuery& find = prepared(findByNumberSql());
    // Named: each is bound once, wherever the statement uses it.
    constexpr qint64 widest = SchemaMigrations::SpanNumberWidth - 1; // last - first, at most
    find.bindValue(QStringLiteral(":number"), number);
    find.bindValue(QStringLiteral(":highest"), number <= std::numeric_limits<qint64>::max() - widest
                                                   ? number + widest
                                                   : std::numeric_limits<qint64>::max());
    find.bindValue(QStringLiteral(":conversation"), view.conversation);
    find.bindValue(QStringLiteral(":since"), view.sinceId);
    find.bindValue(QStringLiteral(":msgid"), msgid); // not empty: it has a counter
    return pointOf(find, point);
}

std::optional<qint64> SqliteHistoryStore::lastTime(qint64 conversation)
{
    if (const auto it = m_lastTimes.constFind(conversation); it != m_lastTimes.cend())
        return it.value();
    QSqlQuery& select =
        prepared(QStringLiteral("SELECT MAX(last_ms) FROM history_spans WHERE conversation = ?"));
    select.bindValue(0, conversation);
    if (!select.exec() || !select.next()) {
        fail(select);
        return std::nullopt;
    }
    const QVariant last = select.value(0);
    select.finish();
    const qint64 time = last.isNull() ? std::numeric_limits<qint64>::min() : last.toLongLong();
    m_lastTimes.insert(conversation, time);
    return time;
}

std::optional<bool> SqliteHistoryStore::inOrder(qint64 conversation)
{
    QSqlQuery& select = prepared(QStringLiteral(
        "SELECT 1 FROM history_spans WHERE conversation = ? AND ordered = 0 LIMIT 1"));
    select.bindValue(0, conversation);
    if (!select.exec()) {
        fail(select);
        return std::nullopt;
    }
    const bool unordered = select.next();
    select.finish();
    return !unordered;
}

std::vector<HistoryRecord> SqliteHistoryStore::selectRange(const HistoryQuery& query,
                                                           const View& view,
                                                           const std::optional<Point>& after,
                                                           const std::optional<Point>& before,
                                                           Order order, int limit)
{
    std::vector<HistoryRecord> records;
    const std::optional<bool> ordered = inOrder(view.conversation);
    if (!ordered)
        return records;
    const bool ascending = order == Order::Ascending;
    if (!*ordered) {
        // All the conversation's rows, through its spans, sorted.
        return selectSorted(
            QStringLiteral(" FROM history_spans s JOIN history h"
                           " ON h.id BETWEEN s.first_id AND s.last_id WHERE s.conversation = ?"
                           " AND s.last_id >= ? AND h.conversation = ? AND h.id >= ?"),
            2, QStringLiteral("h."), query, view, after, before, order, limit);
    }
    // In order: the spans one after another from the bound on. Descending from `before`: the
    // spans that start at or before its time. Ascending from `after`: from the last span that
    // starts before its time (every span before that one ends before it too).
    qint64 start = 0;
    if (ascending && after) {
        QSqlQuery& first = prepared(
            QStringLiteral("SELECT first_id FROM history_spans WHERE conversation = ?"
                           " AND first_ms < ? ORDER BY first_ms DESC, first_id DESC LIMIT 1"));
        first.bindValue(0, view.conversation);
        first.bindValue(1, after->timeMs);
        if (!first.exec()) {
            fail(first);
            return records;
        }
        if (first.next())
            start = first.value(0).toLongLong();
        first.finish();
    }
    const QString columns =
        QStringLiteral("SELECT first_id, last_id, first_ms, last_ms FROM history_spans");
    QSqlQuery& spans = prepared(
        ascending ? columns + QStringLiteral(" WHERE conversation = ? AND first_id >= ?"
                                             " ORDER BY first_id")
        : before  ? columns + QStringLiteral(" WHERE conversation = ? AND first_ms <= ?"
                                             " ORDER BY first_ms DESC, first_id DESC")
                  : columns + QStringLiteral(" WHERE conversation = ? ORDER BY first_id DESC"));
    spans.bindValue(0, view.conversation);
    if (ascending)
        spans.bindValue(1, start);
    else if (before)
        spans.bindValue(1, before->timeMs);
    if (!spans.exec()) {
        fail(spans);
        return records;
    }
    while (int(records.size()) < limit && spans.next()) {
        const qint64 firstId = spans.value(0).toLongLong();
        const qint64 lastId = spans.value(1).toLongLong();
        if (ascending) {
            if (before && spans.value(2).toLongLong() > before->timeMs)
                break; // this span and every later one start after the range
            if (lastId < view.sinceId)
                continue;
        } else if (lastId < view.sinceId ||
                   (after && spans.value(3).toLongLong() < after->timeMs)) {
            break; // this span and every earlier one end before the range
        }
        if (!spanRows(query, std::max(firstId, view.sinceId), lastId, after, before, order, limit,
                      &records)) {
            spans.finish();
            return {};
        }
    }
    spans.finish();
    return records;
}

bool SqliteHistoryStore::spanRows(const HistoryQuery& query, qint64 first, qint64 last,
                                  const std::optional<Point>& after,
                                  const std::optional<Point>& before, Order order, int limit,
                                  std::vector<HistoryRecord>* records)
{
    QString sql = QStringLiteral("SELECT id, time_ms, msgid, account, kind, line FROM history"
                                 " WHERE id BETWEEN ? AND ?");
    sql += HistoryRangeSql::conditions(query, after, before);
    sql += order == Order::Ascending ? QStringLiteral(" ORDER BY id LIMIT ?")
                                     : QStringLiteral(" ORDER BY id DESC LIMIT ?");
    QSqlQuery& select = prepared(sql);
    int i = 0;
    select.bindValue(i++, first);
    select.bindValue(i++, last);
    HistoryRangeSql::bind(select, i, after, before);
    select.bindValue(i, limit - int(records->size()));
    return readRecords(select, query, records);
}

std::optional<SqliteHistoryStore::Cut> SqliteHistoryStore::firstPruned(qint64 conversation,
                                                                       int keep)
{
    const std::optional<bool> ordered = inOrder(conversation);
    if (!ordered)
        return std::nullopt;
    std::optional<Cut> cut;
    if (!*ordered) {
        QSqlQuery& nth = prepared(QStringLiteral(
            "SELECT h.time_ms, h.id FROM history_spans s"
            " JOIN history h ON h.id BETWEEN s.first_id AND s.last_id WHERE s.conversation = ?"
            " ORDER BY h.time_ms DESC, h.id DESC LIMIT 1 OFFSET ?"));
        nth.bindValue(0, conversation);
        nth.bindValue(1, keep);
        if (!nth.exec()) {
            fail(nth);
            return std::nullopt;
        }
        if (nth.next())
            cut = Cut{Point{nth.value(0).toLongLong(), nth.value(1).toLongLong()}};
        nth.finish();
        return cut;
    }
    // A span holds at most its ids' count of rows: a conversation that holds no more than keep
    // that way (most, every time retention runs) is not counted row by row.
    QSqlQuery& most = prepared(QStringLiteral(
        "SELECT COALESCE(SUM(last_id - first_id + 1), 0) FROM history_spans WHERE conversation = ?"));
    most.bindValue(0, conversation);
    if (!most.exec() || !most.next()) {
        fail(most);
        return std::nullopt;
    }
    const qint64 rowsAtMost = most.value(0).toLongLong();
    most.finish();
    if (rowsAtMost <= keep)
        return std::nullopt;
    // Span by span from the newest, counting rows, to the one that holds the first to go.
    QSqlQuery& spans = prepared(QStringLiteral("SELECT first_id, last_id FROM history_spans"
                                               " WHERE conversation = ? ORDER BY first_id DESC"));
    QSqlQuery& count =
        prepared(QStringLiteral("SELECT COUNT(*) FROM history WHERE id BETWEEN ? AND ?"));
    QSqlQuery& nth = prepared(QStringLiteral("SELECT time_ms, id FROM history"
                                             " WHERE id BETWEEN ? AND ? ORDER BY id DESC"
                                             " LIMIT 1 OFFSET ?"));
    spans.bindValue(0, conversation);
    if (!spans.exec()) {
        fail(spans);
        return std::nullopt;
    }
    qint64 newer = 0; // rows in the spans after this one
    while (spans.next()) {
        const qint64 firstId = spans.value(0).toLongLong();
        const qint64 lastId = spans.value(1).toLongLong();
        count.bindValue(0, firstId);
        count.bindValue(1, lastId);
        if (!count.exec() || !count.next()) {
            fail(count);
            spans.finish();
            return std::nullopt;
        }
        const qint64 rows = count.value(0).toLongLong();
        count.finish();
        if (newer + rows > keep) {
            nth.bindValue(0, firstId);
            nth.bindValue(1, lastId);
            nth.bindValue(2, keep - newer);
            if (!nth.exec()) {
                fail(nth);
                spans.finish();
                return std::nullopt;
            }
            if (nth.next()) {
                const Point last{nth.value(0).toLongLong(), nth.value(1).toLongLong()};
                cut = Cut{last, last.id};
            }
            nth.finish();
            break;
        }
        newer += rows;
    }
    spans.finish();
    return cut;
}

int SqliteHistoryStore::deleteUpTo(qint64 conversation, const Cut& where, int limit)
{
    const qint64 upTo = where.maxId; // the rows are in spans that start at or before it
    QSqlQuery& rows =
        prepared(QStringLiteral("DELETE FROM history WHERE id IN (SELECT h.id FROM history_spans s"
                                " JOIN history h ON h.id BETWEEN s.first_id AND s.last_id"
                                " WHERE s.conversation = ? AND s.first_id <= ?"
                                " AND h.conversation = ?%1 LIMIT ?)")
                     .arg(HistoryRangeSql::upToConditions(QStringLiteral("h."))));
    int i = 0;
    rows.bindValue(i++, conversation);
    rows.bindValue(i++, upTo);
    rows.bindValue(i++, conversation);
    HistoryRangeSql::bindUpTo(rows, i, where.last);
    rows.bindValue(i, limit);
    if (!rows.exec())
        return fail(rows), -1;
    const int deleted = rows.numRowsAffected();
    // The conversation's spans that are left empty.
    QSqlQuery& empty = prepared(QStringLiteral(
        "DELETE FROM history_spans WHERE conversation = ? AND first_id <= ? AND NOT EXISTS"
        " (SELECT 1 FROM history h WHERE h.id BETWEEN history_spans.first_id"
        " AND history_spans.last_id)"));
    empty.bindValue(0, conversation);
    empty.bindValue(1, upTo);
    if (!empty.exec())
        return fail(empty), -1;
    return deleted;
}

bool SqliteHistoryStore::pruned()
{
    // Retention by age deletes the oldest rows: the spans that end before the oldest left go.
    QSqlQuery& old = prepared(QStringLiteral(
        "DELETE FROM history_spans WHERE last_id <"
        " COALESCE((SELECT MIN(id) FROM history), 9223372036854775807)"));
    return old.exec() || fail(old);
}

bool SqliteHistoryStore::insertRows(sqlite3_stmt* insert, const QueuedRow* first, int count)
{
    // The msgids that are written here, until the step; the accounts' and the msgid prefixes'
    // UTF-8 is m_sharedTexts'.
    std::array<TextBuffer, RowsPerStatement> buffers;
    m_sharedTexts.trim();
    for (int i = 0; i < count; ++i) {
        const QueuedRow& row = first[i];
        const HistoryRecord& record = *row.record;
        const int column = ColumnsPerRow * i; // parameters are numbered from 1
        // The id as NULL: SQLite gives the row the table's largest id plus one, which is
        // row.id (rows go in id order, from the largest id at the start of the transaction
        // on; checked after the step). Given as a number, SQLite looks it up first, from the
        // table's root each time: a tenth of the history thread's time.
        sqlite3_bind_null(insert, column + 1);
        sqlite3_bind_int64(insert, column + 2, row.conversation);
        sqlite3_bind_int64(insert, column + 3, record.timeMs);
        bindMsgid(insert, column + 4, record, m_sharedTexts, buffers[size_t(i)]);
        if (const qint64 number = row.msgidNumber)
            sqlite3_bind_int64(insert, column + 5, number);
        else
            sqlite3_bind_null(insert, column + 5);
        const QByteArrayView account = m_sharedTexts.utf8(*row.account);
        sqlite3_bind_text(insert, column + 6, account.data(), int(account.size()), SQLITE_STATIC);
        sqlite3_bind_int(insert, column + 7, int(record.kind));
        const QByteArrayView line = record.storedLine();
        sqlite3_bind_blob(insert, column + 8, line.data(), int(line.size()), SQLITE_STATIC);
    }
    sqlite3* connection = sqlite3_db_handle(insert);
    bool done = sqlite3_step(insert) == SQLITE_DONE;
    if (!done)
        setErrorString(QString::fromUtf8(sqlite3_errmsg(connection)));
    sqlite3_reset(insert);
    if (done && sqlite3_last_insert_rowid(connection) != first[count - 1].id) {
        // The batch's views and offline marks name the rows by the ids they were queued with.
        setErrorString(QStringLiteral("history rows written with other ids than queued"));
        done = false;
    }
    return done;
}

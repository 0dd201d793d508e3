#include "rowlayout.h"

#include <sqlite3.h>

#include <algorithm>

namespace {

// Schema 7's columns (server/storage/schemamigrations.cpp).
const char* const Columns = "conversation INTEGER NOT NULL, time_ms INTEGER NOT NULL,"
                            " msgid TEXT NOT NULL, msgid_number INTEGER, account TEXT NOT NULL,"
                            " kind INTEGER NOT NULL, line BLOB NOT NULL";

} // namespace

QString RowLayout::name() const
{
    switch (m_kind) {
    case Kind::Indexed:
        return QStringLiteral("rows");
    case Kind::Clustered:
        return QStringLiteral("clustered");
    case Kind::Spans:
        break;
    }
    return QStringLiteral("spans");
}

bool RowLayout::createSchema(sqlite3* db)
{
    const QByteArray table =
        m_kind != Kind::Clustered
            ? QByteArray("CREATE TABLE history (id INTEGER PRIMARY KEY, ") + Columns + ")"
            : QByteArray("CREATE TABLE history (id INTEGER NOT NULL, ") + Columns +
                  ", PRIMARY KEY (conversation, time_ms, id)) WITHOUT ROWID";
    const char* byPlace = "CREATE UNIQUE INDEX history_by_id ON history(id)";
    if (m_kind == Kind::Indexed)
        byPlace = "CREATE INDEX history_by_conversation ON history(conversation, time_ms)";
    else if (m_kind == Kind::Spans)
        byPlace = "CREATE TABLE history_spans (conversation INTEGER NOT NULL,"
                  " first_id INTEGER NOT NULL, last_id INTEGER NOT NULL,"
                  " first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL);"
                  " CREATE INDEX history_spans_by_time ON history_spans(conversation, last_ms)";
    return exec(db, table.constData()) && exec(db, byPlace) &&
           exec(db, "CREATE INDEX history_by_msgid ON history(msgid)"
                    " WHERE msgid_number IS NULL") &&
           exec(db, "CREATE INDEX history_by_msgid_number ON history(msgid_number)"
                    " WHERE msgid_number IS NOT NULL") &&
           prepare(db);
}

bool RowLayout::prepare(sqlite3* db)
{
    // OR FAIL, as SqliteHistoryStore::writeRows() does: no statement journal.
    const QByteArray columns = "INSERT OR FAIL INTO history (id, conversation, time_ms, msgid,"
                               " msgid_number, account, kind, line) VALUES ";
    const QByteArray row = "(?, ?, ?, ?, ?, ?, 0, ?)";
    QByteArray many = columns + row;
    for (int i = 1; i < RowsPerStatement; ++i)
        many += ", " + row;
    const QByteArray one = columns + row;
    return (sqlite3_prepare_v2(db, one.constData(), -1, &m_insertOne, nullptr) == SQLITE_OK &&
            sqlite3_prepare_v2(db, many.constData(), -1, &m_insertMany, nullptr) == SQLITE_OK &&
            (m_kind != Kind::Spans ||
             sqlite3_prepare_v2(db,
                                "INSERT INTO history_spans (conversation, first_id, last_id,"
                                " first_ms, last_ms) VALUES (?, ?, ?, ?, ?)",
                                -1, &m_insertSpan, nullptr) == SQLITE_OK)) ||
           fail(db);
}

bool RowLayout::writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows)
{
    if (rows.empty())
        return true;
    m_order.clear();
    for (const SyntheticRow& row : rows)
        m_order.push_back(&row);
    if (m_kind == Kind::Spans) {
        // Each conversation's rows in the order they came, numbered one after another.
        std::stable_sort(m_order.begin(), m_order.end(),
                         [](const SyntheticRow* a, const SyntheticRow* b) {
                             return a->conversation < b->conversation;
                         });
    }
    const int64_t firstId = rows.front().id; // the batch's ids follow on from it
    size_t from = 0;
    for (; m_order.size() - from >= size_t(RowsPerStatement); from += RowsPerStatement) {
        if (!insert(db, m_insertMany, &m_order[from], RowsPerStatement, firstId + int64_t(from)))
            return false;
    }
    for (; from < m_order.size(); ++from) {
        if (!insert(db, m_insertOne, &m_order[from], 1, firstId + int64_t(from)))
            return false;
    }
    if (m_kind != Kind::Spans)
        return true;
    for (size_t head = 0; head < m_order.size();) {
        size_t tail = head;
        while (tail + 1 < m_order.size() &&
               m_order[tail + 1]->conversation == m_order[head]->conversation)
            ++tail;
        if (!insertSpan(db, *m_order[head], *m_order[tail], firstId + int64_t(head),
                        firstId + int64_t(tail)))
            return false;
        head = tail + 1;
    }
    return true;
}

bool RowLayout::insertSpan(sqlite3* db, const SyntheticRow& head, const SyntheticRow& tail,
                           int64_t firstId, int64_t lastId)
{
    sqlite3_bind_int64(m_insertSpan, 1, head.conversation);
    sqlite3_bind_int64(m_insertSpan, 2, firstId);
    sqlite3_bind_int64(m_insertSpan, 3, lastId);
    sqlite3_bind_int64(m_insertSpan, 4, head.timeMs);
    sqlite3_bind_int64(m_insertSpan, 5, tail.timeMs);
    const bool done = sqlite3_step(m_insertSpan) == SQLITE_DONE;
    sqlite3_reset(m_insertSpan);
    return done || fail(db);
}

bool RowLayout::insert(sqlite3* db, sqlite3_stmt* statement, const SyntheticRow* const* rows,
                       int count, int64_t firstId)
{
    constexpr int Parameters = 7;
    for (int i = 0; i < count; ++i) {
        const SyntheticRow& row = *rows[i];
        const int at = Parameters * i; // parameters are numbered from 1
        sqlite3_bind_int64(statement, at + 1, firstId + i);
        sqlite3_bind_int64(statement, at + 2, row.conversation);
        sqlite3_bind_int64(statement, at + 3, row.timeMs);
        sqlite3_bind_text(statement, at + 4, row.msgid.constData(), int(row.msgid.size()),
                          SQLITE_STATIC);
        sqlite3_bind_int64(statement, at + 5, sqlite3_int64(row.msgidNumber));
        sqlite3_bind_text(statement, at + 6, row.account.constData(), int(row.account.size()),
                          SQLITE_STATIC);
        sqlite3_bind_blob(statement, at + 7, row.line.constData(), int(row.line.size()),
                          SQLITE_STATIC);
    }
    const bool done = sqlite3_step(statement) == SQLITE_DONE;
    sqlite3_reset(statement);
    return done || fail(db);
}

bool RowLayout::check(sqlite3* db, int64_t rowCount)
{
    if (number(db, "SELECT COUNT(*) FROM history") != rowCount) {
        if (errorString().isEmpty())
            setErrorString(QStringLiteral("the table does not hold every row written"));
        return false;
    }
    if (m_kind != Kind::Spans)
        return true;
    // The spans cover rowCount ids, none twice, and each holds only its conversation's rows.
    const int64_t covered = number(db, "SELECT SUM(last_id - first_id + 1) FROM history_spans");
    const int64_t overlapping =
        number(db, "SELECT COUNT(*) FROM (SELECT first_id, LAG(last_id) OVER (ORDER BY first_id)"
                   " AS previous FROM history_spans) WHERE first_id <= previous");
    const int64_t strangers =
        number(db, "SELECT COUNT(*) FROM history_spans s JOIN history h"
                   " ON h.id BETWEEN s.first_id AND s.last_id WHERE h.conversation != s.conversation");
    if (covered == rowCount && overlapping == 0 && strangers == 0)
        return true;
    if (errorString().isEmpty())
        setErrorString(QStringLiteral("%1 of %2 rows covered, %3 overlaps, %4 rows of "
                                      "another conversation")
                           .arg(covered)
                           .arg(rowCount)
                           .arg(overlapping)
                           .arg(strangers));
    return false;
}

void RowLayout::finish()
{
    for (sqlite3_stmt** statement : {&m_insertOne, &m_insertMany, &m_insertSpan}) {
        sqlite3_finalize(*statement); // null: a no-op
        *statement = nullptr;
    }
}

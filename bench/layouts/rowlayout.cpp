#include "rowlayout.h"

#include <sqlite3.h>

namespace {

// Schema 7's columns (server/storage/schemamigrations.cpp).
const char* const Columns = "conversation INTEGER NOT NULL, time_ms INTEGER NOT NULL,"
                            " msgid TEXT NOT NULL, msgid_number INTEGER, account TEXT NOT NULL,"
                            " kind INTEGER NOT NULL, line BLOB NOT NULL";

} // namespace

QString RowLayout::name() const
{
    return m_kind == Kind::Indexed ? QStringLiteral("rows") : QStringLiteral("clustered");
}

bool RowLayout::createSchema(sqlite3* db)
{
    const QByteArray table =
        m_kind == Kind::Indexed
            ? QByteArray("CREATE TABLE history (id INTEGER PRIMARY KEY, ") + Columns + ")"
            : QByteArray("CREATE TABLE history (id INTEGER NOT NULL, ") + Columns +
                  ", PRIMARY KEY (conversation, time_ms, id)) WITHOUT ROWID";
    const char* const byPlace = m_kind == Kind::Indexed
                                    ? "CREATE INDEX history_by_conversation"
                                      " ON history(conversation, time_ms)"
                                    : "CREATE UNIQUE INDEX history_by_id ON history(id)";
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
            sqlite3_prepare_v2(db, many.constData(), -1, &m_insertMany, nullptr) == SQLITE_OK) ||
           fail(db);
}

bool RowLayout::writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows)
{
    size_t from = 0;
    for (; rows.size() - from >= size_t(RowsPerStatement); from += RowsPerStatement) {
        if (!insert(db, m_insertMany, &rows[from], RowsPerStatement))
            return false;
    }
    for (; from < rows.size(); ++from) {
        if (!insert(db, m_insertOne, &rows[from], 1))
            return false;
    }
    return true;
}

bool RowLayout::insert(sqlite3* db, sqlite3_stmt* statement, const SyntheticRow* first, int count)
{
    constexpr int Parameters = 7;
    for (int i = 0; i < count; ++i) {
        const SyntheticRow& row = first[i];
        const int at = Parameters * i; // parameters are numbered from 1
        sqlite3_bind_int64(statement, at + 1, row.id);
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

void RowLayout::finish()
{
    sqlite3_finalize(m_insertOne);
    sqlite3_finalize(m_insertMany);
    m_insertOne = nullptr;
    m_insertMany = nullptr;
}

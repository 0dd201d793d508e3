#include "chunklayout.h"

#include <QtEndian>

#include <sqlite3.h>

#include <algorithm>

namespace {

template<typename T>
void appendNumber(QByteArray& out, T value)
{
    const T little = qToLittleEndian(value);
    out.append(reinterpret_cast<const char*>(&little), sizeof little);
}

void appendText(QByteArray& out, const QByteArray& text)
{
    appendNumber(out, quint16(text.size()));
    out.append(text);
}

} // namespace

bool ChunkLayout::createSchema(sqlite3* db)
{
    return exec(db, "CREATE TABLE history_chunks (id INTEGER PRIMARY KEY,"
                    " conversation INTEGER NOT NULL, first_ms INTEGER NOT NULL,"
                    " last_ms INTEGER NOT NULL, first_number INTEGER NOT NULL,"
                    " last_number INTEGER NOT NULL, count INTEGER NOT NULL,"
                    " messages BLOB NOT NULL)") &&
           exec(db, "CREATE INDEX history_chunks_by_time"
                    " ON history_chunks(conversation, last_ms)") &&
           exec(db, "CREATE INDEX history_chunks_by_number"
                    " ON history_chunks(conversation, last_number)") &&
           (sqlite3_prepare_v2(db,
                               "INSERT INTO history_chunks (conversation, first_ms, last_ms,"
                               " first_number, last_number, count, messages)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?)",
                               -1, &m_insert, nullptr) == SQLITE_OK ||
            fail(db));
}

bool ChunkLayout::writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows)
{
    // The batch's rows by conversation, each conversation's in the order they came.
    std::vector<const SyntheticRow*> order;
    order.reserve(rows.size());
    for (const SyntheticRow& row : rows)
        order.push_back(&row);
    std::stable_sort(order.begin(), order.end(), [](const SyntheticRow* a, const SyntheticRow* b) {
        return a->conversation < b->conversation;
    });
    size_t from = 0;
    while (from < order.size()) {
        size_t to = from + 1;
        while (to < order.size() && order[to]->conversation == order[from]->conversation)
            ++to;
        if (!writeChunk(db, &order[from], to - from))
            return false;
        from = to;
    }
    return true;
}

bool ChunkLayout::writeChunk(sqlite3* db, const SyntheticRow* const* first, size_t count)
{
    m_blob.clear();
    for (size_t i = 0; i < count; ++i) {
        const SyntheticRow& row = *first[i];
        appendNumber(m_blob, qint64(row.timeMs));
        appendNumber(m_blob, quint64(row.msgidNumber));
        appendText(m_blob, row.msgid);
        appendText(m_blob, row.account);
        appendText(m_blob, row.line);
    }
    const SyntheticRow& head = *first[0];
    const SyntheticRow& tail = *first[count - 1];
    sqlite3_bind_int64(m_insert, 1, head.conversation);
    sqlite3_bind_int64(m_insert, 2, head.timeMs);
    sqlite3_bind_int64(m_insert, 3, tail.timeMs);
    sqlite3_bind_int64(m_insert, 4, sqlite3_int64(head.msgidNumber));
    sqlite3_bind_int64(m_insert, 5, sqlite3_int64(tail.msgidNumber));
    sqlite3_bind_int64(m_insert, 6, sqlite3_int64(count));
    sqlite3_bind_blob(m_insert, 7, m_blob.constData(), int(m_blob.size()), SQLITE_STATIC);
    const bool done = sqlite3_step(m_insert) == SQLITE_DONE;
    sqlite3_reset(m_insert);
    return done || fail(db);
}

bool ChunkLayout::check(sqlite3* db, int64_t rowCount)
{
    const int64_t counted = number(db, "SELECT SUM(count) FROM history_chunks");
    if (counted == rowCount)
        return true;
    if (errorString().isEmpty())
        setErrorString(QStringLiteral("%1 messages, %2 written").arg(counted).arg(rowCount));
    return false;
}

void ChunkLayout::finish()
{
    sqlite3_finalize(m_insert);
    m_insert = nullptr;
}

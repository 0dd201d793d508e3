#pragma once

#include "historylayout.h"

struct sqlite3_stmt;

#include <vector>

// A row per message. Indexed: the table is history by row id (schema 7's layout, which
// appends) with an index by conversation and time; clustered: a WITHOUT ROWID table kept in
// (conversation, time, id) order, the row id an index of its own; spans: schema 7's table
// without the index by conversation, a batch's rows numbered in conversation order, and a row
// per conversation per batch (its span of row ids and times) indexed by conversation and time.
// All index the msgid's counter, as schema 7 does.
class RowLayout : public HistoryLayout
{
public:
    enum class Kind { Indexed, Clustered, Spans };
    explicit RowLayout(Kind kind) : m_kind(kind) {}

    QString name() const override;
    bool createSchema(sqlite3* db) override;
    bool writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows) override;
    // Spans: every row in exactly one span, of its own conversation.
    bool check(sqlite3* db, int64_t rowCount) override;
    void finish() override;

private:
    // Rows go RowsPerStatement to an INSERT, as SqliteHistoryStore writes them.
    static constexpr int RowsPerStatement = 32;
    bool prepare(sqlite3* db);
    // Rows numbered from firstId in the order given.
    bool insert(sqlite3* db, sqlite3_stmt* statement, const SyntheticRow* const* rows, int count,
                int64_t firstId);
    bool insertSpan(sqlite3* db, const SyntheticRow& head, const SyntheticRow& tail,
                    int64_t firstId, int64_t lastId);

    const Kind m_kind;
    sqlite3_stmt* m_insertOne = nullptr;
    sqlite3_stmt* m_insertMany = nullptr;
    sqlite3_stmt* m_insertSpan = nullptr;
    std::vector<const SyntheticRow*> m_order; // a batch's rows in the order they are numbered
};

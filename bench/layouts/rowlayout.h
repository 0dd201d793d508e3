#pragma once

#include "historylayout.h"

struct sqlite3_stmt;

// A row per message. Indexed: the table is history by row id (schema 7's layout, which
// appends) with an index by conversation and time; clustered: a WITHOUT ROWID table kept in
// (conversation, time, id) order, the row id an index of its own. Both index the msgid's
// counter, as schema 7 does.
class RowLayout : public HistoryLayout
{
public:
    enum class Kind { Indexed, Clustered };
    explicit RowLayout(Kind kind) : m_kind(kind) {}

    QString name() const override;
    bool createSchema(sqlite3* db) override;
    bool writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows) override;
    void finish() override;

private:
    // Rows go RowsPerStatement to an INSERT, as SqliteHistoryStore writes them.
    static constexpr int RowsPerStatement = 32;
    bool prepare(sqlite3* db);
    bool insert(sqlite3* db, sqlite3_stmt* statement, const SyntheticRow* first, int count);

    const Kind m_kind;
    sqlite3_stmt* m_insertOne = nullptr;
    sqlite3_stmt* m_insertMany = nullptr;
};

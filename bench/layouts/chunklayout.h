#pragma once

#include "historylayout.h"

#include <QByteArray>

struct sqlite3_stmt;

// A row per conversation per batch: the batch's messages of that conversation in one blob
// (each: time, msgid counter, and the msgid, account and line, length-prefixed), with the
// range of times and counters it covers. Indexed by conversation and last time, and by
// conversation and last counter (a msgid is found in the first chunk whose last counter is not
// below its own).
class ChunkLayout : public HistoryLayout
{
public:
    QString name() const override { return QStringLiteral("chunks"); }
    bool createSchema(sqlite3* db) override;
    bool writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows) override;
    // The chunks count rowCount messages in all.
    bool check(sqlite3* db, int64_t rowCount) override;
    void finish() override;

private:
    bool writeChunk(sqlite3* db, const SyntheticRow* const* first, size_t count);

    sqlite3_stmt* m_insert = nullptr;
    QByteArray m_blob; // kept between chunks: its room is reused
};

#pragma once

#include "history/sqlhistorystore.h"

#include <vector>

// History in a PostgreSQL database shared by several nodes: SqlHistoryStore with the rows of
// an append() written in a few statements rather than one round trip each. Their ids are taken
// from the table's sequence in one query first (the views and offline marks written in the same
// transaction name them), and the rows go in as multi-row INSERTs when the batch is complete.
class PostgresHistoryStore : public SqlHistoryStore
{
public:
    // The connection name must be unique in the process.
    explicit PostgresHistoryStore(const QString& connectionName);

    // Opens (and migrates) the database; false + errorString() (an SQLite location too).
    bool open(const DatabaseLocation& location) override;
    // The whole database (history shares it with the accounts).
    qint64 diskBytes() override;

protected:
    bool reserveRowIds(size_t records) override;
    qint64 nextRowId() override;
    bool writeRows(const std::vector<QueuedRow>& rows) override;

private:
    // Takes count more ids from the sequence; false + errorString().
    bool reserveIds(int count);

    std::vector<qint64> m_ids; // reserved, ascending; m_nextId is the next one to use
    size_t m_nextId = 0;
};

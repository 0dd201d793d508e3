#pragma once

#include "syntheticrow.h"

#include <QString>

#include <cstdint>

#include <vector>

struct sqlite3;

// One way of laying out stored history in SQLite, as the layout bench compares them: the schema
// it creates and how it writes a batch of rows inside the writer's transaction.
class HistoryLayout
{
public:
    virtual ~HistoryLayout() = default;

    virtual QString name() const = 0;
    // Creates the tables and indexes in an empty database. False + errorString().
    virtual bool createSchema(sqlite3* db) = 0;
    // Writes rows (one batch, inside a transaction the caller began). False + errorString().
    virtual bool writeBatch(sqlite3* db, const std::vector<SyntheticRow>& rows) = 0;
    // After the run, that what was written holds together as the layout says (rowCount rows
    // in all). False + errorString().
    virtual bool check(sqlite3* db, int64_t rowCount);
    // The statements it prepared go before the connection closes.
    virtual void finish() = 0;

    QString errorString() const { return m_errorString; }

protected:
    void setErrorString(const QString& error) { m_errorString = error; }
    bool exec(sqlite3* db, const char* sql);
    bool fail(sqlite3* db);
    // The single integer a query returns, or -1 (errorString() says why).
    int64_t number(sqlite3* db, const char* sql);

private:
    QString m_errorString;
};

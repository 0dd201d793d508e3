#include "historylayout.h"

#include <sqlite3.h>

bool HistoryLayout::exec(sqlite3* db, const char* sql)
{
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK)
        return true;
    m_errorString = QString::fromUtf8(error ? error : "unknown error") + QStringLiteral(": ") +
                    QString::fromUtf8(sql);
    sqlite3_free(error);
    return false;
}

bool HistoryLayout::fail(sqlite3* db)
{
    m_errorString = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

int64_t HistoryLayout::number(sqlite3* db, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    int64_t value = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        value = sqlite3_column_int64(statement, 0);
    else
        m_errorString = QString::fromUtf8(sqlite3_errmsg(db)) + QStringLiteral(": ") +
                        QString::fromUtf8(sql);
    sqlite3_finalize(statement);
    return value;
}

bool HistoryLayout::check(sqlite3*, int64_t)
{
    return true;
}

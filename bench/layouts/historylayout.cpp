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

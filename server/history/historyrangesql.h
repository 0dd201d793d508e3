#pragma once

#include "history/historyquery.h"

#include <QSqlQuery>
#include <QString>

#include <optional>

// A point in the (time, id) order of a conversation's history rows.
struct HistoryPoint
{
    qint64 timeMs;
    qint64 id;
};

// How a range of history rows is written in SQL, the same on SQLite and PostgreSQL: the
// conditions on the columns kind, time_ms and id, each " AND ...", and their values bound in
// the same order. An alias with a dot ("h.") names a joined history table's columns.
class HistoryRangeSql
{
public:
    // Rows of the query's kinds strictly after `after` and strictly before `before` (either
    // may be absent).
    static QString conditions(const HistoryQuery& query, const std::optional<HistoryPoint>& after,
                              const std::optional<HistoryPoint>& before,
                              const QString& alias = QString());
    // Their values, bound from index i on (i is left past them).
    static void bind(QSqlQuery& query, int& i, const std::optional<HistoryPoint>& after,
                     const std::optional<HistoryPoint>& before);

    // Rows at or before a point, events too (what retention deletes up to a cut's last row),
    // and the point's values.
    static QString upToConditions(const QString& alias = QString());
    static void bindUpTo(QSqlQuery& query, int& i, const HistoryPoint& last);
};

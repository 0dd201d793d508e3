#include "history/historyrangesql.h"

QString HistoryRangeSql::conditions(const HistoryQuery& query,
                                    const std::optional<HistoryPoint>& after,
                                    const std::optional<HistoryPoint>& before, const QString& alias)
{
    QString sql;
    if (!query.includeEvents)
        sql += QStringLiteral(" AND %1kind = 0").arg(alias);
    // "time_ms >= t AND (time_ms > t OR id > i)" rather than an OR alone, so that an index on
    // (conversation, time_ms) bounds the scan.
    if (after)
        sql += QStringLiteral(" AND %1time_ms >= ? AND (%1time_ms > ? OR %1id > ?)").arg(alias);
    if (before)
        sql += QStringLiteral(" AND %1time_ms <= ? AND (%1time_ms < ? OR %1id < ?)").arg(alias);
    return sql;
}

void HistoryRangeSql::bind(QSqlQuery& query, int& i, const std::optional<HistoryPoint>& after,
                           const std::optional<HistoryPoint>& before)
{
    for (const std::optional<HistoryPoint>& point : {after, before}) {
        if (!point)
            continue;
        query.bindValue(i++, point->timeMs);
        query.bindValue(i++, point->timeMs);
        query.bindValue(i++, point->id);
    }
}

QString HistoryRangeSql::upToConditions(const QString& alias)
{
    // The range before the point's next id in the same millisecond, events and all.
    HistoryQuery everything;
    everything.includeEvents = true;
    return conditions(everything, std::nullopt, HistoryPoint{}, alias);
}

void HistoryRangeSql::bindUpTo(QSqlQuery& query, int& i, const HistoryPoint& last)
{
    bind(query, i, std::nullopt, HistoryPoint{last.timeMs, last.id + 1});
}

#pragma once

#include "history/historystore.h"
#include "storage/database.h"

#include <QSqlQuery>

#include <map>

struct sqlite3_stmt;

// History in the server's SQLite database (tables history, history_targets, read_markers:
// storage/schemamigrations.cpp), through prepared statements on one connection.
class SqliteHistoryStore : public HistoryStore
{
public:
    // The connection name must be unique in the process.
    explicit SqliteHistoryStore(const QString& connectionName);
    ~SqliteHistoryStore() override;

    // Opens (and migrates) the database file; false + errorString().
    bool open(const QString& path);
    Database& database() { return m_database; }
    // Writes fail with "database or disk is full" once the file would pass this size (SQLite's
    // max_page_count, for this connection); 0 or less: no limit. False + errorString().
    bool setMaxSize(qint64 bytes);

    bool append(const std::vector<HistoryRecord>& records) override;
    std::vector<HistoryRecord> find(const HistoryQuery& query) override;
    std::vector<HistoryTarget> targets(const QString& owner, const QStringList& channels,
                                       qint64 fromMs, qint64 toMs, int limit) override;
    std::vector<HistoryRecord> takePending(const QString& owner) override;
    bool restorePending(const QString& owner, const std::vector<qint64>& ids) override;
    int prune(qint64 beforeMs, int maxPerTarget, int batch) override;
    qint64 count() override;
    std::optional<qint64> readMarker(const QString& owner, const QString& target) override;
    std::optional<qint64> setReadMarker(const QString& owner, const QString& target,
                                        qint64 timeMs) override;
    std::vector<ReadMarker> readMarkers() override;
    QString errorString() const override { return m_errorString; }

private:
    // A point in the (time, id) order.
    struct Point
    {
        qint64 timeMs;
        qint64 id;
    };
    enum class Order { Ascending, Descending };

    // The insert of a record, as SQLite's own prepared statement.
    sqlite3_stmt* insertStatement();
    // The query for this SQL text, prepared once.
    QSqlQuery& prepared(const QString& sql);
    bool fail(const QSqlQuery& query);
    // Transactions: false + errorString() on failure; rollback() takes the failed query's error.
    bool begin();
    bool commit();
    bool rollback(const QSqlQuery& query);
    // Where a bound lies: a msgid's record, or a timestamp just before (lower) or after (upper)
    // the records of its millisecond. nullopt: an unknown msgid.
    std::optional<Point> resolve(const HistoryQuery& query, const HistoryQuery::Bound& bound,
                                 bool afterTimestamp);
    // Records strictly after `after` and strictly before `before` (either may be absent), in
    // the order, at most limit; returned ascending.
    std::vector<HistoryRecord> range(const HistoryQuery& query, std::optional<Point> after,
                                     const std::optional<Point>& before, Order order, int limit);

    Database m_database; // declared first: destroyed after the statements
    sqlite3_stmt* m_insert = nullptr;
    // std::map: a reference to one statement stays valid while others are added.
    std::map<QString, QSqlQuery> m_statements;
    QString m_errorString;
};

#pragma once

#include "history/historyrangesql.h"
#include "history/historystore.h"
#include "history/historyviewcache.h"
#include "storage/database.h"

#include <QHash>
#include <QSqlQuery>

#include <limits>
#include <map>
#include <utility>
#include <vector>

// History in the server's database (tables history, history_views, history_pending,
// read_markers: storage/schemamigrations.cpp for SQLite, storage/postgresschema.cpp for
// PostgreSQL), through prepared statements on one connection, the same SQL on both engines.
// Each record is one row in a conversation; readers find it through their view of that
// conversation (see HistoryRecord), kept in memory once looked up. How the rows themselves are
// numbered and written is each engine's (SqliteHistoryStore, PostgresHistoryStore): the one
// part where the same SQL would cost several times as much.
class SqlHistoryStore : public HistoryStore
{
public:
    // The connection name must be unique in the process.
    explicit SqlHistoryStore(const QString& connectionName);
    ~SqlHistoryStore() override;

    // Opens (and migrates) the database; false + errorString().
    virtual bool open(const DatabaseLocation& location);
    Database& database() { return m_database; }

    using HistoryStore::append;
    bool append(const HistoryBatch& batch) override;
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
    bool recoverConnection() override;
    QString errorString() const override { return m_errorString; }

protected:
    // A point in the (time, id) order.
    using Point = HistoryPoint;
    enum class Order { Ascending, Descending };
    // A reader's view of a conversation (a row of history_views).
    using View = HistoryView;

    // A row of history, given its id before it is written (the views and offline marks of the
    // same transaction name it), and written with the rest of its batch.
    struct QueuedRow
    {
        qint64 id;
        qint64 conversation;
        const HistoryRecord* record; // outlives writeRows()
        const QString* account;      // the record's, from its batch
        qint64 msgidNumber;          // msgidNumber(*record), found once for the row
    };
    // Each engine's own way to number and write the rows of one append(), inside its
    // transaction: reserveRowIds() with the number of records first (a private message between
    // views that grew apart takes two rows: nextRowId() may be called more often), nextRowId()
    // for each row, in order, then writeRows() with all of them before the views are touched
    // and the transaction commits. nextRowId() returns 0 + errorString() on failure, the
    // others false + errorString().
    virtual bool reserveRowIds(size_t records) = 0;
    virtual qint64 nextRowId() = 0;
    virtual bool writeRows(const std::vector<QueuedRow>& rows) = 0;
    // Between the last nextRowId() and writeRows(), an engine may give the batch's rows other
    // ids (of the same set) and put them in another order: arrangedId() then says which id a
    // row named by nextRowId() has become (the views and offline marks of the batch are
    // written with it). By default rows keep their ids and order.
    virtual void arrangeRows(std::vector<QueuedRow>& /*rows*/) {}
    virtual qint64 arrangedId(qint64 queuedId) const { return queuedId; }
    // A transaction failed and was rolled back: what an engine kept of it goes.
    virtual void rolledBack() {}

    // Records of the view strictly after `after` and strictly before `before` (either may be
    // absent), of the query's kinds, in the order, at most limit (1 or more); returned in that
    // order. By default through the index of history by (conversation, time_ms).
    virtual std::vector<HistoryRecord> selectRange(const HistoryQuery& query, const View& view,
                                                   const std::optional<Point>& after,
                                                   const std::optional<Point>& before,
                                                   Order order, int limit);
    // Where retention by count cuts a conversation: its rows at or before `last` in (time, id)
    // order go, and none of them has an id above maxId (what an engine may know of them, to
    // find them sooner).
    struct Cut
    {
        Point last;
        qint64 maxId = std::numeric_limits<qint64>::max();
    };
    // Retention by count for one conversation: the cut before its newest keep rows, nullopt
    // when it has no more than keep (or on an error: errorString() is set); then the deletion
    // of at most limit of its rows up to the cut (the number deleted, -1 + errorString() on
    // failure). By default through the index by (conversation, time_ms).
    virtual std::optional<Cut> firstPruned(qint64 conversation, int keep);
    virtual int deleteUpTo(qint64 conversation, const Cut& where, int limit);
    // After retention deleted rows (false + errorString()): by default nothing.
    virtual bool pruned() { return true; }

    // The record of a row of "SELECT id, time_ms, msgid, account, kind, line", read through
    // the view of (owner, target).
    static HistoryRecord recordFrom(const QSqlQuery& query, const QString& owner,
                                    const QString& target);
    // The view's rows within the bounds, sorted by (time, id) in the order, at most limit.
    // source is the SQL from its FROM to its first condition, whose parameters are the view's
    // conversation and first id, viewParameters times over; alias as HistoryRangeSql's.
    std::vector<HistoryRecord> selectSorted(const QString& source, int viewParameters,
                                            const QString& alias, const HistoryQuery& query,
                                            const View& view, const std::optional<Point>& after,
                                            const std::optional<Point>& before, Order order,
                                            int limit);
    // Runs select, whose columns are recordFrom()'s, and appends its records, as the query's
    // reader sees them; false + errorString() on failure.
    bool readRecords(QSqlQuery& select, const HistoryQuery& query,
                     std::vector<HistoryRecord>* records);

    // The view's row of the msgid whose counter (msgidNumber()) is number, in *point (nullopt
    // if there is none); false + errorString() on failure. By default through the index of
    // history by msgid_number.
    virtual bool findByNumber(const View& view, qint64 number, const QString& msgid,
                              std::optional<Point>* point);
    // Runs select, whose columns are a row's time_ms and id, into *point (nullopt: no row);
    // false + errorString() on failure.
    bool pointOf(QSqlQuery& select, std::optional<Point>* point);
    // The msgid's counter, as the column msgid_number keeps it (MessageId::numberOf()); 0 (the
    // column's NULL) when the msgid is not one confabd made, or its counter does not fit.
    static qint64 msgidNumber(const QString& msgid);
    // The same for a record's msgid, read from its messageId when it has one.
    static qint64 msgidNumber(const HistoryRecord& record);
    // The query for this SQL text, prepared once.
    QSqlQuery& prepared(const QString& sql);
    bool fail(const QSqlQuery& query);
    void setErrorString(const QString& error) { m_errorString = error; }

private:
    // The view of (owner, target), if there is one (nullopt on an error too: see errorString()).
    // shared: the strings are a record's, which later records share (HistoryViewCache).
    std::optional<View> findView(const QString& owner, const QString& target, bool shared = false);
    // Adds the view: into the conversation from sinceId on, or (conversation 0) as the start of
    // a new conversation. nullopt + errorString() on failure.
    std::optional<View> addView(const QString& owner, const QString& target, qint64 conversation,
                                qint64 sinceId);
    // Queues a row of the batch: its id, or 0 + errorString().
    qint64 queueRow(const HistoryRecord& record, const QString& account, qint64 conversation);
    // The row ids stored for one record of the batch (0: none for that view); false +
    // errorString().
    bool store(const HistoryBatch& batch, const HistoryRecord& record, qint64* ownerRow,
               qint64* peerRow, QHash<qint64, qint64>* lastTimes);
    // Transactions: false + errorString() on failure; rollback() takes the failed query's error.
    bool begin();
    bool commit();
    bool rollback(const QSqlQuery& query);
    // Rolls back, keeping errorString(); forgets the cached views (the transaction may have
    // added some). Returns false.
    bool rollback();
    // (owner, target): the strings are shared, so a look-up allocates nothing.
    using ViewKey = std::pair<QString, QString>;
    // prune()'s rows, before pruned(): the number deleted, -1 + errorString() on failure.
    int pruneRows(qint64 beforeMs, int maxPerTarget, int batch);
    // selectRange() from the query's earliest time on, returned ascending.
    std::vector<HistoryRecord> range(const HistoryQuery& query, const View& view,
                                     std::optional<Point> after, const std::optional<Point>& before,
                                     Order order, int limit);
    // Where a bound lies: a msgid's record, or a timestamp just before (lower) or after (upper)
    // the records of its millisecond. nullopt: an unknown msgid.
    std::optional<Point> resolve(const View& view, const HistoryQuery::Bound& bound,
                                 bool afterTimestamp);

    Database m_database; // declared first: destroyed after the statements
    // std::map: a reference to one statement stays valid while others are added.
    std::map<QString, QSqlQuery> m_statements;
    // Views looked up or added; emptied when a transaction fails (it may have added some).
    HistoryViewCache m_views;
    std::vector<QueuedRow> m_rows; // the batch's rows, queued by queueRow()
    // Written once the batch's rows have their arranged ids: offline marks (owner, queued row
    // id), and views added to a conversation from a row of the batch on (their since_id).
    std::vector<std::pair<QString, qint64>> m_pendingRows;
    struct SinceRow
    {
        ViewKey key;
        qint64 viewId;
        qint64 queuedId;
    };
    std::vector<SinceRow> m_sinceRows;
    QString m_errorString;
};

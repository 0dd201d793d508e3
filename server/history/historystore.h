#pragma once

#include "history/historybatch.h"
#include "history/historyquery.h"
#include "history/historyrecord.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

// Where history is kept: SqliteHistoryStore on one node, SqlHistoryStore on PostgreSQL for
// several. Every call may block
// on disk: it runs on the history thread (HistoryWorker), never on the event loop. Results are
// always in ascending (time, id) order.
class HistoryStore
{
public:
    virtual ~HistoryStore() = default;

    // Stores the batch's records in one transaction; false + errorString() (disk full,
    // read-only).
    virtual bool append(const HistoryBatch& batch) = 0;
    // The same for records that hold their names themselves.
    bool append(std::vector<HistoryRecord> records)
    {
        return append(HistoryBatch(std::move(records)));
    }
    virtual std::vector<HistoryRecord> find(const HistoryQuery& query) = 0;
    // The owner's private conversations and the given (folded) channels whose last message is
    // strictly between fromMs and toMs (either may be the later), at most limit of them, those
    // closest to fromMs; oldest first.
    virtual std::vector<HistoryTarget> targets(const QString& owner, const QStringList& channels,
                                               qint64 fromMs, qint64 toMs, int limit) = 0;
    // The owner's private messages not yet received, oldest first; they are no longer pending
    // afterwards.
    virtual std::vector<HistoryRecord> takePending(const QString& owner) = 0;
    // Marks the owner's records pending again (taken, but their recipient left before they
    // could be replayed).
    virtual bool restorePending(const QString& owner, const std::vector<qint64>& ids) = 0;
    // Deletes records older than beforeMs and, per conversation, all but the newest
    // maxPerTarget; at most batch rows per call. Returns how many were deleted (-1 on error).
    virtual int prune(qint64 beforeMs, int maxPerTarget, int batch) = 0;
    virtual qint64 count() = 0;
    // What the store takes on disk (SQLite: the file and its log; PostgreSQL: the database).
    virtual qint64 diskBytes() = 0;

    // draft/read-marker: the owner's marker for the target, and setting it (only forward).
    virtual std::optional<qint64> readMarker(const QString& owner, const QString& target) = 0;
    // The marker after the call (the stored one if it was newer); nullopt on error.
    virtual std::optional<qint64> setReadMarker(const QString& owner, const QString& target,
                                                qint64 timeMs) = 0;
    // Every marker (they are few: one per account and conversation), for the cache at start-up.
    virtual std::vector<ReadMarker> readMarkers() = 0;

    // After a failed call: if the connection itself was lost (a PostgreSQL server restarted),
    // opens it again and returns true, so that the call can be made again. False otherwise.
    virtual bool recoverConnection() { return false; }

    virtual QString errorString() const = 0;
};

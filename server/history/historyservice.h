#pragma once

#include "core/crossthreadobject.h"
#include "history/historybatch.h"
#include "history/historyquery.h"
#include "history/historyrecord.h"
#include "history/historyworker.h"
#include "storage/databaselocation.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <optional>
#include <vector>

struct ServerConfig;

// History as the event loop sees it. Records are collected on the loop and written in one
// transaction on the history thread every FlushIntervalMs; queries run on that thread after
// every record collected before them, so a client always finds what it has just seen. Results
// come back as calls on the event loop, in a context object (dropped if it is gone by then).
// Nothing here waits for the disk; a failed write is logged and counted, and live delivery goes
// on regardless.
class HistoryService : public CrossThreadObject
{
    Q_OBJECT

public:
    // Records waiting for the history thread beyond this are dropped (and counted), so a disk
    // that cannot keep up costs a bounded amount of memory. The backlog signal (config
    // historyBacklogRecords) comes long before: the server stops reading from clients then.
    static constexpr int MaxQueuedRecords = 1000000;
    // Records are written at most this long after they were relayed, in one transaction, or at
    // once when this many are waiting. A crash of confabd loses at most the last interval.
    // One batch at most waits for the history thread behind the one being written; what comes
    // in meanwhile goes into the batch after it: under load transactions grow (a commit and its
    // index pages cost far more than a row) instead of queueing up, and the history thread
    // never waits for the loop between two.
    static constexpr int FlushIntervalMs = 20;
    static constexpr int FlushBatchRecords = 5000;
    // Written batches come back emptied and are filled again, so that the loop does not allocate
    // (and move) the records' array anew for each batch: this many, up to this many records'
    // room each. Under load (batches of FlushBatchRecords or more) the arrays a backlog grew are
    // kept too, up to twice the backlog limit: flat out, a batch is just over that limit, and
    // regrowing its array for each batch (each time on fresh pages) took a fifth of the loop's
    // time. The first batch smaller than FlushBatchRecords frees them again.
    static constexpr int SpareBatches = 3;
    static constexpr int MaxSpareBatchRecords = 4 * FlushBatchRecords;

    explicit HistoryService(const ServerConfig& config, QObject* parent = nullptr);
    ~HistoryService() override;

    // Starts the history thread and opens <dataDir>/confabd.sqlite; blocks until done (start-up).
    bool start(QString* error);

    // Collects the record of a line. Its owner, target and account are given apart, as the
    // caller's strings (empty for none), and the record's own fields for them are left null:
    // the batch keeps one copy of each string, not one per record (HistoryBatch).
    void record(HistoryRecord record, const QString& owner, const QString& target,
                const QString& account);

    // What the store holds, for operators (STATS h).
    struct StoreStatus
    {
        qint64 records = 0;
        qint64 fileBytes = 0; // the database file and its write-ahead log
    };
    using StatusHandler = std::function<void(const StoreStatus&)>;
    // Counted on the history thread, after the writes before it.
    void status(QObject* context, StatusHandler handler);
    // Records collected or sent to the history thread and not yet written.
    int queuedCount() const { return m_queued + int(m_collected.size()); }

    using RecordsHandler = std::function<void(const std::vector<HistoryRecord>&)>;
    using TargetsHandler = std::function<void(const std::vector<HistoryTarget>&)>;

    void find(const HistoryQuery& query, QObject* context, RecordsHandler handler);
    void targets(const QString& owner, const QStringList& channels, qint64 fromMs, qint64 toMs,
                 int limit, QObject* context, TargetsHandler handler);
    void takePending(const QString& owner, QObject* context, RecordsHandler handler);
    // The taken records could not be delivered after all: pending again.
    void restorePending(const QString& owner, const std::vector<HistoryRecord>& records);

    // Read markers (draft/read-marker) are kept here in memory as well, read at start-up and
    // written through, so that they are answered at once (before the end of NAMES on a JOIN).
    std::optional<qint64> readMarker(const QString& owner, const QString& target) const;
    // Moves the marker forward (never back); returns the marker after the call.
    qint64 setReadMarker(const QString& owner, const QString& target, qint64 timeMs);

    // Writes what is collected and waits for the history thread to finish everything queued
    // (shutdown, tests, the benchmark's count check).
    void sync();
    // Stored records (waits like sync()).
    qint64 storedCount();
    qint64 droppedCount() const { return m_dropped; }
    qint64 failedWrites() const { return m_failedWrites.load(); }
    qint64 transactionCount() const { return m_transactions; } // record batches sent
    // Record arrays kept for the next batches, and the records they have room for.
    int spareBatchCount() const { return int(m_spare.size()); }
    qint64 spareRecordCapacity() const;

    bool isBacklogged() const { return m_backlogged; }

signals:
    // More records wait for the transaction being written than the backlog limit (true), or
    // they are down to a quarter of it again (false).
    void backlogChanged(bool backlogged);
    // A write failed (disk full, read-only database): the error, once per kind of failure in a row.
    void writeFailed(const QString& error);

private:
    // Sends what is collected to the history thread. Unless forced (a query or read marker
    // must come after it), waits while a batch waits there.
    void flush(bool force = true);
    // Flushes a full batch, or starts the flush timer, unless a batch waits for the history
    // thread.
    void scheduleFlush();
    // The history thread has begun writing a batch, or has written one of size records.
    void started();
    void written(HistoryBatch batch);
    // The room an array kept for the next batches may have: more under load.
    size_t maxSpareCapacity() const;
    void checkBacklog();
    // Runs work(store) on the history thread after everything queued, and handler(result) back
    // here if the context still exists.
    template <typename Result, typename Handler>
    void run(std::function<Result(HistoryStore&)> work, QObject* context, Handler handler);

    DatabaseLocation m_database;
    HistoryWorker::Retention m_retention;
    QThread m_thread;
    HistoryWorker* m_worker = nullptr;
    HistoryBatch m_collected;
    std::vector<HistoryBatch> m_spare;               // emptied batches, to be filled again
    int m_queued = 0;                                // sent to the history thread, not written yet
    int m_waiting = 0; // batches sent that the history thread has not begun
    qint64 m_transactions = 0;
    std::atomic<qint64> m_failedWrites{0};
    qint64 m_dropped = 0;
    QHash<QString, qint64> m_readMarkers; // "owner\ntarget" -> ms
    QString m_lastError;                  // history thread only
    QTimer m_flushTimer;
    int m_backlogLimit;
    bool m_backlogged = false;
    bool m_underLoad = false; // the last batch sent had FlushBatchRecords or more
};

#pragma once

#include "config/serverconfig.h"
#include "core/crossthreadobject.h"
#include "history/historybatch.h"
#include "history/historyquery.h"
#include "history/historyrecord.h"
#include "history/historyworker.h"
#include "storage/databaselocation.h"

#include <QElapsedTimer>
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

// History as the event loop sees it. Records are collected on the loop and written in one
// transaction on the history thread every FlushIntervalMs (or per full batch); queries run on
// that thread after every record collected before them, so a client always finds what it has just
// seen. Results come back as calls on the event loop, in a context object (dropped if it is gone by
// then). Nothing here waits for the disk; a failed write is logged and counted, and live delivery
// goes on regardless.
class HistoryService : public CrossThreadObject
{
    Q_OBJECT

public:
    // Records waiting for the history thread beyond this are dropped (and counted), so a disk
    // that cannot keep up costs a bounded amount of memory. The backlog signal (config
    // historyBacklogRecords) comes long before: the server stops reading from clients then.
    static constexpr int MaxQueuedRecords = 1000000;
    // Records go to the history thread this long after the first of them was collected, in one
    // transaction, or at once when a batch of them is waiting (config historyBatchRecords, or
    // the backlog limit if that is smaller). When BusyRecords or more came in meanwhile, the
    // batch is held until BusyFlushIntervalMs to fill. A crash of confabd loses at most the last
    // interval and the batches being written. One batch at most waits for the history thread
    // behind the one being written; what comes in meanwhile goes into the batch after it, and
    // the history thread never waits for the loop between two. A transaction's own cost (its
    // commit, and a span and a view's time for each conversation in it) is most of the writer's
    // under load: in transactions of 16 384 private messages between 1 000 accounts the writer
    // took 0.81 us a message, in 65 536 0.61 us (confab-writerbench). Batches used to go at 5 000
    // records or 20 ms: flat out, they stayed at about 16 000 (what came in while one was
    // written), and the writer then took as much of the cores as the loop would give it. A
    // quiet server still writes within FlushIntervalMs, which other nodes of a cluster reading
    // the same database see.
    static constexpr int FlushIntervalMs = ServerDefaults::HistoryFlushIntervalMs;
    static constexpr int BusyFlushIntervalMs = ServerDefaults::HistoryBusyFlushIntervalMs;
    static constexpr int BusyRecords = 5000;
    // Written batches come back emptied and are filled again, so that the loop does not allocate
    // (and move) the records' array anew for each batch: this many, up to this many records'
    // room each. Under load (full batches) the arrays a load grew are kept too, up to twice the
    // backlog limit or the batch size: regrowing a batch's array for each batch (each time on
    // fresh pages) took a fifth of the loop's time. The first batch that is not full frees them
    // again.
    static constexpr int SpareBatches = 3;
    static constexpr int MaxSpareBatchRecords = 20000;

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
    // The flush timer: flushes, or holds a busy server's batch until BusyFlushIntervalMs.
    void flushDue();
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
    QElapsedTimer m_collectedSince; // since the first record of m_collected
    int m_backlogLimit;
    // A full batch: config historyBatchRecords, or the backlog limit if that is smaller (a
    // backlog goes to the history thread at once, not after FlushIntervalMs).
    int m_batchRecords;
    bool m_backlogged = false;
    bool m_underLoad = false; // the last batch sent was full (m_batchRecords or more)
};

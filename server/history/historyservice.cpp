#include "history/historyservice.h"

#include "config/serverconfig.h"
#include "serverlogging.h"
#include "storage/database.h"

#include <QTimer>

#include <algorithm>

namespace {

QString markerKey(const QString& owner, const QString& target)
{
    return owner + u'\n' + target;
}

} // namespace

HistoryService::HistoryService(const ServerConfig& config, QObject* parent)
    : CrossThreadObject(parent),
      m_database(DatabaseLocation::resolve(config.dataDir, config.databaseUrl)),
      m_retention({qint64(config.historyMaxAgeDays) * 24 * 3600 * 1000, config.historyMaxPerTarget,
                   config.historyPruneIntervalMs, config.historyMaxBytes}),
      m_backlogLimit(config.historyBacklogRecords),
      m_batchRecords(std::max(1, std::min(config.historyBatchRecords, m_backlogLimit)))
{
    m_thread.setObjectName(QStringLiteral("confabd-history"));
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &HistoryService::flushDue);
}

HistoryService::~HistoryService()
{
    if (m_thread.isRunning()) {
        // Everything queued is written first: quit() alone can end the thread's loop before it
        // has run the events posted just before it.
        sync();
        m_thread.quit();
        m_thread.wait(); // the worker is deleted in its thread (finished -> deleteLater)
    }
}

bool HistoryService::start(QString* error)
{
    if (m_worker)
        return true;
    auto* worker = new HistoryWorker(m_database, m_retention);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
    bool opened = false;
    std::vector<ReadMarker> markers;
    postAndWait(worker, [worker, &opened, &markers, error] {
        opened = worker->open(error);
        if (opened)
            markers = worker->store().readMarkers();
    });
    if (!opened) {
        m_thread.quit();
        m_thread.wait();
        return false;
    }
    m_worker = worker;
    for (const ReadMarker& marker : markers)
        m_readMarkers.insert(markerKey(marker.owner, marker.target), marker.timeMs);
    qCInfo(lcHistory) << "history store" << m_database.describe() << "open," << markers.size()
                      << "read markers";
    return true;
}

void HistoryService::record(HistoryRecord record, const QString& owner, const QString& target,
                            const QString& account)
{
    if (!m_worker)
        return;
    if (m_queued + int(m_collected.size()) >= MaxQueuedRecords) {
        if (m_dropped++ % 10000 == 0)
            qCWarning(lcHistory) << "history writes are behind by" << MaxQueuedRecords
                                 << "records; dropping (" << m_dropped << "so far)";
        return;
    }
    if (m_collected.empty())
        m_collectedSince.start();
    m_collected.add(std::move(record), owner, target, account);
    // One transaction per FlushIntervalMs (a transaction costs far more than a row), sooner for
    // a full batch; a query flushes first.
    scheduleFlush();
    if (int(m_collected.size()) >= m_backlogLimit && !m_backlogged)
        checkBacklog();
}

void HistoryService::scheduleFlush()
{
    // While a batch waits for the history thread, started() comes back here when it is taken.
    if (m_waiting > 0 || m_collected.empty())
        return;
    if (int(m_collected.size()) >= m_batchRecords)
        flush(false);
    else if (!m_flushTimer.isActive())
        m_flushTimer.start(FlushIntervalMs);
}

void HistoryService::flushDue()
{
    if (int(m_collected.size()) >= BusyRecords) {
        const qint64 left = BusyFlushIntervalMs - m_collectedSince.elapsed();
        if (left > 0) {
            m_flushTimer.start(int(left));
            return;
        }
    }
    flush(false);
}

void HistoryService::flush(bool force)
{
    m_flushTimer.stop();
    if (m_collected.empty() || !m_worker || (m_waiting > 0 && !force))
        return;
    HistoryBatch batch;
    std::swap(batch, m_collected);
    const int size = int(batch.size());
    m_underLoad = size >= m_batchRecords;
    if (!m_underLoad) {
        // The load has gone: the large arrays it grew go too.
        const size_t most = maxSpareCapacity();
        m_spare.erase(
            std::remove_if(m_spare.begin(), m_spare.end(),
                           [most](const HistoryBatch& spare) { return spare.capacity() > most; }),
            m_spare.end());
    }
    if (!m_spare.empty()) {
        std::swap(m_collected, m_spare.back());
        m_spare.pop_back();
    } else {
        // The next batch is likely as large: fewer regrowths (each moves every record).
        m_collected.reserve(size_t(std::min(size, m_batchRecords)));
    }
    m_queued += size;
    ++m_waiting;
    ++m_transactions;
    checkBacklog();
    HistoryWorker* worker = m_worker;
    post(worker, [this, worker, batch = std::move(batch), size]() mutable {
        // The next batch can be sent now, to wait behind this one: the history thread goes
        // on with it as soon as this one is written, instead of waiting for the loop.
        post(this, [this] { started(); });
        // A batch that failed because PostgreSQL restarted is written again on the new
        // connection: nothing accepted is lost to a database restart.
        if (worker->store().append(batch) ||
            (worker->store().recoverConnection() && worker->store().append(batch))) {
            m_lastError.clear();
        } else {
            m_failedWrites.fetch_add(size);
            const QString error = worker->store().errorString();
            if (error != m_lastError) {
                m_lastError = error;
                qCCritical(lcHistory).noquote()
                    << "cannot store history (" << size << "records lost):" << error;
                post(this, [this, error] { emit writeFailed(error); });
            }
        }
        // The records go back to be freed on the loop, whose allocator they came from:
        // freeing them here took 13 % of this thread's time when it was the limit.
        post(this, [this, done = std::move(batch)]() mutable { written(std::move(done)); });
    });
}

void HistoryService::started()
{
    --m_waiting;
    // What came in while the batch waited goes next, in one: at once if it is a batch already.
    scheduleFlush();
    checkBacklog();
}

void HistoryService::written(HistoryBatch batch)
{
    m_queued -= int(batch.size());
    batch.clear(); // keeps its room
    if (int(m_spare.size()) < SpareBatches && batch.capacity() <= maxSpareCapacity())
        m_spare.push_back(std::move(batch));
}

size_t HistoryService::maxSpareCapacity() const
{
    return size_t(m_underLoad ? std::max({MaxSpareBatchRecords, 2 * m_backlogLimit, m_batchRecords})
                              : MaxSpareBatchRecords);
}

qint64 HistoryService::spareRecordCapacity() const
{
    qint64 capacity = 0;
    for (const HistoryBatch& batch : m_spare)
        capacity += qint64(batch.capacity());
    return capacity;
}

void HistoryService::checkBacklog()
{
    // What the loop has collected (the history thread writes one batch, a second waits behind
    // it, the loop collects a third). Past the limit the loop stops reading clients until the
    // writer takes a batch, so at most about three times the limit is unwritten.
    const int waiting = int(m_collected.size());
    const bool backlogged = m_backlogged ? waiting > m_backlogLimit / 4 : waiting >= m_backlogLimit;
    if (backlogged == m_backlogged)
        return;
    m_backlogged = backlogged;
    emit backlogChanged(backlogged);
}

template <typename Result, typename Handler>
void HistoryService::run(std::function<Result(HistoryStore&)> work, QObject* context,
                         Handler handler)
{
    QPointer<QObject> target(context);
    if (!m_worker) {
        post(this, [target, handler] {
            if (target)
                handler(Result());
        });
        return;
    }
    flush(); // the query sees every record collected before it
    HistoryWorker* worker = m_worker;
    post(worker, [this, worker, work, target, handler] {
        Result result = work(worker->store());
        if (worker->store().recoverConnection()) // PostgreSQL came back: ask again
            result = work(worker->store());
        post(this, [target, handler, result = std::move(result)] {
            if (target)
                handler(result);
        });
    });
}

void HistoryService::find(const HistoryQuery& query, QObject* context, RecordsHandler handler)
{
    run<std::vector<HistoryRecord>>([query](HistoryStore& store) { return store.find(query); },
                                    context, std::move(handler));
}

void HistoryService::targets(const QString& owner, const QStringList& channels, qint64 fromMs,
                             qint64 toMs, int limit, QObject* context, TargetsHandler handler)
{
    run<std::vector<HistoryTarget>>(
        [=](HistoryStore& store) { return store.targets(owner, channels, fromMs, toMs, limit); },
        context, std::move(handler));
}

void HistoryService::takePending(const QString& owner, QObject* context, RecordsHandler handler)
{
    run<std::vector<HistoryRecord>>(
        [owner](HistoryStore& store) { return store.takePending(owner); }, context,
        std::move(handler));
}

void HistoryService::status(QObject* context, StatusHandler handler)
{
    run<StoreStatus>(
        [](HistoryStore& store) {
            StoreStatus status;
            status.records = store.count();
            status.fileBytes = store.diskBytes();
            return status;
        },
        context, std::move(handler));
}

std::optional<qint64> HistoryService::readMarker(const QString& owner, const QString& target) const
{
    const auto it = m_readMarkers.constFind(markerKey(owner, target));
    if (it == m_readMarkers.cend())
        return std::nullopt;
    return it.value();
}

qint64 HistoryService::setReadMarker(const QString& owner, const QString& target, qint64 timeMs)
{
    const QString key = markerKey(owner, target);
    const auto it = m_readMarkers.constFind(key);
    if (it != m_readMarkers.cend() && timeMs <= it.value())
        return it.value();
    m_readMarkers.insert(key, timeMs);
    if (m_worker) {
        flush(); // in order with the records before it
        HistoryWorker* worker = m_worker;
        post(worker, [worker, owner, target, timeMs] {
            if (!worker->store().setReadMarker(owner, target, timeMs))
                qCWarning(lcHistory).noquote()
                    << "cannot store a read marker:" << worker->store().errorString();
        });
    }
    return timeMs;
}

void HistoryService::restorePending(const QString& owner, const std::vector<HistoryRecord>& records)
{
    if (!m_worker || records.empty())
        return;
    std::vector<qint64> ids;
    ids.reserve(records.size());
    for (const HistoryRecord& record : records)
        ids.push_back(record.id);
    HistoryWorker* worker = m_worker;
    post(worker, [worker, owner, ids] {
        if (!worker->store().restorePending(owner, ids))
            qCWarning(lcHistory).noquote()
                << "cannot mark offline messages pending again:" << worker->store().errorString();
    });
}

void HistoryService::sync()
{
    if (!m_worker)
        return;
    flush();
    postAndWait(m_worker, [] {});
}

qint64 HistoryService::storedCount()
{
    if (!m_worker)
        return 0;
    flush();
    qint64 count = 0;
    HistoryWorker* worker = m_worker;
    postAndWait(worker, [worker, &count] { count = worker->store().count(); });
    return count;
}

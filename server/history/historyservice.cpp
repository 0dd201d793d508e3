#include "history/historyservice.h"

#include "config/serverconfig.h"
#include "serverlogging.h"
#include "storage/database.h"

HistoryService::HistoryService(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_databasePath(config.dataDir + u'/' + Database::fileName()),
      m_retention({qint64(config.historyMaxAgeDays) * 24 * 3600 * 1000,
                   config.historyMaxPerTarget, config.historyPruneIntervalMs})
{
    m_thread.setObjectName(QStringLiteral("confabd-history"));
}

HistoryService::~HistoryService()
{
    if (m_thread.isRunning()) {
        // Waits for every batch already queued: quit() alone would end the thread's loop after
        // the batch it is writing, and drop the ones queued behind it with the worker.
        sync();
        m_thread.quit();
        m_thread.wait(); // the worker is deleted in its thread (finished -> deleteLater)
    }
}

bool HistoryService::start(QString* error)
{
    if (m_worker)
        return true;
    auto* worker = new HistoryWorker(m_databasePath, m_retention);
    worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, worker, &QObject::deleteLater);
    m_thread.start();
    bool opened = false;
    QMetaObject::invokeMethod(
        worker, [worker, &opened, error] { opened = worker->open(error); },
        Qt::BlockingQueuedConnection);
    if (!opened) {
        m_thread.quit();
        m_thread.wait();
        return false;
    }
    m_worker = worker;
    qCInfo(lcHistory) << "history store" << m_databasePath << "open";
    return true;
}

void HistoryService::record(HistoryRecord record)
{
    if (!m_worker)
        return;
    if (m_queued.load(std::memory_order_relaxed) + int(m_collected.size()) >= MaxQueuedRecords) {
        if (m_dropped++ % 10000 == 0)
            qCWarning(lcHistory) << "history writes are behind by" << MaxQueuedRecords
                                 << "records; dropping (" << m_dropped << "so far)";
        return;
    }
    m_collected.push_back(std::move(record));
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        // After everything already queued on the loop: one transaction per loop pass.
        QMetaObject::invokeMethod(this, &HistoryService::flush, Qt::QueuedConnection);
    }
}

void HistoryService::flush()
{
    m_flushScheduled = false;
    if (m_collected.empty() || !m_worker)
        return;
    std::vector<HistoryRecord> batch;
    batch.swap(m_collected);
    const int size = int(batch.size());
    m_queued.fetch_add(size, std::memory_order_relaxed);
    HistoryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, batch = std::move(batch), size] {
            if (worker->store().append(batch)) {
                m_lastError.clear();
            } else {
                m_failedWrites.fetch_add(size);
                const QString error = worker->store().errorString();
                if (error != m_lastError) {
                    m_lastError = error;
                    qCCritical(lcHistory).noquote()
                        << "cannot store history (" << size << "records lost):" << error;
                    QMetaObject::invokeMethod(
                        this, [this, error] { emit writeFailed(error); }, Qt::QueuedConnection);
                }
            }
            m_queued.fetch_sub(size, std::memory_order_relaxed);
        },
        Qt::QueuedConnection);
}

template<typename Result, typename Handler>
void HistoryService::run(std::function<Result(HistoryStore&)> work, QObject* context,
                         Handler handler)
{
    QPointer<QObject> target(context);
    if (!m_worker) {
        QMetaObject::invokeMethod(
            this,
            [target, handler] {
                if (target)
                    handler(Result());
            },
            Qt::QueuedConnection);
        return;
    }
    flush(); // the query sees every record collected before it
    HistoryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [this, worker, work, target, handler] {
            Result result = work(worker->store());
            QMetaObject::invokeMethod(
                this,
                [target, handler, result = std::move(result)] {
                    if (target)
                        handler(result);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
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

void HistoryService::readMarker(const QString& owner, const QString& target, QObject* context,
                                MarkerHandler handler)
{
    run<std::optional<qint64>>(
        [owner, target](HistoryStore& store) { return store.readMarker(owner, target); },
        context, std::move(handler));
}

void HistoryService::setReadMarker(const QString& owner, const QString& target, qint64 timeMs,
                                   QObject* context, MarkerHandler handler)
{
    run<std::optional<qint64>>(
        [owner, target, timeMs](HistoryStore& store) {
            return store.setReadMarker(owner, target, timeMs);
        },
        context, std::move(handler));
}

void HistoryService::sync()
{
    if (!m_worker)
        return;
    flush();
    QMetaObject::invokeMethod(m_worker, [] {}, Qt::BlockingQueuedConnection);
}

qint64 HistoryService::storedCount()
{
    if (!m_worker)
        return 0;
    flush();
    qint64 count = 0;
    HistoryWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, &count] { count = worker->store().count(); },
        Qt::BlockingQueuedConnection);
    return count;
}

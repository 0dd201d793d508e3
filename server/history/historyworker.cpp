#include "history/historyworker.h"

#include "history/postgreshistorystore.h"
#include "serverlogging.h"

#include <QDateTime>
#include <QTimer>

namespace {
constexpr int PruneSliceRows = 2000; // rows deleted per transaction when pruning
}

HistoryWorker::HistoryWorker(const DatabaseLocation& database, const Retention& retention)
    : m_database(database), m_retention(retention)
{
}

HistoryWorker::~HistoryWorker() = default;

bool HistoryWorker::open(QString* error)
{
    // Unique in the process: tests run two servers (two nodes) in one.
    const QString connection = QStringLiteral("confabd-history-%1").arg(quintptr(this), 0, 16);
    if (m_database.isSqlite()) {
        auto store = std::make_unique<SqliteHistoryStore>(connection);
        if (!store->open(m_database) || !store->setMaxSize(m_retention.maxDatabaseBytes)) {
            *error = store->errorString();
            return false;
        }
        m_store = std::move(store);
    } else {
        m_store = std::make_unique<PostgresHistoryStore>(connection);
        if (!m_store->open(m_database)) {
            *error = m_store->errorString();
            return false;
        }
        if (m_retention.maxDatabaseBytes > 0)
            qCWarning(lcHistory) << "the history size limit applies to SQLite only: on"
                                    " PostgreSQL, the database's own disk quota is the limit";
    }
    if ((m_retention.maxAgeMs > 0 || m_retention.maxPerTarget > 0) &&
        m_retention.pruneIntervalMs > 0) {
        auto* timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, &HistoryWorker::pruneSlice);
        timer->start(m_retention.pruneIntervalMs);
    }
    return true;
}

int HistoryWorker::prune(qint64 nowMs)
{
    int total = 0;
    for (;;) {
        const int deleted = pruneOnce(nowMs);
        if (deleted <= 0)
            break;
        total += deleted;
        if (deleted < PruneSliceRows)
            break;
    }
    return total;
}

int HistoryWorker::pruneOnce(qint64 nowMs)
{
    const qint64 before = m_retention.maxAgeMs > 0 ? nowMs - m_retention.maxAgeMs : 0;
    const int deleted = m_store->prune(before, m_retention.maxPerTarget, PruneSliceRows);
    if (deleted < 0)
        qCWarning(lcHistory).noquote() << "pruning history failed:" << m_store->errorString();
    else if (deleted > 0)
        qCInfo(lcHistory) << "history pruned:" << deleted << "records";
    return deleted;
}

void HistoryWorker::pruneSlice()
{
    // One slice per turn of this thread's loop, so that writes and queries queued meanwhile run
    // between slices.
    if (pruneOnce(QDateTime::currentMSecsSinceEpoch()) == PruneSliceRows)
        QMetaObject::invokeMethod(this, &HistoryWorker::pruneSlice, Qt::QueuedConnection);
}

#include "layoutbench.h"

#include "history/sqlitehistorystore.h"
#include "history/walcheckpointer.h"
#include "routing/messageidgenerator.h"
#include "storage/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <ctime>
#include <memory>
#include <random>

namespace {

// As Database::openSqlite() and SqliteHistoryStore::open() set up the history connection.
QByteArray pragmas()
{
    return "PRAGMA page_size=" + QByteArray::number(Database::SqlitePageBytes) +
           "; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-" +
           QByteArray::number(SqliteHistoryStore::CacheKiB) + "; PRAGMA mmap_size=" +
           QByteArray::number(SqliteHistoryStore::MemoryMapBytes) +
           "; PRAGMA journal_size_limit=" +
           QByteArray::number(SqliteHistoryStore::WalSizeLimitBytes);
}
// Messages accepted per millisecond: the flat-out rate's order of magnitude.
constexpr qint64 MessagesPerMs = 400;

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

int walCommitted(void* checkpointer, sqlite3* db, const char* name, int frames)
{
    static_cast<WalCheckpointer*>(checkpointer)
        ->afterCommit(db, name, frames,
                      SqliteHistoryStore::checkpointPagesFor(Database::SqlitePageBytes));
    return SQLITE_OK;
}

// Closes the connection, whatever happens.
struct Connection
{
    sqlite3* db = nullptr;
    ~Connection() { sqlite3_close(db); }
};

} // namespace

bool LayoutBench::run(HistoryLayout& layout, Result* result)
{
    const QString path = QDir(m_config.directory).filePath(layout.name() + QStringLiteral(".sqlite"));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    const QByteArray file = QFile::encodeName(path);
    Connection connection;
    if (sqlite3_open(file.constData(), &connection.db) != SQLITE_OK ||
        sqlite3_exec(connection.db, pragmas().constData(), nullptr, nullptr, nullptr) != SQLITE_OK ||
        !layout.createSchema(connection.db)) {
        m_errorString = layout.errorString().isEmpty()
                            ? QString::fromUtf8(sqlite3_errmsg(connection.db))
                            : layout.errorString();
        layout.finish();
        return false;
    }
    auto checkpointer = std::make_unique<WalCheckpointer>(file);
    sqlite3_wal_hook(connection.db, &walCommitted, checkpointer.get());

    std::mt19937 random(1);
    std::uniform_int_distribution<int> pickConversation(0, m_config.conversations - 1);
    MessageIdGenerator ids;
    const qint64 startMs = 1760000000000;
    std::vector<SyntheticRow> batch(size_t(m_config.batchRows));
    for (SyntheticRow& row : batch)
        row.line.reserve(m_config.lineBytes);

    // Only the transactions are timed: making the rows is the event loop's work in confabd.
    QElapsedTimer wall;
    qint64 wallNs = 0;
    double cpuSeconds = 0;
    bool ok = true;
    for (qint64 written = 0; ok && written < m_config.rows;) {
        const size_t size = size_t(std::min<qint64>(m_config.batchRows, m_config.rows - written));
        batch.resize(size);
        for (size_t i = 0; i < size; ++i) {
            SyntheticRow& row = batch[i];
            const qint64 n = written + qint64(i);
            const int pair = pickConversation(random);
            const int sender = 2 * pair + int(n % 2);
            const MessageId id = ids.next();
            row.id = n + 1;
            row.conversation = pair + 1;
            row.timeMs = startMs + n / MessagesPerMs;
            row.msgidNumber = id.number();
            row.msgid = id.toString().toLatin1();
            row.account = QByteArrayLiteral("benchacct") + QByteArray::number(sender);
            row.line = QByteArrayLiteral("PRIVMSG benchacct") + QByteArray::number(sender ^ 1) +
                       " :" + QByteArray::number(n);
            row.line += QByteArray(std::max<qsizetype>(0, m_config.lineBytes - row.line.size()), 'x');
        }
        wall.start();
        const double cpuBefore = threadCpuSeconds();
        ok = sqlite3_exec(connection.db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) ==
                 SQLITE_OK &&
             layout.writeBatch(connection.db, batch) &&
             sqlite3_exec(connection.db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
        cpuSeconds += threadCpuSeconds() - cpuBefore;
        wallNs += wall.nsecsElapsed();
        written += qint64(size);
    }
    result->writerCpuSeconds = cpuSeconds;
    result->wallSeconds = double(wallNs) * 1e-9;
    ok = ok && layout.check(connection.db, m_config.rows);
    if (!ok) {
        m_errorString = layout.errorString().isEmpty()
                            ? QString::fromUtf8(sqlite3_errmsg(connection.db))
                            : layout.errorString();
    }
    checkpointer.reset();
    layout.finish();
    sqlite3_wal_checkpoint_v2(connection.db, nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr,
                              nullptr);
    result->databaseBytes = QFileInfo(path).size();
    sqlite3_close(connection.db);
    connection.db = nullptr;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return ok;
}

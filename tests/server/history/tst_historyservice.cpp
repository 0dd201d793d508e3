// HistoryService with a real ServerConfig and data directory: records reach the history thread's
// store before any query made after them (without sync()), results come back on the caller's
// thread through a context object and not at all once it is gone, and a failing write is
// reported once per failure in a row while the service goes on answering.
//
// max_page_count, the way tst_SqliteHistoryStore fills the database, is a setting of one
// connection, and the service's connection lives on its own thread out of the test's reach; so
// the writes here fail through a trigger another connection puts on the table.
#include "history/historyservice.h"

#include "config/serverconfig.h"
#include "eventwait.h"
#include "history/sqlitehistorystore.h"
#include "servertestmain.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <utility>

class tst_HistoryService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void startOpensTheDataDirectory();
    void findSeesEveryEarlierRecord();
    void resultsArriveOnTheCallersThread();
    void noResultOnceTheContextIsGone();
    void storedCount();
    void shutdownKeepsWhatWasRecorded();
    void targetsPendingAndMarkers();
    void readMarkersCachedAndStored();
    void backlogSignalled();
    void recordsWaitForTheTransactionBeingWritten();
    void aBatchIsHeldUntilFullOrDue();
    void aBacklogGoesAtOnce();
    void nextBatchWaitsBehindTheOneBeingWritten();
    void writtenBatchesAreFilledAgain();
    void writeFailedOncePerFailure();
    void startFails();

private:
    // Runs find() and waits for its result.
    std::vector<HistoryRecord> findNow(const HistoryQuery& query);

    std::unique_ptr<QTemporaryDir> m_dir;
    ServerConfig m_config;
    std::unique_ptr<HistoryService> m_service;
};

namespace {

constexpr int TestBatchRecords = 5000;

const QString Channel = QStringLiteral("#chan");

HistoryRecord message(const QString& target, qint64 timeMs, const QString& msgid)
{
    HistoryRecord record; // as HistoryCommands makes a channel's: no owner
    record.target = target;
    record.timeMs = timeMs;
    record.msgid = msgid;
    record.setLine("PRIVMSG " + target.toUtf8() + " :" + msgid.toUtf8());
    return record;
}

// Records as HistoryCommands gives them: the names apart, the record's own fields for them null.
void recordIn(HistoryService& service, HistoryRecord record)
{
    const QString owner = std::exchange(record.owner, QString());
    const QString target = std::exchange(record.target, QString());
    const QString account = std::exchange(record.account, QString());
    service.record(std::move(record), owner, target, account);
}

HistoryQuery latestOf(const QString& owner, const QString& target, int limit = 1000)
{
    HistoryQuery query;
    query.owner = owner;
    query.target = target;
    query.direction = HistoryQuery::Direction::Latest;
    query.limit = limit;
    return query;
}

QStringList msgids(const std::vector<HistoryRecord>& records)
{
    QStringList ids;
    for (const HistoryRecord& record : records)
        ids.append(record.msgid);
    return ids;
}

} // namespace

void tst_HistoryService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_config = ServerConfig();
    m_config.dataDir = m_dir->path();
    // Smaller batches than confabd's, so that the tests of full batches stay quick.
    m_config.historyBatchRecords = TestBatchRecords;
    m_service = std::make_unique<HistoryService>(m_config);
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
}

void tst_HistoryService::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

std::vector<HistoryRecord> tst_HistoryService::findNow(const HistoryQuery& query)
{
    bool done = false;
    std::vector<HistoryRecord> result;
    m_service->find(query, this, [&](const std::vector<HistoryRecord>& records) {
        result = records;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        qWarning("find() never answered");
    return result;
}

void tst_HistoryService::startOpensTheDataDirectory()
{
    QVERIFY(QFileInfo::exists(m_dir->filePath(Database::fileName())));
    QCOMPARE(m_service->storedCount(), 0);
    QString error;
    QVERIFY(m_service->start(&error)); // a second start is a no-op
}

void tst_HistoryService::findSeesEveryEarlierRecord()
{
    // Queries issued straight after the records, with no turn of the event loop in between:
    // each sees exactly what was recorded before it.
    for (int i = 0; i < 50; ++i)
        recordIn(*m_service, message(Channel, 1000 + i, QStringLiteral("a%1").arg(i)));
    std::vector<HistoryRecord> first;
    std::vector<HistoryRecord> second;
    QStringList order;
    m_service->find(latestOf(QString(), Channel), this,
                    [&](const std::vector<HistoryRecord>& records) {
                        first = records;
                        order.append(QStringLiteral("first"));
                    });
    for (int i = 0; i < 10; ++i)
        recordIn(*m_service, message(Channel, 2000 + i, QStringLiteral("b%1").arg(i)));
    m_service->find(latestOf(QString(), Channel), this,
                    [&](const std::vector<HistoryRecord>& records) {
                        second = records;
                        order.append(QStringLiteral("second"));
                    });
    QTRY_COMPARE(order, QStringList({QStringLiteral("first"), QStringLiteral("second")}));
    QCOMPARE(first.size(), size_t(50));
    QCOMPARE(second.size(), size_t(60));
    for (int i = 0; i < 50; ++i) {
        QCOMPARE(first[size_t(i)].msgid, QStringLiteral("a%1").arg(i));
        QCOMPARE(first[size_t(i)].timeMs, 1000 + i);
    }
    QCOMPARE(second.back().msgid, QStringLiteral("b9"));
    QCOMPARE(m_service->failedWrites(), 0);
    QCOMPARE(m_service->droppedCount(), 0);
}

void tst_HistoryService::resultsArriveOnTheCallersThread()
{
    recordIn(*m_service, message(Channel, 1, QStringLiteral("m1")));
    bool called = false;
    QThread* thread = nullptr;
    m_service->find(latestOf(QString(), Channel), this,
                    [&](const std::vector<HistoryRecord>& records) {
                        called = true;
                        thread = QThread::currentThread();
                        QCOMPARE(records.size(), size_t(1));
                    });
    QVERIFY(!called); // never from inside the call
    QTRY_VERIFY(called);
    QCOMPARE(thread, QThread::currentThread());
    QCOMPARE(thread, this->thread());
}

void tst_HistoryService::noResultOnceTheContextIsGone()
{
    recordIn(*m_service, message(Channel, 1, QStringLiteral("m1")));
    auto* context = new QObject;
    bool called = false;
    m_service->find(latestOf(QString(), Channel), context,
                    [&](const std::vector<HistoryRecord>&) { called = true; });
    delete context;
    // A later query's result comes back after theirs would have.
    QCOMPARE(msgids(findNow(latestOf(QString(), Channel))), QStringList(QStringLiteral("m1")));
    QVERIFY(!called);
}

void tst_HistoryService::storedCount()
{
    for (int i = 0; i < 123; ++i)
        recordIn(*m_service,
                 message(i % 2 ? Channel : QStringLiteral("#b"), i, QString::number(i)));
    QCOMPARE(m_service->storedCount(), 123); // waits for the writes, no sync() needed
    recordIn(*m_service, message(Channel, 1000, QStringLiteral("late")));
    QCOMPARE(m_service->storedCount(), 124);
}

void tst_HistoryService::shutdownKeepsWhatWasRecorded()
{
    // Recorded, never flushed by a query or sync(): the service's destruction writes it. Losing
    // it was a race with the history thread's quit, so the round is repeated.
    m_service.reset();
    for (int round = 1; round <= 20; ++round) {
        {
            HistoryService service(m_config);
            QString error;
            QVERIFY2(service.start(&error), qPrintable(error));
            for (int i = 0; i < 10; ++i)
                recordIn(service, message(Channel, round * 100 + i, QString::number(i)));
        }
        SqliteHistoryStore store(QStringLiteral("tst-historyservice-check"));
        QVERIFY2(store.open(m_dir->filePath(Database::fileName())),
                 qPrintable(store.errorString()));
        QCOMPARE(store.count(), round * 10);
    }
}

void tst_HistoryService::targetsPendingAndMarkers()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    HistoryRecord toBob = message(bob, 300, QStringLiteral("p1"));
    toBob.owner = alice;
    HistoryRecord fromAlice = message(alice, 300, QStringLiteral("p1"));
    fromAlice.owner = bob;
    fromAlice.pending = true;
    recordIn(*m_service, message(Channel, 100, QStringLiteral("c1")));
    recordIn(*m_service, toBob);
    recordIn(*m_service, fromAlice);

    std::vector<HistoryTarget> targets;
    std::vector<HistoryRecord> pending;
    int answers = 0;
    m_service->targets(alice, {Channel}, 0, 1000, 10, this,
                       [&](const std::vector<HistoryTarget>& found) {
                           targets = found;
                           ++answers;
                       });
    m_service->takePending(bob, this, [&](const std::vector<HistoryRecord>& found) {
        pending = found;
        ++answers;
    });
    QTRY_COMPARE(answers, 2);
    QCOMPARE(targets.size(), size_t(2));
    QCOMPARE(targets[0].target, Channel);
    QCOMPARE(targets[0].lastMs, 100);
    QCOMPARE(targets[1].target, bob);
    QCOMPARE(targets[1].lastMs, 300);
    QCOMPARE(msgids(pending), QStringList(QStringLiteral("p1")));
    QCOMPARE(pending[0].owner, bob);
    const std::vector<HistoryRecord> taken = pending;

    m_service->takePending(bob, this, [&](const std::vector<HistoryRecord>& found) {
        pending = found;
        ++answers;
    });
    QTRY_COMPARE(answers, 3);
    QVERIFY(pending.empty());
    // Taken, but the recipient left before the replay: pending again, taken once more later.
    m_service->restorePending(bob, taken);
    QVERIFY(pending.empty());
    m_service->takePending(bob, this, [&](const std::vector<HistoryRecord>& found) {
        pending = found;
        ++answers;
    });
    QTRY_COMPARE(answers, 4);
    QCOMPARE(msgids(pending), QStringList(QStringLiteral("p1")));
}

void tst_HistoryService::readMarkersCachedAndStored()
{
    const QString alice = QStringLiteral("alice");
    QCOMPARE(m_service->readMarker(alice, Channel), std::nullopt);
    QCOMPARE(m_service->setReadMarker(alice, Channel, 100), 100);
    QCOMPARE(m_service->setReadMarker(alice, Channel, 50), 100); // never back
    QCOMPARE(m_service->readMarker(alice, Channel), std::optional<qint64>(100));
    QCOMPARE(m_service->readMarker(QStringLiteral("bob"), Channel), std::nullopt);
    // Written through: a new service reads it back at start-up.
    m_service.reset();
    HistoryService again(m_config);
    QString error;
    QVERIFY2(again.start(&error), qPrintable(error));
    QCOMPARE(again.readMarker(alice, Channel), std::optional<qint64>(100));
}

void tst_HistoryService::backlogSignalled()
{
    m_service.reset();
    m_config.historyBacklogRecords = 100;
    HistoryService service(m_config);
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    QSignalSpy backlog(&service, &HistoryService::backlogChanged);
    // 500 records in one pass of the loop: more than the limit wait for the thread at once.
    for (int i = 0; i < 500; ++i)
        recordIn(service, message(Channel, i, QString::number(i)));
    QTRY_COMPARE(backlog.size(), 2); // on, then off once written
    QCOMPARE(backlog.at(0).at(0).toBool(), true);
    QCOMPARE(backlog.at(1).at(0).toBool(), false);
    QVERIFY(!service.isBacklogged());
    QCOMPARE(service.storedCount(), 500);
    QCOMPARE(service.droppedCount(), 0);
    // A trickle stays below the limit: no signal.
    for (int i = 0; i < 50; ++i)
        recordIn(service, message(Channel, 1000 + i, QStringLiteral("t") + QString::number(i)));
    QCOMPARE(service.storedCount(), 550);
    QCOMPARE(backlog.size(), 2);
}

void tst_HistoryService::recordsWaitForTheTransactionBeingWritten()
{
    // Four batches' worth in one pass of the loop: the first batch is sent at once, the rest
    // waits for it and goes as one transaction, not three.
    const int total = 4 * TestBatchRecords;
    for (int i = 0; i < total; ++i)
        recordIn(*m_service, message(Channel, i, QString::number(i)));
    QCOMPARE(m_service->storedCount(), total);
    QCOMPARE(m_service->transactionCount(), 2);
}

void tst_HistoryService::aBatchIsHeldUntilFullOrDue()
{
    // confabd's own batch size: records that come in at once, under it but more than a quiet
    // server's, go in one transaction after BusyFlushIntervalMs, not in one at a smaller count
    // and another for the rest.
    m_service.reset();
    ServerConfig config;
    config.dataDir = m_dir->path();
    QVERIFY(config.historyBatchRecords > 4 * TestBatchRecords);
    HistoryService service(config);
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    const int total = 4 * TestBatchRecords;
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < total; ++i)
        recordIn(service, message(Channel, i, QString::number(i)));
    QCOMPARE(service.transactionCount(), 0); // held for the interval
    QVERIFY(EventWait::until([&] { return service.transactionCount() == 1; }, 5000));
    QVERIFY(clock.elapsed() >= HistoryService::BusyFlushIntervalMs - 10); // a coarse timer's 5 %
    QVERIFY(EventWait::until([&] { return service.queuedCount() == 0; }, 10000));
    QCOMPARE(service.storedCount(), total);
    QCOMPARE(service.transactionCount(), 1);
    // A full batch goes at once.
    for (int i = 0; i < config.historyBatchRecords; ++i)
        recordIn(service, message(Channel, total + i, QStringLiteral("f") + QString::number(i)));
    QCOMPARE(service.transactionCount(), 2);
}

void tst_HistoryService::aBacklogGoesAtOnce()
{
    // A backlog limit under the batch size: a batch is full at the limit, and goes to the
    // history thread then, not after FlushIntervalMs with the loop not reading meanwhile.
    m_service.reset();
    m_config.historyBatchRecords = ServerDefaults::HistoryBatchRecords;
    m_config.historyBacklogRecords = 300;
    HistoryService service(m_config);
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    for (int i = 0; i < 299; ++i)
        recordIn(service, message(Channel, i, QString::number(i)));
    QCOMPARE(service.transactionCount(), 0);
    recordIn(service, message(Channel, 299, QStringLiteral("299")));
    QCOMPARE(service.transactionCount(), 1);
    QVERIFY(EventWait::until([&] { return service.queuedCount() == 0; }, 10000));
    QCOMPARE(service.storedCount(), 300);
}

void tst_HistoryService::nextBatchWaitsBehindTheOneBeingWritten()
{
    // Another connection holds the write lock: the history thread begins the first batch and
    // waits for the lock (for up to Database's busy timeout of 5 s) ...
    Database other(QStringLiteral("tst-historyservice-lock"));
    QVERIFY2(other.open(m_dir->filePath(Database::fileName())), qPrintable(other.errorString()));
    QSqlQuery sql(other.connection());
    QVERIFY2(sql.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(sql.lastError().text()));
    const int batch = TestBatchRecords;
    for (int i = 0; i < batch; ++i)
        recordIn(*m_service, message(Channel, i, QString::number(i)));
    QCOMPARE(m_service->transactionCount(), 1);
    // ... and the next batch goes to wait behind it as soon as it has begun, so the thread
    // goes on with it without waiting for the loop.
    for (int i = batch; i < 2 * batch; ++i)
        recordIn(*m_service, message(Channel, i, QString::number(i)));
    QVERIFY(EventWait::until([this] { return m_service->transactionCount() == 2; }, 2000));
    QVERIFY(sql.exec(QStringLiteral("ROLLBACK")));
    QCOMPARE(m_service->storedCount(), 2 * batch);
    QCOMPARE(m_service->failedWrites(), 0);
    QCOMPARE(m_service->transactionCount(), 2);
}

void tst_HistoryService::writtenBatchesAreFilledAgain()
{
    const int batch = TestBatchRecords;
    int next = 0;
    const auto recordSome = [this, &next](int count) {
        for (int end = next + count; next < end; ++next)
            recordIn(*m_service, message(Channel, next, QString::number(next)));
    };
    const auto allWritten = [this] {
        return EventWait::until([this] { return m_service->queuedCount() == 0; }, 10000);
    };
    recordSome(batch);
    QCOMPARE(m_service->transactionCount(), 1);
    QVERIFY(allWritten());
    // The written batch came back emptied, with its room ...
    QCOMPARE(m_service->spareBatchCount(), 1);
    QVERIFY(m_service->spareRecordCapacity() >= batch);
    // ... and the batch after next is collected in it.
    recordSome(batch);
    QCOMPARE(m_service->transactionCount(), 2);
    QCOMPARE(m_service->spareBatchCount(), 0);
    QVERIFY(allWritten());
    QCOMPARE(m_service->spareBatchCount(), 1);
    // A batch that grew past MaxSpareBatchRecords while another was written (a backlog) is
    // kept while batches stay large: the next backlog fills it without regrowing it ...
    recordSome(batch + HistoryService::MaxSpareBatchRecords + 1);
    QCOMPARE(m_service->transactionCount(), 3);
    QVERIFY(allWritten());
    QCOMPARE(m_service->transactionCount(), 4);
    QVERIFY(m_service->spareRecordCapacity() > HistoryService::MaxSpareBatchRecords);
    QCOMPARE(m_service->storedCount(), next);
    // ... and freed once the load has gone (a batch that is not full).
    recordSome(1);
    QVERIFY(allWritten());
    QCOMPARE(m_service->transactionCount(), 5);
    QVERIFY(m_service->spareBatchCount() >= 1);
    QVERIFY(m_service->spareRecordCapacity() <=
            qint64(m_service->spareBatchCount()) * HistoryService::MaxSpareBatchRecords);
    QCOMPARE(m_service->storedCount(), next);
}

void tst_HistoryService::writeFailedOncePerFailure()
{
    QSignalSpy failed(m_service.get(), &HistoryService::writeFailed);
    recordIn(*m_service, message(Channel, 1, QStringLiteral("kept")));
    QCOMPARE(m_service->storedCount(), 1);

    Database other(QStringLiteral("tst-historyservice-other"));
    QVERIFY2(other.open(m_dir->filePath(Database::fileName())), qPrintable(other.errorString()));
    QSqlQuery sql(other.connection());
    const QString refuse =
        QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON history BEGIN"
                       " SELECT RAISE(ABORT, 'no room for history (test)'); END");
    QVERIFY2(sql.exec(refuse), qPrintable(sql.lastError().text()));

    recordIn(*m_service, message(Channel, 2, QStringLiteral("lost1")));
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY2(failed.at(0).at(0).toString().contains(QLatin1String("no room for history")),
             qPrintable(failed.at(0).at(0).toString()));
    QCOMPARE(m_service->failedWrites(), 1);

    // The same failure again: counted, not signalled again.
    recordIn(*m_service, message(Channel, 3, QStringLiteral("lost2")));
    recordIn(*m_service, message(Channel, 4, QStringLiteral("lost3")));
    m_service->sync();
    QCOMPARE(m_service->failedWrites(), 3);
    // The service still answers, with what was stored; results come after any signal queued
    // before them.
    QCOMPARE(msgids(findNow(latestOf(QString(), Channel))), QStringList(QStringLiteral("kept")));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(m_service->storedCount(), 1);

    // Writes work again once the cause is gone ...
    QVERIFY(sql.exec(QStringLiteral("DROP TRIGGER refuse")));
    recordIn(*m_service, message(Channel, 5, QStringLiteral("back")));
    QCOMPARE(m_service->storedCount(), 2);
    // ... and a new failure after that is reported again.
    QVERIFY(sql.exec(refuse));
    recordIn(*m_service, message(Channel, 6, QStringLiteral("lost4")));
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(m_service->failedWrites(), 4);
    QCOMPARE(msgids(findNow(latestOf(QString(), Channel))),
             QStringList({QStringLiteral("kept"), QStringLiteral("back")}));
}

void tst_HistoryService::startFails()
{
    m_service.reset();
    ServerConfig config;
    config.dataDir = m_dir->filePath(QStringLiteral("missing/deeper"));
    HistoryService service(config);
    QString error;
    QVERIFY(!service.start(&error));
    QVERIFY(!error.isEmpty());
    // Without a store: records are dropped, queries answer empty, on the caller's thread.
    recordIn(service, message(Channel, 1, QStringLiteral("m1")));
    QCOMPARE(service.storedCount(), 0);
    bool called = false;
    std::vector<HistoryRecord> result{HistoryRecord()};
    service.find(latestOf(QString(), Channel), this, [&](const std::vector<HistoryRecord>& r) {
        result = r;
        called = true;
    });
    QVERIFY(!called);
    QTRY_VERIFY(called);
    QVERIFY(result.empty());
}

CONFAB_SERVER_TEST_MAIN(tst_HistoryService)
#include "tst_historyservice.moc"

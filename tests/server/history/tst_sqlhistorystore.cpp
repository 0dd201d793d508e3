// The history store against a real database: every query direction with msgid and timestamp
// bounds (exclusive, ties in one millisecond ordered by row id, results ascending), events, whose
// view a record is read through (a private message between accounts is one row read by both),
// TARGETS, offline messages, pruning, read markers. Built twice: tst_sqlitehistorystore
// (SqliteHistoryStore on a file, and a write that fails because the database is full), and
// tst_postgreshistorystore (CONFAB_TEST_POSTGRES: SqlHistoryStore on a private PostgreSQL server,
// a new database for each test, and two nodes adding the same conversation at once).
#include "history/sqlitehistorystore.h"
#include "routing/messageidgenerator.h"
#include "storage/schemamigrations.h"
#include "servertestmain.h"

#ifdef CONFAB_TEST_POSTGRES
#include "history/postgreshistorystore.h"
#include "postgresfixture.h"

#include <QSqlDatabase>

#include <thread>
#endif

#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <random>

#include <sqlite3.h>

using Direction = HistoryQuery::Direction;
using Kind = HistoryRecord::Kind;

Q_DECLARE_METATYPE(HistoryQuery::Direction)

class tst_SqlHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void roundTrip();
    void awkwardTextRoundTrips();
    void textOfEveryLengthAndScript();
    void relayedLineStoredWithoutItsLineEnd();
    void find_data();
    void find();
    void findInOtherConversations();
    void msgidsFoundByTheirCounter();
    void rowsFromBeforeTheCounterAreFound();
    void msgidsGivenAsTheServersIds();
    void ownersAreIsolated();
    void targets();
    void targetsKeepTheLastTime();
    void takePending();
    void privateMessageStoredOnce();
    void rowIdsNamedBeforeTheRowsAreWritten();
    void partyNewToAConversationSeesNothingOlder();
    void viewsThatGrewApartEachGetACopy();
    void pruneByAge();
    void pruneByCount();
    void pruneBatchCap();
    void readMarkersOnlyMoveForward();
    void count();
#ifdef CONFAB_TEST_POSTGRES
    void twoWritersAddTheSameViewAtOnce();
    void reconnectsAfterTheConnectionIsLost();
#else
    void appendWhenTheDatabaseIsFull();
    void checkpointsOnTheirOwnThread();
    void checkpointThresholdInTheFilesPages();
    void sqliteSetUpAsConfabdDoes();
    void batchesKeepNoStatementJournal();
    void aBatchWritesASpanPerConversation();
    void spansKeepTheirCounters();
    void spansAnswerAsTheRowsDo();
    void rowsGivenOtherIdsThanQueuedFail();
#endif

private:
    bool append(const std::vector<HistoryRecord>& records)
    {
        const bool ok = m_store->append(records);
        if (!ok)
            qWarning("append: %s", qPrintable(m_store->errorString()));
        return ok;
    }
    void fillChannel();

    std::unique_ptr<QTemporaryDir> m_dir;
#ifdef CONFAB_TEST_POSTGRES
    PostgresFixture m_postgres;
    DatabaseLocation m_location;
    std::unique_ptr<PostgresHistoryStore> m_store;
#else
    std::unique_ptr<SqliteHistoryStore> m_store;
#endif
};

namespace {

const QString Channel = QStringLiteral("#chan");

// A record as HistoryCommands makes one: a channel's copy has no owner (a null string) and a
// guest's message no account.
HistoryRecord record(const QString& owner, const QString& target, qint64 timeMs,
                     const QString& msgid, Kind kind = Kind::Message)
{
    HistoryRecord record;
    record.owner = owner;
    record.target = target;
    record.timeMs = timeMs;
    record.msgid = msgid;
    record.account = QStringLiteral("acct");
    record.kind = kind;
    record.setLine("PRIVMSG " + target.toUtf8() + " :" + msgid.toUtf8());
    return record;
}

HistoryRecord channelRecord(const QString& target, qint64 timeMs, const QString& msgid,
                            Kind kind = Kind::Message)
{
    return record(QString(), target, timeMs, msgid, kind);
}

QStringList msgids(const std::vector<HistoryRecord>& records)
{
    QStringList ids;
    for (const HistoryRecord& record : records)
        ids.append(record.msgid);
    return ids;
}

QStringList targetNames(const std::vector<HistoryTarget>& targets)
{
    QStringList names;
    for (const HistoryTarget& target : targets)
        names.append(target.target);
    return names;
}

// "id:<msgid>", "ts:<ms>" or "" (none).
HistoryQuery::Bound bound(const QString& text)
{
    if (text.startsWith(QLatin1String("id:")))
        return HistoryQuery::Bound::of(text.mid(3));
    if (text.startsWith(QLatin1String("ts:")))
        return HistoryQuery::Bound::at(text.mid(3).toLongLong());
    return {};
}

HistoryQuery query(const QString& owner, const QString& target, Direction direction,
                   const QString& first, const QString& second, int limit,
                   bool includeEvents = false)
{
    HistoryQuery query;
    query.owner = owner;
    query.target = target;
    query.direction = direction;
    query.first = bound(first);
    query.second = bound(second);
    query.limit = limit;
    query.includeEvents = includeEvents;
    return query;
}

QStringList latest(SqlHistoryStore& store, const QString& owner, const QString& target)
{
    return msgids(store.find(query(owner, target, Direction::Latest, {}, {}, 1000, true)));
}

// A room's history, all of it in order: BEFORE its i-th msgid gives the ones before it, AFTER
// the ones after.
bool foundAround(SqlHistoryStore& store, const QString& room, const QStringList& all, int i)
{
    const QString at = QStringLiteral("id:") + all.at(i);
    const QStringList before =
        msgids(store.find(query(QString(), room, Direction::Before, at, {}, 100)));
    const QStringList after =
        msgids(store.find(query(QString(), room, Direction::After, at, {}, 100)));
    if (before == all.mid(0, i) && after == all.mid(i + 1))
        return true;
    qWarning() << "around" << all.at(i) << "before:" << before << "after:" << after;
    return false;
}

bool isAscending(const std::vector<HistoryRecord>& records)
{
    for (size_t i = 1; i < records.size(); ++i) {
        const HistoryRecord& a = records[i - 1];
        const HistoryRecord& b = records[i];
        if (a.timeMs > b.timeMs || (a.timeMs == b.timeMs && a.id >= b.id))
            return false;
    }
    return true;
}

// A plain Qt Sql connection named name to the store's database, opened (or not: lastError()),
// for what a store cannot do: a schema left at an older version, a transaction held open.
QSqlDatabase openRawConnection(const DatabaseLocation& location, const QString& name)
{
    QSqlDatabase raw;
    if (location.isSqlite()) {
        raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(location.path());
    } else {
        raw = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        raw.setHostName(location.host());
        raw.setPort(location.port());
        raw.setUserName(location.userName());
        raw.setDatabaseName(location.databaseName());
        raw.setConnectOptions(location.connectOptions());
    }
    raw.open();
    return raw;
}

#ifndef CONFAB_TEST_POSTGRES
// SQL's single value from a raw connection (-1 on an error).
qint64 scalar(QSqlDatabase& database, const QString& sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return -1;
    }
    return query.value(0).toLongLong();
}
#endif

} // namespace

void tst_SqlHistoryStore::initTestCase()
{
#ifdef CONFAB_TEST_POSTGRES
    QVERIFY2(m_postgres.start(), qPrintable(m_postgres.errorString()));
#endif
}

void tst_SqlHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
#ifdef CONFAB_TEST_POSTGRES
    const QString url = m_postgres.createDatabase(QStringLiteral("history"));
    QVERIFY2(!url.isEmpty(), qPrintable(m_postgres.errorString()));
    m_location = DatabaseLocation::fromUrl(url);
    m_store = std::make_unique<PostgresHistoryStore>(QStringLiteral("test-history"));
    QVERIFY2(m_store->open(m_location), qPrintable(m_store->errorString()));
#else
    m_store = std::make_unique<SqliteHistoryStore>(QStringLiteral("test-history"));
    QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("history.sqlite"))),
             qPrintable(m_store->errorString()));
#endif
}

void tst_SqlHistoryStore::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

// #chan in (time, id) order: a0@500 m1@1000 t2c@2000 t2a@2000 t2b@2000 m5@3000 e1@3500 (an
// event) m6@4000 m7@5000. The three records of 2000 ms are appended in the order c, a, b, so
// that their order is the row id's, not the msgid's; a0 is appended last, so that the order is
// not the row id's alone. #other and a private conversation hold records of the same times.
void tst_SqlHistoryStore::fillChannel()
{
    QVERIFY(append({channelRecord(Channel, 1000, QStringLiteral("m1"))}));
    QVERIFY(append({channelRecord(Channel, 2000, QStringLiteral("t2c")),
                    channelRecord(QStringLiteral("#other"), 2000, QStringLiteral("o1")),
                    channelRecord(Channel, 2000, QStringLiteral("t2a")),
                    record(QStringLiteral("alice"), Channel, 2000, QStringLiteral("p1")),
                    channelRecord(Channel, 2000, QStringLiteral("t2b"))}));
    QVERIFY(append({channelRecord(Channel, 3000, QStringLiteral("m5")),
                    channelRecord(Channel, 3500, QStringLiteral("e1"), Kind::Event),
                    channelRecord(Channel, 4000, QStringLiteral("m6")),
                    channelRecord(QStringLiteral("#other"), 4500, QStringLiteral("o2"))}));
    QVERIFY(append({channelRecord(Channel, 5000, QStringLiteral("m7"))}));
    QVERIFY(append({channelRecord(Channel, 500, QStringLiteral("a0"))}));
}

void tst_SqlHistoryStore::roundTrip()
{
    HistoryRecord channel = channelRecord(Channel, 1700000000123, QStringLiteral("abc"));
    channel.account = QString(); // a guest's message
    channel.setLine(QByteArray("@+react=\\s PRIVMSG #chan :caf\xc3\xa9 \xff\x00 end", 34));
    HistoryRecord event = channelRecord(Channel, 1700000000124, QStringLiteral("def"), Kind::Event);
    event.account = QStringLiteral("Bob");
    event.setLine("JOIN #chan");
    HistoryRecord mine = record(QStringLiteral("alice"), QStringLiteral("bob"), 1700000000125,
                                QStringLiteral("ghi"));
    QVERIFY(append({channel, event}));
    QVERIFY(append({mine}));

    const std::vector<HistoryRecord> found =
        m_store->find(query(QString(), Channel, Direction::Latest, {}, {}, 10, true));
    QCOMPARE(found.size(), size_t(2));
    QVERIFY(found[0].id > 0);
    QVERIFY(found[1].id > found[0].id);
    QVERIFY(found[0].owner.isEmpty());
    QCOMPARE(found[0].target, Channel);
    QCOMPARE(found[0].timeMs, 1700000000123);
    QCOMPARE(found[0].msgid, QStringLiteral("abc"));
    QVERIFY(found[0].account.isEmpty());
    QCOMPARE(found[0].kind, Kind::Message);
    QCOMPARE(found[0].line(), channel.line());
    QCOMPARE(found[1].kind, Kind::Event);
    QCOMPARE(found[1].account, QStringLiteral("Bob"));
    QCOMPARE(found[1].line(), QByteArray("JOIN #chan"));

    const std::vector<HistoryRecord> private_ = m_store->find(
        query(QStringLiteral("alice"), QStringLiteral("bob"), Direction::Latest, {}, {}, 10));
    QCOMPARE(private_.size(), size_t(1));
    QCOMPARE(private_[0].owner, QStringLiteral("alice"));
    QCOMPARE(private_[0].target, QStringLiteral("bob"));
    QCOMPARE(private_[0].account, QStringLiteral("acct"));
    QVERIFY(private_[0].id > found[1].id);
    QVERIFY(m_store->append(HistoryBatch())); // nothing to do is not an error
}

// Quotes, backslashes, every byte but NUL in a line, and a batch longer than one statement on
// PostgreSQL (whose rows are written as driver-escaped literals, 500 per INSERT).
void tst_SqlHistoryStore::awkwardTextRoundTrips()
{
    HistoryRecord awkward = channelRecord(Channel, 1000, QStringLiteral("it's-\\-\"id\""));
    awkward.account = QStringLiteral("o'brien\\[]{}|^`");
    QByteArray line = awkward.line();
    for (int byte = 1; byte < 256; ++byte)
        line.append(char(byte));
    line.append("'); DROP TABLE history; --");
    awkward.setLine(line);
    std::vector<HistoryRecord> batch{awkward};
    for (int i = 0; i < 1200; ++i)
        batch.push_back(channelRecord(Channel, 2000 + i, QStringLiteral("m%1").arg(i)));
    QVERIFY(append(batch));
    QCOMPARE(m_store->count(), 1201);
    const std::vector<HistoryRecord> found =
        m_store->find(query(QString(), Channel, Direction::After, QStringLiteral("ts:999"), {}, 2));
    QCOMPARE(found.size(), size_t(2));
    QCOMPARE(found[0].msgid, awkward.msgid);
    QCOMPARE(found[0].account, awkward.account);
    QCOMPARE(found[0].line(), awkward.line());
    QCOMPARE(found[1].msgid, QStringLiteral("m0"));
    QVERIFY(found[0].id < found[1].id);
    QCOMPARE(latest(*m_store, QString(), Channel).constLast(), QStringLiteral("m1199"));
}

// SQLite's store narrows ASCII text of up to 64 characters itself and hands anything else to
// SQLite as UTF-16: both kinds, and the lengths either side of the limit, read back as written.
void tst_SqlHistoryStore::textOfEveryLengthAndScript()
{
    const QStringList texts = {QString(),
                               QStringLiteral("a"),
                               QString(63, u'x'),
                               QString(64, u'y'),
                               QString(65, u'z'),
                               QString(300, u'w'),
                               QStringLiteral("J\u00fcrgen"),
                               QStringLiteral("\u7528\u6237"),
                               QString(64, u'a') + QStringLiteral("\u00e9"),
                               QStringLiteral("\U0001F600x")};
    std::vector<HistoryRecord> batch;
    for (int i = 0; i < texts.size(); ++i) {
        HistoryRecord record =
            channelRecord(Channel, 1000 + i, QStringLiteral("m%1-").arg(i) + texts[i]);
        record.account = texts[i];
        batch.push_back(record);
    }
    QVERIFY(append(batch));
    const std::vector<HistoryRecord> found =
        m_store->find(query(QString(), Channel, Direction::Latest, {}, {}, 100));
    QCOMPARE(found.size(), size_t(texts.size()));
    for (int i = 0; i < texts.size(); ++i) {
        QCOMPARE(found[size_t(i)].msgid, QStringLiteral("m%1-").arg(i) + texts[i]);
        QCOMPARE(found[size_t(i)].account, texts[i]);
    }
}

// The relayed line itself, CR LF and all, is what the server records (shared with the
// recipients' output rather than copied): it is stored, and read back, without them.
void tst_SqlHistoryStore::relayedLineStoredWithoutItsLineEnd()
{
    HistoryRecord relayed = channelRecord(Channel, 1000, QStringLiteral("a"));
    relayed.setRelayedLine(":ann!a@host PRIVMSG #chan :hi\r\n");
    HistoryRecord bare = channelRecord(Channel, 1001, QStringLiteral("b"));
    bare.setRelayedLine(":ann!a@host PRIVMSG #chan :text ending in CR\r");
    // A line set as stored after a relayed one is stored as it is: what is left out follows
    // the line it was set with.
    HistoryRecord reset = channelRecord(Channel, 1002, QStringLiteral("c"));
    reset.setRelayedLine(":ann!a@host PRIVMSG #chan :first\r\n");
    reset.setLine("PRIVMSG #chan :as stored");
    QVERIFY(append({relayed, bare, reset}));
    const std::vector<HistoryRecord> found =
        m_store->find(query(QString(), Channel, Direction::Latest, {}, {}, 10));
    QCOMPARE(found.size(), size_t(3));
    QCOMPARE(found[0].line(), QByteArray(":ann!a@host PRIVMSG #chan :hi"));
    QCOMPARE(found[1].line(), bare.line());
    QCOMPARE(found[2].line(), QByteArray("PRIVMSG #chan :as stored"));
}

void tst_SqlHistoryStore::find_data()
{
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("limit");
    QTest::addColumn<bool>("events");
    QTest::addColumn<QStringList>("expected");

    const QString none;
    auto ids = [](const char* text) {
        return text[0] ? QString::fromLatin1(text).split(u' ') : QStringList();
    };
    // LATEST: the newest records, after first when it is given.
    QTest::newRow("latest *") << Direction::Latest << none << none << 100 << false
                              << ids("a0 m1 t2c t2a t2b m5 m6 m7");
    QTest::newRow("latest * 3") << Direction::Latest << none << none << 3 << false
                                << ids("m5 m6 m7");
    QTest::newRow("latest * 3 with events")
        << Direction::Latest << none << none << 3 << true << ids("e1 m6 m7");
    QTest::newRow("latest * 1") << Direction::Latest << none << none << 1 << false << ids("m7");
    QTest::newRow("latest after msgid in a tie") << Direction::Latest << QStringLiteral("id:t2a")
                                                 << none << 100 << false << ids("t2b m5 m6 m7");
    QTest::newRow("latest after msgid, newest 2")
        << Direction::Latest << QStringLiteral("id:t2a") << none << 2 << false << ids("m6 m7");
    QTest::newRow("latest after timestamp excludes its millisecond")
        << Direction::Latest << QStringLiteral("ts:2000") << none << 100 << false
        << ids("m5 m6 m7");
    QTest::newRow("latest after timestamp 1999")
        << Direction::Latest << QStringLiteral("ts:1999") << none << 100 << false
        << ids("t2c t2a t2b m5 m6 m7");
    QTest::newRow("latest after the newest")
        << Direction::Latest << QStringLiteral("id:m7") << none << 100 << false << ids("");
    QTest::newRow("latest after an unknown msgid")
        << Direction::Latest << QStringLiteral("id:nope") << none << 100 << false << ids("");

    // BEFORE: the newest records before first.
    QTest::newRow("before msgid in a tie") << Direction::Before << QStringLiteral("id:t2b") << none
                                           << 100 << false << ids("a0 m1 t2c t2a");
    QTest::newRow("before msgid, newest 2")
        << Direction::Before << QStringLiteral("id:t2b") << none << 2 << false << ids("t2c t2a");
    QTest::newRow("before timestamp excludes its millisecond")
        << Direction::Before << QStringLiteral("ts:2000") << none << 100 << false << ids("a0 m1");
    QTest::newRow("before timestamp 2001, newest 2")
        << Direction::Before << QStringLiteral("ts:2001") << none << 2 << false << ids("t2a t2b");
    QTest::newRow("before the oldest")
        << Direction::Before << QStringLiteral("id:a0") << none << 100 << false << ids("");
    QTest::newRow("before msgid with events")
        << Direction::Before << QStringLiteral("id:m6") << none << 2 << true << ids("m5 e1");
    QTest::newRow("before msgid without events")
        << Direction::Before << QStringLiteral("id:m6") << none << 2 << false << ids("t2b m5");
    QTest::newRow("before an unknown msgid")
        << Direction::Before << QStringLiteral("id:nope") << none << 100 << false << ids("");

    // AFTER: the oldest records after first.
    QTest::newRow("after msgid in a tie") << Direction::After << QStringLiteral("id:t2c") << none
                                          << 100 << false << ids("t2a t2b m5 m6 m7");
    QTest::newRow("after msgid, oldest 2")
        << Direction::After << QStringLiteral("id:t2c") << none << 2 << false << ids("t2a t2b");
    QTest::newRow("after timestamp excludes its millisecond")
        << Direction::After << QStringLiteral("ts:2000") << none << 100 << false << ids("m5 m6 m7");
    QTest::newRow("after timestamp 1999, oldest 2")
        << Direction::After << QStringLiteral("ts:1999") << none << 2 << false << ids("t2c t2a");
    QTest::newRow("after the newest")
        << Direction::After << QStringLiteral("id:m7") << none << 100 << false << ids("");
    QTest::newRow("after the last timestamp")
        << Direction::After << QStringLiteral("ts:5000") << none << 100 << false << ids("");
    QTest::newRow("after msgid with events")
        << Direction::After << QStringLiteral("id:m5") << none << 100 << true << ids("e1 m6 m7");
    QTest::newRow("after an unknown msgid")
        << Direction::After << QStringLiteral("id:nope") << none << 100 << false << ids("");

    // AROUND: limit / 2 before, the rest at or after (a msgid's own record included).
    QTest::newRow("around msgid, 4") << Direction::Around << QStringLiteral("id:t2a") << none << 4
                                     << false << ids("m1 t2c t2a t2b");
    QTest::newRow("around msgid, 5") << Direction::Around << QStringLiteral("id:t2a") << none << 5
                                     << false << ids("m1 t2c t2a t2b m5");
    QTest::newRow("around msgid, 1")
        << Direction::Around << QStringLiteral("id:t2a") << none << 1 << false << ids("t2a");
    QTest::newRow("around the oldest") << Direction::Around << QStringLiteral("id:a0") << none << 4
                                       << false << ids("a0 m1 t2c t2a");
    QTest::newRow("around the newest")
        << Direction::Around << QStringLiteral("id:m7") << none << 4 << false << ids("m5 m6 m7");
    QTest::newRow("around timestamp of a tie") << Direction::Around << QStringLiteral("ts:2000")
                                               << none << 4 << false << ids("a0 m1 t2c t2a");
    QTest::newRow("around timestamp with events")
        << Direction::Around << QStringLiteral("ts:3500") << none << 2 << true << ids("m5 e1");
    QTest::newRow("around msgid with events")
        << Direction::Around << QStringLiteral("id:m6") << none << 3 << true << ids("e1 m6 m7");
    QTest::newRow("around an unknown msgid")
        << Direction::Around << QStringLiteral("id:nope") << none << 4 << false << ids("");

    // BETWEEN: exclusive at both ends, the records closest to first, either way round.
    QTest::newRow("between msgids")
        << Direction::Between << QStringLiteral("id:m1") << QStringLiteral("id:m6") << 100 << false
        << ids("t2c t2a t2b m5");
    QTest::newRow("between msgids, 2 from first")
        << Direction::Between << QStringLiteral("id:m1") << QStringLiteral("id:m6") << 2 << false
        << ids("t2c t2a");
    QTest::newRow("between msgids backwards")
        << Direction::Between << QStringLiteral("id:m6") << QStringLiteral("id:m1") << 100 << false
        << ids("t2c t2a t2b m5");
    QTest::newRow("between msgids backwards, 2 from first")
        << Direction::Between << QStringLiteral("id:m6") << QStringLiteral("id:m1") << 2 << false
        << ids("t2b m5");
    QTest::newRow("between timestamps")
        << Direction::Between << QStringLiteral("ts:1000") << QStringLiteral("ts:4000") << 100
        << false << ids("t2c t2a t2b m5");
    QTest::newRow("between timestamps backwards, 3 from first")
        << Direction::Between << QStringLiteral("ts:4000") << QStringLiteral("ts:1000") << 3
        << false << ids("t2a t2b m5");
    QTest::newRow("between msgid and timestamp")
        << Direction::Between << QStringLiteral("id:t2c") << QStringLiteral("ts:3000") << 100
        << false << ids("t2a t2b");
    QTest::newRow("between timestamp and msgid with events")
        << Direction::Between << QStringLiteral("ts:2000") << QStringLiteral("id:m7") << 100 << true
        << ids("m5 e1 m6");
    QTest::newRow("between inside a tie backwards")
        << Direction::Between << QStringLiteral("id:t2b") << QStringLiteral("id:t2c") << 100
        << false << ids("t2a");
    QTest::newRow("between everything")
        << Direction::Between << QStringLiteral("ts:0") << QStringLiteral("ts:10000") << 100
        << false << ids("a0 m1 t2c t2a t2b m5 m6 m7");
    QTest::newRow("between a msgid and itself")
        << Direction::Between << QStringLiteral("id:t2a") << QStringLiteral("id:t2a") << 100
        << false << ids("");
    QTest::newRow("between a timestamp and itself")
        << Direction::Between << QStringLiteral("ts:2000") << QStringLiteral("ts:2000") << 100
        << false << ids("");
    QTest::newRow("between with an unknown first")
        << Direction::Between << QStringLiteral("id:nope") << QStringLiteral("id:m7") << 100
        << false << ids("");
    QTest::newRow("between with an unknown second")
        << Direction::Between << QStringLiteral("id:m1") << QStringLiteral("id:nope") << 100
        << false << ids("");
}

void tst_SqlHistoryStore::find()
{
    QFETCH(Direction, direction);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(int, limit);
    QFETCH(bool, events);
    QFETCH(QStringList, expected);

    fillChannel();
    const std::vector<HistoryRecord> found =
        m_store->find(query(QString(), Channel, direction, first, second, limit, events));
    QCOMPARE(msgids(found), expected);
    QVERIFY(int(found.size()) <= limit);
    QVERIFY(isAscending(found));
    for (const HistoryRecord& record : found) {
        QVERIFY(record.owner.isEmpty());
        QCOMPARE(record.target, Channel);
    }
}

void tst_SqlHistoryStore::findInOtherConversations()
{
    fillChannel();
    // A msgid of another conversation is unknown here, and the other way round.
    QVERIFY(
        m_store->find(query(QString(), Channel, Direction::After, QStringLiteral("id:o1"), {}, 100))
            .empty());
    QVERIFY(m_store
                ->find(query(QString(), QStringLiteral("#other"), Direction::Before,
                             QStringLiteral("id:m7"), {}, 100))
                .empty());
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#other")),
             QStringList({QStringLiteral("o1"), QStringLiteral("o2")}));
    QVERIFY(
        m_store->find(query(QString(), QStringLiteral("#nowhere"), Direction::Latest, {}, {}, 100))
            .empty());
    // A limit of 0 finds nothing.
    QVERIFY(m_store->find(query(QString(), Channel, Direction::Latest, {}, {}, 0)).empty());
}

// Schema version 7: a msgid confabd made is found through its counter (msgid_number: SQLite
// through the spans' counters since version 9, PostgreSQL through an index); any other msgid,
// and a row written before that version (its counter NULL), through the text index of the rows
// without one. Every kind is found, in its conversation only.
void tst_SqlHistoryStore::msgidsFoundByTheirCounter()
{
    MessageIdGenerator ids; // as confabd's: a random prefix, a counter from the clock
    const QString made1 = ids.next().toString();
    const QString made2 = ids.next().toString();
    const QString made3 = ids.next().toString();
    const QString madeElsewhere = ids.next().toString();
    QVERIFY(MessageId::numberOf(made1) > 0);
    QVERIFY(append({channelRecord(Channel, 1000, made1),
                    channelRecord(Channel, 2000, QStringLiteral("foreign-1")),
                    channelRecord(QStringLiteral("#other"), 2500, madeElsewhere)}));
    // A row as an earlier version wrote it: a msgid of confabd's form, no counter.
    const QString legacy = MessageIdGenerator().next().toString();
    QSqlQuery raw(m_store->database().connection());
    QVERIFY2(raw.exec(QStringLiteral("INSERT INTO history (conversation, time_ms, msgid, account,"
                                     " kind, line) SELECT conversation, 3000, '%1', 'acct', 0,"
                                     " line FROM history WHERE msgid = '%2'")
                          .arg(legacy, made1)),
             qPrintable(raw.lastError().text()));
#ifndef CONFAB_TEST_POSTGRES
    // SQLite finds rows through their spans (schema 8): one from before has its own, as the
    // migration to version 9 gave it (no counters).
    QVERIFY2(raw.exec(QStringLiteral("INSERT INTO history_spans (conversation, first_id, last_id,"
                                     " first_ms, last_ms, ordered) SELECT conversation, id, id,"
                                     " time_ms, time_ms, 1 FROM history WHERE msgid = '%1'")
                          .arg(legacy)),
             qPrintable(raw.lastError().text()));
#endif
    QVERIFY(append({channelRecord(Channel, 4000, made2), channelRecord(Channel, 5000, made3)}));

    // The counters are kept for confabd's msgids only.
    QVERIFY(raw.exec(QStringLiteral("SELECT msgid FROM history WHERE msgid_number IS NOT NULL"
                                    " ORDER BY msgid_number")));
    QStringList numbered;
    while (raw.next())
        numbered.append(raw.value(0).toString());
    raw.finish();
    QCOMPARE(numbered, (QStringList{made1, made2, made3, madeElsewhere}));
    QVERIFY(raw.exec(QStringLiteral("SELECT msgid_number FROM history WHERE msgid = '%1'")
                         .arg(made2)));
    QVERIFY(raw.next());
    QCOMPARE(raw.value(0).toLongLong(), qint64(MessageId::numberOf(made2)));
    raw.finish();

    const QStringList all = {made1, QStringLiteral("foreign-1"), legacy, made2, made3};
    QCOMPARE(latest(*m_store, QString(), Channel), all);
    for (int i = 0; i < all.size(); ++i)
        QVERIFY(foundAround(*m_store, Channel, all, i));
    // A counter alone is not enough: the whole msgid must match, in this conversation.
    const QString unknown =
        MessageId(QStringLiteral("zzzzzzzzzzzz"), MessageId::numberOf(made2)).toString();
    QVERIFY(unknown != made2);
    QVERIFY(m_store->find(query(QString(), Channel, Direction::After, QStringLiteral("id:") + unknown,
                                {}, 100))
                .empty());
    QVERIFY(m_store->find(query(QString(), Channel, Direction::After,
                                QStringLiteral("id:") + madeElsewhere, {}, 100))
                .empty());
    QCOMPARE(msgids(m_store->find(query(QString(), QStringLiteral("#other"), Direction::Around,
                                        QStringLiteral("id:") + madeElsewhere, {}, 100))),
             QStringList(madeElsewhere));
}

// Records as HistoryCommands makes them: the server's own id as a MessageId, no text. They are
// stored with the same text and counter a record with the text gets, and found by it.
void tst_SqlHistoryStore::msgidsGivenAsTheServersIds()
{
    MessageIdGenerator ids;                               // confabd's: a counter is kept
    MessageIdGenerator tests(QStringLiteral("t-given-")); // another form: text only
    // A longer prefix: its text reads as another counter (numberOf() takes 12 characters as the
    // prefix), which is what a look-up by that text asks for.
    MessageIdGenerator longer(QStringLiteral("abcdefghijklm"));
    // Not ASCII: its UTF-8, as a text record's.
    MessageIdGenerator wide(QStringLiteral("测试-"));
    // Too long for the writer's buffer for a msgid: bound as its text.
    MessageIdGenerator tooLong(QString(70, u'x'));
    const MessageId made = ids.next();
    const MessageId other = tests.next();
    const MessageId odd = longer.next();
    const MessageId chinese = wide.next();
    const MessageId large = tooLong.next();
    const QString asText = ids.next().toString();
    std::vector<HistoryRecord> records;
    for (const MessageId& id : {made, other, odd, chinese, large}) {
        records.push_back(channelRecord(Channel, 1000 * (qint64(records.size()) + 1), QString()));
        records.back().messageId = id;
        QVERIFY(records.back().msgid.isNull());
        QCOMPARE(records.back().msgidText(), id.toString());
    }
    records.push_back(channelRecord(Channel, 6000, asText));
    QVERIFY(append(records));

    QSqlQuery raw(m_store->database().connection());
    QVERIFY(raw.exec(QStringLiteral("SELECT msgid, msgid_number FROM history ORDER BY time_ms")));
    QList<std::pair<QString, QVariant>> rows;
    while (raw.next())
        rows.append({raw.value(0).toString(), raw.value(1)});
    raw.finish();
    const QStringList all = {made.toString(),    other.toString(), odd.toString(),
                             chinese.toString(), large.toString(), asText};
    QCOMPARE(rows.size(), all.size());
    for (int i = 0; i < all.size(); ++i) {
        QCOMPARE(rows[i].first, all[i]);
        const quint64 number = MessageId::numberOf(all[i]); // what a record with the text gets
        QCOMPARE(rows[i].second.isNull(), number == 0);
        QCOMPARE(rows[i].second.toULongLong(), number);
    }
    QCOMPARE(rows[0].second.toULongLong(), made.number());
    QVERIFY(rows[1].second.isNull());
    QVERIFY(rows[2].second.toULongLong() != odd.number());

    QCOMPARE(latest(*m_store, QString(), Channel), all);
    for (int i = 0; i < all.size(); ++i)
        QVERIFY(foundAround(*m_store, Channel, all, i));
}

// A database of the schema before the counter (SQLite's version 6, PostgreSQL's 1) with a
// room's history in it: opened by this store, it is migrated, its rows are still found by
// msgid, and the rows written after them are found by their counter.
void tst_SqlHistoryStore::rowsFromBeforeTheCounterAreFound()
{
    MessageIdGenerator earlierRun;
    const QString old1 = earlierRun.next().toString();
    const QString old2 = earlierRun.next().toString();
    const QString rawName = QStringLiteral("test-before-counter");
#ifdef CONFAB_TEST_POSTGRES
    const QString url = m_postgres.createDatabase(QStringLiteral("before_counter"));
    QVERIFY2(!url.isEmpty(), qPrintable(m_postgres.errorString()));
    const DatabaseLocation location = DatabaseLocation::fromUrl(url);
    const auto engine = DatabaseLocation::Engine::Postgres;
    const int versionBefore = 1;
#else
    const DatabaseLocation location =
        DatabaseLocation::sqlite(m_dir->filePath(QStringLiteral("before-counter.sqlite")));
    const auto engine = DatabaseLocation::Engine::Sqlite;
    const int versionBefore = 6;
#endif
    {
        QSqlDatabase raw = openRawConnection(location, rawName);
        QVERIFY2(raw.isOpen(), qPrintable(raw.lastError().text()));
        QString error;
        QVERIFY2(SchemaMigrations(engine).migrate(raw, versionBefore, &error), qPrintable(error));
        QSqlQuery insert(raw);
        QVERIFY2(insert.exec(QStringLiteral("INSERT INTO history_views (owner, target,"
                                            " conversation, last_ms) VALUES ('', '#chan', 1, 20)")),
                 qPrintable(insert.lastError().text()));
        QVERIFY2(insert.exec(QStringLiteral("INSERT INTO history (conversation, time_ms, msgid,"
                                            " account, kind, line) VALUES"
                                            " (1, 10, '%1', '', 0, 'PRIVMSG #chan :1'),"
                                            " (1, 20, '%2', '', 0, 'PRIVMSG #chan :2')")
                                 .arg(old1, old2)),
                 qPrintable(insert.lastError().text()));
        raw.close();
    }
    QSqlDatabase::removeDatabase(rawName);

#ifdef CONFAB_TEST_POSTGRES
    PostgresHistoryStore store(QStringLiteral("test-migrated"));
#else
    SqliteHistoryStore store(QStringLiteral("test-migrated"));
#endif
    QVERIFY2(store.open(location), qPrintable(store.errorString()));
    QCOMPARE(store.database().schemaVersion(), SchemaMigrations(engine).latestVersion());
    MessageIdGenerator thisRun;
    const QString new1 = thisRun.next().toString();
    const QString new2 = thisRun.next().toString();
    QVERIFY2(store.append({channelRecord(Channel, 30, new1), channelRecord(Channel, 40, new2)}),
             qPrintable(store.errorString()));
    const QStringList all = {old1, old2, new1, new2};
    for (int i = 0; i < all.size(); ++i) {
        const QString at = QStringLiteral("id:") + all.at(i);
        QCOMPARE(msgids(store.find(query(QString(), Channel, Direction::Before, at, {}, 100))),
                 all.mid(0, i));
        QCOMPARE(msgids(store.find(query(QString(), Channel, Direction::After, at, {}, 100))),
                 all.mid(i + 1));
    }
}

void tst_SqlHistoryStore::ownersAreIsolated()
{
    // One private message, a copy for each party, and another conversation with bob.
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    const QString carol = QStringLiteral("carol");
    QVERIFY(append({record(alice, bob, 100, QStringLiteral("p1")),
                    record(bob, alice, 100, QStringLiteral("p1")),
                    record(carol, bob, 150, QStringLiteral("p3")),
                    record(bob, carol, 150, QStringLiteral("p3")),
                    record(alice, bob, 200, QStringLiteral("p2")),
                    record(bob, alice, 200, QStringLiteral("p2")),
                    channelRecord(bob, 250, QStringLiteral("c1")),
                    channelRecord(Channel, 300, QStringLiteral("c2"))}));

    const std::vector<HistoryRecord> mine =
        m_store->find(query(alice, bob, Direction::Latest, {}, {}, 100));
    QCOMPARE(msgids(mine), QStringList({QStringLiteral("p1"), QStringLiteral("p2")}));
    for (const HistoryRecord& record : mine)
        QCOMPARE(record.owner, alice);
    const std::vector<HistoryRecord> theirs =
        m_store->find(query(bob, alice, Direction::Latest, {}, {}, 100));
    QCOMPARE(msgids(theirs), QStringList({QStringLiteral("p1"), QStringLiteral("p2")}));
    for (const HistoryRecord& record : theirs)
        QCOMPARE(record.owner, bob);
    QVERIFY(theirs[0].id != mine[0].id);

    QCOMPARE(latest(*m_store, carol, bob), QStringList(QStringLiteral("p3")));
    QCOMPARE(latest(*m_store, bob, carol), QStringList(QStringLiteral("p3")));
    QCOMPARE(latest(*m_store, QString(), bob), QStringList(QStringLiteral("c1")));
    QVERIFY(latest(*m_store, alice, carol).isEmpty());
    QVERIFY(latest(*m_store, alice, Channel).isEmpty());
    // Bounds resolve in the owner's own copy only.
    QVERIFY(m_store->find(query(alice, bob, Direction::After, QStringLiteral("id:p3"), {}, 100))
                .empty());
    QVERIFY(m_store->find(query(alice, bob, Direction::Before, QStringLiteral("id:c1"), {}, 100))
                .empty());
    QCOMPARE(msgids(m_store->find(
                 query(bob, alice, Direction::Before, QStringLiteral("id:p2"), {}, 100))),
             QStringList(QStringLiteral("p1")));
    QCOMPARE(msgids(m_store->find(query(alice, bob, Direction::Between, QStringLiteral("ts:0"),
                                        QStringLiteral("ts:1000"), 100))),
             QStringList({QStringLiteral("p1"), QStringLiteral("p2")}));
}

void tst_SqlHistoryStore::targets()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    QVERIFY(append({channelRecord(QStringLiteral("#a"), 1000, QStringLiteral("a1")),
                    record(alice, bob, 2000, QStringLiteral("p1")),
                    record(bob, alice, 2000, QStringLiteral("p1")),
                    record(bob, QStringLiteral("dave"), 2500, QStringLiteral("p2")),
                    channelRecord(QStringLiteral("#b"), 3000, QStringLiteral("b1")),
                    record(alice, QStringLiteral("carol"), 4000, QStringLiteral("p3")),
                    channelRecord(QStringLiteral("#c"), 5000, QStringLiteral("c1")),
                    // Events do not make a conversation.
                    channelRecord(QStringLiteral("#d"), 6000, QStringLiteral("d1"), Kind::Event),
                    channelRecord(QStringLiteral("#a"), 7000, QStringLiteral("a2"), Kind::Event)}));
    const QStringList channels = {QStringLiteral("#a"), QStringLiteral("#b"), QStringLiteral("#c"),
                                  QStringLiteral("#d"), QStringLiteral("#zzz")};

    std::vector<HistoryTarget> found = m_store->targets(alice, channels, 0, 10000, 100);
    QCOMPARE(targetNames(found), QStringList({QStringLiteral("#a"), bob, QStringLiteral("#b"),
                                              QStringLiteral("carol"), QStringLiteral("#c")}));
    const std::vector<qint64> times = {1000, 2000, 3000, 4000, 5000};
    for (size_t i = 0; i < found.size(); ++i)
        QCOMPARE(found[i].lastMs, times[i]);

    // The window is exclusive at both ends.
    QCOMPARE(targetNames(m_store->targets(alice, channels, 1000, 5000, 100)),
             QStringList({bob, QStringLiteral("#b"), QStringLiteral("carol")}));
    QCOMPARE(targetNames(m_store->targets(alice, channels, 999, 5001, 100)).size(), 5);
    // The oldest first, at most limit, over channels and conversations together.
    QCOMPARE(targetNames(m_store->targets(alice, channels, 0, 10000, 2)),
             QStringList({QStringLiteral("#a"), bob}));
    QCOMPARE(targetNames(m_store->targets(alice, channels, 0, 10000, 3)),
             QStringList({QStringLiteral("#a"), bob, QStringLiteral("#b")}));
    QVERIFY(m_store->targets(alice, channels, 0, 10000, 0).empty());
    // The newest first bound first (as clients send it, so that the limit keeps the most recent
    // targets): the same window, the limit taken from the newest end, still oldest first.
    QCOMPARE(targetNames(m_store->targets(alice, channels, 10000, 0, 100)),
             QStringList({QStringLiteral("#a"), bob, QStringLiteral("#b"), QStringLiteral("carol"),
                          QStringLiteral("#c")}));
    QCOMPARE(targetNames(m_store->targets(alice, channels, 10000, 0, 2)),
             QStringList({QStringLiteral("carol"), QStringLiteral("#c")}));
    QCOMPARE(targetNames(m_store->targets(alice, channels, 10000, 0, 3)),
             QStringList({QStringLiteral("#b"), QStringLiteral("carol"), QStringLiteral("#c")}));
    QCOMPARE(targetNames(m_store->targets(alice, channels, 5000, 1000, 100)),
             QStringList({bob, QStringLiteral("#b"), QStringLiteral("carol")}));
    QCOMPARE(targetNames(m_store->targets(bob, {}, 10000, 0, 1)),
             QStringList(QStringLiteral("dave")));
    QVERIFY(m_store->targets(alice, channels, 3000, 3000, 100).empty());
    // Only the channels asked for.
    QCOMPARE(targetNames(m_store->targets(alice, {QStringLiteral("#b")}, 0, 10000, 100)),
             QStringList({bob, QStringLiteral("#b"), QStringLiteral("carol")}));
    // Each owner their own conversations; a guest none.
    QCOMPARE(targetNames(m_store->targets(bob, {}, 0, 10000, 100)),
             QStringList({alice, QStringLiteral("dave")}));
    QCOMPARE(targetNames(m_store->targets(QString(), channels, 0, 10000, 100)),
             QStringList({QStringLiteral("#a"), QStringLiteral("#b"), QStringLiteral("#c")}));
    QVERIFY(m_store->targets(QStringLiteral("nobody"), {}, 0, 10000, 100).empty());
}

void tst_SqlHistoryStore::targetsKeepTheLastTime()
{
    // An older record appended after a newer one does not move the conversation back.
    QVERIFY(append(
        {record(QStringLiteral("alice"), QStringLiteral("bob"), 2000, QStringLiteral("p2"))}));
    QVERIFY(append(
        {record(QStringLiteral("alice"), QStringLiteral("bob"), 500, QStringLiteral("p1"))}));
    QVERIFY(append({channelRecord(Channel, 3000, QStringLiteral("c2")),
                    channelRecord(Channel, 1000, QStringLiteral("c1"))}));
    const std::vector<HistoryTarget> found =
        m_store->targets(QStringLiteral("alice"), {Channel}, 0, 10000, 100);
    QCOMPARE(targetNames(found), QStringList({QStringLiteral("bob"), Channel}));
    QCOMPARE(found[0].lastMs, 2000);
    QCOMPARE(found[1].lastMs, 3000);
    QVERIFY(m_store->targets(QStringLiteral("alice"), {Channel}, 2000, 3000, 100).empty());
}

void tst_SqlHistoryStore::takePending()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    auto pending = [](HistoryRecord record) {
        record.pending = true;
        return record;
    };
    QVERIFY(append({record(alice, bob, 100, QStringLiteral("q1")),
                    pending(record(bob, alice, 100, QStringLiteral("q1"))),
                    pending(record(QStringLiteral("dave"), alice, 150, QStringLiteral("q3"))),
                    record(bob, alice, 200, QStringLiteral("q0")),
                    pending(record(bob, QStringLiteral("carol"), 300, QStringLiteral("q2")))}));
    // Appended last, but the oldest.
    QVERIFY(append({pending(record(bob, QStringLiteral("erin"), 50, QStringLiteral("q4")))}));

    const std::vector<HistoryRecord> taken = m_store->takePending(bob);
    QCOMPARE(msgids(taken),
             QStringList({QStringLiteral("q4"), QStringLiteral("q1"), QStringLiteral("q2")}));
    for (const HistoryRecord& record : taken)
        QCOMPARE(record.owner, bob);
    QCOMPARE(taken[1].target, alice);
    QVERIFY(m_store->takePending(bob).empty());
    // Still in the history.
    QCOMPARE(latest(*m_store, bob, alice),
             QStringList({QStringLiteral("q1"), QStringLiteral("q0")}));
    // Others' pending messages stay pending until they are taken.
    QCOMPARE(msgids(m_store->takePending(QStringLiteral("dave"))),
             QStringList(QStringLiteral("q3")));
    QVERIFY(m_store->takePending(QStringLiteral("dave")).empty());
    QVERIFY(m_store->takePending(alice).empty());
    // A new one, once.
    QVERIFY(append({pending(record(bob, alice, 400, QStringLiteral("q5")))}));
    QCOMPARE(msgids(m_store->takePending(bob)), QStringList(QStringLiteral("q5")));
    QVERIFY(m_store->takePending(bob).empty());
}

namespace {

// A private message between two accounts: from's view and to's, one row.
HistoryRecord privateRecord(const QString& from, const QString& to, qint64 timeMs,
                            const QString& msgid, bool pending = false)
{
    HistoryRecord message = record(from, to, timeMs, msgid);
    message.betweenAccounts = true;
    message.pending = pending;
    return message;
}

} // namespace

void tst_SqlHistoryStore::privateMessageStoredOnce()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    QVERIFY(append({privateRecord(alice, bob, 100, QStringLiteral("p1")),
                    privateRecord(bob, alice, 200, QStringLiteral("p2"), true),
                    privateRecord(alice, bob, 300, QStringLiteral("p3"), true)}));
    QCOMPARE(m_store->count(), 3);
    const QStringList all = {QStringLiteral("p1"), QStringLiteral("p2"), QStringLiteral("p3")};
    QCOMPARE(latest(*m_store, alice, bob), all);
    QCOMPARE(latest(*m_store, bob, alice), all);
    // Each party finds a msgid of the conversation, and TARGETS names the other party.
    QCOMPARE(
        msgids(m_store->find(query(bob, alice, Direction::After, QStringLiteral("id:p1"), {}, 10))),
        QStringList({QStringLiteral("p2"), QStringLiteral("p3")}));
    QCOMPARE(targetNames(m_store->targets(alice, {}, 0, 1000, 10)), QStringList(bob));
    QCOMPARE(targetNames(m_store->targets(bob, {}, 0, 1000, 10)), QStringList(alice));
    QCOMPARE(m_store->targets(bob, {}, 0, 1000, 10).front().lastMs, 300);
    // Pending for the recipient only, named by the recipient's correspondent.
    const std::vector<HistoryRecord> bobs = m_store->takePending(bob);
    QCOMPARE(msgids(bobs), QStringList(QStringLiteral("p3")));
    QCOMPARE(bobs.front().owner, bob);
    QCOMPARE(bobs.front().target, alice);
    QCOMPARE(msgids(m_store->takePending(alice)), QStringList(QStringLiteral("p2")));
    // Nobody else reads it.
    QVERIFY(latest(*m_store, QStringLiteral("carol"), alice).isEmpty());
    QVERIFY(latest(*m_store, alice, QStringLiteral("carol")).isEmpty());
}

// A batch longer than SQLite's multi-row INSERT, with a remainder: the ids that rows get before
// they are written (the offline marks name them) are the rows' own, and keep growing from one
// batch to the next.
void tst_SqlHistoryStore::rowIdsNamedBeforeTheRowsAreWritten()
{
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    const int size = 2 * SqliteHistoryStore::RowsPerStatement + 7;
    for (int round = 0; round < 3; ++round) {
        std::vector<HistoryRecord> batch;
        QStringList pending;
        for (int i = 0; i < size; ++i) {
            const QString msgid = QStringLiteral("r%1-%2").arg(round).arg(i);
            batch.push_back(privateRecord(alice, bob, 1000 * round + i, msgid, i % 3 == round));
            if (batch.back().pending)
                pending.append(msgid);
        }
        QVERIFY(append(batch));
        const std::vector<HistoryRecord> taken = m_store->takePending(bob);
        QCOMPARE(msgids(taken), pending);
        for (const HistoryRecord& record : taken)
            QCOMPARE(record.line(), "PRIVMSG bob :" + record.msgid.toUtf8());
    }
    QCOMPARE(m_store->count(), 3 * size);
    const std::vector<HistoryRecord> all =
        m_store->find(query(bob, alice, Direction::Latest, {}, {}, 1000));
    QCOMPARE(all.size(), size_t(3 * size));
    for (size_t i = 1; i < all.size(); ++i)
        QVERIFY(all[i].id > all[i - 1].id);
    QCOMPARE(all.back().msgid, QStringLiteral("r2-%1").arg(size - 1));
}

void tst_SqlHistoryStore::partyNewToAConversationSeesNothingOlder()
{
    // alice talked with a guest called zed (only alice's view); later an account zed talks
    // with alice: zed's view starts at its first message, alice's goes on.
    const QString alice = QStringLiteral("alice");
    const QString zed = QStringLiteral("zed");
    QVERIFY(append({record(alice, zed, 100, QStringLiteral("guest1"))}));
    QVERIFY(append({record(alice, zed, 200, QStringLiteral("guest2")),
                    privateRecord(zed, alice, 200, QStringLiteral("acct1"))}));
    QVERIFY(append({privateRecord(alice, zed, 300, QStringLiteral("acct2"))}));
    QCOMPARE(m_store->count(), 4);
    QCOMPARE(latest(*m_store, alice, zed),
             QStringList({QStringLiteral("guest1"), QStringLiteral("guest2"),
                          QStringLiteral("acct1"), QStringLiteral("acct2")}));
    QCOMPARE(latest(*m_store, zed, alice),
             QStringList({QStringLiteral("acct1"), QStringLiteral("acct2")}));
    // Not by msgid or timestamp either.
    QVERIFY(m_store->find(query(zed, alice, Direction::Around, QStringLiteral("id:guest1"), {}, 10))
                .empty());
    QCOMPARE(msgids(m_store->find(
                 query(zed, alice, Direction::Before, QStringLiteral("ts:250"), {}, 10))),
             QStringList(QStringLiteral("acct1")));
}

void tst_SqlHistoryStore::viewsThatGrewApartEachGetACopy()
{
    // Each party's view began on its own (copies from before one row was shared): a new message
    // goes into both conversations, read once by each.
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    QVERIFY(append({record(alice, bob, 100, QStringLiteral("a-own")),
                    record(bob, alice, 100, QStringLiteral("b-own"))}));
    QVERIFY(append({privateRecord(alice, bob, 200, QStringLiteral("both"), true)}));
    QCOMPARE(m_store->count(), 4);
    QCOMPARE(latest(*m_store, alice, bob),
             QStringList({QStringLiteral("a-own"), QStringLiteral("both")}));
    QCOMPARE(latest(*m_store, bob, alice),
             QStringList({QStringLiteral("b-own"), QStringLiteral("both")}));
    QCOMPARE(msgids(m_store->takePending(bob)), QStringList(QStringLiteral("both")));
    QVERIFY(m_store->takePending(alice).empty());
}

void tst_SqlHistoryStore::pruneByAge()
{
    std::vector<HistoryRecord> records;
    for (int i = 1; i <= 10; ++i) {
        records.push_back(channelRecord(Channel, i * 1000, QStringLiteral("c%1").arg(i)));
        records.push_back(record(QStringLiteral("alice"), QStringLiteral("bob"), i * 1000 + 1,
                                 QStringLiteral("p%1").arg(i)));
    }
    QVERIFY(append(records));
    QCOMPARE(m_store->count(), 20);

    // Older than 5000 ms: c1..c4 and p1..p4 (c5 is at the cut and stays).
    QCOMPARE(m_store->prune(5000, 0, 1000), 8);
    QCOMPARE(m_store->count(), 12);
    QCOMPARE(latest(*m_store, QString(), Channel),
             QStringList({QStringLiteral("c5"), QStringLiteral("c6"), QStringLiteral("c7"),
                          QStringLiteral("c8"), QStringLiteral("c9"), QStringLiteral("c10")}));
    QCOMPARE(latest(*m_store, QStringLiteral("alice"), QStringLiteral("bob")).first(),
             QStringLiteral("p5"));
    QCOMPARE(m_store->prune(5000, 0, 1000), 0);
    QCOMPARE(m_store->count(), 12);
    QCOMPARE(m_store->prune(0, 0, 1000), 0); // no age limit, no count limit
}

void tst_SqlHistoryStore::pruneByCount()
{
    std::vector<HistoryRecord> records;
    for (int i = 1; i <= 10; ++i)
        records.push_back(
            channelRecord(QStringLiteral("#a"), i * 100, QStringLiteral("a%1").arg(i)));
    for (int i = 1; i <= 3; ++i)
        records.push_back(
            channelRecord(QStringLiteral("#b"), i * 100, QStringLiteral("b%1").arg(i)));
    for (int i = 1; i <= 6; ++i) {
        records.push_back(record(QStringLiteral("alice"), QStringLiteral("bob"), i * 100,
                                 QStringLiteral("p%1").arg(i)));
    }
    // Five records in one millisecond, with an event among them: the newest by row id stay.
    for (int i = 1; i <= 5; ++i) {
        records.push_back(channelRecord(QStringLiteral("#t"), 700, QStringLiteral("t%1").arg(i),
                                        i == 4 ? Kind::Event : Kind::Message));
    }
    // A room where only events happened (joins and parts, no message yet).
    for (int i = 1; i <= 6; ++i) {
        records.push_back(channelRecord(QStringLiteral("#quiet"), i * 100,
                                        QStringLiteral("q%1").arg(i), Kind::Event));
    }
    QVERIFY(append(records));
    QCOMPARE(m_store->count(), 30);

    QCOMPARE(m_store->prune(0, 4, 1000), 6 + 0 + 2 + 1 + 2);
    QCOMPARE(m_store->count(), 19);
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#quiet")),
             QStringList({QStringLiteral("q3"), QStringLiteral("q4"), QStringLiteral("q5"),
                          QStringLiteral("q6")}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#a")),
             QStringList({QStringLiteral("a7"), QStringLiteral("a8"), QStringLiteral("a9"),
                          QStringLiteral("a10")}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#b")),
             QStringList({QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}));
    QCOMPARE(latest(*m_store, QStringLiteral("alice"), QStringLiteral("bob")),
             QStringList({QStringLiteral("p3"), QStringLiteral("p4"), QStringLiteral("p5"),
                          QStringLiteral("p6")}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#t")),
             QStringList({QStringLiteral("t2"), QStringLiteral("t3"), QStringLiteral("t4"),
                          QStringLiteral("t5")}));
    QCOMPARE(m_store->prune(0, 4, 1000), 0);

    // Age and count together.
    QCOMPARE(m_store->prune(300, 2, 1000), 2 + 2 + 2 + 2 + 2);
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#a")),
             QStringList({QStringLiteral("a9"), QStringLiteral("a10")}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#b")), QStringList(QStringLiteral("b3")));
    QCOMPARE(m_store->count(), 9);
}

void tst_SqlHistoryStore::pruneBatchCap()
{
    std::vector<HistoryRecord> records;
    for (int i = 1; i <= 10; ++i)
        records.push_back(channelRecord(QStringLiteral("#old"), i, QStringLiteral("o%1").arg(i)));
    for (int i = 1; i <= 10; ++i)
        records.push_back(
            channelRecord(QStringLiteral("#a"), 100 + i, QStringLiteral("a%1").arg(i)));
    for (int i = 1; i <= 10; ++i)
        records.push_back(
            channelRecord(QStringLiteral("#b"), 200 + i, QStringLiteral("b%1").arg(i)));
    QVERIFY(append(records));

    // By age: at most batch rows per call, the oldest first.
    QCOMPARE(m_store->prune(50, 0, 3), 3);
    QCOMPARE(m_store->count(), 27);
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#old")).first(), QStringLiteral("o4"));
    QCOMPARE(m_store->prune(50, 0, 3), 3);
    QCOMPARE(m_store->prune(50, 0, 3), 3);
    QCOMPARE(m_store->prune(50, 0, 3), 1);
    QCOMPARE(m_store->prune(50, 0, 3), 0);
    QCOMPARE(m_store->count(), 20);

    // By count: the cap holds across conversations, and repeated calls finish the job.
    QCOMPARE(m_store->prune(0, 2, 5), 5);
    QCOMPARE(m_store->count(), 15);
    int total = 5;
    for (int calls = 0; calls < 10; ++calls) {
        const int deleted = m_store->prune(0, 2, 5);
        QVERIFY(deleted >= 0 && deleted <= 5);
        total += deleted;
        if (deleted == 0)
            break;
    }
    QCOMPARE(total, 16);
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#a")),
             QStringList({QStringLiteral("a9"), QStringLiteral("a10")}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#b")),
             QStringList({QStringLiteral("b9"), QStringLiteral("b10")}));
    QCOMPARE(m_store->count(), 4);
}

void tst_SqlHistoryStore::readMarkersOnlyMoveForward()
{
    const QString alice = QStringLiteral("alice");
    QVERIFY(!m_store->readMarker(alice, Channel));
    QCOMPARE(m_store->setReadMarker(alice, Channel, 1000), std::optional<qint64>(1000));
    QCOMPARE(m_store->readMarker(alice, Channel), std::optional<qint64>(1000));
    // Backwards: refused, the stored marker is the answer.
    QCOMPARE(m_store->setReadMarker(alice, Channel, 500), std::optional<qint64>(1000));
    QCOMPARE(m_store->readMarker(alice, Channel), std::optional<qint64>(1000));
    QCOMPARE(m_store->setReadMarker(alice, Channel, 1000), std::optional<qint64>(1000));
    QCOMPARE(m_store->setReadMarker(alice, Channel, 2000), std::optional<qint64>(2000));
    QCOMPARE(m_store->readMarker(alice, Channel), std::optional<qint64>(2000));
    // Per owner and target.
    QVERIFY(!m_store->readMarker(alice, QStringLiteral("#other")));
    QVERIFY(!m_store->readMarker(QStringLiteral("bob"), Channel));
    QCOMPARE(m_store->setReadMarker(QStringLiteral("bob"), Channel, 10), std::optional<qint64>(10));
    QCOMPARE(m_store->readMarker(alice, Channel), std::optional<qint64>(2000));
    QCOMPARE(m_store->readMarker(QStringLiteral("bob"), Channel), std::optional<qint64>(10));
}

void tst_SqlHistoryStore::count()
{
    QCOMPARE(m_store->count(), 0);
    fillChannel();
    QCOMPARE(m_store->count(), 12);
    QVERIFY(append({channelRecord(Channel, 9000, QStringLiteral("late"), Kind::Event)}));
    QCOMPARE(m_store->count(), 13);
}

#ifdef CONFAB_TEST_POSTGRES
// Two nodes on one database store the first message of one room at the same time: the second
// waits for the first to commit its view of the room, then writes into it (an insert that
// failed on the view's uniqueness would lose its whole batch).
void tst_SqlHistoryStore::twoWritersAddTheSameViewAtOnce()
{
    // The first writer's transaction: it has added #race's view, and not committed yet.
    const QString blockerName = QStringLiteral("test-blocker");
    {
        QSqlDatabase blocker = openRawConnection(m_location, blockerName);
        QVERIFY2(blocker.isOpen(), qPrintable(blocker.lastError().text()));
        QVERIFY(blocker.transaction());
        QSqlQuery insert(blocker);
        QVERIFY2(insert.exec(QStringLiteral("INSERT INTO history_views (owner, target,"
                                            " conversation) VALUES ('', '#race', 0)")),
                 qPrintable(insert.lastError().text()));
    }
    // The second writer, on its own connection and thread (as on another node).
    bool appended = false;
    QString error;
    std::thread second([this, &appended, &error] {
        PostgresHistoryStore other(QStringLiteral("test-second-writer"));
        if (!other.open(m_location)) {
            error = other.errorString();
            return;
        }
        appended =
            other.append({channelRecord(QStringLiteral("#race"), 2000, QStringLiteral("second"))});
        error = other.errorString();
    });
    QTest::qWait(300); // the second writer is now waiting on the view's uniqueness
    {
        QSqlDatabase blocker = QSqlDatabase::database(blockerName);
        QSqlQuery name(blocker);
        QVERIFY(name.exec(QStringLiteral("UPDATE history_views SET conversation = id")));
        QVERIFY(blocker.commit());
        blocker.close();
    }
    QSqlDatabase::removeDatabase(blockerName);
    second.join();
    QVERIFY2(appended, qPrintable(error));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#race")),
             QStringList(QStringLiteral("second")));
    // And the first store writes into the same view afterwards.
    QVERIFY(append({channelRecord(QStringLiteral("#race"), 3000, QStringLiteral("third"))}));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#race")),
             (QStringList{QStringLiteral("second"), QStringLiteral("third")}));
}
// PostgreSQL restarted (here: the server ends the store's connection). The next statement
// fails; recoverConnection() opens a new connection, and the same batch then goes in. A failure
// of the statement itself is not mistaken for a lost connection.
void tst_SqlHistoryStore::reconnectsAfterTheConnectionIsLost()
{
    fillChannel();
    QVERIFY(!m_store->recoverConnection()); // nothing failed
    QCOMPARE(m_postgres.dropConfabdConnections(), 1);
    const std::vector<HistoryRecord> batch{channelRecord(Channel, 9000, QStringLiteral("after-1")),
                                           channelRecord(Channel, 9001, QStringLiteral("after-2"))};
    QVERIFY(!m_store->append(batch));
    QVERIFY2(m_store->recoverConnection(), qPrintable(m_store->errorString()));
    QVERIFY(append(batch));
    const QStringList all = latest(*m_store, QString(), Channel);
    QCOMPARE(all.mid(all.size() - 2),
             (QStringList{QStringLiteral("after-1"), QStringLiteral("after-2")}));
    QCOMPARE(m_store->count(), 14);
    // Reads work on the new connection, prepared statements and all.
    QCOMPARE(m_store->setReadMarker(QStringLiteral("alice"), Channel, 9000),
             std::optional<qint64>(9000));
    // A statement that fails on a live connection (its table is gone): nothing to recover.
    QSqlQuery drop(m_store->database().connection());
    QVERIFY(drop.exec(QStringLiteral("DROP TABLE read_markers")));
    QVERIFY(!m_store->readMarker(QStringLiteral("alice"), Channel));
    QVERIFY(!m_store->recoverConnection());
    QVERIFY(m_store->errorString().contains(QLatin1String("read_markers")));
}
#else
void tst_SqlHistoryStore::appendWhenTheDatabaseIsFull()
{
    fillChannel();
    QSqlQuery pragma(m_store->database().connection());
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA page_count")));
    QVERIFY(pragma.next());
    const int pages = pragma.value(0).toInt();
    pragma.finish();
    // No room for another page (max_page_count is this connection's, not the file's).
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages)));
    pragma.finish();

    // A batch that fits up to its last record is not stored at all.
    HistoryRecord big = channelRecord(QStringLiteral("#new"), 9000, QStringLiteral("big"));
    big.setLine(QByteArray(256 * 1024, 'x'));
    QVERIFY(!m_store->append(
        {channelRecord(QStringLiteral("#new"), 8000, QStringLiteral("small")), big}));
    QVERIFY(!m_store->errorString().isEmpty());
    QVERIFY2(m_store->errorString().contains(QLatin1String("full"), Qt::CaseInsensitive),
             qPrintable(m_store->errorString()));
    QVERIFY(!m_store->append({big}));

    // The store still answers, with what it had.
    QCOMPARE(m_store->count(), 12);
    QCOMPARE(latest(*m_store, QString(), Channel).size(), 9);
    QVERIFY(latest(*m_store, QString(), QStringLiteral("#new")).isEmpty());
    QVERIFY(m_store->targets(QString(), {QStringLiteral("#new")}, 0, 100000, 10).empty());

    // And writes again once there is room. The view the failed batch had added is gone with
    // it: another room's view is added first (and may take its place), then #new's own.
    QVERIFY(pragma.exec(QStringLiteral("PRAGMA max_page_count = 1073741823")));
    pragma.finish();
    QVERIFY(append({channelRecord(QStringLiteral("#later"), 9500, QStringLiteral("later"))}));
    QVERIFY(append({big}));
    QCOMPARE(m_store->count(), 14);
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#new")),
             QStringList(QStringLiteral("big")));
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#later")),
             QStringList(QStringLiteral("later")));
}

void tst_SqlHistoryStore::checkpointsOnTheirOwnThread()
{
    // A small threshold: the checkpoint thread copies the log back from 160 KiB on, and the
    // writer itself only if the log still reaches twice that.
    const qint64 pageBytes =
        scalar(m_store->database().connection(), QStringLiteral("PRAGMA page_size"));
    QCOMPARE(pageBytes, qint64(Database::SqlitePageBytes)); // a new file
    QCOMPARE(m_store->checkpointPages(), SqliteHistoryStore::checkpointPagesFor(pageBytes));
    m_store->setCheckpointPages(int(160 * 1024 / pageBytes));
    const QString wal = m_dir->filePath(QStringLiteral("history.sqlite-wal"));
    qint64 largestLog = 0;
    const QByteArray text(200, 't');
    int stored = 0;
    for (int batch = 0; batch < 60; ++batch) {
        std::vector<HistoryRecord> records;
        for (int i = 0; i < 100; ++i, ++stored) {
            HistoryRecord record = channelRecord(QStringLiteral("#ckpt%1").arg(i % 7),
                                                 1000 + stored, QStringLiteral("c%1").arg(stored));
            record.setLine(text);
            records.push_back(record);
        }
        QVERIFY(append(records));
        largestLog = std::max(largestLog, QFileInfo(wal).size());
        // The checkpoint thread has the time the loop's batches leave it: it flushes the disk
        // at the end of each checkpoint, which takes from microseconds to a tenth of a second
        // on a busy machine, and meanwhile the writer's own checkpoints find it busy.
        QTRY_VERIFY(m_store->checkpointThreadIdle());
    }
    QVERIFY(m_store->checkpointThreadPages() > 0);
    // The 60 commits write about 18 MB of pages to the log (32 KiB pages, 300 KB a commit): it
    // started again instead of holding them all (its file keeps the size it reached, up to
    // journal_size_limit). It starts again with the first commit after a checkpoint has
    // copied it whole: it reached 1.9 MB here.
    QVERIFY2(largestLog < 4 * 1024 * 1024, qPrintable(QString::number(largestLog)));
    QCOMPARE(m_store->count(), qint64(stored));
    QSqlQuery check(m_store->database().connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
}

void tst_SqlHistoryStore::sqliteSetUpAsConfabdDoes()
{
    // main() called Database::configureSqliteLibrary() before SQLite's first use: no memory
    // statistics (each allocation took a lock for them), so SQLite counts nothing.
    fillChannel();
    QCOMPARE(m_store->count(), 12);
    QCOMPARE(sqlite3_memory_used(), 0);
    // Too late now that SQLite is in use: the call says so.
    QVERIFY(!Database::configureSqliteLibrary());
}

namespace {

// SQLite's default VFS, counting the statement journals it is asked to open (a statement that
// could fail halfway keeps one to undo itself alone, spilled to a file past 64 KiB).
struct SubjournalCountingVfs
{
    static inline sqlite3_vfs* base = nullptr;
    static inline sqlite3_vfs vfs{};
    static inline std::atomic<int> subjournals{0};

    static int open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags,
                    int* outFlags)
    {
        if (flags & SQLITE_OPEN_SUBJOURNAL)
            ++subjournals;
        return base->xOpen(base, name, file, flags, outFlags);
    }
    // Made the default VFS while it lives; the one before is again afterwards.
    SubjournalCountingVfs()
    {
        base = sqlite3_vfs_find(nullptr);
        vfs = *base;
        vfs.zName = "confab-test-subjournals";
        vfs.xOpen = &open;
        sqlite3_vfs_register(&vfs, 1);
    }
    ~SubjournalCountingVfs()
    {
        sqlite3_vfs_unregister(&vfs);
        sqlite3_vfs_register(base, 1);
    }
};

} // namespace

void tst_SqlHistoryStore::checkpointThresholdInTheFilesPages()
{
    // A file made before 32 KiB pages keeps SQLite's default of 4 KiB: the checkpoint thread
    // still starts at WalCheckpointBytes of log, that is eight times as many of its pages.
    const QString path = m_dir->filePath(QStringLiteral("small-pages.sqlite"));
    {
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(path).constData(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, "PRAGMA page_size=4096; CREATE TABLE made_before (x);",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(raw);
    }
    SqliteHistoryStore store(QStringLiteral("test-small-pages"));
    QVERIFY2(store.open(path), qPrintable(store.errorString()));
    QCOMPARE(scalar(store.database().connection(), QStringLiteral("PRAGMA page_size")),
             qint64(4096));
    QCOMPARE(store.checkpointPages(), int(SqliteHistoryStore::WalCheckpointBytes / 4096));
    QCOMPARE(m_store->checkpointPages(),
             int(SqliteHistoryStore::WalCheckpointBytes / Database::SqlitePageBytes));
    QVERIFY(store.append({channelRecord(QStringLiteral("#old"), 1000, QStringLiteral("o1"))}));
    QCOMPARE(latest(store, QString(), QStringLiteral("#old")), QStringList(QStringLiteral("o1")));
}

void tst_SqlHistoryStore::batchesKeepNoStatementJournal()
{
    // The batch's transaction is rolled back whole on any failure, so no INSERT of several rows
    // needs undoing alone: writing the statement journals of SQLite's default (ABORT) took more
    // than half of the history thread's time.
    SubjournalCountingVfs counting;
    SqliteHistoryStore store(QStringLiteral("test-subjournals"));
    QVERIFY2(store.open(m_dir->filePath(QStringLiteral("subjournals.sqlite"))),
             qPrintable(store.errorString()));
    // Not counted: making the schema, and adding the rooms' views (once per conversation; with
    // 32 KiB pages its row and index pass the 64 KiB SQLite keeps in memory).
    std::vector<HistoryRecord> first;
    for (int i = 0; i < 50; ++i)
        first.push_back(
            channelRecord(QStringLiteral("#j%1").arg(i), 500, QStringLiteral("f%1").arg(i)));
    QVERIFY2(store.append(first), qPrintable(store.errorString()));
    SubjournalCountingVfs::subjournals = 0;
    const QByteArray text(200, 't');
    std::vector<HistoryRecord> records;
    for (int i = 0; i < 5000; ++i) {
        records.push_back(channelRecord(QStringLiteral("#j%1").arg(i % 50), 1000 + i,
                                        QStringLiteral("j%1").arg(i)));
        records.back().setLine(text);
    }
    QVERIFY2(store.append(records), qPrintable(store.errorString()));
    QCOMPARE(store.count(), qint64(first.size() + records.size()));
    QCOMPARE(SubjournalCountingVfs::subjournals.load(), 0);
}
#endif

#ifndef CONFAB_TEST_POSTGRES
namespace {

// The store's queries without its spans: the SQL it shares with PostgreSQL, by conversation and
// (time, id), and msgids by their counter (here scans of the whole table: SQLite's history has
// no index by conversation, nor since schema 9 by counter), to check the spans' answers against.
class RowOrderStore : public SqliteHistoryStore
{
public:
    using SqliteHistoryStore::SqliteHistoryStore;

protected:
    std::vector<HistoryRecord> selectRange(const HistoryQuery& query, const View& view,
                                           const std::optional<Point>& after,
                                           const std::optional<Point>& before, Order order,
                                           int limit) override
    {
        return SqlHistoryStore::selectRange(query, view, after, before, order, limit);
    }
    bool findByNumber(const View& view, qint64 number, const QString& msgid,
                      std::optional<Point>* point) override
    {
        return SqlHistoryStore::findByNumber(view, number, msgid, point);
    }
};

// A store whose rows end up with other ids than SQLite gives them (the table's largest plus
// one, in order): the ids the batch's views and offline marks name.
class MisnumberedStore : public SqliteHistoryStore
{
public:
    using SqliteHistoryStore::SqliteHistoryStore;

protected:
    void arrangeRows(std::vector<QueuedRow>& rows) override
    {
        SqliteHistoryStore::arrangeRows(rows);
        for (QueuedRow& row : rows)
            row.id += 1000;
    }
};

// What SQLite makes of a statement with parameters: the steps of its plan, "; " between them.
QString queryPlan(QSqlDatabase& database, const QString& sql)
{
    QSqlQuery explain(database);
    if (!explain.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql))
        return explain.lastError().text();
    for (int i = 0; i < sql.count(u'?'); ++i)
        explain.bindValue(i, 1);
    if (!explain.exec())
        return explain.lastError().text();
    QStringList steps;
    while (explain.next())
        steps.append(explain.value(3).toString());
    return steps.join(QStringLiteral("; "));
}

// The SQL of SqliteHistoryStore's look-up of a msgid by its counter.
class CounterLookup : public SqliteHistoryStore
{
public:
    using SqliteHistoryStore::findByNumberSql;
};

} // namespace

// Schema 8: a batch's rows of each conversation have consecutive ids, in the order they came,
// and one span per conversation per batch finds them; history has no index by conversation.
void tst_SqlHistoryStore::aBatchWritesASpanPerConversation()
{
    std::vector<HistoryRecord> first;
    QStringList room0;
    for (int i = 0; i < 30; ++i) {
        first.push_back(channelRecord(QStringLiteral("#s%1").arg(i % 3), 1000 + i,
                                      QStringLiteral("s%1").arg(i)));
        if (i % 3 == 0)
            room0.append(first.back().msgid);
    }
    QVERIFY(append(first));
    QVERIFY(append({channelRecord(QStringLiteral("#s0"), 2000, QStringLiteral("late0")),
                    channelRecord(QStringLiteral("#s1"), 2001, QStringLiteral("late1")),
                    channelRecord(QStringLiteral("#s0"), 2002, QStringLiteral("late2"))}));
    room0 << QStringLiteral("late0") << QStringLiteral("late2");
    QCOMPARE(latest(*m_store, QString(), QStringLiteral("#s0")), room0);

    const QString rawName = QStringLiteral("test-spans");
    {
        QSqlDatabase raw = openRawConnection(
            DatabaseLocation::sqlite(m_dir->filePath(QStringLiteral("history.sqlite"))), rawName);
        QVERIFY2(raw.isOpen(), qPrintable(raw.lastError().text()));
        QCOMPARE(scalar(raw, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                            " WHERE name = 'history_by_conversation'")),
                 0);
        QSqlQuery spans(raw);
        QVERIFY(spans.exec(QStringLiteral("SELECT conversation, first_id, last_id, first_ms,"
                                          " last_ms, ordered FROM history_spans ORDER BY first_id")));
        QList<qint64> sizes;
        while (spans.next()) {
            const qint64 firstId = spans.value(1).toLongLong();
            const qint64 lastId = spans.value(2).toLongLong();
            sizes.append(lastId - firstId + 1);
            // Every id of the span is a row of its conversation, in its times.
            QCOMPARE(scalar(raw, QStringLiteral("SELECT COUNT(*) FROM history WHERE id BETWEEN"
                                                " %1 AND %2 AND conversation = %3"
                                                " AND time_ms BETWEEN %4 AND %5")
                                     .arg(firstId)
                                     .arg(lastId)
                                     .arg(spans.value(0).toLongLong())
                                     .arg(spans.value(3).toLongLong())
                                     .arg(spans.value(4).toLongLong())),
                     lastId - firstId + 1);
            QCOMPARE(spans.value(5).toInt(), 1); // ordered
        }
        QCOMPARE(sizes, QList<qint64>({10, 10, 10, 2, 1}));
        raw.close();
    }
    QSqlDatabase::removeDatabase(rawName);
}

// Schema 9: a span keeps the smallest and largest msgid counter of its rows, which are less
// than SpanNumberWidth apart (a batch's rows of a conversation are cut where they would not be),
// and a msgid with a counter is found through them: history has no index by counter.
void tst_SqlHistoryStore::spansKeepTheirCounters()
{
    const qint64 width = SchemaMigrations::SpanNumberWidth;
    const auto counted = [](qint64 number) {
        return MessageId(QStringLiteral("abcdefghijkl"), quint64(number)).toString();
    };
    // #a: three counters, a msgid without one, then counters a width above the first: two spans.
    // #b: a width less one apart: one span. #c: no counters.
    const QStringList a = {counted(100),         counted(102),         counted(101),
                           QStringLiteral("t1"), counted(100 + width), counted(101 + width)};
    const QStringList b = {counted(200), counted(200 + width - 1)};
    const QStringList c = {QStringLiteral("t2"), QStringLiteral("t3")};
    // The rooms' rows interleaved, as they come.
    std::vector<HistoryRecord> records;
    qint64 time = 1000;
    for (int i = 0; i < a.size(); ++i) {
        records.push_back(channelRecord(QStringLiteral("#a"), time++, a[i]));
        if (i < b.size())
            records.push_back(channelRecord(QStringLiteral("#b"), time++, b[i]));
        if (i < c.size())
            records.push_back(channelRecord(QStringLiteral("#c"), time++, c[i]));
    }
    QVERIFY(append(records));

    const QString rawName = QStringLiteral("test-span-counters");
    {
        QSqlDatabase raw = openRawConnection(
            DatabaseLocation::sqlite(m_dir->filePath(QStringLiteral("history.sqlite"))), rawName);
        QVERIFY2(raw.isOpen(), qPrintable(raw.lastError().text()));
        QCOMPARE(scalar(raw, QStringLiteral("SELECT COUNT(*) FROM sqlite_master"
                                            " WHERE name = 'history_by_msgid_number'")),
                 0);
        QSqlQuery spans(raw);
        QVERIFY(spans.exec(QStringLiteral(
            "SELECT v.target, s.last_id - s.first_id + 1, COALESCE(s.first_number, -1),"
            " COALESCE(s.last_number, -1) FROM history_spans s"
            " JOIN history_views v ON v.conversation = s.conversation ORDER BY s.first_id")));
        QStringList got;
        while (spans.next()) {
            got.append(QStringLiteral("%1 %2 %3 %4")
                           .arg(spans.value(0).toString())
                           .arg(spans.value(1).toLongLong())
                           .arg(spans.value(2).toLongLong())
                           .arg(spans.value(3).toLongLong()));
        }
        spans.finish();
        QCOMPARE(got, QStringList({QStringLiteral("#a 4 100 102"),
                                   QStringLiteral("#a 2 %1 %2").arg(100 + width).arg(101 + width),
                                   QStringLiteral("#b 2 200 %1").arg(200 + width - 1),
                                   QStringLiteral("#c 2 -1 -1")}));

        for (const auto& [room, ids] :
             {std::pair(QStringLiteral("#a"), a), std::pair(QStringLiteral("#b"), b),
              std::pair(QStringLiteral("#c"), c)}) {
            QCOMPARE(latest(*m_store, QString(), room), ids);
            for (int i = 0; i < ids.size(); ++i)
                QVERIFY(foundAround(*m_store, room, ids, i));
        }
        // Through the index of the spans' counters, then the span's ids: no scan of history,
        // nor an index SQLite would make on it for the query.
        const QString plan = queryPlan(raw, CounterLookup::findByNumberSql());
        QVERIFY2(plan.startsWith(QLatin1String("SEARCH s USING INDEX history_spans_by_number"
                                               " (last_number>? AND last_number<?)")),
                 qPrintable(plan));
        QVERIFY2(plan.endsWith(QLatin1String("; SEARCH h USING INTEGER PRIMARY KEY"
                                             " (rowid>? AND rowid<?)")),
                 qPrintable(plan));
        // In its own room only.
        QVERIFY(m_store
                    ->find(query(QString(), QStringLiteral("#b"), Direction::After,
                                 QStringLiteral("id:") + a[0], {}, 100))
                    .empty());
        // Found through the spans: a span that says it holds other counters hides its rows.
        QSqlQuery shift(raw);
        QVERIFY(shift.exec(QStringLiteral(
            "UPDATE history_spans SET first_number = 101 WHERE first_number = 100")));
        QCOMPARE(shift.numRowsAffected(), 1);
        QVERIFY(m_store
                    ->find(query(QString(), QStringLiteral("#a"), Direction::After,
                                 QStringLiteral("id:") + a[0], {}, 100))
                    .empty());
        QCOMPARE(msgids(m_store->find(query(QString(), QStringLiteral("#a"), Direction::After,
                                            QStringLiteral("id:") + a[2], {}, 1))),
                 QStringList(a[3]));
        raw.close();
    }
    QSqlDatabase::removeDatabase(rawName);
}

// Every query direction, bound, limit and kind through the spans gives what the rows in (time,
// id) order give: on many batches of interleaved conversations whose times repeat across
// batches (spans in order), then after a batch from a clock that went back (spans not in order).
// Two msgids in three have a counter, which grows by more than a span may hold
// (SchemaMigrations::SpanNumberWidth) every few rows, leaps far ahead now and then (a span of its
// own), and goes back with the clock (spans whose counters overlap earlier ones).
void tst_SqlHistoryStore::spansAnswerAsTheRowsDo()
{
    const QString path = m_dir->filePath(QStringLiteral("history.sqlite"));
    const QList<std::pair<QString, QString>> views = {
        {QString(), QStringLiteral("#d0")},
        {QString(), QStringLiteral("#d1")},
        {QString(), QStringLiteral("#d2")},
        {QStringLiteral("alice"), QStringLiteral("bob")}};
    std::mt19937 random(7);
    int n = 0;
    qint64 numbersFrom = 1000000000;
    QString prefix = QStringLiteral("abcdefghijkl"); // MessageId::numberOf()'s length
    const auto counted = [&](qint64 number) {
        return MessageId(prefix, quint64(number)).toString();
    };
    const auto fill = [&](int batches, qint64 fromMs, int onlyView) {
        for (int batch = 0; batch < batches; ++batch) {
            std::vector<HistoryRecord> records;
            for (int i = 0; i < 100; ++i, ++n) {
                const int pick = onlyView >= 0 ? onlyView : int(random() % 4);
                const qint64 time = fromMs + n / 8; // eight records a millisecond
                const Kind kind = n % 11 == 0 ? Kind::Event : Kind::Message;
                const qint64 number = numbersFrom + n * 2000 + (n % 37 == 0 ? 50000000 : 0);
                const QString msgid = n % 3 == 0 ? QStringLiteral("d%1").arg(n) : counted(number);
                records.push_back(pick < 3 ? channelRecord(views[pick].second, time, msgid, kind)
                                           : record(views[pick].first, views[pick].second, time,
                                                    msgid));
            }
            QVERIFY(append(records));
        }
    };
    RowOrderStore reference(QStringLiteral("test-row-order"));
    const auto compareAll = [&]() -> bool {
        for (const auto& [owner, target] : views) {
            const std::vector<HistoryRecord> all =
                reference.find(query(owner, target, Direction::Latest, {}, {}, 100000, true));
            if (all.size() < 50) {
                qWarning("%s: %zu records", qPrintable(target), all.size());
                return false;
            }
            QStringList bounds = {QStringLiteral("ts:1"), QStringLiteral("ts:999999999")};
            // Some records, and those at the ends of spans (where the ids jump): a span often
            // ends in the millisecond the next one starts in.
            QList<qint64> notBefore;
            int jumps = 0;
            for (size_t i = 0; i < all.size(); ++i) {
                const bool jump = i > 0 && all[i].id != all[i - 1].id + 1 && jumps++ % 3 == 0;
                if (i % 97 != 0 && !jump)
                    continue;
                for (const HistoryRecord* at : {&all[i], jump ? &all[i - 1] : &all[i]}) {
                    bounds << QStringLiteral("id:") + at->msgid
                           << QStringLiteral("ts:%1").arg(at->timeMs);
                }
                if (jump)
                    notBefore << all[i].timeMs;
            }
            if (notBefore.isEmpty()) {
                qWarning("%s: no spans", qPrintable(target));
                return false;
            }
            bounds << QStringLiteral("id:") + all.back().msgid;
            // Counters inside the spans' ranges that no row has, one that only another
            // conversation's row has, and a stored counter with another prefix.
            quint64 stored = 0;
            for (size_t i = all.size() / 2; i < all.size() && stored == 0; ++i)
                stored = MessageId::numberOf(all[i].msgid);
            if (stored == 0) {
                qWarning("%s: no counter", qPrintable(target));
                return false;
            }
            bounds << QStringLiteral("id:") + counted(qint64(stored) + 1)
                   << QStringLiteral("id:") + counted(qint64(stored) - 2000 * 4)
                   << QStringLiteral("id:") +
                          MessageId(QStringLiteral("zzzzzzzzzzzz"), stored).toString();
            // Each bound in each direction, with the limit, the kinds and the earliest time
            // taken in turn.
            const int limits[] = {1, 5, 60};
            int turn = 0;
            for (const Direction direction :
                 {Direction::Latest, Direction::Before, Direction::After, Direction::Around}) {
                QStringList firsts = bounds;
                if (direction == Direction::Latest)
                    firsts << QString() << QString() << QString();
                for (const QString& first : std::as_const(firsts)) {
                    ++turn;
                    HistoryQuery q = query(owner, target, direction, first, {}, limits[turn % 3],
                                           turn % 2 == 0);
                    if (turn % 5 == 0)
                        q.notBeforeMs = notBefore[turn % notBefore.size()];
                    const QStringList got = msgids(m_store->find(q));
                    const QStringList want = msgids(reference.find(q));
                    if (got != want) {
                        qWarning("%s %d %s limit %d events %d since %lld: got %s, rows say %s",
                                 qPrintable(target), int(direction), qPrintable(first), q.limit,
                                 int(q.includeEvents), qlonglong(q.notBeforeMs),
                                 qPrintable(got.join(u' ')), qPrintable(want.join(u' ')));
                        return false;
                    }
                }
            }
            const int step = std::max<int>(1, int(bounds.size()) / 7);
            for (int i = 0; i < bounds.size(); i += step) {
                for (int j = 1; j < bounds.size(); j += step) {
                    const HistoryQuery q = query(owner, target, Direction::Between, bounds[i],
                                                 bounds[j], 20, true);
                    const QStringList got = msgids(m_store->find(q));
                    const QStringList want = msgids(reference.find(q));
                    if (got != want) {
                        qWarning("%s BETWEEN %s %s: got %s, rows say %s", qPrintable(target),
                                 qPrintable(bounds[i]), qPrintable(bounds[j]),
                                 qPrintable(got.join(u' ')), qPrintable(want.join(u' ')));
                        return false;
                    }
                }
            }
        }
        return true;
    };
    fill(40, 1000, -1);
    QVERIFY2(reference.open(path), qPrintable(reference.errorString()));
    QVERIFY(compareAll());
    // #d1's clock goes back (its rows from here on are older than the ones before, their
    // counters smaller: a server restarted with a slower clock), then on.
    numbersFrom -= 5000000;
    prefix = QStringLiteral("bcdefghijklm"); // and another server's prefix
    fill(2, 0, 1);
    fill(5, 1000, -1);
    QVERIFY(compareAll());
}

// The writer leaves each row's id to SQLite (the table's largest plus one) and checks that it is
// the one the rows were queued with: a batch whose rows would get other ids fails and leaves
// nothing behind, rather than leave offline marks and views naming rows that are not theirs.
void tst_SqlHistoryStore::rowsGivenOtherIdsThanQueuedFail()
{
    MisnumberedStore store(QStringLiteral("test-misnumbered"));
    QVERIFY2(store.open(m_dir->filePath(QStringLiteral("misnumbered.sqlite"))),
             qPrintable(store.errorString()));
    // One row, by the single-row statement.
    QVERIFY(!store.append({channelRecord(Channel, 1000, QStringLiteral("m0"))}));
    QVERIFY2(store.errorString().contains(QLatin1String("other ids")),
             qPrintable(store.errorString()));
    // RowsPerStatement rows, by the statement of many.
    std::vector<HistoryRecord> many;
    for (int i = 1; i <= SqliteHistoryStore::RowsPerStatement; ++i)
        many.push_back(channelRecord(Channel, 1000 + i, QStringLiteral("m%1").arg(i)));
    QVERIFY(!store.append(many));
    QVERIFY2(store.errorString().contains(QLatin1String("other ids")),
             qPrintable(store.errorString()));
    QCOMPARE(store.count(), qint64(0));
    // The store itself, whose rows keep the ids they were queued with, writes the same batch.
    QVERIFY(append(many));
    QCOMPARE(m_store->count(), qint64(SqliteHistoryStore::RowsPerStatement));
}
#endif

CONFAB_SERVER_TEST_MAIN(tst_SqlHistoryStore)
#include "tst_sqlhistorystore.moc"

// SchemaMigrations and Database: every earlier schema version migrates forward with its data
// kept, up to the history tables of version 4; a migration that fails leaves the file at its
// version; a newer database is refused untouched; the file is in WAL mode, with 32 KiB pages
// when it is new (an older file keeps its own).
#include "storage/database.h"
#include "storage/schemamigrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

class tst_SchemaMigrations : public QObject
{
    Q_OBJECT

private slots:
    void versionsAreConsecutive();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void migratesStepByStep();
    void historyTables();
    void failedMigrationChangesNothing();
    void refusesNewerDatabase();
    void walAndIntegrity();
    void pageSizeOfNewFilesOnly();
    void openIsIdempotent();
};

namespace {

// A raw connection (no automatic migration), to build a database at an old version.
class RawConnection
{
public:
    explicit RawConnection(const QString& path)
    {
        database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        database.setDatabaseName(path);
        database.open();
    }
    ~RawConnection()
    {
        database.close();
        database = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    }
    QSqlDatabase database;
};

int scalar(QSqlDatabase& database, const QString& sql)
{
    QSqlQuery query(database);
    if (!query.exec(sql) || !query.next())
        return -1;
    return query.value(0).toInt();
}

// The tables and indexes of the file, by name.
QStringList schemaObjects(QSqlDatabase& database, const QString& type)
{
    QSqlQuery query(database);
    QStringList names;
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = '%1'"
                                   " AND name NOT LIKE 'sqlite_%' ORDER BY name")
                        .arg(type)))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

// The rows of an executed query, each as its columns' text joined by separator.
QStringList rowsAsText(QSqlQuery& query, QChar separator)
{
    QStringList rows;
    while (query.next()) {
        QStringList row;
        for (int i = 0; i < query.record().count(); ++i)
            row.append(query.value(i).toString());
        rows.append(row.join(separator));
    }
    return rows;
}

} // namespace

void tst_SchemaMigrations::versionsAreConsecutive()
{
    SchemaMigrations migrations;
    int expected = 1;
    for (const SchemaMigrations::Migration& migration : migrations.migrations()) {
        QCOMPARE(migration.version, expected++);
        QVERIFY(!migration.statements.isEmpty());
    }
    QCOMPARE(expected - 1, SchemaMigrations().latestVersion());
}

void tst_SchemaMigrations::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int version = 0; version < SchemaMigrations().latestVersion(); ++version)
        QTest::addRow("from version %d", version) << version;
}

void tst_SchemaMigrations::migratesFromEveryEarlierVersion()
{
    QFETCH(int, from);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("test.sqlite"));
    {
        RawConnection raw(path);
        QString error;
        QVERIFY2(SchemaMigrations().migrate(raw.database, from, &error), qPrintable(error));
        QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")), from);
        if (from >= 1) {
            // An account made by that version's schema.
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO accounts (name, folded_name, scram_salt, scram_iterations, "
                "scram_stored_key, scram_server_key, created_at) "
                "VALUES ('Alice', 'alice', x'00', 4096, x'01', x'02', 1700000000)")));
        }
        if (from >= 2) {
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO account_certificates (fingerprint, account_id, added_at) "
                "VALUES ('ab', 1, 1700000001)")));
        }
        if (from >= 3) {
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO accounts (name, folded_name, scram_salt, scram_iterations, "
                "scram_stored_key, scram_server_key, created_at, last_login_at) "
                "VALUES ('Bob', 'bob', x'03', 4096, x'04', x'05', 1700000002, 1700000003)")));
            QVERIFY(insert.exec(
                QStringLiteral("INSERT INTO settings (key, value) VALUES ('secret', x'0607')")));
        }
        if (from == 4) {
            // Version 4 history: a room line, a private message in two copies (alice's and
            // bob's, bob's not received yet) and an event-only room.
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history (id, owner, target, time_ms, msgid, account, kind, line,"
                " pending) VALUES (1, '', '#chan', 10, 'm1', '', 0, x'41', 0),"
                " (2, 'alice', 'bob', 11, 'm2', 'alice', 0, x'42', 0),"
                " (3, 'bob', 'alice', 11, 'm2', 'alice', 0, x'42', 1),"
                " (4, '', '#quiet', 12, 'm3', '', 1, x'43', 0)")));
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history_targets (owner, target, last_ms) VALUES ('', '#chan', 10),"
                " ('alice', 'bob', 11), ('bob', 'alice', 11)")));
        }
        if (from == 5 || from == 6) {
            // Version 5 history: one room line.
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history_views (id, owner, target, conversation, last_ms)"
                " VALUES (1, '', '#chan', 1, 10)")));
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history (id, conversation, time_ms, msgid, account, kind, line)"
                " VALUES (1, 1, 10, 'm1', '', 0, x'41')")));
        }
        if (from == 7) {
            // Version 7 history: two rooms' rows interleaved, and one row from a clock that
            // went back (id 5, older than id 4).
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history_views (id, owner, target, conversation, last_ms)"
                " VALUES (1, '', '#a', 1, 13), (2, '', '#b', 2, 15)")));
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history (id, conversation, time_ms, msgid, account, kind, line)"
                " VALUES (1, 1, 10, 'a1', '', 0, x'41'), (2, 1, 11, 'a2', '', 0, x'41'),"
                " (3, 2, 12, 'b1', '', 0, x'42'), (4, 1, 13, 'a3', '', 0, x'41'),"
                " (5, 1, 9, 'a4', '', 0, x'41'), (6, 2, 14, 'b2', '', 0, x'42'),"
                " (7, 2, 15, 'b3', '', 0, x'42')")));
        }
        if (from == 8) {
            // Version 8 history: counters that pass into another SpanNumberWidth within a
            // span, rows without one before a row with one, and spans as the writer made them.
            QSqlQuery insert(raw.database);
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history_views (id, owner, target, conversation, last_ms)"
                " VALUES (1, '', '#a', 1, 16), (2, '', '#b', 2, 15)")));
            const qint64 width = SchemaMigrations::SpanNumberWidth;
            QVERIFY2(
                insert.exec(
                    QStringLiteral(
                        "INSERT INTO history (id, conversation, time_ms, msgid, msgid_number,"
                        " account, kind, line) VALUES (1, 1, 10, 'a1', %1, '', 0, x'41'),"
                        " (2, 1, 11, 'a2', %2, '', 0, x'41'), (3, 1, 12, 'a3', %3, '', 0, x'41'),"
                        " (4, 2, 13, 'b1', NULL, '', 0, x'42'),"
                        " (5, 2, 14, 'b2', NULL, '', 0, x'42'),"
                        " (6, 2, 15, 'b3', %4, '', 0, x'42'), (7, 1, 16, 'a4', %5, '', 0, x'41')")
                        .arg(width - 6)
                        .arg(width - 1)
                        .arg(width)
                        .arg(2 * width + 5)
                        .arg(width + 4)),
                qPrintable(insert.lastError().text()));
            QVERIFY(insert.exec(QStringLiteral(
                "INSERT INTO history_spans (conversation, first_id, last_id, first_ms, last_ms,"
                " ordered) VALUES (1, 1, 3, 10, 12, 1), (2, 4, 6, 13, 15, 1), (1, 7, 7, 16, 16, "
                "1)")));
        }
    }
    Database database(QStringLiteral("migrated"));
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), SchemaMigrations().latestVersion());
    QSqlQuery query(database.connection());
    if (from >= 1) {
        QVERIFY(query.exec(
            QStringLiteral("SELECT name, created_at, COALESCE(last_login_at, 0) FROM accounts")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Alice"));
        QCOMPARE(query.value(1).toLongLong(), 1700000000);
        QCOMPARE(query.value(2).toLongLong(), 0);
    }
    if (from >= 2) {
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM account_certificates")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
    }
    if (from >= 3) {
        QVERIFY(query.exec(QStringLiteral(
            "SELECT name, last_login_at FROM accounts WHERE folded_name = 'bob'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Bob"));
        QCOMPARE(query.value(1).toLongLong(), 1700000003);
        QVERIFY(query.exec(QStringLiteral("SELECT value FROM settings WHERE key = 'secret'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toByteArray(), QByteArray("\x06\x07"));
        QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT COUNT(*) FROM accounts")),
                 2);
    }
    if (from >= 4) {
        // Version 8: every row is in a span of its conversation.
        QCOMPARE(scalar(database.connection(),
                        QStringLiteral("SELECT COUNT(*) FROM history h WHERE NOT EXISTS"
                                       " (SELECT 1 FROM history_spans s WHERE s.conversation ="
                                       " h.conversation AND h.id BETWEEN s.first_id AND"
                                       " s.last_id)")),
                 0);
    }
    if (from == 7) {
        // A span per run of one room's ids; the run with the row from the clock that went
        // back is not in order.
        QVERIFY(query.exec(QStringLiteral(
            "SELECT conversation, first_id, last_id, first_ms, last_ms, ordered"
            " FROM history_spans ORDER BY first_id")));
        const QStringList spans = rowsAsText(query, u' ');
        QCOMPARE(spans, QStringList({QStringLiteral("1 1 2 10 11 1"), QStringLiteral("2 3 3 12 12 1"),
                                     QStringLiteral("1 4 5 9 13 0"),
                                     QStringLiteral("2 6 7 14 15 1")}));
    }
    if (from == 8) {
        // Version 9: the spans again, cut where the counters pass into another SpanNumberWidth
        // or start, each with its rows' smallest and largest counter.
        const qint64 width = SchemaMigrations::SpanNumberWidth;
        QVERIFY(query.exec(
            QStringLiteral("SELECT conversation, first_id, last_id, first_ms, last_ms, ordered,"
                           " COALESCE(first_number, -1), COALESCE(last_number, -1)"
                           " FROM history_spans ORDER BY first_id")));
        const QStringList spans = rowsAsText(query, u' ');
        QCOMPARE(spans,
                 QStringList({QStringLiteral("1 1 2 10 11 1 %1 %2").arg(width - 6).arg(width - 1),
                              QStringLiteral("1 3 3 12 12 1 %1 %1").arg(width),
                              QStringLiteral("2 4 5 13 14 1 -1 -1"),
                              QStringLiteral("2 6 6 15 15 1 %1 %1").arg(2 * width + 5),
                              QStringLiteral("1 7 7 16 16 1 %1 %1").arg(width + 4)}));
    }
    if (from == 5 || from == 6) {
        QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT COUNT(*) FROM history")), 1);
        // Written before version 7: no counter, still found by its text.
        QCOMPARE(scalar(database.connection(),
                        QStringLiteral("SELECT COUNT(*) FROM history WHERE msgid_number IS NULL"
                                       " AND msgid = 'm1'")),
                 1);
    } else if (from == 4) {
        // Every v4 copy is a conversation of its own, read through its reader's view, with
        // its rows, its last message time and what was pending.
        QVERIFY(query.exec(QStringLiteral(
            "SELECT v.owner, v.target, v.last_ms, h.id, h.msgid, h.kind, h.line FROM history h"
            " JOIN history_views v ON v.conversation = h.conversation ORDER BY h.id")));
        const QStringList expected = {QStringLiteral("|#chan|10|1|m1|0|A"),
                                      QStringLiteral("alice|bob|11|2|m2|0|B"),
                                      QStringLiteral("bob|alice|11|3|m2|0|B"),
                                      QStringLiteral("|#quiet|0|4|m3|1|C")};
        QCOMPARE(rowsAsText(query, u'|'), expected);
        QCOMPARE(scalar(database.connection(),
                        QStringLiteral("SELECT id FROM history_pending WHERE owner = 'bob'")),
                 3);
        QCOMPARE(scalar(database.connection(), QStringLiteral("SELECT COUNT(*) FROM history_pending")),
                 1);
    } else if (from < 4) {
        // Earlier versions start with no history.
        for (const char* table : {"history", "history_views", "history_pending", "read_markers"}) {
            QCOMPARE(scalar(database.connection(),
                            QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table))),
                     0);
        }
    }
    // Every table of the latest schema is usable.
    QVERIFY2(query.exec(QStringLiteral("SELECT fingerprint FROM account_certificates")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("SELECT last_login_at FROM accounts")));
    QVERIFY(query.exec(QStringLiteral("SELECT key, value FROM settings")));
    QVERIFY2(query.exec(QStringLiteral("SELECT id, conversation, time_ms, msgid, account, kind,"
                                       " line FROM history")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral(
        "SELECT id, owner, target, conversation, since_id, last_ms FROM history_views")));
    QVERIFY(query.exec(QStringLiteral("SELECT owner, id FROM history_pending")));
    QVERIFY(query.exec(QStringLiteral("SELECT owner, target, time_ms FROM read_markers")));
    QVERIFY(!query.exec(QStringLiteral("SELECT * FROM history_targets"))); // gone in v5
    QVERIFY2(query.exec(QStringLiteral(
                 "SELECT id, account, name, content_type, size, created_ms FROM files")),
             qPrintable(query.lastError().text()));
}

void tst_SchemaMigrations::migratesStepByStep()
{
    // One version at a time, as successive confabd releases would: each step stops at its
    // target; 3 -> 4 -> 5 add the history tables, 6 the files table, 7 an index, 8 the spans
    // of history, 9 their counters, and nothing else.
    QTemporaryDir dir;
    RawConnection raw(dir.filePath(QStringLiteral("steps.sqlite")));
    SchemaMigrations migrations;
    QStringList tablesBefore;
    for (int version = 1; version <= SchemaMigrations().latestVersion(); ++version) {
        QString error;
        QVERIFY2(migrations.migrate(raw.database, version, &error), qPrintable(error));
        QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")), version);
        if (version == 3)
            tablesBefore = schemaObjects(raw.database, QStringLiteral("table"));
    }
    QStringList added = schemaObjects(raw.database, QStringLiteral("table"));
    for (const QString& table : tablesBefore)
        added.removeOne(table);
    QCOMPARE(added, QStringList({QStringLiteral("files"), QStringLiteral("history"),
                                 QStringLiteral("history_pending"), QStringLiteral("history_spans"),
                                 QStringLiteral("history_views"), QStringLiteral("read_markers")}));
    // Migrating to where the file already is does nothing.
    QString error;
    QVERIFY(migrations.migrate(raw.database, SchemaMigrations().latestVersion(), &error));
    QVERIFY(migrations.migrate(raw.database, 2, &error)); // never backwards
    QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")),
             SchemaMigrations().latestVersion());
}

void tst_SchemaMigrations::historyTables()
{
    QTemporaryDir dir;
    Database database(QStringLiteral("history"));
    QVERIFY(database.open(dir.filePath(QStringLiteral("history.sqlite"))));
    QSqlDatabase& db = database.connection();
    const QStringList indexes = schemaObjects(db, QStringLiteral("index"));
    for (const char* index :
         {"history_by_msgid", "history_spans_by_number", "history_spans_by_time",
          "history_spans_by_end", "history_spans_unordered"})
        QVERIFY2(indexes.contains(QLatin1String(index)), qPrintable(indexes.join(u' ')));
    // Since version 8 rows are found through their spans, not an index entry each; since 9 by
    // their msgid's counter too.
    for (const char* index : {"history_by_conversation", "history_by_msgid_number"})
        QVERIFY2(!indexes.contains(QLatin1String(index)), qPrintable(indexes.join(u' ')));
    // A msgid confabd did not make is looked up through its text (one it made through the
    // spans' counters: tst_sqlitehistorystore).
    const auto plan = [&db](const QString& select) {
        QSqlQuery explain(db);
        explain.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + select);
        return explain.next() ? explain.value(3).toString() : explain.lastError().text();
    };
    QVERIFY(plan(QStringLiteral("SELECT id FROM history WHERE msgid_number IS NULL AND"
                                " msgid = 'a'"))
                .contains(QLatin1String("INDEX history_by_msgid ")));

    QSqlQuery query(db);
    // ids grow.
    QVERIFY2(query.exec(QStringLiteral(
                 "INSERT INTO history (conversation, time_ms, msgid, account, kind, line)"
                 " VALUES (1, 1, 'a', '', 0, x'41'), (1, 1, 'b', '', 0, x'42')")),
             qPrintable(query.lastError().text()));
    QVERIFY(scalar(db, QStringLiteral("SELECT id FROM history WHERE msgid = 'b'")) >
            scalar(db, QStringLiteral("SELECT id FROM history WHERE msgid = 'a'")));
    // No column takes NULL.
    const QStringList columns = {QStringLiteral("conversation"), QStringLiteral("time_ms"),
                                 QStringLiteral("msgid"),        QStringLiteral("account"),
                                 QStringLiteral("kind"),         QStringLiteral("line")};
    const QStringList values = {QStringLiteral("1"),  QStringLiteral("1"),
                                QStringLiteral("'c'"), QStringLiteral("''"),
                                QStringLiteral("0"),  QStringLiteral("x'43'")};
    for (int i = 0; i < columns.size(); ++i) {
        QStringList withNull = values;
        withNull[i] = QStringLiteral("NULL");
        QVERIFY2(!query.exec(QStringLiteral("INSERT INTO history (%1) VALUES (%2)")
                                 .arg(columns.join(QStringLiteral(", ")),
                                      withNull.join(QStringLiteral(", ")))),
                 qPrintable(columns.at(i)));
    }
    QVERIFY(query.exec(QStringLiteral("INSERT INTO history (%1) VALUES (%2)")
                           .arg(columns.join(QStringLiteral(", ")),
                                values.join(QStringLiteral(", ")))));
    // One view per reader and conversation, one pending mark per account and row, one marker
    // per account and target.
    QVERIFY(query.exec(QStringLiteral(
        "INSERT INTO history_views (owner, target, conversation) VALUES ('', '#chan', 1)")));
    QVERIFY(!query.exec(QStringLiteral(
        "INSERT INTO history_views (owner, target, conversation) VALUES ('', '#chan', 2)")));
    QVERIFY(query.exec(QStringLiteral(
        "INSERT INTO history_views (owner, target, conversation) VALUES ('alice', '#chan', 2)")));
    QVERIFY(query.exec(QStringLiteral("INSERT INTO history_pending (owner, id) VALUES ('bob', 1)")));
    QVERIFY(!query.exec(QStringLiteral("INSERT INTO history_pending (owner, id) VALUES ('bob', 1)")));
    QVERIFY(query.exec(QStringLiteral(
        "INSERT INTO read_markers (owner, target, time_ms) VALUES ('alice', '#chan', 1)")));
    QVERIFY(!query.exec(QStringLiteral(
        "INSERT INTO read_markers (owner, target, time_ms) VALUES ('alice', '#chan', 2)")));
}

void tst_SchemaMigrations::failedMigrationChangesNothing()
{
    // A version 3 file that already has a table named history (made by hand): the migration to
    // version 4 fails as a whole and the file stays at version 3 with its data.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clash.sqlite"));
    {
        RawConnection raw(path);
        QString error;
        QVERIFY2(SchemaMigrations().migrate(raw.database, 3, &error), qPrintable(error));
        QSqlQuery query(raw.database);
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE history (note TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO history (note) VALUES ('mine')")));
        QVERIFY(query.exec(QStringLiteral(
            "INSERT INTO accounts (name, folded_name, scram_salt, scram_iterations, "
            "scram_stored_key, scram_server_key, created_at) "
            "VALUES ('Alice', 'alice', x'00', 4096, x'01', x'02', 1700000000)")));
    }
    {
        Database database(QStringLiteral("clash"));
        QVERIFY(!database.open(path));
        QVERIFY2(database.errorString().contains(QLatin1String("version 4")),
                 qPrintable(database.errorString()));
    }
    RawConnection raw(path);
    QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")), 3);
    const QStringList tables = schemaObjects(raw.database, QStringLiteral("table"));
    QVERIFY(!tables.contains(QStringLiteral("history_targets")));
    QVERIFY(!tables.contains(QStringLiteral("read_markers")));
    QCOMPARE(scalar(raw.database, QStringLiteral("SELECT COUNT(*) FROM history")), 1);
    QCOMPARE(scalar(raw.database, QStringLiteral("SELECT COUNT(*) FROM accounts")), 1);
}

void tst_SchemaMigrations::refusesNewerDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        RawConnection raw(path);
        QSqlQuery query(raw.database);
        QVERIFY(query.exec(
            QStringLiteral("PRAGMA user_version=%1").arg(SchemaMigrations().latestVersion() + 1)));
    }
    Database database(QStringLiteral("future"));
    QVERIFY(!database.open(path));
    QVERIFY2(database.errorString().contains(QStringLiteral("newer")),
             qPrintable(database.errorString()));
    RawConnection raw(path);
    QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")),
             SchemaMigrations().latestVersion() + 1); // untouched
}

void tst_SchemaMigrations::walAndIntegrity()
{
    QTemporaryDir dir;
    Database database(QStringLiteral("wal"));
    QVERIFY(database.open(dir.filePath(QStringLiteral("wal.sqlite"))));
    QSqlQuery query(database.connection());
    QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(query.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
}

void tst_SchemaMigrations::pageSizeOfNewFilesOnly()
{
    QTemporaryDir dir;
    {
        Database database(QStringLiteral("new"));
        QVERIFY(database.open(dir.filePath(QStringLiteral("new.sqlite"))));
        QCOMPARE(scalar(database.connection(), QStringLiteral("PRAGMA page_size")),
                 Database::SqlitePageBytes);
    }
    // A file from before (SQLite's default pages, a version 1 schema, in WAL mode) is migrated
    // and keeps its pages: their size cannot change in WAL mode.
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        RawConnection raw(path);
        QSqlQuery query(raw.database);
        QVERIFY(query.exec(QStringLiteral("PRAGMA page_size=4096")));
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode=WAL")));
        query.finish();
        QString error;
        QVERIFY2(SchemaMigrations().migrate(raw.database, 1, &error), qPrintable(error));
    }
    Database database(QStringLiteral("old"));
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), SchemaMigrations().latestVersion());
    QCOMPARE(scalar(database.connection(), QStringLiteral("PRAGMA page_size")), 4096);
    QSqlQuery check(database.connection());
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
}

void tst_SchemaMigrations::openIsIdempotent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("twice.sqlite"));
    {
        Database first(QStringLiteral("first"));
        QVERIFY(first.open(path));
    }
    Database second(QStringLiteral("second"));
    QVERIFY2(second.open(path), qPrintable(second.errorString()));
    QCOMPARE(second.schemaVersion(), SchemaMigrations().latestVersion());
}

QTEST_GUILESS_MAIN(tst_SchemaMigrations)
#include "tst_schemamigrations.moc"

// SchemaMigrations and Database: every earlier schema version migrates forward with its data
// kept; a newer database is refused untouched; the file is in WAL mode.
#include "storage/database.h"
#include "storage/schemamigrations.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class tst_SchemaMigrations : public QObject
{
    Q_OBJECT

private slots:
    void versionsAreConsecutive();
    void migratesFromEveryEarlierVersion_data();
    void migratesFromEveryEarlierVersion();
    void refusesNewerDatabase();
    void walAndIntegrity();
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

} // namespace

void tst_SchemaMigrations::versionsAreConsecutive()
{
    SchemaMigrations migrations;
    int expected = 1;
    for (const SchemaMigrations::Migration& migration : migrations.migrations()) {
        QCOMPARE(migration.version, expected++);
        QVERIFY(!migration.statements.isEmpty());
    }
    QCOMPARE(expected - 1, SchemaMigrations::latestVersion());
}

void tst_SchemaMigrations::migratesFromEveryEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (int version = 0; version < SchemaMigrations::latestVersion(); ++version)
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
    }
    Database database(QStringLiteral("migrated"));
    QVERIFY2(database.open(path), qPrintable(database.errorString()));
    QCOMPARE(database.schemaVersion(), SchemaMigrations::latestVersion());
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
    // Every table of the latest schema is usable.
    QVERIFY2(query.exec(QStringLiteral("SELECT fingerprint FROM account_certificates")),
             qPrintable(query.lastError().text()));
    QVERIFY(query.exec(QStringLiteral("SELECT last_login_at FROM accounts")));
    QVERIFY(query.exec(QStringLiteral("SELECT key, value FROM settings")));
}

void tst_SchemaMigrations::refusesNewerDatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    {
        RawConnection raw(path);
        QSqlQuery query(raw.database);
        QVERIFY(query.exec(
            QStringLiteral("PRAGMA user_version=%1").arg(SchemaMigrations::latestVersion() + 1)));
    }
    Database database(QStringLiteral("future"));
    QVERIFY(!database.open(path));
    QVERIFY2(database.errorString().contains(QStringLiteral("newer")),
             qPrintable(database.errorString()));
    RawConnection raw(path);
    QCOMPARE(scalar(raw.database, QStringLiteral("PRAGMA user_version")),
             SchemaMigrations::latestVersion() + 1); // untouched
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
    QCOMPARE(second.schemaVersion(), SchemaMigrations::latestVersion());
}

QTEST_GUILESS_MAIN(tst_SchemaMigrations)
#include "tst_schemamigrations.moc"

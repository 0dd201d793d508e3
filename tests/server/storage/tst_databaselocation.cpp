// DatabaseLocation: the SQLite default in the data directory, postgresql:// URLs taken apart as
// libpq reads them (user, password, host or socket directory, port, database, parameters
// passed on quoted), what is refused, and that describe() never shows the password.
#include "storage/database.h"
#include "storage/databaselocation.h"

#include <QTest>

class tst_DatabaseLocation : public QObject
{
    Q_OBJECT

private slots:
    void sqliteInTheDataDirectory();
    void postgresUrl();
    void socketDirectoryAndDefaults();
    void parametersArePassedOnQuoted();
    void refused_data();
    void refused();
    void openReportsTheUrlError();
};

void tst_DatabaseLocation::sqliteInTheDataDirectory()
{
    const DatabaseLocation location = DatabaseLocation::resolve(QStringLiteral("/var/lib/c"), {});
    QVERIFY(location.isSqlite());
    QCOMPARE(location.path(), QStringLiteral("/var/lib/c/confabd.sqlite"));
    QVERIFY(location.error().isEmpty());
    QCOMPARE(location.describe(), location.path());
    QVERIFY(DatabaseLocation::resolve(QStringLiteral("/d"), QStringLiteral("  ")).isSqlite());
}

void tst_DatabaseLocation::postgresUrl()
{
    const DatabaseLocation location = DatabaseLocation::resolve(
        QStringLiteral("/d"), QStringLiteral("postgresql://confab:s%40cret@db.lan:5433/chat"));
    QVERIFY2(location.error().isEmpty(), qPrintable(location.error()));
    QCOMPARE(location.engine(), DatabaseLocation::Engine::Postgres);
    QCOMPARE(location.userName(), QStringLiteral("confab"));
    QCOMPARE(location.password(), QStringLiteral("s@cret"));
    QCOMPARE(location.host(), QStringLiteral("db.lan"));
    QCOMPARE(location.port(), 5433);
    QCOMPARE(location.databaseName(), QStringLiteral("chat"));
    QVERIFY(location.connectOptions().isEmpty());
    QCOMPARE(location.describe(), QStringLiteral("postgresql://confab@db.lan:5433/chat"));
    QVERIFY(!location.describe().contains(QLatin1String("cret")));
    // "postgres://" is libpq's other spelling.
    QVERIFY(DatabaseLocation::fromUrl(QStringLiteral("postgres://h/db")).error().isEmpty());
}

void tst_DatabaseLocation::socketDirectoryAndDefaults()
{
    const DatabaseLocation socket =
        DatabaseLocation::fromUrl(QStringLiteral("postgresql:///chat?host=/run/postgresql"));
    QVERIFY2(socket.error().isEmpty(), qPrintable(socket.error()));
    QCOMPARE(socket.host(), QStringLiteral("/run/postgresql"));
    QCOMPARE(socket.databaseName(), QStringLiteral("chat"));
    QCOMPARE(socket.port(), -1);
    QCOMPARE(socket.describe(), QStringLiteral("postgresql:///chat?host=/run/postgresql"));
    // Everything left to libpq (PGHOST, PGUSER, ~/.pgpass ...).
    const DatabaseLocation bare = DatabaseLocation::fromUrl(QStringLiteral("postgresql://"));
    QVERIFY2(bare.error().isEmpty(), qPrintable(bare.error()));
    QVERIFY(bare.host().isEmpty());
    QVERIFY(bare.userName().isEmpty());
    QVERIFY(bare.databaseName().isEmpty());
}

void tst_DatabaseLocation::parametersArePassedOnQuoted()
{
    const DatabaseLocation location = DatabaseLocation::fromUrl(
        QStringLiteral("postgresql://h/db?sslmode=verify-full&options=-c%20search_path%3Dit's"));
    QVERIFY2(location.error().isEmpty(), qPrintable(location.error()));
    QCOMPARE(location.connectOptions(),
             QStringLiteral("sslmode='verify-full';options='-c search_path=it\\'s'"));
}

void tst_DatabaseLocation::refused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("another engine") << "mysql://h/db";
    QTest::newRow("a file") << "/var/lib/confabd/confabd.sqlite";
    QTest::newRow("a path in the name") << "postgresql://h/a/b";
    QTest::newRow("a ';' that would end the parameter") << "postgresql://h/db?sslmode=a;b";
    QTest::newRow("a key with a space") << "postgresql://h/db?ssl%20mode=x";
}

void tst_DatabaseLocation::refused()
{
    QFETCH(QString, url);
    const DatabaseLocation location = DatabaseLocation::fromUrl(url);
    QVERIFY(!location.error().isEmpty());
    QVERIFY(!location.isSqlite());
}

void tst_DatabaseLocation::openReportsTheUrlError()
{
    Database database(QStringLiteral("test-bad-url"));
    QVERIFY(!database.open(DatabaseLocation::fromUrl(QStringLiteral("mysql://h/db"))));
    QVERIFY(database.errorString().contains(QLatin1String("postgresql://")));
    QVERIFY(!database.isOpen());
}

QTEST_GUILESS_MAIN(tst_DatabaseLocation)
#include "tst_databaselocation.moc"

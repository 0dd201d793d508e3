// RedisUrl: what each form of URL means, what is refused, and that describe() hides secrets.
#include "cluster/redisurl.h"

#include <QTest>

class tst_RedisUrl : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void describeHidesPassword_data();
    void describeHidesPassword();
    void defaultIsInvalid();
};

void tst_RedisUrl::valid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<int>("database");
    QTest::addColumn<QString>("socketPath");

    QTest::newRow("host only") << "redis://redis.example"
                               << "redis.example" << 6379 << ""
                               << "" << 0 << "";
    QTest::newRow("host and port") << "redis://10.0.0.5:6380"
                                   << "10.0.0.5" << 6380 << ""
                                   << "" << 0 << "";
    QTest::newRow("database") << "redis://h/7"
                              << "h" << 6379 << ""
                              << "" << 7 << "";
    QTest::newRow("trailing slash") << "redis://h:1/"
                                    << "h" << 1 << ""
                                    << "" << 0 << "";
    QTest::newRow("password only") << "redis://:secret@h"
                                   << "h" << 6379 << ""
                                   << "secret" << 0 << "";
    QTest::newRow("user and password") << "redis://alice:secret@h:7000/2"
                                       << "h" << 7000 << "alice"
                                       << "secret" << 2 << "";
    QTest::newRow("percent-encoded password") << "redis://:p%40ss%3Aw%2Frd@h"
                                              << "h" << 6379 << ""
                                              << "p@ss:w/rd" << 0 << "";
    QTest::newRow("IPv6") << "redis://[::1]:6390/1"
                          << "::1" << 6390 << ""
                          << "" << 1 << "";
    QTest::newRow("IPv6 without port") << "redis://[2001:db8::7]"
                                       << "2001:db8::7" << 6379 << ""
                                       << "" << 0 << "";
    QTest::newRow("unix socket") << "unix:///run/redis/redis.sock"
                                 << "" << 6379 << ""
                                 << "" << 0 << "/run/redis/redis.sock";
}

void tst_RedisUrl::valid()
{
    QFETCH(QString, text);
    const RedisUrl url = RedisUrl::parse(text);
    QVERIFY2(url.isValid(), qPrintable(url.error()));
    QVERIFY(url.error().isEmpty());
    QTEST(url.host(), "host");
    QTEST(url.port(), "port");
    QTEST(url.user(), "user");
    QTEST(url.password(), "password");
    QTEST(url.database(), "database");
    QTEST(url.socketPath(), "socketPath");
    QCOMPARE(url.isUnixSocket(), !url.socketPath().isEmpty());
}

void tst_RedisUrl::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "  ";
    QTest::newRow("no scheme") << "redis.example:6379";
    QTest::newRow("other scheme") << "http://h:6379";
    QTest::newRow("TLS") << "rediss://h:6379";
    QTest::newRow("no host") << "redis://";
    QTest::newRow("no host but port") << "redis://:6379";
    QTest::newRow("port zero") << "redis://h:0";
    QTest::newRow("port too large") << "redis://h:65536";
    QTest::newRow("port not a number") << "redis://h:abc";
    QTest::newRow("database not a number") << "redis://h/abc";
    QTest::newRow("negative database") << "redis://h/-1";
    QTest::newRow("signed database") << "redis://h/+1";
    QTest::newRow("database too large") << "redis://h/99999999999";
    QTest::newRow("two path parts") << "redis://h/1/2";
    QTest::newRow("query") << "redis://h?db=1";
    QTest::newRow("fragment") << "redis://h#x";
    QTest::newRow("user without password") << "redis://alice@h";
    QTest::newRow("unbalanced IPv6") << "redis://[::1:6379";
    QTest::newRow("unix without path") << "unix://";
    QTest::newRow("unix with host") << "unix://host/path.sock";
    QTest::newRow("unix relative") << "unix:redis.sock";
    QTest::newRow("space in host") << "redis://re dis";
}

void tst_RedisUrl::invalid()
{
    QFETCH(QString, text);
    const RedisUrl url = RedisUrl::parse(text);
    QVERIFY(!url.isValid());
    QVERIFY(!url.error().isEmpty());
}

void tst_RedisUrl::describeHidesPassword_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("described");
    QTest::newRow("no password") << "redis://h"
                                 << "redis://h:6379";
    QTest::newRow("database") << "redis://h:1/4"
                              << "redis://h:1/4";
    QTest::newRow("password") << "redis://:hunter2@h"
                              << "redis://:***@h:6379";
    QTest::newRow("user and password") << "redis://alice:hunter2@h:7/3"
                                       << "redis://alice:***@h:7/3";
    QTest::newRow("encoded password") << "redis://:hun%74er2@h"
                                      << "redis://:***@h:6379";
    QTest::newRow("IPv6") << "redis://:hunter2@[::1]"
                          << "redis://:***@[::1]:6379";
    QTest::newRow("unix") << "unix:///tmp/r.sock"
                          << "unix:///tmp/r.sock";
}

void tst_RedisUrl::describeHidesPassword()
{
    QFETCH(QString, text);
    const RedisUrl url = RedisUrl::parse(text);
    QVERIFY2(url.isValid(), qPrintable(url.error()));
    QTEST(url.describe(), "described");
    QVERIFY(!url.describe().contains(QLatin1String("hunter2")));
}

void tst_RedisUrl::defaultIsInvalid()
{
    const RedisUrl url;
    QVERIFY(!url.isValid());
    QVERIFY(!url.describe().contains(QLatin1String("redis://")));
}

QTEST_GUILESS_MAIN(tst_RedisUrl)
#include "tst_redisurl.moc"

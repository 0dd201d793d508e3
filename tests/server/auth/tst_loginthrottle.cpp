// LoginThrottle: a sliding window per key that never locks anyone out for longer than the window.
#include "auth/loginthrottle.h"

#include <QTest>

class tst_LoginThrottle : public QObject
{
    Q_OBJECT

private slots:
    void limitWithinWindow_data();
    void limitWithinWindow();
    void keysAreIndependent();
    void clearForgetsKey();
    void idleKeysAreForgotten();
};

void tst_LoginThrottle::limitWithinWindow_data()
{
    QTest::addColumn<QList<qint64>>("events"); // ms
    QTest::addColumn<qint64>("checkAt");
    QTest::addColumn<bool>("throttled");
    QTest::newRow("below limit") << QList<qint64>{0, 10, 20, 30} << qint64(40) << false;
    QTest::newRow("at limit") << QList<qint64>{0, 10, 20, 30, 40} << qint64(50) << true;
    QTest::newRow("oldest leaves window")
        << QList<qint64>{0, 10, 20, 30, 40} << qint64(60000) << false;
    QTest::newRow("just inside window")
        << QList<qint64>{0, 10, 20, 30, 40} << qint64(59999) << true;
    QTest::newRow("spread out") << QList<qint64>{0, 20000, 40000, 60000, 80000} << qint64(80001)
                                << false;
    QTest::newRow("many events") << QList<qint64>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9} << qint64(10)
                                 << true;
}

void tst_LoginThrottle::limitWithinWindow()
{
    QFETCH(QList<qint64>, events);
    QFETCH(qint64, checkAt);
    QFETCH(bool, throttled);
    LoginThrottle throttle(5, 60000);
    for (qint64 at : events)
        throttle.record(QStringLiteral("alice"), at);
    QCOMPARE(throttle.isThrottled(QStringLiteral("alice"), checkAt), throttled);
}

void tst_LoginThrottle::keysAreIndependent()
{
    LoginThrottle throttle(2, 1000);
    throttle.record(QStringLiteral("10.0.0.1"), 0);
    throttle.record(QStringLiteral("10.0.0.1"), 1);
    QVERIFY(throttle.isThrottled(QStringLiteral("10.0.0.1"), 2));
    QVERIFY(!throttle.isThrottled(QStringLiteral("10.0.0.2"), 2));
}

void tst_LoginThrottle::clearForgetsKey()
{
    LoginThrottle throttle(1, 1000);
    throttle.record(QStringLiteral("bob"), 0);
    QVERIFY(throttle.isThrottled(QStringLiteral("bob"), 1));
    throttle.clear(QStringLiteral("bob"));
    QVERIFY(!throttle.isThrottled(QStringLiteral("bob"), 1));
}

void tst_LoginThrottle::idleKeysAreForgotten()
{
    LoginThrottle throttle(3, 1000);
    for (int i = 0; i < 1000; ++i)
        throttle.record(QStringLiteral("10.0.%1.%2").arg(i / 256).arg(i % 256), 10);
    QCOMPARE(throttle.trackedKeys(), 1000);
    // A window later, any call sweeps what has expired: the table does not grow for ever.
    QVERIFY(!throttle.isThrottled(QStringLiteral("other"), 5000));
    QCOMPARE(throttle.trackedKeys(), 0);
}

QTEST_GUILESS_MAIN(tst_LoginThrottle)
#include "tst_loginthrottle.moc"

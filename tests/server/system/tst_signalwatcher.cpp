// SignalWatcher: POSIX signals arrive as a Qt signal in the event loop.
#include "system/signalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

class tst_SignalWatcher : public QObject
{
    Q_OBJECT

private slots:
    void deliversSignals();
};

void tst_SignalWatcher::deliversSignals()
{
    SignalWatcher watcher({SIGUSR1, SIGUSR2});
    QVERIFY(watcher.isValid());
    QSignalSpy spy(&watcher, &SignalWatcher::signalReceived);
    ::raise(SIGUSR1);
    ::raise(SIGUSR2);
    QCOMPARE(spy.size(), 0); // only in the event loop, never inside the handler
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.at(0).at(0).toInt(), int(SIGUSR1));
    QCOMPARE(spy.at(1).at(0).toInt(), int(SIGUSR2));
}

QTEST_GUILESS_MAIN(tst_SignalWatcher)
#include "tst_signalwatcher.moc"

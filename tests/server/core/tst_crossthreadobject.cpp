// CrossThreadObject: calls posted from another thread run on the receiver's thread, in order;
// postAndWait() returns once its call has run; other events still reach the object; calls to
// a receiver deleted first never run. (That ThreadSanitizer follows the hand-over is checked by
// the suites scripts/test.sh runs under it.)
#include "core/crossthreadobject.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace {

// A receiver that counts its timer events, to show other events still reach QObject.
class Receiver : public CrossThreadObject
{
    Q_OBJECT

public:
    std::atomic<int> timerEvents{0};

protected:
    void timerEvent(QTimerEvent* event) override
    {
        ++timerEvents;
        killTimer(event->timerId());
    }
};

// A thread running an event loop, with a receiver living in it.
struct ReceiverThread
{
    ReceiverThread()
    {
        receiver->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, receiver, &QObject::deleteLater);
        thread.start();
    }
    ~ReceiverThread()
    {
        thread.quit();
        thread.wait();
    }
    QThread thread;
    Receiver* receiver = new Receiver;
};

} // namespace

class tst_CrossThreadObject : public QObject
{
    Q_OBJECT

private slots:
    void postRunsOnTheReceiversThreadInOrder()
    {
        ReceiverThread worker;
        std::vector<int> order; // touched only on the worker's thread until postAndWait returns
        std::atomic<int> elsewhere{0};
        for (int i = 0; i < 1000; ++i) {
            CrossThreadObject::post(worker.receiver, [&order, &elsewhere, &worker, i] {
                if (QThread::currentThread() != &worker.thread)
                    ++elsewhere;
                order.push_back(i);
            });
        }
        CrossThreadObject::postAndWait(worker.receiver, [] {});
        QCOMPARE(elsewhere.load(), 0);
        QCOMPARE(int(order.size()), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(order[size_t(i)], i);
    }

    void postAndWaitReturnsAfterItsCallRan()
    {
        ReceiverThread worker;
        QThread* ranOn = nullptr;
        std::vector<int> filled;
        CrossThreadObject::postAndWait(worker.receiver, [&] {
            QThread::msleep(50); // the caller waits this out
            ranOn = QThread::currentThread();
            filled.assign(100, 7);
        });
        QCOMPARE(ranOn, &worker.thread);
        QCOMPARE(int(filled.size()), 100);
        QCOMPARE(filled.back(), 7);
    }

    void moveOnlyValuesAreCarried()
    {
        ReceiverThread worker;
        auto value = std::make_unique<int>(42);
        int seen = 0;
        CrossThreadObject::post(worker.receiver,
                                [value = std::move(value), &seen] { seen = *value; });
        CrossThreadObject::postAndWait(worker.receiver, [] {});
        QCOMPARE(seen, 42);
    }

    void otherEventsStillReachTheObject()
    {
        ReceiverThread worker;
        CrossThreadObject::postAndWait(worker.receiver,
                                       [&worker] { worker.receiver->startTimer(1); });
        QTRY_COMPARE(worker.receiver->timerEvents.load(), 1);
    }

    void callsToADeletedReceiverNeverRun()
    {
        auto* receiver = new Receiver;
        bool ran = false;
        CrossThreadObject::post(receiver, [&ran] { ran = true; });
        delete receiver;
        QCoreApplication::processEvents();
        QVERIFY(!ran);

        // And on this thread, with nothing deleted, a posted call runs at the next pass.
        Receiver kept;
        CrossThreadObject::post(&kept, [&ran] { ran = true; });
        QVERIFY(!ran);
        QCoreApplication::processEvents();
        QVERIFY(ran);
    }

    void postFromManyThreadsKeepsEachThreadsOrder()
    {
        ReceiverThread worker;
        constexpr int Threads = 4;
        constexpr int Calls = 500;
        std::vector<int> last(Threads, -1); // on the worker's thread only
        std::atomic<int> outOfOrder{0};
        std::vector<std::thread> senders;
        for (int t = 0; t < Threads; ++t) {
            senders.emplace_back([&, t] {
                for (int i = 0; i < Calls; ++i) {
                    CrossThreadObject::post(worker.receiver, [&, t, i] {
                        if (last[size_t(t)] != i - 1)
                            ++outOfOrder;
                        last[size_t(t)] = i;
                    });
                }
            });
        }
        for (std::thread& sender : senders)
            sender.join();
        CrossThreadObject::postAndWait(worker.receiver, [] {});
        QCOMPARE(outOfOrder.load(), 0);
        for (int t = 0; t < Threads; ++t)
            QCOMPARE(last[size_t(t)], Calls - 1);
    }
};

QTEST_GUILESS_MAIN(tst_CrossThreadObject)
#include "tst_crossthreadobject.moc"

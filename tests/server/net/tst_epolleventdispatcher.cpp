// EpollEventDispatcher: timers, posted events, wake-ups from other threads and socket notifiers,
// with the dispatcher installed as the application's own (as confabd does). The server's socket
// suites also run under it (ctest: tst_server_epoll, tst_clientsession_epoll).
#include "net/epolleventdispatcher.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QPointer>
#include <QSignalSpy>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

#include <sys/socket.h>
#include <unistd.h>

namespace {

// Counts timer events and remembers when they came.
class TimerCounter : public QObject
{
public:
    std::vector<int> ids;
    std::function<void(int)> onTimer;

protected:
    void timerEvent(QTimerEvent* event) override
    {
        ids.push_back(event->timerId());
        if (onTimer)
            onTimer(event->timerId());
    }
};

// A connected pair of local stream sockets, closed at the end.
struct SocketPair
{
    int fds[2] = {-1, -1};
    SocketPair() { ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds); }
    ~SocketPair()
    {
        for (int fd : fds) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    bool isValid() const { return fds[0] >= 0 && fds[1] >= 0; }
};

} // namespace

class tst_EpollEventDispatcher : public QObject
{
    Q_OBJECT

private slots:
    void isInstalled();
    void singleShotTimersFireInDeadlineOrder();
    void repeatingTimer();
    void remainingTimeAndRegisteredTimers();
    void timerStoppedByAnEarlierHandlerDoesNotFire();
    void zeroTimerDoesNotStarveSockets();
    void nestedLoopDoesNotRefireARunningTimer();
    void timersOfADeletedObjectAreGone();
    void postedEventsAndDeleteLater();
    void wakeUpFromAnotherThread();
    void quitFromAnotherThread();
    void readAndWriteNotifiers();
    void notifierDisabledByAnEarlierHandlerIsSkipped();
    void hangUpWakesTheReader();
    void excludeSocketNotifiers();
    void readGroupPausesOnlyItsMembers();
    void readGroupPausedByAnEarlierHandler();
    void readGroupMemberDisabledWhilePaused();
    void manyTcpConnections();
};

void tst_EpollEventDispatcher::isInstalled()
{
    auto* dispatcher = qobject_cast<EpollEventDispatcher*>(QCoreApplication::eventDispatcher());
    QVERIFY(dispatcher);
    QVERIFY(dispatcher->isValid());
}

void tst_EpollEventDispatcher::singleShotTimersFireInDeadlineOrder()
{
    QList<int> order;
    QElapsedTimer clock;
    clock.start();
    QList<qint64> at;
    for (int ms : {60, 20, 40}) {
        QTimer::singleShot(ms, Qt::PreciseTimer, this, [&, ms] {
            order.append(ms);
            at.append(clock.elapsed());
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order, (QList<int>{20, 40, 60}));
    QVERIFY2(at.at(0) >= 20 && at.at(2) >= 60, qPrintable(QString::number(at.at(0))));
}

void tst_EpollEventDispatcher::repeatingTimer()
{
    QTimer timer;
    timer.setInterval(10);
    int fired = 0;
    connect(&timer, &QTimer::timeout, this, [&fired] { ++fired; });
    QElapsedTimer clock;
    clock.start();
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(fired >= 10, 5000);
    // Ten intervals of 10 ms cannot be over in less than 100 ms.
    QVERIFY2(clock.elapsed() >= 95, qPrintable(QString::number(clock.elapsed())));
    timer.stop();
    const int stoppedAt = fired;
    QTest::qWait(50);
    QCOMPARE(fired, stoppedAt);
}

void tst_EpollEventDispatcher::remainingTimeAndRegisteredTimers()
{
    QAbstractEventDispatcher* dispatcher = QCoreApplication::eventDispatcher();
    TimerCounter object;
    const int id = object.startTimer(5000, Qt::CoarseTimer);
    QVERIFY(id > 0);
    const int left = dispatcher->remainingTime(id);
    QVERIFY2(left > 4000 && left <= 5000, qPrintable(QString::number(left)));
    const QList<QAbstractEventDispatcher::TimerInfo> timers = dispatcher->registeredTimers(&object);
    QCOMPARE(timers.size(), 1);
    QCOMPARE(timers.first().timerId, id);
    QCOMPARE(timers.first().interval, 5000);
    QCOMPARE(timers.first().timerType, Qt::CoarseTimer);
    object.killTimer(id);
    QCOMPARE(dispatcher->remainingTime(id), -1);
    QVERIFY(dispatcher->registeredTimers(&object).isEmpty());

    // A very coarse timer is kept in whole seconds.
    const int coarse = object.startTimer(1400, Qt::VeryCoarseTimer);
    QCOMPARE(dispatcher->registeredTimers(&object).first().interval, 1000);
    object.killTimer(coarse);
}

void tst_EpollEventDispatcher::timerStoppedByAnEarlierHandlerDoesNotFire()
{
    TimerCounter object;
    const int first = object.startTimer(5);
    const int second = object.startTimer(10);
    object.onTimer = [&](int id) {
        object.killTimer(first);
        object.killTimer(second);
        Q_UNUSED(id);
    };
    // Both are overdue when the loop next looks: they are due in the same pass, in deadline
    // order, and the first one's handler stops the second.
    QThread::msleep(30);
    QTRY_VERIFY_WITH_TIMEOUT(!object.ids.empty(), 5000);
    QTest::qWait(50);
    QCOMPARE(object.ids, std::vector<int>{first});
}

void tst_EpollEventDispatcher::zeroTimerDoesNotStarveSockets()
{
    QTimer busy;
    busy.setInterval(0);
    int spins = 0;
    connect(&busy, &QTimer::timeout, this, [&spins] { ++spins; });
    busy.start();

    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier notifier(pair.fds[0], QSocketNotifier::Read);
    int reads = 0;
    connect(&notifier, &QSocketNotifier::activated, this, [&] {
        char buffer[16];
        if (::read(pair.fds[0], buffer, sizeof buffer) > 0)
            ++reads;
    });
    QCOMPARE(::write(pair.fds[1], "x", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(reads, 1, 5000);
    QVERIFY(spins > 0);
}

void tst_EpollEventDispatcher::nestedLoopDoesNotRefireARunningTimer()
{
    TimerCounter object;
    int depth = 0;
    int maxDepth = 0;
    int nestedOther = 0;
    const int id = object.startTimer(5);
    QTimer other;
    connect(&other, &QTimer::timeout, this, [&] {
        if (depth > 0)
            ++nestedOther;
    });
    other.start(5);
    object.onTimer = [&](int) {
        ++depth;
        maxDepth = std::max(maxDepth, depth);
        if (object.ids.size() == 1) {
            QEventLoop nested;
            QTimer::singleShot(60, &nested, &QEventLoop::quit);
            nested.exec();
        }
        --depth;
    };
    QTRY_VERIFY_WITH_TIMEOUT(object.ids.size() >= 3, 5000);
    object.killTimer(id);
    QCOMPARE(maxDepth, 1);    // never re-entered while its handler ran
    QVERIFY(nestedOther > 0); // while other timers kept running in the nested loop
}

void tst_EpollEventDispatcher::timersOfADeletedObjectAreGone()
{
    auto* object = new TimerCounter;
    QPointer<TimerCounter> guard(object);
    const int first = object->startTimer(1);
    const int second = object->startTimer(1);
    QTRY_VERIFY_WITH_TIMEOUT(object->ids.size() >= 2, 5000);
    delete object;
    QCOMPARE(QCoreApplication::eventDispatcher()->remainingTime(first), -1);
    QCOMPARE(QCoreApplication::eventDispatcher()->remainingTime(second), -1);
    QTest::qWait(20); // a timer event for the deleted object would crash here (ASan run)
    QVERIFY(!guard);
}

void tst_EpollEventDispatcher::postedEventsAndDeleteLater()
{
    int calls = 0;
    QMetaObject::invokeMethod(
        this, [&calls] { ++calls; }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        this, [&calls] { ++calls; }, Qt::QueuedConnection);
    QCOMPARE(calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, 5000);

    QPointer<QObject> doomed = new QObject;
    doomed->deleteLater();
    QTRY_VERIFY_WITH_TIMEOUT(!doomed, 5000);

    // Inside QEventLoop::exec (the way confabd runs): a handler that posts again is served.
    QEventLoop loop;
    int chain = 0;
    std::function<void()> step = [&] {
        if (++chain == 100)
            loop.quit();
        else
            QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
    QTimer::singleShot(5000, &loop, [&loop] { loop.exit(1); });
    QCOMPARE(loop.exec(), 0);
    QCOMPARE(chain, 100);
}

void tst_EpollEventDispatcher::wakeUpFromAnotherThread()
{
    // No timer and no socket: the loop sleeps in epoll_wait until the other thread posts.
    QEventLoop loop;
    QElapsedTimer clock;
    std::unique_ptr<QThread> thread(QThread::create([&loop] {
        QThread::msleep(100);
        QMetaObject::invokeMethod(
            &loop, [&loop] { loop.exit(7); }, Qt::QueuedConnection);
    }));
    clock.start();
    thread->start();
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    guard.start(10000);
    QCOMPARE(loop.exec(), 7);
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(thread->wait(5000));
}

void tst_EpollEventDispatcher::quitFromAnotherThread()
{
    QEventLoop loop;
    std::unique_ptr<QThread> thread(QThread::create([&loop] {
        QThread::msleep(50);
        loop.exit(3); // thread-safe: interrupts the dispatcher's wait
    }));
    thread->start();
    QTimer guard;
    guard.setSingleShot(true);
    connect(&guard, &QTimer::timeout, &loop, [&loop] { loop.exit(1); });
    guard.start(10000);
    QCOMPARE(loop.exec(), 3);
    QVERIFY(thread->wait(5000));
}

void tst_EpollEventDispatcher::readAndWriteNotifiers()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write); // same descriptor
    int writable = 0;
    QByteArray received;
    connect(&writer, &QSocketNotifier::activated, this, [&] {
        ++writable;
        writer.setEnabled(false); // as QAbstractSocket does once its buffer is written
    });
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        char buffer[64];
        const ssize_t n = ::read(pair.fds[0], buffer, sizeof buffer);
        if (n > 0)
            received.append(buffer, n);
    });
    QTRY_COMPARE_WITH_TIMEOUT(writable, 1, 5000);
    QVERIFY(received.isEmpty());
    QCOMPARE(::write(pair.fds[1], "hello", 5), ssize_t(5));
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("hello"), 5000);
    QCOMPARE(writable, 1); // disabled: not woken again

    // Disabled, then enabled again.
    reader.setEnabled(false);
    QCOMPARE(::write(pair.fds[1], "again", 5), ssize_t(5));
    QTest::qWait(30);
    QCOMPARE(received, QByteArray("hello"));
    reader.setEnabled(true);
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("helloagain"), 5000);
}

void tst_EpollEventDispatcher::notifierDisabledByAnEarlierHandlerIsSkipped()
{
    SocketPair a;
    SocketPair b;
    QVERIFY(a.isValid() && b.isValid());
    auto* first = new QSocketNotifier(a.fds[0], QSocketNotifier::Read);
    auto* second = new QSocketNotifier(b.fds[0], QSocketNotifier::Read);
    int firstCalls = 0;
    int secondCalls = 0;
    // Whichever handler runs first deletes the other notifier, though both were ready in the
    // same wait.
    connect(first, &QSocketNotifier::activated, this, [&] {
        ++firstCalls;
        delete second;
        second = nullptr;
        first->setEnabled(false);
    });
    connect(second, &QSocketNotifier::activated, this, [&] {
        ++secondCalls;
        delete first;
        first = nullptr;
        second->setEnabled(false);
    });
    QCOMPARE(::write(a.fds[1], "x", 1), ssize_t(1));
    QCOMPARE(::write(b.fds[1], "y", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(firstCalls + secondCalls, 1, 5000);
    QTest::qWait(30);
    QCOMPARE(firstCalls + secondCalls, 1);
    delete first;
    delete second;
}

void tst_EpollEventDispatcher::hangUpWakesTheReader()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    bool sawEof = false;
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        char c;
        if (::read(pair.fds[0], &c, 1) == 0) {
            sawEof = true;
            reader.setEnabled(false);
        }
    });
    ::close(pair.fds[1]);
    pair.fds[1] = -1;
    QTRY_VERIFY_WITH_TIMEOUT(sawEof, 5000);
}

void tst_EpollEventDispatcher::excludeSocketNotifiers()
{
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    int activations = 0;
    connect(&reader, &QSocketNotifier::activated, this, [&] {
        ++activations;
        char buffer[16];
        (void)::read(pair.fds[0], buffer, sizeof buffer);
    });
    QCOMPARE(::write(pair.fds[1], "x", 1), ssize_t(1));
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents(QEventLoop::ExcludeSocketNotifiers);
    QCOMPARE(activations, 0);
    QTRY_COMPARE_WITH_TIMEOUT(activations, 1, 5000);
}

// Reads what a descriptor holds into received whenever its notifier is activated.
static void readOnActivation(QSocketNotifier* notifier, QByteArray* received)
{
    QObject::connect(notifier, &QSocketNotifier::activated, notifier, [notifier, received] {
        char buffer[64];
        const ssize_t n = ::read(int(notifier->socket()), buffer, sizeof buffer);
        if (n > 0)
            received->append(buffer, n);
    });
}

void tst_EpollEventDispatcher::readGroupPausesOnlyItsMembers()
{
    auto* dispatcher = EpollEventDispatcher::ofCurrentThread();
    QVERIFY(dispatcher);
    SocketPair member;
    SocketPair other;
    QVERIFY(member.isValid() && other.isValid());
    QSocketNotifier memberReader(member.fds[0], QSocketNotifier::Read);
    QSocketNotifier otherReader(other.fds[0], QSocketNotifier::Read);
    QByteArray memberReceived;
    QByteArray otherReceived;
    readOnActivation(&memberReader, &memberReceived);
    readOnActivation(&otherReader, &otherReceived);
    QVERIFY(dispatcher->joinReadGroup(&memberReader));
    QVERIFY(!dispatcher->isReadGroupPaused());

    // Not paused: a member reads as any notifier does.
    QCOMPARE(::write(member.fds[1], "a", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(memberReceived, QByteArray("a"), 5000);

    dispatcher->setReadGroupPaused(true);
    QVERIFY(dispatcher->isReadGroupPaused());
    // The member's descriptor also has a write notifier, outside the group: it still fires.
    int writable = 0;
    QSocketNotifier memberWriter(member.fds[0], QSocketNotifier::Write);
    connect(&memberWriter, &QSocketNotifier::activated, this, [&] {
        ++writable;
        memberWriter.setEnabled(false);
    });
    QCOMPARE(::write(member.fds[1], "b", 1), ssize_t(1));
    QCOMPARE(::write(other.fds[1], "c", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(otherReceived, QByteArray("c"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(writable, 1, 5000);
    QTest::qWait(30);
    QCOMPARE(memberReceived, QByteArray("a")); // held back

    dispatcher->setReadGroupPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(memberReceived, QByteArray("ab"), 5000);

    // Out of the group, a pause no longer holds it back.
    dispatcher->leaveReadGroup(&memberReader);
    dispatcher->setReadGroupPaused(true);
    QCOMPARE(::write(member.fds[1], "d", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(memberReceived, QByteArray("abd"), 5000);
    dispatcher->setReadGroupPaused(false);
}

void tst_EpollEventDispatcher::readGroupPausedByAnEarlierHandler()
{
    // Two members are ready in the same wait; whichever handler runs first pauses the group:
    // the other is not activated until the group is resumed.
    auto* dispatcher = EpollEventDispatcher::ofCurrentThread();
    QVERIFY(dispatcher);
    SocketPair a;
    SocketPair b;
    QVERIFY(a.isValid() && b.isValid());
    QSocketNotifier first(a.fds[0], QSocketNotifier::Read);
    QSocketNotifier second(b.fds[0], QSocketNotifier::Read);
    int activations = 0;
    for (QSocketNotifier* notifier : {&first, &second}) {
        QVERIFY(dispatcher->joinReadGroup(notifier));
        connect(notifier, &QSocketNotifier::activated, this, [&, notifier] {
            ++activations;
            char c;
            (void)::read(int(notifier->socket()), &c, 1);
            dispatcher->setReadGroupPaused(true);
        });
    }
    QCOMPARE(::write(a.fds[1], "x", 1), ssize_t(1));
    QCOMPARE(::write(b.fds[1], "y", 1), ssize_t(1));
    QTRY_COMPARE_WITH_TIMEOUT(activations, 1, 5000);
    QTest::qWait(30);
    QCOMPARE(activations, 1);
    dispatcher->setReadGroupPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(activations, 2, 5000);
    dispatcher->setReadGroupPaused(false);
    dispatcher->leaveReadGroup(&first);
    dispatcher->leaveReadGroup(&second);
}

void tst_EpollEventDispatcher::readGroupMemberDisabledWhilePaused()
{
    // Disabled and enabled again during a pause, a member is still held back by it; and it
    // is still a member after the pause.
    auto* dispatcher = EpollEventDispatcher::ofCurrentThread();
    QVERIFY(dispatcher);
    SocketPair pair;
    QVERIFY(pair.isValid());
    QSocketNotifier reader(pair.fds[0], QSocketNotifier::Read);
    QByteArray received;
    readOnActivation(&reader, &received);
    QVERIFY(dispatcher->joinReadGroup(&reader));
    QSocketNotifier writer(pair.fds[0], QSocketNotifier::Write);
    writer.setEnabled(false);
    QVERIFY(!dispatcher->joinReadGroup(&writer)); // readers only
    dispatcher->setReadGroupPaused(true);
    reader.setEnabled(false);
    QCOMPARE(::write(pair.fds[1], "a", 1), ssize_t(1));
    reader.setEnabled(true);
    QTest::qWait(30);
    QVERIFY(received.isEmpty());
    dispatcher->setReadGroupPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("a"), 5000);
    dispatcher->setReadGroupPaused(true);
    QCOMPARE(::write(pair.fds[1], "b", 1), ssize_t(1));
    QTest::qWait(30);
    QCOMPARE(received, QByteArray("a"));
    dispatcher->setReadGroupPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(received, QByteArray("ab"), 5000);
    dispatcher->leaveReadGroup(&reader);
}

void tst_EpollEventDispatcher::manyTcpConnections()
{
    // 200 real TCP connections on loopback, each echoing one line, then closed by the peer:
    // every socket is served and every disconnection seen.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int disconnected = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        while (QTcpSocket* peer = server.nextPendingConnection()) {
            connect(peer, &QTcpSocket::readyRead, peer, [peer] {
                if (peer->canReadLine())
                    peer->write(peer->readLine());
            });
            connect(peer, &QTcpSocket::disconnected, peer, [&disconnected, peer] {
                ++disconnected;
                peer->deleteLater();
            });
        }
    });
    constexpr int Clients = 200;
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    int echoed = 0;
    for (int i = 0; i < Clients; ++i) {
        auto client = std::make_unique<QTcpSocket>();
        QTcpSocket* raw = client.get();
        const QByteArray line = "line " + QByteArray::number(i) + '\n';
        connect(raw, &QTcpSocket::connected, raw, [raw, line] { raw->write(line); });
        connect(raw, &QTcpSocket::readyRead, raw, [raw, line, &echoed] {
            if (raw->canReadLine() && raw->readLine() == line)
                ++echoed;
        });
        raw->connectToHost(QHostAddress::LocalHost, server.serverPort());
        clients.push_back(std::move(client));
    }
    QTRY_COMPARE_WITH_TIMEOUT(echoed, Clients, 10000);
    for (auto& client : clients)
        client->disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(disconnected, Clients, 10000);
}

int main(int argc, char* argv[])
{
    QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
    QCoreApplication app(argc, argv);
    tst_EpollEventDispatcher test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_epolleventdispatcher.moc"

#pragma once

#include <QAbstractEventDispatcher>

#include <QAtomicInt>

#include <sys/epoll.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>
#include <unordered_map>
#include <vector>

class QSocketNotifier;

// A Linux event dispatcher for confabd built on epoll: the cost of one wait does not grow with
// the number of sockets. Qt's own dispatchers (glib's, or poll() without glib) hand every
// descriptor to the kernel on every wake-up; with a thousand mostly idle clients that walk was
// most of the server's CPU at light load (docs/PERFORMANCE.md).
//
// It is a drop-in QAbstractEventDispatcher: QTcpSocket, QTimer, QBasicTimer, queued
// connections and deleteLater() work unchanged. Install it before the application object:
//     QCoreApplication::setEventDispatcher(new EpollEventDispatcher);
// One dispatcher serves one thread (the thread that creates the QCoreApplication).
//
// - Socket notifiers: one epoll registration per descriptor (read, write and exception
//   notifiers share it), level-triggered, changed with epoll_ctl when a notifier is enabled or
//   disabled.
// - Timers: kept in deadline order; each due timer fires at most once per processEvents(), a
//   timer whose handler is still running (nested event loop) is not fired again, and a late
//   repeating timer skips the intervals it missed. Every timer type is kept to the millisecond;
//   VeryCoarseTimer intervals are rounded to whole seconds, as Qt does.
// - Posted events and wakeUp(): from another thread an eventfd, written only when no wake-up is
//   pending already; from the loop's own thread just a flag, seen before the loop waits.
// It must be created in the thread it will serve.
class EpollEventDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject* parent = nullptr);
    ~EpollEventDispatcher() override;

    // Whether epoll and eventfd could be set up; if not, do not install it.
    bool isValid() const { return m_epollFd >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;
    // Called on the thread the dispatcher runs for (set before a QThread starts, it is made on
    // another one): from then on wake-ups from that thread are flags, not eventfd writes.
    void startingUp() override;

private:
    using Clock = std::chrono::steady_clock;

    struct Timer
    {
        qint64 intervalMs;
        Qt::TimerType type;
        QObject* object;
        Clock::time_point deadline;
        bool firing = false; // its handler is running (perhaps in a nested event loop)
    };
    struct Descriptor
    {
        QSocketNotifier* notifiers[3] = {nullptr, nullptr, nullptr}; // by QSocketNotifier::Type
        quint32 events = 0;                                          // registered with epoll
    };

    void updateDescriptor(int fd, Descriptor& descriptor);
    // Milliseconds until the next timer is due (0 if one is), or -1 without timers.
    int timeUntilNextTimer() const;
    int activateTimers();
    void dequeueTimer(Clock::time_point deadline, int timerId);
    // Handles the first count ready events: drains the wake-up eventfd, sends SockAct.
    int activateSocketNotifiers(int count);
    void drainWakeUps();

    std::atomic<std::thread::id> m_ownerThread; // the thread whose events this dispatcher runs
    bool m_postedFromOwnThread = false;
    int m_epollFd = -1;
    int m_wakeFd = -1;
    QAtomicInt m_wakeUpPending = 0;
    QAtomicInt m_interrupted = 0;

    std::unordered_map<int, Descriptor> m_descriptors;
    std::vector<epoll_event> m_events;
    // Notifiers due in the activations now running (nested loops each have one list); a
    // notifier that is disabled or deleted meanwhile is taken out of all of them.
    std::vector<std::vector<QSocketNotifier*>*> m_activations;

    std::unordered_map<int, Timer> m_timers;
    std::multimap<Clock::time_point, int> m_timerQueue; // deadline -> timer id
};

#pragma once

#include <QAbstractEventDispatcher>

#include <QAtomicInt>

#include <sys/epoll.h>

#include <atomic>
#include <chrono>
#include <map>
#include <thread>
#include <unordered_map>
#include <unordered_set>
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
// - The read group: read notifiers that pause and resume together in one call, however many
//   they are (confabd's clients, while the history writer catches up). Their registrations are
//   in an epoll set of their own, which the loop's set watches through its descriptor; a pause
//   takes that descriptor's events away. Pausing a thousand notifiers one by one took two
//   thousand epoll_ctl calls and a poll of each socket, 3 ms each way: 3-4 % of the loop when
//   the history writer paused it six times a second (docs/PERFORMANCE.md, stop 43).
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

    // The dispatcher of the calling thread if it is an EpollEventDispatcher, else null.
    static EpollEventDispatcher* ofCurrentThread();
    // A read notifier joins or leaves the read group; enabled or not, it stays a member until
    // it leaves, which it must do before it is deleted. There is one group per dispatcher.
    // False if it cannot join (not a read notifier, or no epoll set for the group).
    bool joinReadGroup(QSocketNotifier* notifier);
    void leaveReadGroup(QSocketNotifier* notifier);
    // Paused: the group's notifiers are not activated, whatever arrives, until it is resumed.
    void setReadGroupPaused(bool paused);
    bool isReadGroupPaused() const { return m_readGroupPaused; }
    int readGroupSize() const { return int(m_readGroup.size()); }

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
        quint32 events = 0;      // registered with the loop's epoll set
        quint32 groupEvents = 0; // registered with the read group's set
    };

    void updateDescriptor(int fd, Descriptor& descriptor);
    // Changes fd's registration in epollFd from the events before to the events wanted
    // (none: removed); false, with a warning, if the kernel refused.
    static bool changeRegistration(int epollFd, int fd, quint32 before, quint32 wanted);
    // epoll_wait() into events, again if interrupted by a signal: the ready count, or -1.
    static int waitForEvents(int epollFd, std::vector<epoll_event>& events, int timeoutMs);
    // Updates the registration of notifier's descriptor, if it is registered.
    void updateDescriptorOf(QSocketNotifier* notifier);
    // Milliseconds until the next timer is due (0 if one is), or -1 without timers.
    int timeUntilNextTimer() const;
    int activateTimers();
    void dequeueTimer(Clock::time_point deadline, int timerId);
    // Handles the first count ready events: drains the wake-up eventfd, sends SockAct.
    int activateSocketNotifiers(int count);
    // Adds the notifiers an event of the loop's set, or of the read group's, wakes to pending.
    void collectNotifiers(const epoll_event& event, bool fromReadGroup,
                          std::vector<QSocketNotifier*>& pending);
    void drainWakeUps();

    std::atomic<std::thread::id> m_ownerThread; // the thread whose events this dispatcher runs
    bool m_postedFromOwnThread = false;
    int m_epollFd = -1;
    int m_wakeFd = -1;
    int m_readGroupFd = -1; // the read group's epoll set
    bool m_readGroupPaused = false;
    QAtomicInt m_wakeUpPending = 0;
    QAtomicInt m_interrupted = 0;

    std::unordered_map<int, Descriptor> m_descriptors;
    std::vector<epoll_event> m_events;
    std::vector<epoll_event> m_groupEvents;
    std::unordered_set<QSocketNotifier*> m_readGroup;
    // Notifiers due in the activations now running (nested loops each have one list); a
    // notifier that is disabled or deleted meanwhile is taken out of all of them.
    std::vector<std::vector<QSocketNotifier*>*> m_activations;

    std::unordered_map<int, Timer> m_timers;
    std::multimap<Clock::time_point, int> m_timerQueue; // deadline -> timer id
};

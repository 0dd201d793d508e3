#include "net/epolleventdispatcher.h"

#include "serverlogging.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <utility>

#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace {

constexpr int MaxEventsPerWait = 256;

quint32 epollEventsFor(QSocketNotifier::Type type)
{
    switch (type) {
    case QSocketNotifier::Read:
        return EPOLLIN;
    case QSocketNotifier::Write:
        return EPOLLOUT;
    case QSocketNotifier::Exception:
        return EPOLLPRI;
    }
    return 0;
}

qint64 roundedInterval(qint64 intervalMs, Qt::TimerType type)
{
    if (type != Qt::VeryCoarseTimer || intervalMs == 0)
        return intervalMs;
    return std::max<qint64>(1000, (intervalMs + 500) / 1000 * 1000);
}

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent), m_ownerThread(std::this_thread::get_id())
{
    m_epollFd = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epollFd >= 0 && m_wakeFd >= 0) {
        epoll_event event{};
        event.events = EPOLLIN;
        event.data.fd = m_wakeFd;
        if (epoll_ctl(m_epollFd, EPOLL_CTL_ADD, m_wakeFd, &event) != 0) {
            qCWarning(lcServer, "epoll_ctl(eventfd): %s", std::strerror(errno));
            ::close(m_wakeFd);
            m_wakeFd = -1;
        }
    } else {
        qCWarning(lcServer, "epoll/eventfd unavailable: %s", std::strerror(errno));
    }
    if (m_epollFd >= 0) {
        // Without it, joinReadGroup() leaves notifiers in the loop's set.
        m_readGroupFd = epoll_create1(EPOLL_CLOEXEC);
        if (m_readGroupFd >= 0 && !changeRegistration(m_epollFd, m_readGroupFd, 0, EPOLLIN)) {
            ::close(m_readGroupFd);
            m_readGroupFd = -1;
        }
    }
    m_events.resize(MaxEventsPerWait);
    m_groupEvents.resize(MaxEventsPerWait);
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_readGroupFd >= 0)
        ::close(m_readGroupFd);
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epollFd >= 0)
        ::close(m_epollFd);
}

// ---------------------------------------------------------------------------------------------
// Socket notifiers

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier* notifier)
{
    const int fd = int(notifier->socket());
    const QSocketNotifier::Type type = notifier->type();
    Descriptor& descriptor = m_descriptors[fd];
    if (descriptor.notifiers[type] && descriptor.notifiers[type] != notifier)
        qCWarning(lcServer, "two socket notifiers of one type for descriptor %d", fd);
    descriptor.notifiers[type] = notifier;
    updateDescriptor(fd, descriptor);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier)
{
    for (std::vector<QSocketNotifier*>* pending : m_activations)
        std::replace(pending->begin(), pending->end(), notifier,
                     static_cast<QSocketNotifier*>(nullptr));

    const int fd = int(notifier->socket());
    auto it = m_descriptors.find(fd);
    if (it == m_descriptors.end() || it->second.notifiers[notifier->type()] != notifier)
        return;
    it->second.notifiers[notifier->type()] = nullptr;
    updateDescriptor(fd, it->second);
    if (it->second.events == 0 && it->second.groupEvents == 0)
        m_descriptors.erase(it);
}

void EpollEventDispatcher::updateDescriptor(int fd, Descriptor& descriptor)
{
    quint32 wanted = 0;
    quint32 groupWanted = 0;
    for (int type = 0; type < 3; ++type) {
        QSocketNotifier* const notifier = descriptor.notifiers[type];
        if (!notifier)
            continue;
        if (type == QSocketNotifier::Read && m_readGroup.count(notifier))
            groupWanted = EPOLLIN;
        else
            wanted |= epollEventsFor(QSocketNotifier::Type(type));
    }
    if (wanted != descriptor.events) {
        changeRegistration(m_epollFd, fd, descriptor.events, wanted);
        descriptor.events = wanted;
    }
    if (groupWanted != descriptor.groupEvents) {
        changeRegistration(m_readGroupFd, fd, descriptor.groupEvents, groupWanted);
        descriptor.groupEvents = groupWanted;
    }
}

bool EpollEventDispatcher::changeRegistration(int epollFd, int fd, quint32 before, quint32 wanted)
{
    epoll_event event{};
    event.events = wanted;
    event.data.fd = fd;
    int result = 0;
    if (wanted == 0) {
        // Fails harmlessly if the descriptor was closed first (the kernel dropped it then).
        epoll_ctl(epollFd, EPOLL_CTL_DEL, fd, &event);
    } else if (before == 0) {
        result = epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event);
        if (result != 0 && errno == EEXIST)
            result = epoll_ctl(epollFd, EPOLL_CTL_MOD, fd, &event);
    } else {
        result = epoll_ctl(epollFd, EPOLL_CTL_MOD, fd, &event);
        // Closed and reopened under the same number while registered: the kernel forgot it.
        if (result != 0 && errno == ENOENT)
            result = epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &event);
    }
    if (result != 0)
        qCWarning(lcServer, "epoll_ctl(%d): %s", fd, std::strerror(errno));
    return result == 0;
}

int EpollEventDispatcher::waitForEvents(int epollFd, std::vector<epoll_event>& events,
                                        int timeoutMs)
{
    int count;
    do {
        count = epoll_wait(epollFd, events.data(), int(events.size()), timeoutMs);
    } while (count < 0 && errno == EINTR);
    return count;
}

EpollEventDispatcher* EpollEventDispatcher::ofCurrentThread()
{
    return qobject_cast<EpollEventDispatcher*>(QAbstractEventDispatcher::instance());
}

bool EpollEventDispatcher::joinReadGroup(QSocketNotifier* notifier)
{
    if (m_readGroupFd < 0 || notifier->type() != QSocketNotifier::Read)
        return false;
    if (m_readGroup.insert(notifier).second)
        updateDescriptorOf(notifier);
    return true;
}

void EpollEventDispatcher::leaveReadGroup(QSocketNotifier* notifier)
{
    if (m_readGroup.erase(notifier) > 0)
        updateDescriptorOf(notifier);
}

void EpollEventDispatcher::updateDescriptorOf(QSocketNotifier* notifier)
{
    const int fd = int(notifier->socket());
    auto it = m_descriptors.find(fd);
    if (it != m_descriptors.end() && it->second.notifiers[notifier->type()] == notifier)
        updateDescriptor(fd, it->second);
}

void EpollEventDispatcher::setReadGroupPaused(bool paused)
{
    if (m_readGroupFd < 0 || m_readGroupPaused == paused)
        return;
    m_readGroupPaused = paused;
    // Members that are due in the activations now running wait too (level-triggered, they
    // are reported again once resumed).
    if (paused) {
        for (std::vector<QSocketNotifier*>* pending : m_activations)
            std::replace_if(
                pending->begin(), pending->end(),
                [this](QSocketNotifier* notifier) { return m_readGroup.count(notifier) > 0; },
                nullptr);
    }
    // The set leaves the loop's set while paused: what is ready in it waits there.
    const quint32 registered = EPOLLIN;
    changeRegistration(m_epollFd, m_readGroupFd, paused ? registered : 0, paused ? 0 : registered);
}

int EpollEventDispatcher::activateSocketNotifiers(int count)
{
    int activated = 0;
    std::vector<QSocketNotifier*> pending;
    pending.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const epoll_event& event = m_events[size_t(i)];
        if (event.data.fd == m_wakeFd) {
            drainWakeUps();
            ++activated;
        } else if (event.data.fd == m_readGroupFd) {
            // The group's set has ready descriptors: which ones, without waiting.
            const int ready = waitForEvents(m_readGroupFd, m_groupEvents, 0);
            pending.reserve(pending.size() + size_t(std::max(ready, 0)));
            for (int j = 0; j < ready; ++j)
                collectNotifiers(m_groupEvents[size_t(j)], true, pending);
        } else {
            collectNotifiers(event, false, pending);
        }
    }

    m_activations.push_back(&pending);
    QEvent event(QEvent::SockAct);
    for (QSocketNotifier*& notifier : pending) {
        // Null if disabled or deleted by an earlier handler.
        if (QSocketNotifier* current = std::exchange(notifier, nullptr)) {
            QCoreApplication::sendEvent(current, &event);
            ++activated;
        }
    }
    m_activations.erase(std::find(m_activations.begin(), m_activations.end(), &pending));
    return activated;
}

void EpollEventDispatcher::collectNotifiers(const epoll_event& event, bool fromReadGroup,
                                            std::vector<QSocketNotifier*>& pending)
{
    auto it = m_descriptors.find(event.data.fd);
    if (it == m_descriptors.end())
        return;
    QSocketNotifier* const* notifiers = it->second.notifiers;
    // A descriptor in both sets reports a hang-up in both: each wakes its own notifiers.
    const bool readHere = fromReadGroup == (it->second.groupEvents != 0);
    // As Qt's own dispatchers do: a hang-up or an error wakes the readers and the writers.
    if (readHere && (event.events & (EPOLLIN | EPOLLHUP | EPOLLERR)) &&
        notifiers[QSocketNotifier::Read])
        pending.push_back(notifiers[QSocketNotifier::Read]);
    if (fromReadGroup)
        return;
    if ((event.events & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && notifiers[QSocketNotifier::Write])
        pending.push_back(notifiers[QSocketNotifier::Write]);
    if ((event.events & EPOLLPRI) && notifiers[QSocketNotifier::Exception])
        pending.push_back(notifiers[QSocketNotifier::Exception]);
}

// ---------------------------------------------------------------------------------------------
// Timers

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                         QObject* object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    const qint64 intervalMs = roundedInterval(interval, timerType);
    const Clock::time_point deadline = Clock::now() + std::chrono::milliseconds(intervalMs);
    unregisterTimer(timerId);
    m_timers.emplace(timerId, Timer{intervalMs, timerType, object, deadline});
    m_timerQueue.emplace(deadline, timerId);
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    dequeueTimer(it->second.deadline, timerId);
    m_timers.erase(it);
    return true;
}

void EpollEventDispatcher::dequeueTimer(Clock::time_point deadline, int timerId)
{
    auto [first, last] = m_timerQueue.equal_range(deadline);
    for (auto q = first; q != last; ++q) {
        if (q->second == timerId) {
            m_timerQueue.erase(q);
            return;
        }
    }
}

bool EpollEventDispatcher::unregisterTimers(QObject* object)
{
    std::vector<int> ids;
    for (const auto& [id, timer] : m_timers) {
        if (timer.object == object)
            ids.push_back(id);
    }
    for (int id : ids)
        unregisterTimer(id);
    return !ids.empty();
}

QList<QAbstractEventDispatcher::TimerInfo>
EpollEventDispatcher::registeredTimers(QObject* object) const
{
    QList<TimerInfo> result;
    for (const auto& [id, timer] : m_timers) {
        if (timer.object == object)
            result.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return result;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(it->second.deadline - Clock::now());
    return int(std::max<qint64>(0, left.count()));
}

int EpollEventDispatcher::timeUntilNextTimer() const
{
    if (m_timerQueue.empty())
        return -1;
    const auto left = m_timerQueue.begin()->first - Clock::now();
    if (left <= Clock::duration::zero())
        return 0;
    // Rounded up: waking a little early would only mean waiting again.
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(left).count();
    return int(std::min<qint64>(ms, std::numeric_limits<int>::max()));
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timerQueue.empty())
        return 0;
    const Clock::time_point now = Clock::now();
    // The timers due now, in deadline order; each fires once in this pass even if its handler
    // restarts it with a zero interval.
    std::vector<int> due;
    for (auto q = m_timerQueue.begin(); q != m_timerQueue.end() && q->first <= now; ++q)
        due.push_back(q->second);

    int activated = 0;
    for (int id : due) {
        auto it = m_timers.find(id);
        if (it == m_timers.end() || it->second.firing || it->second.deadline > now)
            continue; // stopped, running in an outer loop, or restarted by an earlier handler
        Timer& timer = it->second;
        // Next deadline first (the handler may stop or restart the timer): one interval on,
        // or one interval from now if the timer is so late that it missed whole intervals.
        Clock::time_point next = timer.deadline + std::chrono::milliseconds(timer.intervalMs);
        if (next < now)
            next = now + std::chrono::milliseconds(timer.intervalMs);
        dequeueTimer(timer.deadline, id);
        timer.deadline = next;
        m_timerQueue.emplace(next, id);

        timer.firing = true;
        QObject* object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++activated;
        // The handler may have stopped the timer or deleted its object: look it up again.
        auto again = m_timers.find(id);
        if (again != m_timers.end())
            again->second.firing = false;
    }
    return activated;
}

// ---------------------------------------------------------------------------------------------
// The loop

void EpollEventDispatcher::wakeUp()
{
    // From the loop's own thread (a queued call made while handling an event) a flag does: it
    // is looked at before the loop waits. From another thread the eventfd is written, once
    // until the loop has seen it, so a burst of posted events costs one system call.
    if (std::this_thread::get_id() == m_ownerThread.load(std::memory_order_relaxed)) {
        m_postedFromOwnThread = true;
        return;
    }
    if (m_wakeUpPending.testAndSetAcquire(0, 1)) {
        const quint64 one = 1;
        ssize_t written;
        do {
            written = ::write(m_wakeFd, &one, sizeof one);
        } while (written < 0 && errno == EINTR);
    }
}

void EpollEventDispatcher::startingUp()
{
    m_ownerThread.store(std::this_thread::get_id());
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.storeRelaxed(1);
    wakeUp();
}

void EpollEventDispatcher::drainWakeUps()
{
    quint64 count = 0;
    while (::read(m_wakeFd, &count, sizeof count) < 0 && errno == EINTR) {
    }
    // After the read: a wake-up that arrives from here on writes again. The posted events it
    // announces are sent at the start of the next processEvents(), before any wait.
    m_wakeUpPending.storeRelease(0);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.storeRelaxed(0);
    emit awake();
    m_postedFromOwnThread = false; // what was posted so far is sent now
    QCoreApplication::sendPostedEvents();

    const bool includeTimers = !(flags & QEventLoop::X11ExcludeTimers);
    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupted.loadRelaxed();
    if (canWait)
        emit aboutToBlock();
    if (m_interrupted.loadRelaxed())
        return false;

    int timeout = 0;
    // Posted from this thread since sendPostedEvents() began: do not wait, send them next.
    const bool postedMeanwhile = std::exchange(m_postedFromOwnThread, false);
    if (canWait && !postedMeanwhile) {
        // Events posted since sendPostedEvents() have written to the eventfd, so this returns
        // at once for them.
        timeout = includeTimers ? timeUntilNextTimer() : -1;
    }

    int activated = 0;
    if (includeNotifiers) {
        const int count = waitForEvents(m_epollFd, m_events, timeout);
        if (count > 0)
            activated += activateSocketNotifiers(count);
    } else {
        // Sockets are left alone: wait for a wake-up or a timer only.
        pollfd wake{m_wakeFd, POLLIN, 0};
        int count;
        do {
            count = ::poll(&wake, 1, timeout);
        } while (count < 0 && errno == EINTR);
        if (count > 0) {
            drainWakeUps();
            ++activated;
        }
    }
    if (includeTimers)
        activated += activateTimers();
    return activated > 0;
}

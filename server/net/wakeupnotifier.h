#pragma once

#include <QSocketNotifier>

#include <functional>

// Wakes the thread that made it: wake() (from any thread) writes to an eventfd, and on that
// thread's event loop the handler runs once per burst of wake-ups. What crosses the threads
// travels in a HandoffQueue; this only says "look". Unlike a queued call, it allocates nothing per
// wake-up, and ThreadSanitizer sees the eventfd as the synchronisation it is.
class WakeUpNotifier final : public QSocketNotifier
{
public:
    explicit WakeUpNotifier(std::function<void()> handler);
    ~WakeUpNotifier() override;

    WakeUpNotifier(const WakeUpNotifier&) = delete;
    WakeUpNotifier& operator=(const WakeUpNotifier&) = delete;

    // Any thread.
    void wake();

protected:
    bool event(QEvent* event) override;

private:
    static int makeEventFd();

    std::function<void()> m_handler;
};

#include "auth/loginthrottle.h"

LoginThrottle::LoginThrottle(int limit, qint64 windowMs) : m_limit(limit), m_windowMs(windowMs) {}

void LoginThrottle::expire(std::deque<qint64>& events, qint64 nowMs) const
{
    while (!events.empty() && events.front() <= nowMs - m_windowMs)
        events.pop_front();
}

void LoginThrottle::sweep(qint64 nowMs)
{
    // At most once per window: drop every key whose events have all left it.
    if (nowMs - m_lastSweepMs < m_windowMs)
        return;
    m_lastSweepMs = nowMs;
    for (auto it = m_events.begin(); it != m_events.end();) {
        expire(*it, nowMs);
        it = it->empty() ? m_events.erase(it) : std::next(it);
    }
}

bool LoginThrottle::isThrottled(const QString& key, qint64 nowMs)
{
    sweep(nowMs);
    auto it = m_events.find(key);
    if (it == m_events.end())
        return false;
    expire(*it, nowMs);
    return int(it->size()) >= m_limit;
}

void LoginThrottle::record(const QString& key, qint64 nowMs)
{
    sweep(nowMs);
    std::deque<qint64>& events = m_events[key];
    expire(events, nowMs);
    events.push_back(nowMs);
    // Never more than the limit is needed to answer isThrottled().
    while (int(events.size()) > m_limit)
        events.pop_front();
}

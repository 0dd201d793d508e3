#pragma once

#include <QHash>
#include <QString>

#include <deque>

// Counts events (failed logins, registrations) per key (an account, an address) in a sliding
// window, and says when a key has reached its limit. A key is free again as soon as its oldest
// counted event leaves the window, so nobody is locked out for longer than the window. Keys
// without recent events are forgotten, so the table stays as small as the recent traffic.
class LoginThrottle
{
public:
    LoginThrottle(int limit, qint64 windowMs);

    // Whether the key has `limit` events within the window ending at nowMs.
    bool isThrottled(const QString& key, qint64 nowMs);
    void record(const QString& key, qint64 nowMs);
    // After a successful login: the account's failures no longer count.
    void clear(const QString& key) { m_events.remove(key); }

    int trackedKeys() const { return int(m_events.size()); }

private:
    void expire(std::deque<qint64>& events, qint64 nowMs) const;
    void sweep(qint64 nowMs);

    int m_limit;
    qint64 m_windowMs;
    QHash<QString, std::deque<qint64>> m_events;
    qint64 m_lastSweepMs = 0;
};

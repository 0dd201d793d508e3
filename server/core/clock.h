#pragma once

#include <QtGlobal>

#include <ctime>

// The wall clock in whole seconds, as WHOIS, TOPIC and channel creation times need it.
namespace Clock {

inline qint64 nowSecs()
{
    return qint64(std::time(nullptr)); // per message: cheaper than a QDateTime
}

// Milliseconds since the epoch (throttles, history requests).
inline qint64 nowMs()
{
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
}

} // namespace Clock

#pragma once

#include <QtGlobal>

#include <ctime>

// The wall clock in whole seconds, as WHOIS, TOPIC and channel creation times need it.
namespace Clock {

inline qint64 nowSecs()
{
    return qint64(std::time(nullptr)); // per message: cheaper than a QDateTime
}

} // namespace Clock

#pragma once

#include <cstdint>
#include <ctime>

// CLOCK_MONOTONIC in nanoseconds; the same clock in every thread of the generator, so a send
// time written into a message can be subtracted from a receive time read in another thread.
namespace MonotonicClock {

inline uint64_t nowNs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ULL + static_cast<uint64_t>(ts.tv_nsec);
}

constexpr uint64_t NsPerSecond = 1'000'000'000ULL;

} // namespace MonotonicClock

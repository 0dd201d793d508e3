#pragma once

#include <cstdint>
#include <map>
#include <string>

// CPU time and resident memory of a process, read from /proc (the server) or getrusage (the
// generator itself, all threads).
namespace ProcessStats {

// utime + stime of pid in seconds (clock-tick resolution, usually 10 ms); -1 if unreadable.
double cpuSeconds(int pid);
// utime + stime of each thread of pid in seconds, summed by thread name (confabd names its
// threads: confabd-io1, confabd-history...); empty if unreadable. Threads that ended are missing.
std::map<std::string, double> threadCpuSeconds(int pid);
// VmRSS of pid in kB; -1 if unreadable.
long rssKb(int pid);
// user + system CPU of this process, all threads, in seconds.
double selfCpuSeconds();
// CPU time of the calling thread in microseconds (CLOCK_THREAD_CPUTIME_ID): the work a step did,
// without the time it waited for a core on a busy machine.
uint64_t threadCpuMicros();

} // namespace ProcessStats

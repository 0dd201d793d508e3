#include "processstats.h"

#include <ctime>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

namespace ProcessStats {

namespace {

// utime + stime from a /proc stat file (a process's or one thread's) in seconds, and the command
// name (a thread's name) into *name if given; -1 if unreadable.
double statCpuSeconds(const std::string& path, std::string* name)
{
    FILE* file = std::fopen(path.c_str(), "r");
    if (!file)
        return -1.0;
    char buffer[1024];
    const size_t length = std::fread(buffer, 1, sizeof(buffer) - 1, file);
    std::fclose(file);
    buffer[length] = '\0';
    // The command name may hold spaces and parentheses: fields restart after the last ')'.
    const char* p = std::strrchr(buffer, ')');
    const char* open = std::strchr(buffer, '(');
    if (!p || !open || open > p)
        return -1.0;
    if (name)
        name->assign(open + 1, p);
    // After ") " come field 3 (state) onwards; utime is field 14 and stime field 15.
    const char* field = p + 1;
    unsigned long long values[2] = {0, 0};
    for (int number = 3; number <= 15; ++number) {
        while (*field == ' ')
            ++field;
        if (*field == '\0')
            return -1.0;
        if (number >= 14)
            values[number - 14] = std::strtoull(field, nullptr, 10);
        while (*field != ' ' && *field != '\0')
            ++field;
    }
    const unsigned long long utime = values[0];
    const unsigned long long stime = values[1];
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

} // namespace

double cpuSeconds(int pid)
{
    if (pid <= 0)
        return -1.0;
    return statCpuSeconds("/proc/" + std::to_string(pid) + "/stat", nullptr);
}

std::map<std::string, double> threadCpuSeconds(int pid)
{
    std::map<std::string, double> byName;
    if (pid <= 0)
        return byName;
    const std::string tasks = "/proc/" + std::to_string(pid) + "/task";
    DIR* directory = opendir(tasks.c_str());
    if (!directory)
        return byName;
    while (const dirent* entry = readdir(directory)) {
        if (entry->d_name[0] == '.')
            continue;
        std::string name;
        const double seconds = statCpuSeconds(tasks + '/' + entry->d_name + "/stat", &name);
        if (seconds >= 0)
            byName[name] += seconds;
    }
    closedir(directory);
    return byName;
}

long rssKb(int pid)
{
    if (pid <= 0)
        return -1;
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    FILE* file = std::fopen(path.c_str(), "r");
    if (!file)
        return -1;
    char line[256];
    long rss = -1;
    while (std::fgets(line, sizeof(line), file)) {
        if (std::strncmp(line, "VmRSS:", 6) == 0) {
            rss = std::strtol(line + 6, nullptr, 10);
            break;
        }
    }
    std::fclose(file);
    return rss;
}

double selfCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

uint64_t threadCpuMicros()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return uint64_t(now.tv_sec) * 1000000u + uint64_t(now.tv_nsec) / 1000u;
}

} // namespace ProcessStats

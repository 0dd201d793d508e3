#include "config/serverconfig.h"

namespace {
int g_defaultThreads = 1;
} // namespace

int ServerDefaults::threads()
{
    return g_defaultThreads;
}

void ServerDefaults::setThreads(int threads)
{
    g_defaultThreads = qBound(1, threads, MaxThreads);
}

// confab-loadgen: loopback IRC load generator for docs/PERFORMANCE.md (issue 5).
#include "loadgenconfig.h"
#include "loadgenerator.h"

#include <csignal>
#include <cstdio>

int main(int argc, char** argv)
{
    LoadGenConfig config;
    std::string error;
    if (!LoadGenOptions::parse(argc, argv, config, error)) {
        std::fprintf(stderr, "%s\n", error.c_str());
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    LoadGenerator generator(config);
    return generator.run();
}

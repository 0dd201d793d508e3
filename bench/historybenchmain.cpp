// confab-historybench: CHATHISTORY latency on a big history store (issue 10, docs/PERFORMANCE.md).
#include "historybench.h"
#include "historybenchconfig.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>
#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.info=false")); // schema migrations
    HistoryBenchConfig config;
    QString message;
    switch (HistoryBenchOptions::parse(QCoreApplication::arguments(), config, &message)) {
    case HistoryBenchOptions::Result::Help:
        std::fputs(qPrintable(message), stdout);
        return 0;
    case HistoryBenchOptions::Result::Error:
        std::fprintf(stderr, "%s\n", qPrintable(message));
        return 2;
    case HistoryBenchOptions::Result::Ok:
        break;
    }
    std::signal(SIGPIPE, SIG_IGN);
    HistoryBench bench(config);
    return bench.run();
}

// confab-clientbench (issue 15 §4): the desktop client's conversation view and member list
// under load, in the real widgets. Prints one RESULT line per measurement.
#include "conversationbench.h"
#include "memberlistbench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen"
                                                                     : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Confab"));
    QCoreApplication::setApplicationName(QStringLiteral("confab-clientbench"));
    QStandardPaths::setTestModeEnabled(true); // never the user's settings or stores

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Measures the Confab client's conversation view and member list."));
    parser.addHelpOption();
    const QCommandLineOption lines(QStringLiteral("lines"),
                                   QStringLiteral("Lines stored in the conversation (100000)."),
                                   QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption steps(QStringLiteral("scroll-steps"),
                                   QStringLiteral("Wheel steps scrolled up (2000)."),
                                   QStringLiteral("n"), QStringLiteral("2000"));
    const QCommandLineOption members(QStringLiteral("members"),
                                     QStringLiteral("Members of the busy room (1000)."),
                                     QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption joins(QStringLiteral("joins-per-second"),
                                   QStringLiteral("People joining it per second (50)."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption seconds(QStringLiteral("seconds"),
                                     QStringLiteral("How long they join (10)."),
                                     QStringLiteral("n"), QStringLiteral("10"));
    parser.addOptions({lines, steps, members, joins, seconds});
    parser.process(app);

    QTemporaryDir directory;
    const ConversationBench::Result c = ConversationBench::run(
        directory.path(), parser.value(lines).toInt(), parser.value(steps).toInt());
    std::printf("RESULT conversation ok=%d stored_lines=%d fill_s=%.1f db_kb=%lld first_open_ms=%.1f open_ms=%.1f "
                "open_rows=%d scroll_steps=%d step_p50_ms=%.2f step_p99_ms=%.2f "
                "step_max_ms=%.2f step_cpu_p50_ms=%.2f step_cpu_p99_ms=%.2f step_cpu_max_ms=%.2f rows_after_scroll=%d max_rows_laid_out=%d rss_before_kb=%ld rss_open_kb=%ld "
                "rss_scrolled_kb=%ld%s%s\n",
                int(c.ok), c.storedLines, c.fillSeconds, c.databaseKb, c.firstOpenMs, c.openMs, c.openRows, c.scrollSteps,
                c.stepP50Ms, c.stepP99Ms, c.stepMaxMs, c.stepCpuP50Ms, c.stepCpuP99Ms, c.stepCpuMaxMs, c.rowsAfterScroll, c.maxRowsLaidOut, c.rssBeforeKb,
                c.rssOpenKb, c.rssScrolledKb, c.error.isEmpty() ? "" : " error=",
                qPrintable(c.error));
    std::fflush(stdout);

    const MemberListBench::Result m = MemberListBench::run(
        parser.value(members).toInt(), parser.value(joins).toInt(), parser.value(seconds).toInt());
    std::printf("RESULT members ok=%d members=%d joins=%d loop_p50_ms=%.2f loop_p99_ms=%.2f "
                "loop_max_ms=%.2f ticks=%d cpu_s=%.2f%s%s\n",
                int(m.ok), m.members, m.joinsSent, m.p50Ms, m.p99Ms, m.maxMs, m.ticks,
                m.cpuSeconds, m.error.isEmpty() ? "" : " error=", qPrintable(m.error));
    return c.ok && m.ok ? 0 : 1;
}

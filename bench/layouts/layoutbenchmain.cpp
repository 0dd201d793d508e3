// confab-layoutbench: what storing a message costs the history writer in other SQLite layouts
// than schema 7's, before the store is rewritten for one (issue 10, docs/PERFORMANCE.md).
#include "../positiveoption.h"
#include "chunklayout.h"
#include "layoutbench.h"
#include "rowlayout.h"
#include "storage/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

namespace {

std::unique_ptr<HistoryLayout> layoutNamed(const QString& name)
{
    if (name == QLatin1String("rows"))
        return std::make_unique<RowLayout>(RowLayout::Kind::Indexed);
    if (name == QLatin1String("clustered"))
        return std::make_unique<RowLayout>(RowLayout::Kind::Clustered);
    if (name == QLatin1String("spans"))
        return std::make_unique<RowLayout>(RowLayout::Kind::Spans);
    if (name == QLatin1String("chunks"))
        return std::make_unique<ChunkLayout>();
    return nullptr;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Writes private messages into SQLite in each layout, as confabd's history writer does, "
        "and prints the writing thread's CPU time per message. Layouts: rows (schema 7), "
        "clustered (a WITHOUT ROWID table in conversation order), spans (schema 7's rows without "
        "the index by conversation, numbered in conversation order, and a row per conversation "
        "per batch with its span of row ids), chunks (a row per conversation per batch)."));
    parser.addHelpOption();
    const QCommandLineOption layouts(QStringLiteral("layouts"),
                                     QStringLiteral("Comma-separated layouts to run, in turn."),
                                     QStringLiteral("names"), QStringLiteral("rows,clustered,spans,chunks"));
    const auto number = [](const char* name, const char* description, const char* value) {
        return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                  QStringLiteral("n"), QString::fromLatin1(value));
    };
    const QCommandLineOption rows = number("rows", "Messages per run.", "1000000");
    const QCommandLineOption conversations =
        number("conversations", "Conversations the messages go to.", "500");
    const QCommandLineOption batch = number("batch", "Messages per transaction.", "5000");
    const QCommandLineOption lineBytes = number("line-bytes", "Bytes of each stored line.", "120");
    const QCommandLineOption repeat = number("repeat", "Rounds over the layouts (interleaved).", "3");
    const QCommandLineOption directory(QStringLiteral("dir"),
                                       QStringLiteral("Where the databases go (default: a "
                                                      "temporary directory)."),
                                       QStringLiteral("path"));
    parser.addOptions({layouts, rows, conversations, batch, lineBytes, repeat, directory});
    parser.process(app);

    LayoutBench::Config config;
    qint64 conversationCount = 0;
    qint64 batchRows = 0;
    qint64 bytes = 0;
    qint64 rounds = 0;
    if (!positiveOption(parser, rows, &config.rows) ||
        !positiveOption(parser, conversations, &conversationCount) ||
        !positiveOption(parser, batch, &batchRows) || !positiveOption(parser, lineBytes, &bytes) ||
        !positiveOption(parser, repeat, &rounds))
        return 2;
    config.conversations = int(conversationCount);
    config.batchRows = int(batchRows);
    config.lineBytes = int(bytes);
    QTemporaryDir temporary;
    config.directory = parser.isSet(directory) ? parser.value(directory) : temporary.path();

    const QStringList names = parser.value(layouts).split(u',', Qt::SkipEmptyParts);
    for (const QString& name : names) {
        if (!layoutNamed(name)) {
            std::fprintf(stderr, "--layouts: no layout \"%s\"\n", qPrintable(name));
            return 2;
        }
    }
    std::printf("%-10s %5s %10s %14s %14s %12s\n", "layout", "round", "wall s",
                "writer us/msg", "wall us/msg", "bytes/msg");
    // As confabd's main() does, before SQLite is first used.
    if (!Database::configureSqliteLibrary()) {
        std::fprintf(stderr, "SQLite could not be configured\n");
        return 1;
    }
    LayoutBench bench(config);
    for (qint64 round = 1; round <= rounds; ++round) {
        for (const QString& name : names) {
            std::unique_ptr<HistoryLayout> layout = layoutNamed(name);
            LayoutBench::Result result;
            if (!bench.run(*layout, &result)) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(name), qPrintable(bench.errorString()));
                return 1;
            }
            const double perMessage = 1e6 / double(config.rows);
            std::printf("%-10s %5lld %10.2f %14.3f %14.3f %12.1f\n", qPrintable(name), round,
                        result.wallSeconds, result.writerCpuSeconds * perMessage,
                        result.wallSeconds * perMessage,
                        double(result.databaseBytes) / double(config.rows));
            std::fflush(stdout);
        }
    }
    return 0;
}

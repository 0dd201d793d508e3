#include "historybenchconfig.h"

namespace {

bool toInt(const QString& text, int minimum, int maximum, int& out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < minimum || value > maximum)
        return false;
    out = value;
    return true;
}

bool toDouble(const QString& text, double minimum, double maximum, double& out)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || value < minimum || value > maximum)
        return false;
    out = value;
    return true;
}

} // namespace

namespace HistoryBenchOptions {

QString usage()
{
    return QStringLiteral(
        "Usage: confab-historybench --confabd PATH [options]\n"
        "Fills a fresh confabd database with history (SqliteHistoryStore::append), starts confabd\n"
        "on it, logs in as the account 'reader' and times CHATHISTORY round trips one at a time.\n"
        "  --confabd PATH         the confabd binary (required)\n"
        "  --data-dir DIR         fresh data directory (default: a temporary one, removed after)\n"
        "  --keep                 keep the temporary data directory (its path is printed)\n"
        "  --reuse                DIR was filled by an earlier run (--keep): skip the filling\n"
        "  --rows N               history rows to store (1000000)\n"
        "  --channels N           channels #hist0.. holding the channel rows (20)\n"
        "  --conversations N      private conversations of 'reader' (500)\n"
        "  --private-share F      share of rows that are private copies (0.1)\n"
        "  --event-share F        share of channel rows that are JOIN/PART events (0.05)\n"
        "  --days N               the rows span the last N days (30)\n"
        "  --batch N              records per append transaction (50000)\n"
        "  --seed N               random seed of the contents (1)\n"
        "  --queries K            timed round trips of each kind (1000)\n"
        "  --warmup N             untimed round trips of each kind first (20)\n"
        "  --latest-limit N       CHATHISTORY LATEST <target> * N (100)\n"
        "  --targets-limit N      CHATHISTORY TARGETS ... N (1000)\n"
        "  --port N               confabd's port on 127.0.0.1 (default: a free one)\n"
        "  --server-arg ARG       one more confabd option (repeatable)\n"
        "  --timeout SEC          give up on a reply after this long (30)\n"
        "Prints one line 'RESULT key=value ...' on stdout; progress on stderr.\n");
}

Result parse(const QStringList& arguments, HistoryBenchConfig& config, QString* message)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString& option = arguments.at(i);
        if (option == QLatin1String("--help") || option == QLatin1String("-h")) {
            *message = usage();
            return Result::Help;
        }
        if (option == QLatin1String("--keep")) {
            config.keep = true;
            continue;
        }
        if (option == QLatin1String("--reuse")) {
            config.reuse = true;
            continue;
        }
        if (i + 1 >= arguments.size()) {
            *message = QStringLiteral("missing value for %1").arg(option);
            return Result::Error;
        }
        const QString& value = arguments.at(++i);
        bool ok = true;
        int number = 0;
        if (option == QLatin1String("--confabd"))
            config.confabd = value;
        else if (option == QLatin1String("--data-dir"))
            config.dataDir = value;
        else if (option == QLatin1String("--rows"))
            ok = toInt(value, 1, 100'000'000, config.rows);
        else if (option == QLatin1String("--channels"))
            ok = toInt(value, 1, 1000, config.channels);
        else if (option == QLatin1String("--conversations"))
            ok = toInt(value, 1, 100'000, config.conversations);
        else if (option == QLatin1String("--private-share"))
            ok = toDouble(value, 0.0, 0.9, config.privateShare);
        else if (option == QLatin1String("--event-share"))
            ok = toDouble(value, 0.0, 0.9, config.eventShare);
        else if (option == QLatin1String("--days"))
            ok = toInt(value, 1, 3650, config.days);
        else if (option == QLatin1String("--batch"))
            ok = toInt(value, 1, 10'000'000, config.batch);
        else if (option == QLatin1String("--seed")) {
            ok = toInt(value, 0, 2'000'000'000, number);
            config.seed = quint32(number);
        } else if (option == QLatin1String("--queries"))
            ok = toInt(value, 1, 10'000'000, config.queries);
        else if (option == QLatin1String("--warmup"))
            ok = toInt(value, 0, 10'000'000, config.warmup);
        else if (option == QLatin1String("--latest-limit"))
            ok = toInt(value, 1, 1000, config.latestLimit);
        else if (option == QLatin1String("--targets-limit"))
            ok = toInt(value, 1, 1000, config.targetsLimit);
        else if (option == QLatin1String("--port"))
            ok = toInt(value, 0, 65535, config.port);
        else if (option == QLatin1String("--server-arg"))
            config.serverArgs.append(value);
        else if (option == QLatin1String("--timeout"))
            ok = toDouble(value, 0.1, 3600.0, config.timeoutSeconds);
        else {
            *message = QStringLiteral("unknown option %1\n%2").arg(option, usage());
            return Result::Error;
        }
        if (!ok) {
            *message = QStringLiteral("bad value for %1: %2").arg(option, value);
            return Result::Error;
        }
    }
    if (config.confabd.isEmpty()) {
        *message = QStringLiteral("--confabd PATH is required\n%1").arg(usage());
        return Result::Error;
    }
    if (config.reuse && config.dataDir.isEmpty()) {
        *message = QStringLiteral("--reuse needs --data-dir");
        return Result::Error;
    }
    return Result::Ok;
}

} // namespace HistoryBenchOptions

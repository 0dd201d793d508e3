#pragma once

#include <QString>
#include <QStringList>

// Options of confab-historybench (issue 10): how big a history to make, and how many queries to
// time against it.
struct HistoryBenchConfig
{
    QString confabd;   // the server binary (required)
    QString dataDir;   // fresh (empty or missing); empty: a temporary directory, removed after
    bool keep = false; // keep a temporary data directory (to --reuse it)
    bool reuse = false; // dataDir was filled and has the reader account: skip both

    // The store: rows in total, of which privateShare are private message copies (two per
    // message: the reader's and the correspondent's) and eventShare of the channel rows are
    // JOIN/PART events, spread over the last `days` days.
    int rows = 1'000'000;
    int channels = 20;
    int conversations = 500;
    double privateShare = 0.1;
    double eventShare = 0.05;
    int days = 30;
    int batch = 50'000; // records per SqliteHistoryStore::append (one transaction)
    quint32 seed = 1;

    // The queries, one at a time: warmup untimed, then `queries` of each kind.
    int queries = 1000;
    int warmup = 20;
    int latestLimit = 100;
    int targetsLimit = 1000;

    int port = 0; // 0: a free loopback port
    QStringList serverArgs; // more confabd options (--server-arg, repeatable)
    double timeoutSeconds = 30.0; // for any one reply
};

namespace HistoryBenchOptions {

enum class Result { Ok, Help, Error };

// Fills config from the arguments (argv[0] first); on Error, *message says why.
Result parse(const QStringList& arguments, HistoryBenchConfig& config, QString* message);
QString usage();

} // namespace HistoryBenchOptions

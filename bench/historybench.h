#pragma once

#include "historybenchconfig.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

class HistoryBenchClient;

// confab-historybench (issue 10): fills a store (HistoryBenchFiller), starts confabd on it
// (HistoryBenchServer), logs in as 'reader' (HistoryBenchClient) and times CHATHISTORY round
// trips one after another: LATEST in the channels, TARGETS, LATEST in private conversations,
// BEFORE a msgid of a channel (a look-up by the msgid's counter).
// Prints the percentiles, the database size per stored row and the checks in one RESULT line.
class HistoryBench
{
public:
    explicit HistoryBench(const HistoryBenchConfig& config);

    int run(); // exit code: 0 measured, 1 a step failed

private:
    // One kind of request, timed K times.
    struct Series
    {
        std::string name;
        std::vector<uint64_t> micros;
        int minLines = -1; // the fewest and most lines one reply held
        int maxLines = 0;
        double serverCpuSeconds = -1.0;
    };
    struct Disk
    {
        qint64 rows = 0;
        qint64 fileBytes = 0;     // confabd.sqlite and its -wal, if any
        qint64 historyBytes = -1; // pages of the history table and its indexes (dbstat)
        qint64 indexBytes = -1;   // of which the indexes
    };

    // Sends makeLine(i) for i in [0, warmup + queries) and times the last `queries`.
    bool time(HistoryBenchClient& client, Series& series, qint64 serverPid,
              const std::function<std::string(int)>& makeLine, std::string& error);
    bool measureDisk(const QString& dataDir, Disk& disk, QString* error);
    // Up to count random channel messages of the store, as "<channel> msgid=<msgid>".
    bool sampleMsgids(const QString& dataDir, int count, std::vector<std::string>* samples,
                      QString* error);
    static std::string percentiles(const Series& series);

    const HistoryBenchConfig& m_config;
};

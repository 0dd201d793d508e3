#pragma once

#include "historybenchconfig.h"

#include <QString>

// Makes a history store of the configured size the way confabd would have written it: through
// SqliteHistoryStore::append, in big transactions. Channel rows go to #hist0..#hist<channels-1>
// (evenly, so that no room passes confabd's default --history-max-per-target at the default
// size); private messages are between the account 'reader' and peer0..peer<conversations-1>, one
// copy for each side. Times rise evenly over the last `days` days; texts, senders and accounts
// come from a seeded generator, so two runs with one seed store the same lines.
class HistoryBenchFiller
{
public:
    struct Stats
    {
        qint64 channelRows = 0; // messages in channels
        qint64 eventRows = 0;   // JOIN and PART in channels
        qint64 privateRows = 0; // private copies (two per message)
        qint64 lineBytes = 0;   // the stored lines, all rows
        double appendSeconds = 0.0; // inside SqliteHistoryStore::append
        double totalSeconds = 0.0;  // with making the records
    };

    static constexpr const char* Reader = "reader";

    explicit HistoryBenchFiller(const HistoryBenchConfig& config);

    // Creates dataDir and fills <dataDir>/confabd.sqlite; false + *error.
    bool fill(const QString& dataDir, QString* error);
    const Stats& stats() const { return m_stats; }

    static QString channelName(int i) { return QStringLiteral("#hist%1").arg(i); }
    static QString correspondent(int i) { return QStringLiteral("peer%1").arg(i); }

private:
    const HistoryBenchConfig& m_config;
    Stats m_stats;
};

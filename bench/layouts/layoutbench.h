#pragma once

#include "historylayout.h"

#include <QString>

// Writes private messages into a fresh SQLite database in one layout, as the history writer
// does in private-accounts-1000-flat (WAL, the writer's pragmas, one transaction per batch,
// checkpoints on a thread of their own), and measures what the writing thread spends per
// message.
class LayoutBench
{
public:
    struct Config
    {
        qint64 rows = 1000000;
        int conversations = 500; // private-accounts-1000-flat: 1 000 clients in pairs
        int batchRows = 5000;    // confabd's batches until stop 47 (now 65 536)
        int lineBytes = 120;     // a bench line as stored (PRIVMSG, target, payload)
        QString directory;       // where the database is made (and removed)
    };
    struct Result
    {
        double wallSeconds = 0;
        double writerCpuSeconds = 0; // the writing thread's CPU time (user + system)
        qint64 databaseBytes = 0;    // after a final checkpoint
    };

    explicit LayoutBench(const Config& config) : m_config(config) {}

    // False + errorString().
    bool run(HistoryLayout& layout, Result* result);
    QString errorString() const { return m_errorString; }

private:
    const Config m_config;
    QString m_errorString;
};

#pragma once

#include "historybenchconfig.h"

#include <QString>

#include <memory>

class QProcess;

// confabd as a child process of the benchmark: its admin command line (account add), then the
// server itself on 127.0.0.1 with the benchmark's limits, stopped with SIGTERM. Its output goes
// to a log file beside the data directory.
class HistoryBenchServer
{
public:
    HistoryBenchServer(const HistoryBenchConfig& config, const QString& dataDir);
    ~HistoryBenchServer(); // stops the server if it still runs
    HistoryBenchServer(const HistoryBenchServer&) = delete;
    HistoryBenchServer& operator=(const HistoryBenchServer&) = delete;

    // confabd --data-dir DIR --scram-iterations 4096 account add NAME, password on stdin.
    bool addAccount(const QString& name, const QString& password, QString* error);
    // Starts confabd and waits until it accepts connections.
    bool start(QString* error);
    // SIGTERM and wait; false if it had to be killed or exited with an error.
    bool stop(QString* error);

    int port() const { return m_port; }
    qint64 pid() const;
    QString logPath() const { return m_logPath; }

private:
    bool isListening() const;

    const HistoryBenchConfig& m_config;
    QString m_dataDir;
    QString m_logPath;
    int m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

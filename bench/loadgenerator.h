#pragma once

#include "benchconnection.h"
#include "loadgenconfig.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <sys/socket.h>

class LoadWorker;
class SharedRunState;
class TlsClientContext;

// Runs one workload against one server: builds the workers, drives them through the phases
// (register, join, send, drain) and prints the RESULT line.
class LoadGenerator
{
public:
    explicit LoadGenerator(const LoadGenConfig& config);
    ~LoadGenerator();

    int run(); // exit code: 0 ran (figures may still show failures), 2 could not run

private:
    struct Snapshot
    {
        uint64_t ns = 0;
        double serverCpu = -1.0;
        std::map<std::string, double> serverThreadCpu; // by thread name
        double selfCpu = 0.0;
        long serverRssKb = -1;
    };

    bool resolve();
    Snapshot snapshot() const;
    void workerMain(LoadWorker& worker);
    void assignSenders();
    void report(const std::vector<LoadWorker*>& workers) const;
    uint64_t unsentBytes() const;
    void reportLogins(const std::vector<LoadWorker*>& workers, std::ostream& out) const;

    LoadGenConfig m_config;
    sockaddr_storage m_address{};
    socklen_t m_addressLength = 0;
    std::vector<BenchConnection> m_connections;
    SharedRunState* m_shared = nullptr;
    std::unique_ptr<TlsClientContext> m_tls;

    Snapshot m_beforeRegister;
    Snapshot m_afterRegister;
    Snapshot m_beforeSend;
    Snapshot m_afterSend;
    int m_members = 0;
    int m_senderCount = 0;
};

#pragma once

#include "benchconnection.h"
#include "latencyhistogram.h"
#include "loadgenconfig.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <sys/socket.h>

class SharedRunState;
class TlsClientContext;

// One event loop of the generator: an epoll set over the connections it owns. All phases run on
// the thread that calls them; a phase returns when this worker's share of it is done.
class LoadWorker
{
public:
    // owned: the room and pair clients of this worker; logins: its connections of the login
    // burst (opened during sendMessages). tls: nullptr for plain TCP.
    LoadWorker(int id, const LoadGenConfig& config, SharedRunState& shared,
               std::vector<BenchConnection>& connections, std::vector<int> owned,
               std::vector<int> logins, const sockaddr_storage& address, socklen_t addressLength,
               const TlsClientContext* tls);
    ~LoadWorker();
    LoadWorker(const LoadWorker&) = delete;
    LoadWorker& operator=(const LoadWorker&) = delete;

    void registerClients();
    void joinRoom();
    void pump(double seconds);
    void sendMessages();
    void drain();
    void closeAll();

    const LatencyHistogram& latency() const { return m_latency; }
    uint64_t firstConnectNs() const { return m_firstConnectNs; }
    uint64_t lastRegisteredNs() const { return m_lastRegisteredNs; }
    uint64_t lastJoinedNs() const { return m_lastJoinedNs; }
    uint64_t lastDeliveryNs() const { return m_lastDeliveryNs; }
    uint64_t sendStoppedNs() const { return m_sendStoppedNs; }
    int registered() const { return m_registered; }
    int failed() const { return m_failed; }
    int joined() const { return m_joined; }
    int joinFailed() const { return m_joinFailed; }
    uint64_t strayLines() const { return m_strayLines; }
    uint64_t bytesReceived() const { return m_bytesReceived; }
    // The first TLS session's protocol and cipher ("" without --tls).
    const std::string& tlsVersion() const { return m_tlsVersion; }
    const std::string& tlsCipher() const { return m_tlsCipher; }

    // A room delivery of a message sent after the login burst began.
    struct BurstSample
    {
        uint64_t sentNs;
        uint64_t micros;
    };
    const std::vector<BurstSample>& burstSamples() const { return m_burstSamples; }
    uint64_t burstSamplesDropped() const { return m_burstSamplesDropped; }

private:
    void pollOnce(int64_t timeoutNs);
    void onEvent(BenchConnection& connection, uint32_t events);
    void startConnect(BenchConnection& connection);
    void openSocket(BenchConnection& connection);
    void continueHandshake(BenchConnection& connection);
    void onReadable(BenchConnection& connection);
    size_t receive(BenchConnection& connection, char* buffer, size_t capacity,
                   std::string& endReason);
    void handleLine(BenchConnection& connection, const char* line, size_t length, uint64_t nowNs);
    // A line for a workload client still logging in to its account (--account-prefix); false
    // if the line is used up (or the login failed and the connection is closed).
    bool onAccountLoginLine(BenchConnection& connection, const char* line, size_t length);
    bool renameAfterNickError(BenchConnection& connection, const std::string& base);
    void onPrivmsg(BenchConnection& connection, const char* rest, const char* end, uint64_t nowNs);
    void queue(BenchConnection& connection, const char* data, size_t length);
    void queue(BenchConnection& connection, const std::string& text);
    void flush(BenchConnection& connection);
    void updateInterest(BenchConnection& connection);
    void setWantWrite(BenchConnection& connection, bool want);
    void closeConnection(BenchConnection& connection, const std::string& reason);

    // Login burst
    void serviceLogins(uint64_t nowNs);
    void startLogins();
    void onLoginLine(BenchConnection& connection, const char* line, size_t length,
                     const char* command, size_t commandLength, uint64_t nowNs);
    void noteLoginOutcome(BenchConnection& connection, uint64_t nowNs, const std::string& failure);
    void finishLogin(BenchConnection& connection);
    void recordBurstSample(uint64_t sentNs, uint64_t micros);
    int64_t untilLoginsNs(uint64_t nowNs) const;
    void appendMessage(BenchConnection& sender, uint64_t nowNs);
    void publishDeliveries();
    std::vector<BenchConnection*> activeSenders();

    int m_id;
    const LoadGenConfig& m_config;
    SharedRunState& m_shared;
    std::vector<BenchConnection>& m_connections;
    std::vector<int> m_owned;
    std::vector<int> m_logins;
    sockaddr_storage m_address;
    socklen_t m_addressLength;
    const TlsClientContext* m_tls;
    int m_epoll = -1;
    std::unique_ptr<char[]> m_readBuffer;
    std::string m_padding;
    LatencyHistogram m_latency;

    int m_inFlight = 0; // connecting or registering
    int m_registered = 0;
    int m_failed = 0;
    int m_joined = 0;
    int m_joinFailed = 0;
    uint64_t m_sent = 0;
    uint64_t m_delivered = 0;
    uint64_t m_published = 0;
    uint64_t m_strayLines = 0;
    uint64_t m_bytesReceived = 0;
    uint64_t m_firstConnectNs = 0;
    uint64_t m_lastRegisteredNs = 0;
    uint64_t m_lastJoinedNs = 0;
    uint64_t m_lastDeliveryNs = 0;
    uint64_t m_sendStoppedNs = 0;
    std::string m_tlsVersion;
    std::string m_tlsCipher;

    bool m_loginsStarted = false;
    int m_loginsOpen = 0;                // started or not, until 001 or the end of the connection
    uint64_t m_burstFromNs = UINT64_MAX; // sends from here on are burst samples
    std::vector<BurstSample> m_burstSamples;
    uint64_t m_burstSamplesDropped = 0;
};

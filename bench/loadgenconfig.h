#pragma once

#include <string>
#include <vector>

// Options of confab-loadgen. Plain C++17: the load generator links nothing from Qt, so that its
// own event loop (epoll) is never what a benchmark measures.

enum class Workload { Idle, Fanout, Private };

struct LoadGenConfig
{
    std::string host = "127.0.0.1";
    int port = 6667;
    std::vector<int> ports; // --ports: the nodes of a cluster, client i on ports[i % n]
    Workload workload = Workload::Idle;
    int clients = 100;
    int senders = 10;      // fanout only; private uses every client
    double rate = 0.0;     // total msg/s offered; 0 = flat out, paced by the window
    double duration = 5.0; // seconds of sending
    int window = 8;        // flat out: messages per sender not yet delivered everywhere
    int messageBytes = 64; // length of the PRIVMSG text (timestamp included)
    int threads = 1;
    int connectWindow = 256; // sockets connecting or registering at once
    double registerTimeout = 60.0;
    double drainTimeout = 5.0; // after sending stops: give up when nothing arrives this long
    double hold = 0.0;         // idle: stay connected this long after the last registration
    bool joinInIdle = false;
    bool quickAck = false; // TCP_QUICKACK after every read (see docs/PERFORMANCE.md)
    // Flat out, each message is written with its own send(), as an interactive client writes
    // (issue 14); otherwise a sender's whole window goes in one send() (pipelined).
    bool linePerWrite = false;
    int serverPid = 0;     // for /proc CPU and RSS figures; 0 = not reported
    std::string label = "server";
    std::string channel = "#bench";
    std::string nickPrefix = "lg";
    bool verbose = false;

    // TLS on every connection (--tls); the server's certificate is checked only against tlsCa.
    bool tls = false;
    std::string tlsCa;
    int tlsMaxFragment = 0; // largest plaintext per TLS record; 0: OpenSSL's 16384

    // Login burst (--login-burst N): N more connections open at once loginAt seconds after the
    // room traffic starts, and each logs in with SASL PLAIN as account <loginPrefix><i>.
    int loginBurst = 0;
    double loginAt = 1.0;
    std::string loginPrefix;
    std::string loginPassword; // benchmark-only value; never printed
    std::string loginMechanism = "PLAIN";

    // Accounts (--account-prefix P): every client of the workload logs in with SASL PLAIN as
    // account <accountPrefix><i> (i from 0, the client's number) with loginPassword before
    // registering; a failed login is a failed registration.
    std::string accountPrefix;
};

namespace LoadGenOptions {

// Fills config from argv. Returns false and sets error on a bad or unknown option.
bool parse(int argc, char** argv, LoadGenConfig& config, std::string& error);
std::string usage();
const char* workloadName(Workload workload);

} // namespace LoadGenOptions

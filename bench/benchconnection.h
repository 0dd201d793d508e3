#pragma once

#include "saslplainlogin.h"
#include "tlsio.h"

#include <cstdint>
#include <memory>
#include <string>

// One loopback client of the generator. Plain data: the LoadWorker that owns the socket is the
// only code that touches it while a phase runs.
struct BenchConnection
{
    enum class State {
        Idle,
        Connecting,
        TlsHandshake,
        Registering,
        Registered,
        Joining,
        Joined,
        Closed
    };

    int fd = -1;
    int index = 0; // global index, also the nick suffix
    State state = State::Idle;
    bool failed = false; // never registered, or the server dropped it
    std::string nick;
    int renames = 0;
    std::string partial; // an incomplete line carried over to the next read
    std::string out;     // bytes queued for send()
    size_t outOffset = 0;
    bool wantWrite = false; // EPOLLOUT registered
    uint64_t deliveries = 0;

    // --tls: the session, and which direction each kind of call waits for. OpenSSL may have to
    // write to go on reading, or read to go on writing.
    std::unique_ptr<ssl_st, TlsSessionFree> tls;
    bool tlsHandshakeWantsWrite = false;
    bool tlsReadWantsWrite = false;
    bool tlsWriteWantsRead = false;

    // Sending role in the measured phase (-1: not a sender).
    int senderId = -1;
    std::string target;   // room or partner nick
    uint64_t nextSeq = 0; // next message number
    uint64_t baseSeq = 0; // oldest message not yet delivered to every receiver

    // A SASL PLAIN login: a connection of the login burst (burst), or a workload client that
    // logs in to its account before registering (--account-prefix).
    std::unique_ptr<SaslPlainLogin> login;
    bool burst = false;
    // The login burst: when it started and ended.
    uint64_t loginStartNs = 0;   // connect()
    uint64_t loginOutcomeNs = 0; // 903, the failure, or the end of the connection
    bool loginFinished = false;  // the outcome is known, and 001 came or the connection ended

    size_t pendingOut() const { return out.size() - outOffset; }
};

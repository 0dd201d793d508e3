#include "loadgenerator.h"

#include "loadworker.h"
#include "monotonicclock.h"
#include "processstats.h"
#include "sharedrunstate.h"
#include "tlsclientcontext.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <sstream>
#include <thread>

#include <netdb.h>
#include <sys/resource.h>

namespace {

constexpr double JoinSettleSeconds = 0.3;
constexpr double RssSettleSeconds = 0.3;

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof(text), "%.*f", decimals, value);
    return text;
}

std::string millis(uint64_t micros)
{
    return fixed(static_cast<double>(micros) / 1000.0, 3);
}

} // namespace

LoadGenerator::LoadGenerator(const LoadGenConfig& config) : m_config(config) {}

LoadGenerator::~LoadGenerator() = default;

bool LoadGenerator::resolve()
{
    addrinfo hints{};
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    addrinfo* result = nullptr;
    const std::string port = std::to_string(m_config.port);
    const int status = getaddrinfo(m_config.host.c_str(), port.c_str(), &hints, &result);
    if (status != 0 || !result) {
        std::fprintf(stderr, "confab-loadgen: cannot resolve %s: %s\n", m_config.host.c_str(),
                     gai_strerror(status));
        return false;
    }
    std::memcpy(&m_address, result->ai_addr, result->ai_addrlen);
    m_addressLength = result->ai_addrlen;
    freeaddrinfo(result);
    return true;
}

LoadGenerator::Snapshot LoadGenerator::snapshot() const
{
    Snapshot snap;
    snap.ns = MonotonicClock::nowNs();
    snap.serverCpu = ProcessStats::cpuSeconds(m_config.serverPid);
    snap.serverThreadCpu = ProcessStats::threadCpuSeconds(m_config.serverPid);
    snap.selfCpu = ProcessStats::selfCpuSeconds();
    snap.serverRssKb = ProcessStats::rssKb(m_config.serverPid);
    return snap;
}

void LoadGenerator::assignSenders()
{
    // Runs inside a barrier completion: every worker waits, so all connections may be touched.
    m_senderCount = 0;
    m_members = 0;
    const size_t clients = static_cast<size_t>(m_config.clients); // then the login burst's
    if (m_config.workload == Workload::Fanout) {
        for (size_t i = 0; i < clients; ++i) {
            BenchConnection& connection = m_connections[i];
            if (connection.state != BenchConnection::State::Joined)
                continue;
            ++m_members;
            if (m_senderCount < m_config.senders) {
                connection.senderId = m_senderCount++;
                connection.target = m_config.channel;
            }
        }
        m_shared->receiversPerMessage = std::max(0, m_members - 1);
    } else if (m_config.workload == Workload::Private) {
        // Pairs (0,1), (2,3), ...: each client sends to its partner.
        for (size_t i = 0; i + 1 < clients; i += 2) {
            BenchConnection& a = m_connections[i];
            BenchConnection& b = m_connections[i + 1];
            if (a.state != BenchConnection::State::Registered ||
                b.state != BenchConnection::State::Registered)
                continue;
            m_members += 2;
            a.senderId = a.index;
            a.target = b.nick;
            b.senderId = b.index;
            b.target = a.nick;
            m_senderCount += 2;
        }
        m_shared->receiversPerMessage = 1;
    }
}

void LoadGenerator::workerMain(LoadWorker& worker)
{
    SharedRunState& shared = *m_shared;
    shared.arriveAndWait([this] { m_beforeRegister = snapshot(); });
    worker.registerClients();
    shared.arriveAndWait([this] {
        m_afterRegister = snapshot();
        // Let the server finish what registration left (MOTD writes, timers) before its RSS.
        std::this_thread::sleep_for(std::chrono::duration<double>(RssSettleSeconds));
        m_afterRegister.serverRssKb = ProcessStats::rssKb(m_config.serverPid);
    });
    if (m_config.workload == Workload::Idle) {
        if (m_config.joinInIdle)
            worker.joinRoom();
        shared.arriveAndWait({});
        if (m_config.hold > 0)
            worker.pump(m_config.hold);
        shared.arriveAndWait({});
        worker.closeAll();
        return;
    }
    if (m_config.workload == Workload::Fanout)
        worker.joinRoom();
    shared.arriveAndWait([this] { assignSenders(); });
    worker.pump(JoinSettleSeconds);
    shared.arriveAndWait([this] {
        m_beforeSend = snapshot();
        m_shared->startNs = m_beforeSend.ns;
        if (m_config.loginBurst > 0)
            m_shared->loginStartNs =
                m_beforeSend.ns + static_cast<uint64_t>(m_config.loginAt * 1e9);
    });
    worker.sendMessages();
    worker.drain();
    shared.arriveAndWait([this] { m_afterSend = snapshot(); });
    worker.closeAll();
}

int LoadGenerator::run()
{
    if (!resolve())
        return 2;
    // 10 000 clients need more descriptors than the usual soft limit of 1024.
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    const int connections = m_config.clients + m_config.loginBurst;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 &&
        limit.rlim_cur < static_cast<rlim_t>(connections) + 64) {
        std::fprintf(stderr, "confab-loadgen: ulimit -n is %llu, too low for %d connections\n",
                     static_cast<unsigned long long>(limit.rlim_cur), connections);
        return 2;
    }
    if (m_config.tls) {
        m_tls = std::make_unique<TlsClientContext>(m_config.tlsCa, m_config.tlsMaxFragment);
        if (!m_tls->isValid()) {
            std::fprintf(stderr, "confab-loadgen: %s\n", m_tls->errorString().c_str());
            return 2;
        }
    }

    const bool flat = m_config.rate <= 0.0;
    int slots = 0;
    if (flat && m_config.workload == Workload::Fanout)
        slots = m_config.senders;
    else if (flat && m_config.workload == Workload::Private)
        slots = m_config.clients;
    SharedRunState shared(m_config.threads, slots, m_config.window);
    shared.flatOut = flat;
    shared.loginsOutstanding.store(m_config.loginBurst);
    m_shared = &shared;

    m_connections.resize(static_cast<size_t>(connections));
    const size_t workerCount = static_cast<size_t>(m_config.threads);
    std::vector<std::vector<int>> owned(workerCount);
    std::vector<std::vector<int>> logins(workerCount);
    for (int i = 0; i < connections; ++i) {
        m_connections[static_cast<size_t>(i)].index = i;
        if (i < m_config.clients) {
            // Pairs stay in one worker, so a private message's credit never crosses threads.
            owned[static_cast<size_t>(i / 2) % workerCount].push_back(i);
        } else {
            logins[static_cast<size_t>(i - m_config.clients) % workerCount].push_back(i);
        }
    }
    std::vector<std::unique_ptr<LoadWorker>> workers;
    for (size_t t = 0; t < workerCount; ++t) {
        workers.push_back(std::make_unique<LoadWorker>(static_cast<int>(t), m_config, shared,
                                                       m_connections, owned[t], logins[t],
                                                       m_address, m_addressLength, m_tls.get()));
    }
    std::vector<std::thread> threads;
    for (int t = 1; t < m_config.threads; ++t)
        threads.emplace_back([this, &workers, t] { workerMain(*workers[static_cast<size_t>(t)]); });
    workerMain(*workers[0]);
    for (std::thread& thread : threads)
        thread.join();

    std::vector<LoadWorker*> views;
    for (const auto& worker : workers)
        views.push_back(worker.get());
    report(views);
    m_shared = nullptr;
    return 0;
}

void LoadGenerator::report(const std::vector<LoadWorker*>& workers) const
{
    int registered = 0;
    int failed = 0;
    int joined = 0;
    int joinFailed = 0;
    uint64_t firstConnect = UINT64_MAX;
    uint64_t lastRegistered = 0;
    uint64_t lastDelivery = 0;
    uint64_t sendStopped = 0;
    uint64_t stray = 0;
    uint64_t bytes = 0;
    LatencyHistogram latency;
    for (const LoadWorker* worker : workers) {
        registered += worker->registered();
        failed += worker->failed();
        joined += worker->joined();
        joinFailed += worker->joinFailed();
        if (worker->firstConnectNs() != 0)
            firstConnect = std::min(firstConnect, worker->firstConnectNs());
        lastRegistered = std::max(lastRegistered, worker->lastRegisteredNs());
        lastDelivery = std::max(lastDelivery, worker->lastDeliveryNs());
        sendStopped = std::max(sendStopped, worker->sendStoppedNs());
        stray += worker->strayLines();
        bytes += worker->bytesReceived();
        latency.merge(worker->latency());
    }
    std::ostringstream out;
    out << "RESULT server=" << m_config.label
        << " workload=" << LoadGenOptions::workloadName(m_config.workload)
        << " clients=" << m_config.clients << " registered=" << registered << " failed=" << failed;
    const double registerSeconds = lastRegistered > firstConnect
                                       ? static_cast<double>(lastRegistered - firstConnect) / 1e9
                                       : 0.0;
    out << " register_s=" << fixed(registerSeconds, 3);
    if (!m_config.accountPrefix.empty()) {
        int loggedIn = 0;
        for (int i = 0; i < m_config.clients; ++i) {
            const BenchConnection& connection = m_connections[static_cast<size_t>(i)];
            if (connection.login && connection.login->succeeded())
                ++loggedIn;
        }
        out << " accounts=1 account_logins_ok=" << loggedIn;
    }
    const Snapshot& b = m_beforeRegister;
    const Snapshot& a = m_afterRegister;
    if (b.serverCpu >= 0 && a.serverCpu >= 0)
        out << " register_server_cpu_s=" << fixed(a.serverCpu - b.serverCpu, 2);
    out << " register_loadgen_cpu_s=" << fixed(a.selfCpu - b.selfCpu, 2);
    if (b.serverRssKb >= 0 && a.serverRssKb >= 0) {
        out << " rss_before_kb=" << b.serverRssKb << " rss_after_kb=" << a.serverRssKb;
        if (registered > 0)
            out << " rss_per_client_kb="
                << fixed(static_cast<double>(a.serverRssKb - b.serverRssKb) / registered, 2);
    }

    if (m_config.workload != Workload::Idle) {
        const bool flat = m_config.rate <= 0.0;
        const uint64_t sent = m_shared->sent.load();
        const uint64_t delivered = m_shared->delivered.load();
        const uint64_t expected = sent * static_cast<uint64_t>(m_shared->receiversPerMessage);
        const uint64_t start = m_beforeSend.ns;
        const double sendSeconds =
            sendStopped > start ? static_cast<double>(sendStopped - start) / 1e9 : 0.0;
        const uint64_t activeEnd = std::max(lastDelivery, sendStopped);
        const double activeSeconds =
            activeEnd > start ? static_cast<double>(activeEnd - start) / 1e9 : 0.0;
        out << " mode=" << (flat ? "flat" : "rate");
        if (!flat)
            out << " target_rate=" << fixed(m_config.rate, 1);
        else
            out << " window=" << m_config.window
                << " writes=" << (m_config.linePerWrite ? "line" : "window");
        out << " members=" << m_members << " senders=" << m_senderCount;
        if (m_config.workload == Workload::Fanout)
            out << " joined=" << joined << " join_failed=" << joinFailed;
        out << " message_bytes=" << m_config.messageBytes << " sent=" << sent
            << " send_s=" << fixed(sendSeconds, 3)
            << " offered_msgs_per_s=" << fixed(sendSeconds > 0 ? sent / sendSeconds : 0, 1)
            << " expected=" << expected << " delivered=" << delivered
            << " lost=" << (expected > delivered ? expected - delivered : 0)
            << " extra=" << (delivered > expected ? delivered - expected : 0)
            << " active_s=" << fixed(activeSeconds, 3)
            << " deliveries_per_s=" << fixed(activeSeconds > 0 ? delivered / activeSeconds : 0, 1)
            << " lat_p50_ms=" << millis(latency.percentileMicros(0.50))
            << " lat_p99_ms=" << millis(latency.percentileMicros(0.99))
            << " lat_max_ms=" << millis(latency.maxMicros())
            << " disconnects=" << m_shared->disconnects.load()
            << " send_stalls=" << m_shared->sendStalls.load() << " unsent_bytes=" << unsentBytes()
            << " stray_lines=" << stray << " rx_mb=" << fixed(static_cast<double>(bytes) / 1e6, 1);
        // CPU shares over the active window: from the first send to the last delivery.
        if (activeSeconds > 0) {
            if (m_beforeSend.serverCpu >= 0 && m_afterSend.serverCpu >= 0)
                out << " server_cpu_pct="
                    << fixed(100.0 * (m_afterSend.serverCpu - m_beforeSend.serverCpu) /
                                 activeSeconds,
                             1);
            out << " loadgen_cpu_pct="
                << fixed(100.0 * (m_afterSend.selfCpu - m_beforeSend.selfCpu) / activeSeconds, 1);
            // Each server thread's share (by name, those that did any work): how the work of a
            // server with several event-loop threads is spread.
            std::string threads;
            for (const auto& [name, after] : m_afterSend.serverThreadCpu) {
                const auto before = m_beforeSend.serverThreadCpu.find(name);
                const double used =
                    after - (before == m_beforeSend.serverThreadCpu.end() ? 0.0 : before->second);
                if (used <= 0)
                    continue;
                std::string label = name;
                std::replace(label.begin(), label.end(), ' ', '_');
                threads += (threads.empty() ? "" : ",") + label + ':' +
                           fixed(100.0 * used / activeSeconds, 1);
            }
            if (!threads.empty())
                out << " server_thread_cpu_pct=" << threads;
        }
    }
    if (m_config.tls) {
        std::string version = "-";
        std::string cipher = "-";
        for (const LoadWorker* worker : workers) {
            if (!worker->tlsVersion().empty()) {
                version = worker->tlsVersion();
                cipher = worker->tlsCipher();
                break;
            }
        }
        out << " tls=1 tls_version=" << version << " tls_cipher=" << cipher
            << " tls_verify=" << (m_tls && m_tls->verifies() ? 1 : 0) << " tls_max_fragment="
            << (m_config.tlsMaxFragment > 0 ? m_config.tlsMaxFragment : 16384);
    }
    if (m_config.loginBurst > 0)
        reportLogins(workers, out);
    out << " threads=" << m_config.threads;
    const std::string error = m_shared->firstError();
    if (!error.empty()) {
        std::string clean = error.substr(0, 120);
        std::replace(clean.begin(), clean.end(), ' ', '_');
        std::replace(clean.begin(), clean.end(), '\t', '_');
        out << " first_error=" << clean;
    }
    std::printf("%s\n", out.str().c_str());
    std::fflush(stdout);
}

uint64_t LoadGenerator::unsentBytes() const
{
    // Queued by the generator but never taken by the kernel (or by TLS) before the run ended:
    // not 0 means "lost" includes messages the server never saw.
    uint64_t bytes = 0;
    for (const BenchConnection& connection : m_connections)
        bytes += connection.pendingOut();
    return bytes;
}

void LoadGenerator::reportLogins(const std::vector<LoadWorker*>& workers, std::ostream& out) const
{
    int ok = 0;
    int failed = 0;
    int registered = 0;
    std::vector<uint64_t> times;
    for (size_t i = static_cast<size_t>(m_config.clients); i < m_connections.size(); ++i) {
        const BenchConnection& connection = m_connections[i];
        const bool succeeded = connection.login && connection.login->succeeded();
        if (succeeded) {
            ++ok;
            times.push_back(connection.loginOutcomeNs - connection.loginStartNs);
        } else {
            ++failed;
        }
        if (connection.login && connection.login->step() == SaslPlainLogin::Step::Done)
            ++registered;
    }
    std::sort(times.begin(), times.end());
    out << " logins=" << m_config.loginBurst << " logins_ok=" << ok << " logins_failed=" << failed
        << " logins_registered=" << registered;
    if (!times.empty()) {
        // Nearest rank: the median of 20 is the 10th.
        const uint64_t median = times[(times.size() + 1) / 2 - 1];
        out << " login_p50_ms=" << millis(median / 1000)
            << " login_max_ms=" << millis(times.back() / 1000);
    }

    // The burst window: from its start until the last login's outcome. Room latency over the
    // messages sent inside it (delivered whenever).
    const uint64_t from = m_shared->loginStartNs;
    uint64_t until = m_shared->burstEndNs.load();
    if (until == 0) // cannot happen after drain(); keep the figures honest if it does
        until = UINT64_MAX;
    LatencyHistogram burst;
    uint64_t dropped = 0;
    for (const LoadWorker* worker : workers) {
        dropped += worker->burstSamplesDropped();
        for (const LoadWorker::BurstSample& sample : worker->burstSamples()) {
            if (sample.sentNs >= from && sample.sentNs <= until)
                burst.record(sample.micros);
        }
    }
    out << " login_at_s=" << fixed(m_config.loginAt, 2);
    if (until != UINT64_MAX && until > from)
        out << " burst_s=" << fixed(static_cast<double>(until - from) / 1e9, 3);
    out << " burst_deliveries=" << burst.count();
    if (dropped > 0)
        out << " burst_dropped=" << dropped;
    if (burst.count() > 0)
        out << " burst_lat_p50_ms=" << millis(burst.percentileMicros(0.50))
            << " burst_lat_p99_ms=" << millis(burst.percentileMicros(0.99))
            << " burst_lat_max_ms=" << millis(burst.maxMicros());
    const std::string error = m_shared->firstLoginError();
    if (!error.empty()) {
        std::string clean = error.substr(0, 120);
        std::replace(clean.begin(), clean.end(), ' ', '_');
        std::replace(clean.begin(), clean.end(), '\t', '_');
        out << " login_error=" << clean;
    }
}

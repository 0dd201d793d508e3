#include "loadworker.h"

#include "monotonicclock.h"
#include "sharedrunstate.h"
#include "tlsclientcontext.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <unistd.h>

namespace {

constexpr size_t ReadBufferBytes = 256 * 1024;
constexpr size_t MaxPartialBytes = 16 * 1024;
constexpr size_t MaxQueuedBytes = 256 * 1024; // fixed rate: a sender this far behind skips
constexpr int MaxRenames = 5;
constexpr int MaxEvents = 1024;
constexpr int64_t PhasePollNs = 50'000'000;
// Room deliveries kept for the burst window's percentiles (16 bytes each): at 100 000
// deliveries/s this covers a 40 s window.
constexpr size_t MaxBurstSamples = 4'000'000;

char* appendU64(char* out, uint64_t value)
{
    char digits[20];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (count > 0)
        *out++ = digits[--count];
    return out;
}

bool parseU64(const char*& p, const char* end, uint64_t& value)
{
    const char* start = p;
    value = 0;
    while (p < end && *p >= '0' && *p <= '9')
        value = value * 10 + static_cast<uint64_t>(*p++ - '0');
    return p != start;
}

bool isJoinError(const char* code)
{
    static const char* const codes[] = {"403", "405", "471", "473", "474",
                                        "475", "476", "477", "479", "489"};
    for (const char* candidate : codes) {
        if (std::memcmp(code, candidate, 3) == 0)
            return true;
    }
    return false;
}

} // namespace

LoadWorker::LoadWorker(int id, const LoadGenConfig& config, SharedRunState& shared,
                       std::vector<BenchConnection>& connections, std::vector<int> owned,
                       std::vector<int> logins, const sockaddr_storage& address,
                       socklen_t addressLength, const TlsClientContext* tls)
    : m_id(id), m_config(config), m_shared(shared), m_connections(connections),
      m_owned(std::move(owned)), m_logins(std::move(logins)), m_address(address),
      m_addressLength(addressLength), m_tls(tls), m_epoll(epoll_create1(EPOLL_CLOEXEC)),
      m_readBuffer(new char[ReadBufferBytes]),
      m_padding(static_cast<size_t>(config.messageBytes), 'x'),
      m_loginsOpen(static_cast<int>(m_logins.size()))
{
    if (m_epoll < 0)
        m_shared.noteError(std::string("epoll_create1: ") + std::strerror(errno));
}

LoadWorker::~LoadWorker()
{
    closeAll();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadWorker::pollOnce(int64_t timeoutNs)
{
    epoll_event events[MaxEvents];
    timespec timeout{};
    if (timeoutNs > 0) {
        timeout.tv_sec = static_cast<time_t>(timeoutNs / 1'000'000'000);
        timeout.tv_nsec = static_cast<long>(timeoutNs % 1'000'000'000);
    }
    const int count = epoll_pwait2(m_epoll, events, MaxEvents, &timeout, nullptr);
    for (int i = 0; i < count; ++i)
        onEvent(m_connections[events[i].data.u32], events[i].events);
    publishDeliveries();
}

void LoadWorker::publishDeliveries()
{
    if (m_delivered != m_published) {
        m_shared.delivered.fetch_add(m_delivered - m_published, std::memory_order_relaxed);
        m_published = m_delivered;
    }
}

void LoadWorker::onEvent(BenchConnection& connection, uint32_t events)
{
    using State = BenchConnection::State;
    if (connection.state == State::Closed)
        return;
    if (connection.state == State::Connecting) {
        int error = 0;
        socklen_t length = sizeof(error);
        getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            closeConnection(connection, std::string("connect: ") + std::strerror(error));
            return;
        }
        if (!(events & (EPOLLOUT | EPOLLIN)))
            return;
        connection.state = connection.tls ? State::TlsHandshake : State::Registering;
    }
    uint32_t ready = events;
    if (connection.state == State::TlsHandshake) {
        continueHandshake(connection);
        if (connection.state != State::Registering)
            return; // still shaking hands, or closed
        // The server may have sent its first lines already, and ours are queued.
        ready |= EPOLLIN | EPOLLOUT;
    }
    // A TLS read may wait for the socket to be writable, and a TLS write for it to be readable.
    const bool readable = (ready & EPOLLIN) || ((ready & EPOLLOUT) && connection.tlsReadWantsWrite);
    const bool writable = (ready & EPOLLOUT) || ((ready & EPOLLIN) && connection.tlsWriteWantsRead);
    if (readable)
        onReadable(connection);
    if (connection.state == State::Closed)
        return;
    if (writable)
        flush(connection);
    if (connection.state != State::Closed && (events & (EPOLLERR | EPOLLHUP)) &&
        !(events & EPOLLIN))
        closeConnection(connection, "connection reset");
}

void LoadWorker::startConnect(BenchConnection& connection)
{
    if (m_firstConnectNs == 0)
        m_firstConnectNs = MonotonicClock::nowNs();
    ++m_inFlight;
    connection.nick = m_config.nickPrefix + std::to_string(connection.index);
    if (!m_config.accountPrefix.empty()) {
        // Logs in to its account first (CAP LS, NICK, USER, CAP REQ :sasl, ...); 001 follows.
        connection.login = std::make_unique<SaslPlainLogin>(
            m_config.accountPrefix + std::to_string(connection.index), m_config.loginPassword);
        queue(connection, SaslPlainLogin::openingLines(connection.nick));
    } else {
        queue(connection, "NICK " + connection.nick + "\r\nUSER " + connection.nick +
                              " 0 * :confab loadgen\r\n");
    }
    openSocket(connection);
}

void LoadWorker::openSocket(BenchConnection& connection)
{
    connection.state = BenchConnection::State::Connecting;
    connection.fd = ::socket(m_address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (connection.fd < 0) {
        closeConnection(connection, std::string("socket: ") + std::strerror(errno));
        return;
    }
    // The generator's own lines must not wait for Nagle: only the server's delay is measured.
    const int one = 1;
    setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    if (m_tls) {
        std::string error;
        connection.tls.reset(m_tls->newSession(connection.fd, m_config.host, error));
        if (!connection.tls) {
            closeConnection(connection, error);
            return;
        }
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.u32 = static_cast<uint32_t>(connection.index);
    connection.wantWrite = true;
    if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection.fd, &event) != 0) {
        closeConnection(connection, std::string("epoll_ctl: ") + std::strerror(errno));
        return;
    }
    // With several ports (the nodes of a cluster), client i goes to port i mod their number.
    sockaddr_storage address = m_address;
    if (!m_config.ports.empty()) {
        const auto port = htons(static_cast<uint16_t>(
            m_config.ports[static_cast<size_t>(connection.index) % m_config.ports.size()]));
        if (address.ss_family == AF_INET6)
            reinterpret_cast<sockaddr_in6*>(&address)->sin6_port = port;
        else
            reinterpret_cast<sockaddr_in*>(&address)->sin_port = port;
    }
    if (::connect(connection.fd, reinterpret_cast<const sockaddr*>(&address), m_addressLength) !=
            0 &&
        errno != EINPROGRESS) {
        closeConnection(connection, std::string("connect: ") + std::strerror(errno));
    }
}

void LoadWorker::continueHandshake(BenchConnection& connection)
{
    std::string error;
    switch (TlsIo::handshake(connection.tls.get(), error)) {
    case TlsIo::Status::Done:
        connection.state = BenchConnection::State::Registering;
        connection.tlsHandshakeWantsWrite = false;
        if (m_tlsVersion.empty()) {
            m_tlsVersion = TlsIo::version(connection.tls.get());
            m_tlsCipher = TlsIo::cipher(connection.tls.get());
        }
        break;
    case TlsIo::Status::WantRead:
        connection.tlsHandshakeWantsWrite = false;
        break;
    case TlsIo::Status::WantWrite:
        connection.tlsHandshakeWantsWrite = true;
        break;
    case TlsIo::Status::Closed:
        closeConnection(connection, "closed by server during the TLS handshake");
        return;
    case TlsIo::Status::Failed:
        closeConnection(connection, error);
        return;
    }
    updateInterest(connection);
}

void LoadWorker::onReadable(BenchConnection& connection)
{
    char* buffer = m_readBuffer.get();
    // One pass per readable event; with TLS, more passes while the session holds decrypted
    // bytes that epoll cannot report.
    do {
        const size_t carried = connection.partial.size();
        if (carried > 0)
            std::memcpy(buffer, connection.partial.data(), carried);
        std::string endReason;
        const size_t count =
            receive(connection, buffer + carried, ReadBufferBytes - carried, endReason);
        if (count == 0) {
            if (!endReason.empty())
                closeConnection(connection, endReason);
            return;
        }
        m_bytesReceived += count;
        if (m_config.quickAck) {
            // Quick-ACK mode is not sticky: it is re-armed after every read.
            const int one = 1;
            setsockopt(connection.fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof(one));
        }
        const uint64_t now = MonotonicClock::nowNs();
        const char* p = buffer;
        const char* end = buffer + carried + count;
        while (p < end) {
            const char* newline = static_cast<const char*>(std::memchr(p, '\n', end - p));
            if (!newline)
                break;
            handleLine(connection, p, static_cast<size_t>(newline - p), now);
            if (connection.state == BenchConnection::State::Closed)
                return;
            p = newline + 1;
        }
        const size_t rest = static_cast<size_t>(end - p);
        if (rest > MaxPartialBytes) {
            closeConnection(connection, "line too long from server");
            return;
        }
        connection.partial.assign(p, rest);
        // The lines read before the end (an ERROR, say) have been seen; now it ends.
        if (!endReason.empty()) {
            closeConnection(connection, endReason);
            return;
        }
    } while (connection.tls && TlsIo::hasBuffered(connection.tls.get()));
    if (connection.pendingOut() > 0)
        flush(connection);
}

size_t LoadWorker::receive(BenchConnection& connection, char* buffer, size_t capacity,
                           std::string& endReason)
{
    if (!connection.tls) {
        const ssize_t count = ::recv(connection.fd, buffer, capacity, 0);
        if (count > 0)
            return static_cast<size_t>(count);
        if (count == 0)
            endReason = "closed by server";
        else if (errno != EAGAIN && errno != EINTR)
            endReason = std::string("recv: ") + std::strerror(errno);
        return 0;
    }
    // SSL_read returns one record at most: read until the socket is drained or the buffer full,
    // as one recv() would for plain TCP.
    size_t total = 0;
    while (total < capacity) {
        size_t count = 0;
        std::string error;
        const TlsIo::Status status =
            TlsIo::read(connection.tls.get(), buffer + total, capacity - total, count, error);
        connection.tlsReadWantsWrite = status == TlsIo::Status::WantWrite;
        if (status == TlsIo::Status::Done) {
            total += count;
            continue;
        }
        if (status == TlsIo::Status::Closed)
            endReason = "closed by server";
        else if (status == TlsIo::Status::Failed)
            endReason = error;
        break;
    }
    updateInterest(connection);
    return total;
}

void LoadWorker::handleLine(BenchConnection& connection, const char* line, size_t length,
                            uint64_t nowNs)
{
    if (length > 0 && line[length - 1] == '\r')
        --length;
    const char* p = line;
    const char* end = line + length;
    if (p < end && *p == '@') { // message tags, though none were asked for
        p = static_cast<const char*>(std::memchr(p, ' ', end - p));
        if (!p)
            return;
        while (p < end && *p == ' ')
            ++p;
    }
    if (p < end && *p == ':') {
        p = static_cast<const char*>(std::memchr(p, ' ', end - p));
        if (!p)
            return;
        while (p < end && *p == ' ')
            ++p;
    }
    if (p >= end)
        return;
    const char* space = static_cast<const char*>(std::memchr(p, ' ', end - p));
    const size_t commandLength = static_cast<size_t>((space ? space : end) - p);
    const char* rest = space ? space + 1 : end;

    if (commandLength == 7 && std::memcmp(p, "PRIVMSG", 7) == 0) {
        onPrivmsg(connection, rest, end, nowNs);
        return;
    }
    if (commandLength == 4 && std::memcmp(p, "PING", 4) == 0) {
        queue(connection, "PONG ", 5);
        queue(connection, rest, static_cast<size_t>(end - rest));
        queue(connection, "\r\n", 2);
        return;
    }
    if (commandLength == 5 && std::memcmp(p, "ERROR", 5) == 0) {
        closeConnection(connection, std::string(rest, end));
        return;
    }
    if (connection.burst) {
        onLoginLine(connection, line, static_cast<size_t>(end - line), p, commandLength, nowNs);
        return;
    }
    using State = BenchConnection::State;
    if (connection.login && connection.state == State::Registering &&
        !onAccountLoginLine(connection, line, static_cast<size_t>(end - line)))
        return;
    if (commandLength != 3)
        return;
    if (std::memcmp(p, "001", 3) == 0 && connection.state == State::Registering) {
        connection.state = State::Registered;
        --m_inFlight;
        ++m_registered;
        m_lastRegisteredNs = nowNs;
    } else if ((std::memcmp(p, "433", 3) == 0 || std::memcmp(p, "432", 3) == 0 ||
                std::memcmp(p, "436", 3) == 0 || std::memcmp(p, "437", 3) == 0) &&
               connection.state == State::Registering) {
        renameAfterNickError(connection, m_config.nickPrefix + std::to_string(connection.index));
    } else if (std::memcmp(p, "366", 3) == 0 && connection.state == State::Joining) {
        connection.state = State::Joined;
        ++m_joined;
        m_lastJoinedNs = nowNs;
    } else if (connection.state == State::Joining && isJoinError(p)) {
        connection.state = State::Registered;
        ++m_joinFailed;
        m_shared.noteError("join refused: " + std::string(line, end));
    }
}

bool LoadWorker::onAccountLoginLine(BenchConnection& connection, const char* line, size_t length)
{
    std::string reply;
    const SaslPlainLogin::Event event =
        connection.login->onLine(std::string_view(line, length), reply);
    if (!reply.empty()) {
        queue(connection, reply);
        flush(connection);
        if (connection.state == BenchConnection::State::Closed)
            return false;
    }
    if (event == SaslPlainLogin::Event::Failed) {
        // A guest would store no private history: the run must not go on as if logged in.
        closeConnection(connection, "SASL login failed: " + connection.login->failure());
        return false;
    }
    return true; // 001 (after 903), and 433 renames, as for any client
}

bool LoadWorker::renameAfterNickError(BenchConnection& connection, const std::string& base)
{
    if (++connection.renames > MaxRenames) {
        closeConnection(connection, "no acceptable nick");
        return false;
    }
    connection.nick = base + "_" + std::to_string(connection.renames);
    queue(connection, "NICK " + connection.nick + "\r\n");
    return true;
}

void LoadWorker::onPrivmsg(BenchConnection& connection, const char* rest, const char* end,
                           uint64_t nowNs)
{
    // rest is "<target> :<send ns> <sender> <seq> xxx..."
    const char* p = static_cast<const char*>(std::memchr(rest, ' ', end - rest));
    if (!p || p + 2 > end || p[1] != ':') {
        ++m_strayLines;
        return;
    }
    p += 2;
    uint64_t sentNs = 0;
    uint64_t senderId = 0;
    uint64_t seq = 0;
    if (!parseU64(p, end, sentNs) || p >= end || *p++ != ' ' || !parseU64(p, end, senderId) ||
        p >= end || *p++ != ' ' || !parseU64(p, end, seq)) {
        ++m_strayLines;
        return;
    }
    const uint64_t micros = nowNs > sentNs ? (nowNs - sentNs) / 1000 : 0;
    m_latency.record(micros);
    if (sentNs >= m_burstFromNs)
        recordBurstSample(sentNs, micros);
    ++connection.deliveries;
    ++m_delivered;
    m_lastDeliveryNs = nowNs;
    if (m_shared.flatOut && m_shared.hasSlot(senderId))
        m_shared.slot(static_cast<int>(senderId), seq).fetch_add(1, std::memory_order_release);
}

void LoadWorker::queue(BenchConnection& connection, const char* data, size_t length)
{
    if (connection.outOffset > 0 && connection.outOffset == connection.out.size()) {
        connection.out.clear();
        connection.outOffset = 0;
    }
    connection.out.append(data, length);
}

void LoadWorker::queue(BenchConnection& connection, const std::string& text)
{
    queue(connection, text.data(), text.size());
}

void LoadWorker::flush(BenchConnection& connection)
{
    using State = BenchConnection::State;
    if (connection.state == State::Connecting || connection.state == State::TlsHandshake ||
        connection.state == State::Closed)
        return;
    while (connection.pendingOut() > 0) {
        const char* data = connection.out.data() + connection.outOffset;
        if (connection.tls) {
            size_t count = 0;
            std::string error;
            const TlsIo::Status status =
                TlsIo::write(connection.tls.get(), data, connection.pendingOut(), count, error);
            connection.tlsWriteWantsRead = status == TlsIo::Status::WantRead;
            if (status == TlsIo::Status::Done) {
                connection.outOffset += count;
                continue;
            }
            if (status == TlsIo::Status::WantRead || status == TlsIo::Status::WantWrite)
                break;
            closeConnection(connection, status == TlsIo::Status::Closed
                                            ? std::string("closed by server")
                                            : error);
            return;
        }
        const ssize_t count =
            ::send(connection.fd, data, connection.pendingOut(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (count > 0) {
            connection.outOffset += static_cast<size_t>(count);
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        closeConnection(connection, std::string("send: ") + std::strerror(errno));
        return;
    }
    // The unsent bytes keep their content when they move: OpenSSL allows a moving buffer.
    if (connection.pendingOut() == 0) {
        connection.out.clear();
        connection.outOffset = 0;
    } else if (connection.outOffset > 64 * 1024) {
        connection.out.erase(0, connection.outOffset);
        connection.outOffset = 0;
    }
    updateInterest(connection);
}

void LoadWorker::updateInterest(BenchConnection& connection)
{
    using State = BenchConnection::State;
    bool want = false;
    switch (connection.state) {
    case State::Closed:
    case State::Idle:
        return;
    case State::Connecting:
        want = true;
        break;
    case State::TlsHandshake:
        want = connection.tlsHandshakeWantsWrite;
        break;
    default:
        // A write that waits for a read needs no EPOLLOUT (it would fire at once, every time).
        want = connection.tlsReadWantsWrite ||
               (connection.pendingOut() > 0 && !connection.tlsWriteWantsRead);
        break;
    }
    setWantWrite(connection, want);
}

void LoadWorker::setWantWrite(BenchConnection& connection, bool want)
{
    if (connection.wantWrite == want || connection.fd < 0)
        return;
    epoll_event event{};
    event.events = EPOLLIN | (want ? EPOLLOUT : 0u);
    event.data.u32 = static_cast<uint32_t>(connection.index);
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
    connection.wantWrite = want;
}

void LoadWorker::closeConnection(BenchConnection& connection, const std::string& reason)
{
    using State = BenchConnection::State;
    const State previous = connection.state;
    connection.tls.reset(); // no close_notify: the socket goes at once, as a crash would
    if (connection.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
        ::close(connection.fd);
        connection.fd = -1;
    }
    connection.state = State::Closed;
    connection.out.clear();
    connection.outOffset = 0;
    if (connection.burst) {
        if (connection.loginOutcomeNs == 0)
            noteLoginOutcome(connection, MonotonicClock::nowNs(), reason);
        finishLogin(connection);
        return;
    }
    if (previous == State::Connecting || previous == State::TlsHandshake ||
        previous == State::Registering) {
        connection.failed = true;
        --m_inFlight;
        ++m_failed;
        m_shared.noteError(connection.nick + ": " + reason);
    } else if (previous == State::Joining) {
        connection.failed = true;
        ++m_joinFailed;
        m_shared.noteError(connection.nick + ": " + reason);
    } else if (previous != State::Idle && previous != State::Closed) {
        connection.failed = true;
        m_shared.disconnects.fetch_add(1, std::memory_order_relaxed);
        m_shared.noteError(connection.nick + ": " + reason);
    }
}

void LoadWorker::registerClients()
{
    const int window = std::max(1, m_config.connectWindow / m_config.threads);
    const uint64_t deadline =
        MonotonicClock::nowNs() + static_cast<uint64_t>(m_config.registerTimeout * 1e9);
    size_t next = 0;
    const int total = static_cast<int>(m_owned.size());
    while (m_registered + m_failed < total) {
        while (m_inFlight < window && next < m_owned.size())
            startConnect(m_connections[m_owned[next++]]);
        const uint64_t now = MonotonicClock::nowNs();
        if (now >= deadline || m_shared.abort.load()) {
            for (int index : m_owned) {
                BenchConnection& connection = m_connections[index];
                if (connection.state == BenchConnection::State::Idle) {
                    connection.state = BenchConnection::State::Registering;
                    ++m_inFlight;
                }
                if (connection.state == BenchConnection::State::Connecting ||
                    connection.state == BenchConnection::State::TlsHandshake ||
                    connection.state == BenchConnection::State::Registering)
                    closeConnection(connection, "registration timed out");
            }
            break;
        }
        pollOnce(std::min<int64_t>(PhasePollNs, static_cast<int64_t>(deadline - now)));
    }
}

void LoadWorker::joinRoom()
{
    int asked = 0;
    const std::string join = "JOIN " + m_config.channel + "\r\n";
    for (int index : m_owned) {
        BenchConnection& connection = m_connections[index];
        if (connection.state != BenchConnection::State::Registered)
            continue;
        connection.state = BenchConnection::State::Joining;
        queue(connection, join);
        flush(connection);
        ++asked;
    }
    const uint64_t deadline =
        MonotonicClock::nowNs() + static_cast<uint64_t>(m_config.registerTimeout * 1e9);
    while (m_joined + m_joinFailed < asked && MonotonicClock::nowNs() < deadline)
        pollOnce(PhasePollNs);
}

void LoadWorker::pump(double seconds)
{
    const uint64_t deadline = MonotonicClock::nowNs() + static_cast<uint64_t>(seconds * 1e9);
    for (uint64_t now = MonotonicClock::nowNs(); now < deadline; now = MonotonicClock::nowNs())
        pollOnce(std::min<int64_t>(PhasePollNs, static_cast<int64_t>(deadline - now)));
}

std::vector<BenchConnection*> LoadWorker::activeSenders()
{
    std::vector<BenchConnection*> senders;
    for (int index : m_owned) {
        BenchConnection& connection = m_connections[index];
        if (connection.senderId >= 0 && connection.state != BenchConnection::State::Closed)
            senders.push_back(&connection);
    }
    return senders;
}

void LoadWorker::appendMessage(BenchConnection& sender, uint64_t nowNs)
{
    char line[1024];
    char* p = line;
    std::memcpy(p, "PRIVMSG ", 8);
    p += 8;
    std::memcpy(p, sender.target.data(), sender.target.size());
    p += sender.target.size();
    *p++ = ' ';
    *p++ = ':';
    char* text = p;
    p = appendU64(p, nowNs);
    *p++ = ' ';
    p = appendU64(p, static_cast<uint64_t>(sender.senderId));
    *p++ = ' ';
    p = appendU64(p, sender.nextSeq);
    *p++ = ' ';
    const size_t used = static_cast<size_t>(p - text);
    const size_t pad = used < m_padding.size() ? m_padding.size() - used : 1;
    std::memcpy(p, m_padding.data(), std::min(pad, m_padding.size()));
    p += std::min(pad, m_padding.size());
    *p++ = '\r';
    *p++ = '\n';
    queue(sender, line, static_cast<size_t>(p - line));
    ++sender.nextSeq;
    ++m_sent;
}

void LoadWorker::sendMessages()
{
    std::vector<BenchConnection*> senders = activeSenders();
    const uint64_t start = m_shared.startNs;
    const uint64_t stop = start + static_cast<uint64_t>(m_config.duration * 1e9);
    const uint32_t receivers = static_cast<uint32_t>(m_shared.receiversPerMessage);
    const uint64_t window = static_cast<uint64_t>(m_shared.window());
    m_burstFromNs = m_shared.loginStartNs;

    if (m_shared.flatOut) {
        // As fast as the server delivers: each sender keeps at most `window` messages that some
        // receiver has not seen yet, so the server's send queues stay short and its sendq limit
        // is never what is measured.
        const int64_t pollNs = m_config.threads > 1 ? 1'000'000 : 100'000'000;
        for (uint64_t now = MonotonicClock::nowNs(); now < stop && !m_shared.abort.load();
             now = MonotonicClock::nowNs()) {
            serviceLogins(now);
            for (BenchConnection* sender : senders) {
                if (sender->state == BenchConnection::State::Closed)
                    continue;
                while (sender->baseSeq < sender->nextSeq) {
                    std::atomic<uint32_t>& slot = m_shared.slot(sender->senderId, sender->baseSeq);
                    if (slot.load(std::memory_order_acquire) < receivers)
                        break;
                    slot.store(0, std::memory_order_relaxed);
                    ++sender->baseSeq;
                }
                if (sender->nextSeq >= sender->baseSeq + window)
                    continue;
                const uint64_t sendNs = MonotonicClock::nowNs();
                while (sender->nextSeq < sender->baseSeq + window) {
                    appendMessage(*sender, sendNs);
                    if (m_config.linePerWrite)
                        flush(*sender);
                }
                flush(*sender);
            }
            pollOnce(std::min({pollNs, static_cast<int64_t>(stop - now), untilLoginsNs(now)}));
        }
    } else if (!senders.empty() || !m_logins.empty()) {
        // Fixed total rate, split over the workers by their share of the senders.
        double totalSenders = 0;
        for (const BenchConnection& connection : m_connections)
            totalSenders += connection.senderId >= 0 ? 1 : 0;
        const double rate =
            senders.empty() ? 0.0
                            : m_config.rate * static_cast<double>(senders.size()) / totalSenders;
        const double intervalNs = rate > 0 ? 1e9 / rate : 1e18;
        uint64_t k = 0;
        for (uint64_t now = MonotonicClock::nowNs(); now < stop && !m_shared.abort.load();
             now = MonotonicClock::nowNs()) {
            serviceLogins(now);
            uint64_t due = start + static_cast<uint64_t>(static_cast<double>(k) * intervalNs);
            while (!senders.empty() && due <= now && due < stop) {
                BenchConnection& sender = *senders[k % senders.size()];
                if (sender.state != BenchConnection::State::Closed) {
                    if (sender.pendingOut() < MaxQueuedBytes) {
                        appendMessage(sender, MonotonicClock::nowNs());
                        flush(sender);
                    } else {
                        m_shared.sendStalls.fetch_add(1, std::memory_order_relaxed);
                    }
                }
                ++k;
                due = start + static_cast<uint64_t>(static_cast<double>(k) * intervalNs);
            }
            const uint64_t wake = std::min(due, stop);
            pollOnce(
                std::min(wake > now ? static_cast<int64_t>(wake - now) : 0, untilLoginsNs(now)));
        }
    }
    m_sendStoppedNs = MonotonicClock::nowNs();
    m_shared.sent.fetch_add(m_sent, std::memory_order_relaxed);
    m_shared.sendersDone.fetch_add(1, std::memory_order_acq_rel);
    if (!m_loginsStarted) {
        // Sending was cut short (abort): the burst never began.
        for (int index : m_logins)
            closeConnection(m_connections[index], "sending ended before the login burst");
        m_loginsStarted = true;
    }
}

void LoadWorker::drain()
{
    const uint64_t idleLimit = static_cast<uint64_t>(m_config.drainTimeout * 1e9);
    uint64_t lastSeen = m_shared.delivered.load();
    uint64_t lastProgress = MonotonicClock::nowNs();
    for (;;) {
        publishDeliveries();
        const uint64_t delivered = m_shared.delivered.load();
        const uint64_t now = MonotonicClock::nowNs();
        // Logins still under way keep the worker here; each one ends by --register-timeout.
        serviceLogins(now);
        if (m_shared.sendersDone.load() == m_config.threads && m_loginsOpen == 0) {
            const uint64_t expected =
                m_shared.sent.load() * static_cast<uint64_t>(m_shared.receiversPerMessage);
            if (delivered >= expected)
                break;
        }
        if (delivered != lastSeen) {
            lastSeen = delivered;
            lastProgress = now;
        } else if (now - lastProgress > idleLimit && m_loginsOpen == 0) {
            break;
        }
        pollOnce(20'000'000);
    }
}

void LoadWorker::closeAll()
{
    for (const std::vector<int>* group : {&m_owned, &m_logins}) {
        for (int index : *group) {
            BenchConnection& connection = m_connections[index];
            connection.tls.reset();
            if (connection.fd >= 0) {
                epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
                ::close(connection.fd);
                connection.fd = -1;
            }
            connection.state = BenchConnection::State::Closed;
        }
    }
}

// --- Login burst ----------------------------------------------------------------------------

int64_t LoadWorker::untilLoginsNs(uint64_t nowNs) const
{
    if (m_loginsStarted || m_logins.empty())
        return INT64_MAX;
    return m_shared.loginStartNs > nowNs ? static_cast<int64_t>(m_shared.loginStartNs - nowNs) : 0;
}

void LoadWorker::serviceLogins(uint64_t nowNs)
{
    if (m_logins.empty())
        return;
    if (!m_loginsStarted && nowNs >= m_shared.loginStartNs)
        startLogins();
    if (m_loginsOpen == 0)
        return;
    const uint64_t timeout = static_cast<uint64_t>(m_config.registerTimeout * 1e9);
    for (int index : m_logins) {
        BenchConnection& connection = m_connections[index];
        // loginStartNs may be later than nowNs (taken before startLogins()).
        if (connection.loginStartNs != 0 && !connection.loginFinished &&
            nowNs > connection.loginStartNs + timeout)
            closeConnection(connection, "login timed out");
    }
}

void LoadWorker::startLogins()
{
    // All at once: the burst is N connections arriving together, not a connect window.
    m_loginsStarted = true;
    for (int index : m_logins) {
        BenchConnection& connection = m_connections[index];
        const int number = connection.index - m_config.clients;
        connection.nick = m_config.loginPrefix + std::to_string(number);
        connection.login =
            std::make_unique<SaslPlainLogin>(connection.nick, m_config.loginPassword);
        connection.burst = true;
        connection.loginStartNs = MonotonicClock::nowNs();
        queue(connection, SaslPlainLogin::openingLines(connection.nick));
        openSocket(connection);
    }
}

void LoadWorker::onLoginLine(BenchConnection& connection, const char* line, size_t length,
                             const char* command, size_t commandLength, uint64_t nowNs)
{
    if (commandLength == 3 && connection.state == BenchConnection::State::Registering &&
        (std::memcmp(command, "433", 3) == 0 || std::memcmp(command, "432", 3) == 0 ||
         std::memcmp(command, "436", 3) == 0 || std::memcmp(command, "437", 3) == 0)) {
        // The account stays <prefix><i>; only the nick changes.
        renameAfterNickError(connection, m_config.loginPrefix +
                                             std::to_string(connection.index - m_config.clients));
        return;
    }
    std::string reply;
    const SaslPlainLogin::Event event =
        connection.login->onLine(std::string_view(line, length), reply);
    if (!reply.empty()) {
        queue(connection, reply);
        flush(connection);
        if (connection.state == BenchConnection::State::Closed)
            return;
    }
    switch (event) {
    case SaslPlainLogin::Event::None:
        break;
    case SaslPlainLogin::Event::Succeeded:
        noteLoginOutcome(connection, nowNs, std::string());
        break;
    case SaslPlainLogin::Event::Failed:
        noteLoginOutcome(connection, nowNs, connection.login->failure());
        if (connection.login->step() == SaslPlainLogin::Step::Done) { // 001 without SASL
            connection.state = BenchConnection::State::Registered;
            finishLogin(connection);
        }
        break;
    case SaslPlainLogin::Event::Welcomed:
        connection.state = BenchConnection::State::Registered;
        finishLogin(connection);
        break;
    }
}

void LoadWorker::noteLoginOutcome(BenchConnection& connection, uint64_t nowNs,
                                  const std::string& failure)
{
    if (connection.loginOutcomeNs != 0)
        return;
    connection.loginOutcomeNs = nowNs;
    if (!failure.empty())
        m_shared.noteLoginError(connection.nick + ": " + failure);
    m_shared.noteLoginOutcome(nowNs);
}

void LoadWorker::finishLogin(BenchConnection& connection)
{
    if (connection.loginFinished)
        return;
    connection.loginFinished = true;
    --m_loginsOpen;
}

void LoadWorker::recordBurstSample(uint64_t sentNs, uint64_t micros)
{
    // Once the window has closed, later sends are outside it; earlier ones still count.
    const uint64_t end = m_shared.burstEndNs.load(std::memory_order_acquire);
    if (end != 0 && sentNs > end)
        return;
    if (m_burstSamples.size() >= MaxBurstSamples) {
        ++m_burstSamplesDropped;
        return;
    }
    m_burstSamples.push_back({sentNs, micros});
}

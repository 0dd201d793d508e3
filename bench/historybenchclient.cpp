#include "historybenchclient.h"

#include "saslplainlogin.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr size_t MaxLineBytes = 16 * 1024;

// Whether the line (tags and all) carries batch=<ref>.
bool inBatch(const std::string& line, const std::string& ref)
{
    if (line.empty() || line[0] != '@')
        return false;
    const size_t end = line.find(' ');
    const std::string tags = line.substr(1, end == std::string::npos ? std::string::npos : end - 1);
    const std::string wanted = "batch=" + ref;
    size_t start = 0;
    while (start <= tags.size()) {
        size_t stop = tags.find(';', start);
        if (stop == std::string::npos)
            stop = tags.size();
        if (tags.compare(start, stop - start, wanted) == 0)
            return true;
        start = stop + 1;
    }
    return false;
}

bool hasWord(std::string_view list, std::string_view word)
{
    size_t start = 0;
    while (start <= list.size()) {
        size_t stop = list.find(' ', start);
        if (stop == std::string_view::npos)
            stop = list.size();
        if (list.substr(start, stop - start) == word)
            return true;
        start = stop + 1;
    }
    return false;
}

bool isJoinError(std::string_view command)
{
    static const char* const Codes[] = {"403", "405", "471", "473", "474",
                                        "475", "476", "477", "479", "489"};
    return std::find(std::begin(Codes), std::end(Codes), command) != std::end(Codes);
}

// Whether every space-separated word of wanted is in list.
bool allWords(std::string_view list, std::string_view wanted)
{
    size_t start = 0;
    while (start < wanted.size()) {
        size_t stop = wanted.find(' ', start);
        if (stop == std::string_view::npos)
            stop = wanted.size();
        if (stop > start && !hasWord(list, wanted.substr(start, stop - start)))
            return false;
        start = stop + 1;
    }
    return true;
}

} // namespace

HistoryBenchClient::HistoryBenchClient(double timeoutSeconds)
    : m_timeoutMs(static_cast<int>(timeoutSeconds * 1000))
{
}

HistoryBenchClient::~HistoryBenchClient()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool HistoryBenchClient::connectTo(int port, std::string& error)
{
    m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_fd < 0) {
        error = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    const int one = 1;
    setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) != 0) {
        error = std::string("connect: ") + std::strerror(errno);
        return false;
    }
    return true;
}

bool HistoryBenchClient::send(const std::string& line, std::string& error)
{
    const std::string data = line + "\r\n";
    size_t offset = 0;
    while (offset < data.size()) {
        const ssize_t count =
            ::send(m_fd, data.data() + offset, data.size() - offset, MSG_NOSIGNAL);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0) {
            error = std::string("send: ") + std::strerror(errno);
            return false;
        }
        offset += static_cast<size_t>(count);
    }
    return true;
}

bool HistoryBenchClient::readLine(std::string& line, std::string& error)
{
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(m_timeoutMs);
    for (;;) {
        const size_t newline = m_buffer.find('\n');
        if (newline != std::string::npos) {
            line.assign(m_buffer, 0, newline);
            m_buffer.erase(0, newline + 1);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            std::string_view command;
            std::vector<std::string_view> params;
            if (SaslPlainLogin::split(line, command, params) && command == "PING") {
                if (!send("PONG :" + std::string(params.empty() ? "" : params.back()), error))
                    return false;
                continue;
            }
            return true;
        }
        if (m_buffer.size() > MaxLineBytes) {
            error = "line too long from server";
            return false;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            error = "no reply in time";
            return false;
        }
        pollfd wanted{m_fd, POLLIN, 0};
        const int ready = ::poll(&wanted, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            continue; // the deadline check above ends it
        char chunk[65536];
        const ssize_t count = ::recv(m_fd, chunk, sizeof(chunk), 0);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0) {
            error = count == 0 ? "connection closed by server"
                               : std::string("recv: ") + std::strerror(errno);
            return false;
        }
        m_buffer.append(chunk, static_cast<size_t>(count));
    }
}

bool HistoryBenchClient::logIn(const std::string& nick, const std::string& account,
                               const std::string& password, const std::string& caps,
                               std::string& error)
{
    SaslPlainLogin login(account, password);
    if (!send(SaslPlainLogin::openingLines(nick) + "CAP REQ :" + caps, error))
        return false;
    bool capsAcked = false;
    std::string line;
    while (readLine(line, error)) {
        std::string_view command;
        std::vector<std::string_view> params;
        if (!SaslPlainLogin::split(line, command, params))
            continue;
        if (command == "CAP" && params.size() >= 3 && !hasWord(params.back(), "sasl")) {
            if (params[1] == "NAK") {
                error = "capabilities refused: " + line;
                return false;
            }
            if (params[1] == "ACK")
                capsAcked = allWords(params.back(), caps);
        }
        if (command == "ERROR") {
            error = line;
            return false;
        }
        std::string reply;
        const SaslPlainLogin::Event event = login.onLine(line, reply);
        if (!reply.empty()) {
            reply.resize(reply.size() - 2); // send() adds CR LF
            if (!send(reply, error))
                return false;
        }
        if (event == SaslPlainLogin::Event::Failed) {
            error = "SASL login failed: " + login.failure();
            return false;
        }
        if (event == SaslPlainLogin::Event::Welcomed) {
            if (!capsAcked) {
                error = "no CAP ACK for: " + caps;
                return false;
            }
            return true;
        }
    }
    return false;
}

bool HistoryBenchClient::join(const std::vector<std::string>& channels, std::string& error)
{
    std::string list;
    for (const std::string& channel : channels)
        list += (list.empty() ? "" : ",") + channel;
    if (!send("JOIN " + list, error))
        return false;
    size_t joined = 0;
    std::string line;
    while (joined < channels.size()) {
        if (!readLine(line, error))
            return false;
        std::string_view command;
        std::vector<std::string_view> params;
        if (!SaslPlainLogin::split(line, command, params))
            continue;
        if (command == "366") {
            ++joined;
        } else if (isJoinError(command)) {
            error = "JOIN refused: " + line;
            return false;
        }
    }
    return true;
}

bool HistoryBenchClient::request(const std::string& line, int& lines, std::string& error)
{
    lines = 0;
    if (!send(line, error))
        return false;
    std::string ref;
    std::string reply;
    while (readLine(reply, error)) {
        std::string_view command;
        std::vector<std::string_view> params;
        if (!SaslPlainLogin::split(reply, command, params))
            continue;
        if (command == "FAIL" || command == "ERROR") {
            error = reply;
            return false;
        }
        if (command == "BATCH" && !params.empty() && params[0].size() > 1) {
            if (ref.empty() && params[0][0] == '+') {
                ref = std::string(params[0].substr(1));
                continue;
            }
            if (params[0][0] == '-' && params[0].substr(1) == ref)
                return true;
        }
        if (!ref.empty() && inBatch(reply, ref))
            ++lines;
    }
    return false;
}

void HistoryBenchClient::quit()
{
    std::string ignored;
    if (m_fd >= 0)
        send("QUIT :done", ignored);
}

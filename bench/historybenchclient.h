#pragma once

#include <string>
#include <vector>

// One blocking IRC client on loopback for confab-historybench: it logs in with SASL PLAIN
// (SaslPlainLogin), asks for the capabilities CHATHISTORY needs, joins rooms and then sends one
// request at a time, reading until the batch that answers it ends. A benchmark tool, so plain
// POSIX sockets with poll() timeouts rather than an event loop; PING is answered while reading.
class HistoryBenchClient
{
public:
    explicit HistoryBenchClient(double timeoutSeconds);
    ~HistoryBenchClient();
    HistoryBenchClient(const HistoryBenchClient&) = delete;
    HistoryBenchClient& operator=(const HistoryBenchClient&) = delete;

    bool connectTo(int port, std::string& error);
    // CAP LS 302, NICK, USER, CAP REQ :sasl and CAP REQ :<caps>; SASL PLAIN; until 001. Fails if
    // any of caps is refused or the login is.
    bool logIn(const std::string& nick, const std::string& account, const std::string& password,
               const std::string& caps, std::string& error);
    // JOIN of every channel; until each one's 366.
    bool join(const std::vector<std::string>& channels, std::string& error);
    // Sends the line and reads until the end of the batch that answers it; lines: how many lines
    // it held. A FAIL, ERROR or the connection ending is an error.
    bool request(const std::string& line, int& lines, std::string& error);
    void quit();

private:
    bool send(const std::string& line, std::string& error);
    // The next line without CR LF (PING answered on the way); false on timeout or close.
    bool readLine(std::string& line, std::string& error);

    int m_fd = -1;
    int m_timeoutMs;
    std::string m_buffer;
};

#pragma once

#include <string>
#include <string_view>
#include <vector>

// One IRCv3 SASL PLAIN login (sasl-3.1), as a pure state machine: it sees the server's lines and
// says what to send back. No socket, no clock: the LoadWorker owns those and times the steps.
//
//   client: CAP LS 302, NICK, USER, CAP REQ :sasl        (all at once, see openingLines)
//   server: CAP * ACK :sasl      -> client: AUTHENTICATE PLAIN
//   server: AUTHENTICATE +       -> client: AUTHENTICATE <base64("\0" account "\0" password)>
//   server: 900 then 903         -> Succeeded, client: CAP END
//       or: 902/904/905/906/907  -> Failed, client: CAP END
//   server: 001                  -> Welcomed (the login is over)
//
// A CAP NAK, 410 or 421 is a failure too; a 001 before the outcome means the server registered
// the client without SASL. The password is never part of failure() or any other text it returns,
// except the AUTHENTICATE lines themselves.
class SaslPlainLogin
{
public:
    enum class Step { AwaitingAck, AwaitingChallenge, AwaitingOutcome, AwaitingWelcome, Done };
    enum class Event { None, Succeeded, Failed, Welcomed };

    SaslPlainLogin(std::string account, std::string password);

    // The first flight of a login client, sent as soon as the connection is up.
    static std::string openingLines(const std::string& nick);
    // The AUTHENTICATE lines for a PLAIN response: base64 in chunks of 400 bytes, and a lone
    // "AUTHENTICATE +" after a chunk of exactly 400 (or for an empty response).
    static std::string authenticateLines(std::string_view response);
    static std::string base64(std::string_view bytes);
    // Splits an IRC line (no CR LF) into command and parameters; tags and source are skipped.
    static bool split(std::string_view line, std::string_view& command,
                      std::vector<std::string_view>& params);

    // One line from the server (without CR LF); appends what to send to reply.
    Event onLine(std::string_view line, std::string& reply);

    Step step() const { return m_step; }
    bool succeeded() const { return m_succeeded; }
    const std::string& failure() const { return m_failure; }

private:
    Event fail(std::string why, std::string& reply);

    std::string m_account;
    std::string m_password;
    Step m_step = Step::AwaitingAck;
    bool m_succeeded = false;
    std::string m_failure;
};

#include "saslplainlogin.h"

#include <algorithm>
#include <utility>

namespace {

constexpr size_t AuthenticateChunk = 400; // sasl-3.1: AUTHENTICATE payloads of 400 bytes

bool hasToken(std::string_view list, std::string_view token)
{
    size_t start = 0;
    while (start <= list.size()) {
        size_t end = list.find(' ', start);
        if (end == std::string_view::npos)
            end = list.size();
        std::string_view word = list.substr(start, end - start);
        // CAP LS 302 lists "sasl=PLAIN,..."; ACK and NAK name the capability alone.
        const size_t equals = word.find('=');
        if (equals != std::string_view::npos)
            word = word.substr(0, equals);
        if (word == token)
            return true;
        start = end + 1;
    }
    return false;
}

std::string printable(std::string_view line)
{
    std::string text(line.substr(0, 160));
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20)
            c = ' ';
    }
    return text;
}

} // namespace

SaslPlainLogin::SaslPlainLogin(std::string account, std::string password)
    : m_account(std::move(account)), m_password(std::move(password))
{
}

std::string SaslPlainLogin::openingLines(const std::string& nick)
{
    return "CAP LS 302\r\nNICK " + nick + "\r\nUSER " + nick +
           " 0 * :confab loadgen login\r\nCAP REQ :sasl\r\n";
}

std::string SaslPlainLogin::base64(std::string_view bytes)
{
    static const char alphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned value = static_cast<unsigned char>(bytes[i]) << 16 |
                               static_cast<unsigned char>(bytes[i + 1]) << 8 |
                               static_cast<unsigned char>(bytes[i + 2]);
        out += alphabet[value >> 18 & 63];
        out += alphabet[value >> 12 & 63];
        out += alphabet[value >> 6 & 63];
        out += alphabet[value & 63];
    }
    if (i + 1 == bytes.size()) {
        const unsigned value = static_cast<unsigned char>(bytes[i]) << 16;
        out += alphabet[value >> 18 & 63];
        out += alphabet[value >> 12 & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        const unsigned value = static_cast<unsigned char>(bytes[i]) << 16 |
                               static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += alphabet[value >> 18 & 63];
        out += alphabet[value >> 12 & 63];
        out += alphabet[value >> 6 & 63];
        out += '=';
    }
    return out;
}

std::string SaslPlainLogin::authenticateLines(std::string_view response)
{
    const std::string encoded = base64(response);
    std::string lines;
    size_t offset = 0;
    while (offset < encoded.size()) {
        const size_t length = std::min(AuthenticateChunk, encoded.size() - offset);
        lines += "AUTHENTICATE ";
        lines.append(encoded, offset, length);
        lines += "\r\n";
        offset += length;
    }
    if (encoded.empty() || encoded.size() % AuthenticateChunk == 0)
        lines += "AUTHENTICATE +\r\n";
    return lines;
}

bool SaslPlainLogin::split(std::string_view line, std::string_view& command,
                           std::vector<std::string_view>& params)
{
    params.clear();
    auto skipWord = [&line] {
        const size_t space = line.find(' ');
        line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
        while (!line.empty() && line.front() == ' ')
            line.remove_prefix(1);
    };
    if (!line.empty() && line.front() == '@')
        skipWord();
    if (!line.empty() && line.front() == ':')
        skipWord();
    const size_t space = line.find(' ');
    command = line.substr(0, space);
    if (command.empty())
        return false;
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    while (!line.empty()) {
        if (line.front() == ' ') {
            line.remove_prefix(1);
            continue;
        }
        if (line.front() == ':') {
            params.push_back(line.substr(1));
            break;
        }
        const size_t end = line.find(' ');
        params.push_back(line.substr(0, end));
        line = end == std::string_view::npos ? std::string_view() : line.substr(end + 1);
    }
    return true;
}

SaslPlainLogin::Event SaslPlainLogin::fail(std::string why, std::string& reply)
{
    m_failure = std::move(why);
    m_step = Step::AwaitingWelcome;
    reply += "CAP END\r\n";
    return Event::Failed;
}

SaslPlainLogin::Event SaslPlainLogin::onLine(std::string_view line, std::string& reply)
{
    std::string_view command;
    std::vector<std::string_view> params;
    if (m_step == Step::Done || !split(line, command, params))
        return Event::None;
    const bool awaitingOutcome = m_step != Step::AwaitingWelcome;

    if (command == "001") {
        m_step = Step::Done;
        if (!awaitingOutcome)
            return Event::Welcomed;
        m_failure = "registered without SASL: " + printable(line);
        return Event::Failed;
    }
    if (!awaitingOutcome)
        return Event::None;

    if (command == "CAP" && params.size() >= 3) {
        const std::string_view sub = params[1];
        if (m_step == Step::AwaitingAck && sub == "ACK" && hasToken(params.back(), "sasl")) {
            m_step = Step::AwaitingChallenge;
            reply += "AUTHENTICATE PLAIN\r\n";
        } else if (m_step == Step::AwaitingAck && sub == "NAK" && hasToken(params.back(), "sasl")) {
            return fail("CAP NAK sasl", reply);
        }
        return Event::None;
    }
    if (command == "AUTHENTICATE" && m_step == Step::AwaitingChallenge && params.size() == 1 &&
        params[0] == "+") {
        m_step = Step::AwaitingOutcome;
        std::string response;
        response.reserve(m_account.size() + m_password.size() + 2);
        response += '\0'; // no authorization identity: the account itself
        response += m_account;
        response += '\0';
        response += m_password;
        reply += authenticateLines(response);
        return Event::None;
    }
    if (command == "903") {
        m_step = Step::AwaitingWelcome;
        m_succeeded = true;
        reply += "CAP END\r\n";
        return Event::Succeeded;
    }
    if (command == "902" || command == "904" || command == "905" || command == "906" ||
        command == "907" || command == "410" || command == "421")
        return fail(printable(line), reply);
    return Event::None; // 900 (logged in), 908 (mechanisms), CAP LS, NOTICE ...
}

#include "loadgenconfig.h"

#include <cstdlib>
#include <cstring>

namespace {

bool toInt(const char* text, int minimum, int& out)
{
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < minimum || value > 10'000'000)
        return false;
    out = static_cast<int>(value);
    return true;
}

bool toDouble(const char* text, double minimum, double& out)
{
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || value < minimum || value > 1e9)
        return false;
    out = value;
    return true;
}

} // namespace

namespace LoadGenOptions {

const char* workloadName(Workload workload)
{
    switch (workload) {
    case Workload::Idle:
        return "idle";
    case Workload::Fanout:
        return "fanout";
    case Workload::Private:
        return "private";
    }
    return "?";
}

std::string usage()
{
    return "Usage: confab-loadgen --workload idle|fanout|private [options]\n"
           "  --host ADDR            server address (127.0.0.1; ::1 works too)\n"
           "  --port N               server port (6667)\n"
           "  --ports P1,P2,...      several servers (cluster nodes): client i connects to\n"
           "                         P(i mod n); private pairs (2k, 2k+1) cross nodes\n"
           "  --clients N            clients to register (100)\n"
           "  --senders S            fanout: clients that send into the room (10)\n"
           "  --rate R               total msg/s offered; 0 = flat out with a window (0)\n"
           "  --duration SEC         seconds of sending (5)\n"
           "  --window W             flat out: undelivered messages allowed per sender (8)\n"
           "  --message-bytes B      PRIVMSG text length, timestamp included (64)\n"
           "  --threads T            event-loop threads in the generator (1)\n"
           "  --connect-window K     sockets connecting/registering at once (256)\n"
           "  --register-timeout SEC give up registering (or a login) after this long (60)\n"
           "  --drain-timeout SEC    stop waiting for deliveries after this long idle (5)\n"
           "  --hold SEC             idle: stay connected this long afterwards (0)\n"
           "  --join                 idle: also join the room\n"
           "  --quick-ack            set TCP_QUICKACK after every read (no delayed ACKs)\n"
           "  --line-per-write       flat out: one send() per message, as people's clients\n"
           "                         write (default: a sender's whole window in one send())\n"
           "  --server-pid PID       read the server's CPU and RSS from /proc\n"
           "  --label NAME           server name printed in the RESULT line\n"
           "  --channel NAME         room name (#bench)\n"
           "  --nick-prefix P        nick prefix (lg)\n"
           "  --verbose              progress on stderr\n"
           "  --tls                  connect with TLS (1.2 or newer, default ciphers)\n"
           "  --tls-ca FILE          verify the server's certificate against FILE (PEM);\n"
           "                         without it the certificate is not checked\n"
           "  --tls-max-fragment B   at most B bytes (512..16384) of text per TLS record\n"
           "  --login-burst N        fanout/private: N more clients log in at once (SASL)\n"
           "  --login-at SEC         when, after sending starts (1)\n"
           "  --login-prefix P       account and nick of login i: P<i> (from 0)\n"
           "  --login-password PW    the accounts' password (benchmark only; never printed)\n"
           "  --login-mechanism M    SASL mechanism; only PLAIN (PLAIN)\n"
           "  --account-prefix P     every client logs in (SASL PLAIN) as account P<i>, i from\n"
           "                         0, with --login-password; the accounts must exist\n"
           "Prints one line 'RESULT key=value ...' on stdout.\n";
}

bool parse(int argc, char** argv, LoadGenConfig& config, std::string& error)
{
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--help" || option == "-h") {
            error = usage();
            return false;
        }
        if (option == "--join") {
            config.joinInIdle = true;
            continue;
        }
        if (option == "--quick-ack") {
            config.quickAck = true;
            continue;
        }
        if (option == "--line-per-write") {
            config.linePerWrite = true;
            continue;
        }
        if (option == "--verbose") {
            config.verbose = true;
            continue;
        }
        if (option == "--tls") {
            config.tls = true;
            continue;
        }
        if (i + 1 >= argc) {
            error = "missing value for " + option;
            return false;
        }
        const char* value = argv[++i];
        bool ok = true;
        if (option == "--host")
            config.host = value;
        else if (option == "--port")
            ok = toInt(value, 1, config.port) && config.port < 65536;
        else if (option == "--ports") {
            config.ports.clear();
            const std::string list = value;
            size_t start = 0;
            ok = !list.empty();
            while (ok && start <= list.size()) {
                const size_t comma = list.find(',', start);
                const std::string part =
                    list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                int port = 0;
                ok = toInt(part.c_str(), 1, port) && port < 65536;
                config.ports.push_back(port);
                if (comma == std::string::npos)
                    break;
                start = comma + 1;
            }
            if (ok)
                config.port = config.ports.front();
        }
        else if (option == "--workload") {
            if (std::strcmp(value, "idle") == 0)
                config.workload = Workload::Idle;
            else if (std::strcmp(value, "fanout") == 0)
                config.workload = Workload::Fanout;
            else if (std::strcmp(value, "private") == 0)
                config.workload = Workload::Private;
            else
                ok = false;
        } else if (option == "--clients")
            ok = toInt(value, 1, config.clients);
        else if (option == "--senders")
            ok = toInt(value, 1, config.senders);
        else if (option == "--rate")
            ok = toDouble(value, 0.0, config.rate);
        else if (option == "--duration")
            ok = toDouble(value, 0.1, config.duration);
        else if (option == "--window")
            ok = toInt(value, 1, config.window);
        else if (option == "--message-bytes")
            ok = toInt(value, 40, config.messageBytes) && config.messageBytes <= 400;
        else if (option == "--threads")
            ok = toInt(value, 1, config.threads) && config.threads <= 64;
        else if (option == "--connect-window")
            ok = toInt(value, 1, config.connectWindow);
        else if (option == "--register-timeout")
            ok = toDouble(value, 0.1, config.registerTimeout);
        else if (option == "--drain-timeout")
            ok = toDouble(value, 0.1, config.drainTimeout);
        else if (option == "--hold")
            ok = toDouble(value, 0.0, config.hold);
        else if (option == "--server-pid")
            ok = toInt(value, 0, config.serverPid);
        else if (option == "--label")
            config.label = value;
        else if (option == "--channel")
            config.channel = value;
        else if (option == "--nick-prefix")
            config.nickPrefix = value;
        else if (option == "--tls-ca")
            config.tlsCa = value;
        else if (option == "--tls-max-fragment")
            ok = toInt(value, 512, config.tlsMaxFragment) && config.tlsMaxFragment <= 16384;
        else if (option == "--login-burst")
            ok = toInt(value, 0, config.loginBurst) && config.loginBurst <= 100000;
        else if (option == "--login-at")
            ok = toDouble(value, 0.0, config.loginAt);
        else if (option == "--login-prefix") {
            // It becomes a nick and an account name: one IRC word.
            ok = *value != '\0' && *value != ':' && std::strpbrk(value, " \r\n,") == nullptr;
            config.loginPrefix = value;
        } else if (option == "--login-password") {
            ok = *value != '\0' && std::strpbrk(value, "\r\n") == nullptr;
            if (ok)
                config.loginPassword = value;
            value = "(hidden)"; // an error message below must not show it
        } else if (option == "--account-prefix") {
            ok = *value != '\0' && *value != ':' && std::strpbrk(value, " \r\n,") == nullptr;
            config.accountPrefix = value;
        } else if (option == "--login-mechanism") {
            ok = std::strcmp(value, "PLAIN") == 0;
            config.loginMechanism = value;
        } else {
            error = "unknown option " + option + "\n" + usage();
            return false;
        }
        if (!ok) {
            error = "bad value for " + option + ": " + value;
            return false;
        }
    }
    if (config.workload == Workload::Private && config.clients % 2 != 0) {
        error = "private needs an even --clients";
        return false;
    }
    if (config.senders > config.clients)
        config.senders = config.clients;
    if (!config.tlsCa.empty() || config.tlsMaxFragment > 0)
        config.tls = true;
    if (config.loginBurst > 0) {
        if (config.workload == Workload::Idle) {
            error = "--login-burst needs traffic: --workload fanout or private";
            return false;
        }
        if (config.loginPrefix.empty() || config.loginPassword.empty()) {
            error = "--login-burst needs --login-prefix and --login-password";
            return false;
        }
        if (config.loginAt >= config.duration) {
            error = "--login-at must be before the end of sending (--duration)";
            return false;
        }
    }
    if (!config.accountPrefix.empty() && config.loginPassword.empty()) {
        error = "--account-prefix needs --login-password";
        return false;
    }
    return true;
}

} // namespace LoadGenOptions

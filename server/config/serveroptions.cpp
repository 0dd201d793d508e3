#include "config/serveroptions.h"

#include "auth/passwordhash.h"
#include "cluster/nodename.h"
#include "cluster/redisurl.h"
#include "ircvalidation.h"
#include "storage/databaselocation.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

#include <cmath>
#include <functional>
#include <limits>
#include <memory>

ServerOptions::ServerOptions()
{
    m_parser.setApplicationDescription(
        tr("Confab chat server: a small IRC server for a local network."));
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addPositionalArgument(
        QStringLiteral("account"),
        tr("Manage accounts instead of serving: confabd account add|passwd|del|list|cert-add|"
           "cert-del ... (confabd account, alone, explains)."),
        QStringLiteral("[account ...]"));
    m_parser.addPositionalArgument(
        QStringLiteral("mkpasswd"),
        tr("Print the hash of a password (read from the terminal or standard input) for an "
           "operator block of the config file."),
        QStringLiteral("[mkpasswd]"));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    m_parser.addOptions({
        {{QStringLiteral("l"), QStringLiteral("listen")},
         tr("Listen on <address> (IPv4 or IPv6; repeat for several). Default: every address."),
         tr("address")},
        {{QStringLiteral("p"), QStringLiteral("port")},
         tr("Listen on <port> (default %1).").arg(ServerDefaults::Port),
         tr("port")},
        {{QStringLiteral("c"), QStringLiteral("config")},
         tr("Read options from the ini <file>; options given here override it."),
         tr("file")},
        {QStringLiteral("server-name"),
         tr("Server name shown to clients (default %1).").arg(ServerConfig().serverName),
         tr("name")},
        {QStringLiteral("network-name"),
         tr("Network name shown to clients (default %1).").arg(ServerConfig().networkName),
         tr("name")},
        {QStringLiteral("password"), tr("Require this connection password (PASS)."),
         tr("password")},
        {QStringLiteral("motd"), tr("Send the text of <file> as message of the day."), tr("file")},
        {QStringLiteral("default-channel"),
         tr("Room every user joins on login (default %1).").arg(ServerConfig().defaultChannel),
         tr("channel")},
        {QStringLiteral("no-autojoin"), tr("Do not join users to the default room on login.")},
        {QStringLiteral("threads"),
         tr("Event-loop threads: one keeps users, rooms and TLS connections, the others read "
            "and write the plain connections; 0 means one per processor core (default %1).")
             .arg(ServerDefaults::threads()),
         tr("count")},
        {QStringLiteral("max-clients"),
         tr("Maximum simultaneous connections (default %1).").arg(ServerDefaults::MaxClients),
         tr("count")},
        {QStringLiteral("max-per-ip"),
         tr("Maximum connections from one address (default %1).")
             .arg(ServerDefaults::MaxConnectionsPerIp),
         tr("count")},
        {QStringLiteral("max-channels"),
         tr("Maximum rooms one user may join (default %1).")
             .arg(ServerDefaults::MaxChannelsPerUser),
         tr("count")},
        {QStringLiteral("nick-length"),
         tr("Maximum nickname length (default %1).").arg(ServerDefaults::NickLength), tr("chars")},
        {QStringLiteral("channel-length"),
         tr("Maximum room name length (default %1).").arg(ServerDefaults::ChannelLength),
         tr("chars")},
        {QStringLiteral("topic-length"),
         tr("Maximum topic length (default %1).").arg(ServerDefaults::TopicLength), tr("chars")},
        {QStringLiteral("away-length"),
         tr("Maximum away message length (default %1).").arg(ServerDefaults::AwayLength),
         tr("chars")},
        {QStringLiteral("kick-length"),
         tr("Maximum kick reason length (default %1).").arg(ServerDefaults::KickLength),
         tr("chars")},
        {QStringLiteral("realname-length"),
         tr("Maximum real name length (default %1).").arg(ServerDefaults::RealNameLength),
         tr("chars")},
        {QStringLiteral("max-targets"),
         tr("Maximum recipients of one message (default %1).").arg(ServerDefaults::MaxTargets),
         tr("count")},
        {QStringLiteral("monitor-limit"),
         tr("Maximum nicknames on one user's MONITOR list (default %1).")
             .arg(ServerDefaults::MonitorLimit),
         tr("count")},
        {QStringLiteral("whowas-length"),
         tr("Past nicknames remembered for WHOWAS, in all (default %1; 0: none).")
             .arg(ServerDefaults::WhowasLength),
         tr("count")},
        {QStringLiteral("ping-interval"),
         tr("Seconds of silence before the server sends PING (default %1).")
             .arg(ServerDefaults::PingIntervalMs / 1000),
         tr("seconds")},
        {QStringLiteral("ping-timeout"),
         tr("Seconds to answer a PING before being dropped (default %1).")
             .arg(ServerDefaults::PingTimeoutMs / 1000),
         tr("seconds")},
        {QStringLiteral("registration-timeout"),
         tr("Seconds to complete login before being dropped (default %1).")
             .arg(ServerDefaults::RegistrationTimeoutMs / 1000),
         tr("seconds")},
        {QStringLiteral("flood-burst"),
         tr("Lines a client may send at once (default %1).").arg(ServerDefaults::FloodBurst),
         tr("lines")},
        {QStringLiteral("flood-rate"),
         tr("Lines per second a client may send on average; 0 disables (default %1).")
             .arg(ServerDefaults::FloodRate),
         tr("lines")},
        {QStringLiteral("flood-queue"),
         tr("Lines held back from a fast client before \"Excess Flood\" (default %1).")
             .arg(ServerDefaults::FloodMaxQueuedLines),
         tr("lines")},
        {QStringLiteral("sendq"),
         tr("Bytes queued for a slow client before \"SendQ exceeded\" (default %1).")
             .arg(ServerDefaults::SendQueueBytes),
         tr("bytes")},
        {QStringLiteral("multiline-max-bytes"),
         tr("Bytes of text one multi-line message (draft/multiline) may carry (default %1).")
             .arg(ServerDefaults::MultilineMaxBytes),
         tr("bytes")},
        {QStringLiteral("multiline-max-lines"),
         tr("Lines one multi-line message (draft/multiline) may have (default %1).")
             .arg(ServerDefaults::MultilineMaxLines),
         tr("lines")},
        {QStringLiteral("data-dir"),
         tr("Keep the account database and a generated TLS certificate in <dir> (default %1).")
             .arg(defaultDataDir()),
         tr("dir")},
        {QStringLiteral("database"),
         tr("Keep accounts and history in the PostgreSQL database <url> "
            "(postgresql://user@host:port/dbname), shared by the nodes of a cluster, instead of "
            "SQLite in the data directory. A password is best left to ~/.pgpass or PGPASSWORD."),
         tr("url")},
        {QStringLiteral("cluster"),
         tr("Join the cluster whose nodes meet in the Redis server <url> (redis://host:port); "
            "needs --database, the PostgreSQL database the nodes share."),
         tr("url")},
        {QStringLiteral("node-name"),
         tr("This node's name in the cluster, unique among its nodes (default: the host name)."),
         tr("name")},
        {QStringLiteral("cluster-lease"),
         tr("Milliseconds after which a node that stopped renewing its lease is taken for "
            "dead, and its users quit (default %1).")
             .arg(ServerDefaults::ClusterLeaseMs),
         tr("ms")},
        {QStringLiteral("tls-port"),
         tr("Listen for TLS connections on <port> (default %1).").arg(ServerDefaults::TlsPort),
         tr("port")},
        {QStringLiteral("no-tls"), tr("Do not listen for TLS connections.")},
        {QStringLiteral("no-plain"), tr("Do not listen for plain-text connections (TLS only).")},
        {QStringLiteral("no-announce"),
         tr("Do not announce the server on the local network (DNS-SD over multicast DNS, "
            "through Avahi).")},
        {QStringLiteral("announce-name"),
         tr("Name the server is announced under on the local network (default: the network name, "
            "or \"Confab on <host name>\")."),
         tr("name")},
        {QStringLiteral("tls-cert"),
         tr("TLS certificate chain (PEM). Default: a self-signed one generated in the data "
            "directory."),
         tr("file")},
        {QStringLiteral("tls-key"), tr("Private key of the TLS certificate (PEM)."), tr("file")},
        {QStringLiteral("tls-handshake-timeout"),
         tr("Seconds a TLS handshake may take before the connection is cut (default %1).")
             .arg(ServerDefaults::TlsHandshakeTimeoutMs / 1000),
         tr("seconds")},
        {QStringLiteral("scram-iterations"),
         tr("PBKDF2 rounds for new and changed passwords (default %1, at least %2).")
             .arg(ServerDefaults::ScramIterations)
             .arg(ServerDefaults::MinScramIterations),
         tr("count")},
        {QStringLiteral("allow-plaintext-passwords"),
         tr("Accept passwords (SASL PLAIN, REGISTER, OPER) over unencrypted connections from other "
            "machines.")},
        {QStringLiteral("no-account-registration"),
         tr("Do not let users register accounts (REGISTER); accounts are made with \"confabd "
            "account add\".")},
        {QStringLiteral("login-failures"),
         tr("Failed logins per account and per address within the login window before further "
            "tries are refused (default %1).")
             .arg(ServerDefaults::LoginFailureLimit),
         tr("count")},
        {QStringLiteral("login-window"),
         tr("The login window, in seconds (default %1).")
             .arg(ServerDefaults::LoginFailureWindowSecs),
         tr("seconds")},
        {QStringLiteral("registrations"),
         tr("Accounts one address may register within the registration window (default %1).")
             .arg(ServerDefaults::RegistrationLimit),
         tr("count")},
        {QStringLiteral("registration-window"),
         tr("The registration window, in seconds (default %1).")
             .arg(ServerDefaults::RegistrationWindowSecs),
         tr("seconds")},
        {QStringLiteral("no-history"),
         tr("Do not store message history (no CHATHISTORY, no offline messages).")},
        {QStringLiteral("history-max-age"),
         tr("Days history is kept; 0 keeps it forever (default %1).")
             .arg(ServerDefaults::HistoryMaxAgeDays),
         tr("days")},
        {QStringLiteral("history-max-per-target"),
         tr("Messages kept per room or conversation; 0 keeps all (default %1).")
             .arg(ServerDefaults::HistoryMaxPerTarget),
         tr("count")},
        {QStringLiteral("history-max-size"),
         tr("Megabytes the database may grow to with history; beyond it new messages are "
            "relayed but not stored (default: no limit)."),
         tr("MB")},
        {QStringLiteral("history-batch"),
         tr("Messages stored in one transaction once that many wait (default %1); fewer go "
            "within %2 ms, or %3 ms on a busy server.")
             .arg(ServerDefaults::HistoryBatchRecords)
             .arg(ServerDefaults::HistoryFlushIntervalMs)
             .arg(ServerDefaults::HistoryBusyFlushIntervalMs),
         tr("count")},
        {QStringLiteral("history-backlog"),
         tr("Messages waiting to be stored before the server stops reading from clients until "
            "the store catches up (default %1).")
             .arg(ServerDefaults::HistoryBacklogRecords),
         tr("count")},
        {QStringLiteral("history-query-limit"),
         tr("Messages one CHATHISTORY request may return (default %1, at most %2).")
             .arg(ServerDefaults::HistoryQueryLimit)
             .arg(ServerDefaults::MaxHistoryQueryLimit),
         tr("count")},
        {QStringLiteral("history-queries"),
         tr("CHATHISTORY requests one client may make per minute (default %1).")
             .arg(ServerDefaults::HistoryQueriesPerMinute),
         tr("count")},
        {QStringLiteral("allow-die"), tr("Let operators stop the server with DIE.")},
        {QStringLiteral("oper-failures"),
         tr("Failed OPER attempts from one address within the OPER window before further tries "
            "are refused (default %1).")
             .arg(ServerDefaults::OperFailureLimit),
         tr("count")},
        {QStringLiteral("oper-window"),
         tr("The OPER window, in seconds (default %1).").arg(ServerDefaults::OperFailureWindowSecs),
         tr("seconds")},
        {QStringLiteral("oper-notice-interval"),
         tr("Seconds between two notices to operators about the same kind of problem (default "
            "%1).")
             .arg(ServerDefaults::OperNoticeIntervalSecs),
         tr("seconds")},
        {QStringLiteral("udp-room"),
         tr("Serve the UDP chat room on <port> of every listen address and bridge it into a "
            "room (default: off)."),
         tr("port")},
        {QStringLiteral("udp-room-channel"),
         tr("Room the UDP chat room is bridged into (default %1).")
             .arg(ServerConfig().udpRoomChannel),
         tr("channel")},
        {QStringLiteral("udp-room-max-members"),
         tr("Maximum UDP chat room members at once (default %1).")
             .arg(ServerDefaults::UdpRoomMaxMembers),
         tr("count")},
        {QStringLiteral("udp-room-timeout"),
         tr("Seconds of silence before a UDP chat room member is forgotten (default %1).")
             .arg(ServerDefaults::UdpRoomTimeoutMs / 1000),
         tr("seconds")},
        {QStringLiteral("udp-room-rate"),
         tr("Datagrams per second one address may send to the UDP chat room on average; 0 "
            "disables (default %1).")
             .arg(ServerDefaults::UdpRoomRate),
         tr("count")},
        {QStringLiteral("udp-room-burst"),
         tr("Datagrams one address may send to the UDP chat room at once (default %1).")
             .arg(ServerDefaults::UdpRoomBurst),
         tr("count")},
        {QStringLiteral("no-files"),
         tr("Do not host files and pictures (the HTTPS file host is on by default with TLS).")},
        {QStringLiteral("files-port"),
         tr("Port of the HTTPS file host on every listen address (default %1).")
             .arg(ServerDefaults::FilesPort),
         tr("port")},
        {QStringLiteral("files-url"),
         tr("Scheme, host and port clients reach the file host at, e.g. "
            "https://chat.example.org:%1 (default: the address each client connected to).")
             .arg(ServerDefaults::FilesPort),
         tr("url")},
        {QStringLiteral("file-max-size"),
         tr("Megabytes one upload may have (default %1).").arg(ServerDefaults::FileMaxMegabytes),
         tr("MB")},
        {QStringLiteral("file-quota"),
         tr("Megabytes one account's uploads may take together (default %1).")
             .arg(ServerDefaults::FileQuotaMegabytes),
         tr("MB")},
        {QStringLiteral("file-expiry"),
         tr("Days uploads are kept; 0 keeps them forever (default %1).")
             .arg(ServerDefaults::FileExpiryDays),
         tr("days")},
        {QStringLiteral("file-idle-timeout"),
         tr("Seconds a file host connection may stay silent before it is closed (default %1).")
             .arg(ServerDefaults::FileIdleTimeoutSecs),
         tr("seconds")},
        {QStringLiteral("file-upload-time"),
         tr("Seconds one upload may take before it is refused as too slow (default %1).")
             .arg(ServerDefaults::FileUploadMaxSecs),
         tr("seconds")},
        {QStringLiteral("file-max-connections"),
         tr("File host connections at once (default %1).").arg(ServerDefaults::FileMaxConnections),
         tr("count")},
        {QStringLiteral("file-max-per-ip"),
         tr("File host connections from one address at once (default %1).")
             .arg(ServerDefaults::FileMaxConnectionsPerIp),
         tr("count")},
        {QStringLiteral("log-level"),
         tr("Log level: debug, info, warning or error (default info)."), tr("level")},
        {QStringLiteral("qt-event-loop"),
         tr("Run on Qt's default event loop instead of epoll (for comparison; command line "
            "only).")},
    });
}

bool ServerOptions::wantsQtEventLoop(int argc, const char* const* argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--")
            break;
        if (argument == "--qt-event-loop" || argument == "-qt-event-loop")
            return true;
    }
    return false;
}

QString ServerOptions::versionText() const
{
    return QStringLiteral("confabd " CONFAB_VERSION);
}

QString ServerOptions::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/confabd");
}

QString ServerOptions::tryHelpText()
{
    return tr("Try 'confabd --help'.");
}

QString ServerOptions::messagePattern()
{
    return QStringLiteral("%{time yyyy-MM-ddThh:mm:ss.zzz} "
                          "%{if-debug}D%{endif}%{if-info}I%{endif}%{if-warning}W%{endif}"
                          "%{if-critical}C%{endif}%{if-fatal}F%{endif} %{category}: %{message}");
}

QString ServerOptions::filterRulesForLevel(const QString& level, bool* ok)
{
    *ok = true;
    const QString l = level.toLower();
    if (l == QLatin1String("debug"))
        return QStringLiteral("confab*.debug=true");
    if (l == QLatin1String("info"))
        return QStringLiteral("confab*.debug=false");
    if (l == QLatin1String("warning"))
        return QStringLiteral("confab*.debug=false\nconfab*.info=false");
    if (l == QLatin1String("error"))
        return QStringLiteral("confab*.debug=false\nconfab*.info=false\nconfab*.warning=false");
    *ok = false;
    return QString();
}

ServerOptions::Result ServerOptions::parse(const QStringList& arguments)
{
    m_config = ServerConfig();
    m_errorText.clear();
    if (!m_parser.parse(arguments)) {
        m_errorText = m_parser.errorText();
        return Result::Error;
    }
    if (m_parser.isSet(QStringLiteral("help")))
        return Result::HelpRequested;
    if (m_parser.isSet(QStringLiteral("version")))
        return Result::VersionRequested;
    const QStringList positional = m_parser.positionalArguments();
    m_accountArguments.clear();
    m_config.arguments = arguments;
    if (!positional.isEmpty() && positional.first() == QLatin1String("account")) {
        m_accountArguments = positional.mid(1);
    } else if (positional == QStringList{QStringLiteral("mkpasswd")}) {
    } else if (!positional.isEmpty()) {
        m_errorText = tr("Unexpected argument: %1").arg(positional.first());
        return Result::Error;
    }

    std::unique_ptr<QSettings> settings;
    if (m_parser.isSet(QStringLiteral("config"))) {
        const QString file = m_parser.value(QStringLiteral("config"));
        if (!QFileInfo(file).isReadable()) {
            m_errorText = tr("Cannot read the config file %1").arg(file);
            return Result::Error;
        }
        settings = std::make_unique<QSettings>(file, QSettings::IniFormat);
        if (settings->status() != QSettings::NoError) {
            m_errorText = tr("The config file %1 is not a valid ini file").arg(file);
            return Result::Error;
        }
        m_config.configFile = QFileInfo(file).absoluteFilePath();
        if (!readOperators(*settings, &m_config.operators, &m_errorText))
            return Result::Error;
    }
    // The command line first, then the config file.
    auto isSet = [&](const QString& name) {
        return m_parser.isSet(name) || (settings && settings->contains(name));
    };
    auto value = [&](const QString& name) {
        if (m_parser.isSet(name))
            return m_parser.value(name);
        const QVariant v = settings ? settings->value(name) : QVariant();
        return v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString();
    };
    auto fail = [&](const QString& name, const QString& text) {
        m_errorText = tr("Invalid value \"%1\" for --%2: %3").arg(value(name), name, text);
        return Result::Error;
    };

    // Listen addresses.
    if (isSet(QStringLiteral("listen"))) {
        QStringList values = m_parser.values(QStringLiteral("listen"));
        if (values.isEmpty())
            values = value(QStringLiteral("listen")).split(u',', Qt::SkipEmptyParts);
        m_config.listenAddresses.clear();
        for (QString text : values) {
            text = text.trimmed();
            if (text.startsWith(u'[') && text.endsWith(u']'))
                text = text.mid(1, text.size() - 2);
            QHostAddress address;
            if (text == QLatin1String("*") || text == QLatin1String("any"))
                address = QHostAddress(QHostAddress::Any);
            else if (text == QLatin1String("localhost"))
                address = QHostAddress(QHostAddress::LocalHost);
            else if (!address.setAddress(text)) {
                m_errorText = tr("Invalid listen address: %1").arg(text);
                return Result::Error;
            }
            m_config.listenAddresses.append(address);
        }
    }

    auto readInt = [&](const QString& name, int min, int max, int* target) {
        if (!isSet(name))
            return true;
        bool ok = false;
        const int v = value(name).trimmed().toInt(&ok);
        if (!ok || v < min || v > max) {
            fail(name, tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return false;
        }
        *target = v;
        return true;
    };
    auto readSeconds = [&](const QString& name, int* targetMs) {
        if (!isSet(name))
            return true;
        bool ok = false;
        const double v = value(name).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v <= 0 || v > 86400) {
            fail(name, tr("expected a number of seconds from 0.001 to 86400"));
            return false;
        }
        *targetMs = std::max(1, int(std::lround(v * 1000)));
        return true;
    };
    auto readText = [&](const QString& name, QString* target) {
        if (isSet(name))
            *target = value(name);
    };

    int port = m_config.port;
    if (!readInt(QStringLiteral("port"), 0, 65535, &port))
        return Result::Error;
    m_config.port = quint16(port);
    readText(QStringLiteral("server-name"), &m_config.serverName);
    readText(QStringLiteral("network-name"), &m_config.networkName);
    readText(QStringLiteral("announce-name"), &m_config.announceName);
    readText(QStringLiteral("password"), &m_config.password);
    readText(QStringLiteral("motd"), &m_config.motdFile);
    readText(QStringLiteral("default-channel"), &m_config.defaultChannel);
    if (m_config.serverName.isEmpty() || m_config.serverName.contains(u' ') ||
        !m_config.serverName.contains(u'.')) {
        return fail(QStringLiteral("server-name"),
                    tr("a server name has no spaces and at least one dot"));
    }
    if (m_config.networkName.isEmpty() || m_config.networkName.contains(u' '))
        return fail(QStringLiteral("network-name"), tr("a network name has no spaces"));
    if (!m_config.motdFile.isEmpty() && !QFileInfo(m_config.motdFile).isReadable())
        return fail(QStringLiteral("motd"), tr("the file cannot be read"));
    // A flag is on when given on the command line, or set to true/1 in the file.
    auto flag = [&](const QString& name) {
        if (m_parser.isSet(name))
            return true;
        if (!settings || !settings->contains(name))
            return false;
        const QString v = value(name).trimmed().toLower();
        return v == QLatin1String("true") || v == QLatin1String("1");
    };
    m_config.autoJoin = !flag(QStringLiteral("no-autojoin"));
    m_config.plainEnabled = !flag(QStringLiteral("no-plain"));
    m_config.tlsEnabled = !flag(QStringLiteral("no-tls"));
    m_config.allowPlaintextPasswords = flag(QStringLiteral("allow-plaintext-passwords"));
    m_config.historyEnabled = !flag(QStringLiteral("no-history"));
    m_config.announce = !flag(QStringLiteral("no-announce"));
    m_config.allowDie = flag(QStringLiteral("allow-die"));
    m_config.accountRegistration = !flag(QStringLiteral("no-account-registration"));
    if (!m_config.plainEnabled && !m_config.tlsEnabled) {
        m_errorText = tr("--no-plain and --no-tls leave nothing to listen on");
        return Result::Error;
    }
    m_config.dataDir = defaultDataDir();
    readText(QStringLiteral("data-dir"), &m_config.dataDir);
    if (m_config.dataDir.isEmpty())
        return fail(QStringLiteral("data-dir"), tr("a directory is needed"));
    readText(QStringLiteral("database"), &m_config.databaseUrl);
    if (!m_config.databaseUrl.isEmpty()) {
        const DatabaseLocation database = DatabaseLocation::fromUrl(m_config.databaseUrl);
        if (!database.error().isEmpty())
            return fail(QStringLiteral("database"), database.error());
    }
    readText(QStringLiteral("cluster"), &m_config.clusterUrl);
    if (!m_config.clusterUrl.isEmpty()) {
        const RedisUrl redis = RedisUrl::parse(m_config.clusterUrl);
        if (!redis.isValid())
            return fail(QStringLiteral("cluster"), redis.error());
        if (m_config.databaseUrl.isEmpty())
            return fail(QStringLiteral("cluster"),
                        tr("the nodes of a cluster share a PostgreSQL database: give --database"));
    }
    m_config.nodeName = QHostInfo::localHostName().left(ServerDefaults::MaxNodeNameLength);
    if (!NodeName::isValid(m_config.nodeName))
        m_config.nodeName = QStringLiteral("node");
    readText(QStringLiteral("node-name"), &m_config.nodeName);
    if (!NodeName::isValid(m_config.nodeName))
        return fail(QStringLiteral("node-name"),
                    tr("letters, digits, '-', '_' and '.' only, at most %1 of them")
                        .arg(ServerDefaults::MaxNodeNameLength));
    if (!readInt(QStringLiteral("cluster-lease"), ServerDefaults::MinClusterLeaseMs, 3600000,
                 &m_config.clusterLeaseMs))
        return Result::Error;
    readText(QStringLiteral("tls-cert"), &m_config.tlsCertFile);
    readText(QStringLiteral("tls-key"), &m_config.tlsKeyFile);
    if (m_config.tlsCertFile.isEmpty() != m_config.tlsKeyFile.isEmpty()) {
        m_errorText = tr("--tls-cert and --tls-key go together");
        return Result::Error;
    }
    if (!m_config.tlsCertFile.isEmpty() && !QFileInfo(m_config.tlsCertFile).isReadable())
        return fail(QStringLiteral("tls-cert"), tr("the file cannot be read"));
    if (!m_config.tlsKeyFile.isEmpty() && !QFileInfo(m_config.tlsKeyFile).isReadable())
        return fail(QStringLiteral("tls-key"), tr("the file cannot be read"));
    int tlsPort = m_config.tlsPort;
    if (!readInt(QStringLiteral("tls-port"), 0, 65535, &tlsPort))
        return Result::Error;
    m_config.tlsPort = quint16(tlsPort);

    int threads = m_config.threads;
    if (!readInt(QStringLiteral("threads"), 0, ServerDefaults::MaxThreads, &threads))
        return Result::Error;
    m_config.threads =
        threads == 0 ? qBound(1, QThread::idealThreadCount(), ServerDefaults::MaxThreads) : threads;

    constexpr int Max = std::numeric_limits<int>::max();
    if (!readInt(QStringLiteral("max-clients"), 1, Max, &m_config.maxClients) ||
        !readInt(QStringLiteral("max-per-ip"), 1, Max, &m_config.maxConnectionsPerIp) ||
        !readInt(QStringLiteral("max-channels"), 1, 10000, &m_config.maxChannelsPerUser) ||
        !readInt(QStringLiteral("nick-length"), 1, 200, &m_config.nickLength) ||
        !readInt(QStringLiteral("channel-length"), 2, 200, &m_config.channelLength) ||
        !readInt(QStringLiteral("topic-length"), 1, 400, &m_config.topicLength) ||
        !readInt(QStringLiteral("away-length"), 1, 400, &m_config.awayLength) ||
        !readInt(QStringLiteral("kick-length"), 1, 400, &m_config.kickLength) ||
        !readInt(QStringLiteral("realname-length"), 1, 400, &m_config.realNameLength) ||
        !readInt(QStringLiteral("max-targets"), 1, 100, &m_config.maxTargets) ||
        !readInt(QStringLiteral("monitor-limit"), 1, 10000, &m_config.monitorLimit) ||
        !readInt(QStringLiteral("whowas-length"), 0, 1000000, &m_config.whowasLength) ||
        !readSeconds(QStringLiteral("ping-interval"), &m_config.pingIntervalMs) ||
        !readSeconds(QStringLiteral("ping-timeout"), &m_config.pingTimeoutMs) ||
        !readSeconds(QStringLiteral("registration-timeout"), &m_config.registrationTimeoutMs) ||
        !readInt(QStringLiteral("flood-burst"), 1, 100000, &m_config.floodBurst) ||
        !readInt(QStringLiteral("flood-queue"), 1, 100000, &m_config.floodMaxQueuedLines) ||
        !readInt(QStringLiteral("multiline-max-bytes"), Limits::MaxLineBytes,
                 ServerDefaults::MaxMultilineBytes, &m_config.multilineMaxBytes) ||
        !readInt(QStringLiteral("multiline-max-lines"), 2, 10000, &m_config.multilineMaxLines) ||
        !readSeconds(QStringLiteral("tls-handshake-timeout"), &m_config.tlsHandshakeTimeoutMs) ||
        !readInt(QStringLiteral("scram-iterations"), ServerDefaults::MinScramIterations, 100000000,
                 &m_config.scramIterations) ||
        !readInt(QStringLiteral("login-failures"), 1, 100000, &m_config.loginFailureLimit) ||
        !readInt(QStringLiteral("login-window"), 1, 86400, &m_config.loginFailureWindowSecs) ||
        !readInt(QStringLiteral("registrations"), 1, 100000, &m_config.registrationLimit) ||
        !readInt(QStringLiteral("registration-window"), 1, 86400 * 7,
                 &m_config.registrationWindowSecs) ||
        !readInt(QStringLiteral("history-max-age"), 0, 365000, &m_config.historyMaxAgeDays) ||
        !readInt(QStringLiteral("history-max-per-target"), 0, Max, &m_config.historyMaxPerTarget) ||
        !readInt(QStringLiteral("history-query-limit"), 1, ServerDefaults::MaxHistoryQueryLimit,
                 &m_config.historyQueryLimit) ||
        !readInt(QStringLiteral("history-queries"), 1, 100000, &m_config.historyQueriesPerMinute) ||
        !readInt(QStringLiteral("oper-failures"), 1, 100000, &m_config.operFailureLimit) ||
        !readInt(QStringLiteral("oper-window"), 1, 86400, &m_config.operFailureWindowSecs) ||
        !readInt(QStringLiteral("oper-notice-interval"), 1, 86400,
                 &m_config.operNoticeIntervalSecs) ||
        !readInt(QStringLiteral("history-batch"), 100, ServerDefaults::MaxHistoryBatchRecords,
                 &m_config.historyBatchRecords) ||
        !readInt(QStringLiteral("history-backlog"), 100, ServerDefaults::MaxHistoryBacklogRecords,
                 &m_config.historyBacklogRecords)) {
        return Result::Error;
    }
    int historyMaxMb = 0;
    if (!readInt(QStringLiteral("history-max-size"), 0, 16 * 1024 * 1024, &historyMaxMb))
        return Result::Error;
    m_config.historyMaxBytes = qint64(historyMaxMb) * 1024 * 1024;
    if (isSet(QStringLiteral("flood-rate"))) {
        bool ok = false;
        const double v = value(QStringLiteral("flood-rate")).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0 || v > 1e6)
            return fail(QStringLiteral("flood-rate"), tr("expected a number from 0 to 1000000"));
        m_config.floodRate = v;
    }
    if (isSet(QStringLiteral("sendq"))) {
        bool ok = false;
        const qint64 v = value(QStringLiteral("sendq")).trimmed().toLongLong(&ok);
        if (!ok || v < 1024 || v > (qint64(1) << 34))
            return fail(QStringLiteral("sendq"), tr("expected a number of bytes of at least 1024"));
        m_config.sendQueueBytes = v;
    }
    int udpRoomPort = 0;
    if (!readInt(QStringLiteral("udp-room"), 0, 65535, &udpRoomPort) ||
        !readInt(QStringLiteral("udp-room-max-members"), 1, 100000, &m_config.udpRoomMaxMembers) ||
        !readSeconds(QStringLiteral("udp-room-timeout"), &m_config.udpRoomTimeoutMs) ||
        !readInt(QStringLiteral("udp-room-burst"), 1, 100000, &m_config.udpRoomBurst)) {
        return Result::Error;
    }
    m_config.udpRoomPort = quint16(udpRoomPort);
    if (isSet(QStringLiteral("udp-room-rate"))) {
        bool ok = false;
        const double v = value(QStringLiteral("udp-room-rate")).trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < 0 || v > 1e6)
            return fail(QStringLiteral("udp-room-rate"), tr("expected a number from 0 to 1000000"));
        m_config.udpRoomRate = v;
    }
    readText(QStringLiteral("udp-room-channel"), &m_config.udpRoomChannel);
    if (IrcValidation::checkChannel(m_config.udpRoomChannel, m_config.channelLength) !=
        IrcValidation::Reason::Valid) {
        return fail(QStringLiteral("udp-room-channel"), tr("not a valid channel name"));
    }
    m_config.filesEnabled = m_config.tlsEnabled && !flag(QStringLiteral("no-files"));
    int filesPort = m_config.filesPort;
    int fileMaxMb = ServerDefaults::FileMaxMegabytes;
    int fileQuotaMb = ServerDefaults::FileQuotaMegabytes;
    if (!readInt(QStringLiteral("files-port"), 0, 65535, &filesPort) ||
        !readInt(QStringLiteral("file-max-size"), 1, 1024 * 1024, &fileMaxMb) ||
        !readInt(QStringLiteral("file-quota"), 1, 1024 * 1024 * 1024, &fileQuotaMb) ||
        !readInt(QStringLiteral("file-expiry"), 0, 365000, &m_config.fileExpiryDays) ||
        !readInt(QStringLiteral("file-idle-timeout"), 1, 86400, &m_config.fileIdleTimeoutSecs) ||
        !readInt(QStringLiteral("file-upload-time"), 1, 86400, &m_config.fileUploadMaxSecs) ||
        !readInt(QStringLiteral("file-max-connections"), 1, 100000, &m_config.fileMaxConnections) ||
        !readInt(QStringLiteral("file-max-per-ip"), 1, 100000, &m_config.fileMaxConnectionsPerIp)) {
        return Result::Error;
    }
    m_config.filesPort = quint16(filesPort);
    m_config.fileMaxBytes = qint64(fileMaxMb) * 1024 * 1024;
    m_config.fileQuotaBytes = qint64(fileQuotaMb) * 1024 * 1024;
    readText(QStringLiteral("files-url"), &m_config.filesUrl);
    if (!m_config.filesUrl.isEmpty()) {
        const QUrl url(m_config.filesUrl, QUrl::StrictMode);
        if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() ||
            !url.path(QUrl::FullyEncoded).remove(u'/').isEmpty() || url.hasQuery()) {
            return fail(QStringLiteral("files-url"),
                        tr("expected https://host or https://host:port, without a path"));
        }
    }
    if (!m_config.defaultChannel.isEmpty() &&
        IrcValidation::checkChannel(m_config.defaultChannel, m_config.channelLength) !=
            IrcValidation::Reason::Valid) {
        return fail(QStringLiteral("default-channel"), tr("not a valid channel name"));
    }

    bool ok = true;
    m_logRules = filterRulesForLevel(QStringLiteral("info"), &ok);
    if (isSet(QStringLiteral("log-level"))) {
        m_logRules = filterRulesForLevel(value(QStringLiteral("log-level")), &ok);
        if (!ok)
            return fail(QStringLiteral("log-level"), tr("expected debug, info, warning or error"));
    }
    if (positional.value(0) == QLatin1String("mkpasswd"))
        return Result::PasswordHashCommand;
    if (!positional.isEmpty())
        return Result::AccountCommand;
    return Result::Ok;
}

bool ServerOptions::readOperators(QSettings& settings, QList<OperatorBlock>* operators,
                                  QString* error)
{
    // The names from allKeys(): childGroups() of a QSettings that has read nothing yet is empty
    // (Qt 6.4).
    QStringList names;
    const QStringList keys = settings.allKeys();
    for (const QString& key : keys) {
        const QStringList parts = key.split(u'/');
        if (parts.size() == 3 && parts.at(0) == QLatin1String("oper") &&
            !names.contains(parts.at(1))) {
            names.append(parts.at(1));
        }
    }
    settings.beginGroup(QStringLiteral("oper"));
    for (const QString& name : std::as_const(names)) {
        settings.beginGroup(name);
        OperatorBlock block;
        block.name = name;
        block.password = PasswordHash::parse(settings.value(QStringLiteral("password")).toString());
        const QVariant hosts = settings.value(QStringLiteral("hosts"));
        const QStringList masks = hosts.typeId() == QMetaType::QStringList
                                      ? hosts.toStringList()
                                      : hosts.toString().split(u',');
        for (const QString& mask : masks) {
            if (!mask.trimmed().isEmpty())
                block.hosts.append(mask.trimmed());
        }
        block.account = settings.value(QStringLiteral("account")).toString().trimmed();
        settings.endGroup();
        if (name.isEmpty() || name.contains(u' ')) {
            *error = tr("Invalid operator name \"%1\" in the config file").arg(name);
            return false;
        }
        if (!block.password.isValid()) {
            *error = tr("The operator block %1 needs a password hash made with "
                        "'confabd mkpasswd'")
                         .arg(name);
            return false;
        }
        operators->append(block);
    }
    settings.endGroup();
    return true;
}

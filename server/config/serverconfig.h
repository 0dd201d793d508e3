#pragma once

#include "config/operatorblock.h"
#include "irclimits.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

// Defaults of every server limit and timer. Documented in docs/PROTOCOL.md; each one can be
// changed with a confabd option of the same name (see ServerOptions).
namespace ServerDefaults {

constexpr quint16 Port = 6667;
constexpr int MaxClients = 1000;        // connections, registered or not
constexpr int MaxConnectionsPerIp = 32; // simultaneous connections from one address
constexpr int MaxThreads = 64;          // the most --threads may say
// Event-loop threads when neither --threads nor the config file says so. 1: everything on one
// thread. The server's socket test suites run once more with several (setThreads(), from
// CONFAB_TEST_THREADS in their environment).
int threads();
void setThreads(int threads);
constexpr int MaxChannelsPerUser = 50; // CHANLIMIT
constexpr int NickLength = Limits::DefaultNickLength;
constexpr int ChannelLength = Limits::DefaultChannelLength;
constexpr int TopicLength = Limits::DefaultTopicLength;
constexpr int AwayLength = Limits::DefaultAwayLength;
constexpr int KickLength = Limits::DefaultKickLength;
constexpr int RealNameLength = 100;    // USER and SETNAME, in characters
constexpr int MaxTargets = 4;          // comma-separated targets of PRIVMSG/NOTICE
constexpr int MonitorLimit = 100;      // entries of one user's MONITOR list
constexpr int WhowasLength = 1000;     // past nicks remembered for WHOWAS, in all
constexpr int PingIntervalMs = 120000; // idle time before the server sends PING
constexpr int PingTimeoutMs = 60000;   // time to answer before "Ping timeout"
constexpr int RegistrationTimeoutMs = 60000;
constexpr int FloodBurst = 20;                 // token bucket size, in lines
constexpr double FloodRate = 5.0;              // tokens (lines) refilled per second
constexpr int FloodMaxQueuedLines = 50;        // lines waiting for tokens before "Excess Flood"
constexpr qint64 SendQueueBytes = 1024 * 1024; // unsent bytes before "SendQ exceeded"
// draft/multiline: one pasted message of several lines, as a client batch.
constexpr int MultilineMaxBytes = 4096;  // its text, lines joined by LF (the cap's max-bytes)
constexpr int MultilineMaxLines = 100;   // its lines (the cap's max-lines)
constexpr int MaxMultilineBytes = 65536; // the most --multiline-max-bytes may say
constexpr int MultilineFloodBytes = 512; // a batch costs one line of flood allowance per
                                         // started this many bytes of text

// TLS.
constexpr quint16 TlsPort = 6697;
constexpr int TlsHandshakeTimeoutMs = 10000; // a TLS handshake not done by then is cut

// Accounts.
// PBKDF2-HMAC-SHA256 rounds for SCRAM-SHA-256 keys: the OWASP Password Storage Cheat Sheet
// recommendation for PBKDF2-HMAC-SHA256.
constexpr int ScramIterations = 600000;
constexpr int MinScramIterations = 4096;    // RFC 7677's minimum for SCRAM-SHA-256
constexpr int LoginFailureLimit = 5;        // failed logins per account, and per address...
constexpr int LoginFailureWindowSecs = 60;  // ...within this window, before 904 without trying
constexpr int LoginFailureDelayMs = 1000;   // a failed login's 904 is sent this much later
constexpr int RegistrationLimit = 3;        // accounts registered from one address...
constexpr int RegistrationWindowSecs = 600; // ...within this window
constexpr int MinPasswordLength = 8;        // characters
constexpr int MaxPasswordBytes = 300;       // account-registration's advice
constexpr int MaxSaslResponseBytes = 8192;  // one SASL response, after base64 decoding

// History (stored in the data directory's database).
constexpr int HistoryMaxAgeDays = 365;           // records older than this are deleted; 0: never
constexpr int HistoryMaxPerTarget = 100000;      // records kept per room or conversation; 0: all
constexpr int HistoryPruneIntervalMs = 60000;    // how often the limits above are applied
constexpr int HistoryQueryLimit = 100;           // messages per CHATHISTORY request (CHATHISTORY=)
constexpr int MaxHistoryQueryLimit = 1000;       // the most --history-query-limit may say
constexpr int HistoryQueriesPerMinute = 60;      // CHATHISTORY requests per client per minute
constexpr int HistoryFlushIntervalMs = 20;       // the longest records wait for a transaction
constexpr int HistoryBusyFlushIntervalMs = 100;  // ... on a busy server (HistoryService)
constexpr int HistoryBatchRecords = 65536;       // records per history transaction under load
constexpr int MaxHistoryBatchRecords = 500000;   // the most --history-batch may say
// Records waiting to be written before the server stops reading from clients: room for the
// batch being written, one waiting behind it and the one being collected.
constexpr int HistoryBacklogRecords = 4 * HistoryBatchRecords;
constexpr int MaxHistoryBacklogRecords = 500000; // the most --history-backlog may say

// Operators.
constexpr int OperFailureLimit = 3;        // failed OPER attempts per address...
constexpr int OperFailureWindowSecs = 300; // ...within this window, before 464 without trying
constexpr int OperNoticeIntervalSecs = 60; // the same kind of problem told to operators at most
                                           // once per this interval
constexpr int StatsMaxLines = 200;         // lines of one STATS list before "... more"

// The UDP room (docs/UDP-ROOM.md): the seed's UDP chat protocol, bridged into a room.
constexpr int UdpRoomMaxDatagramBytes = 1024; // the original client and server read 1024 bytes
constexpr int UdpRoomMaxMembers = 64;         // live UDP clients at once
constexpr int UdpRoomTimeoutMs = 10000;       // a client silent this long is forgotten
constexpr double UdpRoomRate = 5.0;           // datagrams per second from one address...
constexpr int UdpRoomBurst = 10;              // ...after a burst of this many
constexpr int UdpRoomMaxSources = 4096;       // addresses whose rate is tracked at once

// Files and pictures (docs/FILES.md): uploads over HTTPS, with the TLS port's certificate.
constexpr quint16 FilesPort = 6680;
constexpr int FileMaxMegabytes = 100;        // one upload
constexpr int FileQuotaMegabytes = 1024;     // what one account's uploads may take together
constexpr int FileExpiryDays = 30;           // uploads older than this are deleted; 0: never
constexpr int FileIdleTimeoutSecs = 30;      // an HTTP connection silent this long is closed
constexpr int FileUploadMaxSecs = 600;       // an upload still unfinished then gets 408
constexpr int FileMaxConnections = 256;      // HTTP connections at once
constexpr int FileMaxConnectionsPerIp = 16;  // ...from one address
constexpr int FileExpiryIntervalMs = 600000; // how often expired uploads are looked for
// The cluster (docs/SCALING.md): a node that has not renewed its lease in Redis for this long is
// taken for dead, its users quit on the other nodes and their names are freed. The others look
// four times per lease, so they notice within 1.25 leases of the last renewal: 10 s.
constexpr int ClusterLeaseMs = 8000;
constexpr int MinClusterLeaseMs = 1000;
constexpr int MaxNodeNameLength = 32;

} // namespace ServerDefaults

// Everything the server needs to know to run; filled by ServerOptions from the command line and
// an optional ini file, or built directly by tests.
struct ServerConfig
{
    QList<QHostAddress> listenAddresses{QHostAddress::Any}; // Any is dual-stack IPv4 + IPv6
    quint16 port = ServerDefaults::Port;                    // 0 = ephemeral (tests)
    QString serverName = QStringLiteral("confab.local");
    QString networkName = QStringLiteral("Confab");
    QString password; // empty = none
    QString motdFile; // empty = no MOTD (422)
    QString defaultChannel = QStringLiteral("#lobby");
    bool autoJoin = true;

    // Event-loop threads: the core thread (users, rooms, sessions, TLS) and threads - 1 I/O
    // threads that read and write the plain connections.
    int threads = ServerDefaults::threads();
    int maxClients = ServerDefaults::MaxClients;
    int maxConnectionsPerIp = ServerDefaults::MaxConnectionsPerIp;
    int maxChannelsPerUser = ServerDefaults::MaxChannelsPerUser;
    int nickLength = ServerDefaults::NickLength;
    int channelLength = ServerDefaults::ChannelLength;
    int topicLength = ServerDefaults::TopicLength;
    int awayLength = ServerDefaults::AwayLength;
    int kickLength = ServerDefaults::KickLength;
    int realNameLength = ServerDefaults::RealNameLength;
    int maxTargets = ServerDefaults::MaxTargets;
    int monitorLimit = ServerDefaults::MonitorLimit;
    int whowasLength = ServerDefaults::WhowasLength;
    int pingIntervalMs = ServerDefaults::PingIntervalMs;
    int pingTimeoutMs = ServerDefaults::PingTimeoutMs;
    int registrationTimeoutMs = ServerDefaults::RegistrationTimeoutMs;
    int floodBurst = ServerDefaults::FloodBurst;
    double floodRate = ServerDefaults::FloodRate; // <= 0 disables flood control
    int floodMaxQueuedLines = ServerDefaults::FloodMaxQueuedLines;
    qint64 sendQueueBytes = ServerDefaults::SendQueueBytes;
    int multilineMaxBytes = ServerDefaults::MultilineMaxBytes; // REHASH reads it again
    int multilineMaxLines = ServerDefaults::MultilineMaxLines; // REHASH reads it again

    // Where the account database, the lock file and a generated TLS certificate live. Empty:
    // no accounts (the core alone, in tests); confabd always sets one.
    QString dataDir;
    // Accounts and history in this PostgreSQL database (postgresql://...) rather than SQLite in
    // dataDir: the database a cluster's nodes share. Empty: SQLite.
    QString databaseUrl;
    // The cluster: several nodes sharing one network over Redis (redis://host:port) and the
    // PostgreSQL database above. Empty: a node alone.
    QString clusterUrl;
    // This node's name in the cluster, unique among its nodes (the host name by default).
    QString nodeName;
    int clusterLeaseMs = ServerDefaults::ClusterLeaseMs;

    // TLS. Off unless set (confabd turns it on by default, on TlsPort).
    bool plainEnabled = true; // the plain-text port
    bool tlsEnabled = false;
    quint16 tlsPort = ServerDefaults::TlsPort; // 0 = ephemeral (tests)
    QString tlsCertFile;                       // PEM; empty: generated into dataDir on first start
    QString tlsKeyFile;
    int tlsHandshakeTimeoutMs = ServerDefaults::TlsHandshakeTimeoutMs;

    // The LAN announcement (DNS-SD over mDNS through Avahi, docs/LAN-DISCOVERY.md). Off unless
    // set (confabd turns it on unless --no-announce), so that tests and embedders stay quiet.
    bool announce = false;
    QString announceName; // empty: the network name, or "Confab on <host name>"

    // Accounts.
    int scramIterations = ServerDefaults::ScramIterations;
    bool allowPlaintextPasswords = false; // PLAIN and REGISTER over plain text off loopback
    int loginFailureLimit = ServerDefaults::LoginFailureLimit;
    int loginFailureWindowSecs = ServerDefaults::LoginFailureWindowSecs;
    int loginFailureDelayMs = ServerDefaults::LoginFailureDelayMs;
    int registrationLimit = ServerDefaults::RegistrationLimit;
    int registrationWindowSecs = ServerDefaults::RegistrationWindowSecs;
    bool accountRegistration = true; // REGISTER open to users (REHASH reads it again)
    // History: on whenever there is a data directory, unless turned off.
    bool historyEnabled = true;
    int historyMaxAgeDays = ServerDefaults::HistoryMaxAgeDays;
    int historyMaxPerTarget = ServerDefaults::HistoryMaxPerTarget;
    int historyPruneIntervalMs = ServerDefaults::HistoryPruneIntervalMs;
    int historyQueryLimit = ServerDefaults::HistoryQueryLimit;
    int historyQueriesPerMinute = ServerDefaults::HistoryQueriesPerMinute;
    int historyBatchRecords = ServerDefaults::HistoryBatchRecords;
    int historyBacklogRecords = ServerDefaults::HistoryBacklogRecords;
    qint64 historyMaxBytes = 0; // the database file's size limit for history writes; 0: none

    // The command line confabd was started with (program name first), so that REHASH and SIGHUP
    // can read the options again; empty when the config was built directly (tests).
    QStringList arguments;

    // Operators: the blocks of the config file (none: OPER always fails with 491).
    QString configFile; // the ini file they were read from (382 RPL_REHASHING names it)
    QList<OperatorBlock> operators;
    bool allowDie = false; // whether DIE is honoured
    int operFailureLimit = ServerDefaults::OperFailureLimit;
    int operFailureWindowSecs = ServerDefaults::OperFailureWindowSecs;
    int operNoticeIntervalSecs = ServerDefaults::OperNoticeIntervalSecs;

    // The UDP room: the seed's UDP chat on this port of every listen address, bridged into
    // udpRoomChannel. 0: off.
    quint16 udpRoomPort = 0;
    QString udpRoomChannel = QStringLiteral("#lobby");
    int udpRoomMaxMembers = ServerDefaults::UdpRoomMaxMembers;
    int udpRoomTimeoutMs = ServerDefaults::UdpRoomTimeoutMs;
    double udpRoomRate = ServerDefaults::UdpRoomRate; // <= 0: no rate limit
    int udpRoomBurst = ServerDefaults::UdpRoomBurst;

    // Files and pictures: an HTTPS file host on filesPort of every listen address, advertised to
    // clients with the soju.im/FILEHOST ISUPPORT token. Off unless set (confabd turns it on with
    // TLS); it needs TLS and a data directory.
    bool filesEnabled = false;
    quint16 filesPort = ServerDefaults::FilesPort; // 0 = ephemeral (tests)
    // The upload URL's scheme, host and port as clients should reach them
    // ("https://chat.example.org:6680"); empty: the address each client connected to.
    QString filesUrl;
    qint64 fileMaxBytes = qint64(ServerDefaults::FileMaxMegabytes) * 1024 * 1024;
    qint64 fileQuotaBytes = qint64(ServerDefaults::FileQuotaMegabytes) * 1024 * 1024;
    int fileExpiryDays = ServerDefaults::FileExpiryDays;
    int fileIdleTimeoutSecs = ServerDefaults::FileIdleTimeoutSecs;
    int fileUploadMaxSecs = ServerDefaults::FileUploadMaxSecs;
    int fileMaxConnections = ServerDefaults::FileMaxConnections;
    int fileMaxConnectionsPerIp = ServerDefaults::FileMaxConnectionsPerIp;
    int fileExpiryIntervalMs = ServerDefaults::FileExpiryIntervalMs;
};

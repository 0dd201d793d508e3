#pragma once

#include "auth/loginthrottle.h"
#include "auth/saslconversations.h"
#include "config/motd.h"
#include "config/serverconfig.h"
#include "core/commandtable.h"
#include "irccasemapping.h"
#include "ircmessage.h"
#include "ircreply.h"
#include "net/connectioninfo.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/monitorregistry.h"
#include "state/multilinebatch.h"
#include "state/userregistry.h"
#include "state/whowashistory.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class AuthService;
class ClusterBridge;
class LabeledResponse;
class FileHost;
class HistoryService;
class ClientConnection;
class ServerUser;

// The socket-free heart of the server: it owns the users and channels, the dispatch table and
// the router, and runs each parsed line through the command that handles it (commands/).
// Connections are seen only through ClientConnection (send/close), so the whole core runs in
// unit tests without sockets.
class ServerCore : public QObject
{
    Q_OBJECT

public:
    explicit ServerCore(const ServerConfig& config, QObject* parent = nullptr);
    ~ServerCore() override;

    const ServerConfig& config() const { return m_config; }
    const IrcCaseMapping& caseMapping() const { return m_caseMapping; }

    // A new connection.
    void addConnection(ClientConnection* connection, const ConnectionInfo& info);
    // A plain-text connection from host (shown in nick!user@host).
    void addConnection(ClientConnection* connection, const QString& host);
    // One parsed line from the connection.
    void handleMessage(ClientConnection* connection, const IrcMessage& message);
    // The connection sent a line longer than the limits: answers 417.
    void handleInputTooLong(ClientConnection* connection);
    // The connection is gone (EOF, error, timeout, flood...): the user is removed, its nick
    // freed and others see a QUIT with the reason. Safe to call twice.
    void removeConnection(ClientConnection* connection, const QString& reason);
    // Closes every connection with the reason, without QUIT announcements.
    void closeAll(const QString& reason);
    // Reads the MOTD file again (SIGHUP); false if it cannot be read (the old text stays).
    bool reloadMotd();

    int connectionCount() const { return m_users.connectionCount(); }
    int userCount() const { return m_users.registeredCount(); }
    int channelCount() const { return m_channels.count(); }
    bool isRegistered(ClientConnection* connection) const;

    // Accounts: without an AuthService (tests of the core alone) there are none, and SASL and
    // REGISTER are not offered. Not owned.
    void setAuthService(AuthService* auth) { m_auth = auth; }
    AuthService* auth() const { return m_auth; }
    // History: without a HistoryService nothing is stored. Not owned.
    void setHistory(HistoryService* history) { m_history = history; }
    // The file host, advertised in ISUPPORT (soju.im/FILEHOST); nullptr when there is none.
    void setFileHost(const FileHost* files) { m_files = files; }
    const FileHost* fileHost() const { return m_files; }
    HistoryService* history() const { return m_history; }
    // The cluster (docs/SCALING.md): told of what this node's users do, so that the other
    // nodes learn it. nullptr for a node alone. Not owned.
    void setCluster(ClusterBridge* cluster) { m_cluster = cluster; }
    ClusterBridge* cluster() const { return m_cluster; }

    // For the commands.
    UserRegistry& users() { return m_users; }
    ChannelRegistry& channels() { return m_channels; }
    MonitorRegistry& monitors() { return m_monitors; }
    const WhowasHistory& whowas() const { return m_whowas; }
    MessageRouter& router() { return m_router; }
    const Motd& motd() const { return m_motd; }
    const QString& createdText() const { return m_createdText; }
    SaslConversations& saslConversations() { return m_sasl; }
    // REGISTER attempts per address, and the users whose registration is with the worker.
    LoginThrottle& registrationThrottle() { return m_registrationThrottle; }
    QSet<UserId>& pendingRegistrations() { return m_pendingRegistrations; }
    // CHATHISTORY requests per user (the key is the user id).
    LoginThrottle& historyThrottle() { return m_historyThrottle; }
    // Failed OPER attempts per address.
    LoginThrottle& operThrottle() { return m_operThrottle; }
    // What REHASH and SIGHUP read again: the operator blocks, account registration and the
    // multiline limits are taken from fresh; clients with cap-notify are told of capabilities
    // that come, go or change (CAP NEW/DEL).
    void reconfigure(const ServerConfig& fresh);
    // When the core was made (STATS u).
    qint64 startedSecs() const { return m_startedSecs; }
    // Whether a password may travel over the user's current connection: TLS, this machine, or
    // --allow-plaintext-passwords (SASL PLAIN, REGISTER, OPER).
    bool passwordsAllowed(const ServerUser* user) const;
    // Whether the folded nick is an account's name that this user is not logged in to.
    bool isReservedFromUser(const QString& foldedNick, const ServerUser* user) const;

    // A numeric reply to the user, from the server.
    void reply(ServerUser* user, const IrcNumericReply& reply);
    // The reply to every session of the user (a notification, not an answer to a command).
    void replyToAllSessions(ServerUser* user, const IrcNumericReply& reply);
    // A line from the server (its name as the source) to the user.
    void sendFromServer(ServerUser* user, IrcMessage message);
    // An IRCv3 standard reply "FAIL <command> <code> [<context>...] :<description>" from the
    // server. Context echoed from the client that could not be sent as a parameter (empty,
    // spaces, a leading ':', too long for the line) is shown as "*".
    void sendFail(ServerUser* user, const QString& command, const QString& code,
                  const QStringList& context, const QString& description);
    // The user leaves: others who share a channel see QUIT with the reason (if it was
    // registered), it leaves every channel and is forgotten. Its connection is left alone.
    // given: the QUIT as another node accepted it (the user is a ghost, RemoteEvents).
    void quit(ServerUser* user, const QString& reason, RelayLine* given = nullptr);
    // The user's nick becomes nick; once registered, it and those sharing a channel see NICK
    // (given: as another node accepted it).
    void changeNick(ServerUser* user, const QString& nick, RelayLine* given = nullptr);
    // Forgets the user's SASL exchange, if any, and tells the auth worker to drop it.
    void endSaslExchange(ServerUser* user);
    // The user's nick as it is now goes into the WHOWAS history (it quits or changes it).
    void rememberNick(const ServerUser* user);
    // A command answered later (by another thread, or a batch when it closes): the user whose
    // session asked, made current so that the answer goes to that session; nullptr if the
    // user or the session is gone.
    ServerUser* findAsker(UserId id, const ClientConnection* session);
    // Runs answer for the user's current session; with a label (labeled-response), what it
    // sends that session is collected and sent labeled, or an ACK if nothing. answer gets the
    // collector (nullptr without a label).
    void answerLabeled(ServerUser* user, const QString& label,
                       const std::function<void(LabeledResponse*)>& answer);
    // The draft/multiline batch the session is sending (nullptr: none). Opening and closing it
    // tell the session (ClientConnection::setBatchOpen: its lines skip flood control).
    MultilineBatch* openBatch(const ClientConnection* session);
    void setOpenBatch(ClientConnection* session, const MultilineBatch& batch);
    void closeBatch(ClientConnection* session);
    // A new IRCv3 batch id, unique in this process.
    QString nextBatchId();
    // The lines (wire form) to the user in a batch of the type, its opening line labeled when
    // label is not empty; without the batch cap, the lines alone.
    void sendBatch(ServerUser* user, const QString& label, const QString& type,
                   const QStringList& params, const QList<QByteArray>& lines);
    // quit(), then the connection gets ERROR with the reason and is closed. For a user with
    // several sessions, only the current one is closed and the user stays.
    void disconnect(ServerUser* user, const QString& reason);
    // Told by the registration commands once a user has completed registration.
    void announceRegistered(ServerUser* user);
    // KILL: the user quits with the reason and every one of its sessions is closed.
    void kill(ServerUser* user, const QString& reason);

    // A server notice ":<server> NOTICE <nick> :*** <text>" to every session of every operator
    // (user mode +o). For problems the operators should know about. In a cluster the operators
    // of the other nodes get it too, as "[<node>] <text>".
    void noticeOperators(const QString& text);
    // The same, to this node's operators only.
    void noticeLocalOperators(const QString& text);
    // noticeOperators(), at most once per operNoticeIntervalSecs for each kind of problem (a
    // disk that is full fails every write); false when it was held back.
    bool reportProblem(const QString& kind, const QString& text);

signals:
    void userRegistered(const QString& nick);
    // An operator asked for REHASH (the Server reloads what SIGHUP reloads).
    void rehashRequested();
    // An operator asked for DIE, and the configuration allows it.
    void dieRequested(const QString& reason);

private:
    ServerConfig m_config;
    IrcCaseMapping m_caseMapping;
    Motd m_motd;
    QString m_createdText;
    CommandTable m_commands;
    UserRegistry m_users;
    ChannelRegistry m_channels;
    MonitorRegistry m_monitors;
    WhowasHistory m_whowas;
    MessageRouter m_router;
    AuthService* m_auth = nullptr;
    HistoryService* m_history = nullptr;
    ClusterBridge* m_cluster = nullptr;
    const FileHost* m_files = nullptr;
    SaslConversations m_sasl;
    LoginThrottle m_registrationThrottle;
    LoginThrottle m_historyThrottle;
    LoginThrottle m_operThrottle;
    QHash<QString, qint64> m_lastProblemNoticeMs; // kind -> when it was last told
    qint64 m_startedSecs;
    QSet<UserId> m_pendingRegistrations;
    QHash<const ClientConnection*, MultilineBatch> m_openBatches;
    quint64 m_lastBatchId = 0;
};

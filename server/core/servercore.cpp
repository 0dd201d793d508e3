#include "core/servercore.h"

#include "auth/authservice.h"
#include "cluster/clusterbridge.h"
#include "commands/accountcommands.h"
#include "commands/batchcommands.h"
#include "commands/capabilitycommands.h"
#include "commands/channelcommands.h"
#include "commands/historycommands.h"
#include "commands/infocommands.h"
#include "commands/messagingcommands.h"
#include "commands/modecommands.h"
#include "commands/monitorcommands.h"
#include "commands/opercommands.h"
#include "commands/querycommands.h"
#include "commands/readmarkercommands.h"
#include "commands/registrationcommands.h"
#include "commands/saslcommands.h"
#include "commands/statscommands.h"
#include "commands/usercommands.h"
#include "core/clock.h"
#include "core/commandcontext.h"
#include "core/labeledresponse.h"
#include "irccommand.h"
#include "irclimits.h"
#include "ircnumerics.h"
#include "net/clientconnection.h"
#include "serverlogging.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QDateTime>

#include <optional>

namespace {

// Client text echoed in a reply longer than this may be shown as "*" when the line is too short
// for it (only the last parameter of a line can be shortened).
constexpr qsizetype MaxEchoedChars = Limits::MaxLineBytes / 8;

// Whether client text can stand as a middle parameter of a reply: not empty, no spaces, no
// leading ':' (the client may have sent it as a trailing parameter).
bool isMiddleParam(const QString& param)
{
    return !param.isEmpty() && !param.startsWith(u':') && !param.contains(u' ');
}

} // namespace

ServerCore::ServerCore(const ServerConfig& config, QObject* parent)
    : QObject(parent), m_config(config),
      m_createdText(QDateTime::currentDateTimeUtc().toString(Qt::RFC2822Date)),
      m_users(m_caseMapping), m_channels(m_caseMapping), m_whowas(config.whowasLength),
      m_registrationThrottle(config.registrationLimit,
                             qint64(config.registrationWindowSecs) * 1000),
      m_historyThrottle(config.historyQueriesPerMinute, 60 * 1000),
      m_operThrottle(config.operFailureLimit, qint64(config.operFailureWindowSecs) * 1000),
      m_startedSecs(Clock::nowSecs())
{
    reloadMotd();
    RegistrationCommands::addTo(m_commands);
    CapabilityCommands::addTo(m_commands);
    MessagingCommands::addTo(m_commands);
    ChannelCommands::addTo(m_commands);
    ModeCommands::addTo(m_commands);
    QueryCommands::addTo(m_commands);
    InfoCommands::addTo(m_commands);
    UserCommands::addTo(m_commands);
    SaslCommands::addTo(m_commands);
    AccountCommands::addTo(m_commands);
    HistoryCommands::addTo(m_commands);
    ReadMarkerCommands::addTo(m_commands);
    MonitorCommands::addTo(m_commands);
    OperCommands::addTo(m_commands);
    StatsCommands::addTo(m_commands);
    BatchCommands::addTo(m_commands);
}

ServerCore::~ServerCore() = default;

bool ServerCore::reloadMotd()
{
    if (m_motd.load(m_config.motdFile))
        return true;
    qCWarning(lcCore) << "cannot read MOTD file" << m_config.motdFile << ':'
                      << m_motd.errorString();
    return false;
}

void ServerCore::addConnection(ClientConnection* connection, const ConnectionInfo& info)
{
    ServerUser* user = m_users.add(connection, info.host);
    user->setConnection(info.secure, info.loopback, info.certificateFingerprint);
}

void ServerCore::addConnection(ClientConnection* connection, const QString& host)
{
    ConnectionInfo info;
    info.host = host;
    addConnection(connection, info);
}

bool ServerCore::isRegistered(ClientConnection* connection) const
{
    const ServerUser* user = m_users.find(connection);
    return user && user->isRegistered();
}

void ServerCore::handleMessage(ClientConnection* connection, const IrcMessage& message)
{
    ServerUser* user = m_users.find(connection);
    if (!user) {
        if (m_cluster) // a device whose session is on another node
            m_cluster->forwardInput(connection, message);
        return;
    }
    user->setCurrentSession(connection);
    const QString& name = message.command();
    const CommandTable::Entry* command = m_commands.find(name);
    if (!command) {
        reply(user,
              user->isRegistered() ? IrcReply::unknownCommand(name) : IrcReply::notRegistered());
        return;
    }
    if (command->access == CommandTable::Access::Registered && !user->isRegistered()) {
        reply(user, IrcReply::notRegistered());
        return;
    }
    if (message.paramCount() < command->minParams) {
        reply(user, IrcReply::needMoreParams(name));
        return;
    }
    // A line of a draft/multiline batch the client is sending.
    if (!message.tags().isEmpty() && name != QLatin1String("BATCH") &&
        message.hasTag(QStringLiteral("batch"))) {
        BatchCommands::collect(*this, user, message);
        return;
    }
    const QString label =
        user->hasCap(ClientCap::LabeledResponse) ? message.tag(QStringLiteral("label")) : QString();
    if (label.isEmpty()) { // most commands: no std::function on the way
        CommandContext context(*this, user, message);
        command->handler(context);
        return;
    }
    answerLabeled(user, label, [this, user, &message, command](LabeledResponse* response) {
        CommandContext context(*this, user, message, response);
        command->handler(context);
    });
}

ServerUser* ServerCore::findAsker(UserId id, const ClientConnection* session)
{
    ServerUser* user = m_users.findById(id);
    if (!user || !user->hasSession(session))
        return nullptr;
    user->setCurrentSession(session);
    return user;
}

void ServerCore::answerLabeled(ServerUser* user, const QString& label,
                               const std::function<void(LabeledResponse*)>& answer)
{
    if (label.isEmpty()) {
        answer(nullptr);
        return;
    }
    // The answer goes to the asking session labeled (IRCv3 labeled-response).
    LabeledResponse response(user->connection(), label, user->hasCap(ClientCap::Batch));
    const UserId id = user->id();
    user->setOutput(&response);
    answer(&response);
    if (ServerUser* stillHere = m_users.findById(id))
        stillHere->setOutput(nullptr);
    response.finish(m_config.serverName, [this] { return nextBatchId(); });
}

bool ServerCore::passwordsAllowed(const ServerUser* user) const
{
    return user->isSecure() || user->isLoopback() || m_config.allowPlaintextPasswords;
}

MultilineBatch* ServerCore::openBatch(const ClientConnection* session)
{
    const auto it = m_openBatches.find(session);
    return it == m_openBatches.end() ? nullptr : &it.value();
}

void ServerCore::setOpenBatch(ClientConnection* session, const MultilineBatch& batch)
{
    m_openBatches.insert(session, batch);
    session->setBatchOpen(true);
}

void ServerCore::closeBatch(ClientConnection* session)
{
    m_openBatches.remove(session);
    session->setBatchOpen(false);
}

void ServerCore::reconfigure(const ServerConfig& fresh)
{
    CapabilityCommands::announceChanges(*this, [this, &fresh] {
        m_config.operators = fresh.operators;
        m_config.accountRegistration = fresh.accountRegistration;
        m_config.multilineMaxBytes = fresh.multilineMaxBytes;
        m_config.multilineMaxLines = fresh.multilineMaxLines;
    });
}

QString ServerCore::nextBatchId()
{
    return QString::number(++m_lastBatchId, 36);
}

void ServerCore::sendBatch(ServerUser* user, const QString& label, const QString& type,
                           const QStringList& params, const QList<QByteArray>& lines)
{
    ClientConnection* out = user->output();
    if (!user->hasCap(ClientCap::Batch)) {
        for (const QByteArray& line : lines)
            out->sendWire(line);
        return;
    }
    const QString id = nextBatchId();
    IrcMessage start = IrcCommand::batchStart(id, type, params);
    start.setSource(m_config.serverName);
    if (!label.isEmpty())
        start.setTag(QStringLiteral("label"), label);
    out->send(start);
    const QList<IrcTag> batch{{QStringLiteral("batch"), id}};
    for (const QByteArray& line : lines)
        out->sendWire(IrcMessage::prependTags(line, batch));
    IrcMessage end = IrcCommand::batchEnd(id);
    end.setSource(m_config.serverName);
    out->send(end);
}

void ServerCore::handleInputTooLong(ClientConnection* connection)
{
    if (ServerUser* user = m_users.find(connection)) {
        user->setCurrentSession(connection);
        reply(user, IrcReply::inputTooLong());
    }
}

void ServerCore::removeConnection(ClientConnection* connection, const QString& reason)
{
    m_openBatches.remove(connection);
    ServerUser* user = m_users.find(connection);
    if (!user) {
        if (m_cluster)
            m_cluster->connectionClosed(connection, reason);
        return;
    }
    if (user->sessionCount() > 1) {
        // One device of several goes: the others stay, and nobody else notices.
        qCInfo(lcCore).noquote() << "session closed:" << user->source() << '(' + reason + ')'
                                 << user->sessionCount() - 1 << "left";
        m_users.detachSession(user, connection);
        return;
    }
    quit(user, reason);
}

void ServerCore::quit(ServerUser* user, const QString& reason, RelayLine* given)
{
    if (user->isRegistered()) {
        qCInfo(lcCore).noquote() << "quit:" << user->source() << '(' + reason + ')';
        RelayLine line = given ? *given : m_router.accept(user, IrcCommand::quit(reason));
        m_router.toNeighbours(user, line, false);
        if (!user->isRemote())
            HistoryCommands::recordUserEvent(*this, user, line);
        if (m_cluster)
            m_cluster->userLeft(user, &line);
        rememberNick(user);
    } else if (m_cluster) {
        m_cluster->userLeft(user, nullptr);
    }
    const QList<ServerChannel*> channels = user->channels();
    for (ServerChannel* channel : channels)
        m_channels.leave(channel, user);
    endSaslExchange(user);
    if (!m_openBatches.isEmpty()) {
        user->forEachSession([this](ClientConnection* session, int, ClientConnection*) {
            m_openBatches.remove(session);
        });
    }
    m_pendingRegistrations.remove(user->id());
    MonitorCommands::notifyQuit(*this, user);
    m_users.remove(user);
}

void ServerCore::changeNick(ServerUser* user, const QString& nick, RelayLine* given)
{
    const QString oldNick = user->nick();
    const QString oldFolded = user->foldedNick();
    std::optional<RelayLine> line;
    if (user->isRegistered()) {
        line = given ? *given : m_router.accept(user, IrcCommand::nick(nick));
        m_router.toNeighbours(user, *line, true);
        if (!user->isRemote())
            HistoryCommands::recordUserEvent(*this, user, *line);
        qCInfo(lcCore).noquote() << "nick change:" << user->nick() << "->" << nick;
        rememberNick(user);
    }
    m_users.setNick(user, nick);
    if (m_cluster)
        m_cluster->nickChanged(user, oldFolded, line ? &*line : nullptr);
    MonitorCommands::notifyNickChanged(*this, user, oldNick);
}

void ServerCore::rememberNick(const ServerUser* user)
{
    m_whowas.add({user->nick(), user->foldedNick(), user->userName(), user->host(),
                  user->realName(), user->account(), Clock::nowSecs()});
}

void ServerCore::endSaslExchange(ServerUser* user)
{
    const quint64 exchange = m_sasl.end(user->id());
    if (exchange != 0 && m_auth)
        m_auth->abortExchange(exchange);
}

void ServerCore::disconnect(ServerUser* user, const QString& reason)
{
    ClientConnection* connection = user->connection();
    if (user->sessionCount() > 1)
        m_users.detachSession(user, connection); // the current session only
    else
        quit(user, reason);
    connection->close(reason);
}

void ServerCore::kill(ServerUser* user, const QString& reason)
{
    std::vector<ClientConnection*> sessions;
    user->forEachSession([&sessions](ClientConnection* session, int, ClientConnection*) {
        sessions.push_back(session);
    });
    quit(user, reason); // forgets the user
    for (ClientConnection* session : sessions)
        session->close(reason);
}

void ServerCore::noticeOperators(const QString& text)
{
    noticeLocalOperators(text);
    if (m_cluster)
        m_cluster->operatorNotice(text);
}

void ServerCore::noticeLocalOperators(const QString& text)
{
    for (const UserId id : m_users.operators()) {
        const ServerUser* user = m_users.findById(id);
        if (!user)
            continue;
        IrcMessage notice = IrcCommand::notice(user->nick(), QStringLiteral("*** ") + text);
        notice.setSource(m_config.serverName);
        user->forEachSession(
            [&notice](ClientConnection*, int, ClientConnection* output) { output->send(notice); });
    }
}

bool ServerCore::reportProblem(const QString& kind, const QString& text)
{
    const qint64 now = Clock::nowMs();
    const auto last = m_lastProblemNoticeMs.constFind(kind);
    if (last != m_lastProblemNoticeMs.cend() &&
        now - last.value() < qint64(m_config.operNoticeIntervalSecs) * 1000) {
        return false;
    }
    m_lastProblemNoticeMs.insert(kind, now);
    qCInfo(lcOper).noquote() << "notice to" << m_users.operators().size() << "operators:" << text;
    noticeOperators(text);
    return true;
}

void ServerCore::closeAll(const QString& reason)
{
    m_channels.clear();
    m_monitors.clear();
    const std::vector<ClientConnection*> connections = m_users.clear();
    for (ClientConnection* connection : connections)
        connection->close(reason);
}

void ServerCore::reply(ServerUser* user, const IrcNumericReply& reply)
{
    // Echoed client text (a nick, a channel, a key) may be empty or contain spaces when the
    // client sent it as a trailing parameter; in a middle position it would make the reply
    // unserializable, so it is shown as "*".
    QStringList params = reply.params;
    qsizetype length = 0;
    for (qsizetype i = 0; i + 1 < params.size(); ++i) {
        if (!isMiddleParam(params.at(i)))
            params[i] = QStringLiteral("*");
        length += params.at(i).size();
    }
    IrcMessage message =
        IrcReply::numeric(m_config.serverName, reply.code, user->replyTarget(), params);
    // Only the last parameter can be shortened to fit a line; an echoed middle parameter that
    // is too long (an unknown CAP subcommand of 400 bytes) is shown as "*" instead, so that the
    // reply is still sent. Checked only when the middle parameters could be that long.
    if (length > 2 * MaxEchoedChars && message.toWire(Limits::MaxLineBytes).isEmpty()) {
        for (qsizetype i = 0; i + 1 < params.size(); ++i) {
            if (params.at(i).size() > MaxEchoedChars)
                params[i] = QStringLiteral("*");
        }
        message = IrcReply::numeric(m_config.serverName, reply.code, user->replyTarget(), params);
    }
    user->output()->send(message);
}

void ServerCore::replyToAllSessions(ServerUser* user, const IrcNumericReply& reply)
{
    if (user->sessionCount() == 1) {
        this->reply(user, reply);
        return;
    }
    const ClientConnection* current = user->connection();
    std::vector<const ClientConnection*> sessions;
    user->forEachSession([&sessions](ClientConnection* session, int, ClientConnection*) {
        sessions.push_back(session);
    });
    for (const ClientConnection* session : sessions) {
        user->setCurrentSession(session);
        this->reply(user, reply);
    }
    user->setCurrentSession(current);
}

void ServerCore::sendFail(ServerUser* user, const QString& command, const QString& code,
                          const QStringList& context, const QString& description)
{
    QStringList safe = context;
    for (QString& param : safe) {
        if (!isMiddleParam(param) || param.size() > MaxEchoedChars)
            param = QStringLiteral("*");
    }
    sendFromServer(user, IrcCommand::fail(command, code, safe, description));
}

void ServerCore::sendFromServer(ServerUser* user, IrcMessage message)
{
    message.setSource(m_config.serverName);
    user->output()->send(message);
}

bool ServerCore::isReservedFromUser(const QString& foldedNick, const ServerUser* user) const
{
    return m_auth && m_auth->isReserved(foldedNick) && user->foldedAccount() != foldedNick;
}

void ServerCore::announceRegistered(ServerUser* user)
{
    if (m_cluster)
        m_cluster->userRegistered(user);
    MonitorCommands::notifyRegistered(*this, user);
    emit userRegistered(user->nick());
}

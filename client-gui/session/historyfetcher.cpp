#include "session/historyfetcher.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "ircmessage.h"
#include "session/irceventparser.h"
#include "session/serverconnection.h"

#include <algorithm>

namespace {

const QString ChatHistoryCap = QStringLiteral("draft/chathistory");
const QString BatchCap = QStringLiteral("batch");
constexpr int MaxSelectorLength = 100;

// A msgid usable as a parameter: a space or a leading colon would change the line.
bool isUsableMsgid(const QString& msgid)
{
    return !msgid.isEmpty() && msgid.size() <= MaxSelectorLength &&
           !msgid.contains(QLatin1Char(' ')) && !msgid.startsWith(QLatin1Char(':'));
}

QString timestampSelector(const QDateTime& time)
{
    return QStringLiteral("timestamp=") + IrcMessage::formatServerTime(time);
}

} // namespace

HistoryFetcher::HistoryFetcher(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection)
{
    qRegisterMetaType<QList<ChatMessage>>();
    connect(connection, &ServerConnection::registered, this, [this] { onRegistered(); });
    connect(connection, &ServerConnection::requestFailed, this, &HistoryFetcher::onFailed);
    connect(connection, &ServerConnection::roomJoined, this, &HistoryFetcher::onRoomJoined);
    connect(connection, &ServerConnection::batchReceived, this, &HistoryFetcher::onBatch);
    connect(connection, &ServerConnection::roomMessage, this,
            [this](const ChatMessage& message) { remember(message.target, message); });
    connect(connection, &ServerConnection::privateMessage, this,
            [this](const ChatMessage& m) { remember(m.isOwn ? m.target : m.sender, m); });
}

bool HistoryFetcher::isAvailable() const
{
    return m_connection->isRegistered() && m_connection->hasCapability(ChatHistoryCap) &&
           m_connection->hasCapability(BatchCap);
}

int HistoryFetcher::pageSize() const
{
    // CHATHISTORY=<limit> (0 or absent: no limit told).
    const int limit = m_connection->serverSupport().value(QStringLiteral("CHATHISTORY")).toInt();
    return limit > 0 ? std::min(m_pageSize, limit) : m_pageSize;
}

bool HistoryFetcher::isPending(const QString& target) const
{
    const auto it = m_pending.constFind(m_connection->fold(target));
    return it != m_pending.constEnd() &&
           it->sentAt.secsTo(QDateTime::currentDateTimeUtc()) < PendingTimeoutSecs;
}

bool HistoryFetcher::hasOlder(const QString& target) const
{
    return !m_exhausted.contains(m_connection->fold(target));
}

void HistoryFetcher::onFailed(const QString& command, const QString& code,
                              const QStringList& context, const QString& text)
{
    if (command != QLatin1String("CHATHISTORY"))
        return;
    // "FAIL CHATHISTORY <code> <subcommand> <target> :…": that request is over. Without a
    // target (or "*"), every request is.
    const QString target = context.value(1);
    qCInfo(lcConnection).noquote() << "history request failed:" << code << context.join(u' ')
                                   << text;
    if (target.isEmpty() || target == QLatin1String("*"))
        m_pending.clear();
    else
        m_pending.remove(m_connection->fold(target));
}

void HistoryFetcher::onRegistered()
{
    m_pending.clear();
    m_exhausted.clear();
    m_catchUp = m_newest;
    m_catchUpSince = m_lastSeen;
    if (!isAvailable())
        return;
    // The newest conversations first (the limit counts from the first bound): up to a day ahead
    // of our clock, back to the newest message seen (exclusive), or to the beginning.
    const QDateTime ahead = QDateTime::currentDateTimeUtc().addDays(1);
    const QDateTime since =
        m_catchUpSince.isValid() ? m_catchUpSince : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    qCDebug(lcConnection) << "history: conversations since" << since;
    m_connection->sendRaw(IrcCommand::chatHistory(
        QStringLiteral("TARGETS"),
        {timestampSelector(ahead), timestampSelector(since), QString::number(MaxTargets)}));
}

void HistoryFetcher::onRoomJoined(const QString& room)
{
    if (isAvailable())
        requestLatest(room);
}

void HistoryFetcher::requestLatest(const QString& target)
{
    const Newest newest = m_catchUp.value(m_connection->fold(target));
    QString selector = QStringLiteral("*");
    if (isUsableMsgid(newest.msgid))
        selector = QStringLiteral("msgid=") + newest.msgid;
    else if (newest.time.isValid())
        selector = timestampSelector(newest.time);
    request(target, Kind::CatchUp, QStringLiteral("LATEST"), selector);
}

bool HistoryFetcher::requestOlder(const QString& target, const QString& oldestMsgid,
                                  const QDateTime& oldestTime)
{
    if (!isAvailable() || target.isEmpty() || isPending(target) || !hasOlder(target))
        return false;
    QString selector;
    if (isUsableMsgid(oldestMsgid))
        selector = QStringLiteral("msgid=") + oldestMsgid;
    else if (oldestTime.isValid())
        selector = timestampSelector(oldestTime);
    else
        selector = timestampSelector(QDateTime::currentDateTimeUtc().addDays(1)); // nothing shown
    request(target, Kind::Older, QStringLiteral("BEFORE"), selector);
    return true;
}

void HistoryFetcher::request(const QString& target, Kind kind, const QString& subcommand,
                             const QString& selector)
{
    m_pending.insert(m_connection->fold(target), {kind, QDateTime::currentDateTimeUtc()});
    m_connection->sendRaw(
        IrcCommand::chatHistory(subcommand, {target, selector, QString::number(pageSize())}));
}

void HistoryFetcher::onBatch(const IrcBatch& batch)
{
    if (batch.type == QLatin1String("draft/chathistory-targets"))
        onTargets(batch);
    else if (batch.type == QLatin1String("chathistory"))
        onHistory(batch);
}

// "CHATHISTORY TARGETS <target> <time>" lines: private conversations with news get their
// latest messages; rooms are caught up as they are joined.
void HistoryFetcher::onTargets(const IrcBatch& batch)
{
    if (!isAvailable())
        return;
    int asked = 0;
    for (const IrcMessage& line : batch.messages) {
        if (line.command() != QLatin1String("CHATHISTORY") ||
            line.param(0) != QLatin1String("TARGETS") || asked >= MaxTargets)
            continue;
        const QString target = line.param(1);
        if (target.isEmpty() || m_connection->isRoomName(target) ||
            m_connection->isOwnNick(target) || isPending(target))
            continue;
        requestLatest(target);
        ++asked;
    }
}

void HistoryFetcher::onHistory(const IrcBatch& batch)
{
    const QString target = batch.params.value(0);
    if (target.isEmpty())
        return;
    const QString folded = m_connection->fold(target);
    const Kind kind = m_pending.take(folded).kind; // unasked: taken as news
    const bool isRoom = m_connection->isRoomName(target);
    QList<ChatMessage> messages;
    for (const IrcMessage& line : batch.messages) {
        const IrcEvent event = IrcEventParser::parse(line);
        const auto* text = std::get_if<IrcEvents::Message>(&event);
        if (!text)
            continue; // event-playback lines, CTCP requests
        ChatMessage chat;
        chat.time = text->serverTime.isValid() ? text->serverTime : QDateTime::currentDateTimeUtc();
        chat.sender = text->sender;
        chat.target = isRoom ? target : text->target;
        chat.text = text->text;
        chat.msgid = text->msgid;
        chat.isAction = text->isAction;
        chat.isNotice = text->isNotice;
        chat.isOwn = m_connection->isOwnNick(text->sender);
        messages.append(chat);
    }
    std::stable_sort(messages.begin(), messages.end(),
                     [](const ChatMessage& a, const ChatMessage& b) { return a.time < b.time; });
    if (kind == Kind::Older && messages.isEmpty())
        m_exhausted.insert(folded);
    if (kind == Kind::CatchUp && !messages.isEmpty())
        remember(target, messages.constLast());
    qCDebug(lcConnection) << "history:" << messages.size() << "messages," << kind;
    emit historyReceived(target, isRoom, messages, kind);
}

void HistoryFetcher::remember(const QString& conversation, const ChatMessage& message)
{
    if (!message.time.isValid() || message.queueId != 0)
        return;
    Newest& newest = m_newest[m_connection->fold(conversation)];
    if (!newest.time.isValid() || message.time >= newest.time)
        newest = {message.time, message.msgid};
    if (!m_lastSeen.isValid() || message.time > m_lastSeen)
        m_lastSeen = message.time;
}

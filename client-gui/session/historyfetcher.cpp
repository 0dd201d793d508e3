#include "session/historyfetcher.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "ircmessage.h"
#include "session/irceventparser.h"
#include "session/serverconnection.h"

#include <QTimer>

#include <algorithm>
#include <utility>

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

// Where a message is, for a request: by msgid, else by time; empty if neither is usable.
QString selectorOf(const QString& msgid, const QDateTime& time)
{
    if (isUsableMsgid(msgid))
        return QStringLiteral("msgid=") + msgid;
    return time.isValid() ? timestampSelector(time) : QString();
}

} // namespace

HistoryFetcher::HistoryFetcher(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_gapTimer(new QTimer(this)),
      m_seedTimer(new QTimer(this))
{
    qRegisterMetaType<QList<ChatMessage>>();
    m_gapTimer->setSingleShot(true);
    m_gapTimer->setInterval(PendingTimeoutSecs * 1000);
    connect(m_gapTimer, &QTimer::timeout, this, &HistoryFetcher::finishAllGaps);
    m_seedTimer->setSingleShot(true);
    m_seedTimer->setInterval(SeedTimeoutMs);
    connect(m_seedTimer, &QTimer::timeout, this, &HistoryFetcher::releaseCatchUp);
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
    qCInfo(lcConnection).noquote()
        << "history request failed:" << code << context.join(u' ') << text;
    if (target.isEmpty() || target == QLatin1String("*")) {
        m_pending.clear();
        finishAllGaps(); // what came is shown
    } else {
        const QString folded = m_connection->fold(target);
        m_pending.remove(folded);
        finishGap(folded);
    }
}

void HistoryFetcher::onRegistered()
{
    m_pending.clear();
    m_exhausted.clear();
    // Held pages of the last connection are asked for again: m_newest did not move for them.
    m_gaps.clear();
    m_gapTimer->stop();
    m_catchUp = m_newest;
    m_catchUpSince = m_lastSeen;
    m_deferredRooms.clear();
    m_catchUpDeferred = m_holding;
    if (m_catchUpDeferred)
        qCDebug(lcConnection) << "history: catch-up waits for the local store";
    else
        startCatchUp();
}

void HistoryFetcher::startCatchUp()
{
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
    if (!isAvailable())
        return;
    if (m_catchUpDeferred)
        m_deferredRooms.append(room);
    else
        requestLatest(room);
}

void HistoryFetcher::holdCatchUp()
{
    m_holding = true;
    m_seedTimer->start();
}

void HistoryFetcher::releaseCatchUp()
{
    m_seedTimer->stop();
    m_holding = false;
    if (!std::exchange(m_catchUpDeferred, false))
        return;
    const QStringList rooms = std::exchange(m_deferredRooms, {});
    if (!isAvailable())
        return;
    startCatchUp();
    const QStringList joined = m_connection->rooms();
    for (const QString& room : rooms) {
        const bool stillThere = std::any_of(joined.begin(), joined.end(), [&](const QString& name) {
            return m_connection->fold(name) == m_connection->fold(room);
        });
        if (stillThere && !isPending(room))
            requestLatest(room);
    }
}

void HistoryFetcher::seedNewest(const QString& conversation, const QDateTime& time,
                                const QString& msgid)
{
    if (conversation.isEmpty() || !time.isValid())
        return;
    const QString folded = m_connection->fold(conversation);
    const auto raise = [&](QHash<QString, Newest>& newest, QDateTime& since) {
        Newest& known = newest[folded];
        if (!known.time.isValid() || time > known.time)
            known = {time, msgid};
        if (!since.isValid() || time > since)
            since = time;
    };
    raise(m_newest, m_lastSeen);
    if (m_catchUpDeferred) // registered already: this catch-up starts from there too
        raise(m_catchUp, m_catchUpSince);
}

void HistoryFetcher::requestLatest(const QString& target)
{
    const Newest newest = m_catchUp.value(m_connection->fold(target));
    QString selector = selectorOf(newest.msgid, newest.time);
    if (selector.isEmpty())
        selector = QStringLiteral("*");
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
    const Pending pending = m_pending.take(folded); // unasked: taken as news
    const Kind kind = pending.kind;
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
    if (pending.gap && m_gaps.contains(folded)) {
        onGapPage(target, isRoom, messages);
        return;
    }
    if (kind == Kind::CatchUp) {
        if (!startGap(target, isRoom, messages))
            announceCatchUp(target, isRoom, messages);
        return;
    }
    if (messages.isEmpty())
        m_exhausted.insert(folded);
    qCDebug(lcConnection) << "history:" << messages.size() << "messages," << kind;
    emit historyReceived(target, isRoom, messages, kind);
}

void HistoryFetcher::announceCatchUp(const QString& target, bool isRoom,
                                     const QList<ChatMessage>& messages)
{
    if (!messages.isEmpty())
        remember(target, messages.constLast());
    qCDebug(lcConnection) << "history:" << messages.size() << "messages caught up";
    emit historyReceived(target, isRoom, messages, Kind::CatchUp);
}

// A full latest page after a known message: more may have been missed than a page. The page is
// held while the hole below it is asked for.
bool HistoryFetcher::startGap(const QString& target, bool isRoom, const QList<ChatMessage>& latest)
{
    const QString folded = m_connection->fold(target);
    const Newest known = m_catchUp.value(folded);
    const QString lower = selectorOf(known.msgid, known.time);
    if (lower.isEmpty() || latest.size() < pageSize() || m_gaps.contains(folded))
        return false;
    const ChatMessage& oldest = latest.constFirst();
    if (selectorOf(oldest.msgid, oldest.time).isEmpty() ||
        (known.time.isValid() && oldest.time < known.time))
        return false; // nothing between (or a page that is not after what we know)
    Gap gap;
    gap.target = target;
    gap.isRoom = isRoom;
    gap.lower = lower;
    gap.messages = latest;
    m_gaps.insert(folded, gap);
    requestGapPage(folded);
    return true;
}

// The newest page of the hole: between the oldest message received and the newest known
// before, counted from the first (BETWEEN excludes both).
void HistoryFetcher::requestGapPage(const QString& folded)
{
    Gap& gap = m_gaps[folded];
    const ChatMessage& oldest = gap.messages.constFirst();
    ++gap.pages;
    m_pending.insert(folded, {Kind::CatchUp, QDateTime::currentDateTimeUtc(), true});
    m_connection->sendRaw(IrcCommand::chatHistory(
        QStringLiteral("BETWEEN"), {gap.target, selectorOf(oldest.msgid, oldest.time), gap.lower,
                                    QString::number(pageSize())}));
    m_gapTimer->start();
}

void HistoryFetcher::onGapPage(const QString& target, bool isRoom, const QList<ChatMessage>& page)
{
    const QString folded = m_connection->fold(target);
    Gap& gap = m_gaps[folded];
    gap.isRoom = isRoom;
    // Only what is older than what is held, once: a confused server's page adds nothing.
    const QDateTime before = gap.messages.constFirst().time;
    QSet<QString> msgids;
    for (const ChatMessage& message : std::as_const(gap.messages))
        msgids.insert(message.msgid);
    QList<ChatMessage> older;
    for (const ChatMessage& message : page) {
        if (message.time > before || (!message.msgid.isEmpty() && msgids.contains(message.msgid)))
            continue;
        msgids.insert(message.msgid);
        older.append(message);
    }
    gap.messages = older + gap.messages;
    qCDebug(lcConnection) << "history: gap page" << gap.pages << "of" << target << older.size()
                          << "messages";
    if (page.size() >= pageSize() && !older.isEmpty() && gap.pages < MaxGapPages)
        requestGapPage(folded);
    else
        finishGap(folded);
}

void HistoryFetcher::finishGap(const QString& folded)
{
    const auto it = m_gaps.constFind(folded);
    if (it == m_gaps.constEnd())
        return;
    const Gap gap = *it;
    m_gaps.erase(it);
    if (m_gaps.isEmpty())
        m_gapTimer->stop();
    if (gap.pages >= MaxGapPages)
        qCInfo(lcConnection) << "history: more missed in" << gap.target << "than" << MaxGapPages
                             << "pages; the oldest are not fetched";
    announceCatchUp(gap.target, gap.isRoom, gap.messages);
}

void HistoryFetcher::finishAllGaps()
{
    const QStringList targets = m_gaps.keys();
    for (const QString& folded : targets) {
        m_pending.remove(folded);
        finishGap(folded);
    }
}

void HistoryFetcher::remember(const QString& conversation, const ChatMessage& message)
{
    if (!message.time.isValid() || message.queueId != 0)
        return;
    const QString folded = m_connection->fold(conversation);
    // While the hole below a held page is being filled, a live line does not count as seen: if
    // the connection is lost now, the next catch-up asks for the hole again.
    if (m_gaps.contains(folded))
        return;
    Newest& newest = m_newest[folded];
    if (!newest.time.isValid() || message.time >= newest.time)
        newest = {message.time, message.msgid};
    if (!m_lastSeen.isValid() || message.time > m_lastSeen)
        m_lastSeen = message.time;
}

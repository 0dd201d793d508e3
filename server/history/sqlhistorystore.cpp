#include "history/sqlhistorystore.h"

#include "routing/messageidgenerator.h"
#include "serverlogging.h"

#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QVariant>

#include <limits>

HistoryRecord SqlHistoryStore::recordFrom(const QSqlQuery& query, const QString& owner,
                                          const QString& target)
{
    HistoryRecord record;
    record.id = query.value(0).toLongLong();
    record.owner = owner;
    record.target = target;
    record.timeMs = query.value(1).toLongLong();
    record.msgid = query.value(2).toString();
    record.account = query.value(3).toString();
    record.kind =
        query.value(4).toInt() == 1 ? HistoryRecord::Kind::Event : HistoryRecord::Kind::Message;
    record.setLine(query.value(5).toByteArray());
    return record;
}

namespace {

// Qt Sql binds a null QString as SQL NULL, which no text column takes (they are NOT NULL) and
// which "owner = ?" never matches; "" is what a channel's owner and a guest's account are.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

SqlHistoryStore::SqlHistoryStore(const QString& connectionName) : m_database(connectionName) {}

SqlHistoryStore::~SqlHistoryStore() = default;

bool SqlHistoryStore::open(const DatabaseLocation& location)
{
    if (m_database.open(location))
        return true;
    m_errorString = m_database.errorString();
    return false;
}

QSqlQuery& SqlHistoryStore::prepared(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_database.connection());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            qCWarning(lcStorage).noquote()
                << "cannot prepare" << sql << ':' << query.lastError().text();
        it = m_statements.emplace(sql, query).first;
    }
    return it->second;
}

bool SqlHistoryStore::fail(const QSqlQuery& query)
{
    m_errorString = query.lastError().text();
    m_database.noteFailure();
    return false;
}

bool SqlHistoryStore::recoverConnection()
{
    if (!m_database.connectionLost())
        return false;
    m_statements.clear(); // prepared on the lost connection
    if (m_database.reopen())
        return true;
    m_errorString = m_database.errorString();
    return false;
}

bool SqlHistoryStore::begin()
{
    if (m_database.isSqlite()) {
        // The write lock at once, waiting for it as long as the busy timeout allows. A deferred
        // transaction reads first (the views), and SQLite then refuses its first write without
        // waiting if another connection (confabd account ...) writes meanwhile: the batch would
        // be lost.
        QSqlQuery begin(m_database.connection());
        if (begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return true;
        m_errorString = begin.lastError().text();
    } else if (m_database.connection().transaction()) {
        return true;
    } else {
        m_errorString = m_database.connection().lastError().text();
    }
    m_database.noteFailure();
    return false;
}

bool SqlHistoryStore::commit()
{
    QSqlDatabase& db = m_database.connection();
    if (db.commit())
        return true;
    m_errorString = db.lastError().text();
    m_database.noteFailure();
    return rollback();
}

bool SqlHistoryStore::rollback(const QSqlQuery& query)
{
    fail(query);
    return rollback();
}

bool SqlHistoryStore::rollback()
{
    m_database.connection().rollback();
    m_views.clear(); // it may hold views the transaction had added
    m_rows.clear();
    m_pendingRows.clear();
    m_sinceRows.clear();
    rolledBack();
    return false;
}

qint64 SqlHistoryStore::queueRow(const HistoryRecord& record, const QString& account,
                                 qint64 conversation)
{
    const qint64 id = nextRowId();
    if (id != 0)
        m_rows.push_back({id, conversation, &record, &account, msgidNumber(record)});
    return id;
}

std::optional<SqlHistoryStore::View> SqlHistoryStore::findView(const QString& owner,
                                                               const QString& target, bool shared)
{
    if (std::optional<View> cached =
            shared ? m_views.findShared(owner, target) : m_views.find(owner, target))
        return cached;
    QSqlQuery& select = prepared(QStringLiteral(
        "SELECT id, conversation, since_id FROM history_views WHERE owner = ? AND target = ?"));
    select.bindValue(0, text(owner));
    select.bindValue(1, text(target));
    if (!select.exec()) {
        fail(select);
        return std::nullopt;
    }
    std::optional<View> view;
    if (select.next()) {
        view = View{select.value(0).toLongLong(), select.value(1).toLongLong(),
                    select.value(2).toLongLong()};
        m_views.insert(owner, target, *view);
    }
    select.finish();
    return view;
}

std::optional<SqlHistoryStore::View> SqlHistoryStore::addView(const QString& owner,
                                                              const QString& target,
                                                              qint64 conversation, qint64 sinceId)
{
    QSqlQuery& insert = prepared(QStringLiteral(
        "INSERT INTO history_views (owner, target, conversation, since_id) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (owner, target) DO NOTHING RETURNING id"));
    insert.bindValue(0, text(owner));
    insert.bindValue(1, text(target));
    insert.bindValue(2, conversation);
    insert.bindValue(3, sinceId);
    if (!insert.exec()) {
        fail(insert);
        return std::nullopt;
    }
    if (!insert.next()) {
        // Another writer (another node on the same PostgreSQL database) added this view
        // meanwhile, and PostgreSQL waited for it to commit: use theirs.
        insert.finish();
        std::optional<View> theirs = findView(owner, target);
        if (!theirs && m_errorString.isEmpty())
            m_errorString = QStringLiteral("a view that exists cannot be read");
        return theirs;
    }
    View view{insert.value(0).toLongLong(), conversation, sinceId};
    insert.finish();
    if (conversation == 0) {
        // A new conversation is named after the view that starts it.
        QSqlQuery& name =
            prepared(QStringLiteral("UPDATE history_views SET conversation = id WHERE id = ?"));
        name.bindValue(0, view.id);
        if (!name.exec()) {
            fail(name);
            return std::nullopt;
        }
        view.conversation = view.id;
    }
    m_views.insert(owner, target, view);
    return view;
}

bool SqlHistoryStore::store(const HistoryBatch& batch, const HistoryRecord& record,
                            qint64* ownerRow, qint64* peerRow, QHash<qint64, qint64>* lastTimes)
{
    const QString& owner = batch.owner(record);
    const QString& target = batch.target(record);
    const QString& account = batch.account(record);
    // The other party's view of a message between two accounts: its owner is the record's
    // target, its correspondent the record's owner.
    const bool hasPeer = record.betweenAccounts;
    const QString& peerOwner = target;
    const QString& peerTarget = owner;
    std::optional<View> first = findView(owner, target, true);
    std::optional<View> second;
    if (hasPeer)
        second = findView(peerOwner, peerTarget, true);
    if (!m_errorString.isEmpty())
        return false;
    if (!first && !second) {
        // A conversation's first record: both parties read it from the start.
        first = addView(owner, target, 0, 0);
        if (!first)
            return false;
        if (hasPeer && !(second = addView(peerOwner, peerTarget, first->conversation, 0)))
            return false;
    }
    const qint64 row =
        queueRow(record, account, first ? first->conversation : second->conversation);
    if (row == 0)
        return false;
    // A party new to a conversation that exists (the other one's: a guest's name later taken
    // by an account, say) joins it from this record on, and sees nothing said before.
    if (!first) {
        if (!(first = addView(owner, target, second->conversation, row)))
            return false;
        m_sinceRows.push_back({ViewKey(owner, target), first->id, row});
    }
    if (hasPeer && !second) {
        if (!(second = addView(peerOwner, peerTarget, first->conversation, row)))
            return false;
        m_sinceRows.push_back({ViewKey(peerOwner, peerTarget), second->id, row});
    }
    *ownerRow = row;
    *peerRow = 0;
    if (hasPeer) {
        // Two views that grew apart (each started on its own) each get their copy.
        *peerRow = second->conversation == first->conversation
                       ? row
                       : queueRow(record, account, second->conversation);
        if (*peerRow == 0)
            return false;
    }
    if (record.kind == HistoryRecord::Kind::Message) {
        qint64& last = (*lastTimes)[first->id];
        last = std::max(last, record.timeMs);
        if (hasPeer) {
            qint64& peerLast = (*lastTimes)[second->id];
            peerLast = std::max(peerLast, record.timeMs);
        }
    }
    return true;
}

bool SqlHistoryStore::append(const HistoryBatch& batch)
{
    const std::vector<HistoryRecord>& records = batch.records();
    if (records.empty())
        return true;
    if (!begin())
        return false;
    m_errorString.clear();
    m_rows.clear();
    m_rows.reserve(records.size());
    m_pendingRows.clear();
    m_sinceRows.clear();
    if (!reserveRowIds(records.size()))
        return rollback();
    // The last message time of each view in the batch, written once per view.
    QHash<qint64, qint64> lastTimes;
    for (const HistoryRecord& record : records) {
        qint64 ownerRow = 0;
        qint64 peerRow = 0;
        if (!store(batch, record, &ownerRow, &peerRow, &lastTimes))
            return rollback();
        if (record.pending) {
            const bool toPeer = record.betweenAccounts;
            m_pendingRows.emplace_back(toPeer ? batch.target(record) : batch.owner(record),
                                       toPeer ? peerRow : ownerRow);
        }
    }
    arrangeRows(m_rows);
    // What the batch's views and offline marks name by row id, with the ids the rows now have.
    QSqlQuery& since =
        prepared(QStringLiteral("UPDATE history_views SET since_id = ? WHERE id = ?"));
    for (const SinceRow& added : m_sinceRows) {
        const qint64 id = arrangedId(added.queuedId);
        if (id == added.queuedId)
            continue;
        since.bindValue(0, id);
        since.bindValue(1, added.viewId);
        if (!since.exec())
            return rollback(since);
        m_views.setSinceId(added.key.first, added.key.second, id);
    }
    m_sinceRows.clear();
    QSqlQuery& pending =
        prepared(QStringLiteral("INSERT INTO history_pending (owner, id) VALUES (?, ?)"
                                " ON CONFLICT DO NOTHING"));
    for (const auto& [owner, row] : m_pendingRows) {
        pending.bindValue(0, text(owner));
        pending.bindValue(1, arrangedId(row));
        if (!pending.exec())
            return rollback(pending);
    }
    m_pendingRows.clear();
    const bool written = writeRows(m_rows);
    m_rows.clear();
    if (!written)
        return rollback();
    // CASE rather than SQLite's MAX(a, b) or PostgreSQL's GREATEST: both engines know it.
    QSqlQuery& touch = prepared(QStringLiteral(
        "UPDATE history_views SET last_ms = CASE WHEN last_ms < ? THEN ? ELSE last_ms END"
        " WHERE id = ?"));
    for (auto it = lastTimes.cbegin(); it != lastTimes.cend(); ++it) {
        touch.bindValue(0, it.value());
        touch.bindValue(1, it.value());
        touch.bindValue(2, it.key());
        if (!touch.exec())
            return rollback(touch);
    }
    return commit();
}

std::optional<SqlHistoryStore::Point>
SqlHistoryStore::resolve(const View& view, const HistoryQuery::Bound& bound, bool afterTimestamp)
{
    using Type = HistoryQuery::Bound::Type;
    if (bound.type == Type::Timestamp)
        return Point{bound.timeMs, afterTimestamp ? std::numeric_limits<qint64>::max() : 0};
    if (bound.type != Type::MsgId)
        return std::nullopt;
    // Through the counter (findByNumber()), then (for a msgid confabd did not make, or a row
    // written before schema version 7) the text index of the rows without a counter.
    // "+conversation": neither engine then looks through the conversation's index instead.
    std::optional<Point> point;
    if (const qint64 number = msgidNumber(bound.msgid)) {
        if (!findByNumber(view, number, bound.msgid, &point))
            return std::nullopt;
        if (point)
            return point;
    }
    QSqlQuery& find =
        prepared(QStringLiteral("SELECT time_ms, id FROM history WHERE msgid_number IS NULL"
                                " AND msgid = ? AND +conversation = ? AND id >= ? LIMIT 1"));
    find.bindValue(0, text(bound.msgid));
    find.bindValue(1, view.conversation);
    find.bindValue(2, view.sinceId);
    pointOf(find, &point);
    return point;
}

bool SqlHistoryStore::findByNumber(const View& view, qint64 number, const QString& msgid,
                                   std::optional<Point>* point)
{
    QSqlQuery& find =
        prepared(QStringLiteral("SELECT time_ms, id FROM history WHERE msgid_number = ?"
                                " AND msgid = ? AND +conversation = ? AND id >= ? LIMIT 1"));
    find.bindValue(0, number);
    find.bindValue(1, text(msgid));
    find.bindValue(2, view.conversation);
    find.bindValue(3, view.sinceId);
    return pointOf(find, point);
}

bool SqlHistoryStore::pointOf(QSqlQuery& select, std::optional<Point>* point)
{
    point->reset();
    if (!select.exec())
        return fail(select);
    if (select.next())
        *point = Point{select.value(0).toLongLong(), select.value(1).toLongLong()};
    select.finish();
    return true;
}

qint64 SqlHistoryStore::msgidNumber(const QString& msgid)
{
    const quint64 number = MessageId::numberOf(msgid);
    return number <= quint64(std::numeric_limits<qint64>::max()) ? qint64(number) : 0;
}

qint64 SqlHistoryStore::msgidNumber(const HistoryRecord& record)
{
    if (!record.msgid.isNull() || record.messageId.isNull())
        return msgidNumber(record.msgid);
    if (!record.messageId.isParsable()) // as its text reads: a look-up reads it so
        return msgidNumber(record.messageId.toString());
    const quint64 number = record.messageId.number();
    return number <= quint64(std::numeric_limits<qint64>::max()) ? qint64(number) : 0;
}

std::vector<HistoryRecord> SqlHistoryStore::range(const HistoryQuery& query, const View& view,
                                                  std::optional<Point> after,
                                                  const std::optional<Point>& before, Order order,
                                                  int limit)
{
    if (limit <= 0)
        return {};
    if (query.notBeforeMs > 0) {
        // Just before the first record of that millisecond.
        const Point floor{query.notBeforeMs, 0};
        if (!after || after->timeMs < floor.timeMs)
            after = floor;
    }
    std::vector<HistoryRecord> records = selectRange(query, view, after, before, order, limit);
    if (order == Order::Descending)
        std::reverse(records.begin(), records.end());
    return records;
}

std::vector<HistoryRecord> SqlHistoryStore::selectRange(const HistoryQuery& query,
                                                        const View& view,
                                                        const std::optional<Point>& after,
                                                        const std::optional<Point>& before,
                                                        Order order, int limit)
{
    return selectSorted(QStringLiteral(" FROM history WHERE conversation = ? AND id >= ?"), 1,
                        QString(), query, view, after, before, order, limit);
}

std::vector<HistoryRecord>
SqlHistoryStore::selectSorted(const QString& source, int viewParameters, const QString& alias,
                              const HistoryQuery& query, const View& view,
                              const std::optional<Point>& after, const std::optional<Point>& before,
                              Order order, int limit)
{
    std::vector<HistoryRecord> records;
    QString sql =
        QStringLiteral("SELECT %1id, %1time_ms, %1msgid, %1account, %1kind, %1line").arg(alias);
    sql += source;
    sql += HistoryRangeSql::conditions(query, after, before, alias);
    sql +=
        (order == Order::Ascending ? QStringLiteral(" ORDER BY %1time_ms, %1id LIMIT ?")
                                   : QStringLiteral(" ORDER BY %1time_ms DESC, %1id DESC LIMIT ?"))
            .arg(alias);
    QSqlQuery& select = prepared(sql);
    int i = 0;
    for (int repeat = 0; repeat < viewParameters; ++repeat) {
        select.bindValue(i++, view.conversation);
        select.bindValue(i++, view.sinceId);
    }
    HistoryRangeSql::bind(select, i, after, before);
    select.bindValue(i, limit);
    readRecords(select, query, &records);
    return records;
}

bool SqlHistoryStore::readRecords(QSqlQuery& select, const HistoryQuery& query,
                                  std::vector<HistoryRecord>* records)
{
    if (!select.exec())
        return fail(select);
    while (select.next())
        records->push_back(recordFrom(select, query.owner, query.target));
    select.finish();
    return true;
}

std::vector<HistoryRecord> SqlHistoryStore::find(const HistoryQuery& query)
{
    using Direction = HistoryQuery::Direction;
    using Type = HistoryQuery::Bound::Type;
    const bool firstIsMsgId = query.first.type == Type::MsgId;
    const std::optional<View> found = findView(query.owner, query.target);
    if (!found)
        return {}; // nothing was ever stored for this reader
    const View& view = *found;
    const auto resolve = [this, &view](const HistoryQuery::Bound& bound, bool afterTimestamp) {
        return this->resolve(view, bound, afterTimestamp);
    };
    const auto range = [this, &query, &view](std::optional<Point> after,
                                             const std::optional<Point>& before, Order order,
                                             int limit) {
        return this->range(query, view, after, before, order, limit);
    };
    switch (query.direction) {
    case Direction::Latest: {
        std::optional<Point> after;
        if (query.first.type != Type::None) {
            after = resolve(query.first, true);
            if (!after)
                return {};
        }
        return range(after, std::nullopt, Order::Descending, query.limit);
    }
    case Direction::Before: {
        const std::optional<Point> before = resolve(query.first, false);
        return before ? range(std::nullopt, before, Order::Descending, query.limit)
                      : std::vector<HistoryRecord>();
    }
    case Direction::After: {
        const std::optional<Point> after = resolve(query.first, true);
        return after ? range(after, std::nullopt, Order::Ascending, query.limit)
                     : std::vector<HistoryRecord>();
    }
    case Direction::Around: {
        const std::optional<Point> centre = resolve(query.first, false);
        if (!centre)
            return {};
        std::vector<HistoryRecord> records =
            range(std::nullopt, centre, Order::Descending, query.limit / 2);
        // At or after the centre: a msgid's own record is included.
        const Point from{centre->timeMs, firstIsMsgId ? centre->id - 1 : 0};
        std::vector<HistoryRecord> later =
            range(from, std::nullopt, Order::Ascending, query.limit - int(records.size()));
        records.insert(records.end(), std::make_move_iterator(later.begin()),
                       std::make_move_iterator(later.end()));
        return records;
    }
    case Direction::Between: {
        const std::optional<Point> start = resolve(query.first, true);
        const std::optional<Point> end = resolve(query.second, false);
        if (!start || !end)
            return {};
        const bool forward =
            start->timeMs < end->timeMs || (start->timeMs == end->timeMs && start->id <= end->id);
        if (forward)
            return range(start, end, Order::Ascending, query.limit);
        // Backwards: from the first bound towards the (earlier) second one.
        const std::optional<Point> upper = resolve(query.first, false);
        const std::optional<Point> lower = resolve(query.second, true);
        return range(lower, upper, Order::Descending, query.limit);
    }
    }
    return {};
}

std::vector<HistoryTarget> SqlHistoryStore::targets(const QString& owner,
                                                    const QStringList& channels, qint64 fromMs,
                                                    qint64 toMs, int limit)
{
    // The window either way round: clients send the newer bound first so that the limit keeps
    // the most recent targets. The limit is taken from the fromMs end; the result is oldest
    // first either way.
    const bool backwards = fromMs > toMs;
    const qint64 lowMs = std::min(fromMs, toMs);
    const qint64 highMs = std::max(fromMs, toMs);
    std::vector<HistoryTarget> result;
    if (!owner.isEmpty()) {
        QSqlQuery& conversations = prepared(
            QStringLiteral("SELECT target, last_ms FROM history_views"
                           " WHERE owner = ? AND last_ms > ? AND last_ms < ? ORDER BY last_ms") +
            (backwards ? QStringLiteral(" DESC LIMIT ?") : QStringLiteral(" LIMIT ?")));
        conversations.bindValue(0, text(owner));
        conversations.bindValue(1, lowMs);
        conversations.bindValue(2, highMs);
        conversations.bindValue(3, limit);
        if (!conversations.exec()) {
            fail(conversations);
            return result;
        }
        while (conversations.next())
            result.push_back(
                {conversations.value(0).toString(), conversations.value(1).toLongLong()});
        conversations.finish();
    }
    QSqlQuery& select = prepared(
        QStringLiteral("SELECT target, last_ms FROM history_views WHERE owner = ? AND target = ?"));
    for (const QString& channel : channels) {
        select.bindValue(0, QStringLiteral("")); // a channel's copy
        select.bindValue(1, text(channel));
        if (!select.exec()) {
            fail(select);
            return result;
        }
        if (select.next()) {
            const qint64 last = select.value(1).toLongLong();
            if (last > lowMs && last < highMs)
                result.push_back({select.value(0).toString(), last});
        }
        select.finish();
    }
    std::sort(result.begin(), result.end(), [](const HistoryTarget& a, const HistoryTarget& b) {
        return a.lastMs < b.lastMs || (a.lastMs == b.lastMs && a.target < b.target);
    });
    const size_t keep = size_t(std::max(limit, 0));
    if (result.size() > keep)
        result.erase(backwards ? result.begin() : result.begin() + qsizetype(keep),
                     backwards ? result.end() - qsizetype(keep) : result.end());
    return result;
}

std::vector<HistoryRecord> SqlHistoryStore::takePending(const QString& owner)
{
    std::vector<HistoryRecord> records;
    if (!begin())
        return records;
    // The correspondent comes from the owner's view of the record's conversation.
    QSqlQuery& select = prepared(
        QStringLiteral("SELECT h.id, h.time_ms, h.msgid, h.account, h.kind, h.line,"
                       " (SELECT v.target FROM history_views v"
                       "  WHERE v.owner = p.owner AND v.conversation = h.conversation LIMIT 1)"
                       " FROM history_pending p JOIN history h ON h.id = p.id"
                       " WHERE p.owner = ? ORDER BY h.time_ms, h.id"));
    select.bindValue(0, text(owner));
    if (!select.exec()) {
        rollback(select);
        return records;
    }
    while (select.next())
        records.push_back(recordFrom(select, owner, select.value(6).toString()));
    select.finish();
    // Pending rows whose record was pruned meanwhile go too.
    QSqlQuery& clear = prepared(QStringLiteral("DELETE FROM history_pending WHERE owner = ?"));
    clear.bindValue(0, text(owner));
    if (!clear.exec()) {
        rollback(clear);
        return {};
    }
    return commit() ? records : std::vector<HistoryRecord>();
}

bool SqlHistoryStore::restorePending(const QString& owner, const std::vector<qint64>& ids)
{
    if (!begin())
        return false;
    QSqlQuery& mark =
        prepared(QStringLiteral("INSERT INTO history_pending (owner, id) VALUES (?, ?)"
                                " ON CONFLICT DO NOTHING"));
    for (const qint64 id : ids) {
        mark.bindValue(0, text(owner));
        mark.bindValue(1, id);
        if (!mark.exec()) {
            return rollback(mark);
        }
    }
    return commit();
}

int SqlHistoryStore::prune(qint64 beforeMs, int maxPerTarget, int batch)
{
    m_errorString.clear();
    const int deleted = pruneRows(beforeMs, maxPerTarget, batch);
    if (deleted > 0 && !pruned())
        return -1;
    return deleted;
}

int SqlHistoryStore::pruneRows(qint64 beforeMs, int maxPerTarget, int batch)
{
    int deleted = 0;
    // By age: the oldest rows (row ids grow with time) that are older than the cut.
    QSqlQuery& old = prepared(QStringLiteral(
        "DELETE FROM history WHERE id IN (SELECT id FROM history ORDER BY id LIMIT ?)"
        " AND time_ms < ?"));
    old.bindValue(0, batch);
    old.bindValue(1, beforeMs);
    if (!old.exec())
        return fail(old), -1;
    deleted += old.numRowsAffected();
    if (maxPerTarget <= 0)
        return deleted;
    // By count: per conversation, everything older than its newest maxPerTarget rows.
    QSqlQuery& views = prepared(QStringLiteral("SELECT DISTINCT conversation FROM history_views"));
    if (!views.exec())
        return fail(views), -1;
    std::vector<qint64> conversations;
    while (views.next())
        conversations.push_back(views.value(0).toLongLong());
    views.finish();
    for (const qint64 conversation : conversations) {
        if (deleted >= batch)
            break;
        const std::optional<Cut> cut = firstPruned(conversation, maxPerTarget);
        if (!cut) {
            if (!m_errorString.isEmpty())
                return -1;
            continue;
        }
        const int cutRows = deleteUpTo(conversation, *cut, batch - deleted);
        if (cutRows < 0)
            return -1;
        deleted += cutRows;
    }
    return deleted;
}

std::optional<SqlHistoryStore::Cut> SqlHistoryStore::firstPruned(qint64 conversation, int keep)
{
    QSqlQuery& nth =
        prepared(QStringLiteral("SELECT time_ms, id FROM history WHERE conversation = ?"
                                " ORDER BY time_ms DESC, id DESC LIMIT 1 OFFSET ?"));
    nth.bindValue(0, conversation);
    nth.bindValue(1, keep);
    if (!nth.exec()) {
        fail(nth);
        return std::nullopt;
    }
    std::optional<Cut> cut;
    if (nth.next())
        cut = Cut{Point{nth.value(0).toLongLong(), nth.value(1).toLongLong()}};
    nth.finish();
    return cut;
}

int SqlHistoryStore::deleteUpTo(qint64 conversation, const Cut& where, int limit)
{
    QSqlQuery& rows =
        prepared(QStringLiteral("DELETE FROM history WHERE id IN (SELECT id FROM history"
                                " WHERE conversation = ?%1 LIMIT ?)")
                     .arg(HistoryRangeSql::upToConditions()));
    int i = 0;
    rows.bindValue(i++, conversation);
    HistoryRangeSql::bindUpTo(rows, i, where.last);
    rows.bindValue(i, limit);
    if (!rows.exec())
        return fail(rows), -1;
    return rows.numRowsAffected();
}

qint64 SqlHistoryStore::count()
{
    QSqlQuery& query = prepared(QStringLiteral("SELECT COUNT(*) FROM history"));
    if (!query.exec() || !query.next())
        return fail(query), -1;
    const qint64 n = query.value(0).toLongLong();
    query.finish();
    return n;
}

std::optional<qint64> SqlHistoryStore::readMarker(const QString& owner, const QString& target)
{
    QSqlQuery& query =
        prepared(QStringLiteral("SELECT time_ms FROM read_markers WHERE owner = ? AND target = ?"));
    query.bindValue(0, text(owner));
    query.bindValue(1, text(target));
    if (!query.exec()) {
        fail(query);
        return std::nullopt;
    }
    std::optional<qint64> marker;
    if (query.next())
        marker = query.value(0).toLongLong();
    query.finish();
    return marker;
}

std::optional<qint64> SqlHistoryStore::setReadMarker(const QString& owner, const QString& target,
                                                     qint64 timeMs)
{
    QSqlQuery& upsert = prepared(
        QStringLiteral("INSERT INTO read_markers (owner, target, time_ms) VALUES (?, ?, ?)"
                       " ON CONFLICT (owner, target) DO UPDATE SET time_ms = CASE"
                       " WHEN excluded.time_ms > read_markers.time_ms THEN excluded.time_ms"
                       " ELSE read_markers.time_ms END"));
    upsert.bindValue(0, text(owner));
    upsert.bindValue(1, text(target));
    upsert.bindValue(2, timeMs);
    if (!upsert.exec()) {
        fail(upsert);
        return std::nullopt;
    }
    return readMarker(owner, target);
}

std::vector<ReadMarker> SqlHistoryStore::readMarkers()
{
    std::vector<ReadMarker> markers;
    QSqlQuery& query = prepared(QStringLiteral("SELECT owner, target, time_ms FROM read_markers"));
    if (!query.exec()) {
        fail(query);
        return markers;
    }
    while (query.next())
        markers.push_back(
            {query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
    query.finish();
    return markers;
}

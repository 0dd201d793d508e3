#include "models/conversationmodel.h"

ConversationModel::ConversationModel(const QString& name, bool isRoom, QObject* parent)
    : QAbstractListModel(parent), m_name(name), m_isRoom(isRoom)
{
}

void ConversationModel::setName(const QString& name)
{
    if (m_name == name)
        return;
    m_name = name;
    emit nameChanged(name);
}

int ConversationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return textAt(index.row());
    case TimeRole:
        return line.time;
    case SenderRole:
        return line.sender;
    case TextRole:
        return line.text;
    case KindRole:
        return QVariant::fromValue(line.kind);
    case IsOwnRole:
        return line.isOwn;
    case StatusRole:
        return QVariant::fromValue(line.status);
    case MsgidRole:
        return line.msgid;
    case MentionRole:
        return line.isMention;
    case SenderNameRole:
        return line.senderName;
    case DayRole:
        return line.day;
    case LineIdRole:
        return line.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(TimeRole, "time");
    names.insert(SenderRole, "sender");
    names.insert(TextRole, "text");
    names.insert(KindRole, "kind");
    names.insert(IsOwnRole, "isOwn");
    names.insert(StatusRole, "status");
    names.insert(MsgidRole, "msgid");
    names.insert(MentionRole, "mention");
    names.insert(SenderNameRole, "senderName");
    names.insert(DayRole, "day");
    names.insert(LineIdRole, "lineId");
    return names;
}

QString ConversationModel::textAt(int row) const
{
    const Line& line = m_lines.at(row);
    switch (line.kind) {
    case Kind::Message:
    case Kind::Notice:
        return tr("<%1> %2").arg(line.sender, line.text);
    case Kind::Action:
        return tr("* %1 %2").arg(line.sender, line.text);
    case Kind::System:
    case Kind::Error:
        break;
    }
    return line.text;
}

ConversationModel::Line ConversationModel::lineFor(const ChatMessage& message)
{
    Line line;
    line.time = message.time.isValid() ? message.time : QDateTime::currentDateTimeUtc();
    line.sender = message.sender;
    line.senderName = message.senderName;
    line.text = message.text;
    line.kind = message.isAction ? Kind::Action : message.isNotice ? Kind::Notice : Kind::Message;
    line.isOwn = message.isOwn;
    line.isMention = message.isMention;
    line.queueId = message.queueId;
    line.status = message.queueId != 0 ? Status::Pending : Status::Sent;
    line.msgid = message.msgid;
    return line;
}

bool ConversationModel::appendMessage(const ChatMessage& message)
{
    if (!message.msgid.isEmpty() && m_rowByMsgid.contains(message.msgid))
        return false;
    append(lineFor(message));
    return true;
}

bool ConversationModel::insertMessage(const ChatMessage& message)
{
    return insertByTime(message, false);
}

bool ConversationModel::insertOlderMessage(const ChatMessage& message)
{
    return insertByTime(message, true);
}

bool ConversationModel::insertByTime(const ChatMessage& message, bool beforeSameTime)
{
    if (!message.msgid.isEmpty() && m_rowByMsgid.contains(message.msgid))
        return false;
    const Line line = lineFor(message);
    int row = 0;
    if (beforeSameTime) {
        // From the start: an older page goes above what is shown, however much that is.
        while (row < int(m_lines.size()) && m_lines.at(row).time < line.time)
            ++row;
    } else {
        // From the end: history is mostly older than what is shown, but near it.
        row = int(m_lines.size());
        while (row > 0 && m_lines.at(row - 1).time > line.time)
            --row;
    }
    if (row == int(m_lines.size()))
        append(line);
    else
        insertAt(row, line);
    return true;
}

void ConversationModel::appendSystem(const QString& text, const QDateTime& time)
{
    Line line;
    line.time = time.isValid() ? time : QDateTime::currentDateTimeUtc();
    line.text = text;
    line.kind = Kind::System;
    append(line);
}

void ConversationModel::appendError(const QString& text)
{
    Line line;
    line.time = QDateTime::currentDateTimeUtc();
    line.text = text;
    line.kind = Kind::Error;
    append(line);
}

bool ConversationModel::setQueuedStatus(quint64 queueId, Status status)
{
    for (int row = int(m_lines.size()) - 1; row >= 0; --row) {
        if (m_lines.at(row).queueId != queueId)
            continue;
        m_lines[row].status = status;
        if (status == Status::Sent) {
            m_lines[row].time = QDateTime::currentDateTimeUtc();
            m_lines[row].day = m_lines[row].time.toLocalTime().date();
        }
        const QModelIndex idx = index(row);
        emit dataChanged(idx, idx);
        return true;
    }
    return false;
}

bool ConversationModel::markOwnFailed(const QString& text)
{
    for (int row = int(m_lines.size()) - 1; row >= 0; --row) {
        const Line& line = m_lines.at(row);
        if (!line.isOwn || line.status != Status::Sent || line.text != text ||
            (line.kind != Kind::Message && line.kind != Kind::Action))
            continue;
        m_lines[row].status = Status::Failed;
        const QModelIndex idx = index(row);
        emit dataChanged(idx, idx);
        return true;
    }
    return false;
}

void ConversationModel::addUnread()
{
    ++m_unread;
    emit unreadCountChanged(m_unread);
}

void ConversationModel::markRead()
{
    const QDateTime newest = newestMessageTime();
    if (newest.isValid() && (!m_readMarker.isValid() || newest > m_readMarker)) {
        m_readMarker = newest;
        emit readMarkerChanged(newest);
    }
    if (m_unread == 0)
        return;
    m_unread = 0;
    emit unreadCountChanged(0);
}

void ConversationModel::setReadMarker(const QDateTime& time)
{
    if (!time.isValid() || (m_readMarker.isValid() && time <= m_readMarker))
        return;
    m_readMarker = time;
    emit readMarkerChanged(time);
    int unread = 0;
    for (const Line& line : std::as_const(m_lines)) {
        if (isMessage(line) && !line.isOwn && line.time > time)
            ++unread;
    }
    // A marker only clears: what was read here stays read.
    if (unread < m_unread) {
        m_unread = unread;
        emit unreadCountChanged(unread);
    }
}

bool ConversationModel::isMessage(const Line& line)
{
    return line.kind == Kind::Message || line.kind == Kind::Action || line.kind == Kind::Notice;
}

QString ConversationModel::oldestMsgid() const
{
    for (const Line& line : m_lines) {
        if (isMessage(line) && line.status == Status::Sent)
            return line.msgid;
    }
    return {};
}

QDateTime ConversationModel::oldestMessageTime() const
{
    for (const Line& line : m_lines) {
        if (isMessage(line) && line.status == Status::Sent)
            return line.time;
    }
    return {};
}

QDateTime ConversationModel::newestMessageTime() const
{
    for (auto it = m_lines.crbegin(); it != m_lines.crend(); ++it) {
        if (isMessage(*it) && it->status == Status::Sent)
            return it->time;
    }
    return {};
}

bool ConversationModel::startsDay(int row) const
{
    return row <= 0 || m_lines.at(row - 1).day != m_lines.at(row).day;
}

bool ConversationModel::continuesGroup(int row, int gapSeconds) const
{
    if (row <= 0 || row >= int(m_lines.size()))
        return false;
    const Line& before = m_lines.at(row - 1);
    const Line& line = m_lines.at(row);
    if (!isMessage(before) || !isMessage(line) || before.day != line.day ||
        before.isOwn != line.isOwn || before.sender != line.sender || dividerRow() == row)
        return false;
    const qint64 gap = before.time.msecsTo(line.time);
    return gap >= 0 && gap <= qint64(gapSeconds) * 1000;
}

int ConversationModel::dividerRow() const
{
    // Asked for every row a view lays out: worked out once per change of lines or divider.
    if (m_dividerRow != UnknownRow)
        return m_dividerRow;
    m_dividerRow = -1;
    if (!m_dividerTime.isValid())
        return m_dividerRow;
    for (int row = 0; row < int(m_lines.size()); ++row) {
        const Line& line = m_lines.at(row);
        if (isMessage(line) && !line.isOwn && line.time >= m_dividerTime)
            return m_dividerRow = row;
    }
    return m_dividerRow;
}

void ConversationModel::placeDivider()
{
    int remaining = m_unread;
    QDateTime from;
    for (auto it = m_lines.crbegin(); it != m_lines.crend() && remaining > 0; ++it) {
        if (isMessage(*it) && !it->isOwn) {
            from = it->time;
            --remaining;
        }
    }
    setDividerTime(from);
}

void ConversationModel::placeDividerAt(const QDateTime& time)
{
    setDividerTime(time);
}

void ConversationModel::setDividerTime(const QDateTime& time)
{
    if (m_dividerTime == time)
        return;
    m_dividerTime = time;
    m_dividerRow = UnknownRow;
    emit dividerChanged();
}

void ConversationModel::append(const Line& line)
{
    if (int(m_lines.size()) >= MaxLines)
        dropOldest();
    insertAt(int(m_lines.size()), line);
}

void ConversationModel::insertAt(int row, const Line& line)
{
    beginInsertRows({}, row, row);
    m_lines.insert(m_lines.begin() + row, line);
    // The day as the user's calendar has it, worked out once: views ask it for every row.
    m_lines[row].day = line.time.toLocalTime().date();
    static quint64 s_nextLineId = 1; // the GUI thread's
    m_lines[row].id = s_nextLineId++;
    m_dividerRow = UnknownRow;
    if (row == 0 && int(m_lines.size()) > 1) {
        // Older history goes in at the top, a page at a time: every row moves down one, which
        // the base says for all of them at once.
        ++m_msgidRowBase;
        if (!line.msgid.isEmpty())
            m_rowByMsgid.insert(line.msgid, -m_msgidRowBase);
    } else {
        reindexFrom(row);
    }
    endInsertRows();
}

void ConversationModel::dropOldest()
{
    constexpr int Drop = MaxLines / 10;
    beginRemoveRows({}, 0, Drop - 1);
    m_lines.erase(m_lines.begin(), m_lines.begin() + Drop);
    m_dividerRow = UnknownRow;
    m_rowByMsgid.clear();
    m_msgidRowBase = 0;
    reindexFrom(0);
    endRemoveRows();
}

void ConversationModel::reindexFrom(int row)
{
    for (int i = row; i < int(m_lines.size()); ++i) {
        if (!m_lines.at(i).msgid.isEmpty())
            m_rowByMsgid.insert(m_lines.at(i).msgid, i - m_msgidRowBase);
    }
}

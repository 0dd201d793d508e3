#include "models/roomlistmodel.h"

#include <QFont>

RoomListModel::RoomListModel(QObject* parent) : QAbstractListModel(parent) {}

int RoomListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room& room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (room.unread > 0)
            return tr("%1 (%n unread)", nullptr, room.unread).arg(room.name);
        return room.name;
    case Qt::ToolTipRole:
        if (!room.joined)
            return tr("%1 — not joined at the moment").arg(room.name);
        return room.topic.isEmpty() ? room.name : tr("%1: %2").arg(room.name, room.topic);
    case Qt::FontRole:
        if (room.unread > 0 || !room.joined) {
            QFont font;
            font.setBold(room.unread > 0);
            font.setItalic(!room.joined);
            return font;
        }
        return {};
    case NameRole:
        return room.name;
    case TopicRole:
        return room.topic;
    case UnreadRole:
        return room.unread;
    case JoinedRole:
        return room.joined;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(TopicRole, "topic");
    names.insert(UnreadRole, "unread");
    names.insert(JoinedRole, "joined");
    return names;
}

int RoomListModel::indexOf(const QString& room) const
{
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_caseMapping.equals(m_rooms.at(row).name, room))
            return row;
    }
    return -1;
}

QStringList RoomListModel::names() const
{
    QStringList list;
    for (const Room& room : m_rooms)
        list.append(room.name);
    return list;
}

QString RoomListModel::topic(const QString& room) const
{
    const int row = indexOf(room);
    return row >= 0 ? m_rooms.at(row).topic : QString();
}

bool RoomListModel::isJoined(const QString& room) const
{
    const int row = indexOf(room);
    return row >= 0 && m_rooms.at(row).joined;
}

int RoomListModel::unreadCount(const QString& room) const
{
    const int row = indexOf(room);
    return row >= 0 ? m_rooms.at(row).unread : 0;
}

void RoomListModel::addRoom(const QString& room)
{
    const int row = indexOf(room);
    if (row >= 0) {
        setJoined(room, true);
        return;
    }
    const int at = int(m_rooms.size());
    beginInsertRows({}, at, at);
    m_rooms.append(Room{room, {}, 0, true});
    endInsertRows();
}

void RoomListModel::removeRoom(const QString& room)
{
    const int row = indexOf(room);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rooms.removeAt(row);
    endRemoveRows();
}

void RoomListModel::setJoined(const QString& room, bool joined)
{
    const int row = indexOf(room);
    if (row < 0 || m_rooms.at(row).joined == joined)
        return;
    m_rooms[row].joined = joined;
    changed(row);
}

void RoomListModel::setAllJoined(bool joined)
{
    for (const Room& room : std::as_const(m_rooms))
        setJoined(room.name, joined);
}

void RoomListModel::setTopic(const QString& room, const QString& topic)
{
    const int row = indexOf(room);
    if (row < 0 || m_rooms.at(row).topic == topic)
        return;
    m_rooms[row].topic = topic;
    changed(row);
}

void RoomListModel::setUnreadCount(const QString& room, int count)
{
    const int row = indexOf(room);
    if (row < 0 || m_rooms.at(row).unread == count)
        return;
    m_rooms[row].unread = count;
    changed(row);
}

void RoomListModel::changed(int row)
{
    const QModelIndex idx = index(row);
    emit dataChanged(idx, idx);
}

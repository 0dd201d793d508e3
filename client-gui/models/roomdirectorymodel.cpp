#include "models/roomdirectorymodel.h"

RoomDirectoryModel::RoomDirectoryModel(QObject* parent) : QAbstractTableModel(parent) {}

int RoomDirectoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

int RoomDirectoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoomDirectoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room& room = m_rooms.at(index.row());
    if (role == NameRole)
        return room.name;
    if (role == Qt::ToolTipRole)
        return tr("Double-click to join %1").arg(room.name);
    if (role == Qt::TextAlignmentRole && index.column() == UsersColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); // a count, like numbers
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return room.name;
    case UsersColumn:
        return room.users; // a number, so that it sorts as one
    case TopicColumn:
        return room.topic;
    default:
        return {};
    }
}

QVariant RoomDirectoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Room");
    case UsersColumn:
        return tr("People");
    case TopicColumn:
        return tr("Topic");
    default:
        return {};
    }
}

void RoomDirectoryModel::clear()
{
    beginResetModel();
    m_rooms.clear();
    endResetModel();
    if (m_complete) {
        m_complete = false;
        emit completeChanged(false);
    }
}

void RoomDirectoryModel::addRoom(const QString& name, int users, const QString& topic)
{
    const int row = int(m_rooms.size());
    beginInsertRows({}, row, row);
    m_rooms.append({name, users, topic});
    endInsertRows();
}

void RoomDirectoryModel::finish()
{
    if (m_complete)
        return;
    m_complete = true;
    emit completeChanged(true);
}

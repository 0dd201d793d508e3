#include "models/contactlistmodel.h"

#include <QColor>
#include <QFont>

ContactListModel::ContactListModel(QObject* parent) : QAbstractListModel(parent) {}

int ContactListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_contacts.size());
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contact& contact = m_contacts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (contact.unread > 0)
            return tr("%1 (%n unread)", nullptr, contact.unread).arg(label(contact));
        return label(contact);
    case Qt::ToolTipRole:
        if (contact.away && !contact.awayMessage.isEmpty())
            return tr("%1 is away: %2").arg(label(contact), contact.awayMessage);
        if (contact.away)
            return tr("%1 is away").arg(label(contact));
        return tr("%1 is online — double-click to talk privately").arg(label(contact));
    case Qt::DecorationRole:
        return contact.away ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x3c, 0xb3, 0x4a);
    case Qt::FontRole:
        if (contact.away || contact.unread > 0) {
            QFont font;
            font.setItalic(contact.away);
            font.setBold(contact.unread > 0);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
        return label(contact);
    case DisplayNameRole:
        return contact.displayName;
    case SearchRole:
        return contact.displayName.isEmpty()
                   ? contact.nick
                   : QStringLiteral("%1 %2").arg(contact.nick, contact.displayName);
    case NickRole:
        return contact.nick;
    case AwayRole:
        return contact.away;
    case AwayMessageRole:
        return contact.awayMessage;
    case UnreadRole:
        return contact.unread;
    case RoomsRole: {
        QStringList rooms(contact.rooms.cbegin(), contact.rooms.cend());
        rooms.sort();
        return rooms;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ContactListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NickRole, "nick");
    names.insert(AwayRole, "away");
    names.insert(AwayMessageRole, "awayMessage");
    names.insert(UnreadRole, "unread");
    names.insert(RoomsRole, "rooms");
    names.insert(DisplayNameRole, "displayName");
    return names;
}

void ContactListModel::setOwnNick(const QString& nick)
{
    m_ownNick = nick;
    removeUser(nick);
}

int ContactListModel::indexOf(const QString& nick) const
{
    for (int row = 0; row < m_contacts.size(); ++row) {
        if (m_caseMapping.equals(m_contacts.at(row).nick, nick))
            return row;
    }
    return -1;
}

QStringList ContactListModel::nicks() const
{
    QStringList list;
    for (const Contact& contact : m_contacts)
        list.append(contact.nick);
    return list;
}

bool ContactListModel::isAway(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 && m_contacts.at(row).away;
}

QString ContactListModel::awayMessage(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 ? m_contacts.at(row).awayMessage : QString();
}

QString ContactListModel::displayName(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 ? m_contacts.at(row).displayName : QString();
}

int ContactListModel::unreadCount(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 ? m_contacts.at(row).unread : m_pendingUnread.value(m_caseMapping.fold(nick));
}

void ContactListModel::addMember(const QString& room, const QString& nick)
{
    if (nick.isEmpty() || m_caseMapping.equals(nick, m_ownNick))
        return;
    const QString key = m_caseMapping.fold(room);
    const int row = indexOf(nick);
    if (row >= 0) {
        m_contacts[row].rooms.insert(key);
        changed(row);
        return;
    }
    Contact contact;
    contact.nick = nick;
    contact.rooms.insert(key);
    contact.unread = m_pendingUnread.take(m_caseMapping.fold(nick));
    const int at = int(m_contacts.size());
    beginInsertRows({}, at, at);
    m_contacts.append(contact);
    endInsertRows();
}

void ContactListModel::removeMember(const QString& room, const QString& nick)
{
    const int row = indexOf(nick);
    if (row < 0)
        return;
    m_contacts[row].rooms.remove(m_caseMapping.fold(room));
    if (m_contacts.at(row).rooms.isEmpty())
        removeRow(row);
    else
        changed(row);
}

void ContactListModel::setMembers(const QString& room, const QStringList& nicks)
{
    const QString key = m_caseMapping.fold(room);
    QSet<QString> present;
    for (const QString& nick : nicks)
        present.insert(m_caseMapping.fold(nick));
    for (int row = int(m_contacts.size()) - 1; row >= 0; --row) {
        Contact& contact = m_contacts[row];
        if (contact.rooms.contains(key) && !present.contains(m_caseMapping.fold(contact.nick)))
            removeMember(room, contact.nick);
    }
    for (const QString& nick : nicks)
        addMember(room, nick);
}

void ContactListModel::removeRoom(const QString& room)
{
    const QString key = m_caseMapping.fold(room);
    for (int row = int(m_contacts.size()) - 1; row >= 0; --row) {
        if (m_contacts.at(row).rooms.contains(key))
            removeMember(room, m_contacts.at(row).nick);
    }
}

void ContactListModel::removeUser(const QString& nick)
{
    const int row = indexOf(nick);
    if (row >= 0)
        removeRow(row);
}

void ContactListModel::renameUser(const QString& oldNick, const QString& newNick)
{
    const int row = indexOf(oldNick);
    if (row < 0)
        return;
    if (m_caseMapping.equals(newNick, m_ownNick)) {
        removeRow(row);
        return;
    }
    const int existing = indexOf(newNick);
    if (existing >= 0 && existing != row) { // should not happen; keep one row
        m_contacts[existing].rooms.unite(m_contacts.at(row).rooms);
        removeRow(row);
        return;
    }
    m_contacts[row].nick = newNick;
    changed(row);
}

void ContactListModel::setAway(const QString& nick, bool away, const QString& message)
{
    const int row = indexOf(nick);
    if (row < 0)
        return;
    Contact& contact = m_contacts[row];
    if (contact.away == away && contact.awayMessage == message)
        return;
    contact.away = away;
    contact.awayMessage = away ? message : QString();
    changed(row);
}

void ContactListModel::setDisplayName(const QString& nick, const QString& name)
{
    const int row = indexOf(nick);
    if (row < 0 || m_contacts.at(row).displayName == name)
        return;
    m_contacts[row].displayName = name;
    changed(row);
}

QString ContactListModel::label(const Contact& contact)
{
    return contact.displayName.isEmpty() ? contact.nick
                                         : tr("%1 (%2)").arg(contact.displayName, contact.nick);
}

void ContactListModel::setUnreadCount(const QString& nick, int count)
{
    const int row = indexOf(nick);
    if (row < 0) {
        if (count > 0)
            m_pendingUnread.insert(m_caseMapping.fold(nick), count);
        else
            m_pendingUnread.remove(m_caseMapping.fold(nick));
        return;
    }
    if (m_contacts.at(row).unread == count)
        return;
    m_contacts[row].unread = count;
    changed(row);
}

void ContactListModel::clear()
{
    if (m_contacts.isEmpty())
        return;
    beginResetModel();
    for (const Contact& contact : std::as_const(m_contacts)) {
        if (contact.unread > 0)
            m_pendingUnread.insert(m_caseMapping.fold(contact.nick), contact.unread);
    }
    m_contacts.clear();
    endResetModel();
}

void ContactListModel::removeRow(int row)
{
    const Contact& contact = m_contacts.at(row);
    if (contact.unread > 0)
        m_pendingUnread.insert(m_caseMapping.fold(contact.nick), contact.unread);
    beginRemoveRows({}, row, row);
    m_contacts.removeAt(row);
    endRemoveRows();
}

void ContactListModel::changed(int row)
{
    const QModelIndex idx = index(row);
    emit dataChanged(idx, idx);
}

#include "models/contactlistmodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace {

// The order of the list: online, away, then the rest.
int rank(ContactPresence::State state)
{
    switch (state) {
    case ContactPresence::State::Online:
        return 0;
    case ContactPresence::State::Away:
        return 1;
    case ContactPresence::State::Offline:
    case ContactPresence::State::Unknown:
        break;
    }
    return 2;
}

} // namespace

ContactListModel::ContactListModel(QObject* parent) : QAbstractListModel(parent) {}

int ContactListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_contacts.size());
}

QString ContactListModel::stateText(const Contact& contact)
{
    const ContactPresence& presence = contact.presence;
    switch (presence.state) {
    case ContactPresence::State::Online:
        return tr("online");
    case ContactPresence::State::Away:
        return presence.awayMessage.isEmpty() ? tr("away")
                                              : tr("away: %1").arg(presence.awayMessage);
    case ContactPresence::State::Offline:
        if (presence.lastSeen.isValid())
            return tr("offline, last seen %1")
                .arg(QLocale().toString(presence.lastSeen.toLocalTime(), QLocale::ShortFormat));
        return tr("offline");
    case ContactPresence::State::Unknown:
        break;
    }
    return presence.lastSeen.isValid()
               ? tr("last seen %1")
                     .arg(QLocale().toString(presence.lastSeen.toLocalTime(), QLocale::ShortFormat))
               : QString();
}

QVariant ContactListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Contact& contact = m_contacts.at(index.row());
    const ContactPresence::State state = contact.presence.state;
    switch (role) {
    case Qt::DisplayRole: {
        const QString text = stateText(contact);
        const QString shown =
            text.isEmpty() ? label(contact) : tr("%1 — %2").arg(label(contact), text);
        if (contact.unread > 0)
            return tr("%1 (%n unread)", nullptr, contact.unread).arg(shown);
        return shown;
    }
    case Qt::ToolTipRole:
        if (contact.presence.isOnline())
            return tr("%1 is %2 — double-click to talk privately")
                .arg(label(contact), stateText(contact));
        return tr("%1 is not online — double-click to write anyway").arg(label(contact));
    case Qt::DecorationRole:
        switch (state) {
        case ContactPresence::State::Online:
            return QColor(0x3c, 0xb3, 0x4a);
        case ContactPresence::State::Away:
            return QColor(0xf5, 0xc5, 0x42);
        case ContactPresence::State::Offline:
        case ContactPresence::State::Unknown:
            break;
        }
        return QColor(0xb0, 0xb0, 0xb0);
    case Qt::ForegroundRole:
        if (!contact.presence.isOnline())
            return QColor(0x80, 0x80, 0x80);
        return {};
    case Qt::FontRole:
        if (state == ContactPresence::State::Away || contact.unread > 0) {
            QFont font;
            font.setItalic(state == ContactPresence::State::Away);
            font.setBold(contact.unread > 0);
            return font;
        }
        return {};
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    case DisplayNameRole:
        return contact.displayName;
    case SearchRole:
        return contact.displayName.isEmpty()
                   ? contact.nick
                   : QStringLiteral("%1 %2").arg(contact.nick, contact.displayName);
    case NickRole:
        return contact.nick;
    case AwayRole:
        return state == ContactPresence::State::Away;
    case AwayMessageRole:
        return contact.presence.awayMessage;
    case UnreadRole:
        return contact.unread;
    case PresenceRole:
        return int(state);
    case LastSeenRole:
        return contact.presence.lastSeen;
    case SortRole:
        return QStringLiteral("%1 %2").arg(rank(state)).arg(contact.nick.toLower());
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
    names.insert(DisplayNameRole, "displayName");
    names.insert(PresenceRole, "presence");
    names.insert(LastSeenRole, "lastSeen");
    return names;
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

ContactPresence ContactListModel::presence(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 ? m_contacts.at(row).presence : ContactPresence();
}

bool ContactListModel::isAway(const QString& nick) const
{
    return presence(nick).state == ContactPresence::State::Away;
}

QString ContactListModel::awayMessage(const QString& nick) const
{
    return presence(nick).awayMessage;
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

void ContactListModel::setContacts(const QStringList& names)
{
    beginResetModel();
    for (const Contact& contact : std::as_const(m_contacts)) {
        if (contact.unread > 0)
            m_pendingUnread.insert(m_caseMapping.fold(contact.nick), contact.unread);
    }
    m_contacts.clear();
    for (const QString& name : names) {
        Contact contact;
        contact.nick = name;
        contact.unread = m_pendingUnread.take(m_caseMapping.fold(name));
        m_contacts.append(contact);
    }
    endResetModel();
}

void ContactListModel::addContact(const QString& name)
{
    if (name.isEmpty() || contains(name))
        return;
    Contact contact;
    contact.nick = name;
    contact.unread = m_pendingUnread.take(m_caseMapping.fold(name));
    const int at = int(m_contacts.size());
    beginInsertRows({}, at, at);
    m_contacts.append(contact);
    endInsertRows();
}

void ContactListModel::removeContact(const QString& name)
{
    const int row = indexOf(name);
    if (row < 0)
        return;
    const Contact& contact = m_contacts.at(row);
    if (contact.unread > 0)
        m_pendingUnread.insert(m_caseMapping.fold(contact.nick), contact.unread);
    beginRemoveRows({}, row, row);
    m_contacts.removeAt(row);
    endRemoveRows();
}

void ContactListModel::setPresence(const QString& name, const ContactPresence& presence)
{
    const int row = indexOf(name);
    if (row < 0 || m_contacts.at(row).presence == presence)
        return;
    m_contacts[row].presence = presence;
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

void ContactListModel::changed(int row)
{
    const QModelIndex idx = index(row);
    emit dataChanged(idx, idx);
}

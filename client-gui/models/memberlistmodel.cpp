#include "models/memberlistmodel.h"

#include <QColor>
#include <QFont>
#include <QHash>

MemberListModel::MemberListModel(QObject* parent) : QAbstractListModel(parent) {}

int MemberListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_members.size());
}

QString MemberListModel::label(const Member& member)
{
    return member.displayName.isEmpty() ? member.nick
                                        : tr("%1 (%2)").arg(member.displayName, member.nick);
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Member& member = m_members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return member.prefixes.left(1) + label(member);
    case Qt::AccessibleTextRole:
        return label(member);
    case Qt::ToolTipRole:
        if (member.away && !member.awayMessage.isEmpty())
            return tr("%1 is away: %2").arg(label(member), member.awayMessage);
        if (member.away)
            return tr("%1 is away").arg(label(member));
        return tr("%1 — double-click to talk privately").arg(label(member));
    case Qt::ForegroundRole:
        if (member.away)
            return QColor(0x90, 0x90, 0x90);
        return {};
    case Qt::FontRole:
        if (member.away) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case NickRole:
        return member.nick;
    case PrefixesRole:
        return member.prefixes;
    case AwayRole:
        return member.away;
    case AwayMessageRole:
        return member.awayMessage;
    case DisplayNameRole:
        return member.displayName;
    case SearchRole:
        return member.displayName.isEmpty()
                   ? member.nick
                   : QStringLiteral("%1 %2").arg(member.nick, member.displayName);
    case SortRole: {
        qsizetype rank =
            member.prefixes.isEmpty() ? -1 : m_prefixSymbols.indexOf(member.prefixes.front());
        if (rank < 0)
            rank = m_prefixSymbols.size();
        return QStringLiteral("%1 %2")
            .arg(rank, 2, 10, QLatin1Char('0'))
            .arg(member.nick.toLower());
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NickRole, "nick");
    names.insert(PrefixesRole, "prefixes");
    names.insert(AwayRole, "away");
    names.insert(AwayMessageRole, "awayMessage");
    names.insert(DisplayNameRole, "displayName");
    return names;
}

int MemberListModel::indexOf(const QString& nick) const
{
    for (int row = 0; row < m_members.size(); ++row) {
        if (m_caseMapping.equals(m_members.at(row).nick, nick))
            return row;
    }
    return -1;
}

QStringList MemberListModel::nicks() const
{
    QStringList list;
    for (const Member& member : m_members)
        list.append(member.nick);
    return list;
}

QString MemberListModel::prefixesOf(const QString& nick) const
{
    const int row = indexOf(nick);
    return row >= 0 ? m_members.at(row).prefixes : QString();
}

void MemberListModel::setMembers(const QString& room, const QList<Member>& members)
{
    if (!m_caseMapping.equals(room, m_room) || (room.isEmpty() && !m_members.isEmpty())) {
        beginResetModel();
        m_room = room;
        m_members = members;
        endResetModel();
        return;
    }
    m_room = room;
    QHash<QString, Member> now;
    for (const Member& member : members)
        now.insert(m_caseMapping.fold(member.nick), member);
    // Gone, from the end so the rows before keep their numbers; then changed; then new.
    for (int row = int(m_members.size()) - 1; row >= 0; --row) {
        if (!now.contains(m_caseMapping.fold(m_members.at(row).nick))) {
            beginRemoveRows({}, row, row);
            m_members.removeAt(row);
            endRemoveRows();
        }
    }
    for (int row = 0; row < m_members.size(); ++row) {
        const Member member = now.take(m_caseMapping.fold(m_members.at(row).nick));
        if (member == m_members.at(row))
            continue;
        m_members[row] = member;
        emit dataChanged(index(row), index(row));
    }
    QList<Member> added;
    for (const Member& member : members) {
        if (now.contains(m_caseMapping.fold(member.nick)))
            added.append(member);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_members.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_members.append(added);
    endInsertRows();
}

#include "session/networkstate.h"

#include <algorithm>

void NetworkState::resetForConnection()
{
    m_isupport = IrcISupport();
    m_caseMapping = m_isupport.caseMapping();
    clearMembers();
}

void NetworkState::addISupport(const QStringList& params)
{
    m_isupport.addReply(params);
    m_caseMapping = m_isupport.caseMapping();
}

bool NetworkState::isRoomName(const QString& target) const
{
    return !target.isEmpty() && m_isupport.chanTypes().contains(target.front());
}

bool NetworkState::hasRoom(const QString& room) const
{
    const QString key = fold(room);
    return std::any_of(m_rooms.cbegin(), m_rooms.cend(),
                       [&](const QString& r) { return fold(r) == key; });
}

QString NetworkState::displayRoomName(const QString& room) const
{
    const QString key = fold(room);
    for (const QString& r : m_rooms) {
        if (fold(r) == key)
            return r;
    }
    return room;
}

bool NetworkState::isMember(const QString& room, const QString& nick) const
{
    const QStringList list = m_members.value(fold(room));
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const QString& m) { return m_caseMapping.equals(m, nick); });
}

QStringList NetworkState::roomsOf(const QString& nick) const
{
    QStringList rooms;
    for (const QString& room : m_rooms) {
        if (isMember(room, nick))
            rooms.append(room);
    }
    return rooms;
}

void NetworkState::joinRoom(const QString& room)
{
    addRoomToJoin(room);
    m_members.insert(fold(room), {});
}

void NetworkState::addRoomToJoin(const QString& room)
{
    if (!hasRoom(room))
        m_rooms.append(room);
}

void NetworkState::removeRoom(const QString& room)
{
    const QString key = fold(room);
    m_members.remove(key);
    m_pendingNames.remove(key);
    m_rooms.removeIf([&](const QString& r) { return fold(r) == key; });
}

void NetworkState::clearMembers()
{
    m_members.clear();
    m_realNames.clear();
    m_pendingNames.clear();
}

void NetworkState::addMember(const QString& room, const QString& nick)
{
    if (!isMember(room, nick))
        m_members[fold(room)].append(nick);
}

bool NetworkState::removeMember(const QString& room, const QString& nick)
{
    const auto it = m_members.find(fold(room));
    if (it == m_members.end())
        return false;
    return it->removeIf([&](const QString& m) { return m_caseMapping.equals(m, nick); }) > 0;
}

void NetworkState::setRealName(const QString& nick, const QString& realName)
{
    if (realName.isEmpty())
        m_realNames.remove(fold(nick));
    else
        m_realNames.insert(fold(nick), realName);
}

QStringList NetworkState::removeUser(const QString& nick)
{
    m_realNames.remove(fold(nick));
    const QStringList rooms = roomsOf(nick);
    for (const QString& room : rooms)
        removeMember(room, nick);
    return rooms;
}

QStringList NetworkState::renameUser(const QString& oldNick, const QString& newNick)
{
    const QStringList rooms = roomsOf(oldNick);
    for (const QString& room : rooms) {
        for (QString& member : m_members[fold(room)]) {
            if (m_caseMapping.equals(member, oldNick))
                member = newNick;
        }
    }
    if (m_realNames.contains(fold(oldNick)))
        m_realNames.insert(fold(newNick), m_realNames.take(fold(oldNick)));
    if (isOwnNick(oldNick))
        m_nick = newNick;
    return rooms;
}

void NetworkState::addNames(const QString& room, const QStringList& names)
{
    QStringList& pending = m_pendingNames[fold(room)];
    for (const QString& name : names) {
        const QString nick = stripPrefixes(name).section(QLatin1Char('!'), 0, 0);
        if (!nick.isEmpty())
            pending.append(nick);
    }
}

QStringList NetworkState::endNames(const QString& room)
{
    const QStringList nicks = m_pendingNames.take(fold(room));
    if (m_members.contains(fold(room)))
        m_members.insert(fold(room), nicks);
    return nicks;
}

QString NetworkState::stripPrefixes(const QString& name) const
{
    const QString symbols = m_isupport.prefixSymbols();
    qsizetype i = 0;
    while (i < name.size() && symbols.contains(name.at(i)))
        ++i;
    return name.mid(i);
}

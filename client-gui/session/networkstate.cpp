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

QUrl NetworkState::fileHostUrl() const
{
    const QUrl url(m_isupport.value(QStringLiteral("soju.im/FILEHOST")), QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty())
        return {};
    return url;
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

QStringList NetworkState::members(const QString& room) const
{
    QStringList nicks;
    for (const RoomMember& member : m_members.value(fold(room)))
        nicks.append(member.nick);
    return nicks;
}

bool NetworkState::isMember(const QString& room, const QString& nick) const
{
    const QList<RoomMember> list = m_members.value(fold(room));
    return std::any_of(list.cbegin(), list.cend(),
                       [&](const RoomMember& m) { return m_caseMapping.equals(m.nick, nick); });
}

QString NetworkState::prefixesOf(const QString& room, const QString& nick) const
{
    for (const RoomMember& member : m_members.value(fold(room))) {
        if (m_caseMapping.equals(member.nick, nick))
            return member.prefixes;
    }
    return {};
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
        m_members[fold(room)].append(RoomMember{nick, {}});
}

bool NetworkState::removeMember(const QString& room, const QString& nick)
{
    const auto it = m_members.find(fold(room));
    if (it == m_members.end())
        return false;
    return it->removeIf([&](const RoomMember& m) { return m_caseMapping.equals(m.nick, nick); }) >
           0;
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
        for (RoomMember& member : m_members[fold(room)]) {
            if (m_caseMapping.equals(member.nick, oldNick))
                member.nick = newNick;
        }
    }
    if (m_realNames.contains(fold(oldNick)))
        m_realNames.insert(fold(newNick), m_realNames.take(fold(oldNick)));
    if (isOwnNick(oldNick))
        m_nick = newNick;
    return rooms;
}

RoomMember NetworkState::parseName(const QString& name) const
{
    const QString symbols = m_isupport.prefixSymbols();
    qsizetype i = 0;
    while (i < name.size() && symbols.contains(name.at(i)))
        ++i;
    return RoomMember{name.mid(i).section(QLatin1Char('!'), 0, 0), sortedPrefixes(name.left(i))};
}

QString NetworkState::sortedPrefixes(const QString& prefixes) const
{
    QString sorted;
    for (const QChar symbol : m_isupport.prefixSymbols()) {
        if (prefixes.contains(symbol))
            sorted.append(symbol);
    }
    return sorted;
}

void NetworkState::addNames(const QString& room, const QStringList& names)
{
    QList<RoomMember>& pending = m_pendingNames[fold(room)];
    for (const QString& name : names) {
        const RoomMember member = parseName(name);
        if (!member.nick.isEmpty())
            pending.append(member);
    }
}

QStringList NetworkState::endNames(const QString& room)
{
    const QList<RoomMember> list = m_pendingNames.take(fold(room));
    if (m_members.contains(fold(room)))
        m_members.insert(fold(room), list);
    QStringList nicks;
    for (const RoomMember& member : list)
        nicks.append(member.nick);
    return nicks;
}

QStringList NetworkState::applyModes(const QString& room, const QString& modes,
                                     const QStringList& args)
{
    const auto it = m_members.find(fold(room));
    if (it == m_members.end())
        return {};
    const QString prefixModes = m_isupport.prefixModes();
    const QString prefixSymbols = m_isupport.prefixSymbols();
    // CHANMODES=A,B,C,D: A and B always take an argument, C only when set, D never.
    QStringList kinds = m_isupport.value(QStringLiteral("CHANMODES")).split(QLatin1Char(','));
    if (kinds.size() < 4)
        kinds = {QStringLiteral("beI"), QStringLiteral("k"), QStringLiteral("l"), QString()};
    QStringList changed;
    bool adding = true;
    qsizetype nextArg = 0;
    for (const QChar mode : modes) {
        if (mode == QLatin1Char('+') || mode == QLatin1Char('-')) {
            adding = mode == QLatin1Char('+');
            continue;
        }
        const qsizetype rank = prefixModes.indexOf(mode);
        if (rank < 0) {
            const bool takesArg = kinds.at(0).contains(mode) || kinds.at(1).contains(mode) ||
                                  (adding && kinds.at(2).contains(mode));
            if (takesArg)
                ++nextArg;
            continue;
        }
        if (nextArg >= args.size() || rank >= prefixSymbols.size())
            break; // a broken line: what is left cannot be matched to its arguments
        const QString nick = args.at(nextArg++);
        for (RoomMember& member : *it) {
            if (!m_caseMapping.equals(member.nick, nick))
                continue;
            const QChar symbol = prefixSymbols.at(rank);
            const QString before = member.prefixes;
            QString prefixes = before;
            prefixes.remove(symbol);
            if (adding)
                prefixes.append(symbol);
            member.prefixes = sortedPrefixes(prefixes);
            if (member.prefixes != before && !changed.contains(member.nick))
                changed.append(member.nick);
            break;
        }
    }
    return changed;
}

QString NetworkState::stripPrefixes(const QString& name) const
{
    const QString symbols = m_isupport.prefixSymbols();
    qsizetype i = 0;
    while (i < name.size() && symbols.contains(name.at(i)))
        ++i;
    return name.mid(i);
}

#include "state/serverchannel.h"

#include "irccasemapping.h"
#include "ircmask.h"
#include "state/serveruser.h"

#include <algorithm>

ServerChannel::ServerChannel(const QString& name, const QString& foldedName, qint64 createdSecs)
    : m_name(name), m_foldedName(foldedName), m_createdSecs(createdSecs)
{
}

void ServerChannel::setTopic(const QString& topic, const QString& setBy, qint64 secs)
{
    m_topic = topic;
    m_topicSetBy = setBy;
    m_topicSecs = secs;
}

std::optional<ServerChannel::Mode> ServerChannel::flagMode(QChar letter)
{
    switch (letter.unicode()) {
    case 'H':
        return Mode::HistorySinceJoin;
    case 'i':
        return Mode::InviteOnly;
    case 'm':
        return Mode::Moderated;
    case 'n':
        return Mode::NoExternal;
    case 's':
        return Mode::Secret;
    case 't':
        return Mode::TopicLocked;
    default:
        return std::nullopt;
    }
}

bool ServerChannel::setMode(Mode mode, bool on)
{
    if (hasMode(mode) == on)
        return false;
    m_modes = on ? (m_modes | bit(mode)) : (m_modes & ~bit(mode));
    return true;
}

QString ServerChannel::modeString(bool showKey, QStringList* args) const
{
    QString modes = QStringLiteral("+");
    if (hasMode(Mode::HistorySinceJoin))
        modes += u'H';
    if (hasMode(Mode::InviteOnly))
        modes += u'i';
    if (!m_key.isEmpty()) {
        modes += u'k';
        args->append(showKey ? m_key : QStringLiteral("*"));
    }
    if (m_limit > 0) {
        modes += u'l';
        args->append(QString::number(m_limit));
    }
    if (hasMode(Mode::Moderated))
        modes += u'm';
    if (hasMode(Mode::NoExternal))
        modes += u'n';
    if (hasMode(Mode::Secret))
        modes += u's';
    if (hasMode(Mode::TopicLocked))
        modes += u't';
    return modes;
}

bool ServerChannel::addBan(const QString& mask, const IrcCaseMapping& caseMapping)
{
    const QString folded = caseMapping.fold(mask);
    const bool exists = std::any_of(m_bans.cbegin(), m_bans.cend(), [&](const QString& ban) {
        return caseMapping.fold(ban) == folded;
    });
    if (exists)
        return false;
    m_bans.append(mask);
    return true;
}

bool ServerChannel::removeBan(const QString& mask, const IrcCaseMapping& caseMapping)
{
    const QString folded = caseMapping.fold(mask);
    auto it = std::find_if(m_bans.begin(), m_bans.end(),
                           [&](const QString& ban) { return caseMapping.fold(ban) == folded; });
    if (it == m_bans.end())
        return false;
    m_bans.erase(it);
    return true;
}

bool ServerChannel::isBanned(const ServerUser* user, const IrcCaseMapping& caseMapping) const
{
    if (m_bans.isEmpty())
        return false;
    const QString source = caseMapping.fold(user->source());
    return std::any_of(m_bans.cbegin(), m_bans.cend(), [&](const QString& ban) {
        return IrcMask::matches(caseMapping.fold(ban), source);
    });
}

bool ServerChannel::hasMember(const ServerUser* user) const
{
    return m_memberFlags.contains(user);
}

int ServerChannel::flags(const ServerUser* user) const
{
    const auto it = m_memberFlags.constFind(user);
    return it == m_memberFlags.cend() ? 0 : it->flags;
}

qint64 ServerChannel::joinedMs(const ServerUser* user) const
{
    const auto it = m_memberFlags.constFind(user);
    return it == m_memberFlags.cend() ? 0 : it->joinedMs;
}

void ServerChannel::setFlag(ServerUser* user, int flag, bool on)
{
    auto it = m_memberFlags.find(user);
    if (it != m_memberFlags.end())
        it->flags = on ? (it->flags | flag) : (it->flags & ~flag);
}

void ServerChannel::setJoinedMs(ServerUser* user, qint64 joinedMs)
{
    auto it = m_memberFlags.find(user);
    if (it != m_memberFlags.end())
        it->joinedMs = joinedMs;
}

void ServerChannel::addMember(ServerUser* user, int flags, qint64 joinedMs)
{
    m_members.append(user);
    m_memberFlags.insert(user, {flags, joinedMs});
}

void ServerChannel::removeMember(ServerUser* user)
{
    m_members.removeOne(user);
    m_memberFlags.remove(user);
}

bool ServerChannel::isVisibleTo(const ServerUser* user) const
{
    return !hasMode(Mode::Secret) || hasMember(user);
}

QString ServerChannel::prefixes(const ServerUser* member, bool all) const
{
    const int memberFlags = flags(member);
    QString result;
    if (memberFlags & Op)
        result += u'@';
    if ((memberFlags & Voice) && (all || result.isEmpty()))
        result += u'+';
    return result;
}

ServerChannel::JoinDenial ServerChannel::checkJoin(const ServerUser* user, const QString& key,
                                                   const IrcCaseMapping& caseMapping) const
{
    // An invite lets a user past every restriction.
    if (isInvited(user->foldedNick()))
        return JoinDenial::None;
    if (!m_key.isEmpty() && key != m_key)
        return JoinDenial::BadKey;
    if (hasMode(Mode::InviteOnly))
        return JoinDenial::InviteOnly;
    if (m_limit > 0 && m_members.size() >= m_limit)
        return JoinDenial::Full;
    if (isBanned(user, caseMapping))
        return JoinDenial::Banned;
    return JoinDenial::None;
}

bool ServerChannel::canSend(const ServerUser* user, const IrcCaseMapping& caseMapping) const
{
    const auto it = m_memberFlags.constFind(user);
    const bool member = it != m_memberFlags.cend();
    const int userFlags = member ? it->flags : 0;
    const bool privileged = member && (userFlags & (Op | Voice)) != 0;
    if (hasMode(Mode::NoExternal) && !member)
        return false;
    if (hasMode(Mode::Moderated) && !privileged)
        return false;
    return privileged || !isBanned(user, caseMapping);
}

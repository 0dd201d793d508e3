#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

class ServerUser;

// One channel as the server core knows it: members in join order with their prefixes, topic,
// modes, bans and pending invites. A plain record owned by ServerCore.
class ServerChannel
{
public:
    static constexpr int Op = 0x1;
    static constexpr int Voice = 0x2;

    bool hasMember(ServerUser* user) const { return m_memberFlags.contains(user); }
    int flags(ServerUser* user) const { return m_memberFlags.value(user, 0); }
    bool isOp(ServerUser* user) const { return (flags(user) & Op) != 0; }
    bool isVoiced(ServerUser* user) const { return (flags(user) & Voice) != 0; }

    void addMember(ServerUser* user, int flags)
    {
        m_members.append(user);
        m_memberFlags.insert(user, flags);
    }
    void removeMember(ServerUser* user)
    {
        m_members.removeOne(user);
        m_memberFlags.remove(user);
    }
    void setFlag(ServerUser* user, int flag, bool on)
    {
        auto it = m_memberFlags.find(user);
        if (it != m_memberFlags.end())
            *it = on ? (*it | flag) : (*it & ~flag);
    }

    QString m_name;
    QString m_foldedName;
    QString m_topic;
    QString m_topicSetBy;
    qint64 m_topicSecs = 0;
    qint64 m_createdSecs = 0;
    bool m_inviteOnly = false;
    bool m_moderated = false;
    bool m_noExternal = true;
    bool m_topicLocked = true;
    bool m_secret = false;
    QString m_key;
    int m_limit = 0; // 0 = none
    QStringList m_bans;        // masks as given
    QSet<QString> m_invited;   // folded nicks, cleared when they join
    QList<ServerUser*> m_members;

private:
    QHash<ServerUser*, int> m_memberFlags;
};

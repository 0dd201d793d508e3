#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

class IrcCaseMapping;
class ServerUser;

// One channel as the server core knows it: members in join order with their prefixes, topic,
// modes, bans and pending invites, and the rules that follow from them (who may join, speak,
// see it). The ChannelRegistry owns it and keeps its members consistent with their users.
class ServerChannel
{
public:
    // Member prefixes, as flags.
    static constexpr int Op = 0x1;
    static constexpr int Voice = 0x2;

    // Channel modes without a parameter (CHANMODES type D).
    // HistorySinceJoin (+H): members read the room's history only from when they joined.
    enum class Mode { InviteOnly, Moderated, NoExternal, Secret, TopicLocked, HistorySinceJoin };
    // The mode a letter without a parameter stands for (H i m n s t), or nothing.
    static std::optional<Mode> flagMode(QChar letter);

    // Why a user may not join.
    enum class JoinDenial { None, BadKey, InviteOnly, Full, Banned };

    ServerChannel(const QString& name, const QString& foldedName, qint64 createdSecs);

    const QString& name() const { return m_name; }
    const QString& foldedName() const { return m_foldedName; }
    qint64 createdSecs() const { return m_createdSecs; }

    const QString& topic() const { return m_topic; }
    const QString& topicSetBy() const { return m_topicSetBy; }
    qint64 topicSecs() const { return m_topicSecs; }
    void setTopic(const QString& topic, const QString& setBy, qint64 secs);

    bool hasMode(Mode mode) const { return (m_modes & bit(mode)) != 0; }
    // Returns whether the mode changed.
    bool setMode(Mode mode, bool on);
    const QString& key() const { return m_key; }
    void setKey(const QString& key) { m_key = key; }
    int limit() const { return m_limit; } // 0 = none
    void setLimit(int limit) { m_limit = limit; }
    // "+iklmnst"-style mode string; the key is shown (or "*") as its argument.
    QString modeString(bool showKey, QStringList* args) const;

    // Bans, as given (normalised masks).
    const QStringList& bans() const { return m_bans; }
    // Returns false when an equal mask (after folding) is there already / is not there.
    bool addBan(const QString& mask, const IrcCaseMapping& caseMapping);
    bool removeBan(const QString& mask, const IrcCaseMapping& caseMapping);
    bool isBanned(const ServerUser* user, const IrcCaseMapping& caseMapping) const;

    // Pending invites by folded nick, cleared when that user joins.
    void invite(const QString& foldedNick) { m_invited.insert(foldedNick); }
    bool isInvited(const QString& foldedNick) const { return m_invited.contains(foldedNick); }
    void clearInvite(const QString& foldedNick) { m_invited.remove(foldedNick); }

    const QList<ServerUser*>& members() const { return m_members; }
    int memberCount() const { return int(m_members.size()); }
    bool hasMember(const ServerUser* user) const;
    int flags(const ServerUser* user) const;
    // When the member joined (ms since the epoch), 0 for a non-member.
    qint64 joinedMs(const ServerUser* user) const;
    bool isOp(const ServerUser* user) const { return (flags(user) & Op) != 0; }
    bool isVoiced(const ServerUser* user) const { return (flags(user) & Voice) != 0; }
    void setFlag(ServerUser* user, int flag, bool on);
    // A member of another node: the time its own node has for the join.
    void setJoinedMs(ServerUser* user, qint64 joinedMs);
    // Only through ChannelRegistry::join/leave, which keep the user's side.
    void addMember(ServerUser* user, int flags, qint64 joinedMs = 0);
    void removeMember(ServerUser* user);

    // Rules.
    // Not secret (+s), or the user is a member.
    bool isVisibleTo(const ServerUser* user) const;
    // "@", "+", or with all (multi-prefix) "@+".
    QString prefixes(const ServerUser* member, bool all) const;
    JoinDenial checkJoin(const ServerUser* user, const QString& key,
                         const IrcCaseMapping& caseMapping) const;
    // Whether the user may send to the channel (+n, +m, bans).
    bool canSend(const ServerUser* user, const IrcCaseMapping& caseMapping) const;

private:
    static constexpr int bit(Mode mode) { return 1 << int(mode); }

    QString m_name;
    QString m_foldedName;
    QString m_topic;
    QString m_topicSetBy;
    qint64 m_topicSecs = 0;
    qint64 m_createdSecs = 0;
    int m_modes = bit(Mode::NoExternal) | bit(Mode::TopicLocked);
    QString m_key;
    int m_limit = 0;
    QStringList m_bans;
    QSet<QString> m_invited;
    QList<ServerUser*> m_members;
    struct Membership
    {
        int flags;
        qint64 joinedMs;
    };
    QHash<const ServerUser*, Membership> m_memberFlags;
};

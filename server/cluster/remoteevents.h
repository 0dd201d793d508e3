#pragma once

#include "state/serveruser.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <unordered_map>

class IrcMessage;
class RelayLine;
class RemoteConnection;
class ServerChannel;
class ServerCore;

// What other nodes tell on the bus, applied to this node's core: their users become ghosts
// (ServerUsers whose node() is theirs, in the registries and channels like anyone else, so that
// NAMES, WHO, WHOIS, MONITOR and ISON see one network), and what they relay is delivered to this
// node's users. Nothing applied here is published again or stored: the sending node did both.
class RemoteEvents
{
public:
    explicit RemoteEvents(ServerCore& core);
    ~RemoteEvents();

    // One message from the node (ClusterLink::received).
    void apply(const QString& node, const IrcMessage& message);
    // The node is gone: its users quit here with the reason.
    void dropNode(const QString& node, const QString& reason);
    // Every ghost quits (this node leaves the cluster).
    void dropAll(const QString& reason);

    int ghostCount() const { return int(m_ghosts.size()); }

private:
    void introduce(const QString& node, const IrcMessage& message);
    void applyChannel(const IrcMessage& message);
    void applyMember(const QString& node, const IrcMessage& message);
    void applyRelayed(const QString& node, RelayLine& line);
    void deliverMessage(ServerUser* sender, RelayLine& line);
    // A MODE from another node: applied, then told to this node's members.
    void applyChannelMode(ServerChannel* channel, RelayLine& line);
    // The room was created on two nodes at once, each making its creator an operator: true
    // when creator (a member of another node, announced as operator) loses and stays a member
    // only; otherwise the other creator loses it here and this node's members are told.
    bool settleCreationRace(ServerChannel* channel, ServerUser* creator);
    // A user's own MODE (+i, +o, +B…) from its node.
    void applyUserModes(ServerUser* ghost, const QString& node, const QString& modes);
    // "+k-l..." with the parameters in order, as MODE has them.
    void applyModes(ServerChannel* channel, const QString& modes, const QStringList& args);
    // The node's ghost with that nick, or nullptr (an unknown sender: ignored).
    ServerUser* ghost(const QString& node, const QString& nick) const;
    void remove(ServerUser* ghost, const QString& reason, RelayLine* line);
    // Ghosts of the node not seen again in its burst quit at its end.
    void endBurst(const QString& node);

    ServerCore& m_core;
    std::unordered_map<UserId, std::unique_ptr<RemoteConnection>> m_ghosts;
    QHash<QString, QSet<UserId>> m_byNode;
    QHash<QString, QSet<UserId>> m_unconfirmed; // node -> ghosts its running burst has not named
};

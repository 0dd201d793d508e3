#pragma once

#include "irccasemapping.h"

#include <QString>

#include <map>
#include <memory>

class ServerChannel;
class ServerUser;

// Every channel, by folded name (in that order for LIST and NAMES). Joins and parts go through
// here so that a channel's member list and its members' channel lists always agree, and a
// channel is deleted when its last member leaves.
class ChannelRegistry
{
public:
    using Map = std::map<QString, std::unique_ptr<ServerChannel>>;

    explicit ChannelRegistry(IrcCaseMapping caseMapping);
    ~ChannelRegistry();

    ServerChannel* find(const QString& name) const;
    ServerChannel* create(const QString& name, qint64 createdSecs);
    void join(ServerChannel* channel, ServerUser* user, int flags);
    // Removes the member; deletes the channel when it is left empty.
    void leave(ServerChannel* channel, ServerUser* user);
    void clear();

    const Map& all() const { return m_channels; }
    int count() const { return int(m_channels.size()); }

private:
    IrcCaseMapping m_caseMapping;
    Map m_channels;
};

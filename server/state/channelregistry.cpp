#include "state/channelregistry.h"

#include <QDateTime>

#include "state/serverchannel.h"
#include "state/serveruser.h"

ChannelRegistry::ChannelRegistry(IrcCaseMapping caseMapping) : m_caseMapping(caseMapping) {}

ChannelRegistry::~ChannelRegistry() = default;

ServerChannel* ChannelRegistry::find(const QString& name) const
{
    auto it = m_channels.find(m_caseMapping.fold(name));
    return it == m_channels.end() ? nullptr : it->second.get();
}

ServerChannel* ChannelRegistry::create(const QString& name, qint64 createdSecs)
{
    const QString folded = m_caseMapping.fold(name);
    auto channel = std::make_unique<ServerChannel>(name, folded, createdSecs);
    ServerChannel* result = channel.get();
    m_channels[folded] = std::move(channel);
    return result;
}

void ChannelRegistry::join(ServerChannel* channel, ServerUser* user, int flags)
{
    channel->addMember(user, flags, QDateTime::currentMSecsSinceEpoch());
    user->addChannel(channel);
}

void ChannelRegistry::leave(ServerChannel* channel, ServerUser* user)
{
    channel->removeMember(user);
    user->removeChannel(channel);
    if (channel->members().isEmpty())
        m_channels.erase(channel->foldedName());
}

void ChannelRegistry::clear()
{
    m_channels.clear();
}

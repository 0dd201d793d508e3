#include "core/commandcontext.h"

#include "core/labeledresponse.h"
#include "core/servercore.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/userregistry.h"

CommandContext::CommandContext(ServerCore& core, ServerUser* user, const IrcMessage& message,
                               LabeledResponse* response)
    : m_core(core), m_user(user), m_message(message), m_response(response)
{
}

QString CommandContext::deferResponse() const
{
    if (!m_response)
        return {};
    m_response->defer();
    return m_response->label();
}

const ServerConfig& CommandContext::config() const
{
    return m_core.config();
}

UserRegistry& CommandContext::users() const
{
    return m_core.users();
}

ChannelRegistry& CommandContext::channels() const
{
    return m_core.channels();
}

MessageRouter& CommandContext::router() const
{
    return m_core.router();
}

QString CommandContext::fold(const QString& text) const
{
    return m_core.caseMapping().fold(text);
}

void CommandContext::reply(const IrcNumericReply& reply) const
{
    m_core.reply(m_user, reply);
}

RelayLine CommandContext::accept(IrcMessage message) const
{
    return m_core.router().accept(m_user, std::move(message));
}

ServerChannel* CommandContext::channelOrError(const QString& name) const
{
    ServerChannel* channel = m_core.channels().find(name);
    if (!channel)
        reply(IrcReply::noSuchChannel(name));
    return channel;
}

ServerUser* CommandContext::userOrError(const QString& nick) const
{
    ServerUser* user = m_core.users().findByNick(nick);
    if (!user)
        reply(IrcReply::noSuchNick(nick));
    return user;
}

bool CommandContext::checkMember(const ServerChannel* channel) const
{
    if (channel->hasMember(m_user))
        return true;
    reply(IrcReply::notOnChannel(channel->name()));
    return false;
}

bool CommandContext::checkOperator(const ServerChannel* channel) const
{
    if (channel->isOp(m_user))
        return true;
    reply(IrcReply::chanOpPrivsNeeded(channel->name()));
    return false;
}

bool CommandContext::checkIrcOperator() const
{
    if (m_user->isOperator())
        return true;
    reply(IrcReply::noPrivileges());
    return false;
}

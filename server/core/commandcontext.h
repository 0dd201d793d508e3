#pragma once

#include "ircmessage.h"
#include "ircreply.h"

class ChannelRegistry;
class LabeledResponse;
class MessageRouter;
class RelayLine;
class ServerChannel;
class ServerCore;
class ServerUser;
class UserRegistry;
struct ServerConfig;

// One command being handled: who sent it, what it says, and the server it runs in. Handlers read
// the message and reach state, routing and replies through here. The checks every handler
// repeats ("does the channel exist", "is the sender a member", "an operator") are here too: each
// answers the client with the standard error when it fails.
class CommandContext
{
public:
    // response: the labeled-response collector when the command carries a label.
    CommandContext(ServerCore& core, ServerUser* user, const IrcMessage& message,
                   LabeledResponse* response = nullptr);

    ServerCore& core() const { return m_core; }
    ServerUser* user() const { return m_user; }
    const IrcMessage& message() const { return m_message; }
    QString param(int index) const { return m_message.param(index); }
    int paramCount() const { return m_message.paramCount(); }

    const ServerConfig& config() const;
    UserRegistry& users() const;
    ChannelRegistry& channels() const;
    MessageRouter& router() const;
    QString fold(const QString& text) const;

    void reply(const IrcNumericReply& reply) const;
    // The message from the sender, accepted for relaying (id, time, account fixed).
    RelayLine accept(IrcMessage message) const;

    // For a command that answers later: its label (empty when unlabeled), which the answer
    // must carry; no ACK is sent for it now.
    QString deferResponse() const;

    // The channel, or nullptr after 403 ERR_NOSUCHCHANNEL.
    ServerChannel* channelOrError(const QString& name) const;
    // The registered user, or nullptr after 401 ERR_NOSUCHNICK.
    ServerUser* userOrError(const QString& nick) const;
    // Whether the sender is a member; 442 ERR_NOTONCHANNEL if not.
    bool checkMember(const ServerChannel* channel) const;
    // Whether the sender is a channel operator; 482 ERR_CHANOPRIVSNEEDED if not.
    bool checkOperator(const ServerChannel* channel) const;
    // Whether the sender is an IRC operator (user mode +o); 481 ERR_NOPRIVILEGES if not.
    bool checkIrcOperator() const;

private:
    ServerCore& m_core;
    ServerUser* m_user;
    const IrcMessage& m_message;
    LabeledResponse* m_response;
};

#pragma once

#include "routing/messageidgenerator.h"
#include "routing/relayline.h"

#include <QList>

class ClientConnection;
class IrcMessage;
class ServerChannel;
class ServerUser;

// Where relayed messages go. A message is accepted once (its id, time and the sender's account
// fixed there) and then delivered to a user, to a channel's members, or to everyone who shares a
// channel with a user; every relay in the server goes through here.
class MessageRouter
{
public:
    // Who of the recipients gets the line.
    // Who of the recipients gets the line; checked for each session of a recipient.
    struct Filter
    {
        int requiredCaps = 0;               // the session has all of these
        int excludedCaps = 0;               // and none of these
        const ServerUser* except = nullptr; // and is not this user's
        const ClientConnection* exceptSession = nullptr; // nor this session (the sender's own)

        // For the user's current session.
        bool accepts(const ServerUser* user) const;
        bool accepts(const ClientConnection* session, int caps) const;
    };

    MessageRouter() = default;
    // For tests: message ids with a fixed prefix.
    explicit MessageRouter(const QString& msgIdPrefix) : m_ids(msgIdPrefix) {}

    // The message from the user, as relayed: its source, a new id, the time now and the
    // sender's account.
    RelayLine accept(const ServerUser* sender, IrcMessage message);
    // A draft/multiline message from the user: command (PRIVMSG or NOTICE) to target with the
    // client's tags, its lines as sent (not all blank), relayed in a batch with this id.
    RelayLine acceptMultiline(const ServerUser* sender, const QString& command,
                              const QString& target, const QList<IrcTag>& clientTags,
                              const QList<MultilinePart>& parts, const QString& batchId);
    // Another form of an accepted message for recipients that asked for it (extended-join):
    // the same source, id, time and account.
    static RelayLine alternative(const RelayLine& accepted, IrcMessage message);

    // To every session of the recipient.
    void toUser(ServerUser* recipient, RelayLine& line);
    void toUser(ServerUser* recipient, RelayLine& line, const Filter& filter);
    void toChannel(const ServerChannel* channel, RelayLine& line);
    void toChannel(const ServerChannel* channel, RelayLine& line, const Filter& filter);
    // Everyone who shares a channel with the user, once each; the user too when includeSelf.
    void toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf);
    void toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf, const Filter& filter);

    // Everyone who shares a channel with the user, once each, not the user.
    static QList<ServerUser*> neighbours(const ServerUser* user);

private:
    MessageIdGenerator m_ids;
};

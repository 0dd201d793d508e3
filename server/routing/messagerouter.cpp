#include "routing/messagerouter.h"

#include "ircmessage.h"
#include "net/clientconnection.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QSet>

bool MessageRouter::Filter::accepts(const ServerUser* user) const
{
    const int caps = user->caps();
    return (caps & requiredCaps) == requiredCaps && (caps & excludedCaps) == 0 && user != except;
}

RelayLine MessageRouter::accept(const ServerUser* sender, IrcMessage message)
{
    message.setSource(sender->source());
    RelayLine line(std::move(message), m_ids.next(), RelayLine::nowMs());
    line.setAccount(sender->account());
    return line;
}

RelayLine MessageRouter::alternative(const RelayLine& accepted, IrcMessage message)
{
    message.setSource(accepted.message().source());
    RelayLine line(std::move(message), accepted.id(), accepted.timeMs());
    line.setAccount(accepted.account());
    return line;
}

void MessageRouter::toUser(ServerUser* recipient, RelayLine& line)
{
    recipient->output()->sendWire(line.wireFor(recipient));
}

void MessageRouter::toChannel(const ServerChannel* channel, RelayLine& line)
{
    for (ServerUser* member : channel->members())
        toUser(member, line);
}

void MessageRouter::toChannel(const ServerChannel* channel, RelayLine& line, const Filter& filter)
{
    for (ServerUser* member : channel->members()) {
        if (filter.accepts(member))
            toUser(member, line);
    }
}

void MessageRouter::toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf)
{
    toNeighbours(user, line, includeSelf, Filter());
}

void MessageRouter::toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf,
                                 const Filter& filter)
{
    if (includeSelf && filter.accepts(user))
        toUser(user, line);
    for (ServerUser* other : neighbours(user)) {
        if (filter.accepts(other))
            toUser(other, line);
    }
}

QList<ServerUser*> MessageRouter::neighbours(const ServerUser* user)
{
    QList<ServerUser*> result;
    QSet<const ServerUser*> seen;
    seen.insert(user);
    for (const ServerChannel* channel : user->channels()) {
        for (ServerUser* member : channel->members()) {
            if (!seen.contains(member)) {
                seen.insert(member);
                result.append(member);
            }
        }
    }
    return result;
}

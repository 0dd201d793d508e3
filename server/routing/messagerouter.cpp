#include "routing/messagerouter.h"

#include "ircmessage.h"
#include "net/clientconnection.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QSet>

bool MessageRouter::Filter::accepts(const ServerUser* user) const
{
    return user != except && accepts(user->connection(), user->caps());
}

bool MessageRouter::Filter::accepts(const ClientConnection* session, int caps) const
{
    return (caps & requiredCaps) == requiredCaps && (caps & excludedCaps) == 0 &&
           session != exceptSession;
}

RelayLine MessageRouter::accept(const ServerUser* sender, IrcMessage message)
{
    message.setSource(sender->source());
    RelayLine line(std::move(message), m_ids.next(), RelayLine::nowMs());
    line.setAccount(sender->account());
    return line;
}

RelayLine MessageRouter::acceptMultiline(const ServerUser* sender, const QString& command,
                                         const QString& target, const QList<IrcTag>& clientTags,
                                         const QList<MultilinePart>& parts,
                                         const QString& batchId)
{
    // The message itself is the first line that is not blank; the others get ids of their own
    // for the history.
    qsizetype textLines = 0;
    QString first;
    for (const MultilinePart& part : parts) {
        if (!part.text.isEmpty() && textLines++ == 0)
            first = part.text;
    }
    IrcMessage message(command, {target, first});
    message.setTags(clientTags);
    message.setLastParamTrailing(true);
    RelayLine line = accept(sender, std::move(message));
    QList<MessageId> partIds;
    for (qsizetype i = 1; i < textLines; ++i)
        partIds.append(m_ids.next());
    line.setMultiline(batchId, parts, partIds);
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
    if (recipient->sessionCount() == 1) {
        recipient->output()->sendWire(line.wireFor(recipient->caps()));
        return;
    }
    recipient->forEachSession([&line](ClientConnection*, int caps, ClientConnection* output) {
        output->sendWire(line.wireFor(caps));
    });
}

void MessageRouter::toUser(ServerUser* recipient, RelayLine& line, const Filter& filter)
{
    if (recipient == filter.except)
        return;
    if (recipient->sessionCount() == 1) {
        if (filter.accepts(recipient->connection(), recipient->caps()))
            recipient->output()->sendWire(line.wireFor(recipient->caps()));
        return;
    }
    recipient->forEachSession(
        [&line, &filter](ClientConnection* session, int caps, ClientConnection* output) {
            if (filter.accepts(session, caps))
                output->sendWire(line.wireFor(caps));
        });
}

void MessageRouter::toChannel(const ServerChannel* channel, RelayLine& line)
{
    for (ServerUser* member : channel->members())
        toUser(member, line);
}

void MessageRouter::toChannel(const ServerChannel* channel, RelayLine& line, const Filter& filter)
{
    for (ServerUser* member : channel->members())
        toUser(member, line, filter);
}

void MessageRouter::toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf)
{
    toNeighbours(user, line, includeSelf, Filter());
}

void MessageRouter::toNeighbours(ServerUser* user, RelayLine& line, bool includeSelf,
                                 const Filter& filter)
{
    if (includeSelf)
        toUser(user, line, filter);
    for (ServerUser* other : neighbours(user))
        toUser(other, line, filter);
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

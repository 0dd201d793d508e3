#include "commands/channelreplies.h"

#include "core/servercore.h"
#include "irclimits.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

namespace ChannelReplies {

void sendTopic(ServerCore& core, ServerUser* user, const ServerChannel* channel, bool always)
{
    if (channel->topic().isEmpty()) {
        if (always)
            core.reply(user, IrcReply::noTopic(channel->name()));
        return;
    }
    core.reply(user, IrcReply::topic(channel->name(), channel->topic()));
    core.reply(
        user, IrcReply::topicWhoTime(channel->name(), channel->topicSetBy(), channel->topicSecs()));
}

void sendNames(ServerCore& core, ServerUser* user, const ServerChannel* channel)
{
    const bool all = user->hasCap(ClientCap::MultiPrefix);
    const bool userHosts = user->hasCap(ClientCap::UserhostInNames);
    // A non-member (of a channel it can see) is not shown the +i members.
    const bool member = channel->hasMember(user) || user->isOperator();
    // ":server 353 nick = #channel :" + names + CRLF must fit in one line.
    const int overhead = int(core.config().serverName.toUtf8().size() +
                             user->nick().toUtf8().size() + channel->name().toUtf8().size()) +
                         16;
    const int budget = Limits::MaxLineBytes - overhead;
    const QString symbol =
        channel->hasMode(ServerChannel::Mode::Secret) ? QStringLiteral("@") : QStringLiteral("=");
    QString names;
    int bytes = 0;
    auto flush = [&] {
        if (!names.isEmpty())
            core.reply(user, IrcReply::namReply(symbol, channel->name(), names));
        names.clear();
        bytes = 0;
    };
    for (const ServerUser* other : channel->members()) {
        if (!member && other->isInvisible())
            continue;
        const QString entry =
            channel->prefixes(other, all) + (userHosts ? other->source() : other->nick());
        const int size = int(entry.toUtf8().size()) + 1;
        if (bytes + size > budget)
            flush();
        if (!names.isEmpty())
            names += u' ';
        names += entry;
        bytes += size;
    }
    flush();
}

void sendEndOfNames(ServerCore& core, ServerUser* user, const QString& name)
{
    core.reply(user, IrcReply::endOfNames(name));
}

} // namespace ChannelReplies

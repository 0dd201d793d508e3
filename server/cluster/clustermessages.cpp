#include "cluster/clustermessages.h"

#include "state/serverchannel.h"
#include "state/serveruser.h"

namespace ClusterMessages {

namespace {

const QString IdTag = QStringLiteral("mi");
const QString TimeTag = QStringLiteral("mt");
const QString AccountTag = QStringLiteral("ma");
const QString NodeTag = QStringLiteral("cn");

QString orStar(const QString& text)
{
    return text.isEmpty() ? QStringLiteral("*") : text;
}

} // namespace

IrcMessage hello()
{
    return IrcMessage(QStringLiteral("HELLO"));
}

IrcMessage burstStart()
{
    return IrcMessage(QStringLiteral("BURST"));
}

IrcMessage burstEnd()
{
    return IrcMessage(QStringLiteral("ENDBURST"));
}

IrcMessage user(const ServerUser* user)
{
    IrcMessage message(QStringLiteral("UID"),
                       {user->nick(), user->userName(), user->host(), orStar(user->account()),
                        QString::number(user->signonSecs()), user->modeString(),
                        user->realName()});
    message.setLastParamTrailing(true);
    if (user->isAway())
        message.setTag(QStringLiteral("aw"), user->awayMessage());
    return message;
}

IrcMessage channel(const ServerChannel* channel)
{
    QStringList args;
    const QString modes = channel->modeString(true, &args);
    IrcMessage message(QStringLiteral("CHANNEL"),
                       {channel->name(), QString::number(channel->createdSecs()), modes,
                        orStar(channel->key()), QString::number(channel->limit()),
                        QString::number(channel->topicSecs()), orStar(channel->topicSetBy()),
                        channel->topic()});
    message.setLastParamTrailing(true);
    if (!channel->bans().isEmpty())
        message.setTag(QStringLiteral("bans"), channel->bans().join(u' '));
    return message;
}

IrcMessage member(const ServerChannel* channel, const ServerUser* user)
{
    return IrcMessage(QStringLiteral("MEMBER"),
                      {channel->name(), user->nick(), QString::number(channel->flags(user)),
                       QString::number(channel->joinedMs(user))});
}

IrcMessage relayed(const RelayLine& line)
{
    IrcMessage message = line.message();
    message.setTag(IdTag, line.id().toString());
    message.setTag(TimeTag, QString::number(line.timeMs()));
    if (!line.account().isEmpty())
        message.setTag(AccountTag, line.account());
    return message;
}

std::optional<RelayLine> toRelayLine(const IrcMessage& message)
{
    const MessageId id = MessageId::fromString(message.tag(IdTag));
    bool ok = false;
    const qint64 timeMs = message.tag(TimeTag).toLongLong(&ok);
    if (id.isNull() || !ok || timeMs <= 0 || message.source().isEmpty())
        return std::nullopt;
    IrcMessage plain = message;
    for (const QString& tag : {IdTag, TimeTag, AccountTag, NodeTag})
        plain.removeTag(tag);
    RelayLine line(std::move(plain), id, timeMs);
    line.setAccount(message.tag(AccountTag));
    return line;
}

} // namespace ClusterMessages

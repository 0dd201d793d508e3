#include "cluster/clustermessages.h"

#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ClusterMessages {

namespace {

const QString IdTag = QStringLiteral("mi");
const QString TimeTag = QStringLiteral("mt");
const QString AccountTag = QStringLiteral("ma");
const QString NodeTag = QStringLiteral("cn");
const QString MultilineTag = QStringLiteral("ml");
// A draft/multiline message from another node has at most this many lines (the most
// --multiline-max-lines may say is far below).
constexpr qsizetype MaxRemoteMultilineParts = 1000;

// {"b": batch id, "p": [[text, concat 0|1], ...], "i": [msgid of each other line, ...]}
QString encodeMultiline(const RelayLine& line)
{
    QJsonArray parts;
    for (const MultilinePart& part : line.multilineParts())
        parts.append(QJsonArray{part.text, part.concat ? 1 : 0});
    QJsonArray ids;
    for (const MessageId& id : line.multilinePartIds())
        ids.append(id.toString());
    const QJsonObject object{{QStringLiteral("b"), line.multilineBatchId()},
                             {QStringLiteral("p"), parts},
                             {QStringLiteral("i"), ids}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// False for anything but what encodeMultiline() makes (a hostile publisher's tag).
bool decodeMultiline(const QString& text, RelayLine* line)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject object = document.object();
    const QString batchId = object.value(QStringLiteral("b")).toString();
    const QJsonArray partArray = object.value(QStringLiteral("p")).toArray();
    const QJsonArray idArray = object.value(QStringLiteral("i")).toArray();
    if (batchId.isEmpty() || batchId.size() > 64 || partArray.isEmpty() ||
        partArray.size() > MaxRemoteMultilineParts)
        return false;
    QList<MultilinePart> parts;
    qsizetype textLines = 0;
    for (const QJsonValue& value : partArray) {
        const QJsonArray pair = value.toArray();
        if (pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isDouble())
            return false;
        const QString partText = pair.at(0).toString();
        if (partText.contains(u'\r') || partText.contains(u'\n') || partText.contains(QChar(0)))
            return false;
        textLines += partText.isEmpty() ? 0 : 1;
        parts.append({partText, pair.at(1).toInt() != 0});
    }
    if (textLines == 0 || idArray.size() != textLines - 1)
        return false;
    QList<MessageId> ids;
    for (const QJsonValue& value : idArray) {
        const MessageId id = MessageId::fromString(value.toString());
        if (id.isNull())
            return false;
        ids.append(id);
    }
    line->setMultiline(batchId, std::move(parts), std::move(ids));
    return true;
}

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
                        QString::number(user->signonSecs()), user->modeString(), user->realName()});
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
    if (line.isMultiline())
        message.setTag(MultilineTag, encodeMultiline(line));
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
    for (const QString& tag : {IdTag, TimeTag, AccountTag, NodeTag, MultilineTag})
        plain.removeTag(tag);
    RelayLine line(std::move(plain), id, timeMs);
    line.setAccount(message.tag(AccountTag));
    if (message.hasTag(MultilineTag) && !decodeMultiline(message.tag(MultilineTag), &line))
        return std::nullopt;
    return line;
}

namespace {

IrcMessage deviceMessage(const QString& command, const QString& node, quint64 id,
                         const QString& text)
{
    IrcMessage message(command, {node, QString::number(id), text});
    message.setLastParamTrailing(true);
    return message;
}

} // namespace

IrcMessage deviceAttach(const QString& node, quint64 id, const ServerUser* device)
{
    QString flags;
    if (device->isSecure())
        flags += u's';
    if (device->isLoopback())
        flags += u'l';
    const QByteArray& fingerprint = device->certificateFingerprint();
    IrcMessage message(
        QStringLiteral("ATTACH"),
        {node, QString::number(id), device->account(), QString::number(device->caps()),
         device->address(), flags.isEmpty() ? QStringLiteral("-") : flags,
         fingerprint.isEmpty() ? QStringLiteral("*") : QString::fromLatin1(fingerprint),
         device->userName(), device->realName()});
    message.setLastParamTrailing(true);
    return message;
}

IrcMessage deviceInput(const QString& node, quint64 id, const QByteArray& line)
{
    return deviceMessage(QStringLiteral("DEVIN"), node, id, QString::fromUtf8(line));
}

IrcMessage deviceOutput(const QString& node, quint64 id, const QByteArray& line)
{
    return deviceMessage(QStringLiteral("DEVOUT"), node, id, QString::fromUtf8(line));
}

IrcMessage deviceClose(const QString& node, quint64 id, const QString& reason)
{
    return deviceMessage(QStringLiteral("DEVCLOSE"), node, id, reason);
}

IrcMessage deviceGone(const QString& node, quint64 id, const QString& reason)
{
    return deviceMessage(QStringLiteral("DEVGONE"), node, id, reason);
}

} // namespace ClusterMessages

#include "routing/relayline.h"

#include "irccommand.h"
#include "irclimits.h"
#include "state/serveruser.h"

#include <QDateTime>

#include <chrono>

namespace {
enum Variant { TimeBit = 1, TagsBit = 2, AccountBit = 4, BatchBit = 8 };
} // namespace

struct RelayLine::Multiline
{
    QString batchId;
    QList<MultilinePart> parts;
    QList<MessageId> partIds;
    std::unique_ptr<RelayLine> opening; // "BATCH +id draft/multiline target", with the tags
    QList<RelayLine> others;            // the fallback's lines after the first
    bool othersMade = false;
    QByteArray body; // the batch's lines and its end, for every recipient
    std::array<QByteArray, 16> wire;
};

RelayLine::RelayLine(IrcMessage message) : m_message(std::move(message)), m_timeMs(nowMs()) {}

RelayLine::RelayLine(IrcMessage message, const MessageId& id, qint64 timeMs)
    : m_message(std::move(message)), m_id(id), m_timeMs(timeMs)
{
}

qint64 RelayLine::nowMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

const QByteArray& RelayLine::wireFor(const ServerUser* recipient)
{
    return wireFor(recipient->caps());
}

const QByteArray& RelayLine::wireFor(int caps)
{
    return m_multiline ? multilineWireFor(caps) : singleWireFor(caps);
}

void RelayLine::setMultiline(const QString& batchId, QList<MultilinePart> parts,
                             QList<MessageId> partIds)
{
    m_multiline = std::make_shared<Multiline>();
    m_multiline->batchId = batchId;
    m_multiline->parts = std::move(parts);
    m_multiline->partIds = std::move(partIds);
}

QString RelayLine::multilineBatchId() const
{
    return m_multiline ? m_multiline->batchId : QString();
}

QList<MultilinePart> RelayLine::multilineParts() const
{
    return m_multiline ? m_multiline->parts : QList<MultilinePart>();
}

QList<MessageId> RelayLine::multilinePartIds() const
{
    return m_multiline ? m_multiline->partIds : QList<MessageId>();
}

QList<RelayLine> RelayLine::storedLines() const
{
    if (!m_multiline)
        return {*this};
    QList<RelayLine> lines;
    RelayLine first(m_message, m_id, m_timeMs);
    first.setAccount(m_account);
    lines.append(first);
    int next = 0;
    bool firstSeen = false;
    for (const MultilinePart& part : std::as_const(m_multiline->parts)) {
        if (part.text.isEmpty())
            continue;
        if (!firstSeen) { // the message itself
            firstSeen = true;
            continue;
        }
        IrcMessage message(m_message.command(), {m_message.param(0), part.text});
        message.setSource(m_message.source());
        message.setLastParamTrailing(true);
        RelayLine line(std::move(message), m_multiline->partIds.value(next++), m_timeMs);
        line.setAccount(m_account);
        lines.append(line);
    }
    return lines;
}

const QByteArray& RelayLine::multilineWireFor(int caps)
{
    Multiline& multiline = *m_multiline;
    const bool batch = (caps & ClientCap::Multiline) && (caps & ClientCap::Batch);
    QByteArray& wire = multiline.wire[size_t(variantOf(caps) | (batch ? BatchBit : 0))];
    if (!wire.isEmpty())
        return wire;
    const QString& command = m_message.command();
    const QString& target = m_message.param(0);
    const QString& source = m_message.source();
    if (batch) {
        if (!multiline.opening) {
            IrcMessage start = IrcCommand::batchStart(multiline.batchId,
                                                      QStringLiteral("draft/multiline"), {target});
            start.setSource(source);
            // The message's own tags (client tags, bot); time, msgid and account come with the
            // opening line's variant.
            for (const IrcTag& tag : m_message.tags()) {
                if (tag.key != QLatin1String("time") && tag.key != QLatin1String("msgid") &&
                    tag.key != QLatin1String("account"))
                    start.setTag(tag.key, tag.value);
            }
            multiline.opening = std::make_unique<RelayLine>(std::move(start), m_id, m_timeMs);
            multiline.opening->setAccount(m_account);
            const QString batchKey = QStringLiteral("batch");
            const QString concatKey = QStringLiteral("draft/multiline-concat");
            for (const MultilinePart& part : std::as_const(multiline.parts)) {
                IrcMessage line(command, {target, part.text});
                line.setSource(source);
                line.setLastParamTrailing(true);
                line.setTag(batchKey, multiline.batchId);
                if (part.concat)
                    line.setTag(concatKey);
                multiline.body += line.toWire(Limits::MaxLineBytes);
            }
            multiline.body += IrcCommand::batchEnd(multiline.batchId).toWire(Limits::MaxLineBytes);
        }
        wire = multiline.opening->wireFor(caps) + multiline.body;
        return wire;
    }
    // Without multiline: the lines that are not blank, one by one; only the first has the id
    // and the client's tags.
    if (!multiline.othersMade) {
        multiline.othersMade = true;
        const QList<RelayLine> stored = storedLines();
        for (qsizetype i = 1; i < stored.size(); ++i) {
            RelayLine line(stored.at(i).message(), MessageId(), m_timeMs);
            line.setAccount(m_account);
            multiline.others.append(line);
        }
    }
    wire = singleWireFor(caps);
    for (RelayLine& line : multiline.others)
        wire += line.singleWireFor(caps);
    return wire;
}

int RelayLine::variantOf(int caps) const
{
    return ((caps & ClientCap::ServerTime) ? TimeBit : 0) |
           ((caps & ClientCap::MessageTags) ? TagsBit : 0) |
           (!m_account.isEmpty() && (caps & ClientCap::AccountTag) ? AccountBit : 0);
}

const QByteArray& RelayLine::singleWireFor(int caps)
{
    const int index = variantOf(caps);
    const bool time = (index & TimeBit) != 0;
    const bool tags = (index & TagsBit) != 0;
    const bool account = (index & AccountBit) != 0;
    QByteArray& wire = m_wire[size_t(index)];
    if (!wire.isEmpty())
        return wire;

    const QString timeKey = QStringLiteral("time");
    const QString msgIdKey = QStringLiteral("msgid");
    const QString accountKey = QStringLiteral("account");
    // Formatted once, for the first recipient that needs each.
    if (time && !m_message.hasTag(timeKey))
        m_message.setServerTime(QDateTime::fromMSecsSinceEpoch(m_timeMs, Qt::UTC));
    if (tags && !m_id.isNull() && !m_message.hasTag(msgIdKey))
        m_message.setTag(msgIdKey, m_id.toString());
    if (account && !m_message.hasTag(accountKey))
        m_message.setTag(accountKey, m_account);

    // The message is serialized with the tags this recipient may see, never copied: "time" for
    // server-time, "account" for account-tag, every other tag (client tags, msgid) for
    // message-tags.
    const QList<IrcTag>& all = m_message.tags();
    QList<IrcTag> kept;
    bool everything = true;
    for (const IrcTag& tag : all) {
        const bool wanted = tag.key == timeKey ? time : tag.key == accountKey ? account : tags;
        if (wanted)
            kept.append(tag);
        else
            everything = false;
    }
    wire = everything ? m_message.toWire(Limits::MaxLineBytes)
                      : m_message.toWire(kept, Limits::MaxLineBytes);
    return wire;
}

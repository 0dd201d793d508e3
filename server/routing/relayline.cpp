#include "routing/relayline.h"

#include "irclimits.h"
#include "state/serveruser.h"

#include <QDateTime>

#include <chrono>

namespace {
enum Variant { TimeBit = 1, TagsBit = 2, AccountBit = 4 };
} // namespace

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
    const bool time = (caps & ClientCap::ServerTime) != 0;
    const bool tags = (caps & ClientCap::MessageTags) != 0;
    const bool account = !m_account.isEmpty() && (caps & ClientCap::AccountTag) != 0;
    const int index = (time ? TimeBit : 0) | (tags ? TagsBit : 0) | (account ? AccountBit : 0);
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

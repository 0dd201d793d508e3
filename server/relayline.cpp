#include "relayline.h"

#include "irclimits.h"
#include "serveruser.h"

#include <QDateTime>

RelayLine::RelayLine(IrcMessage message)
    : m_message(std::move(message))
{
}

RelayLine::RelayLine(IrcMessage message, const QString& msgIdPrefix, quint64 msgIdNumber)
    : RelayLine(std::move(message))
{
    m_msgIdPrefix = msgIdPrefix;
    m_msgIdNumber = msgIdNumber;
}

const QByteArray& RelayLine::wireFor(const ServerUser* recipient)
{
    const bool time = recipient->hasCap(ServerCap::ServerTime);
    const bool tags = recipient->hasCap(ServerCap::MessageTags);
    const int index = (time ? 1 : 0) | (tags ? 2 : 0);
    QByteArray& wire = m_wire[size_t(index)];
    if (wire.isEmpty()) {
        const QString timeKey = QStringLiteral("time");
        // Read from the clock at the first recipient with server-time: every recipient is
        // served in the same pass, and a line nobody wants stamped costs no clock read.
        if (time && !m_message.hasTag(timeKey))
            m_message.setServerTime(QDateTime::currentDateTimeUtc());
        const QString msgIdKey = QStringLiteral("msgid");
        if (tags && m_msgIdNumber != 0 && !m_message.hasTag(msgIdKey))
            m_message.setTag(msgIdKey, m_msgIdPrefix + QString::number(m_msgIdNumber, 36));
        // The message is serialized with the tags this recipient may see, never copied.
        if (tags && time) {
            wire = m_message.toWire(Limits::MaxLineBytes);
        } else if (tags) {
            QList<IrcTag> kept = m_message.tags();
            kept.removeIf([&timeKey](const IrcTag& tag) { return tag.key == timeKey; });
            wire = m_message.toWire(kept, Limits::MaxLineBytes);
        } else if (time) {
            wire = m_message.toWire(QList<IrcTag>{{timeKey, m_message.tag(timeKey)}},
                                    Limits::MaxLineBytes);
        } else {
            wire = m_message.toWire(QList<IrcTag>{}, Limits::MaxLineBytes);
        }
    }
    return wire;
}

#include "relayline.h"

#include "irclimits.h"
#include "serveruser.h"

#include <QDateTime>

RelayLine::RelayLine(const IrcMessage& message)
    : m_message(message), m_timeMs(QDateTime::currentMSecsSinceEpoch())
{
}

const QByteArray& RelayLine::wireFor(const ServerUser* recipient)
{
    const bool time = recipient->hasCap(ServerCap::ServerTime);
    const bool tags = recipient->hasCap(ServerCap::MessageTags);
    const int index = (time ? 1 : 0) | (tags ? 2 : 0);
    QByteArray& wire = m_wire[size_t(index)];
    if (wire.isEmpty()) {
        const QString timeKey = QStringLiteral("time");
        if (time && !m_message.hasTag(timeKey))
            m_message.setServerTime(QDateTime::fromMSecsSinceEpoch(m_timeMs, Qt::UTC));
        IrcMessage copy = m_message;
        if (!tags) {
            QList<IrcTag> kept;
            if (time)
                kept.append({timeKey, m_message.tag(timeKey)});
            copy.setTags(kept);
        } else if (!time) {
            copy.removeTag(timeKey);
        }
        wire = copy.toWire(Limits::MaxLineBytes);
    }
    return wire;
}

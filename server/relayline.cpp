#include "relayline.h"

#include "irclimits.h"
#include "serveruser.h"

RelayLine::RelayLine(const IrcMessage& message) : m_message(message) {}

const QByteArray& RelayLine::wireFor(const ServerUser* recipient)
{
    const bool time = recipient->hasCap(ServerCap::ServerTime);
    const bool tags = recipient->hasCap(ServerCap::MessageTags);
    const int index = (time ? 1 : 0) | (tags ? 2 : 0);
    QByteArray& wire = m_wire[size_t(index)];
    if (wire.isEmpty()) {
        IrcMessage copy = m_message;
        if (!tags) {
            QList<IrcTag> kept;
            if (time && m_message.hasTag(QStringLiteral("time")))
                kept.append({QStringLiteral("time"), m_message.tag(QStringLiteral("time"))});
            copy.setTags(kept);
        } else if (!time) {
            copy.removeTag(QStringLiteral("time"));
        }
        wire = copy.toWire(Limits::MaxLineBytes);
    }
    return wire;
}

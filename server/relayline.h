#pragma once

#include "ircmessage.h"

#include <QByteArray>
#include <QString>
#include <array>

class ServerUser;

// A message relayed from one user to others. It is serialized at most once per tag variant
// (none, server-time only, all tags, all tags without time) and the bytes are shared by all
// recipients, so a channel message costs one serialization, not one per member.
class RelayLine
{
public:
    // The server time is taken when the first recipient with server-time is served (all are
    // served in one pass), and only then. A "time" tag already in the message is kept as it is.
    explicit RelayLine(IrcMessage message);
    // With a message id: "msgid" is prefix + number in base 36, formatted and added only when a
    // recipient has message-tags (a message that has a "msgid" already keeps it).
    RelayLine(IrcMessage message, const QString& msgIdPrefix, quint64 msgIdNumber);

    // The bytes for this recipient, according to its message-tags and server-time caps.
    const QByteArray& wireFor(const ServerUser* recipient);

    const IrcMessage& message() const { return m_message; }

private:
    IrcMessage m_message; // with every tag
    QString m_msgIdPrefix;
    quint64 m_msgIdNumber = 0; // 0: no msgid of its own
    std::array<QByteArray, 4> m_wire;
};

#pragma once

#include "ircmessage.h"

#include <QString>
#include <QStringList>

// Builds numeric replies, so that nothing else formats them: ":server 433 * alice :Nickname is
// already in use". The target is the client's nick, or "*" before it has one.
namespace IrcReply {

IrcMessage numeric(const QString& server, int code, const QString& target,
                   const QStringList& params);
QString numericCommand(int code); // 1 -> "001"

} // namespace IrcReply

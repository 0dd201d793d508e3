#pragma once

#include <QString>

class CommandTable;
class ServerCore;
class ServerUser;

// Being in channels: JOIN, PART, TOPIC, KICK, INVITE.
namespace ChannelCommands {

void addTo(CommandTable& table);

// Joins the user to the channel (creating it, with the user as operator) if the channel's
// rules allow it, or answers with the reason it may not.
void join(ServerCore& core, ServerUser* user, const QString& name, const QString& key);

} // namespace ChannelCommands

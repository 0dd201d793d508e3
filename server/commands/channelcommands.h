#pragma once

#include <QString>

class CommandTable;
class RelayLine;
class ServerChannel;
class ServerCore;
class ServerUser;

// Being in channels: JOIN, PART, TOPIC, KICK, INVITE.
namespace ChannelCommands {

void addTo(CommandTable& table);

// Joins the user to the channel (creating it, with the user as operator) if the channel's
// rules allow it, or answers with the reason it may not.
void join(ServerCore& core, ServerUser* user, const QString& name, const QString& key);

// The user's JOIN (line, as accepted) to the channel's members: extended-join for those who
// asked, and the user's away state for those with away-notify. Used for joins on other nodes
// too (RemoteEvents).
void announceJoin(ServerCore& core, ServerUser* user, ServerChannel* channel, RelayLine& line);

} // namespace ChannelCommands

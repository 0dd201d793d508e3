#pragma once

class CommandTable;
class ServerChannel;
class ServerCore;
class ServerUser;

// IRCv3 draft/read-marker: MARKREAD, where an account has read each room and conversation up
// to, kept per account so that every device shows the same unread state. Needs history (the
// markers are stored with it) and an account.
namespace ReadMarkerCommands {

void addTo(CommandTable& table);

// After the user's JOIN, before the end of NAMES: its marker for the channel.
void sendOnJoin(ServerCore& core, ServerUser* user, const ServerChannel* channel);

} // namespace ReadMarkerCommands

#pragma once

class CommandTable;
class ServerCore;
class ServerUser;

// What users say about themselves: AWAY (with IRCv3 away-notify).
namespace UserCommands {

void addTo(CommandTable& table);

} // namespace UserCommands

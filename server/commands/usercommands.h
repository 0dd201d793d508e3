#pragma once

class CommandTable;
class ServerCore;
class ServerUser;

// What users say about themselves: AWAY (with IRCv3 away-notify), SETNAME (IRCv3 setname).
namespace UserCommands {

void addTo(CommandTable& table);

} // namespace UserCommands

#pragma once

class CommandTable;

// Questions about users and channels: NAMES, WHO, WHOIS, ISON, USERHOST, LIST.
namespace QueryCommands {

void addTo(CommandTable& table);

} // namespace QueryCommands

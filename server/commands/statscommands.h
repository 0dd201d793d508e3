#pragma once

class CommandTable;

// STATS <letter>: server status. Letters (docs/PROTOCOL.md):
//   u  uptime (242), for everyone;
//   o  the operator blocks (243);
//   a  connections per address (249);
//   q  SendQ use per connection, largest first (249);
//   h  the history store: records, size on disk, writes waiting and failed (249, answered when
//      the history thread has counted).
// Every letter but u is for operators (481 otherwise); every answer ends with 219.
namespace StatsCommands {

void addTo(CommandTable& table);

} // namespace StatsCommands

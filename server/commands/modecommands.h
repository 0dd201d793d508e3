#pragma once

class CommandTable;

// MODE for channels (b, i, k, l, m, n, o, s, t, v) and for the user itself (i).
namespace ModeCommands {

void addTo(CommandTable& table);

} // namespace ModeCommands

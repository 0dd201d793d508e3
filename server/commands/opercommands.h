#pragma once

class CommandContext;
class CommandTable;

// IRC operators: OPER against the operator blocks of the config file (the password checked on
// the auth worker thread, failures throttled per address), and what operators may do: KILL,
// WALLOPS (to users with +w), REHASH (what SIGHUP does) and DIE (when the configuration allows
// it). Every attempt and action is logged (confab.server.oper) with who did it; never a password.
namespace OperCommands {

void addTo(CommandTable& table);

// MODE -o: the sender is no longer an operator.
void deoper(CommandContext& context);

} // namespace OperCommands

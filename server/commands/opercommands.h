#pragma once

#include <QString>

class CommandContext;
class CommandTable;
class RelayLine;
class ServerCore;
class ServerUser;

// IRC operators: OPER against the operator blocks of the config file (the password checked on
// the auth worker thread, failures throttled per address), and what operators may do: KILL,
// WALLOPS (to users with +w), REHASH (what SIGHUP does) and DIE (when the configuration allows
// it). Every attempt and action is logged (confab.server.oper) with who did it; never a password.
namespace OperCommands {

void addTo(CommandTable& table);

// MODE -o: the sender is no longer an operator.
void deoper(CommandContext& context);

// The user's shown host becomes host, and those who see the user are told (CHGHOST, or a quit
// and join again without the cap). A user of this node: told to the other nodes too.
void changeHost(ServerCore& core, ServerUser* user, const QString& host);
// A WALLOPS line to this node's users with +w.
void deliverWallops(ServerCore& core, RelayLine& line);

} // namespace OperCommands

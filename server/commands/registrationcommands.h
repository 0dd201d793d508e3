#pragma once

class CommandTable;
class ServerCore;
class ServerUser;

// Connection registration and the connection itself: PASS, NICK, USER, PING, PONG, QUIT, and
// the welcome once NICK, USER and capability negotiation are done.
namespace RegistrationCommands {

void addTo(CommandTable& table);

// Completes registration if the user has a nick and a user name and is not negotiating
// capabilities: checks the connection password, sends the welcome burst, joins the default
// channel. Does nothing otherwise.
void tryComplete(ServerCore& core, ServerUser* user);

} // namespace RegistrationCommands

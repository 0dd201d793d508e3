#pragma once

#include <QString>

class CommandTable;
class ServerCore;
class ServerUser;

// Accounts: REGISTER (IRCv3 draft/account-registration), and what happens when a user logs in
// by any means (SASL or REGISTER): 900, account-notify, and the account's name taken back from
// a guest who holds it.
namespace AccountCommands {

void addTo(CommandTable& table);

// The user is now logged in to the account (its name as registered).
void logIn(ServerCore& core, ServerUser* user, const QString& account);
// Gives the holder of a nick that its account's owner claims a guest nick (GuestNNNNN).
void renameGuest(ServerCore& core, ServerUser* guest);
// A free "Guest12345" nick, or empty after 100 tries.
QString makeGuestNick(ServerCore& core);

} // namespace AccountCommands

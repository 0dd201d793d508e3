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
// Renames the user to a free "Guest12345" nick and, once registered, tells it with the notice
// (%1: the old nick, %2: the new one); false if no nick was free, and the user was disconnected
// with quitReason instead.
bool giveGuestNick(ServerCore& core, ServerUser* user, const QString& quitReason,
                   const QString& notice);

} // namespace AccountCommands

#pragma once

#include <QString>

class CommandTable;
class ServerCore;
class ServerUser;

// MONITOR (IRCv3 monitor): each user's list of nicks to hear about (MonitorRegistry), and the
// 730 RPL_MONONLINE / 731 RPL_MONOFFLINE its watchers get when a target comes online or goes
// offline, whether or not they share a channel with it.
//
// A target is online while a registered user holds it as a nick, or a registered user is logged
// in to an account of that name (under any nick). Watchers hear of changes only: a target that
// stays online (a nick taken by someone logged in to that account, a guest renamed away from
// an account's name while its owner is on) is not announced again. A user watching its own
// nick hears about itself too, as in Ergo.
namespace MonitorCommands {

void addTo(CommandTable& table);

// What changes whether targets are online; each is called once the change is made.
// The user has completed registration.
void notifyRegistered(ServerCore& core, ServerUser* user);
// The user's nick was oldNick (nothing is told before registration).
void notifyNickChanged(ServerCore& core, ServerUser* user, const QString& oldNick);
// The user has logged in to an account (nothing is told before registration).
void notifyLoggedIn(ServerCore& core, ServerUser* user);
// The user leaves; called before it is forgotten. Its own list is dropped first, so it does not
// hear about itself.
void notifyQuit(ServerCore& core, ServerUser* user);

} // namespace MonitorCommands

#pragma once

class ServerCore;
class ServerUser;

// Several devices, one account (multiclient): a connection that completes registration logged
// in to an account that is already connected becomes another session of that user. It shares
// the nick, the channels and what is relayed to the user; the others see one person. Closing
// one session is not a QUIT; the last one is.
namespace SessionCommands {

// At the end of registration: attaches the newcomer to the connected user of its account and
// sends the new session its welcome and the user's channels. Returns false (nothing done) if
// the newcomer is not logged in or its account is not connected yet; true means the newcomer
// has been deleted. In a cluster, a newcomer whose account's user is on another node is carried
// there (ClusterBridge::handOff), and deleted here too.
bool attachToAccount(ServerCore& core, ServerUser* newcomer);

} // namespace SessionCommands

#pragma once

#include <QString>

class CommandTable;
class RelayLine;
class ServerChannel;
class ServerCore;
class ServerUser;

// History (IRCv3 draft/chathistory, draft/event-playback): what is stored when a message or a
// room event is relayed, CHATHISTORY to read it back, and offline private messages handed to
// their recipient after it registers. Without a HistoryService (no data directory,
// --no-history) nothing is stored and CHATHISTORY is an unknown command.
namespace HistoryCommands {

void addTo(CommandTable& table);

// A PRIVMSG, NOTICE or TAGMSG relayed to the channel's members.
void recordChannelMessage(ServerCore& core, const ServerChannel* channel, RelayLine& line);
// A JOIN, PART, KICK or TOPIC in the channel.
void recordChannelEvent(ServerCore& core, const ServerChannel* channel, RelayLine& line);
// A QUIT or NICK of the user, in each of its channels.
void recordUserEvent(ServerCore& core, const ServerUser* user, RelayLine& line);
// A private PRIVMSG, NOTICE or TAGMSG from the sender to the recipient: a copy for each party
// that has an account. recipientOwner is the recipient's folded account ("" for none) and
// recipientNick its folded nick; recipientOffline marks the recipient's copy as not received yet.
void recordPrivateMessage(ServerCore& core, const ServerUser* sender, const QString& recipientOwner,
                          const QString& recipientNick, RelayLine& line, bool recipientOffline);
// Whether a message to the offline nick (folded) can be kept for it: it is an account's name
// and history is on.
bool acceptsOfflineMessages(ServerCore& core, const QString& foldedNick);
// The key of a room or conversation in the store: the folded channel, or for a nick the
// correspondent's account when someone with that nick is logged in, else the folded nick.
QString conversationKey(ServerCore& core, const QString& target);
// After registration: private messages that reached the user's account while it was away are
// replayed with their original time (for clients without draft/chathistory, which fetch them
// themselves).
void deliverPending(ServerCore& core, ServerUser* user);

} // namespace HistoryCommands

#pragma once

#include <QString>

class CommandContext;
class CommandTable;
class MultilineBatch;

// Messages between users and to channels: PRIVMSG, NOTICE, TAGMSG (IRCv3 message-tags).
namespace MessagingCommands {

void addTo(CommandTable& table);

// A closed draft/multiline batch from the context's user, relayed as one message to its target
// (BatchCommands), with the errors and history of a PRIVMSG or NOTICE.
void relayMultiline(CommandContext& context, const MultilineBatch& batch);

// STATUSMSG: the member flags a "@#room" or "+#room" target is for (operators; voiced members
// and operators), or 0 for any other target. Also for messages from other nodes (RemoteEvents).
int statusFlags(const QString& target);

} // namespace MessagingCommands

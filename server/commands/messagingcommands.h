#pragma once

class CommandTable;

// Messages between users and to channels: PRIVMSG, NOTICE, TAGMSG (IRCv3 message-tags).
namespace MessagingCommands {

void addTo(CommandTable& table);

} // namespace MessagingCommands

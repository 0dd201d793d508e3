#pragma once

class CommandTable;
class IrcMessage;
class ServerCore;
class ServerUser;

// Batches a client sends (IRCv3 client batches): only draft/multiline, one message of several
// lines (a paste) sent as "BATCH +<ref> draft/multiline <target>", its PRIVMSG or NOTICE lines
// tagged batch=<ref>, and "BATCH -<ref>". The message goes out when the batch closes, within
// the limits of the cap value (--multiline-max-bytes, --multiline-max-lines); errors are
// FAIL BATCH standard replies.
namespace BatchCommands {

void addTo(CommandTable& table);

// A line tagged batch=<ref> from the user's current session (ServerCore::handleMessage).
void collect(ServerCore& core, ServerUser* user, const IrcMessage& line);

} // namespace BatchCommands

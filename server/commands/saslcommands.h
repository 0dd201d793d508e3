#pragma once

#include <QStringList>

class CommandTable;
class ServerCore;
class ServerUser;

// IRCv3 SASL (sasl-3.1 and 3.2): AUTHENTICATE with SCRAM-SHA-256, PLAIN and EXTERNAL. The
// mechanisms run on the auth worker; this is the IRC framing: 400-byte base64 chunks, "+", "*",
// the 900-908 numerics, and a delay before a failure is told.
namespace SaslCommands {

// Longest AUTHENTICATE parameter: a chunk.
constexpr int ChunkBytes = 400;

void addTo(CommandTable& table);

// The mechanisms offered on this user's connection: PLAIN only over TLS, from this machine or
// when plain-text passwords are allowed; EXTERNAL only over TLS.
QStringList mechanisms(const ServerCore& core, const ServerUser* user);
// Registration completes while an exchange is in progress: it is aborted (906), as sasl-3.1
// says.
void abortForRegistration(ServerCore& core, ServerUser* user);

} // namespace SaslCommands

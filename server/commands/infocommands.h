#pragma once

#include <QStringList>

class CommandTable;
class ServerCore;
class ServerUser;

// About the server: LUSERS, MOTD, VERSION, TIME, and the welcome burst they are part of
// (001-005, LUSERS, MOTD).
namespace InfoCommands {

void addTo(CommandTable& table);

void sendWelcome(ServerCore& core, ServerUser* user);
void sendIsupport(ServerCore& core, ServerUser* user);
void sendLusers(ServerCore& core, ServerUser* user);
void sendMotd(ServerCore& core, ServerUser* user);
// The ISUPPORT (005) tokens, from the configuration.
QStringList isupportTokens(const ServerCore& core);
QString versionString();

} // namespace InfoCommands

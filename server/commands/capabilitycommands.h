#pragma once

#include <QString>

class CommandTable;
class ServerCore;
class ServerUser;

// IRCv3 capability negotiation: CAP LS, LIST, REQ, END (capability-negotiation, CAP 302 values).
namespace CapabilityCommands {

void addTo(CommandTable& table);

// The capabilities this server offers this user, space-separated, with values when withValues
// (CAP LS 302).
QString offered(const ServerCore& core, const ServerUser* user, bool withValues);

} // namespace CapabilityCommands

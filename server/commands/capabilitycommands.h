#pragma once

#include <QString>

#include <functional>

class CommandTable;
class ServerCore;
class ServerUser;

// IRCv3 capability negotiation: CAP LS, LIST, REQ, END (capability-negotiation, CAP 302 values).
namespace CapabilityCommands {

void addTo(CommandTable& table);

// The capabilities this server offers this user, space-separated, with values when withValues
// (CAP LS 302).
QString offered(const ServerCore& core, const ServerUser* user, bool withValues);

// Runs change (a new configuration), then tells every session with cap-notify which
// capabilities went (CAP DEL, and they are turned off for it) and which came (CAP NEW, with
// values after CAP LS 302). A capability whose value changed is announced gone and new.
void announceChanges(ServerCore& core, const std::function<void()>& change);

} // namespace CapabilityCommands

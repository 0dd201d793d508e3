#pragma once

#include "ircmessage.h"
#include "routing/relayline.h"

#include <optional>

class ServerChannel;
class ServerUser;

// What nodes tell each other on the bus, as IRC lines (docs/SCALING.md, "Bus messages"). A
// relayed line travels as accepted, with its id, time and the sender's account in tags, so that
// every node delivers the same message; the node's state travels in a few verbs of its own.
// The sending node's name ("cn" tag) is added by ClusterLink::publish.
namespace ClusterMessages {

// "HELLO": a node has (re)joined; every node answers with its state (a burst).
IrcMessage hello();
// "BURST" ... "ENDBURST": everything the node has. Its users and memberships not in it are gone.
IrcMessage burstStart();
IrcMessage burstEnd();
// "UID <nick> <user> <host> <account|*> <signon> <+modes> :<realname>", away in the "aw" tag.
IrcMessage user(const ServerUser* user);
// "CHANNEL <name> <created> <+modes> <key|*> <limit> <topic-secs> <topic-by|*> :<topic>", the
// bans in the "bans" tag (separated by spaces).
IrcMessage channel(const ServerChannel* channel);
// "MEMBER <channel> <nick> <flags> <joined-ms>".
IrcMessage member(const ServerChannel* channel, const ServerUser* user);

// A line as accepted (MessageRouter::accept), for the bus.
IrcMessage relayed(const RelayLine& line);
// The same line back, as the sending node accepted it; nothing if the tags are not those of a
// relayed line (a message from a hostile publisher).
std::optional<RelayLine> toRelayLine(const IrcMessage& message);

// Devices proxied to the node of their account (DeviceHandoff). The first parameter is the node
// the message is for (every node reads the bus), the second the device's id on the node that
// has its socket.
// "ATTACH <node> <id> <account> <caps> <address> <s|l|sl|-> <fingerprint|*> <user> :<realname>":
// a client logged in to an account of that node's user; the node runs it as one more session.
IrcMessage deviceAttach(const QString& node, quint64 id, const ServerUser* device);
// "DEVIN <node> <id> :<line>": a line the client sent.
IrcMessage deviceInput(const QString& node, quint64 id, const QByteArray& line);
// "DEVOUT <node> <id> :<line>": a line for the client.
IrcMessage deviceOutput(const QString& node, quint64 id, const QByteArray& line);
// "DEVCLOSE <node> <id> :<reason>": the session is over; the client gets ERROR and is closed.
IrcMessage deviceClose(const QString& node, quint64 id, const QString& reason);
// "DEVGONE <node> <id> :<reason>": the client's connection has ended.
IrcMessage deviceGone(const QString& node, quint64 id, const QString& reason);

} // namespace ClusterMessages

#pragma once

#include <QString>

class ServerChannel;
class ServerCore;
class ServerUser;

// Replies about a channel that several commands send: the topic (JOIN, TOPIC) and the member
// list (JOIN, NAMES).
namespace ChannelReplies {

// 332 + 333, or 331 when there is no topic and always is set.
void sendTopic(ServerCore& core, ServerUser* user, const ServerChannel* channel, bool always);
// 353 lines, split to fit the line length; no 366.
void sendNames(ServerCore& core, ServerUser* user, const ServerChannel* channel);
void sendEndOfNames(ServerCore& core, ServerUser* user, const QString& name);

} // namespace ChannelReplies

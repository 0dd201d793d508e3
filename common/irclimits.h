#pragma once

// Protocol limits shared by the server and the client. Each one is a default: the daemon and the
// client may be configured with other values, but never with unbounded ones.
namespace Limits {

// RFC 1459 §2.3 / modern.ircdocs.horse: the non-tag part of a line, CR LF included.
constexpr int MaxLineBytes = 512;
// IRCv3 message-tags: the tag part, the leading '@' and the trailing space included.
constexpr int MaxTagBytes = 8191;
// RFC 1459 §2.3: a command and at most 15 parameters.
constexpr int MaxParams = 15;

constexpr int DefaultNickLength = 30;
constexpr int DefaultChannelLength = 50;
constexpr int DefaultTopicLength = 390;
constexpr int DefaultAwayLength = 200;
constexpr int DefaultKickLength = 255;
constexpr int UserLength = 10; // RFC 2812 USERLEN
// A host set by CHGHOST (InspIRCd's default <limits:maxhost>).
constexpr int MaxHostLength = 64;

} // namespace Limits

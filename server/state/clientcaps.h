#pragma once

// IRCv3 capabilities a client can enable with CAP REQ, as bit flags on ServerUser. Their names
// and values are listed by CapabilityCommands.
namespace ClientCap {
constexpr int MessageTags = 0x01;
constexpr int ServerTime = 0x02;
constexpr int EchoMessage = 0x04;
constexpr int AwayNotify = 0x08;
constexpr int MultiPrefix = 0x10;
constexpr int Sasl = 0x20;
constexpr int AccountNotify = 0x40;
constexpr int AccountTag = 0x80;
constexpr int ExtendedJoin = 0x100;
constexpr int SetName = 0x200;
constexpr int CapNotify = 0x400;
constexpr int AccountRegistration = 0x800;
constexpr int Batch = 0x1000;
constexpr int LabeledResponse = 0x2000;
constexpr int ChatHistory = 0x4000;   // draft/chathistory
constexpr int EventPlayback = 0x8000; // draft/event-playback
constexpr int ReadMarker = 0x10000;   // draft/read-marker
constexpr int UserhostInNames = 0x20000;
constexpr int InviteNotify = 0x40000;
constexpr int ChgHost = 0x80000;
constexpr int Multiline = 0x100000;   // draft/multiline
// Not a capability: the client sent CAP LS 302 (cap values; cap-notify cannot be turned off).
constexpr int Version302 = 0x40000000;
} // namespace ClientCap

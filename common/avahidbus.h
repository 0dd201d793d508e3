#pragma once

// The names and numbers of the Avahi daemon's D-Bus interface (avahi-daemon 0.8,
// org.freedesktop.Avahi.*.xml and avahi-common/defs.h), used by the server to announce itself and
// by the client to browse. Plain constants: talking D-Bus is the QtDBus users' business.
namespace AvahiDbus {

inline constexpr char Service[] = "org.freedesktop.Avahi";
inline constexpr char ServerPath[] = "/";
inline constexpr char ServerInterface[] = "org.freedesktop.Avahi.Server";
inline constexpr char EntryGroupInterface[] = "org.freedesktop.Avahi.EntryGroup";
inline constexpr char ServiceBrowserInterface[] = "org.freedesktop.Avahi.ServiceBrowser";
inline constexpr char CollisionError[] = "org.freedesktop.Avahi.CollisionError";

// AVAHI_IF_UNSPEC and AVAHI_PROTO_UNSPEC: every interface, IPv4 and IPv6.
inline constexpr int InterfaceUnspecified = -1;
inline constexpr int ProtocolUnspecified = -1;
inline constexpr int ProtocolInet = 0;  // AVAHI_PROTO_INET
inline constexpr int ProtocolInet6 = 1; // AVAHI_PROTO_INET6

// AvahiServerState.
inline constexpr int ServerRegistering = 1;
inline constexpr int ServerRunning = 2;
inline constexpr int ServerCollision = 3;

// AvahiEntryGroupState.
inline constexpr int EntryGroupUncommitted = 0;
inline constexpr int EntryGroupRegistering = 1;
inline constexpr int EntryGroupEstablished = 2;
inline constexpr int EntryGroupCollision = 3;
inline constexpr int EntryGroupFailure = 4;

} // namespace AvahiDbus

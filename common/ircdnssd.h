#pragma once

// DNS-SD (RFC 6763) over multicast DNS: how a Confab server is announced on the LAN and what
// its TXT record says (docs/ARCHITECTURE.md, "Finding servers on the LAN"). Both the server's
// announcer and the client's browser read these, so the two sides cannot drift apart.
namespace IrcDnsSd {

// The service types: the plain-text port and the TLS port (the names other IRC software uses).
inline constexpr char PlainServiceType[] = "_irc._tcp";
inline constexpr char TlsServiceType[] = "_ircs._tcp";

// TXT record keys ("key=value", RFC 6763 section 6).
inline constexpr char TxtVersionKey[] = "txtvers";
inline constexpr char TxtVersion[] = "1";
inline constexpr char NetworkKey[] = "network"; // the network name (ISUPPORT NETWORK)
// The TLS certificate's SHA-256 fingerprint, upper-case hex pairs joined by ':' — the form the
// client pins. Only in the TLS service's record.
inline constexpr char FingerprintKey[] = "fingerprint";
inline constexpr char AccountsKey[] = "accounts";      // one of the values below
inline constexpr char AccountsNone[] = "none";         // no accounts: everyone is a guest
inline constexpr char AccountsOptional[] = "optional"; // sign in or chat as a guest
inline constexpr char AccountsRequired[] = "required"; // only signed-in users

// A DNS-SD service instance name is at most 63 bytes of UTF-8 (one DNS label).
inline constexpr int MaxServiceNameBytes = 63;

} // namespace IrcDnsSd

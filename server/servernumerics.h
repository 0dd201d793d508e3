#pragma once

// Numerics the server uses that common/ircnumerics.h does not name (yet), by their
// modern.ircdocs.horse names.
namespace ServerNumeric {

constexpr int RPL_VERSION = 351;
constexpr int RPL_TIME = 391;
constexpr int ERR_TOOMANYTARGETS = 407;
constexpr int ERR_KEYSET = 467;
constexpr int ERR_INVALIDMODEPARAM = 696;

} // namespace ServerNumeric

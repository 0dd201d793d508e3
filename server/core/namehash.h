#pragma once

#include <QString>

#include <cstddef>

// The hash of the look-up tables the server consults for every message, keyed by a short name
// (folded nicks, command names): xxHash's XXH3 (Debian's libxxhash-dev, inlined), with a seed
// drawn once per process, so that nobody can pick names that all land in one bucket.
//
// Not qHash(): on a processor with AVX-512, Qt 6.4's AES hash runs SSE instructions after
// 256-bit ones without clearing the registers' upper halves: within the call for a key under 16
// bytes (8 characters), in the caller's next SSE instruction for one of up to 32. On the
// benchmark machine such a call took about 110 ns instead of 3 ns: a quarter of the event
// loop's time per private message (docs/PERFORMANCE.md, stop 48).
struct NameHash
{
    std::size_t operator()(const QString& name) const noexcept;
};

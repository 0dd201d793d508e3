#include "core/namehash.h"

#include <QRandomGenerator>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace {

XXH64_hash_t processSeed()
{
    static const XXH64_hash_t seed = QRandomGenerator::system()->generate64();
    return seed;
}

} // namespace

std::size_t NameHash::operator()(const QString& name) const noexcept
{
    return std::size_t(XXH3_64bits_withSeed(name.constData(), std::size_t(name.size()) * sizeof(QChar),
                                            processSeed()));
}

#include "latencyhistogram.h"

#include <algorithm>
#include <cmath>

LatencyHistogram::LatencyHistogram()
    : m_counts((1 << SubBits) + 64 * HalfBuckets, 0)
{
}

void LatencyHistogram::merge(const LatencyHistogram& other)
{
    for (size_t i = 0; i < m_counts.size(); ++i)
        m_counts[i] += other.m_counts[i];
    m_total += other.m_total;
    m_max = std::max(m_max, other.m_max);
}

uint64_t LatencyHistogram::upperEdge(int index)
{
    if (index < (1 << SubBits))
        return static_cast<uint64_t>(index);
    const int rel = index - (1 << SubBits);
    const int shift = rel / HalfBuckets + 1;
    const uint64_t mantissa = static_cast<uint64_t>(rel % HalfBuckets + HalfBuckets);
    return ((mantissa + 1) << shift) - 1;
}

uint64_t LatencyHistogram::percentileMicros(double quantile) const
{
    if (m_total == 0)
        return 0;
    const uint64_t rank = std::max<uint64_t>(
        1, static_cast<uint64_t>(std::ceil(quantile * static_cast<double>(m_total))));
    uint64_t seen = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return std::min(upperEdge(static_cast<int>(i)), m_max);
    }
    return m_max;
}

#pragma once

#include <cstdint>
#include <vector>

// Log-linear histogram of latencies in microseconds: exact below 128 us, then 64 buckets per
// power of two (under 1.6 % error). Recording is an index computation and an increment.
class LatencyHistogram
{
public:
    LatencyHistogram();

    void record(uint64_t micros)
    {
        ++m_counts[indexOf(micros)];
        ++m_total;
        if (micros > m_max)
            m_max = micros;
    }
    void merge(const LatencyHistogram& other);

    uint64_t count() const { return m_total; }
    uint64_t maxMicros() const { return m_max; }
    // Upper edge of the bucket holding the given quantile (0..1); 0 when empty.
    uint64_t percentileMicros(double quantile) const;

private:
    static constexpr int SubBits = 7;
    static constexpr int HalfBuckets = 1 << (SubBits - 1);

    static int indexOf(uint64_t v)
    {
        if (v < (1u << SubBits))
            return static_cast<int>(v);
        const int msb = 63 - __builtin_clzll(v);
        const int shift = msb - SubBits + 1;
        return (1 << SubBits) + (shift - 1) * HalfBuckets
               + static_cast<int>((v >> shift) - HalfBuckets);
    }
    static uint64_t upperEdge(int index);

    std::vector<uint64_t> m_counts;
    uint64_t m_total = 0;
    uint64_t m_max = 0;
};

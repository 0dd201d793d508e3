#include "sharedrunstate.h"

SharedRunState::SharedRunState(int threads, int senderSlots, int window)
    : m_threads(threads), m_senderSlots(senderSlots), m_window(window),
      m_slots(new std::atomic<uint32_t>[static_cast<size_t>(senderSlots) * window + 1])
{
    for (size_t i = 0; i < static_cast<size_t>(senderSlots) * window + 1; ++i)
        m_slots[i].store(0, std::memory_order_relaxed);
}

void SharedRunState::arriveAndWait(const std::function<void()>& completion)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    const uint64_t generation = m_generation;
    if (++m_arrived == m_threads) {
        if (completion)
            completion();
        m_arrived = 0;
        ++m_generation;
        m_cv.notify_all();
        return;
    }
    m_cv.wait(lock, [&] { return m_generation != generation; });
}

void SharedRunState::noteError(const std::string& text)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_firstError.empty())
        m_firstError = text;
}

std::string SharedRunState::firstError()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_firstError;
}

void SharedRunState::noteLoginError(const std::string& text)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_firstLoginError.empty())
        m_firstLoginError = text;
}

std::string SharedRunState::firstLoginError()
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_firstLoginError;
}

void SharedRunState::noteLoginOutcome(uint64_t nowNs)
{
    uint64_t latest = lastLoginOutcomeNs.load(std::memory_order_relaxed);
    while (latest < nowNs &&
           !lastLoginOutcomeNs.compare_exchange_weak(latest, nowNs, std::memory_order_acq_rel)) {
    }
    // Every other outcome was published before its decrement, so the last one sees them all.
    if (loginsOutstanding.fetch_sub(1, std::memory_order_acq_rel) == 1)
        burstEndNs.store(lastLoginOutcomeNs.load(std::memory_order_acquire),
                         std::memory_order_release);
}

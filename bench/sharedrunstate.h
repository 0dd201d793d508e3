#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

// State the generator's worker threads share during one run: counters, the completion rings that
// pace flat-out senders, and a barrier between phases.
class SharedRunState
{
public:
    SharedRunState(int threads, int senderSlots, int window);

    // Waits until every worker arrived; the last one runs completion first (like std::barrier).
    void arriveAndWait(const std::function<void()>& completion);

    // Completion rings: slot (sender, seq % window) counts receivers that got message seq.
    std::atomic<uint32_t>& slot(int senderId, uint64_t seq)
    {
        return m_slots[static_cast<size_t>(senderId) * static_cast<size_t>(m_window) +
                       static_cast<size_t>(seq % static_cast<uint64_t>(m_window))];
    }
    bool hasSlot(uint64_t senderId) const
    {
        return senderId < static_cast<uint64_t>(m_senderSlots);
    }
    int window() const { return m_window; }

    void noteError(const std::string& text);
    std::string firstError();
    void noteLoginError(const std::string& text);
    std::string firstLoginError();

    // Login burst: called once per login when its outcome is known (success, failure or the end
    // of its connection). The last one closes the burst window at the latest outcome seen.
    void noteLoginOutcome(uint64_t nowNs);

    std::atomic<uint64_t> sent{0};
    std::atomic<uint64_t> delivered{0};
    std::atomic<int> sendersDone{0};
    std::atomic<int> disconnects{0};
    std::atomic<uint64_t> sendStalls{0};
    std::atomic<bool> abort{false};

    // Login burst: logins whose outcome is still unknown, the latest outcome so far, and the
    // end of the burst window (0 while it is open).
    std::atomic<int> loginsOutstanding{0};
    std::atomic<uint64_t> lastLoginOutcomeNs{0};
    std::atomic<uint64_t> burstEndNs{0};

    // Written by barrier completions only, read after the barrier.
    int receiversPerMessage = 0;
    uint64_t startNs = 0;
    uint64_t loginStartNs = UINT64_MAX; // when the burst opens; UINT64_MAX: no burst
    bool flatOut = true;

private:
    int m_threads;
    int m_senderSlots;
    int m_window;
    std::unique_ptr<std::atomic<uint32_t>[]> m_slots;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    int m_arrived = 0;
    uint64_t m_generation = 0;
    std::string m_firstError;
    std::string m_firstLoginError;
};

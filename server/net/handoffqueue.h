#pragma once

#include <iterator>
#include <mutex>
#include <utility>
#include <vector>

// Items handed from one thread to another in batches. The producer pushes; push() says whether
// the consumer must be woken, which is only the case for the first item since the consumer last
// took the queue, so a busy consumer is woken once per batch, not per item. The consumer takes
// everything at once into a vector of its own (whose storage the producer then reuses).
template <typename T> class HandoffQueue
{
public:
    // True: the consumer was not already due to look; wake it.
    bool push(T item)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_items.push_back(std::move(item));
        return !std::exchange(m_wakePending, true);
    }

    // Moves all of items over (items is left empty); true as for push().
    bool pushAll(std::vector<T>* items)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_items.empty())
            m_items.swap(*items);
        else
            std::move(items->begin(), items->end(), std::back_inserter(m_items));
        items->clear();
        return !std::exchange(m_wakePending, true);
    }

    // Swaps what is queued into *out (which must be empty); the next push() wakes again.
    void takeAll(std::vector<T>* out)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_items.swap(*out);
        m_wakePending = false;
    }

private:
    std::mutex m_mutex; // std::mutex, not QMutex: ThreadSanitizer follows it
    std::vector<T> m_items;
    bool m_wakePending = false;
};

#include "state/whowashistory.h"

void WhowasHistory::add(Entry entry)
{
    if (m_capacity <= 0)
        return;
    m_entries.push_back(std::move(entry));
    trim();
}

std::vector<WhowasHistory::Entry> WhowasHistory::find(const QString& foldedNick, int count) const
{
    std::vector<Entry> found;
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
        if (it->foldedNick != foldedNick)
            continue;
        found.push_back(*it);
        if (count > 0 && int(found.size()) >= count)
            break;
    }
    return found;
}

void WhowasHistory::setCapacity(int capacity)
{
    m_capacity = capacity;
    trim();
}

void WhowasHistory::trim()
{
    while (int(m_entries.size()) > std::max(m_capacity, 0))
        m_entries.pop_front();
}

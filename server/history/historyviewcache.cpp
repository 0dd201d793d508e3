#include "history/historyviewcache.h"

std::optional<HistoryView> HistoryViewCache::find(const QString& owner,
                                                  const QString& target) const
{
    const auto it = m_byText.find(TextKey(owner, target));
    if (it == m_byText.end())
        return std::nullopt;
    return it->second;
}

std::optional<HistoryView> HistoryViewCache::findShared(const QString& owner,
                                                        const QString& target)
{
    const AddressKey address(owner.constData(), target.constData());
    if (const auto it = m_byAddress.constFind(address); it != m_byAddress.cend())
        return *it->view;
    const auto it = m_byText.find(TextKey(owner, target));
    if (it == m_byText.end())
        return std::nullopt;
    // Bounded like the views: strings made afresh for each call would only add entries.
    if (size_t(m_byAddress.size()) >= MaxViews)
        m_byAddress.clear();
    m_byAddress.insert(address, Shared{owner, target, &it->second});
    return it->second;
}

void HistoryViewCache::insert(const QString& owner, const QString& target,
                              const HistoryView& view)
{
    if (m_byText.size() >= MaxViews)
        clear();
    m_byText.insert_or_assign(TextKey(owner, target), view);
}

void HistoryViewCache::setSinceId(const QString& owner, const QString& target, qint64 sinceId)
{
    if (const auto it = m_byText.find(TextKey(owner, target)); it != m_byText.end())
        it->second.sinceId = sinceId;
}

void HistoryViewCache::clear()
{
    m_byAddress.clear(); // first: it points into m_byText
    m_byText.clear();
}

#include "history/historyviewcache.h"

HistoryView* HistoryViewCache::byText(const QString& owner, const QString& target)
{
    const auto it = m_byText.find(TextKey(owner, target));
    return it == m_byText.end() ? nullptr : &it->second;
}

std::optional<HistoryView> HistoryViewCache::find(const QString& owner, const QString& target)
{
    if (const HistoryView* view = byText(owner, target))
        return *view;
    return std::nullopt;
}

std::optional<HistoryView> HistoryViewCache::findShared(const QString& owner,
                                                        const QString& target)
{
    const AddressKey address{SharedTextKey(owner), SharedTextKey(target)};
    if (const auto it = m_byAddress.constFind(address); it != m_byAddress.cend())
        return *it->view;
    HistoryView* view = byText(owner, target);
    if (!view)
        return std::nullopt;
    // Bounded like the views: strings made afresh for each call would only add entries.
    if (size_t(m_byAddress.size()) >= MaxViews)
        m_byAddress.clear();
    m_byAddress.insert(address, Shared{owner, target, view});
    return *view;
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
    if (HistoryView* view = byText(owner, target))
        view->sinceId = sinceId;
}

void HistoryViewCache::clear()
{
    m_byAddress.clear(); // first: it points into m_byText
    m_byText.clear();
}

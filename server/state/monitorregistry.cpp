#include "state/monitorregistry.h"

MonitorRegistry::AddResult MonitorRegistry::add(UserId watcher, const QString& folded,
                                                const QString& name, int limit)
{
    auto watchers = m_watchers.find(folded);
    if (watchers != m_watchers.end() && watchers->contains(watcher))
        return AddResult::AlreadyThere;
    if (targetCount(watcher) >= limit)
        return AddResult::ListFull;
    if (watchers == m_watchers.end())
        watchers = m_watchers.insert(folded, {});
    watchers->insert(watcher);
    m_lists[watcher].append(Target{folded, name});
    return AddResult::Added;
}

bool MonitorRegistry::remove(UserId watcher, const QString& folded)
{
    auto watchers = m_watchers.find(folded);
    if (watchers == m_watchers.end() || !watchers->remove(watcher))
        return false;
    if (watchers->isEmpty())
        m_watchers.erase(watchers);
    auto list = m_lists.find(watcher);
    list->removeIf([&](const Target& target) { return target.folded == folded; });
    if (list->isEmpty())
        m_lists.erase(list);
    return true;
}

void MonitorRegistry::removeWatcher(UserId watcher)
{
    auto list = m_lists.find(watcher);
    if (list == m_lists.end())
        return;
    for (const Target& target : *list) {
        auto watchers = m_watchers.find(target.folded);
        watchers->remove(watcher);
        if (watchers->isEmpty())
            m_watchers.erase(watchers);
    }
    m_lists.erase(list);
}

int MonitorRegistry::targetCount(UserId watcher) const
{
    const auto list = m_lists.constFind(watcher);
    return list == m_lists.cend() ? 0 : int(list->size());
}

void MonitorRegistry::clear()
{
    m_watchers.clear();
    m_lists.clear();
}

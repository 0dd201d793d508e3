#pragma once

#include "state/serveruser.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

// The MONITOR lists (IRCv3 monitor): for each watcher, the targets it watches, in the order it
// added them and as it spelled them; for each target (folded with the server's case mapping),
// who watches it. Both sides are kept consistent here, so that forgetting a watcher costs the
// length of its own list. It knows nothing of who is online: MonitorCommands decides that.
class MonitorRegistry
{
public:
    struct Target
    {
        QString folded;
        QString name; // as the watcher wrote it
    };

    enum class AddResult { Added, AlreadyThere, ListFull };

    // Adds the target to the watcher's list unless it holds limit entries already (then nothing
    // is stored).
    AddResult add(UserId watcher, const QString& folded, const QString& name, int limit);
    // Whether the target was on the watcher's list.
    bool remove(UserId watcher, const QString& folded);
    // Empties the watcher's list (MONITOR C, and when the watcher leaves).
    void removeWatcher(UserId watcher);
    // Forgets every list.
    void clear();

    // The watcher's targets, in the order they were added.
    QList<Target> targets(UserId watcher) const { return m_lists.value(watcher); }
    int targetCount(UserId watcher) const;
    // Who watches the folded target; empty when nobody does.
    QSet<UserId> watchers(const QString& folded) const { return m_watchers.value(folded); }
    bool isWatched(const QString& folded) const { return m_watchers.contains(folded); }
    // Distinct targets and watchers with a list (for tests: nothing is kept for empty lists).
    int watchedCount() const { return int(m_watchers.size()); }
    int watcherCount() const { return int(m_lists.size()); }

private:
    QHash<QString, QSet<UserId>> m_watchers; // folded target -> watchers; never an empty set
    QHash<UserId, QList<Target>> m_lists;    // watcher -> targets; never an empty list
};

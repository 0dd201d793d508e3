#pragma once

#include <QString>

#include <deque>
#include <vector>

// Who had a nick before (WHOWAS): the last entries of users who quit or changed their nick,
// newest last, at most a fixed number in all (--whowas-length); the oldest go first.
class WhowasHistory
{
public:
    struct Entry
    {
        QString nick;
        QString foldedNick;
        QString userName;
        QString host;
        QString realName;
        QString account; // "" for none
        qint64 leftSecs = 0;
    };

    explicit WhowasHistory(int capacity) : m_capacity(capacity) {}

    void add(Entry entry);
    // The entries of the folded nick, newest first, at most count of them (count <= 0: all).
    std::vector<Entry> find(const QString& foldedNick, int count) const;
    void setCapacity(int capacity);
    int size() const { return int(m_entries.size()); }
    void clear() { m_entries.clear(); }

private:
    void trim();

    int m_capacity;
    std::deque<Entry> m_entries;
};

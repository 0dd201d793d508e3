#include "core/commandtable.h"

#include <QStringList>

void CommandTable::add(const QString& name, Handler handler, int minParams, Access access)
{
    m_entries.insert_or_assign(name, Entry{handler, minParams, access});
}

const CommandTable::Entry* CommandTable::find(const QString& name) const
{
    auto it = m_entries.find(name);
    return it == m_entries.end() ? nullptr : &it->second;
}

QStringList CommandTable::names() const
{
    QStringList names;
    names.reserve(qsizetype(m_entries.size()));
    for (const auto& entry : m_entries)
        names.append(entry.first);
    names.sort();
    return names;
}

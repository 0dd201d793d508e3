#include "core/commandtable.h"

#include <QStringList>

void CommandTable::add(const QString& name, Handler handler, int minParams, Access access)
{
    m_entries.insert(name, Entry{handler, minParams, access});
}

const CommandTable::Entry* CommandTable::find(const QString& name) const
{
    auto it = m_entries.constFind(name);
    return it == m_entries.constEnd() ? nullptr : &it.value();
}

QStringList CommandTable::names() const
{
    QStringList names = m_entries.keys();
    names.sort();
    return names;
}

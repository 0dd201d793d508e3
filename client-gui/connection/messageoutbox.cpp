#include "connection/messageoutbox.h"

#include <algorithm>
#include <utility>

MessageOutbox::Entry MessageOutbox::make(const QString& target, const QString& text, bool isAction)
{
    return Entry{m_nextId++, target, text, isAction};
}

bool MessageOutbox::push(const Entry& entry)
{
    if (m_entries.size() >= MaxSize)
        return false;
    m_entries.append(entry);
    return true;
}

QList<MessageOutbox::Entry> MessageOutbox::takeAll()
{
    return std::exchange(m_entries, {});
}

void MessageOutbox::expectEcho(const QString& foldedTarget, const QString& text)
{
    m_echoes.append({foldedTarget, text});
}

bool MessageOutbox::takeEcho(const QString& foldedTarget, const QString& text)
{
    const auto it = std::find_if(m_echoes.begin(), m_echoes.end(), [&](const Echo& e) {
        return e.foldedTarget == foldedTarget && e.text == text;
    });
    if (it == m_echoes.end())
        return false;
    m_echoes.erase(it);
    return true;
}

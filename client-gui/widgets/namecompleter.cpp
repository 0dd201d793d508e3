#include "widgets/namecompleter.h"

#include <algorithm>

bool NameCompleter::complete(const QString& text, int cursor, const QStringList& names,
                             Result* result, const AliasOf& aliasOf)
{
    if (!m_cycling) {
        int start = cursor;
        while (start > 0 && !text.at(start - 1).isSpace())
            --start;
        const QString word = text.mid(start, cursor - start);
        const QString prefix = m_caseMapping.fold(word);
        if (prefix.isEmpty())
            return false;
        m_matches.clear();
        for (const QString& name : names) {
            const QString alias = aliasOf ? aliasOf(name) : QString();
            const bool matches =
                m_caseMapping.fold(name).startsWith(prefix) ||
                (!alias.isEmpty() && alias.startsWith(word, Qt::CaseInsensitive));
            if (matches && !m_matches.contains(name))
                m_matches.append(name);
        }
        if (m_matches.isEmpty())
            return false;
        std::sort(m_matches.begin(), m_matches.end(), [this](const QString& a, const QString& b) {
            return m_caseMapping.fold(a) < m_caseMapping.fold(b);
        });
        m_before = text.left(start);
        m_after = text.mid(cursor);
        m_atLineStart = start == 0;
        m_index = 0;
        m_cycling = true;
    } else {
        m_index = (m_index + 1) % int(m_matches.size());
    }
    const QString& name = m_matches.at(m_index);
    const bool isRoom = name.startsWith(QLatin1Char('#')) || name.startsWith(QLatin1Char('&'));
    const QString suffix = m_atLineStart && !isRoom ? QStringLiteral(": ") : QStringLiteral(" ");
    QString after = m_after;
    if (after.startsWith(QLatin1Char(' ')))
        after.remove(0, 1); // the space after the word comes with the name
    result->text = m_before + name + suffix + after;
    result->cursor = int(m_before.size() + name.size() + suffix.size());
    return true;
}

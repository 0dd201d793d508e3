#pragma once

#include "irccasemapping.h"

#include <QStringList>

#include <functional>

// Tab completion in the input line, as HexChat and irssi do it: the word before the cursor is
// completed to a name that starts with it (case-insensitively, by the server's casemapping);
// pressing Tab again goes on to the next one. A nick completed at the start of the line gets
// ": " after it (addressing that person), anything else a space. A person's display name (in any
// script: "小明" for xiaoming) completes to their nick too. Pure text: no widget.
class NameCompleter
{
public:
    struct Result
    {
        QString text;
        int cursor = 0;
    };

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }

    // The display name of a name, or empty (asked for each name at a first Tab).
    using AliasOf = std::function<QString(const QString&)>;

    // Completes (or cycles) the word before cursor in text among names, matching a name or its
    // display name (aliasOf, optional). False: no match.
    bool complete(const QString& text, int cursor, const QStringList& names, Result* result,
                  const AliasOf& aliasOf = {});
    // Anything but Tab was typed: the next Tab starts afresh.
    void reset() { m_cycling = false; }
    bool isCycling() const { return m_cycling; }

private:
    IrcCaseMapping m_caseMapping;
    bool m_cycling = false;
    QStringList m_matches;
    int m_index = 0;
    QString m_before; // the text before the completed word
    QString m_after;  // the text after the cursor
    bool m_atLineStart = false;
};

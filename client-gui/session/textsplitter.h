#pragma once

#include <QString>
#include <QStringList>

// Text longer than one IRC message can carry, cut into several.
class TextSplitter
{
public:
    // Pieces of at most maxBytes of UTF-8, cut at a space in the second half of a piece if there
    // is one, never inside a surrogate pair.
    static QStringList split(const QString& text, int maxBytes);
};

#pragma once

#include <QColor>
#include <QString>

// A stable colour per name (the same nick always gets the same colour, in every run), chosen to
// stay readable on the given background.
class NickColor
{
public:
    static QColor forNick(const QString& nick, const QColor& background = Qt::white);
    // WCAG relative-luminance contrast ratio, 1..21.
    static double contrast(const QColor& a, const QColor& b);
};

#pragma once

#include <QColor>
#include <QString>

// A stable colour per name (the same nick always gets the same colour, in every run), chosen to
// stay readable on the given background. The user's own colour has a hue of its own: no other
// name gets a hue within OwnHueGap degrees of it, so one's own lines never look like someone else's.
class NickColor
{
public:
    static constexpr int OwnHue = 210; // blue
    static constexpr int OwnHueGap = 25;

    static QColor forNick(const QString& nick, const QColor& background = Qt::white);
    static QColor own(const QColor& background = Qt::white);
    // The colour a line's sender is shown in: own() for the user's own lines, else forNick().
    static QColor forSender(const QString& nick, bool isOwn, const QColor& background);
    // WCAG relative-luminance contrast ratio, 1..21.
    static double contrast(const QColor& a, const QColor& b);
};

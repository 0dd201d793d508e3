#pragma once

#include <QColor>
#include <QString>

class QPainter;
class QRect;

// A round avatar with a person's initials on their colour, as messengers show when there is no
// picture: "Li Lei" → "LL", "alice" → "A", "小明" → "小".
class InitialsAvatar
{
public:
    static QString initials(const QString& name);
    static void paint(QPainter* painter, const QRect& rect, const QString& name,
                      const QColor& color);
};

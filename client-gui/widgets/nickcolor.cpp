#include "widgets/nickcolor.h"

#include <algorithm>
#include <cmath>

namespace {

quint32 stableHash(const QString& text)
{
    quint32 hash = 2166136261u; // FNV-1a, independent of qHash's per-process seed
    for (QChar c : text.toLower()) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

double luminance(const QColor& color)
{
    auto channel = [](double c) {
        return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) +
           0.0722 * channel(color.blueF());
}

} // namespace

double NickColor::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor NickColor::forNick(const QString& nick, const QColor& background)
{
    const int hue = int(stableHash(nick) % 360);
    const bool darkBackground = luminance(background) < 0.4;
    int lightness = darkBackground ? 170 : 100;
    QColor color = QColor::fromHsl(hue, 190, lightness);
    // Yellows and greens are light at any lightness: move away from the background until the
    // text reaches 4.5:1 (WCAG AA).
    for (int i = 0; i < 20 && contrast(color, background) < 4.5; ++i) {
        lightness += darkBackground ? 6 : -6;
        color = QColor::fromHsl(hue, 190, std::clamp(lightness, 0, 255));
    }
    return color;
}

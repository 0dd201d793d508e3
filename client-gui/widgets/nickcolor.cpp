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

namespace {

// The hue, at a saturation and lightness readable on background.
QColor readable(int hue, const QColor& background)
{
    const bool darkBackground = luminance(background) < 0.4;
    int lightness = darkBackground ? 170 : 100;
    QColor color = QColor::fromHsl(hue, 190, lightness);
    // Yellows and greens are light at any lightness: move away from the background until the
    // text reaches 4.5:1 (WCAG AA).
    for (int i = 0; i < 20 && NickColor::contrast(color, background) < 4.5; ++i) {
        lightness += darkBackground ? 6 : -6;
        color = QColor::fromHsl(hue, 190, std::clamp(lightness, 0, 255));
    }
    return color;
}

} // namespace

QColor NickColor::forNick(const QString& nick, const QColor& background)
{
    // Hues spread over the circle minus the own hue's band.
    constexpr int band = 2 * OwnHueGap + 1;
    const int hue = (OwnHue + OwnHueGap + 1 + int(stableHash(nick) % (360 - band))) % 360;
    return readable(hue, background);
}

QColor NickColor::own(const QColor& background)
{
    return readable(OwnHue, background);
}

QColor NickColor::forSender(const QString& nick, bool isOwn, const QColor& background)
{
    return isOwn ? own(background) : forNick(nick, background);
}

#include "ircmask.h"

namespace IrcMask {

bool matches(QStringView mask, QStringView text)
{
    qsizetype m = 0, t = 0, starM = -1, starT = 0;
    while (t < text.size()) {
        if (m < mask.size() && (mask[m] == u'?' || mask[m] == text[t])) {
            ++m;
            ++t;
        } else if (m < mask.size() && mask[m] == u'*') {
            starM = m++;
            starT = t;
        } else if (starM >= 0) {
            m = starM + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (m < mask.size() && mask[m] == u'*')
        ++m;
    return m == mask.size();
}

QString normalise(const QString& mask)
{
    QString result = mask;
    if (!result.contains(u'!') && !result.contains(u'@'))
        result += QStringLiteral("!*@*");
    else if (!result.contains(u'@'))
        result += QStringLiteral("@*");
    else if (!result.contains(u'!'))
        result.prepend(QStringLiteral("*!"));
    return result;
}

} // namespace IrcMask

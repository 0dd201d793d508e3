#include "irccasemapping.h"

std::optional<IrcCaseMapping> IrcCaseMapping::fromName(QStringView name)
{
    if (name == u"ascii")
        return IrcCaseMapping(Mapping::Ascii);
    if (name == u"rfc1459")
        return IrcCaseMapping(Mapping::Rfc1459);
    return std::nullopt;
}

QString IrcCaseMapping::name() const
{
    return m_mapping == Mapping::Ascii ? QStringLiteral("ascii") : QStringLiteral("rfc1459");
}

QString IrcCaseMapping::fold(QStringView text) const
{
    QString folded = text.toString();
    for (QChar& c : folded) {
        const char16_t u = c.unicode();
        if (u >= 'A' && u <= 'Z') {
            c = QChar(char16_t(u + ('a' - 'A')));
        } else if (m_mapping == Mapping::Rfc1459) {
            // rfc1459: "[]\~" are the upper-case forms of "{}|^".
            switch (u) {
            case '[': c = QLatin1Char('{'); break;
            case ']': c = QLatin1Char('}'); break;
            case '\\': c = QLatin1Char('|'); break;
            case '~': c = QLatin1Char('^'); break;
            default: break;
            }
        }
    }
    return folded;
}

bool IrcCaseMapping::equals(QStringView a, QStringView b) const
{
    return a.size() == b.size() && fold(a) == fold(b);
}

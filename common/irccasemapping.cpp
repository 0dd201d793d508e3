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

namespace {

char16_t foldChar(char16_t u, IrcCaseMapping::Mapping mapping)
{
    if (u >= 'A' && u <= 'Z')
        return char16_t(u + ('a' - 'A'));
    if (mapping == IrcCaseMapping::Mapping::Rfc1459) {
        // rfc1459: "[]\~" are the upper-case forms of "{}|^".
        switch (u) {
        case '[': return '{';
        case ']': return '}';
        case '\\': return '|';
        case '~': return '^';
        default: break;
        }
    }
    return u;
}

} // namespace

QString IrcCaseMapping::fold(const QString& text) const
{
    // Most names are folded already: then the result shares the text, no allocation.
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (foldChar(u, m_mapping) != u) {
            QString folded = text;
            for (qsizetype j = i; j < folded.size(); ++j)
                folded[j] = QChar(foldChar(folded[j].unicode(), m_mapping));
            return folded;
        }
    }
    return text;
}

QString IrcCaseMapping::fold(QStringView text) const
{
    QString folded = text.toString();
    for (QChar& c : folded)
        c = QChar(foldChar(c.unicode(), m_mapping));
    return folded;
}

// Character by character, without building two folded copies (used in list scans).
bool IrcCaseMapping::equals(QStringView a, QStringView b) const
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (foldChar(a[i].unicode(), m_mapping) != foldChar(b[i].unicode(), m_mapping))
            return false;
    }
    return true;
}

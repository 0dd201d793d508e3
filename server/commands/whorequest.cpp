#include "commands/whorequest.h"

#include <cstring>

WhoRequest::WhoRequest(const QString& mask, const QString& options)
    : m_mask(mask.isEmpty() ? QStringLiteral("*") : mask), m_token(QStringLiteral("0"))
{
    const int percent = int(options.indexOf(u'%'));
    m_operatorsOnly = options.left(percent < 0 ? options.size() : percent).contains(u'o');
    if (percent < 0)
        return;
    m_whox = true;
    const QString spec = options.mid(percent + 1);
    const int comma = int(spec.indexOf(u','));
    const QString letters = comma < 0 ? spec : spec.left(comma);
    for (QChar letter : letters) {
        const char* found =
            letter.unicode() < 128 ? std::strchr(FieldLetters, char(letter.unicode())) : nullptr;
        if (found && *found)
            m_fields |= 1 << int(found - FieldLetters);
    }
    if (comma >= 0) {
        const QString token = spec.mid(comma + 1);
        bool digits = !token.isEmpty() && token.size() <= MaxTokenLength;
        for (QChar c : token)
            digits = digits && c.isDigit() && c.unicode() < 128;
        if (digits)
            m_token = token;
    }
}

bool WhoRequest::isEveryone() const
{
    return m_mask == QLatin1String("*") || m_mask == QLatin1String("0");
}

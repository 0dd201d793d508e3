#include "session/mentionfinder.h"

bool MentionFinder::isNickChar(QChar c)
{
    // Letters and digits of any script, and the specials nicks may use (RFC 2812).
    return c.isLetterOrNumber() || QStringView(u"[]\\`_^{|}-").contains(c);
}

bool MentionFinder::mentions(const QString& text, const QString& nick, IrcCaseMapping mapping)
{
    if (nick.isEmpty())
        return false;
    const QString haystack = mapping.fold(text);
    const QString needle = mapping.fold(nick);
    for (qsizetype at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
        const qsizetype end = at + needle.size();
        const bool startsWord = at == 0 || !isNickChar(haystack.at(at - 1));
        const bool endsWord = end == haystack.size() || !isNickChar(haystack.at(end));
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

#include "ircvalidation.h"

namespace IrcValidation {

namespace {

bool isLetter(char16_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool isDigit(char16_t c)
{
    return c >= '0' && c <= '9';
}

bool isSpecial(char16_t c)
{
    switch (c) {
    case '[': case ']': case '\\': case '`': case '_': case '^': case '{': case '|': case '}':
        return true;
    default:
        return false;
    }
}

} // namespace

Reason checkNick(QStringView nick, int maxLength)
{
    if (nick.isEmpty())
        return Reason::Empty;
    if (nick.size() > maxLength)
        return Reason::TooLong;
    const char16_t first = nick.at(0).unicode();
    if (!isLetter(first) && !isSpecial(first))
        return Reason::BadFirstCharacter;
    for (QChar c : nick.sliced(1)) {
        const char16_t u = c.unicode();
        if (!isLetter(u) && !isDigit(u) && !isSpecial(u) && u != '-')
            return Reason::BadCharacter;
    }
    return Reason::Valid;
}

Reason checkChannel(QStringView channel, int maxLength)
{
    if (channel.isEmpty())
        return Reason::Empty;
    if (!isChannelName(channel))
        return Reason::BadFirstCharacter;
    if (channel.size() == 1)
        return Reason::Empty;
    if (channel.size() > maxLength)
        return Reason::TooLong;
    for (QChar c : channel) {
        const char16_t u = c.unicode();
        if (u == 0 || u == 0x07 || u == '\r' || u == '\n' || u == ' ' || u == ',' || u == ':')
            return Reason::BadCharacter;
    }
    return Reason::Valid;
}

Reason checkHost(QStringView host, int maxLength)
{
    if (host.isEmpty())
        return Reason::Empty;
    if (host.size() > maxLength)
        return Reason::TooLong;
    const QChar first = host.front();
    if (first == u'.' || first == u'-' || first == u':')
        return Reason::BadFirstCharacter;
    for (QChar c : host) {
        const char16_t u = c.unicode();
        const bool ok = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                        (u >= '0' && u <= '9') || u == '.' || u == '-' || u == '_' || u == ':' ||
                        u == '/';
        if (!ok)
            return Reason::BadCharacter;
    }
    return Reason::Valid;
}

bool isChannelName(QStringView target)
{
    return !target.isEmpty() && (target.at(0) == QLatin1Char('#') || target.at(0) == QLatin1Char('&'));
}

const char* reasonText(Reason reason)
{
    switch (reason) {
    case Reason::Valid: return "valid";
    case Reason::Empty: return "the name is empty";
    case Reason::TooLong: return "the name is too long";
    case Reason::BadFirstCharacter: return "the name starts with a character that is not allowed there";
    case Reason::BadCharacter: return "the name contains a character that is not allowed";
    }
    return "invalid";
}

} // namespace IrcValidation

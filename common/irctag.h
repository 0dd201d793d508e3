#pragma once

#include <QString>

// One IRCv3 message tag. The value is unescaped; an empty value and a missing value mean the
// same thing (IRCv3 message-tags), so "key" and "key=" are both stored as {key, ""}.
struct IrcTag
{
    QString key;
    QString value;

    friend bool operator==(const IrcTag& a, const IrcTag& b)
    {
        return a.key == b.key && a.value == b.value;
    }
    friend bool operator!=(const IrcTag& a, const IrcTag& b) { return !(a == b); }
};

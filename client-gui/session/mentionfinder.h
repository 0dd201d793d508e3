#pragma once

#include "irccasemapping.h"

#include <QString>

// Whether a message names the user: their nick as a whole word (not inside a longer name or
// word), compared as the server's CASEMAPPING compares nicks. A pure function.
class MentionFinder
{
public:
    static bool mentions(const QString& text, const QString& nick, IrcCaseMapping mapping);

private:
    static bool isNickChar(QChar c);
};

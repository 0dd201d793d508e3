#pragma once

#include <QString>
#include <QStringView>

// Host masks as IRC uses them for bans and WHO: "nick!user@host" patterns with '*' (any run) and
// '?' (one character).
namespace IrcMask {

// Whether text matches the wildcard mask. Both are compared as given: fold them first for a
// case-insensitive match.
bool matches(QStringView mask, QStringView text);

// Completes a partial mask as servers store bans: "nick" -> "nick!*@*", "nick!user" ->
// "nick!user@*", "user@host" -> "*!user@host".
QString normalise(const QString& mask);

} // namespace IrcMask

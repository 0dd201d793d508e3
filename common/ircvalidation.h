#pragma once

#include "irclimits.h"

#include <QStringView>

// Checks nicknames and channel names. The reason is an enum so that each module words it for its
// reader: the server as wire text (reasonText), the client through tr().
namespace IrcValidation {

enum class Reason {
    Valid,
    Empty,
    TooLong,
    BadFirstCharacter, // nick: digit, '-' or other; channel: not a CHANTYPES character
    BadCharacter,      // a character outside the allowed set
};

// RFC 2812 §2.3.1: letter or special ([]\`_^{|}) first, then letters, digits, specials or '-'.
Reason checkNick(QStringView nick, int maxLength = Limits::DefaultNickLength);
// RFC 2812 §1.3 with CHANTYPES "#&": no space, comma, colon, BEL, NUL, CR or LF.
Reason checkChannel(QStringView channel, int maxLength = Limits::DefaultChannelLength);
bool isChannelName(QStringView target); // starts with a CHANTYPES character
// A host name to show in nick!user@host (CHGHOST): ASCII letters, digits and ".-_:/", not
// starting with '.', '-' or ':'.
Reason checkHost(QStringView host, int maxLength = Limits::MaxHostLength);

const char* reasonText(Reason reason); // English, for logs and wire text

} // namespace IrcValidation

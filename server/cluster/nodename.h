#pragma once

#include "config/serverconfig.h"

#include <QString>

// A cluster node's name: part of Redis keys and of every bus message, so kept to a safe
// alphabet (letters, digits, '-', '_', '.') and length. Names from the bus are checked too.
namespace NodeName {

inline bool isValid(const QString& name)
{
    if (name.isEmpty() || name.size() > ServerDefaults::MaxNodeNameLength)
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'_' && c != u'.')
            return false;
    }
    return true;
}

} // namespace NodeName

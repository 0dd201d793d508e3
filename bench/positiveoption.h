#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <cstdio>
#include <limits>

// The value of a bench program's numeric option, which must be a whole number from 1 to the
// largest Int; otherwise says so on stderr and returns false.
template <typename Int>
bool positiveOption(const QCommandLineParser& parser, const QCommandLineOption& option, Int* value)
{
    bool ok = false;
    const qlonglong number = parser.value(option).toLongLong(&ok);
    if (ok && number > 0 && number <= qlonglong(std::numeric_limits<Int>::max())) {
        *value = Int(number);
        return true;
    }
    std::fprintf(stderr, "--%s: a positive number, not \"%s\"\n",
                 qPrintable(option.names().constFirst()), qPrintable(parser.value(option)));
    return false;
}

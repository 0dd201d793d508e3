#pragma once

#include <QString>

// One person in a room as NetworkState knows them: the nick and their membership prefixes
// ("@+": operator and voice, in the server's PREFIX rank order; empty for none).
struct RoomMember
{
    QString nick;
    QString prefixes;

    // The highest-ranked prefix ('@'), or an empty string.
    QString highestPrefix() const { return prefixes.left(1); }
    friend bool operator==(const RoomMember& a, const RoomMember& b)
    {
        return a.nick == b.nick && a.prefixes == b.prefixes;
    }
};

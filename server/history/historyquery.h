#pragma once

#include <QString>

// One history lookup in store terms: whose copy, which conversation, where to look and how
// many. Bounds are points in the (time, id) order of the records; a timestamp bound lies between
// records (before every record of its millisecond or after all of them), a msgid bound is the
// record itself.
struct HistoryQuery
{
    struct Bound
    {
        enum class Type { None, Timestamp, MsgId };
        Type type = Type::None;
        qint64 timeMs = 0;
        QString msgid;

        static Bound at(qint64 timeMs) { return {Type::Timestamp, timeMs, {}}; }
        static Bound of(const QString& msgid) { return {Type::MsgId, 0, msgid}; }
    };
    enum class Direction {
        Latest,  // the newest records after first (or anywhere when first is None)
        Before,  // the newest records before first
        After,   // the oldest records after first
        Around,  // limit / 2 before first, the rest at or after it
        Between, // between first and second, closest to first
    };

    QString owner;
    QString target;
    Direction direction = Direction::Latest;
    Bound first;
    Bound second;
    int limit = 0;
    bool includeEvents = false; // JOIN, PART, ... too (draft/event-playback)
    qint64 notBeforeMs = 0;     // nothing older than this (a room's +H: since the reader joined)
};

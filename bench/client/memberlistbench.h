#pragma once

#include <QString>

// Issue 15 §4: a room of MemberCount members in the real window (ChatController + MainWindow,
// member list beside the conversation) while JoinsPerSecond people join for Seconds, sent by a
// scripted server on loopback. Measures how late the window's event loop runs meanwhile
// (EventLoopLatencyProbe): a frozen window shows as lateness.
class MemberListBench
{
public:
    struct Result
    {
        bool ok = false;
        QString error;
        int members = 0;       // in the member list at the end
        int joinsSent = 0;
        double p50Ms = 0, p99Ms = 0, maxMs = 0;
        int ticks = 0;
        double cpuSeconds = 0;
    };

    static Result run(int memberCount, int joinsPerSecond, int seconds);
};

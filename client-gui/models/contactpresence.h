#pragma once

#include <QDateTime>
#include <QString>

// What is known of whether a contact is there: from MONITOR (or ISON), away-notify, WHO and the
// rooms we share. lastSeen is when they were last known to be online (kept across sessions).
struct ContactPresence
{
    enum class State {
        Unknown, // not connected, or the server cannot tell
        Offline,
        Online,
        Away,
    };

    State state = State::Unknown;
    QString awayMessage; // empty when not away or not said
    QDateTime lastSeen;  // invalid when never seen

    bool isOnline() const { return state == State::Online || state == State::Away; }
    friend bool operator==(const ContactPresence& a, const ContactPresence& b)
    {
        return a.state == b.state && a.awayMessage == b.awayMessage && a.lastSeen == b.lastSeen;
    }
    friend bool operator!=(const ContactPresence& a, const ContactPresence& b) { return !(a == b); }
};

#pragma once

#include <QByteArray>
#include <QString>

// One stored line of history: a message or an event as it was relayed, with what the server
// fixed when it accepted it. A channel's history has one copy (owner empty); a private
// conversation has one copy per party with an account (owner: that account), so that each
// party reads, keeps and loses its own.
struct HistoryRecord
{
    enum class Kind { Message = 0, Event = 1 }; // PRIVMSG/NOTICE/TAGMSG, or JOIN/PART/...

    qint64 id = 0;     // the store's row id; orders records of the same millisecond
    QString owner;     // "" for a channel, else the folded account name
    QString target;    // the folded channel name or correspondent (account or nick)
    qint64 timeMs = 0; // server time, ms since the epoch
    QString msgid;
    QString account;   // the sender's account ("" for none), for account-tag
    Kind kind = Kind::Message;
    QByteArray line;   // IrcMessage::serialize() of the line, client tags only
    bool pending = false; // a private message its owner has not received yet
};

// A conversation with its last message time (CHATHISTORY TARGETS).
struct HistoryTarget
{
    QString target;
    qint64 lastMs = 0;
};

// Where an account has read a conversation up to (draft/read-marker).
struct ReadMarker
{
    QString owner;  // the folded account
    QString target; // the folded channel or correspondent
    qint64 timeMs = 0;
};

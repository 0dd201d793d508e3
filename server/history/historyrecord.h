#pragma once

#include "routing/messageidgenerator.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

// One stored line of history: a message or an event as it was relayed, with what the server
// fixed when it accepted it. It is stored once and read through views: a channel's (owner
// empty), or a party's view of a private conversation (owner: that party's account). A private
// message between two accounts (betweenAccounts) is read through both parties' views, owner's
// (owner, target) and target's (target, owner), and is still one stored row.
struct HistoryRecord
{
    enum class Kind { Message = 0, Event = 1 }; // PRIVMSG/NOTICE/TAGMSG, or JOIN/PART/...

    qint64 id = 0;      // the store's row id; orders records of the same millisecond
    QString owner;      // "" for a channel, else the folded account name
    QString target;     // the folded channel name or correspondent (account or nick)
    qint64 timeMs = 0;  // server time, ms since the epoch
    // The msgid: as text when read back (or given so); on the way in, the server's own ids are
    // given as messageId and msgid stays null: the text is made only where it is stored
    // (MessageId::toString() took 1 % of the loop, and its copies as much to free).
    QString msgid;
    MessageId messageId;
    QString account; // the sender's account ("" for none), for account-tag
    Kind kind = Kind::Message;
    // A private message between two accounts: target is the other party's account, and its view
    // (target, owner) reads the record too. A flag, not two more copies of the names: each copy
    // is an atomic count on the loop, and again when the record is freed there.
    bool betweenAccounts = false;
    // A private message its recipient has not received yet: target when betweenAccounts, else
    // owner (the account a guest wrote to).
    bool pending = false;
    // On the way in, owner, target and account may instead be strings of the batch the record
    // is in, by their index there (HistoryBatch, which sets these and reads the names); -1: the
    // field itself holds the name.
    int ownerPin = -1;
    int targetPin = -1;
    int accountPin = -1;

    QString msgidText() const
    {
        return msgid.isNull() && !messageId.isNull() ? messageId.toString() : msgid;
    }

    // IrcMessage::serialize() of the line, client tags only, as stored and read back.
    const QByteArray& line() const { return m_line; }
    void setLine(const QByteArray& line)
    {
        m_line = line;
        m_lineEndsWithCrLf = false;
    }
    // On the way in the line may be the relayed line itself, CR LF and all, shared with the
    // recipients' output rather than copied without them; storedLine() then leaves the CR LF
    // out. Its end is looked at here, on the loop's thread, where it has just been made: the
    // history writer then binds storedLine() without reading it first (that read was the
    // line's first touch on the writer's core, and 6 % of the writer's time).
    void setRelayedLine(const QByteArray& relayed)
    {
        m_line = relayed;
        m_lineEndsWithCrLf = m_line.endsWith("\r\n");
    }
    // The line as it is stored: without the relayed line's CR LF.
    QByteArrayView storedLine() const
    {
        const QByteArrayView view(m_line);
        return m_lineEndsWithCrLf ? view.chopped(2) : view;
    }

private:
    // Set only together, so that the flag always describes the line.
    QByteArray m_line;
    bool m_lineEndsWithCrLf = false;
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

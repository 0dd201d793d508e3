#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

// One message as the client shows it: who wrote what to whom and when (the server's time when it
// sent server-time, else the time it arrived).
struct ChatMessage
{
    QDateTime time;
    QString sender;
    QString senderName; // the sender's display name, when it says more than the nick
    QString target; // a room name, or the nick it was sent to
    QString text;
    QString msgid;         // the server's id (IRCv3 msgid), empty when it sent none
    bool isAction = false; // "/me waves"
    bool isNotice = false;
    bool isOwn = false;  // written by this client's user
    bool isMention = false; // names this client's user (highlighted)
    quint64 queueId = 0; // non-zero: typed while offline, waiting in the outbox
};

Q_DECLARE_METATYPE(ChatMessage)

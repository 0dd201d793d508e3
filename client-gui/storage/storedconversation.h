#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One conversation the local store has messages of: its name and where its newest stored
// message is (what a restarted client has seen of it).
struct StoredConversation
{
    QString name; // the room or the person, as first named
    QDateTime newestTime;
    QString newestMsgid; // empty when the newest message had none
};

Q_DECLARE_METATYPE(StoredConversation)
Q_DECLARE_METATYPE(QList<StoredConversation>)

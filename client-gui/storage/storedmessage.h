#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One message as the local store keeps it: enough to show it again and to find it.
struct StoredMessage
{
    QString conversation; // the room or the person, as first named
    QDateTime time;
    QString sender;
    QString senderName;
    QString text;
    int kind = 0; // ConversationModel::Kind
    bool isOwn = false;
    QString msgid; // the server's id; empty when it sent none
};

Q_DECLARE_METATYPE(StoredMessage)
Q_DECLARE_METATYPE(QList<StoredMessage>)

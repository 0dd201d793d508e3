#pragma once

#include "ircmessage.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One IRCv3 batch as received (BatchCollector collects it): its type ("chathistory"), the
// parameters of its opening line after the type, and the lines tagged with it (or with a batch
// nested in it), in the order they came.
struct IrcBatch
{
    QString id;
    QString type;
    QStringList params;
    QList<IrcMessage> messages;

    // A batch the history requests are answered with (HistoryFetcher reads it); the lines of any
    // other batch are handled like lines outside a batch.
    bool isHistory() const
    {
        return type == QLatin1String("chathistory") ||
               type == QLatin1String("draft/chathistory-targets");
    }
};

Q_DECLARE_METATYPE(IrcBatch)

#pragma once

#include "state/serveruser.h"

#include <QByteArray>
#include <QHash>
#include <QString>

// The SASL exchanges in progress on the event loop's side, one per user at most: the response
// being assembled from AUTHENTICATE chunks and where the exchange stands. The mechanisms run on
// the auth worker (AuthService); this keeps only what the IRC framing needs.
class SaslConversations
{
public:
    struct Conversation
    {
        quint64 exchangeId = 0;
        QString mechanism;
        QByteArray base64;       // chunks of the response so far
        bool busy = false;       // a step is with the worker, or a failure is being delayed
        QString finishedAccount; // server's final message sent; waiting for the client's "+"
    };

    // A new conversation for the user (replacing any); its exchange id is new.
    Conversation& begin(UserId user, const QString& mechanism);
    Conversation* find(UserId user);
    // Forgets the user's conversation; returns its exchange id (0: there was none).
    quint64 end(UserId user);
    int count() const { return int(m_conversations.size()); }

private:
    QHash<UserId, Conversation> m_conversations;
    quint64 m_lastExchangeId = 0;
};

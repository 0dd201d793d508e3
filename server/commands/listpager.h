#pragma once

#include "commands/listrequest.h"
#include "ircreply.h"
#include "state/serveruser.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

class ClientConnection;
class ServerCore;

// The 322 lines of a LIST over many channels, sent as fast as the client's connection takes
// them (ISUPPORT SAFELIST): while its send queue is below half of --sendq, then again after a
// short pause, so that a LIST never gets its requester dropped for SendQ. Each channel is looked
// up when its turn comes (it may be gone, or no longer match). Ends with 323 and deletes itself;
// stops when the session is gone.
class ListPager : public QObject
{
    Q_OBJECT

public:
    // Up to this many candidate channels, LIST answers at once, without a pager.
    static constexpr int InlineChannels = 64;
    // The pause before looking at the send queue again.
    static constexpr int IntervalMs = 20;
    // At most this many lines per turn of the event loop.
    static constexpr int LinesPerTurn = 256;

    ListPager(ServerCore& core, ServerUser* user, const QStringList& channels,
              const ListRequest& request);

    // Starts sending, from the event loop (after the command's own replies).
    void start();

private:
    void sendSome();
    void send(const ServerUser* user, const IrcNumericReply& reply);

    ServerCore& m_core;
    UserId m_userId;
    ClientConnection* m_session;
    QStringList m_channels;
    ListRequest m_request;
    int m_next = 0;
    QTimer m_timer;
};

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
// up when its turn comes (it may be gone, or no longer match). Starts with 321, ends with 323 and
// deletes itself; stops when the session is gone. A labeled LIST (labeled-response) gets its
// answer in one labeled-response batch, opened with the label, when the session has batch.
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

    // label: the LIST's label (ServerCommand::deferResponse), or empty.
    ListPager(ServerCore& core, ServerUser* user, const QStringList& channels,
              const ListRequest& request, const QString& label);

    // Starts sending, from the event loop (after the command's own replies).
    void start();

private:
    void sendSome();
    void send(const ServerUser* user, const IrcNumericReply& reply);
    // The opening line (BATCH +id labeled-response with the label) when the answer is labeled.
    void begin(ServerUser* user);
    void end();

    ServerCore& m_core;
    UserId m_userId;
    ClientConnection* m_session;
    QStringList m_channels;
    ListRequest m_request;
    QString m_label;
    QString m_batchId; // of the labeled-response batch, once opened
    bool m_begun = false;
    int m_next = 0;
    QTimer m_timer;
};

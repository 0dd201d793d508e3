#include "commands/listpager.h"

#include "core/servercore.h"
#include "irccommand.h"
#include "net/clientconnection.h"
#include "state/serverchannel.h"

ListPager::ListPager(ServerCore& core, ServerUser* user, const QStringList& channels,
                     const ListRequest& request, const QString& label)
    : QObject(&core), m_core(core), m_userId(user->id()), m_session(user->connection()),
      m_channels(channels), m_request(request), m_label(label)
{
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { sendSome(); });
}

void ListPager::start()
{
    // Not now: the command's own replies (321, labeled ones collected until the handler
    // returns) go first.
    m_timer.start();
}

void ListPager::send(const ServerUser* user, const IrcNumericReply& reply)
{
    IrcMessage line = IrcReply::numeric(m_core.config().serverName, user->nick(), reply);
    if (!m_batchId.isEmpty())
        line.setTag(QStringLiteral("batch"), m_batchId);
    m_session->send(line);
}

void ListPager::begin(ServerUser* user)
{
    m_begun = true;
    user->setCurrentSession(m_session);
    // Without batch, an answer of several lines goes out unlabeled (as LabeledResponse does).
    if (!m_label.isEmpty() && user->hasCap(ClientCap::Batch)) {
        m_batchId = m_core.nextBatchId();
        IrcMessage start = IrcCommand::batchStart(m_batchId, QStringLiteral("labeled-response"));
        start.setSource(m_core.config().serverName);
        start.setTag(QStringLiteral("label"), m_label);
        m_session->send(start);
    }
    send(user, IrcReply::listStart());
}

void ListPager::end()
{
    if (!m_batchId.isEmpty()) {
        IrcMessage batchEnd = IrcCommand::batchEnd(m_batchId);
        batchEnd.setSource(m_core.config().serverName);
        m_session->send(batchEnd);
    }
    m_timer.stop();
    deleteLater();
}

void ListPager::sendSome()
{
    ServerUser* user = m_core.users().findById(m_userId);
    if (!user || !user->hasSession(m_session)) {
        m_timer.stop();
        deleteLater();
        return;
    }
    if (!m_begun)
        begin(user);
    const qint64 highWater = m_core.config().sendQueueBytes / 2;
    int lines = 0;
    while (m_next < m_channels.size() && lines < LinesPerTurn &&
           m_session->sendQueueBytes() < highWater) {
        const ServerChannel* channel = m_core.channels().find(m_channels.at(m_next++));
        if (channel && channel->isVisibleTo(user) &&
            m_request.matches(channel->name(), channel->memberCount())) {
            send(user, IrcReply::list(channel->name(), channel->memberCount(), channel->topic()));
            ++lines;
        }
    }
    if (m_next < m_channels.size())
        return;
    send(user, IrcReply::listEnd());
    end();
}

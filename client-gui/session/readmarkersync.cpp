#include "session/readmarkersync.h"

#include "irccommand.h"
#include "ircmessage.h"
#include "session/serverconnection.h"

#include <QTimer>

namespace {

const QString ReadMarkerCap = QStringLiteral("draft/read-marker");

} // namespace

ReadMarkerSync::ReadMarkerSync(ServerConnection* connection, QObject* parent)
    : QObject(parent), m_connection(connection), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(DefaultDelayMs);
    connect(m_timer, &QTimer::timeout, this, &ReadMarkerSync::sendPending);
    connect(connection, &ServerConnection::readMarkerReceived, this, &ReadMarkerSync::onReadMarker);
    // Read while offline: told after logging in again.
    connect(connection, &ServerConnection::registered, this, [this] {
        if (!m_pending.isEmpty())
            m_timer->start();
    });
}

void ReadMarkerSync::setDelay(int ms)
{
    m_timer->setInterval(ms);
}

QDateTime ReadMarkerSync::marker(const QString& target) const
{
    return m_known.value(m_connection->fold(target)).time;
}

void ReadMarkerSync::markRead(const QString& target, const QDateTime& time)
{
    if (target.isEmpty() || !time.isValid())
        return;
    const QString folded = m_connection->fold(target);
    const QDateTime known = m_known.value(folded).time;
    if (known.isValid() && time <= known)
        return;
    Marker& pending = m_pending[folded];
    if (!pending.time.isValid() || time > pending.time)
        pending = {target, time};
    if (!m_timer->isActive())
        m_timer->start();
}

void ReadMarkerSync::onReadMarker(const QString& target, const QDateTime& time)
{
    if (!time.isValid())
        return;
    Marker& known = m_known[m_connection->fold(target)];
    if (!known.time.isValid() || time > known.time)
        known = {target, time};
}

void ReadMarkerSync::sendPending()
{
    m_timer->stop();
    if (!m_connection->isRegistered())
        return; // kept for the next login
    if (!m_connection->hasCapability(ReadMarkerCap) || m_connection->account().isEmpty()) {
        m_pending.clear(); // this server keeps no markers, or none for a guest (no account)
        return;
    }
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        const QDateTime known = m_known.value(it.key()).time;
        if (known.isValid() && it->time <= known)
            continue;
        m_known.insert(it.key(), *it);
        m_connection->sendRaw(IrcCommand::markRead(
            it->target, QStringLiteral("timestamp=") + IrcMessage::formatServerTime(it->time)));
    }
    m_pending.clear();
}

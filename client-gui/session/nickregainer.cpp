#include "session/nickregainer.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "session/serverconnection.h"

NickRegainer::NickRegainer(ServerConnection* connection)
    : QObject(connection), m_connection(connection)
{
    connect(connection, &ServerConnection::welcomeEnded, this, &NickRegainer::watch);
    connect(connection, &ServerConnection::monitorOffline, this, &NickRegainer::onOffline);
    connect(connection, &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state) {
                if (state != ServerConnection::State::Connected)
                    m_watched.clear(); // MONITOR lists end with the connection
            });
}

bool NickRegainer::same(const QString& a, const QString& b) const
{
    return m_connection->caseMapping().equals(a, b);
}

void NickRegainer::watch()
{
    const QString wanted = m_connection->desiredNick();
    if (wanted.isEmpty() || same(wanted, m_connection->nick()) ||
        (!m_watched.isEmpty() && same(wanted, m_watched)))
        return;
    if (!m_connection->serverSupport().has(QStringLiteral("MONITOR"))) {
        qCInfo(lcConnection) << "registered as" << m_connection->nick() << "instead of" << wanted
                             << "; the server has no MONITOR to say when it is free";
        return;
    }
    m_watched = wanted;
    qCInfo(lcConnection) << "registered as" << m_connection->nick() << "; watching for" << wanted
                         << "to be free";
    m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("+"), {wanted}));
}

void NickRegainer::onOffline(const QStringList& nicks)
{
    const QString wanted = m_connection->desiredNick();
    if (m_watched.isEmpty() || !m_connection->isRegistered() || !same(wanted, m_watched) ||
        same(wanted, m_connection->nick()))
        return;
    for (const QString& nick : nicks) {
        if (same(nick, wanted)) {
            qCInfo(lcConnection) << wanted << "is free again: taking it back";
            m_connection->setNick(wanted);
            return;
        }
    }
}

#include "session/nickregainer.h"

#include "connection/clientlogging.h"
#include "irccommand.h"
#include "session/serverconnection.h"

NickRegainer::NickRegainer(ServerConnection* connection)
    : QObject(connection), m_connection(connection)
{
    connect(connection, &ServerConnection::nameHeldElsewhere, this, [this](const QString& nick) {
        if (m_wanted.isEmpty()) // not the variant refused after it (ann_ taken too)
            m_wanted = nick;
    });
    connect(connection, &ServerConnection::welcomeEnded, this, &NickRegainer::watch);
    connect(connection, &ServerConnection::monitorOffline, this, &NickRegainer::onOffline);
    connect(connection, &ServerConnection::stateChanged, this,
            [this](ServerConnection::State state) {
                if (state == ServerConnection::State::Connected)
                    return;
                m_watching = false; // MONITOR lists end with the connection
                if (state == ServerConnection::State::Connecting)
                    m_wanted.clear(); // a new attempt
            });
}

bool NickRegainer::same(const QString& a, const QString& b) const
{
    return m_connection->caseMapping().equals(a, b);
}

void NickRegainer::watch()
{
    if (m_wanted.isEmpty() || m_watching || same(m_wanted, m_connection->nick()))
        return;
    if (!m_connection->serverSupport().has(QStringLiteral("MONITOR"))) {
        qCInfo(lcConnection) << "registered as" << m_connection->nick() << "instead of" << m_wanted
                             << "; the server has no MONITOR to say when it is free";
        return;
    }
    m_watching = true;
    qCInfo(lcConnection) << "registered as" << m_connection->nick() << "; watching for" << m_wanted
                         << "to be free";
    m_connection->sendRaw(IrcCommand::monitor(QStringLiteral("+"), {m_wanted}));
}

void NickRegainer::onOffline(const QStringList& nicks)
{
    if (!m_watching || !m_connection->isRegistered() || same(m_wanted, m_connection->nick()))
        return;
    if (!same(m_connection->desiredNick(), m_wanted)) {
        m_watching = false; // the user has another name now
        return;
    }
    for (const QString& nick : nicks) {
        if (same(nick, m_wanted)) {
            qCInfo(lcConnection) << m_wanted << "is free again: taking it back";
            m_watching = false;
            m_connection->setNick(m_wanted);
            return;
        }
    }
}

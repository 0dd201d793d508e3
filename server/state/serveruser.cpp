#include "state/serveruser.h"

#include "ircmessage.h"

#include <algorithm>

ServerUser::ServerUser(UserId id, ClientConnection* connection, const QString& host)
    : m_id(id), m_connection(connection),
      // A host is a middle parameter in WHO/WHOIS replies: it must not start with ':'.
      m_host(host.startsWith(u':') ? QLatin1Char('0') + host : host), m_address(m_host)
{
}

void ServerUser::setHost(const QString& host)
{
    m_host = host;
    m_source.clear();
}

void ServerUser::setNick(const QString& nick, const QString& folded)
{
    m_nick = nick;
    m_foldedNick = folded;
    m_source.clear();
}

void ServerUser::setUserName(const QString& userName)
{
    m_userName = userName;
    m_source.clear();
}

const QString& ServerUser::source() const
{
    if (m_source.isEmpty())
        m_source = IrcMessage::makeSource(m_nick, m_userName, m_host);
    return m_source;
}

void ServerUser::setRegistered(qint64 signonSecs)
{
    m_registered = true;
    m_signonSecs = signonSecs;
    m_lastMessageSecs = signonSecs;
}

void ServerUser::setConnection(bool secure, bool loopback, const QByteArray& certificateFingerprint)
{
    m_secure = secure;
    m_loopback = loopback;
    m_certificateFingerprint = certificateFingerprint;
}

bool ServerUser::hasSession(const ClientConnection* connection) const
{
    if (connection == m_connection)
        return true;
    if (!m_otherSessions)
        return false;
    return std::any_of(m_otherSessions->cbegin(), m_otherSessions->cend(),
                       [connection](const Session& s) { return s.connection == connection; });
}

void ServerUser::setCurrentSession(const ClientConnection* connection)
{
    m_current = -1;
    if (!m_otherSessions || connection == m_connection)
        return;
    for (size_t i = 0; i < m_otherSessions->size(); ++i) {
        if ((*m_otherSessions)[i].connection == connection)
            m_current = int(i);
    }
}

void ServerUser::setCaps(int caps)
{
    if (m_current < 0)
        m_caps = caps;
    else
        (*m_otherSessions)[size_t(m_current)].caps = caps;
}

void ServerUser::attachSession(ClientConnection* connection, int caps)
{
    if (!m_otherSessions)
        m_otherSessions = std::make_unique<std::vector<Session>>();
    m_otherSessions->push_back({connection, caps});
}

void ServerUser::detachSession(const ClientConnection* connection)
{
    m_current = -1;
    m_output = nullptr; // indexes change: a collector in use is not carried over
    if (!m_otherSessions)
        return;
    if (connection == m_connection) {
        const Session next = m_otherSessions->front();
        m_otherSessions->erase(m_otherSessions->begin());
        m_connection = next.connection;
        m_caps = next.caps;
    } else {
        m_otherSessions->erase(std::remove_if(m_otherSessions->begin(), m_otherSessions->end(),
                                              [connection](const Session& s) {
                                                  return s.connection == connection;
                                              }),
                               m_otherSessions->end());
    }
    if (m_otherSessions->empty())
        m_otherSessions.reset();
}

QString ServerUser::modeString() const
{
    QString modes = QStringLiteral("+");
    if (m_bot)
        modes += u'B';
    if (m_invisible)
        modes += u'i';
    if (isOperator())
        modes += u'o';
    if (m_wallops)
        modes += u'w';
    return modes;
}

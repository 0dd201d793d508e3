#include "state/serveruser.h"

#include "ircmessage.h"

ServerUser::ServerUser(UserId id, ClientConnection* connection, const QString& host)
    : m_id(id), m_connection(connection),
      // A host is a middle parameter in WHO/WHOIS replies: it must not start with ':'.
      m_host(host.startsWith(u':') ? QLatin1Char('0') + host : host)
{
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

#include "session/registration.h"

#include "connection/clientlogging.h"
#include "connection/servertransport.h"
#include "irccommand.h"

QStringList Registration::wantedCapabilities()
{
    return {
        QStringLiteral("server-time"),   QStringLiteral("echo-message"),
        QStringLiteral("message-tags"),  QStringLiteral("away-notify"),
        QStringLiteral("multi-prefix"),  QStringLiteral("extended-join"),
        QStringLiteral("setname"),
        QStringLiteral("batch"),         QStringLiteral("draft/chathistory"),
        QStringLiteral("draft/read-marker"),
    };
}

QStringList Registration::capabilities() const
{
    QStringList caps(m_enabledCaps.cbegin(), m_enabledCaps.cend());
    caps.sort();
    return caps;
}

void Registration::reset()
{
    m_offeredCaps.clear();
    m_enabledCaps.clear();
    m_negotiating = false;
}

void Registration::start(const QString& nick)
{
    reset();
    m_negotiating = true;
    if (!m_password.isEmpty())
        m_transport->send(IrcCommand::pass(m_password));
    m_transport->send(IrcCommand::capLs());
    m_transport->send(IrcCommand::nick(nick));
    m_transport->send(IrcCommand::user(m_userName, m_realName.isEmpty() ? nick : m_realName));
}

void Registration::handleCap(const IrcEvents::Cap& cap, bool isRegistering)
{
    if (cap.subcommand == QLatin1String("LS")) {
        for (const QString& token : cap.caps)
            m_offeredCaps.insert(token.section(QLatin1Char('='), 0, 0));
        if (cap.more || !m_negotiating)
            return;
        QStringList request;
        for (const QString& wanted : wantedCapabilities()) {
            if (m_offeredCaps.contains(wanted))
                request.append(wanted);
        }
        if (request.isEmpty())
            finishNegotiation(isRegistering);
        else
            m_transport->send(IrcCommand::capReq(request));
    } else if (cap.subcommand == QLatin1String("ACK")) {
        for (const QString& token : cap.caps) {
            if (token.startsWith(QLatin1Char('-')))
                m_enabledCaps.remove(token.mid(1));
            else
                m_enabledCaps.insert(token);
        }
        qCInfo(lcConnection) << "capabilities:" << capabilities();
        finishNegotiation(isRegistering);
    } else if (cap.subcommand == QLatin1String("NAK")) {
        finishNegotiation(isRegistering);
    } else if (cap.subcommand == QLatin1String("DEL")) {
        for (const QString& token : cap.caps)
            m_enabledCaps.remove(token);
    }
}

void Registration::finishNegotiation(bool isRegistering)
{
    if (!m_negotiating)
        return;
    m_negotiating = false;
    if (isRegistering)
        m_transport->send(IrcCommand::capEnd());
}

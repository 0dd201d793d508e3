#pragma once

#include "session/ircevent.h"

#include <QSet>
#include <QStringList>

class ServerTransport;

// Logging in on a fresh connection: PASS, CAP LS, NICK and USER, then the IRCv3 capabilities
// this client knows (when offered), CAP END, until the server's welcome. It also remembers which
// capabilities are enabled for the rest of the connection.
class Registration
{
public:
    explicit Registration(ServerTransport* transport) : m_transport(transport) {}

    // Caps this client asks for when offered.
    static QStringList wantedCapabilities();

    void setPassword(const QString& password) { m_password = password; }
    void setUserName(const QString& user) { m_userName = user; }
    // Empty: the nick is sent as the real name.
    void setRealName(const QString& realName) { m_realName = realName; }
    QString realName() const { return m_realName; }

    // A new connection: nothing negotiated yet.
    void reset();
    // The connection is open: introduce ourselves as nick.
    void start(const QString& nick);
    // Welcome (001) arrived: registration is over.
    void finish() { m_negotiating = false; }
    // A CAP line; isRegistering: before the welcome (CAP END is due).
    void handleCap(const IrcEvents::Cap& cap, bool isRegistering);
    // 421 for CAP: registration goes on without.
    void capUnsupported() { m_negotiating = false; }

    bool hasCapability(const QString& cap) const { return m_enabledCaps.contains(cap); }
    QStringList capabilities() const; // sorted

private:
    void finishNegotiation(bool isRegistering);

    ServerTransport* m_transport;
    QString m_password;
    QString m_userName = QStringLiteral("confab");
    QString m_realName;
    QSet<QString> m_offeredCaps;
    QSet<QString> m_enabledCaps;
    bool m_negotiating = false;
};

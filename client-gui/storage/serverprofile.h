#pragma once

#include "session/registration.h"

#include <QString>

// One server and how the user logs in there, as remembered after a successful login. The
// password is not here: only whether it is kept in the keyring.
struct ServerProfile
{
    QString host;
    quint16 port = 0;
    bool tls = false;
    Registration::Mode mode = Registration::Mode::Guest;
    QString name; // the nick; for an account, the account name
    QString displayName;
    bool rememberPassword = false;

    bool isValid() const { return !host.isEmpty() && port != 0 && !name.isEmpty(); }
    // This server and name (case aside); an empty host or name, or port 0, matches any.
    bool matches(const QString& otherHost, quint16 otherPort, const QString& otherName) const
    {
        return (otherHost.isEmpty() || host.compare(otherHost, Qt::CaseInsensitive) == 0) &&
               (otherPort == 0 || port == otherPort) &&
               (otherName.isEmpty() || name.compare(otherName, Qt::CaseInsensitive) == 0);
    }
    // The same server and name: one profile.
    bool sameLogin(const ServerProfile& other) const
    {
        return other.isValid() && matches(other.host, other.port, other.name);
    }
};

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
    // The same server and name: one profile.
    bool sameLogin(const ServerProfile& other) const
    {
        return host.compare(other.host, Qt::CaseInsensitive) == 0 && port == other.port &&
               name.compare(other.name, Qt::CaseInsensitive) == 0;
    }
};

#pragma once

#include "storage/serverprofile.h"

#include <QList>

// The servers and accounts the user logged in to, newest first, in the settings (QSettings
// array "servers"). The first one is where the client reconnects on start.
class ServerProfiles
{
public:
    static constexpr int MaxProfiles = 10;

    // Reads the settings; a login remembered by an older Confab (login/host, login/nick…)
    // becomes the first profile.
    void load();
    const QList<ServerProfile>& profiles() const { return m_profiles; }
    bool isEmpty() const { return m_profiles.isEmpty(); }
    // The last login, or an invalid profile.
    ServerProfile last() const { return m_profiles.value(0); }
    // The newest login to this server as this name (ServerProfile::matches: what is not given
    // matches any), or an invalid profile.
    ServerProfile find(const QString& host, quint16 port, const QString& name) const;

    // A successful login: first in the list (replacing the same server and name), saved.
    void remember(const ServerProfile& profile);
    void forget(int index);

private:
    void save() const;

    QList<ServerProfile> m_profiles;
};

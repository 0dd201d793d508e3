#pragma once

#include <QString>

class ScramCredentials;

// The host's own account on the chat they host: created on first use, and given this run's
// password each time the chat starts (the server's data directory is the host's, so the app
// may). Works on the account database like `confabd account add|passwd`, while the server runs.
class HostAccount
{
public:
    // False + *error when the database cannot be opened or written.
    static bool set(const QString& databasePath, const QString& name,
                    const ScramCredentials& credentials, QString* error);
};

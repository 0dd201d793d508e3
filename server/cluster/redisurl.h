#pragma once

#include <QString>

// Where a Redis server is and how to log in to it, parsed from
//   redis://[[user]:password@]host[:port][/db]   (port 6379, database 0 by default;
//                                                  an IPv6 address in brackets)
//   unix:///path/to/redis.sock                    (a Unix domain socket, database 0)
// The password is kept for AUTH only: describe() is what logs show.
class RedisUrl
{
public:
    static constexpr int DefaultPort = 6379;

    // An invalid URL (isValid() false) carries a message for the user in error().
    static RedisUrl parse(const QString& text);

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; } // empty when valid

    bool isUnixSocket() const { return !m_socketPath.isEmpty(); }
    QString socketPath() const { return m_socketPath; }
    QString host() const { return m_host; } // without brackets; empty for a Unix socket
    int port() const { return m_port; }
    QString user() const { return m_user; }         // empty: AUTH with the password alone
    QString password() const { return m_password; } // empty: no AUTH
    int database() const { return m_database; }

    // The URL for logs and messages: the password shows as "***", never as itself.
    QString describe() const;

private:
    static RedisUrl invalid(const QString& error);

    QString m_socketPath;
    QString m_host;
    int m_port = DefaultPort;
    QString m_user;
    QString m_password;
    int m_database = 0;
    bool m_valid = false;
    QString m_error;
};

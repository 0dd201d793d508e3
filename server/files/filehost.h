#pragma once

#include "files/filehostsettings.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThread>

class AuthService;
class HttpFileServer;

// The file host as the chat's event loop sees it (docs/FILES.md): starts HttpFileServer on its
// own thread, checks the accounts of uploads for it through the AuthService (as SASL PLAIN, with
// the same throttling), and says which URL clients upload to (the soju.im/FILEHOST token).
//
// Every upload carries the password (HTTP Basic), and checking one costs a PBKDF2 at the
// account's iteration count (about half a second of CPU at the OWASP count). A password that
// was right is remembered for LoginCacheSecs as an HMAC-SHA-256 of name and password under a
// key made at start (never the password), so that sending several pictures costs one check.
// A changed password is honoured when the entry expires.
class FileHost : public QObject
{
    Q_OBJECT

public:
    static constexpr int LoginCacheSecs = 300;
    static constexpr int LoginCacheEntries = 1024;

    FileHost(const FileHostSettings& settings, AuthService* auth, QObject* parent = nullptr);
    ~FileHost() override; // stops the server and its thread

    // Starts the thread and listens; blocks until that is done (call at start-up). False +
    // errorString().
    bool start();
    QString errorString() const { return m_errorString; }
    quint16 port() const { return m_port; }

    // The upload URL for a client that reached the chat at localAddress.
    QString uploadUrl(const QHostAddress& localAddress) const;
    // The same, from a configured base ("https://host:port", no trailing '/'; may be empty) or
    // else the address.
    static QString uploadUrl(const QString& publicUrl, const QHostAddress& localAddress,
                             quint16 port);

    // The server on its thread (tests: its signals).
    HttpFileServer* server() const { return m_server; }
    // Logins answered from the cache (tests).
    int loginCacheHits() const { return m_loginCacheHits; }

private:
    void checkLogin(quint64 requestId, const QString& account, const QString& password,
                    const QString& address);

    FileHostSettings m_settings;
    AuthService* m_auth;
    QThread m_thread;
    HttpFileServer* m_server = nullptr;
    QByteArray loginKey(const QString& account, const QString& password) const;

    quint16 m_port = 0;
    QString m_errorString;
    QByteArray m_loginCacheSecret;
    struct CachedLogin
    {
        QString account; // as registered
        qint64 expiresMs = 0;
    };
    QHash<QByteArray, CachedLogin> m_loginCache;
    int m_loginCacheHits = 0;
};

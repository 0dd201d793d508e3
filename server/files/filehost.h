#pragma once

#include "files/filehostsettings.h"

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QThread>

class AuthService;
class HttpFileServer;

// The file host as the chat's event loop sees it (docs/FILES.md): starts HttpFileServer on its
// own thread, checks the accounts of uploads for it through the AuthService (as SASL PLAIN, with
// the same throttling), and says which URL clients upload to (the soju.im/FILEHOST token).
class FileHost : public QObject
{
    Q_OBJECT

public:
    FileHost(const FileHostSettings& settings, AuthService* auth, QObject* parent = nullptr);
    ~FileHost() override; // stops the server and its thread

    // Starts the thread and listens; blocks until that is done (call at start-up). False +
    // errorString().
    bool start();
    QString errorString() const { return m_errorString; }
    quint16 port() const { return m_port; }

    // The upload URL for a client that reached the chat at localAddress.
    QString uploadUrl(const QHostAddress& localAddress) const;
    // The same, from a configured base ("https://host:port", may be empty) or else the address.
    static QString uploadUrl(const QString& publicUrl, const QHostAddress& localAddress,
                             quint16 port);

    // The server on its thread (tests: its signals).
    HttpFileServer* server() const { return m_server; }

private:
    void checkLogin(quint64 requestId, const QString& account, const QString& password,
                    const QString& address);

    FileHostSettings m_settings;
    AuthService* m_auth;
    QThread m_thread;
    HttpFileServer* m_server = nullptr;
    quint16 m_port = 0;
    QString m_errorString;
};

#pragma once

#include "accountfixture.h"

#include <QString>

#include <memory>

class ChatController;

// confabd with TLS and its file host on 127.0.0.1 (ports chosen by the system), accounts
// "alice" and "bob" (password Password), and chat controllers signed in to them over TLS with
// the server's certificate pinned, as after the user trusted it: what the file tests share.
class FileHostFixture
{
public:
    static constexpr const char* Password = "password-of-test";
    static constexpr qint64 MaxBytes = 256 * 1024;
    static constexpr qint64 QuotaBytes = 600 * 1024;

    FileHostFixture();
    ~FileHostFixture();

    // The server with the files limits above; false (with a warning) on failure.
    bool start();
    void stop();

    // A controller signed in to account over TLS (a guest when account is empty), in #lobby;
    // nullptr on failure. Owned by the fixture. host: the server's address as the user typed it
    // ("localhost" reaches it too); tls false: the plain-text port.
    ChatController* signIn(const QString& account, const QString& nick = {},
                           const QString& host = QStringLiteral("127.0.0.1"), bool tls = true);
    // The same in two steps, for a window made between them: a controller set up to sign in,
    // then connected (false on failure).
    ChatController* prepare(const QString& account, const QString& nick = {},
                            const QString& host = QStringLiteral("127.0.0.1"), bool tls = true);
    bool connectAndJoin(ChatController* controller);
    // Adds an account the client does not know (for wrong passwords).
    bool addAccount(const QString& name, const QString& password);
    Server* server() const { return m_accounts.server(); }
    QUrl uploadUrl() const;

private:
    AccountFixture m_accounts;
    QList<ChatController*> m_controllers;
    QStringList m_pinnedHosts;
};

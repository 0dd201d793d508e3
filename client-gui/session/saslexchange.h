#pragma once

#include "ircmessage.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class SaslClient;

// One SASL login over IRC (IRCv3 sasl 3.1/3.2): which mechanism to use, and the AUTHENTICATE
// lines of the exchange — base64 in pieces of 400 bytes, "+" for an empty message, the server's
// pieces put back together. The mechanism itself is GNU SASL's (SaslClient). No socket: it
// answers lines with lines.
class SaslExchange
{
public:
    // What the server's challenge may add up to before the exchange is given up.
    static constexpr int MaxServerMessageBytes = 16 * 1024;
    static constexpr int ChunkBytes = 400;

    SaslExchange(const QString& account, const QString& password);
    ~SaslExchange();
    SaslExchange(const SaslExchange&) = delete;
    SaslExchange& operator=(const SaslExchange&) = delete;

    // The best mechanism of those offered (empty list: the server did not say; SCRAM-SHA-256
    // is tried). PLAIN sends the password itself: only when plainAllowed (TLS or loopback).
    // Empty: none can be used.
    static QString chooseMechanism(const QStringList& offered, bool plainAllowed);

    // "AUTHENTICATE <mechanism>".
    IrcMessage start(const QString& mechanism);
    QString mechanism() const { return m_mechanism; }
    // One AUTHENTICATE line from the server; the lines to answer with (none while the server's
    // message is still arriving). On a broken exchange, "AUTHENTICATE *" and failed() is true.
    QList<IrcMessage> handle(const QString& payload);
    bool failed() const { return m_failed; }

private:
    QList<IrcMessage> respond(const QByteArray& clientMessage);
    QList<IrcMessage> abort();

    QString m_account;
    QString m_password;
    QString m_mechanism;
    std::unique_ptr<SaslClient> m_client;
    QByteArray m_serverMessage; // base64 pieces so far
    bool m_failed = false;
};

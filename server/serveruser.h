#pragma once

#include "ircmessage.h"

#include <QList>
#include <QString>

class ClientConnection;
class ServerChannel;

// IRCv3 capabilities a client can enable with CAP REQ, as bit flags.
namespace ServerCap {
constexpr int MessageTags = 0x01;
constexpr int ServerTime = 0x02;
constexpr int EchoMessage = 0x04;
constexpr int AwayNotify = 0x08;
constexpr int MultiPrefix = 0x10;
} // namespace ServerCap

// One connected client as the server core knows it. A plain record owned by ServerCore, which
// keeps every field consistent (the nick index, the channel lists).
class ServerUser
{
public:
    explicit ServerUser(ClientConnection* connection) : m_connection(connection) {}

    ClientConnection* connection() const { return m_connection; }

    // "*" until a nick is set, as numeric replies need a target.
    QString replyTarget() const { return m_nick.isEmpty() ? QStringLiteral("*") : m_nick; }
    // nick!user@host, built once and kept until invalidateSource() (every relayed line needs it).
    QString source() const
    {
        if (m_source.isEmpty())
            m_source = IrcMessage::makeSource(m_nick, m_user, m_host);
        return m_source;
    }
    // To be called whenever m_nick, m_user or m_host changes.
    void invalidateSource() { m_source.clear(); }
    bool hasCap(int cap) const { return (m_caps & cap) != 0; }
    bool isAway() const { return !m_awayMessage.isEmpty(); }

    QString m_nick;
    QString m_foldedNick;
    QString m_user;
    QString m_realName;
    QString m_host;
    QString m_password;
    QString m_awayMessage;
    int m_caps = 0;
    bool m_registered = false;
    bool m_capNegotiating = false;
    bool m_invisible = false;
    qint64 m_signonSecs = 0;          // UNIX time of registration
    qint64 m_lastMessageSecs = 0;     // UNIX time of the last PRIVMSG/NOTICE, for WHOIS idle
    QList<ServerChannel*> m_channels; // in join order

private:
    ClientConnection* m_connection;
    mutable QString m_source; // cache of source()
};

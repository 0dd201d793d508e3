#pragma once

#include "state/clientcaps.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

class ClientConnection;
class ServerChannel;

// A user's id: unique for the life of the server process and never reused, unlike the
// connection, so that anything kept about a user (a pending login, a message in flight) can find
// out whether that user is still there.
using UserId = quint64;

// One connected client as the server core knows it: names, registration state, capabilities,
// away state, account and channels. The UserRegistry keeps the nick index consistent with it and
// the ChannelRegistry its channel list.
class ServerUser
{
public:
    ServerUser(UserId id, ClientConnection* connection, const QString& host);

    UserId id() const { return m_id; }

    // A user connected to another node of the cluster (cluster/clusterbridge.h): its
    // connection drops what is sent to it, since that node delivers to it. Empty: this node's.
    const QString& node() const { return m_node; }
    bool isRemote() const { return !m_node.isEmpty(); }
    void setNode(const QString& node) { m_node = node; }

    // Sessions. A user logged in to an account may be connected from several devices at once
    // (multiclient): one person, one nick, one set of channels, and one connection per device,
    // each with its own capabilities. The current session is the one whose command is being
    // handled: connection(), caps() and output() are its. Every line relayed to the user goes
    // to all sessions (MessageRouter).
    ClientConnection* connection() const
    {
        return m_current < 0 ? m_connection : (*m_otherSessions)[size_t(m_current)].connection;
    }
    // Where lines to the current session go: its connection, or while a labeled command is
    // being handled the LabeledResponse that collects its answer (ServerCore::handleMessage).
    ClientConnection* output() const
    {
        return m_output && m_outputSession == m_current ? m_output : connection();
    }
    // For the current session (nullptr: none).
    void setOutput(ClientConnection* output)
    {
        m_output = output;
        m_outputSession = m_current;
    }
    int sessionCount() const { return 1 + (m_otherSessions ? int(m_otherSessions->size()) : 0); }
    bool hasSession(const ClientConnection* connection) const;
    void setCurrentSession(const ClientConnection* connection);
    void attachSession(ClientConnection* connection, int caps);
    // Forgets the session; the first other one becomes the main one if it was that. The
    // current session is the main one afterwards.
    void detachSession(const ClientConnection* connection);
    // f(connection, caps, output) for each session; output is where its lines go (the
    // connection, or the labeled-response collector of the current one).
    template<typename F>
    void forEachSession(F f) const
    {
        f(m_connection, m_caps, m_outputSession < 0 && m_output ? m_output : m_connection);
        if (!m_otherSessions)
            return;
        for (size_t i = 0; i < m_otherSessions->size(); ++i) {
            const Session& session = (*m_otherSessions)[i];
            f(session.connection, session.caps,
              int(i) == m_outputSession && m_output ? m_output : session.connection);
        }
    }

    const QString& nick() const { return m_nick; }
    const QString& foldedNick() const { return m_foldedNick; }
    // Only through UserRegistry::setNick, which keeps the nick index.
    void setNick(const QString& nick, const QString& folded);
    const QString& userName() const { return m_userName; }
    void setUserName(const QString& userName);
    const QString& realName() const { return m_realName; }
    void setRealName(const QString& realName) { m_realName = realName; }
    // The host shown in nick!user@host: the client's address, until an operator's CHGHOST.
    const QString& host() const { return m_host; }
    void setHost(const QString& host);
    // The client's IP address as the connection has it (throttles, operator host masks, STATS,
    // WHOX for operators), whatever host() shows.
    const QString& address() const { return m_address; }
    // "*" until a nick is set, as numeric replies need a target.
    QString replyTarget() const { return m_nick.isEmpty() ? QStringLiteral("*") : m_nick; }
    // nick!user@host, built once and kept until the nick, user or host changes (every relayed
    // line needs it).
    const QString& source() const;

    // The connection password given with PASS, until registration completes.
    const QString& password() const { return m_password; }
    void setPassword(const QString& password) { m_password = password; }

    // The current session's capabilities.
    bool hasCap(int cap) const { return (caps() & cap) != 0; }
    int caps() const { return m_current < 0 ? m_caps : (*m_otherSessions)[size_t(m_current)].caps; }
    void setCaps(int caps);

    bool isRegistered() const { return m_registered; }
    // Only through UserRegistry::markRegistered, which keeps the counts.
    void setRegistered(qint64 signonSecs);
    bool isCapNegotiating() const { return m_capNegotiating; }
    void setCapNegotiating(bool negotiating) { m_capNegotiating = negotiating; }
    bool isInvisible() const { return m_invisible; }
    // Only through UserRegistry::setInvisible, which keeps the counts.
    void setInvisible(bool invisible) { m_invisible = invisible; }

    // User mode +o: set by OPER (the name of the operator block it used), removed by MODE -o.
    // Only through UserRegistry::setOperator, which keeps the list of operators.
    bool isOperator() const { return !m_operatorName.isEmpty(); }
    const QString& operatorName() const { return m_operatorName; }
    void setOperatorName(const QString& name) { m_operatorName = name; }
    // User mode +w: receives WALLOPS.
    bool isWallops() const { return m_wallops; }
    void setWallops(bool wallops) { m_wallops = wallops; }
    // User mode +B (IRCv3 bot-mode): its messages carry the "bot" tag, WHOIS says 335.
    bool isBot() const { return m_bot; }
    void setBot(bool bot) { m_bot = bot; }
    // The user modes as 221 shows them: "+", "+i", "+Biow"...
    QString modeString() const;

    const QString& awayMessage() const { return m_awayMessage; }
    bool isAway() const { return !m_awayMessage.isEmpty(); }
    void setAwayMessage(const QString& message) { m_awayMessage = message; }

    // The account the user is logged in to (its name as registered), or empty.
    const QString& account() const { return m_account; }
    // The account's name case-folded (the key of accounts, views and markers), or empty; one
    // string, shared by whatever keeps it (each history record of the user's messages).
    const QString& foldedAccount() const { return m_foldedAccount; }
    bool isLoggedIn() const { return !m_account.isEmpty(); }
    // Through UserRegistry::setAccount, which keeps its account index.
    void setAccount(const QString& account, const QString& folded)
    {
        m_account = account;
        m_foldedAccount = folded;
    }
    // How the user is connected (see ConnectionInfo).
    bool isSecure() const { return m_secure; }
    bool isLoopback() const { return m_loopback; }
    const QByteArray& certificateFingerprint() const { return m_certificateFingerprint; }
    void setConnection(bool secure, bool loopback, const QByteArray& certificateFingerprint);

    qint64 signonSecs() const { return m_signonSecs; }
    qint64 lastMessageSecs() const { return m_lastMessageSecs; }
    void setLastMessageSecs(qint64 secs) { m_lastMessageSecs = secs; }

    // In join order. Only through ChannelRegistry::join/leave, which keep the channel's side.
    const QList<ServerChannel*>& channels() const { return m_channels; }
    void addChannel(ServerChannel* channel) { m_channels.append(channel); }
    void removeChannel(ServerChannel* channel) { m_channels.removeOne(channel); }

private:
    struct Session
    {
        ClientConnection* connection;
        int caps;
    };

    UserId m_id;
    ClientConnection* m_connection; // the main session's
    ClientConnection* m_output = nullptr;
    std::unique_ptr<std::vector<Session>> m_otherSessions; // none for most users
    int m_current = -1;       // index in m_otherSessions, -1: the main session
    int m_outputSession = -1; // the session m_output collects for
    QString m_nick;
    QString m_foldedNick;
    QString m_userName;
    QString m_realName;
    QString m_host;
    QString m_address;
    QString m_password;
    QString m_awayMessage;
    QString m_account;
    QString m_foldedAccount;
    QString m_operatorName;
    QString m_node;
    QByteArray m_certificateFingerprint;
    mutable QString m_source; // cache of source()
    QList<ServerChannel*> m_channels;
    qint64 m_signonSecs = 0;      // UNIX time of registration
    qint64 m_lastMessageSecs = 0; // UNIX time of the last PRIVMSG/NOTICE, for WHOIS idle
    int m_caps = 0; // the main session's
    bool m_registered = false;
    bool m_capNegotiating = false;
    bool m_invisible = false;
    bool m_wallops = false;
    bool m_bot = false;
    bool m_secure = false;
    bool m_loopback = false;
};

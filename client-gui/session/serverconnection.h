#pragma once

#include "connection/certificatepins.h"
#include "connection/messageoutbox.h"
#include "connection/serveraddresses.h"
#include "connection/servertransport.h"
#include "ircmessage.h"
#include "models/chatmessage.h"
#include "session/batchcollector.h"
#include "session/ircevent.h"
#include "session/networkstate.h"
#include "session/registration.h"
#include "session/unconfirmedmessages.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

// One IRC session on a server: registration on top of the transport (connection/), the typed
// events of every line (IrcEventParser) applied to the one NetworkState, and announced as
// signals; slots that send, through the outbox while offline.
//
// It negotiates the IRCv3 capabilities it knows when the server offers them and works without
// them, reconnects with backoff after a loss once it has been registered, rejoins its rooms and
// keeps messages typed while offline in an outbox that is sent after reconnecting (or reported
// as failed).
//
// The host may name several nodes of one network ("a.lan, b.lan:6668", ServerAddresses): it
// connects to the first that answers, and after a loss reconnects to the next one. host() stays
// the text as given (the key of the archive, the contacts and the keyring); endpoint() is the
// address in use.
//
// With TLS on (setTls) the certificate is verified by the system's authorities or, when they do
// not know it (self-signed, on a LAN), by the fingerprint the user pinned for the endpoint's
// host:port (CertificatePins). Without a pin, or with another one, it stops, says so
// (certificateNeedsTrust, certificateChanged) and waits, disconnected and without retrying,
// until trustCertificate() pins the fingerprint and connects again.
class QTimer;

class ServerConnection : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected, // idle, or given up
        Connecting,   // TCP connect in progress
        Registering,  // connected, NICK/USER sent, waiting for 001
        Connected,    // registered
        Reconnecting, // lost, waiting for the next attempt
    };
    Q_ENUM(State)

    enum class Error {
        ConnectionRefused,
        HostNotFound,
        Unreachable,
        Timeout,
        BadPassword,
        ConnectionLost,
        ServerClosed, // ERROR from the server (e.g. kill, shutdown); detail has its text
        ProtocolError,
        // Signing in or creating the account did not work (Registration::Failure); detail has
        // the server's text. The connection is closed and not retried.
        WrongPassword,
        SignInThrottled,
        AccountsUnsupported,
        SignInNeedsTls,
        AccountExists,
        WeakPassword,
        BadAccountName,
        AccountUnavailable,
        TlsFailed,             // no TLS handshake (a plain port?), or an invalid certificate
        CertificateNotTrusted, // the user did not trust the certificate (refuseCertificate)
    };
    Q_ENUM(Error)

    explicit ServerConnection(QObject* parent = nullptr);
    ~ServerConnection() override;

    // What to connect to; read by connectToServer(). The host may list several addresses; the
    // port is for those without their own.
    void setHost(const QString& host) { m_host = host; }
    QString host() const { return m_host; }
    void setPort(quint16 port) { m_port = port; }
    quint16 port() const { return m_port; }
    // The address in use (or tried last): one of host()'s.
    ServerEndpoint endpoint() const;
    // How many addresses host() names (1 for a plain host name).
    int addressCount() const { return m_addresses.count(); }
    void setPassword(const QString& password) { m_registration.setPassword(password); }
    void setUserName(const QString& user) { m_registration.setUserName(user); }
    void setRealName(const QString& realName) { m_registration.setRealName(realName); }
    QString realName() const { return m_registration.realName(); }
    // Guest (a name), SignIn (account + password with SASL) or CreateAccount; used by every
    // connection and reconnection from now on.
    void setAccount(Registration::Mode mode, const QString& account = {},
                    const QString& password = {})
    {
        m_registration.setAccount(mode, account, password);
    }
    Registration::Mode accountMode() const { return m_registration.mode(); }
    // The account asked for (SignIn, CreateAccount); empty for a guest.
    QString accountName() const { return m_registration.accountName(); }
    // The account this connection is logged in to; empty for a guest.
    QString account() const { return m_account; }
    // The password of accountName(), for services that take the same credentials (file host).
    QString accountPassword() const { return m_registration.accountPassword(); }
    // A person's display name as the server told it; empty if not known.
    QString realNameOf(const QString& nick) const { return m_network.realName(nick); }
    // The nick to register with (before connecting) — after that use setNick().
    void setDesiredNick(const QString& nick) { m_desiredNick = nick; }
    // The name the user asked for last (at login or with setNick); nick() may be a variant of it
    // after a reconnection, until NickRegainer takes it back.
    QString desiredNick() const { return m_desiredNick; }
    // Encrypted connections (TLS) from the next connectToServer(). Off by default.
    void setTls(bool enabled) { m_tls = enabled; }
    bool isTls() const { return m_tls; }

    // Timing, in milliseconds; tests shorten them.
    void setConnectTimeout(int ms) { m_transport->setConnectTimeout(ms); }
    void setPingInterval(int ms) { m_transport->setPingInterval(ms); }
    void setReconnectDelays(int initialMs, int maxMs)
    {
        m_transport->setReconnectDelays(initialMs, maxMs);
    }
    void setAutoReconnect(bool enabled) { m_autoReconnect = enabled; }
    // Without away-notify, who is away is learnt again with WHO on every room at this interval.
    void setAwayRefreshInterval(int ms);
    bool autoReconnect() const { return m_autoReconnect; }
    int nextReconnectDelay() const { return m_transport->nextReconnectDelay(); }
    // A loss now would be followed by automatic reconnection attempts.
    bool willRetry() const
    {
        return m_autoReconnect && m_everRegistered && !m_userQuit && !m_fatalError;
    }

    State state() const { return m_state; }
    bool isRegistered() const { return m_state == State::Connected; }
    const NetworkState& network() const { return m_network; }
    QString nick() const { return m_network.nick(); }
    bool isOwnNick(const QString& nick) const { return m_network.isOwnNick(nick); }
    const IrcISupport& serverSupport() const { return m_network.serverSupport(); }
    IrcCaseMapping caseMapping() const { return m_network.caseMapping(); }
    QString fold(const QString& name) const { return m_network.fold(name); }
    bool isRoomName(const QString& target) const { return m_network.isRoomName(target); }
    // Where files are uploaded (soju.im/FILEHOST, https only); empty when not offered.
    QUrl fileHostUrl() const { return m_network.fileHostUrl(); }
    QString serverName() const { return m_network.serverName(); }
    bool hasCapability(const QString& cap) const { return m_registration.hasCapability(cap); }
    QStringList capabilities() const { return m_registration.capabilities(); }
    QStringList rooms() const { return m_network.rooms(); } // joined, or to rejoin
    QStringList members(const QString& room) const { return m_network.members(room); }
    bool isAway() const { return m_network.isAway(); }
    int lag() const { return m_transport->lag(); } // -1 until measured
    // The open connection's protection; Plain when not connected.
    ServerTransport::Security security() const { return m_transport->security(); }
    bool isEncrypted() const { return security() != ServerTransport::Security::Plain; }
    QSslCertificate peerCertificate() const { return m_transport->peerCertificate(); }
    // Its SHA-256 fingerprint ("AB:CD:…"); empty when not encrypted.
    QString peerFingerprint() const;
    // The fingerprint pinned for the endpoint(), if any.
    QString pinnedFingerprint() const;
    int outboxSize() const { return m_outbox.size(); }

    // Caps this client asks for when offered.
    static QStringList wantedCapabilities() { return Registration::wantedCapabilities(); }
    // Bytes of text per PRIVMSG; longer text is split into several messages.
    static constexpr int MaxTextBytes = 400;
    static constexpr int MaxOutbox = MessageOutbox::MaxSize;

public slots:
    void connectToServer();
    // Sends QUIT and closes; no reconnect. Messages still in the outbox are reported as failed.
    void disconnectFromServer(const QString& reason = {});
    void sendMessage(const QString& target, const QString& text);
    void sendAction(const QString& target, const QString& text);
    void sendNotice(const QString& target, const QString& text);
    void join(const QString& room, const QString& key = {});
    void part(const QString& room, const QString& reason = {});
    void requestTopic(const QString& room);
    void setTopic(const QString& room, const QString& topic);
    // Before registration: tries this nick on the same connection. After: NICK.
    void setNick(const QString& nick);
    // Empty message: back.
    void setAway(const QString& message);
    void requestNames(const QString& room);
    // WHOIS: the answer comes as whoisReceived (or targetUnavailable when nobody has that nick).
    void whois(const QString& nick);
    // LIST: the rooms come as roomListed, then roomListEnded.
    void requestRoomList();
    // The display name: SETNAME now when the server offers setname; in any case the real name
    // of the next login. False: the server cannot change it before then.
    bool setDisplayName(const QString& name);
    // Sends a line built with IrcCommand; dropped when not connected.
    void sendRaw(const IrcMessage& message);
    // After certificateNeedsTrust/certificateChanged: pins this fingerprint (the one the user
    // was shown) for host():port() and connects again.
    void trustCertificate(const QString& fingerprint);
    // The user did not trust it: stays disconnected, errorOccurred(CertificateNotTrusted).
    void refuseCertificate();

signals:
    void stateChanged(ServerConnection::State state);
    void registered(const QString& nick);
    // The server logged us in to this account (before registered() when signing in).
    void loggedIn(const QString& account);
    // FAIL <command> <code> [<context>…] :<text> (IRCv3 standard replies) for a command other
    // than REGISTER (which Registration answers): a request that will get no other answer.
    void requestFailed(const QString& command, const QString& code, const QStringList& context,
                       const QString& text);
    // 432/433 and friends: the nick was not accepted. reason is the server's text.
    void nameRejected(const QString& nick, int code, const QString& reason);
    void errorOccurred(ServerConnection::Error error, const QString& detail);
    // The connection stopped before the TLS handshake ended (state Disconnected, no retry): the
    // user must confirm this certificate (no pin yet), or accept a changed one.
    void certificateNeedsTrust(const QSslCertificate& certificate);
    void certificateChanged(const QSslCertificate& certificate, const QString& pinnedFingerprint);

    void privateMessage(const ChatMessage& message); // peer: isOwn ? target : sender
    void roomMessage(const ChatMessage& message);    // target is the room
    void messageQueued(const ChatMessage& message);  // typed offline, in the outbox
    void queuedMessageSent(quint64 queueId);
    void queuedMessageFailed(quint64 queueId);

    void roomJoined(const QString& room);
    void roomLeft(const QString& room, const QString& reason);
    void userJoined(const QString& room, const QString& nick);
    void userLeft(const QString& room, const QString& nick, const QString& reason);
    void userKicked(const QString& room, const QString& nick, const QString& by,
                    const QString& reason);
    void userQuit(const QString& nick, const QString& reason, const QStringList& rooms);
    void nickChanged(const QString& oldNick, const QString& newNick, const QStringList& rooms);
    void awayChanged(const QString& nick, bool away, const QString& message);
    // 301: nick, to whom we wrote, is away.
    void awayReplyReceived(const QString& nick, const QString& message);
    // nick's account is offline: what we wrote is kept and delivered when they next log in.
    void recipientOffline(const QString& nick);
    // A history batch (chathistory, draft/chathistory-targets) is complete: HistoryFetcher's.
    // The lines of other batches arrive as if unbatched.
    void batchReceived(const IrcBatch& batch);
    // MARKREAD (draft/read-marker): everything in target up to time is read (invalid: nothing).
    void readMarkerReceived(const QString& target, const QDateTime& time);
    void topicChanged(const QString& room, const QString& topic, const QString& setBy);
    void namesReceived(const QString& room, const QStringList& nicks);
    // 401/403/404 for a message this client sent: message (isOwn) did not reach its target.
    void messageNotDelivered(const ChatMessage& message, int code, const QString& reason);
    // 401/403/404 for anything else (/whois nobody…): target is not there.
    void targetUnavailable(const QString& target, int code, const QString& reason);
    // A server reply worth showing the user (unknown nick, cannot send, MOTD end…).
    void serverInfo(const QString& text);
    void whoisReceived(const WhoisInfo& info);
    void roomListed(const QString& room, int users, const QString& topic);
    void roomListEnded();
    // A person's real name (display name) became known or changed; ours too.
    void realNameChanged(const QString& nick, const QString& realName);
    void lagChanged(int ms);
    void membersCleared(); // connection lost: nobody is known to be online any more
    // The welcome burst is over (end of MOTD): what the server supports (ISUPPORT) is known.
    void welcomeEnded();
    // A MODE on a room; members' prefixes (network().prefixesOf) are already updated.
    void roomModeChanged(const QString& room, const QString& by, const QString& modes,
                         const QStringList& args);
    // Registering, the name was refused (433) where it is likely ours elsewhere: our old self,
    // registering again after a loss, or another device of the account being signed in to. A
    // variant is tried instead.
    void nameHeldElsewhere(const QString& nick);
    // MONITOR (730/731/734) and ISON (303) answers, as nicks.
    void monitorOnline(const QStringList& nicks);
    void monitorOffline(const QStringList& nicks);
    void monitorListFull(int limit, const QStringList& nicks);
    void isonReceived(const QStringList& nicks);
    // +typing from someone else: conversation is the room, or nick for a private one.
    void typingReceived(const QString& nick, const QString& conversation, const QString& state);

private:
    void setState(State state);
    // A new series of attempts, at the current address: what the user asked for.
    void begin();
    void startConnection();
    // Before the first login: the next address not tried yet, at once. False when none is left.
    bool tryNextAddress();
    void onOpened();
    void onFailed(ServerTransport::Failure failure, const QString& detail);
    void onCertificateRejected();
    void onMessage(const IrcMessage& message);
    void dispatch(const IrcMessage& message);
    void send(const IrcMessage& message) { m_transport->send(message); }
    void sendText(const QString& target, const QString& text, bool isAction, bool isNotice);
    void emitChat(const ChatMessage& message);
    void flushOutbox();
    void failOutbox();

    // One handler per event type (std::visit).
    void handle(const IrcEvents::Ignored&) {}
    void handle(const IrcEvents::Welcome& event);
    void handle(const IrcEvents::ISupport& event);
    void handle(const IrcEvents::NickRejected& event);
    void handle(const IrcEvents::PasswordRejected& event);
    void handle(const IrcEvents::Cap& event);
    void handle(const IrcEvents::CapUnsupported& event);
    void handle(const IrcEvents::Authenticate& event) { m_registration.handleAuthenticate(event); }
    void handle(const IrcEvents::SaslReply& event) { m_registration.handleSaslReply(event); }
    void handle(const IrcEvents::AccountRegistered& event)
    {
        m_registration.handleAccountRegistered(event);
    }
    void handle(const IrcEvents::StandardReply& event);
    void onAccountFailed(Registration::Failure failure, const QString& detail);
    void handle(const IrcEvents::ServerClosing& event);
    void handle(const IrcEvents::Join& event);
    void handle(const IrcEvents::Part& event);
    void handle(const IrcEvents::Kick& event);
    void handle(const IrcEvents::Quit& event);
    void handle(const IrcEvents::NickChange& event);
    void handle(const IrcEvents::Away& event);
    void handle(const IrcEvents::TopicChange& event);
    void handle(const IrcEvents::TopicReply& event);
    void handle(const IrcEvents::NamesReply& event);
    void handle(const IrcEvents::NamesEnd& event);
    void handle(const IrcEvents::WhoReply& event);
    void handle(const IrcEvents::SetName& event);
    void handle(const IrcEvents::Whois& event);
    void handle(const IrcEvents::WhoisEnd& event);
    void handle(const IrcEvents::ListEntry& event);
    void handle(const IrcEvents::ListEnd& event);
    void handle(const IrcEvents::AwayReply& event);
    void handle(const IrcEvents::OwnAway& event);
    void handle(const IrcEvents::Message& event);
    void handle(const IrcEvents::DeliveryFailed& event);
    void handle(const IrcEvents::ServerText& event);
    void handle(const IrcEvents::ReadMarker& event);
    void handle(const IrcEvents::WelcomeEnd&) { emit welcomeEnded(); }
    void handle(const IrcEvents::ModeChange& event);
    void handle(const IrcEvents::MonitorOnline& event) { emit monitorOnline(event.nicks); }
    void handle(const IrcEvents::MonitorOffline& event) { emit monitorOffline(event.nicks); }
    void handle(const IrcEvents::MonitorListFull& event)
    {
        emit monitorListFull(event.limit, event.nicks);
    }
    void handle(const IrcEvents::IsOnReply& event) { emit isonReceived(event.nicks); }
    void handle(const IrcEvents::Typing& event);
    void learnRealName(const QString& nick, const QString& realName);

    ServerTransport* m_transport;
    QTimer* m_awayRefreshTimer;
    Registration m_registration;
    NetworkState m_network;
    MessageOutbox m_outbox;
    BatchCollector m_batches;
    UnconfirmedMessages m_unconfirmed; // what a 401 reply refers to
    QHash<QString, WhoisInfo> m_whois; // asked for and not yet ended, by folded nick
    State m_state = State::Disconnected;

    QString m_host;
    quint16 m_port = 6667;
    ServerAddresses m_addresses; // of m_host, read by connectToServer()
    bool m_tls = false;
    CertificatePins m_pins;
    QString m_desiredNick;
    QString m_account;     // logged in to
    QString m_serverError; // text of the server's ERROR line before it closed

    bool m_everRegistered = false; // reconnect only after a successful login
    bool m_userQuit = false;
    bool m_fatalError = false; // e.g. a bad password: do not retry
    bool m_autoReconnect = true;
};

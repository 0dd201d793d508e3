#pragma once

#include "irccasemapping.h"
#include "ircmessage.h"
#include "serverconfig.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <unordered_map>

class ClientConnection;
class RelayLine;
class ServerChannel;
class ServerUser;

// The socket-free heart of the server: users, channels and every command. Connections are seen
// only through ClientConnection (send/close), so the whole core runs in unit tests without
// sockets. Commands are dispatched by name to handlers; replies are built only with IrcReply
// and IrcCommand.
class ServerCore : public QObject
{
    Q_OBJECT

public:
    explicit ServerCore(const ServerConfig& config, QObject* parent = nullptr);
    ~ServerCore() override;

    const ServerConfig& config() const { return m_config; }

    // A new connection from host (shown in nick!user@host).
    void addConnection(ClientConnection* connection, const QString& host);
    // One parsed line from the connection.
    void handleMessage(ClientConnection* connection, const IrcMessage& message);
    // The connection sent a line longer than the limits: answers 417.
    void handleInputTooLong(ClientConnection* connection);
    // The connection is gone (EOF, error, timeout, flood...): the user is removed, its nick
    // freed and others see a QUIT with the reason. Safe to call twice.
    void removeConnection(ClientConnection* connection, const QString& reason);
    // Closes every connection with the reason, without QUIT announcements.
    void closeAll(const QString& reason);

    int connectionCount() const { return int(m_users.size()); }
    int userCount() const { return m_registeredCount; }
    int channelCount() const { return int(m_channels.size()); }
    bool isRegistered(ClientConnection* connection) const;

signals:
    void userRegistered(const QString& nick);

private:
    using Handler = void (ServerCore::*)(ServerUser*, const IrcMessage&);
    struct Command
    {
        Handler handler = nullptr;
        int minParams = 0;
        bool needsRegistration = true;
    };

    // Commands
    void onPass(ServerUser* user, const IrcMessage& message);
    void onNick(ServerUser* user, const IrcMessage& message);
    void onUser(ServerUser* user, const IrcMessage& message);
    void onCap(ServerUser* user, const IrcMessage& message);
    void onPing(ServerUser* user, const IrcMessage& message);
    void onPong(ServerUser* user, const IrcMessage& message);
    void onQuit(ServerUser* user, const IrcMessage& message);
    void onPrivmsg(ServerUser* user, const IrcMessage& message);
    void onNotice(ServerUser* user, const IrcMessage& message);
    void onTagmsg(ServerUser* user, const IrcMessage& message);
    void onJoin(ServerUser* user, const IrcMessage& message);
    void onPart(ServerUser* user, const IrcMessage& message);
    void onTopic(ServerUser* user, const IrcMessage& message);
    void onKick(ServerUser* user, const IrcMessage& message);
    void onMode(ServerUser* user, const IrcMessage& message);
    void onInvite(ServerUser* user, const IrcMessage& message);
    void onNames(ServerUser* user, const IrcMessage& message);
    void onWho(ServerUser* user, const IrcMessage& message);
    void onWhois(ServerUser* user, const IrcMessage& message);
    void onIson(ServerUser* user, const IrcMessage& message);
    void onUserhost(ServerUser* user, const IrcMessage& message);
    void onList(ServerUser* user, const IrcMessage& message);
    void onLusers(ServerUser* user, const IrcMessage& message);
    void onMotd(ServerUser* user, const IrcMessage& message);
    void onAway(ServerUser* user, const IrcMessage& message);
    void onVersion(ServerUser* user, const IrcMessage& message);
    void onTime(ServerUser* user, const IrcMessage& message);

    // Helpers
    void reply(ServerUser* user, int code, const QStringList& params);
    void sendCap(ServerUser* user, const QString& subcommand, const QString& caps);
    bool isVisible(ServerChannel* channel, ServerUser* user) const; // not +s, or a member
    void relay(RelayLine& line, ServerUser* recipient);
    RelayLine fromUser(ServerUser* user, IrcMessage message); // source, msgid
    void tryCompleteRegistration(ServerUser* user);
    void sendWelcome(ServerUser* user);
    void sendLusers(ServerUser* user);
    void sendMotd(ServerUser* user);
    void sendNames(ServerUser* user, ServerChannel* channel); // 353 lines only
    void sendEndOfNames(ServerUser* user, const QString& name);
    void sendTopic(ServerUser* user, ServerChannel* channel, bool always);
    void sendMessage(ServerUser* user, const IrcMessage& message, bool notice, bool tagOnly);
    void joinChannel(ServerUser* user, const QString& name, const QString& key);
    void leaveChannel(ServerUser* user, ServerChannel* channel);
    void kick(ServerUser* user, const QString& channel, const QString& nick, const QString& reason);
    void modeChannel(ServerUser* user, ServerChannel* channel, const IrcMessage& message);
    void modeUser(ServerUser* user, const IrcMessage& message);
    void quitUser(ServerUser* user, const QString& reason);
    void notifyAway(ServerUser* user);
    QList<ServerUser*> sharingUsers(ServerUser* user) const; // not the user itself
    QString prefixes(ServerChannel* channel, ServerUser* member, bool all) const;
    bool isBanned(ServerChannel* channel, ServerUser* user) const;
    QString fold(const QString& text) const { return m_caseMapping.fold(text); }
    ServerUser* findUser(const QString& nick) const;
    ServerChannel* findChannel(const QString& name) const;
    QString capList() const;
    QStringList isupportTokens() const;

    ServerConfig m_config;
    IrcCaseMapping m_caseMapping;
    QStringList m_motd;
    bool m_hasMotd = false;
    QString m_createdText;
    QHash<QString, Command> m_commands;
    std::unordered_map<ClientConnection*, std::unique_ptr<ServerUser>> m_users;
    QHash<QString, ServerUser*> m_nicks; // folded nick -> user, registered or not
    std::map<QString, std::unique_ptr<ServerChannel>> m_channels; // folded name -> channel
    QString m_msgIdPrefix;
    quint64 m_msgIdCounter = 0;
    int m_registeredCount = 0;
    int m_invisibleCount = 0; // registered users with +i
    int m_maxRegisteredCount = 0;
};

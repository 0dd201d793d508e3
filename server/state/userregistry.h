#pragma once

#include "core/namehash.h"
#include "irccasemapping.h"
#include "state/serveruser.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

class ClientConnection;

// Every connected user, by connection, by id, by folded nick and by folded account, with the
// counts LUSERS needs.
// The only place users are created and destroyed.
class UserRegistry
{
public:
    explicit UserRegistry(IrcCaseMapping caseMapping);
    ~UserRegistry();

    ServerUser* add(ClientConnection* connection, const QString& host);
    // Forgets the user (its nick is freed) and deletes it. It must have left its channels.
    void remove(ServerUser* user);
    // The newcomer's connection becomes another session of the registered user (a second device
    // of its account); the newcomer, which must not be registered, is forgotten and deleted.
    void attachSession(ServerUser* user, ServerUser* newcomer);
    // The connection, one of several sessions of its user, is forgotten; the user stays.
    void detachSession(ServerUser* user, const ClientConnection* connection);
    // Forgets everybody; returns all their connections.
    std::vector<ClientConnection*> clear();

    ServerUser* find(const ClientConnection* connection) const;
    ServerUser* findById(UserId id) const;
    // A registered user with that nick (any case), or nullptr.
    ServerUser* findByNick(const QString& nick) const;
    // Whoever holds the folded nick, registered or still registering, or nullptr.
    ServerUser* nickHolder(const QString& foldedNick) const;
    // A registered user other than except logged in to the folded account, or nullptr.
    ServerUser* findByAccount(const QString& foldedAccount, const ServerUser* except = nullptr) const;

    // Sets the nick and keeps the index; the old nick is freed.
    void setNick(ServerUser* user, const QString& nick);
    // Logs the user in to the account (empty: out) and keeps the index.
    void setAccount(ServerUser* user, const QString& account);
    void markRegistered(ServerUser* user, qint64 signonSecs);
    void setInvisible(ServerUser* user, bool invisible);
    // +o with the operator block's name, or -o (an empty name); keeps operators().
    void setOperator(ServerUser* user, const QString& operatorName);

    // Every user, registered or not, in no particular order.
    void forEach(const std::function<void(ServerUser*)>& function) const;

    int connectionCount() const { return int(m_byConnection.size()); } // sessions included
    int registeredCount() const { return m_registeredCount; }
    int invisibleCount() const { return m_invisibleCount; } // registered users with +i
    int maxRegisteredCount() const { return m_maxRegisteredCount; }
    // Users with +o, for LUSERS and the server notices to operators (no walk over every user).
    const QSet<UserId>& operators() const { return m_operators; }

private:
    // Frees the user's folded nick if the user holds it.
    void forgetNick(const ServerUser* user);

    IrcCaseMapping m_caseMapping;
    std::unordered_map<const ClientConnection*, ServerUser*> m_byConnection; // every session
    std::unordered_map<UserId, std::unique_ptr<ServerUser>> m_byId;           // owns the users
    std::unordered_map<QString, ServerUser*, NameHash>
        m_byNick;                                 // folded nick -> user, registered or not
    QMultiHash<QString, ServerUser*> m_byAccount; // folded account -> users logged in to it
    QSet<UserId> m_operators;
    UserId m_lastId = 0;
    int m_registeredCount = 0;
    int m_invisibleCount = 0;
    int m_maxRegisteredCount = 0;
};

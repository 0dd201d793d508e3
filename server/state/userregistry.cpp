#include "state/userregistry.h"

#include <algorithm>

UserRegistry::UserRegistry(IrcCaseMapping caseMapping) : m_caseMapping(caseMapping) {}

UserRegistry::~UserRegistry() = default;

ServerUser* UserRegistry::add(ClientConnection* connection, const QString& host)
{
    auto user = std::make_unique<ServerUser>(++m_lastId, connection, host);
    ServerUser* result = user.get();
    m_byConnection.emplace(connection, result);
    m_byId.emplace(result->id(), std::move(user));
    return result;
}

void UserRegistry::remove(ServerUser* user)
{
    if (user->isRegistered()) {
        --m_registeredCount;
        if (user->isInvisible())
            --m_invisibleCount;
    }
    m_operators.remove(user->id());
    if (user->isLoggedIn())
        m_byAccount.remove(user->foldedAccount(), user);
    forgetNick(user);
    user->forEachSession([this](ClientConnection* connection, int, ClientConnection*) {
        m_byConnection.erase(connection);
    });
    m_byId.erase(user->id()); // deletes it
}

void UserRegistry::attachSession(ServerUser* user, ServerUser* newcomer)
{
    ClientConnection* connection = newcomer->connection();
    const int caps = newcomer->caps();
    remove(newcomer);
    user->attachSession(connection, caps);
    m_byConnection.emplace(connection, user);
}

void UserRegistry::detachSession(ServerUser* user, const ClientConnection* connection)
{
    if (user->sessionCount() < 2 || !user->hasSession(connection))
        return;
    user->detachSession(connection);
    m_byConnection.erase(connection);
}

std::vector<ClientConnection*> UserRegistry::clear()
{
    std::vector<ClientConnection*> connections;
    connections.reserve(m_byConnection.size());
    for (const auto& entry : m_byConnection)
        connections.push_back(const_cast<ClientConnection*>(entry.first));
    m_byConnection.clear();
    m_byId.clear();
    m_byNick.clear();
    m_byAccount.clear();
    m_registeredCount = 0;
    m_invisibleCount = 0;
    m_operators.clear();
    return connections;
}

void UserRegistry::setAccount(ServerUser* user, const QString& account)
{
    if (user->isLoggedIn())
        m_byAccount.remove(user->foldedAccount(), user);
    const QString folded = m_caseMapping.fold(account);
    user->setAccount(account, folded);
    if (!account.isEmpty())
        m_byAccount.insert(folded, user);
}

ServerUser* UserRegistry::findByAccount(const QString& foldedAccount,
                                        const ServerUser* except) const
{
    for (auto it = m_byAccount.constFind(foldedAccount);
         it != m_byAccount.cend() && it.key() == foldedAccount; ++it) {
        if (it.value() != except && it.value()->isRegistered())
            return it.value();
    }
    return nullptr;
}

ServerUser* UserRegistry::find(const ClientConnection* connection) const
{
    auto it = m_byConnection.find(connection);
    return it == m_byConnection.end() ? nullptr : it->second;
}

ServerUser* UserRegistry::findById(UserId id) const
{
    auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : it->second.get();
}

ServerUser* UserRegistry::findByNick(const QString& nick) const
{
    ServerUser* user = nickHolder(m_caseMapping.fold(nick));
    return user && user->isRegistered() ? user : nullptr;
}

ServerUser* UserRegistry::nickHolder(const QString& foldedNick) const
{
    auto it = m_byNick.find(foldedNick);
    return it == m_byNick.end() ? nullptr : it->second;
}

void UserRegistry::forgetNick(const ServerUser* user)
{
    if (user->foldedNick().isEmpty())
        return;
    auto it = m_byNick.find(user->foldedNick());
    if (it != m_byNick.end() && it->second == user)
        m_byNick.erase(it);
}

void UserRegistry::setNick(ServerUser* user, const QString& nick)
{
    forgetNick(user);
    const QString folded = m_caseMapping.fold(nick);
    user->setNick(nick, folded);
    m_byNick.insert_or_assign(folded, user);
}

void UserRegistry::markRegistered(ServerUser* user, qint64 signonSecs)
{
    if (user->isRegistered())
        return;
    user->setRegistered(signonSecs);
    ++m_registeredCount;
    if (user->isInvisible())
        ++m_invisibleCount;
    m_maxRegisteredCount = std::max(m_maxRegisteredCount, m_registeredCount);
}

void UserRegistry::setInvisible(ServerUser* user, bool invisible)
{
    if (user->isInvisible() == invisible)
        return;
    user->setInvisible(invisible);
    if (user->isRegistered())
        m_invisibleCount += invisible ? 1 : -1;
}

void UserRegistry::setOperator(ServerUser* user, const QString& operatorName)
{
    user->setOperatorName(operatorName);
    if (operatorName.isEmpty())
        m_operators.remove(user->id());
    else
        m_operators.insert(user->id());
}

void UserRegistry::forEach(const std::function<void(ServerUser*)>& function) const
{
    for (const auto& entry : m_byId)
        function(entry.second.get());
}

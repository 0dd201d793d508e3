#include "auth/saslconversations.h"

SaslConversations::Conversation& SaslConversations::begin(UserId user, const QString& mechanism)
{
    Conversation& conversation = m_conversations[user];
    conversation = Conversation();
    conversation.exchangeId = ++m_lastExchangeId;
    conversation.mechanism = mechanism;
    return conversation;
}

SaslConversations::Conversation* SaslConversations::find(UserId user)
{
    auto it = m_conversations.find(user);
    return it == m_conversations.end() ? nullptr : &it.value();
}

quint64 SaslConversations::end(UserId user)
{
    auto it = m_conversations.find(user);
    if (it == m_conversations.end())
        return 0;
    const quint64 id = it->exchangeId;
    m_conversations.erase(it);
    return id;
}

#include "models/conversationstore.h"

ConversationStore::ConversationStore(QObject* parent) : QObject(parent) {}

ConversationModel* ConversationStore::find(const QString& name) const
{
    for (ConversationModel* conversation : m_conversations) {
        if (m_caseMapping.equals(conversation->name(), name))
            return conversation;
    }
    return nullptr;
}

ConversationModel* ConversationStore::ensure(const QString& name, bool isRoom)
{
    if (ConversationModel* existing = find(name))
        return existing;
    auto* conversation = new ConversationModel(name, isRoom, this);
    m_conversations.append(conversation);
    emit conversationAdded(conversation);
    return conversation;
}

void ConversationStore::rename(const QString& oldName, const QString& newName)
{
    ConversationModel* conversation = find(oldName);
    if (!conversation || conversation->isRoom())
        return;
    ConversationModel* clash = find(newName);
    if (clash && clash != conversation)
        return; // both exist: keep them apart
    conversation->setName(newName);
}

void ConversationStore::remove(const QString& name)
{
    ConversationModel* conversation = find(name);
    if (!conversation)
        return;
    m_conversations.removeOne(conversation);
    emit conversationRemoved(conversation);
    conversation->deleteLater();
}

void ConversationStore::setQueuedStatus(quint64 queueId, ConversationModel::Status status)
{
    for (ConversationModel* conversation : std::as_const(m_conversations)) {
        if (conversation->setQueuedStatus(queueId, status))
            return;
    }
}

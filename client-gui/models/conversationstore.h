#pragma once

#include "irccasemapping.h"
#include "models/conversationmodel.h"

#include <QList>
#include <QObject>

// Every conversation of the session, one per room or person, found case-insensitively.
// Conversations stay when the connection drops, so nothing on screen is lost.
class ConversationStore : public QObject
{
    Q_OBJECT

public:
    explicit ConversationStore(QObject* parent = nullptr);

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }

    ConversationModel* find(const QString& name) const;
    // Finds or creates; a new one is announced with conversationAdded.
    ConversationModel* ensure(const QString& name, bool isRoom);
    QList<ConversationModel*> conversations() const { return m_conversations; }
    int count() const { return int(m_conversations.size()); }

    // A person changed their name: their private conversation follows them.
    void rename(const QString& oldName, const QString& newName);
    void remove(const QString& name);
    void setQueuedStatus(quint64 queueId, ConversationModel::Status status);

signals:
    void conversationAdded(ConversationModel* conversation);
    void conversationRemoved(ConversationModel* conversation);

private:
    IrcCaseMapping m_caseMapping;
    QList<ConversationModel*> m_conversations;
};

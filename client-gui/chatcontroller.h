#pragma once

#include "commandparser.h"
#include "conversationmodel.h"
#include "serverconnection.h"

#include <QObject>
#include <QPointer>

class ContactListModel;
class ConversationStore;
class RoomListModel;

// The client's session: owns the connection and the models, feeds the models from the
// connection's signals and carries out what the user types. Widgets read the models and call
// these slots; nothing here knows about widgets.
class ChatController : public QObject
{
    Q_OBJECT

public:
    explicit ChatController(QObject* parent = nullptr);

    ServerConnection* connection() const { return m_connection; }
    ContactListModel* contacts() const { return m_contacts; }
    RoomListModel* rooms() const { return m_rooms; }
    ConversationStore* conversations() const { return m_conversations; }

    ConversationModel* activeConversation() const { return m_active; }
    QString lastPrivateSender() const { return m_lastPrivateSender; }
    // Whether the user is looking at the window; unread counts only grow when not.
    void setWindowActive(bool active);
    bool isWindowActive() const { return m_windowActive; }

public slots:
    // The conversation on screen (nullptr: none). Marks it read.
    void setActiveConversation(ConversationModel* conversation);
    // Text typed in the input line: a message for the active conversation or a command.
    void submitInput(const QString& line);
    // Sends text to the active conversation without looking for commands (pasted lines).
    void sendText(const QString& text);
    void openPrivateConversation(const QString& nick);
    void replyToLast();

signals:
    // The UI should show this conversation (the user asked for it).
    void conversationRequested(ConversationModel* conversation);
    // Someone wrote to us privately (for notifications).
    void privateMessageArrived(const QString& from, const QString& text);
    void quitRequested();

private:
    void onRegistered(const QString& nick);
    void onStateChanged(ServerConnection::State state);
    void onPrivateMessage(const ChatMessage& message);
    void onRoomMessage(const ChatMessage& message);
    void onMessageQueued(const ChatMessage& message);
    void onRoomJoined(const QString& room);
    void onRoomLeft(const QString& room, const QString& reason);
    void onUserJoined(const QString& room, const QString& nick);
    void onUserLeft(const QString& room, const QString& nick, const QString& reason);
    void onUserKicked(const QString& room, const QString& nick, const QString& by,
                      const QString& reason);
    void onUserQuit(const QString& nick, const QString& reason, const QStringList& rooms);
    void onNickChanged(const QString& oldNick, const QString& newNick, const QStringList& rooms);
    void onAwayChanged(const QString& nick, bool away, const QString& message);
    void onTopicChanged(const QString& room, const QString& topic, const QString& setBy);
    void onNameRejected(const QString& nick, int code, const QString& reason);
    void onServerInfo(const QString& text);
    void onConversationAdded(ConversationModel* conversation);
    void execute(const CommandParser::Command& command);
    void showInfo(const QString& text, bool error = false);
    void countUnread(ConversationModel* conversation, bool own);
    void syncCaseMapping();
    QString activeTarget() const;

    ServerConnection* m_connection;
    ContactListModel* m_contacts;
    RoomListModel* m_rooms;
    ConversationStore* m_conversations;
    QPointer<ConversationModel> m_active;
    QString m_lastPrivateSender;
    QString m_requestedRoom; // joined through /join: shown once the server confirms
    bool m_windowActive = true;
    bool m_lostConnection = false;
};

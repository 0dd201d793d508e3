#pragma once

#include "models/conversationmodel.h"
#include "session/commandparser.h"
#include "session/serverconnection.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <vector>

class ContactListModel;
class ConversationStore;
class InputHandler;
class RoomListModel;

// The client's session: owns the connection and the models, feeds the models from the
// connection's signals (with the text of EventFormatter) and hands what the user types to the
// input handler of its command family. Widgets read the models and call these slots; nothing
// here knows about widgets.
class ChatController : public QObject
{
    Q_OBJECT

public:
    explicit ChatController(QObject* parent = nullptr);
    ~ChatController() override;

    ServerConnection* connection() const { return m_connection; }
    ContactListModel* contacts() const { return m_contacts; }
    RoomListModel* rooms() const { return m_rooms; }
    ConversationStore* conversations() const { return m_conversations; }

    ConversationModel* activeConversation() const { return m_active; }
    QString lastPrivateSender() const { return m_lastPrivateSender; }
    // Whether the user is looking at the window; unread counts only grow when not.
    void setWindowActive(bool active);
    bool isWindowActive() const { return m_windowActive; }

    // For the input handlers.
    QString activeTarget() const; // the active conversation's room or person; empty if none
    // A line in the active conversation (else the first one); error: shown as an error.
    void showInfo(const QString& text, bool error = false);
    void requestConversation(ConversationModel* conversation);
    // A /join: its conversation is shown once the server confirms.
    void expectJoin(const QString& room) { m_requestedRoom = room; }
    void requestQuit();

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
    void onAwayReply(const QString& nick, const QString& message);
    void onMessageNotDelivered(const ChatMessage& message, int code, const QString& reason);
    void onTopicChanged(const QString& room, const QString& topic, const QString& setBy);
    void onNameRejected(const QString& nick, int code, const QString& reason);
    void onServerInfo(const QString& text);
    void onConversationAdded(ConversationModel* conversation);
    void execute(const CommandParser::Command& command);
    void countUnread(ConversationModel* conversation, bool own);
    void syncCaseMapping();

    ServerConnection* m_connection;
    ContactListModel* m_contacts;
    RoomListModel* m_rooms;
    ConversationStore* m_conversations;
    std::vector<std::unique_ptr<InputHandler>> m_inputHandlers;
    QPointer<ConversationModel> m_active;
    QHash<QString, QString> m_awayReplyShown; // nick -> the 301 text last shown
    QString m_lastPrivateSender;
    QString m_requestedRoom; // joined through /join: shown once the server confirms
    bool m_windowActive = true;
    bool m_lostConnection = false;
};

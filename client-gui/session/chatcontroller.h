#pragma once

#include "models/conversationmodel.h"
#include "session/commandparser.h"
#include "session/historyfetcher.h"
#include "session/serverconnection.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <memory>
#include <vector>

class ContactBook;
class FilePreviews;
class FileSharing;
class ContactListModel;
class ConversationStore;
class InputHandler;
class MemberListModel;
class MemberListUpdater;
class MessageArchive;
class Preferences;
class PresenceTracker;
class ReadMarkerSync;
class RoomDirectoryModel;
class RoomListModel;
class TypingNotifier;
class TypingTracker;

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
    ContactBook* contactBook() const { return m_contactBook; }
    PresenceTracker* presence() const { return m_presence; }
    // The members of the room on screen (empty for a private conversation).
    MemberListModel* members() const { return m_members; }
    TypingNotifier* typingNotifier() const { return m_typingNotifier; }
    TypingTracker* typingTracker() const { return m_typingTracker; }
    RoomListModel* rooms() const { return m_rooms; }
    ConversationStore* conversations() const { return m_conversations; }
    // The answer to the last /list.
    RoomDirectoryModel* roomDirectory() const { return m_directory; }
    Preferences* preferences() const { return m_preferences; }
    // Keeps every conversation in a local database (directory empty: the default place) and
    // fills conversations from it when they open. Off until called (tests choose).
    MessageArchive* enableArchive(const QString& directory = {});
    MessageArchive* archive() const { return m_archive; }
    HistoryFetcher* history() const { return m_history; }
    ReadMarkerSync* readMarkers() const { return m_readMarkers; }
    // Files and pictures sent through the server's file host.
    FileSharing* fileSharing() const { return m_fileSharing; }
    // What the conversations show of the files people sent.
    FilePreviews* filePreviews() const { return m_filePreviews; }

    ConversationModel* activeConversation() const { return m_active; }
    QString lastPrivateSender() const { return m_lastPrivateSender; }
    // Whether the user is looking at the window; unread counts only grow when not.
    void setWindowActive(bool active);
    bool isWindowActive() const { return m_windowActive; }

    // For the input handlers.
    QString activeTarget() const; // the active conversation's room or person; empty if none
    // What Tab completes to in the input line: the people in the active room (or the person of
    // a private conversation), then the rooms we are in. Never our own nick.
    QStringList completionNames() const;
    // The name to show for nick: their display name when it says more than the nick; else empty.
    QString displayNameOf(const QString& nick) const;
    // A line in the active conversation (else the first one); error: shown as an error.
    void showInfo(const QString& text, bool error = false);
    void requestConversation(ConversationModel* conversation);
    // A /join: its conversation is shown once the server confirms.
    void expectJoin(const QString& room) { m_requestedRoom = room; }
    void requestQuit();
    void requestHelp() { emit helpRequested(); }
    // LIST: the directory empties and fills again; the UI is asked to show it.
    void requestRoomList();

public slots:
    // The conversation on screen (nullptr: none). Marks it read.
    void setActiveConversation(ConversationModel* conversation);
    // Text typed in the input line: a message for the active conversation or a command.
    void submitInput(const QString& line);
    // Sends text to the active conversation without looking for commands (pasted lines).
    void sendText(const QString& text);
    void openPrivateConversation(const QString& nick);
    void replyToLast();
    // The menu's ways to do what /join, /nick, /away (empty: back) and /whois do, through the
    // same input handlers.
    void joinRoom(const QString& room);
    void changeNick(const QString& nick);
    void setAway(const QString& message);
    void whois(const QString& nick);
    // The user's display name (any script): now if the server can change it, else next login.
    // Remembered in the settings.
    void setDisplayName(const QString& name);
    // The user scrolled to the top of conversation: its older history is asked for (BEFORE).
    void loadOlder(ConversationModel* conversation);
    // The user's contacts: added (a person's name) or removed; a refusal is shown as a line.
    void addContact(const QString& name);
    void removeContact(const QString& name);

signals:
    // The UI should show this conversation (the user asked for it).
    void conversationRequested(ConversationModel* conversation);
    // Someone wrote to us privately (for notifications).
    void privateMessageArrived(const QString& from, const QString& text);
    // Someone named us in a room (for notifications).
    void mentioned(const QString& room, const QString& from, const QString& text);
    void quitRequested();
    void helpRequested();
    void roomDirectoryRequested();

private:
    void requestOlderFromServer(ConversationModel* conversation);
    void onRegistered(const QString& nick);
    void onStateChanged(ServerConnection::State state);
    void onPrivateMessage(const ChatMessage& received);
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
    void execute(CommandParser::Kind kind, const QString& target, const QString& text = {});
    void onWhoisReceived(const WhoisInfo& info);
    void countUnread(ConversationModel* conversation, bool own);
    // The user sees conversation: read up to its newest line, here and on the other devices.
    void noteRead(ConversationModel* conversation);
    void onHistory(const QString& target, bool isRoom, const QList<ChatMessage>& messages,
                   HistoryFetcher::Kind kind);
    void onReadMarker(const QString& target, const QDateTime& time);
    void onRecipientOffline(const QString& nick);
    void syncCaseMapping();
    void learnRealNames(const QStringList& nicks);
    void createContactsAndMembers();

    ServerConnection* m_connection;
    ContactListModel* m_contacts;
    ContactBook* m_contactBook = nullptr;
    PresenceTracker* m_presence = nullptr;
    MemberListModel* m_members = nullptr;
    MemberListUpdater* m_memberUpdater = nullptr;
    TypingNotifier* m_typingNotifier = nullptr;
    TypingTracker* m_typingTracker = nullptr;
    RoomListModel* m_rooms;
    RoomDirectoryModel* m_directory;
    Preferences* m_preferences;
    ConversationStore* m_conversations;
    MessageArchive* m_archive = nullptr;
    HistoryFetcher* m_history;
    ReadMarkerSync* m_readMarkers;
    FileSharing* m_fileSharing;
    FilePreviews* m_filePreviews;
    std::vector<std::unique_ptr<InputHandler>> m_inputHandlers;
    QPointer<ConversationModel> m_active;
    QHash<QString, QString> m_awayReplyShown; // nick -> the 301 text last shown
    QSet<QString> m_offlineNoted; // told "will be delivered when … returns", until they write
    QString m_lastPrivateSender;
    QString m_requestedRoom; // joined through /join: shown once the server confirms
    bool m_windowActive = true;
    bool m_lostConnection = false;
};

#pragma once

#include "models/chatmessage.h"
#include "session/ircbatch.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class ServerConnection;

// Never lose a conversation (IRCv3 draft/chathistory). On every registration it asks which
// conversations had messages since the newest one seen (CHATHISTORY TARGETS) and fetches what
// each private one missed (LATEST after the newest line known, else the latest page); a room's
// when the room is (re)joined. Older pages on request (BEFORE). The answers come as history
// batches; their messages are announced with historyReceived, oldest first, for the
// conversations to merge by msgid and server time.
//
// On a server without draft/chathistory and batch it sends nothing and announces nothing.
class HistoryFetcher : public QObject
{
    Q_OBJECT

public:
    enum class Kind {
        CatchUp, // what was missed while away (or the latest page of a conversation new here)
        Older,   // a page before the oldest line shown
    };
    Q_ENUM(Kind)

    static constexpr int DefaultPageSize = 50;
    static constexpr int MaxTargets = 50;         // conversations caught up per connection
    static constexpr int PendingTimeoutSecs = 30; // an unanswered request no longer blocks

    explicit HistoryFetcher(ServerConnection* connection, QObject* parent = nullptr);

    // Registered, with draft/chathistory and batch.
    bool isAvailable() const;
    // Messages asked for per request: DefaultPageSize (or setPageSize), at most CHATHISTORY=.
    int pageSize() const;
    void setPageSize(int messages) { m_pageSize = messages; }

    // Asks for the page before the oldest line known (by msgid, else by time). False when it
    // cannot now: no history on this server, a request for target still pending, or the
    // server said there is nothing older.
    bool requestOlder(const QString& target, const QString& oldestMsgid,
                      const QDateTime& oldestTime);
    bool isPending(const QString& target) const;
    bool hasOlder(const QString& target) const;

signals:
    // target: the room, or the other person of a private conversation.
    void historyReceived(const QString& target, bool isRoom, const QList<ChatMessage>& messages,
                         HistoryFetcher::Kind kind);

private:
    void onRegistered();
    void onFailed(const QString& command, const QString& code, const QStringList& context,
                  const QString& text);
    void onRoomJoined(const QString& room);
    void onBatch(const IrcBatch& batch);
    void onTargets(const IrcBatch& batch);
    void onHistory(const IrcBatch& batch);
    void requestLatest(const QString& target);
    void request(const QString& target, Kind kind, const QString& subcommand,
                 const QString& selector);
    void remember(const QString& conversation, const ChatMessage& message);

    struct Newest
    {
        QDateTime time;
        QString msgid;
    };
    struct Pending
    {
        Kind kind = Kind::CatchUp;
        QDateTime sentAt;
    };

    ServerConnection* m_connection;
    int m_pageSize = DefaultPageSize;
    QHash<QString, Newest> m_newest;   // by folded conversation: the newest message seen
    QHash<QString, Newest> m_catchUp;  // m_newest as it was at registration: what was missed
    QDateTime m_lastSeen;              // the newest message of all
    QDateTime m_catchUpSince;          // m_lastSeen at registration
    QHash<QString, Pending> m_pending; // by folded target
    QSet<QString> m_exhausted;         // folded targets with nothing older on the server
};

#pragma once

#include "models/chatmessage.h"
#include "session/ircbatch.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

class QTimer;
class ServerConnection;

// Never lose a conversation (IRCv3 draft/chathistory). On every registration it asks which
// conversations had messages since the newest one seen (CHATHISTORY TARGETS) and fetches what
// each private one missed (LATEST after the newest line known, else the latest page); a room's
// when the room is (re)joined. When the latest page is full, more was missed than a page: the
// hole between the newest line known and that page is filled with BETWEEN, page by page from
// the newest down (at most MaxGapPages), before the whole catch-up is announced at once. Older
// pages on request (BEFORE). The answers come as history batches; their messages are announced
// with historyReceived, oldest first, for the conversations to merge by msgid and server time.
//
// After a restart the newest line known of each conversation comes from the local store
// (seedNewest); while the store is being read (holdCatchUp) the catch-up waits for it, at most
// SeedTimeoutMs.
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
    // Pages asked for to fill the hole below a full latest page; what is older stays missing.
    static constexpr int MaxGapPages = 20;
    static constexpr int SeedTimeoutMs = 3000; // the local store's newest lines, at most

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

    // The local store is being read: a catch-up due now waits until releaseCatchUp() (or
    // SeedTimeoutMs).
    void holdCatchUp();
    void releaseCatchUp();
    // The newest message of a conversation known from elsewhere (the local store after a
    // restart): catch-ups ask only for what came after it.
    void seedNewest(const QString& conversation, const QDateTime& time, const QString& msgid);

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
    void startCatchUp();
    void requestLatest(const QString& target);
    bool startGap(const QString& target, bool isRoom, const QList<ChatMessage>& latest);
    void requestGapPage(const QString& folded);
    void onGapPage(const QString& target, bool isRoom, const QList<ChatMessage>& page);
    void finishGap(const QString& folded);
    void finishAllGaps();
    void announceCatchUp(const QString& target, bool isRoom, const QList<ChatMessage>& messages);
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
        bool gap = false; // a page of the hole below the latest page
    };
    // A catch-up whose latest page was full: held until the hole below it is filled.
    struct Gap
    {
        QString target;
        bool isRoom = false;
        QString lower;               // selector: the newest message known before
        QList<ChatMessage> messages; // received so far, oldest first
        int pages = 0;               // asked for
    };

    ServerConnection* m_connection;
    int m_pageSize = DefaultPageSize;
    QHash<QString, Newest> m_newest;   // by folded conversation: the newest message seen
    QHash<QString, Newest> m_catchUp;  // m_newest as it was at registration: what was missed
    QDateTime m_lastSeen;              // the newest message of all
    QDateTime m_catchUpSince;          // m_lastSeen at registration
    QHash<QString, Pending> m_pending; // by folded target
    QSet<QString> m_exhausted;         // folded targets with nothing older on the server
    QHash<QString, Gap> m_gaps;        // by folded target
    QTimer* m_gapTimer;                // an unanswered gap page: what came is shown
    QTimer* m_seedTimer;               // the store did not answer: catch up without it
    bool m_holding = false;            // holdCatchUp() until releaseCatchUp()
    bool m_catchUpDeferred = false;    // registered while holding: the catch-up is due
    QStringList m_deferredRooms;       // joined while holding
};

#pragma once

#include "models/chatmessage.h"

#include <QAbstractListModel>
#include <QDateTime>

#include <deque>

// The lines of one conversation (a room or one person): messages with the server's timestamp and
// sender, and system lines ("alice joined"). Bounded: the oldest lines go first.
//
// Live lines are appended in the order they arrive (the client's and the server's clocks may
// differ, so their times are not compared); older lines (history) are inserted by server time.
// A message with a msgid is kept once, and found by it.
class ConversationModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        TimeRole = Qt::UserRole + 1,
        SenderRole,
        TextRole,
        KindRole,
        IsOwnRole,
        StatusRole,
        MsgidRole,
        MentionRole,    // the line names the user
        SenderNameRole, // the sender's display name; empty: the nick says it all
        DayRole,        // QDate: the day of TimeRole in local time
        LineIdRole,     // quint64: this line's id, unique in the process (views key caches by it)
    };
    Q_ENUM(Role)

    enum class Kind { Message, Action, Notice, System, Error };
    Q_ENUM(Kind)
    enum class Status { Sent, Pending, Failed };
    Q_ENUM(Status)

    static constexpr int MaxLines = 5000;

    ConversationModel(const QString& name, bool isRoom, QObject* parent = nullptr);

    QString name() const { return m_name; }
    void setName(const QString& name);
    bool isRoom() const { return m_isRoom; }
    int unreadCount() const { return m_unread; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Convenience for tests and views.
    QString textAt(int row) const;
    QString lastText() const { return m_lines.empty() ? QString() : textAt(rowCount() - 1); }
    // The row of the message with this msgid, or -1.
    int rowOfMsgid(const QString& msgid) const
    {
        const auto it = m_rowByMsgid.constFind(msgid);
        return it == m_rowByMsgid.cend() ? -1 : *it + m_msgidRowBase;
    }

    // The oldest message shown (where older history continues): its msgid and time; empty and
    // invalid when there is none.
    QString oldestMsgid() const;
    QDateTime oldestMessageTime() const;
    // The time of the newest message: up to where the user has read once it is shown.
    QDateTime newestMessageTime() const;
    // Everything up to this time is read (this device or another); invalid: not known.
    QDateTime readMarker() const { return m_readMarker; }
    // How rows group on screen (asked for every row at each layout, so answered without
    // QVariants): the row's local day differs from the row before's (or it is the first); the
    // row is a message of the same sender as the message right before it, the same day, at most
    // gapSeconds later, and the divider is not before it.
    bool startsDay(int row) const;
    bool continuesGroup(int row, int gapSeconds) const;
    // The row is said by someone (a message, an action, a notice), not a system line.
    bool isSpoken(int row) const { return isMessage(m_lines.at(row)); }
    // The row before which the "new messages" divider goes: the first unread message when the
    // conversation was opened (placeDivider); -1 for none.
    int dividerRow() const;

public slots:
    // A live message, at the end. False if its msgid is already here.
    bool appendMessage(const ChatMessage& message);
    // A message from before (history), placed by its time after lines of the same time.
    // False if its msgid is already here.
    bool insertMessage(const ChatMessage& message);
    // A message of a page older than what is shown (history asked for by scrolling up),
    // placed by its time before lines of the same time. False if its msgid is already here.
    bool insertOlderMessage(const ChatMessage& message);
    void appendSystem(const QString& text, const QDateTime& time = {});
    void appendError(const QString& text);
    bool setQueuedStatus(quint64 queueId, ConversationModel::Status status);
    // The newest own line with this text that counts as sent is marked Failed. False if none.
    bool markOwnFailed(const QString& text);
    void addUnread();
    // Read up to the newest message: no unread ones; the read marker moves there.
    void markRead();
    // Another device has read up to time (the server's MARKREAD): the marker moves forward,
    // and messages of others up to it no longer count as unread.
    void setReadMarker(const QDateTime& time);
    // Puts the "new messages" divider before the first unread message (none when all is read).
    void placeDivider();
    // Moves the divider before the first message of others from time on (what came while the
    // conversation was on screen but the connection was not).
    void placeDividerAt(const QDateTime& time);

signals:
    void nameChanged(const QString& name);
    void unreadCountChanged(int count);
    void readMarkerChanged(const QDateTime& time);
    void dividerChanged();

private:
    struct Line
    {
        QDateTime time;
        QDate day; // of time, local
        quint64 id = 0;
        QString sender;
        QString senderName;
        QString text;
        Kind kind = Kind::Message;
        bool isOwn = false;
        bool isMention = false;
        Status status = Status::Sent;
        quint64 queueId = 0;
        QString msgid;
    };

    static Line lineFor(const ChatMessage& message);
    static bool isMessage(const Line& line);
    void setDividerTime(const QDateTime& time);
    void append(const Line& line);
    bool insertByTime(const ChatMessage& message, bool beforeSameTime);
    void insertAt(int row, const Line& line);
    void dropOldest();
    void reindexFrom(int row);

    QString m_name;
    bool m_isRoom;
    int m_unread = 0;
    QDateTime m_readMarker;
    QDateTime m_dividerTime; // the divider goes before the first message of others from it on
    static constexpr int UnknownRow = -2;
    mutable int m_dividerRow = UnknownRow; // dividerRow(), once worked out
    // A deque: pages of history go in at the front without moving the rows already there (a
    // list moves every row when it grows at the front: 40 ms at 40 000 rows).
    std::deque<Line> m_lines;
    QHash<QString, int> m_rowByMsgid; // msgid -> row - m_msgidRowBase
    int m_msgidRowBase = 0;
};

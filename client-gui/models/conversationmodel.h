#pragma once

#include "models/chatmessage.h"

#include <QAbstractListModel>
#include <QDateTime>

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
    QString lastText() const { return m_lines.isEmpty() ? QString() : textAt(rowCount() - 1); }
    // The row of the message with this msgid, or -1.
    int rowOfMsgid(const QString& msgid) const { return m_rowByMsgid.value(msgid, -1); }

public slots:
    // A live message, at the end. False if its msgid is already here.
    bool appendMessage(const ChatMessage& message);
    // A message from before (history), placed by its time after lines of the same time.
    // False if its msgid is already here.
    bool insertMessage(const ChatMessage& message);
    void appendSystem(const QString& text, const QDateTime& time = {});
    void appendError(const QString& text);
    bool setQueuedStatus(quint64 queueId, ConversationModel::Status status);
    // The newest own line with this text that counts as sent is marked Failed. False if none.
    bool markOwnFailed(const QString& text);
    void addUnread();
    void markRead();

signals:
    void nameChanged(const QString& name);
    void unreadCountChanged(int count);

private:
    struct Line
    {
        QDateTime time;
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
    void append(const Line& line);
    void insertAt(int row, const Line& line);
    void dropOldest();
    void reindexFrom(int row);

    QString m_name;
    bool m_isRoom;
    int m_unread = 0;
    QList<Line> m_lines;
    QHash<QString, int> m_rowByMsgid;
};

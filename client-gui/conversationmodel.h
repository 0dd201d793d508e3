#pragma once

#include "chatmessage.h"

#include <QAbstractListModel>
#include <QDateTime>

// The lines of one conversation (a room or one person): messages with the server's timestamp and
// sender, and system lines ("alice joined"). Bounded: the oldest lines go first.
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

public slots:
    void appendMessage(const ChatMessage& message);
    void appendSystem(const QString& text, const QDateTime& time = {});
    void appendError(const QString& text);
    bool setQueuedStatus(quint64 queueId, ConversationModel::Status status);
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
        QString text;
        Kind kind = Kind::Message;
        bool isOwn = false;
        Status status = Status::Sent;
        quint64 queueId = 0;
    };

    void append(const Line& line);

    QString m_name;
    bool m_isRoom;
    int m_unread = 0;
    QList<Line> m_lines;
};

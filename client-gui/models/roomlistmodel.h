#pragma once

#include "irccasemapping.h"

#include <QAbstractListModel>
#include <QStringList>

// The group rooms the user is in, with their topics and unread counts.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        TopicRole,
        UnreadRole,
        JoinedRole,
    };
    Q_ENUM(Role)

    explicit RoomListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }
    int indexOf(const QString& room) const;
    bool contains(const QString& room) const { return indexOf(room) >= 0; }
    QStringList names() const;
    QString topic(const QString& room) const;
    bool isJoined(const QString& room) const;
    int unreadCount(const QString& room) const;

public slots:
    void addRoom(const QString& room); // joined
    void removeRoom(const QString& room);
    void setJoined(const QString& room, bool joined);
    void setAllJoined(bool joined);
    void setTopic(const QString& room, const QString& topic);
    void setUnreadCount(const QString& room, int count);

private:
    struct Room
    {
        QString name;
        QString topic;
        int unread = 0;
        bool joined = true;
    };

    void changed(int row);

    IrcCaseMapping m_caseMapping;
    QList<Room> m_rooms;
};

#pragma once

#include "irccasemapping.h"

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

// Everyone online that shares a room with us, kept live by joins, leaves, quits, renames and
// away changes. One row per person (not per room); the user's own nick is never listed.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NickRole = Qt::UserRole + 1,
        AwayRole,
        AwayMessageRole,
        UnreadRole,
        RoomsRole,
        DisplayNameRole, // the display name (real name) when it says more than the nick; else empty
        SearchRole,      // what the filter matches: nick and display name
    };
    Q_ENUM(Role)

    explicit ContactListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }
    void setOwnNick(const QString& nick);

    int indexOf(const QString& nick) const; // -1 if absent
    bool contains(const QString& nick) const { return indexOf(nick) >= 0; }
    QStringList nicks() const;
    bool isAway(const QString& nick) const;
    QString awayMessage(const QString& nick) const;
    QString displayName(const QString& nick) const;
    int unreadCount(const QString& nick) const;

public slots:
    void addMember(const QString& room, const QString& nick);
    void removeMember(const QString& room, const QString& nick);
    void setMembers(const QString& room, const QStringList& nicks); // NAMES: replaces the room
    void removeRoom(const QString& room);
    void removeUser(const QString& nick);
    void renameUser(const QString& oldNick, const QString& newNick);
    void setAway(const QString& nick, bool away, const QString& message = {});
    void setDisplayName(const QString& nick, const QString& name);
    void setUnreadCount(const QString& nick, int count);
    void clear();

private:
    struct Contact
    {
        QString nick;
        QString displayName;
        bool away = false;
        QString awayMessage;
        int unread = 0;
        QSet<QString> rooms; // folded
    };

    static QString label(const Contact& contact); // "小明 (xiaoming)", or the nick
    void removeRow(int row);
    void changed(int row);

    IrcCaseMapping m_caseMapping;
    QString m_ownNick;
    QList<Contact> m_contacts;
    QHash<QString, int> m_pendingUnread; // unread from people not online (folded nick)
};

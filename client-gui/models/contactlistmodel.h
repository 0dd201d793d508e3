#pragma once

#include "irccasemapping.h"
#include "models/contactpresence.h"

#include <QAbstractListModel>
#include <QHash>
#include <QStringList>

// The user's contacts (ContactBook) with what is known of them (PresenceTracker): online, away
// with the message, offline with when they were last seen, or unknown; their display name and
// unread private messages. People who merely share a room are not here: the room's member list
// (MemberListModel) shows them. SortRole puts the online first, then away, then the others.
class ContactListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NickRole = Qt::UserRole + 1, // the contact's name
        AwayRole,
        AwayMessageRole,
        UnreadRole,
        DisplayNameRole, // the display name (real name) when it says more than the nick; else empty
        SearchRole,      // what the filter matches: nick and display name
        PresenceRole,    // ContactPresence::State as int
        LastSeenRole,    // QDateTime, invalid when never seen
        SortRole,        // online first, then away, then offline or unknown; by name within
    };
    Q_ENUM(Role)

    explicit ContactListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }

    int indexOf(const QString& nick) const; // -1 if absent
    bool contains(const QString& nick) const { return indexOf(nick) >= 0; }
    QStringList nicks() const;
    ContactPresence presence(const QString& nick) const;
    bool isAway(const QString& nick) const;
    QString awayMessage(const QString& nick) const;
    QString displayName(const QString& nick) const;
    int unreadCount(const QString& nick) const;

public slots:
    void setContacts(const QStringList& names); // replaces all
    void addContact(const QString& name);
    void removeContact(const QString& name);
    void setPresence(const QString& name, const ContactPresence& presence);
    void setDisplayName(const QString& nick, const QString& name);
    void setUnreadCount(const QString& nick, int count);

private:
    struct Contact
    {
        QString nick;
        QString displayName;
        ContactPresence presence;
        int unread = 0;
    };

    static QString label(const Contact& contact); // "小明 (xiaoming)", or the nick
    static QString stateText(const Contact& contact);
    void changed(int row);

    IrcCaseMapping m_caseMapping;
    QList<Contact> m_contacts;
    QHash<QString, int> m_pendingUnread; // unread from people who are not contacts (folded)
};

#pragma once

#include "irccasemapping.h"

#include <QAbstractListModel>
#include <QStringList>

// Who is in one room (the one on screen), with their membership prefixes ("@" operator, "+"
// voice, as the server's PREFIX names them), away state and display name. Fed whole from
// NetworkState after each change (setMembers works out the rows that changed); SortRole puts
// the highest prefixes first, then sorts by nick.
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NickRole = Qt::UserRole + 1,
        PrefixesRole, // all of the member's prefixes, highest first ("@+")
        AwayRole,
        AwayMessageRole,
        DisplayNameRole, // the display name when it says more than the nick; else empty
        SearchRole,      // nick and display name
        SortRole,
    };
    Q_ENUM(Role)

    struct Member
    {
        QString nick;
        QString prefixes;
        bool away = false;
        QString awayMessage;
        QString displayName;

        friend bool operator==(const Member& a, const Member& b)
        {
            return a.nick == b.nick && a.prefixes == b.prefixes && a.away == b.away &&
                   a.awayMessage == b.awayMessage && a.displayName == b.displayName;
        }
    };

    explicit MemberListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setCaseMapping(IrcCaseMapping mapping) { m_caseMapping = mapping; }
    // The server's PREFIX symbols, highest first ("~&@%+"); they order the list.
    void setPrefixSymbols(const QString& symbols) { m_prefixSymbols = symbols; }

    QString room() const { return m_room; }
    int indexOf(const QString& nick) const; // -1 if absent
    bool contains(const QString& nick) const { return indexOf(nick) >= 0; }
    QStringList nicks() const;
    QString prefixesOf(const QString& nick) const;

public slots:
    // The room's members now: another room replaces the rows; the same room changes only the
    // rows that differ. An empty room name: no room (a private conversation).
    void setMembers(const QString& room, const QList<Member>& members);
    void clear() { setMembers({}, {}); }

private:
    static QString label(const Member& member);

    IrcCaseMapping m_caseMapping;
    QString m_prefixSymbols = QStringLiteral("@+");
    QString m_room;
    QList<Member> m_members;
};

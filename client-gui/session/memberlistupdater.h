#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class MemberListModel;
class ServerConnection;

// Keeps the member list (MemberListModel) of the room on screen in step with the connection:
// joins, leaves, kicks, quits, renames, NAMES and MODE changes reach it from NetworkState, with
// who is away (which it remembers for everyone, as the controller tells it) and display names.
class MemberListUpdater : public QObject
{
    Q_OBJECT

public:
    using DisplayNameOf = std::function<QString(const QString& nick)>;

    MemberListUpdater(ServerConnection* connection, MemberListModel* model,
                      DisplayNameOf displayNameOf, QObject* parent = nullptr);

    // The room whose members are shown; empty: none (a private conversation).
    void setRoom(const QString& room);
    QString room() const { return m_room; }

    bool isAway(const QString& nick) const { return m_away.contains(fold(nick)); }
    QString awayMessage(const QString& nick) const { return m_away.value(fold(nick)); }
    void setAway(const QString& nick, bool away, const QString& message);
    // The display name last known, even after the connection forgot it (a quit being told).
    QString lastDisplayName(const QString& nick) const { return m_names.value(fold(nick)); }

private:
    void refresh();
    QString fold(const QString& nick) const;

    ServerConnection* m_connection;
    MemberListModel* m_model;
    DisplayNameOf m_displayNameOf;
    QString m_room;
    QHash<QString, QString> m_away;  // folded nick -> away message (present: away)
    QHash<QString, QString> m_names; // folded nick -> display name
};

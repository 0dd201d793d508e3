#pragma once

#include "irccasemapping.h"
#include "ircisupport.h"
#include "session/roommember.h"

#include <QHash>
#include <QStringList>
#include <QUrl>

// What the client knows about the network it is on: its own nick and away state, what the
// server supports (ISUPPORT, casemapping), the rooms it is in (or will rejoin) and who is in
// each of them. Room membership is kept here and only here. A plain value without signals:
// ServerConnection changes it as events arrive and announces the changes.
class NetworkState
{
public:
    // A new connection: what the server said is forgotten; the rooms to rejoin are kept.
    void resetForConnection();

    QString nick() const { return m_nick; }
    void setNick(const QString& nick) { m_nick = nick; }
    bool isOwnNick(const QString& nick) const { return m_caseMapping.equals(nick, m_nick); }
    QString serverName() const { return m_serverName; }
    void setServerName(const QString& name) { m_serverName = name; }
    bool isAway() const { return m_away; }
    QString awayMessage() const { return m_awayMessage; }
    void setAway(bool away) { m_away = away; }
    void setAwayMessage(const QString& message) { m_awayMessage = message; }

    const IrcISupport& serverSupport() const { return m_isupport; }
    void addISupport(const QStringList& params);
    IrcCaseMapping caseMapping() const { return m_caseMapping; }
    QString fold(const QString& name) const { return m_caseMapping.fold(name); }
    bool isRoomName(const QString& target) const;
    // Where files are uploaded (soju.im/FILEHOST): an absolute https URL, else empty (not
    // announced, or not https: credentials never go over plain HTTP).
    QUrl fileHostUrl() const;

    // Rooms as first named (display names), in join order: joined, or to join after connecting.
    QStringList rooms() const { return m_rooms; }
    bool hasRoom(const QString& room) const;
    // The name as first named, when it is one of ours; otherwise as given.
    QString displayRoomName(const QString& room) const;
    QStringList members(const QString& room) const;
    // The members with their prefixes, in the order they became known.
    QList<RoomMember> memberList(const QString& room) const { return m_members.value(fold(room)); }
    // "@+", "+" or "" (also when nick is not in the room).
    QString prefixesOf(const QString& room, const QString& nick) const;
    bool isMember(const QString& room, const QString& nick) const;
    // The rooms this person shares with us.
    QStringList roomsOf(const QString& nick) const;

    // We joined (the server confirmed): the room is kept, with nobody known in it yet.
    void joinRoom(const QString& room);
    // To join after connecting.
    void addRoomToJoin(const QString& room);
    // We left, were kicked, or dropped it while offline.
    void removeRoom(const QString& room);
    // Everyone forgotten (connection lost); the rooms stay, to rejoin.
    void clearMembers();

    void addMember(const QString& room, const QString& nick);
    bool removeMember(const QString& room, const QString& nick);
    // A quit: gone from every room. Returns the rooms they were in.
    QStringList removeUser(const QString& nick);
    // A rename everywhere (our own nick too). Returns the rooms they are in.
    QStringList renameUser(const QString& oldNick, const QString& newNick);

    // Real names (display names) as WHO, WHOIS, extended-join and SETNAME tell them; empty if
    // not known. Forgotten when the person quits; they follow a rename.
    QString realName(const QString& nick) const { return m_realNames.value(fold(nick)); }
    void setRealName(const QString& nick, const QString& realName);

    // A MODE on a room: the membership modes in it (+o, -v… as PREFIX says) change the members'
    // prefixes; the other modes only take their arguments (CHANMODES). Returns the nicks whose
    // prefixes changed, each once.
    QStringList applyModes(const QString& room, const QString& modes, const QStringList& args);

    // NAMES: 353 lines collect (with prefixes), 366 replaces the room's members. Returns the nicks.
    void addNames(const QString& room, const QStringList& names);
    QStringList endNames(const QString& room);

    // "@#ops" -> "#ops", "+bob" -> "bob": the membership prefixes the server uses, removed.
    QString stripPrefixes(const QString& name) const;

private:
    // The prefixes in PREFIX rank order, each once.
    QString sortedPrefixes(const QString& prefixes) const;
    RoomMember parseName(const QString& name) const; // "@+bob!b@h" -> {bob, "@+"}

    QString m_nick;
    QString m_serverName;
    bool m_away = false;
    QString m_awayMessage;
    IrcISupport m_isupport;
    IrcCaseMapping m_caseMapping;
    QStringList m_rooms;                              // display names, in join order
    QHash<QString, QList<RoomMember>> m_members;      // folded room -> members
    QHash<QString, QList<RoomMember>> m_pendingNames; // folded room -> members from 353 so far
    QHash<QString, QString> m_realNames;              // folded nick -> real name
};

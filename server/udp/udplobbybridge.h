#pragma once

#include "udp/udpendpoint.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

class ClientConnection;
class IrcMessage;
class ServerCore;
class UdpMemberConnection;
class UdpRoom;

// Bridges the UDP room into an IRC room (#lobby unless configured): each live UDP client is a
// user of the server core, with a nick made from its address, that joins the room and quits
// when the client falls silent; its texts are that user's PRIVMSGs to the room, and the room's
// PRIVMSGs and NOTICEs from IRC users reach it as "nick" + LF + text (docs/UDP-ROOM.md).
// Texts between UDP clients are the UdpRoom's own broadcast and are not relayed twice.
class UdpLobbyBridge : public QObject
{
    Q_OBJECT

public:
    // Neither room nor core is owned; both must outlive the bridge.
    UdpLobbyBridge(UdpRoom* room, ServerCore* core, const QString& channel,
                   QObject* parent = nullptr);
    // The members' users that are still there quit ("UDP room closed").
    ~UdpLobbyBridge() override;

    // The room's nick for the member, or empty if it is not (or no longer) a member.
    QString nickOf(const UdpEndpoint& endpoint) const;
    int memberCount() const { return int(m_members.size()); }

    // The nick a member at endpoint asks for first: "udp-" and its address and port with '-'
    // for '.' and ':' ("udp-192-168-1-20-40000"), or "udp-" and a hash of them when that is
    // longer than nickLength. Always a valid nick of at most nickLength (at least 9).
    static QString baseNick(const UdpEndpoint& endpoint, int nickLength);
    // The nth alternative to base when it is taken: base, shortened to fit, + "_" + n (n >= 2).
    static QString alternativeNick(const QString& base, int n, int nickLength);

private:
    void onMemberJoined(const UdpEndpoint& endpoint);
    void onMemberLeft(const UdpEndpoint& endpoint);
    void onTextReceived(const UdpEndpoint& from, const QString& text);
    // A line the core sent to a member's user.
    void onMessage(UdpMemberConnection* connection, const IrcMessage& message);
    // The core closed a member's user (KILL, server shutdown): the UDP client is forgotten.
    void onClosed(UdpMemberConnection* connection, const QString& reason);
    bool registerMember(UdpMemberConnection* connection);
    void forget(UdpMemberConnection* connection);

    UdpRoom* m_room;
    ServerCore* m_core;
    QString m_channel;
    QString m_foldedChannel;
    QHash<UdpEndpoint, UdpMemberConnection*> m_members;
    QSet<const ClientConnection*> m_connections; // of m_members, to know a UDP sender
};

#pragma once

#include "config/serverconfig.h"
#include "udp/udpendpoint.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>

class QTimer;
class QUdpSocket;

// The seed's UDP chat room, served exactly as the original server did (docs/UDP-ROOM.md):
// clients send UTF-8 text datagrams, "#ping#" every 5 s as a heartbeat; a client silent for
// longer than the timeout is forgotten; every text datagram goes to every live client as
// "ip:port" + LF + text. Bounded: datagram size, members, datagrams per second per source
// address; what breaks a bound or is not UTF-8 is dropped and counted. Knows nothing of IRC:
// UdpLobbyBridge connects it to a room through its signals and sendTo().
class UdpRoom : public QObject
{
    Q_OBJECT

public:
    // Why a datagram was dropped.
    enum class Drop { TooLong, InvalidUtf8, RateLimited, RoomFull };
    Q_ENUM(Drop)

    // The heartbeat datagram: keeps its sender live, never broadcast.
    static constexpr char Heartbeat[] = "#ping#";

    explicit UdpRoom(const ServerConfig& config, QObject* parent = nullptr);
    ~UdpRoom() override;

    // Binds port on every address (port 0: one ephemeral port, the same on all); false +
    // errorString() if one cannot be bound, in which case nothing is bound.
    bool listen(const QList<QHostAddress>& addresses, quint16 port);
    QString errorString() const { return m_errorString; }
    quint16 port() const;
    // Stops serving: the sockets close and the members are forgotten without memberLeft().
    void close();

    int memberCount() const { return int(m_members.size()); }
    bool isMember(const UdpEndpoint& endpoint) const { return m_members.contains(endpoint); }
    QList<UdpEndpoint> members() const { return m_members.keys(); }
    // Forgets a member without memberLeft() (its bridged user was removed otherwise: KILL). Its
    // next datagram makes it a member again.
    void removeMember(const UdpEndpoint& endpoint);

    // Datagrams dropped so far, for one reason or in all.
    qint64 dropped(Drop reason) const { return m_dropped[int(reason)]; }
    qint64 droppedTotal() const;

    // "label" + LF + text to the member, cut at a character boundary to fit the datagram size
    // the original client reads. Nothing if it is not a member.
    void sendTo(const UdpEndpoint& endpoint, const QString& label, const QString& text);

signals:
    // A new live client (its first datagram, heartbeat or text).
    void memberJoined(const UdpEndpoint& endpoint);
    // Silent for longer than the timeout: forgotten.
    void memberLeft(const UdpEndpoint& endpoint);
    // A text datagram, after it has been broadcast to the members (the sender is a member).
    void textReceived(const UdpEndpoint& from, const QString& text);

private:
    struct Member
    {
        QUdpSocket* socket; // the one it sent to: replies leave from the address it knows
        qint64 lastSeenMs;
    };
    struct Bucket // datagrams allowed from one address (a token bucket)
    {
        double tokens;
        qint64 updatedMs;
    };

    void onReadyRead(QUdpSocket* socket);
    void onExpiryTick();
    void handleDatagram(QUdpSocket* socket, const UdpEndpoint& from, const QByteArray& bytes);
    bool takeToken(const QHostAddress& address, qint64 nowMs);
    void drop(Drop reason, const UdpEndpoint& from, qint64 bytes);
    bool touchMember(QUdpSocket* socket, const UdpEndpoint& from, qint64 nowMs, qint64 bytes);
    void send(const Member& member, const UdpEndpoint& to, const QByteArray& datagram);
    // label + LF + text, cut to the datagram size at a UTF-8 character boundary.
    static QByteArray datagram(const QByteArray& label, const QByteArray& text);

    const int m_maxMembers;
    const int m_timeoutMs;
    const double m_rate;
    const int m_burst;
    QList<QUdpSocket*> m_sockets;
    QTimer* m_expiryTimer;
    QHash<UdpEndpoint, Member> m_members;
    QHash<QHostAddress, Bucket> m_buckets;
    qint64 m_dropped[4] = {};
    QElapsedTimer m_clock; // monotonic: a clock change neither expires nor keeps members
    QByteArray m_buffer;
    QString m_errorString;
};

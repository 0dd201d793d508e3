#pragma once

#include <QHash>
#include <QHostAddress>
#include <QString>

// Where a UDP room member sends from: its address and port. IPv4-mapped IPv6 addresses are
// kept as IPv4 (normalized()), so that one client is one endpoint whatever socket it reached.
struct UdpEndpoint
{
    QHostAddress address;
    quint16 port = 0;

    static UdpEndpoint normalized(const QHostAddress& address, quint16 port)
    {
        bool isIpv4 = false;
        const quint32 ipv4 = address.toIPv4Address(&isIpv4);
        return {isIpv4 ? QHostAddress(ipv4) : address, port};
    }

    // "ip:port", as the original server labels a member's texts ("::1:5000" for IPv6, as the
    // original prints it too).
    QString toString() const
    {
        QHostAddress plain = address;
        plain.setScopeId(QString());
        return plain.toString() + u':' + QString::number(port);
    }

    friend bool operator==(const UdpEndpoint& a, const UdpEndpoint& b)
    {
        return a.port == b.port && a.address == b.address;
    }
    friend bool operator!=(const UdpEndpoint& a, const UdpEndpoint& b) { return !(a == b); }
};

inline size_t qHash(const UdpEndpoint& endpoint, size_t seed = 0)
{
    return qHashMulti(seed, endpoint.address, endpoint.port);
}

#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMetaType>
#include <QString>

// One resolved DNS-SD service instance as Avahi reports it: a name and type seen on one network
// interface over one protocol (IPv4 or IPv6), with the host, address, port and TXT record it
// resolved to. A server on a LAN usually shows up several times (per interface, per protocol,
// per type); LanServerModel makes one row of them.
struct LanService
{
    int interfaceIndex = -1;
    int protocol = -1; // AvahiDbus::ProtocolInet or ProtocolInet6
    QString name;
    QString type; // IrcDnsSd::PlainServiceType or TlsServiceType
    QString domain;
    QString hostName;
    QHostAddress address;
    quint16 port = 0;
    QHash<QByteArray, QByteArray> txt; // TXT "key=value" entries; a bare "key" maps to ""
};

Q_DECLARE_METATYPE(LanService)

#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One DNS-SD service to announce: its type ("_irc._tcp"), port and TXT record entries
// ("key=value"). The instance name is the announcer's, shared by all its services.
struct DnsSdService
{
    QString type;
    quint16 port = 0;
    QList<QByteArray> txt;

    bool operator==(const DnsSdService& other) const
    {
        return type == other.type && port == other.port && txt == other.txt;
    }
};

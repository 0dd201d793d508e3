#pragma once

#include <QByteArray>
#include <QString>

// What the core knows about a connection when it is added: where it comes from and how it is
// protected. Decides, for example, whether a password may be sent over it.
struct ConnectionInfo
{
    QString host;          // shown in nick!user@host
    bool secure = false;   // TLS
    bool loopback = false; // from this machine
    // SHA-256 of the client's TLS certificate (DER), lower-case hex; empty without one.
    QByteArray certificateFingerprint;
};

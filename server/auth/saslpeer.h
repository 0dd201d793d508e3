#pragma once

#include <QByteArray>
#include <QString>

// What the SASL mechanisms may know about the connection that authenticates.
struct SaslPeer
{
    QString address;                   // for per-address throttling
    QByteArray certificateFingerprint; // TLS client certificate, SHA-256 hex (EXTERNAL)
};

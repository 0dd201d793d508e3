#pragma once

#include <QString>

// The server certificates the user has trusted (trust on first use), one SHA-256 fingerprint
// per server, kept in QSettings under SettingsKeys::CertificatePins with a key per host:port
// ("chat.example.org:6697", "[fe80::1]:6697"); host names are compared without case.
// Fingerprints are not secrets.
class CertificatePins
{
public:
    // The pinned fingerprint ("AB:CD:…"), or empty when none is.
    QString pin(const QString& host, quint16 port) const;
    void setPin(const QString& host, quint16 port, const QString& fingerprint);
    void removePin(const QString& host, quint16 port);

    // "host:port" as the settings key names it; empty for an empty host.
    static QString serverKey(const QString& host, quint16 port);
};

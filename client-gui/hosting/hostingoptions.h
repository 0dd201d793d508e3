#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

// Defaults of a chat hosted in the app. The ports are IRC's usual ones, so that IRC clients on
// the LAN find the server where they look first; when one is taken (a confabd already runs
// here), the next free one up to PortTries further is used.
namespace HostingDefaults {

constexpr quint16 Port = 6667;
constexpr quint16 TlsPort = 6697;
constexpr quint16 FilesPort = 6680; // the file host (HTTPS), as confabd's default
constexpr int PortTries = 20;
constexpr int StopTimeoutMs = 5000; // connections still open then are cut
constexpr int PasswordBytes = 24;   // random bytes of the host account's password for one run

} // namespace HostingDefaults

// How the app runs its hosted chat server (EmbeddedChatHost). The defaults serve the LAN;
// tests choose a data directory, ports and cheaper password hashing.
struct HostingOptions
{
    QString dataDir; // empty: "server" under the app's data location
    QList<QHostAddress> listenAddresses{QHostAddress::Any};
    quint16 port = HostingDefaults::Port;
    quint16 tlsPort = HostingDefaults::TlsPort;
    quint16 filesPort = HostingDefaults::FilesPort; // 0: one of the kernel's choosing
    int portTries = HostingDefaults::PortTries;
    bool announce = true;  // on the LAN, through Avahi
    QString announceName;  // empty: "<host's name> on <computer>"
    int scramIterations = 0; // 0: the server's default
    int stopTimeoutMs = HostingDefaults::StopTimeoutMs;

    QString effectiveDataDir() const;
};

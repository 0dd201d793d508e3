#pragma once

#include "config/serverconfig.h"
#include "discovery/dnssdservice.h"

#include <QList>
#include <QString>

// What a running server announces on the LAN (IrcDnsSd): its name and one service per open
// port, with the TXT record clients read before connecting.
namespace ServerAnnouncement {

// config.announceName, else the network name when it was changed from the default, else
// "Confab on <hostName>".
QString serviceName(const ServerConfig& config, const QString& hostName);

// _irc._tcp for plainPort and _ircs._tcp for tlsPort (0: not listening, not announced). The TXT
// record: txtvers, network, accounts (none without accounts, optional with them) and, for TLS,
// the certificate's fingerprint (as TlsContext::fingerprint gives it).
QList<DnsSdService> services(const ServerConfig& config, quint16 plainPort, quint16 tlsPort,
                             const QString& fingerprint, bool hasAccounts);

} // namespace ServerAnnouncement

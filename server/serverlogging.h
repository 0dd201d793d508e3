#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)  // confab.server: start, listen, shutdown, reload
Q_DECLARE_LOGGING_CATEGORY(lcSession) // confab.server.session: connections, drops
Q_DECLARE_LOGGING_CATEGORY(lcCore)    // confab.server.core: registration, quits, commands
Q_DECLARE_LOGGING_CATEGORY(lcTls)     // confab.server.tls: certificates, handshakes
Q_DECLARE_LOGGING_CATEGORY(lcAuth)    // confab.server.auth: accounts, logins (never secrets)
Q_DECLARE_LOGGING_CATEGORY(lcStorage) // confab.server.storage: database, migrations
Q_DECLARE_LOGGING_CATEGORY(lcHistory) // confab.server.history: history writes, queries, pruning
Q_DECLARE_LOGGING_CATEGORY(lcOper)    // confab.server.oper: every operator action, who did it
Q_DECLARE_LOGGING_CATEGORY(lcUdp)     // confab.server.udp: the UDP room, its members and drops
Q_DECLARE_LOGGING_CATEGORY(lcDiscovery) // confab.server.discovery: the LAN announcement (Avahi)
Q_DECLARE_LOGGING_CATEGORY(lcFiles)     // confab.server.files: the HTTPS file host, uploads, expiry
Q_DECLARE_LOGGING_CATEGORY(lcCluster)   // confab.server.cluster: the link to Redis (never passwords)

#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "confab.server")
Q_LOGGING_CATEGORY(lcSession, "confab.server.session")
Q_LOGGING_CATEGORY(lcCore, "confab.server.core")
Q_LOGGING_CATEGORY(lcTls, "confab.server.tls")
Q_LOGGING_CATEGORY(lcAuth, "confab.server.auth")
Q_LOGGING_CATEGORY(lcStorage, "confab.server.storage")
Q_LOGGING_CATEGORY(lcHistory, "confab.server.history")
Q_LOGGING_CATEGORY(lcOper, "confab.server.oper")
Q_LOGGING_CATEGORY(lcUdp, "confab.server.udp")
Q_LOGGING_CATEGORY(lcDiscovery, "confab.server.discovery")
Q_LOGGING_CATEGORY(lcFiles, "confab.server.files")
Q_LOGGING_CATEGORY(lcCluster, "confab.server.cluster")

#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)  // confab.server: start, listen, shutdown
Q_DECLARE_LOGGING_CATEGORY(lcSession) // confab.server.session: connections, drops
Q_DECLARE_LOGGING_CATEGORY(lcCore)    // confab.server.core: registration, quits, commands

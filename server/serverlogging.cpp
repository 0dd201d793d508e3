#include "serverlogging.h"

Q_LOGGING_CATEGORY(lcServer, "confab.server")
Q_LOGGING_CATEGORY(lcSession, "confab.server.session")
Q_LOGGING_CATEGORY(lcCore, "confab.server.core")

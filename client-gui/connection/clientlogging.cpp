#include "connection/clientlogging.h"

Q_LOGGING_CATEGORY(lcConnection, "confab.client.connection")
Q_LOGGING_CATEGORY(lcClient, "confab.client")

#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcConnection) // confab.client.connection
Q_DECLARE_LOGGING_CATEGORY(lcClient)     // confab.client

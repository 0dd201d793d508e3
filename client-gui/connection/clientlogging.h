#pragma once

#include <QByteArray>
#include <QLoggingCategory>

class IrcMessage;

Q_DECLARE_LOGGING_CATEGORY(lcConnection)   // confab.client.connection
Q_DECLARE_LOGGING_CATEGORY(lcClient)       // confab.client
Q_DECLARE_LOGGING_CATEGORY(lcLan)          // confab.client.lan: servers found on the LAN
Q_DECLARE_LOGGING_CATEGORY(lcFileTransfer) // confab.client.files: uploads and downloads
// Every protocol line sent and received. Off below warning by default: lines carry private
// messages. Enable with QT_LOGGING_RULES="confab.client.traffic.debug=true" or --log-level debug.
Q_DECLARE_LOGGING_CATEGORY(lcTraffic) // confab.client.traffic

namespace ClientLogging {

// The line as it may be logged: the parameters that carry secrets (PASS, AUTHENTICATE, OPER's
// password, REGISTER's password, IDENTIFY to a services bot) replaced by "***". Tags are left out.
QByteArray redacted(const IrcMessage& message);

} // namespace ClientLogging

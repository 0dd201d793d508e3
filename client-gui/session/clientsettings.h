#pragma once

#include <QString>

// Every QSettings key the client reads or writes, in one place.
namespace SettingsKeys {

inline const QString Host = QStringLiteral("login/host");
inline const QString Port = QStringLiteral("login/port");
inline const QString Nick = QStringLiteral("login/nick");
inline const QString DisplayName = QStringLiteral("login/displayName");
inline const QString Tls = QStringLiteral("login/tls");
// A group: one pinned certificate fingerprint per "host:port" (CertificatePins).
inline const QString CertificatePins = QStringLiteral("tls/pinnedCertificates");
inline const QString ShowJoinPart = QStringLiteral("chat/showJoinPart");
inline const QString HideToTray = QStringLiteral("window/hideToTray");
inline const QString HostOnStart = QStringLiteral("hosting/startWithApp");
inline const QString NotifyMentions = QStringLiteral("notify/mentions");
inline const QString TimeFormat = QStringLiteral("chat/timeFormat");
inline const QString WindowGeometry = QStringLiteral("window/geometry");
inline const QString WindowState = QStringLiteral("window/state");
// The emoji the picker offers as recently used, most recent first (a string list).
inline const QString RecentEmoji = QStringLiteral("chat/recentEmoji");
// The local message store's limits (MessageStore::setLimits): messages kept per conversation and
// in all; absent or 0: MessageStore's defaults.
inline const QString StoreMaxPerConversation = QStringLiteral("storage/maxMessagesPerConversation");
inline const QString StoreMaxMessages = QStringLiteral("storage/maxMessages");

// The contacts the user keeps, per server (host name, lower case): their names in the order
// added, and when each was last seen online (name -> QDateTime, UTC).
inline QString contactsGroup(QString server)
{
    server = server.trimmed().toLower();
    server.replace(QLatin1Char('/'), QLatin1Char('_'));
    server.replace(QLatin1Char('\\'), QLatin1Char('_'));
    return QStringLiteral("contacts/") + (server.isEmpty() ? QStringLiteral("_") : server);
}
inline const QString ContactNames = QStringLiteral("names");
inline const QString ContactLastSeen = QStringLiteral("lastSeen");

} // namespace SettingsKeys

namespace ClientDefaults {

inline const QString Host = QStringLiteral("localhost");
constexpr quint16 Port = 6667;    // plain text
constexpr quint16 TlsPort = 6697; // TLS, the default
constexpr bool Tls = true;
inline const QString Room = QStringLiteral("#lobby");

} // namespace ClientDefaults

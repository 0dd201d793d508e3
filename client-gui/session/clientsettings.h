#pragma once

#include <QString>

// Every QSettings key the client reads or writes, in one place.
namespace SettingsKeys {

inline const QString Host = QStringLiteral("login/host");
inline const QString Port = QStringLiteral("login/port");
inline const QString Nick = QStringLiteral("login/nick");
inline const QString DisplayName = QStringLiteral("login/displayName");
inline const QString ShowJoinPart = QStringLiteral("chat/showJoinPart");
inline const QString HideToTray = QStringLiteral("window/hideToTray");
inline const QString NotifyMentions = QStringLiteral("notify/mentions");
inline const QString TimeFormat = QStringLiteral("chat/timeFormat");
inline const QString WindowGeometry = QStringLiteral("window/geometry");
inline const QString WindowState = QStringLiteral("window/state");

} // namespace SettingsKeys

namespace ClientDefaults {

inline const QString Host = QStringLiteral("localhost");
constexpr quint16 Port = 6667;
inline const QString Room = QStringLiteral("#lobby");

} // namespace ClientDefaults

#include "session/preferences.h"

#include "session/clientsettings.h"

#include <QSettings>

Preferences::Preferences(QObject* parent) : QObject(parent)
{
    const QSettings settings;
    m_showJoinPart = settings.value(SettingsKeys::ShowJoinPart, true).toBool();
    m_hideToTray = settings.value(SettingsKeys::HideToTray, true).toBool();
    m_notifyMentions = settings.value(SettingsKeys::NotifyMentions, true).toBool();
    m_hostOnStart = settings.value(SettingsKeys::HostOnStart, false).toBool();
    m_timeFormat = settings.value(SettingsKeys::TimeFormat, timeFormats().constFirst()).toString();
    if (!timeFormats().contains(m_timeFormat))
        m_timeFormat = timeFormats().constFirst();
}

QStringList Preferences::timeFormats()
{
    return {QStringLiteral("HH:mm"), QStringLiteral("HH:mm:ss"), QStringLiteral("h:mm AP"),
            QStringLiteral("h:mm:ss AP")};
}

void Preferences::save(const QString& key, const QVariant& value)
{
    QSettings().setValue(key, value);
    emit changed();
}

void Preferences::setShowJoinPart(bool show)
{
    if (m_showJoinPart == show)
        return;
    m_showJoinPart = show;
    save(SettingsKeys::ShowJoinPart, show);
}

void Preferences::setHideToTray(bool hide)
{
    if (m_hideToTray == hide)
        return;
    m_hideToTray = hide;
    save(SettingsKeys::HideToTray, hide);
}

void Preferences::setHostOnStart(bool host)
{
    if (m_hostOnStart == host)
        return;
    m_hostOnStart = host;
    save(SettingsKeys::HostOnStart, host);
}

void Preferences::setNotifyMentions(bool notify)
{
    if (m_notifyMentions == notify)
        return;
    m_notifyMentions = notify;
    save(SettingsKeys::NotifyMentions, notify);
}

void Preferences::setTimeFormat(const QString& format)
{
    if (m_timeFormat == format || !timeFormats().contains(format))
        return;
    m_timeFormat = format;
    save(SettingsKeys::TimeFormat, format);
}

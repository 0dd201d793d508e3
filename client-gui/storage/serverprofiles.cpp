#include "storage/serverprofiles.h"

#include "session/clientsettings.h"

#include <QMetaEnum>
#include <QSettings>

namespace {

const QString Array = QStringLiteral("servers");
const QString Host = QStringLiteral("host");
const QString Port = QStringLiteral("port");
const QString Tls = QStringLiteral("tls");
const QString Mode = QStringLiteral("mode");
const QString Name = QStringLiteral("name");
const QString DisplayName = QStringLiteral("displayName");
const QString RememberPassword = QStringLiteral("rememberPassword");

QString modeName(Registration::Mode mode)
{
    return QString::fromLatin1(QMetaEnum::fromType<Registration::Mode>().valueToKey(int(mode)));
}

Registration::Mode modeOf(const QString& name)
{
    bool ok = false;
    const int value = QMetaEnum::fromType<Registration::Mode>().keyToValue(name.toLatin1().constData(), &ok);
    // Creating the account happens once: remembered, it is a sign-in.
    if (!ok || Registration::Mode(value) == Registration::Mode::CreateAccount)
        return ok ? Registration::Mode::SignIn : Registration::Mode::Guest;
    return Registration::Mode(value);
}

} // namespace

void ServerProfiles::load()
{
    m_profiles.clear();
    QSettings settings;
    const int count = settings.beginReadArray(Array);
    for (int i = 0; i < count && m_profiles.size() < MaxProfiles; ++i) {
        settings.setArrayIndex(i);
        ServerProfile profile;
        profile.host = settings.value(Host).toString();
        profile.port = quint16(settings.value(Port).toUInt());
        profile.tls = settings.value(Tls).toBool();
        profile.mode = modeOf(settings.value(Mode).toString());
        profile.name = settings.value(Name).toString();
        profile.displayName = settings.value(DisplayName).toString();
        profile.rememberPassword = settings.value(RememberPassword).toBool();
        if (profile.isValid())
            m_profiles.append(profile);
    }
    settings.endArray();

    if (m_profiles.isEmpty() && settings.contains(SettingsKeys::Host)) {
        ServerProfile older;
        older.host = settings.value(SettingsKeys::Host).toString();
        older.port = quint16(settings.value(SettingsKeys::Port, ClientDefaults::Port).toUInt());
        older.tls = settings.value(SettingsKeys::Tls).toBool();
        older.name = settings.value(SettingsKeys::Nick).toString();
        older.displayName = settings.value(SettingsKeys::DisplayName).toString();
        if (older.isValid())
            m_profiles.append(older);
    }
}

ServerProfile ServerProfiles::find(const QString& host, quint16 port, const QString& name) const
{
    for (const ServerProfile& profile : m_profiles) {
        if (profile.matches(host, port, name))
            return profile;
    }
    return {};
}

void ServerProfiles::remember(const ServerProfile& profile)
{
    if (!profile.isValid())
        return;
    for (int i = int(m_profiles.size()) - 1; i >= 0; --i) {
        if (m_profiles.at(i).sameLogin(profile))
            m_profiles.removeAt(i);
    }
    m_profiles.prepend(profile);
    while (m_profiles.size() > MaxProfiles)
        m_profiles.removeLast();
    save();
}

void ServerProfiles::forget(int index)
{
    if (index < 0 || index >= m_profiles.size())
        return;
    m_profiles.removeAt(index);
    save();
}

void ServerProfiles::save() const
{
    QSettings settings;
    settings.remove(Array);
    settings.beginWriteArray(Array, int(m_profiles.size()));
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ServerProfile& profile = m_profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(Host, profile.host);
        settings.setValue(Port, int(profile.port));
        settings.setValue(Tls, profile.tls);
        settings.setValue(Mode, modeName(profile.mode));
        settings.setValue(Name, profile.name);
        settings.setValue(DisplayName, profile.displayName);
        settings.setValue(RememberPassword, profile.rememberPassword);
    }
    settings.endArray();
}

#include "session/contactbook.h"

#include "connection/clientlogging.h"
#include "ircvalidation.h"
#include "session/clientsettings.h"

#include <QSettings>

ContactBook::ContactBook(QObject* parent) : QObject(parent) {}

void ContactBook::load(const QString& server)
{
    m_server = server;
    m_names.clear();
    m_lastSeen.clear();
    QSettings settings;
    settings.beginGroup(SettingsKeys::contactsGroup(server));
    for (const QString& name : settings.value(SettingsKeys::ContactNames).toStringList()) {
        if (m_names.size() >= MaxContacts)
            break; // an edited settings file: the first ones
        if (IrcValidation::checkNick(name, MaxNameLength) == IrcValidation::Reason::Valid &&
            !contains(name))
            m_names.append(name);
    }
    const QVariantMap seen = settings.value(SettingsKeys::ContactLastSeen).toMap();
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const QDateTime when = it.value().toDateTime();
        if (contains(it.key()) && when.isValid())
            m_lastSeen.insert(m_caseMapping.fold(it.key()), when.toUTC());
    }
    qCDebug(lcClient) << "contacts of" << server << m_names;
    emit reset();
}

int ContactBook::indexOf(const QString& name) const
{
    for (int i = 0; i < m_names.size(); ++i) {
        if (m_caseMapping.equals(m_names.at(i), name))
            return i;
    }
    return -1;
}

QString ContactBook::spelling(const QString& name) const
{
    const int i = indexOf(name);
    return i >= 0 ? m_names.at(i) : QString();
}

QDateTime ContactBook::lastSeen(const QString& name) const
{
    return m_lastSeen.value(m_caseMapping.fold(name));
}

void ContactBook::setLastSeen(const QString& name, const QDateTime& when)
{
    if (!contains(name) || !when.isValid())
        return;
    m_lastSeen.insert(m_caseMapping.fold(name), when.toUTC());
    save();
}

ContactBook::AddResult ContactBook::add(const QString& name)
{
    const QString trimmed = name.trimmed();
    if (IrcValidation::checkNick(trimmed, MaxNameLength) != IrcValidation::Reason::Valid)
        return AddResult::Invalid;
    if (contains(trimmed))
        return AddResult::AlreadyThere;
    if (m_names.size() >= MaxContacts)
        return AddResult::Full;
    m_names.append(trimmed);
    save();
    emit added(trimmed);
    return AddResult::Added;
}

void ContactBook::remove(const QString& name)
{
    const int i = indexOf(name);
    if (i < 0)
        return;
    const QString spelled = m_names.takeAt(i);
    m_lastSeen.remove(m_caseMapping.fold(spelled));
    save();
    emit removed(spelled);
}

void ContactBook::save() const
{
    QSettings settings;
    settings.beginGroup(SettingsKeys::contactsGroup(m_server));
    settings.setValue(SettingsKeys::ContactNames, m_names);
    QVariantMap seen;
    for (const QString& name : m_names) {
        const QDateTime when = m_lastSeen.value(m_caseMapping.fold(name));
        if (when.isValid())
            seen.insert(name, when);
    }
    settings.setValue(SettingsKeys::ContactLastSeen, seen);
}

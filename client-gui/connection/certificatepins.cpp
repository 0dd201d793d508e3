#include "connection/certificatepins.h"

#include "connection/certificatecheck.h"
#include "session/clientsettings.h"

#include <QSettings>

QString CertificatePins::serverKey(const QString& host, quint16 port)
{
    QString name = host.trimmed().toLower();
    if (name.startsWith(QLatin1Char('[')) && name.endsWith(QLatin1Char(']')))
        name = name.mid(1, name.size() - 2);
    if (name.isEmpty())
        return {};
    if (name.contains(QLatin1Char(':'))) // IPv6
        name = QLatin1Char('[') + name + QLatin1Char(']');
    // '/' and '\' would make groups in QSettings; no host name has them.
    name.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char('\\'), QLatin1Char('_'));
    return name + QLatin1Char(':') + QString::number(port);
}

QString CertificatePins::pin(const QString& host, quint16 port) const
{
    const QString key = serverKey(host, port);
    if (key.isEmpty())
        return {};
    QSettings settings;
    settings.beginGroup(SettingsKeys::CertificatePins);
    return CertificateCheck::normalized(settings.value(key).toString());
}

void CertificatePins::setPin(const QString& host, quint16 port, const QString& fingerprint)
{
    const QString key = serverKey(host, port);
    const QString value = CertificateCheck::normalized(fingerprint);
    if (key.isEmpty() || value.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(SettingsKeys::CertificatePins);
    settings.setValue(key, value);
}

void CertificatePins::removePin(const QString& host, quint16 port)
{
    const QString key = serverKey(host, port);
    if (key.isEmpty())
        return;
    QSettings settings;
    settings.beginGroup(SettingsKeys::CertificatePins);
    settings.remove(key);
}

#include "discovery/serverannouncement.h"

#include "ircdnssd.h"

#include <QCoreApplication>

namespace {

QByteArray entry(const char* key, const QString& value)
{
    return QByteArray(key) + '=' + value.toUtf8();
}

} // namespace

QString ServerAnnouncement::serviceName(const ServerConfig& config, const QString& hostName)
{
    if (!config.announceName.trimmed().isEmpty())
        return config.announceName.trimmed();
    if (!config.networkName.isEmpty() && config.networkName != ServerConfig().networkName)
        return config.networkName;
    // Not translated: the name is seen by every machine on the LAN, in every language.
    return QStringLiteral("Confab on %1").arg(hostName);
}

QList<DnsSdService> ServerAnnouncement::services(const ServerConfig& config, quint16 plainPort,
                                                 quint16 tlsPort, const QString& fingerprint,
                                                 bool hasAccounts)
{
    const QList<QByteArray> common = {
        entry(IrcDnsSd::TxtVersionKey, QString::fromLatin1(IrcDnsSd::TxtVersion)),
        entry(IrcDnsSd::NetworkKey, config.networkName),
        entry(IrcDnsSd::AccountsKey, QString::fromLatin1(hasAccounts ? IrcDnsSd::AccountsOptional
                                                                     : IrcDnsSd::AccountsNone)),
    };
    QList<DnsSdService> services;
    if (plainPort != 0)
        services.append({QString::fromLatin1(IrcDnsSd::PlainServiceType), plainPort, common});
    if (tlsPort != 0) {
        QList<QByteArray> txt = common;
        if (!fingerprint.isEmpty())
            txt << entry(IrcDnsSd::FingerprintKey, fingerprint);
        services.append({QString::fromLatin1(IrcDnsSd::TlsServiceType), tlsPort, txt});
    }
    return services;
}

#include "models/lanservermodel.h"

#include "discovery/lanservicebrowser.h"
#include "ircdnssd.h"

#include <algorithm>

namespace {

bool sameInstance(const LanService& a, const LanService& b)
{
    return a.interfaceIndex == b.interfaceIndex && a.protocol == b.protocol && a.type == b.type;
}

// Lower is better: the addresses another machine on the LAN would use first.
int addressRank(const QHostAddress& address)
{
    if (address.isLoopback())
        return 3;
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return 0;
    if (address.isLinkLocal())
        return 2;
    return 1;
}

QString text(const LanService& service, const char* key)
{
    return QString::fromUtf8(service.txt.value(key));
}

} // namespace

LanServerModel::LanServerModel(LanServiceBrowser* browser, QObject* parent)
    : QAbstractListModel(parent)
{
    if (!browser)
        return;
    connect(browser, &LanServiceBrowser::serviceResolved, this, &LanServerModel::addService);
    connect(browser, &LanServiceBrowser::serviceRemoved, this, &LanServerModel::removeService);
    connect(browser, &LanServiceBrowser::allRemoved, this, &LanServerModel::clear);
}

int LanServerModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QHash<int, QByteArray> LanServerModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(NetworkRole, "network");
    names.insert(HostNameRole, "hostName");
    names.insert(AddressRole, "address");
    names.insert(PortRole, "port");
    names.insert(TlsRole, "tls");
    names.insert(FingerprintRole, "fingerprint");
    names.insert(AccountsRequiredRole, "accountsRequired");
    return names;
}

LanServer LanServerModel::server(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).server : LanServer();
}

QVariant LanServerModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LanServer& server = m_entries.at(index.row()).server;
    switch (role) {
    case Qt::DisplayRole: {
        // The lock is a symbol, not words: the same in every language.
        const QString lock = server.tls ? QStringLiteral("\U0001F512 ") : QString();
        return lock + tr("%1 — %2 port %3").arg(server.name, server.address).arg(server.port);
    }
    case Qt::ToolTipRole: {
        QString tip = server.tls ? tr("Secure connection (TLS) to %1 (%2), port %3.")
                                       .arg(server.hostName, server.address)
                                       .arg(server.port)
                                 : tr("Unencrypted connection to %1 (%2), port %3.")
                                       .arg(server.hostName, server.address)
                                       .arg(server.port);
        if (server.accountsRequired)
            tip += QLatin1Char('\n') + tr("Only people with an account can chat here.");
        return tip;
    }
    case Qt::AccessibleTextRole:
        return server.tls
                   ? tr("%1, secure, %2 port %3").arg(server.name, server.address).arg(server.port)
                   : tr("%1, not encrypted, %2 port %3")
                         .arg(server.name, server.address)
                         .arg(server.port);
    case NameRole:
        return server.name;
    case NetworkRole:
        return server.network;
    case HostNameRole:
        return server.hostName;
    case AddressRole:
        return server.address;
    case PortRole:
        return server.port;
    case TlsRole:
        return server.tls;
    case FingerprintRole:
        return server.fingerprint;
    case AccountsRequiredRole:
        return server.accountsRequired;
    default:
        return {};
    }
}

int LanServerModel::rowOf(const QString& name, const QString& domain) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).name == name && m_entries.at(row).domain == domain)
            return row;
    }
    return -1;
}

LanServer LanServerModel::choose(const Entry& entry)
{
    QList<LanService> candidates;
    for (const LanService& instance : entry.instances) {
        if (instance.type == QLatin1String(IrcDnsSd::TlsServiceType))
            candidates << instance;
    }
    if (candidates.isEmpty())
        candidates = entry.instances;
    std::stable_sort(
        candidates.begin(), candidates.end(), [](const LanService& a, const LanService& b) {
            const int rankA = addressRank(a.address);
            const int rankB = addressRank(b.address);
            return rankA != rankB ? rankA < rankB : a.interfaceIndex < b.interfaceIndex;
        });
    const LanService& best = candidates.constFirst();
    LanServer server;
    server.name = entry.name;
    server.hostName = best.hostName;
    server.address = best.address.toString();
    server.port = best.port;
    server.tls = best.type == QLatin1String(IrcDnsSd::TlsServiceType);
    server.network = text(best, IrcDnsSd::NetworkKey);
    if (server.tls)
        server.fingerprint = text(best, IrcDnsSd::FingerprintKey);
    const QString accounts = text(best, IrcDnsSd::AccountsKey);
    server.accountsRequired = accounts == QLatin1String(IrcDnsSd::AccountsRequired);
    server.hasAccounts =
        server.accountsRequired || accounts == QLatin1String(IrcDnsSd::AccountsOptional);
    return server;
}

void LanServerModel::addService(const LanService& service)
{
    if (service.port == 0 || service.address.isNull())
        return;
    const int row = rowOf(service.name, service.domain);
    if (row < 0) {
        Entry entry{service.name, service.domain, {service}, {}};
        entry.server = choose(entry);
        // Sorted by name, so that rows do not jump around as instances arrive.
        const auto at = std::lower_bound(m_entries.cbegin(), m_entries.cend(), entry,
                                         [](const Entry& a, const Entry& b) {
                                             return QString::localeAwareCompare(a.name, b.name) < 0;
                                         });
        const int position = int(at - m_entries.cbegin());
        beginInsertRows({}, position, position);
        m_entries.insert(position, entry);
        endInsertRows();
        return;
    }
    Entry& entry = m_entries[row];
    const auto same =
        std::find_if(entry.instances.begin(), entry.instances.end(),
                     [&](const LanService& known) { return sameInstance(known, service); });
    if (same != entry.instances.end())
        *same = service; // resolved again (a new address, a new TXT record)
    else
        entry.instances << service;
    entry.server = choose(entry);
    emit dataChanged(index(row), index(row));
}

void LanServerModel::removeService(const LanService& service)
{
    const int row = rowOf(service.name, service.domain);
    if (row < 0)
        return;
    Entry& entry = m_entries[row];
    entry.instances.removeIf([&](const LanService& known) { return sameInstance(known, service); });
    if (entry.instances.isEmpty()) {
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
        return;
    }
    entry.server = choose(entry);
    emit dataChanged(index(row), index(row));
}

void LanServerModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

#pragma once

#include "discovery/lanserver.h"
#include "discovery/lanservice.h"

#include <QAbstractListModel>
#include <QList>

class LanServiceBrowser;

// The chat servers on the LAN, one row per server: the instances Avahi reports for one name
// (per interface, IPv4 and IPv6, plain and TLS) make one row, which goes when the last of them
// goes. A row connects to the TLS port when there is one, at the address most likely to work
// from here (IPv4 or global IPv6 on the LAN, then link-local IPv6, then loopback).
class LanServerModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        NetworkRole,
        HostNameRole,
        AddressRole,
        PortRole,
        TlsRole,
        FingerprintRole,
        AccountsRequiredRole,
    };
    Q_ENUM(Role)

    // Fed by browser's signals when given.
    explicit LanServerModel(LanServiceBrowser* browser = nullptr, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    LanServer server(int row) const;

public slots:
    void addService(const LanService& service);
    void removeService(const LanService& service);
    void clear();

private:
    struct Entry
    {
        QString name;
        QString domain;
        QList<LanService> instances;
        LanServer server; // chosen from instances
    };

    int rowOf(const QString& name, const QString& domain) const;
    static LanServer choose(const Entry& entry);

    QList<Entry> m_entries;
};

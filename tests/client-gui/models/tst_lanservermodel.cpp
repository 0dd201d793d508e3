// LanServerModel without D-Bus: the instances Avahi reports for one server (per interface, IPv4
// and IPv6, plain and TLS) make one row, the TLS port and the best address are chosen, rows go
// with their last instance, and what cannot be connected to is ignored.
#include "avahidbus.h"
#include "ircdnssd.h"
#include "models/lanservermodel.h"

#include <QSignalSpy>
#include <QTest>

namespace {

LanService instance(const QString& name, const char* type, const QString& address, quint16 port,
                    int interfaceIndex = 2)
{
    LanService service;
    service.interfaceIndex = interfaceIndex;
    service.name = name;
    service.type = QString::fromLatin1(type);
    service.domain = QStringLiteral("local");
    service.hostName = QStringLiteral("pc1.local");
    service.address = QHostAddress(address);
    service.protocol = service.address.protocol() == QAbstractSocket::IPv6Protocol
                           ? AvahiDbus::ProtocolInet6
                           : AvahiDbus::ProtocolInet;
    service.port = port;
    service.txt.insert("network", "Office");
    service.txt.insert("accounts", "optional");
    if (service.type == QLatin1String(IrcDnsSd::TlsServiceType))
        service.txt.insert("fingerprint", "AB:CD");
    return service;
}

} // namespace

class tst_LanServerModel : public QObject
{
    Q_OBJECT

private slots:
    void choosesOneEndpointPerServer_data();
    void choosesOneEndpointPerServer();
    void rowGoesWithItsLastInstance();
    void ignoresWhatCannotBeConnectedTo();
    void clearEmptiesTheModel();
    void accountsFromTheTxtRecord_data();
    void accountsFromTheTxtRecord();
};

void tst_LanServerModel::choosesOneEndpointPerServer_data()
{
    QTest::addColumn<QList<LanService>>("instances");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("tls");
    const QString n = QStringLiteral("Confab on pc1");
    const char* plain = IrcDnsSd::PlainServiceType;
    const char* tls = IrcDnsSd::TlsServiceType;
    QTest::newRow("plain only") << QList<LanService>{instance(n, plain, "192.168.1.5", 6667)}
                                << "192.168.1.5" << 6667 << false;
    QTest::newRow("TLS wins over plain, whichever comes first")
        << QList<LanService>{instance(n, plain, "192.168.1.5", 6667),
                             instance(n, tls, "192.168.1.5", 6697)}
        << "192.168.1.5" << 6697 << true;
    QTest::newRow("LAN IPv4 before loopback")
        << QList<LanService>{instance(n, tls, "127.0.0.1", 6697, 1),
                             instance(n, tls, "192.168.1.5", 6697, 2)}
        << "192.168.1.5" << 6697 << true;
    QTest::newRow("IPv4 before IPv6")
        << QList<LanService>{instance(n, tls, "fd00::5", 6697), instance(n, tls, "10.0.0.5", 6697)}
        << "10.0.0.5" << 6697 << true;
    QTest::newRow("global IPv6 before link-local")
        << QList<LanService>{instance(n, plain, "fe80::5", 6667),
                             instance(n, plain, "2001:db8::5", 6667)}
        << "2001:db8::5" << 6667 << false;
    QTest::newRow("IPv6 only") << QList<LanService>{instance(n, tls, "fd00::5", 6697)} << "fd00::5"
                               << 6697 << true;
    QTest::newRow("two interfaces: the lower index")
        << QList<LanService>{instance(n, plain, "10.1.0.5", 6667, 3),
                             instance(n, plain, "10.0.0.5", 6667, 2)}
        << "10.0.0.5" << 6667 << false;
}

void tst_LanServerModel::choosesOneEndpointPerServer()
{
    QFETCH(QList<LanService>, instances);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(bool, tls);
    LanServerModel model;
    for (const LanService& service : std::as_const(instances))
        model.addService(service);
    QCOMPARE(model.rowCount(), 1);
    const LanServer server = model.server(0);
    QCOMPARE(server.name, QStringLiteral("Confab on pc1"));
    QCOMPARE(server.address, address);
    QCOMPARE(int(server.port), port);
    QCOMPARE(server.tls, tls);
    QCOMPARE(server.fingerprint, tls ? QStringLiteral("AB:CD") : QString());
    QCOMPARE(server.network, QStringLiteral("Office"));
    QCOMPARE(model.index(0).data(LanServerModel::TlsRole).toBool(), tls);
    QCOMPARE(
        model.index(0).data(Qt::DisplayRole).toString().startsWith(QStringLiteral("\U0001F512")),
        tls);
}

void tst_LanServerModel::rowGoesWithItsLastInstance()
{
    LanServerModel model;
    const LanService plain4 =
        instance(QStringLiteral("A"), IrcDnsSd::PlainServiceType, QStringLiteral("10.0.0.1"), 6667);
    const LanService tls6 =
        instance(QStringLiteral("A"), IrcDnsSd::TlsServiceType, QStringLiteral("fd00::1"), 6697);
    const LanService other =
        instance(QStringLiteral("B"), IrcDnsSd::PlainServiceType, QStringLiteral("10.0.0.2"), 6667);
    model.addService(plain4);
    model.addService(tls6);
    model.addService(other);
    model.addService(plain4); // resolved again: no new row
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.server(0).name, QStringLiteral("A"));
    QCOMPARE(model.server(0).port, quint16(6697));

    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.removeService(tls6);
    QCOMPARE(model.rowCount(), 2); // the plain instance is still there
    QCOMPARE(model.server(0).port, quint16(6667));
    QVERIFY(!model.server(0).tls);
    model.removeService(plain4);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.server(0).name, QStringLiteral("B"));
    model.removeService(plain4); // twice: nothing happens
    model.removeService(instance(QStringLiteral("never seen"), IrcDnsSd::PlainServiceType,
                                 QStringLiteral("10.0.0.9"), 1));
    QCOMPARE(model.rowCount(), 1);
}

void tst_LanServerModel::ignoresWhatCannotBeConnectedTo()
{
    LanServerModel model;
    model.addService(instance(QStringLiteral("no port"), IrcDnsSd::PlainServiceType,
                              QStringLiteral("10.0.0.1"), 0));
    model.addService(instance(QStringLiteral("no address"), IrcDnsSd::PlainServiceType,
                              QStringLiteral("not an address"), 6667));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.server(0).isValid());
    QVERIFY(!model.server(-1).isValid());
    QVERIFY(!model.index(5).data().isValid());
}

void tst_LanServerModel::clearEmptiesTheModel()
{
    LanServerModel model;
    model.addService(instance(QStringLiteral("A"), IrcDnsSd::PlainServiceType,
                              QStringLiteral("10.0.0.1"), 6667));
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(reset.count(), 1);
}

void tst_LanServerModel::accountsFromTheTxtRecord_data()
{
    QTest::addColumn<QByteArray>("accounts");
    QTest::addColumn<bool>("hasAccounts");
    QTest::addColumn<bool>("required");
    QTest::newRow("none") << QByteArray("none") << false << false;
    QTest::newRow("optional") << QByteArray("optional") << true << false;
    QTest::newRow("required") << QByteArray("required") << true << true;
    QTest::newRow("missing") << QByteArray() << false << false;
    QTest::newRow("nonsense") << QByteArray("\xff\x00yes", 5) << false << false;
}

void tst_LanServerModel::accountsFromTheTxtRecord()
{
    QFETCH(QByteArray, accounts);
    QFETCH(bool, hasAccounts);
    QFETCH(bool, required);
    LanService service =
        instance(QStringLiteral("A"), IrcDnsSd::PlainServiceType, QStringLiteral("10.0.0.1"), 6667);
    if (accounts.isNull())
        service.txt.remove("accounts");
    else
        service.txt.insert("accounts", accounts);
    LanServerModel model;
    model.addService(service);
    QCOMPARE(model.server(0).hasAccounts, hasAccounts);
    QCOMPARE(model.server(0).accountsRequired, required);
    QCOMPARE(model.index(0).data(LanServerModel::AccountsRequiredRole).toBool(), required);
}

QTEST_GUILESS_MAIN(tst_LanServerModel)
#include "tst_lanservermodel.moc"

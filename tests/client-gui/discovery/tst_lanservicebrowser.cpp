// Browsing the LAN for real: a private system bus with a real avahi-daemon (AvahiFixture), a real
// confabd (Server, every address, port 0) announcing itself, and LanServiceBrowser feeding a
// LanServerModel: the server is found with the address, port, TLS and fingerprint it announced,
// once although Avahi reports it per interface, protocol and type; it goes when the server goes;
// a server started with --no-announce is never listed; Avahi stopping and starting is followed.
#include "avahifixture.h"
#include "discovery/lanservicebrowser.h"
#include "ircdnssd.h"
#include "models/lanservermodel.h"
#include "net/server.h"
#include "net/tlscontext.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_LanServiceBrowser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void findsTheServerOnceWithItsAddressPortAndTls();
    void serverGoingAwayIsRemoved();
    void quietServerIsNotListed();
    void followsAvahiStoppingAndStarting();

private:
    std::unique_ptr<Server> startServer(const QString& name, bool announce = true);
    int rowOf(const LanServerModel& model, const QString& name) const;

    AvahiFixture* m_fixture = nullptr;
    QTemporaryDir m_dataDir;
    int m_count = 0;
};

void tst_LanServiceBrowser::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_fixture = new AvahiFixture(this);
    if (!m_fixture->start())
        QSKIP(qPrintable(m_fixture->skipReason()));
}

void tst_LanServiceBrowser::init()
{
    if (!m_fixture->isAvahiRunning())
        QVERIFY2(m_fixture->startAvahi(), qPrintable(m_fixture->skipReason()));
}

std::unique_ptr<Server> tst_LanServiceBrowser::startServer(const QString& name, bool announce)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress::Any};
    config.port = 0;
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.networkName = QStringLiteral("BrowseNet");
    config.announce = announce;
    config.announceName =
        QStringLiteral("%1 %2-%3").arg(name).arg(QCoreApplication::applicationPid()).arg(++m_count);
    // TLS needs a certificate, generated into a data directory (which brings accounts). A quiet
    // server runs next to an announced one: plain only, without a data directory (the accounts of
    // two servers in one process would share their database connection's name).
    config.tlsEnabled = announce;
    if (announce)
        config.dataDir = m_dataDir.filePath(QStringLiteral("data%1").arg(m_count));
    config.scramIterations = ServerDefaults::MinScramIterations;
    auto server = std::make_unique<Server>(config);
    if (!server->listen())
        return nullptr;
    return server;
}

int tst_LanServiceBrowser::rowOf(const LanServerModel& model, const QString& name) const
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.server(row).name == name)
            return row;
    }
    return -1;
}

void tst_LanServiceBrowser::findsTheServerOnceWithItsAddressPortAndTls()
{
    const auto server = startServer(QStringLiteral("Browse test"));
    QVERIFY(server);
    const QString name = server->config().announceName;

    LanServiceBrowser browser(QDBusConnection::systemBus());
    LanServerModel model(&browser);
    QSignalSpy resolved(&browser, &LanServiceBrowser::serviceResolved);
    browser.start();
    QCOMPARE(browser.state(), LanServiceBrowser::State::Browsing);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 10000);
    // Both types, on every interface Avahi uses, IPv4 and IPv6: several instances, one row.
    QTRY_VERIFY(resolved.count() >= 2);
    int instances = 0;
    for (const QList<QVariant>& arguments : std::as_const(resolved))
        instances += arguments.at(0).value<LanService>().name == name;
    QVERIFY(instances >= 2);
    int rows = 0;
    for (int row = 0; row < model.rowCount(); ++row)
        rows += model.server(row).name == name;
    QCOMPARE(rows, 1);

    const int row = rowOf(model, name);
    QTRY_VERIFY(model.server(row).tls); // the TLS instance may come second
    const LanServer found = model.server(row);
    QCOMPARE(found.port, server->tlsPort());
    QCOMPARE(found.fingerprint, server->tlsContext()->fingerprint());
    QCOMPARE(found.network, QStringLiteral("BrowseNet"));
    QVERIFY(found.hasAccounts);
    QVERIFY(!found.accountsRequired);
    QVERIFY(!found.hostName.isEmpty());
    const QHostAddress address(found.address);
    QVERIFY2(!address.isNull() && !address.isLoopback(), qPrintable(found.address));
    const QModelIndex index = model.index(row);
    QCOMPARE(index.data(LanServerModel::AddressRole).toString(), found.address);
    QCOMPARE(index.data(LanServerModel::PortRole).toUInt(), uint(server->tlsPort()));
    QVERIFY(index.data(LanServerModel::TlsRole).toBool());
    QVERIFY(index.data(Qt::DisplayRole).toString().contains(name));
    // The address reaches the server.
    QTcpSocket socket;
    socket.connectToHost(address, found.port);
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // IPv6 as well, where the machine has it on a multicast interface: an IPv6 instance was
    // resolved, and its address reaches the server too.
    bool machineHasIpv6 = false;
    const auto interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& interface : interfaces) {
        if (!interface.flags().testFlag(QNetworkInterface::CanMulticast) ||
            interface.flags().testFlag(QNetworkInterface::IsLoopBack))
            continue;
        for (const QNetworkAddressEntry& entry : interface.addressEntries())
            machineHasIpv6 =
                machineHasIpv6 || (entry.ip().protocol() == QAbstractSocket::IPv6Protocol &&
                                   !entry.ip().isLinkLocal());
    }
    if (!machineHasIpv6)
        return;
    QHostAddress ipv6;
    QTRY_VERIFY([&] {
        for (const QList<QVariant>& arguments : std::as_const(resolved)) {
            const LanService service = arguments.at(0).value<LanService>();
            if (service.name == name && service.address.protocol() == QAbstractSocket::IPv6Protocol)
                ipv6 = service.address;
        }
        return !ipv6.isNull();
    }());
    QTcpSocket socket6;
    socket6.connectToHost(ipv6, found.port);
    QTRY_COMPARE(socket6.state(), QAbstractSocket::ConnectedState);
}

void tst_LanServiceBrowser::serverGoingAwayIsRemoved()
{
    auto server = startServer(QStringLiteral("Leaving test"));
    QVERIFY(server);
    const QString name = server->config().announceName;
    LanServiceBrowser browser(QDBusConnection::systemBus());
    LanServerModel model(&browser);
    browser.start();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 10000);
    server.reset(); // its entry group goes with it
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(model, name), -1, 10000);
}

void tst_LanServiceBrowser::quietServerIsNotListed()
{
    const auto quiet = startServer(QStringLiteral("Quiet test"), false);
    QVERIFY(quiet);
    const auto loud = startServer(QStringLiteral("Loud test"));
    QVERIFY(loud);
    LanServiceBrowser browser(QDBusConnection::systemBus());
    LanServerModel model(&browser);
    browser.start();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, loud->config().announceName) >= 0, 10000);
    QTRY_VERIFY(browser.hasSettled());
    QCOMPARE(rowOf(model, quiet->config().announceName), -1);
}

void tst_LanServiceBrowser::followsAvahiStoppingAndStarting()
{
    const auto server = startServer(QStringLiteral("Restart test"));
    QVERIFY(server);
    const QString name = server->config().announceName;
    LanServiceBrowser browser(QDBusConnection::systemBus());
    LanServerModel model(&browser);
    browser.start();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 10000);

    m_fixture->stopAvahi();
    QTRY_COMPARE(browser.state(), LanServiceBrowser::State::Unavailable);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(m_fixture->startAvahi());
    QTRY_COMPARE(browser.state(), LanServiceBrowser::State::Browsing);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(model, name) >= 0, 15000);
}

QTEST_GUILESS_MAIN(tst_LanServiceBrowser)
#include "tst_lanservicebrowser.moc"

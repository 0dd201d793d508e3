// The LAN announcement for real: a private system bus with a real avahi-daemon (AvahiFixture), a
// real Server on every address (port 0) announcing itself, and Debian's avahi-browse and
// avahi-publish as the outside view. Covers both service types and their TXT records,
// --no-announce, a name taken by another publisher, Avahi stopping and starting again, and a
// server started while Avahi is not running.
#include "avahifixture.h"
#include "config/serveroptions.h"
#include "discovery/serverannouncement.h"
#include "discovery/serviceannouncer.h"
#include "ircdnssd.h"
#include "net/server.h"
#include "net/tlscertificategenerator.h"
#include "net/tlscontext.h"
#include "servertestmain.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QHostInfo>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_ServiceAnnouncer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void announcesBothPortsWithTxt();
    void announcesOnlyTheOpenPorts();
    void noAnnounceStaysQuiet();
    void takesAnotherNameOnCollision();
    void announcesAgainWhenAvahiRestarts();
    void runsWithoutAvahi();
    void announcedAgainAfterAHostNameChange();
    void newCertificateIsAnnounced();
    void serviceNameDefaults_data();
    void serviceNameDefaults();

private:
    // A server on every address, ports 0, with TLS and accounts (a data directory).
    // Without TLS, it has no data directory either (the accounts of two servers in one process
    // would share their database connection's name).
    std::unique_ptr<Server> startServer(const QString& name, bool announce = true,
                                        bool plain = true, bool tls = true);
    QString uniqueName(const char* what) const;
    // avahi-browse's lines for the type, again until the service named is among them (an
    // announcement Avahi has established can still be on its way into the browser's cache) or
    // 10 s have passed.
    QList<QStringList> browseFor(const char* type, const QString& name);

    AvahiFixture* m_fixture = nullptr;
    QTemporaryDir m_dataDir;
    int m_count = 0;
};

QString tst_ServiceAnnouncer::uniqueName(const char* what) const
{
    // Another machine on the LAN may run these tests too.
    return QStringLiteral("Confab test %1 %2-%3")
        .arg(QString::fromLatin1(what))
        .arg(QCoreApplication::applicationPid())
        .arg(m_count);
}

QList<QStringList> tst_ServiceAnnouncer::browseFor(const char* type, const QString& name)
{
    QList<QStringList> lines;
    const bool found = QTest::qWaitFor(
        [&] {
            lines = m_fixture->browse(QString::fromLatin1(type));
            for (const QStringList& line : std::as_const(lines)) {
                if (line.value(3) == name)
                    return true;
            }
            return false;
        },
        10000);
    if (!found) // the caller's check says what was missing
        qWarning("avahi-browse: %s not seen as %s", qPrintable(name), type);
    return lines;
}

std::unique_ptr<Server> tst_ServiceAnnouncer::startServer(const QString& name, bool announce,
                                                          bool plain, bool tls)
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress::Any};
    config.port = 0;
    config.plainEnabled = plain;
    config.tlsEnabled = tls;
    config.tlsPort = 0;
    config.networkName = QStringLiteral("TestNet");
    config.announce = announce;
    config.announceName = name;
    config.scramIterations = ServerDefaults::MinScramIterations;
    ++m_count;
    if (tls)
        config.dataDir = m_dataDir.filePath(QStringLiteral("data%1").arg(m_count));
    auto server = std::make_unique<Server>(config);
    if (!server->listen()) {
        qWarning("server does not listen: %s", qPrintable(server->errorString()));
        return nullptr;
    }
    return server;
}

void tst_ServiceAnnouncer::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    m_fixture = new AvahiFixture(this);
    if (!m_fixture->start())
        QSKIP(qPrintable(m_fixture->skipReason()));
}

void tst_ServiceAnnouncer::init()
{
    if (!m_fixture->isAvahiRunning())
        QVERIFY2(m_fixture->startAvahi(), qPrintable(m_fixture->skipReason()));
}

void tst_ServiceAnnouncer::cleanup() {}

void tst_ServiceAnnouncer::announcesBothPortsWithTxt()
{
    const QString name = uniqueName("both");
    const auto server = startServer(name);
    QVERIFY(server);
    QVERIFY(server->announcer());
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    QCOMPARE(server->announcer()->serviceName(), name);

    // What any DNS-SD browser on the LAN sees: avahi-browse -rtp.
    const QString fingerprint = server->tlsContext()->fingerprint();
    QVERIFY(!fingerprint.isEmpty());
    const struct
    {
        const char* type;
        quint16 port;
        bool tls;
    } expected[] = {{IrcDnsSd::PlainServiceType, server->serverPort(), false},
                    {IrcDnsSd::TlsServiceType, server->tlsPort(), true}};
    for (const auto& want : expected) {
        const QList<QStringList> lines = browseFor(want.type, name);
        QList<QStringList> ours;
        for (const QStringList& line : lines) {
            if (line.value(3) == name)
                ours << line;
        }
        QVERIFY2(!ours.isEmpty(), want.type);
        for (const QStringList& line : std::as_const(ours)) {
            // =;iface;proto;name;type;domain;host;address;port;"txt" "txt"...
            QCOMPARE(line.value(4), QString::fromLatin1(want.type));
            QCOMPARE(line.value(8), QString::number(want.port));
            const QString txt = line.mid(9).join(u';');
            QVERIFY2(txt.contains(QLatin1String("\"network=TestNet\"")), qPrintable(txt));
            QVERIFY2(txt.contains(QLatin1String("\"accounts=optional\"")), qPrintable(txt));
            QVERIFY2(txt.contains(QLatin1String("\"txtvers=1\"")), qPrintable(txt));
            QCOMPARE(txt.contains(QStringLiteral("\"fingerprint=%1\"").arg(fingerprint)), want.tls);
            // The address it resolves to reaches the server.
            QTcpSocket socket;
            socket.connectToHost(line.value(7), want.port);
            QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
    }
}

void tst_ServiceAnnouncer::announcesOnlyTheOpenPorts()
{
    const QString name = uniqueName("tls-only");
    const auto server = startServer(name, true, false, true);
    QVERIFY(server);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    bool seen = false;
    for (const QStringList& line : browseFor(IrcDnsSd::TlsServiceType, name))
        seen = seen || line.value(3) == name;
    QVERIFY(seen);
    for (const QStringList& line :
         m_fixture->browse(QString::fromLatin1(IrcDnsSd::PlainServiceType)))
        QVERIFY2(line.value(3) != name, "a plain port that is not open is announced");
}

void tst_ServiceAnnouncer::noAnnounceStaysQuiet()
{
    // --no-announce, as confabd reads it, and the ini key of the same name.
    ServerOptions options;
    QCOMPARE(options.parse({QStringLiteral("confabd")}), ServerOptions::Result::Ok);
    QVERIFY(options.config().announce);
    ServerOptions quiet;
    QCOMPARE(quiet.parse({QStringLiteral("confabd"), QStringLiteral("--no-announce")}),
             ServerOptions::Result::Ok);
    QVERIFY(!quiet.config().announce);
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("confabd.conf"));
    {
        QFile file(ini);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("no-announce = true\n");
    }
    ServerOptions fromFile;
    QCOMPARE(fromFile.parse({QStringLiteral("confabd"), QStringLiteral("--config"), ini}),
             ServerOptions::Result::Ok);
    QVERIFY(!fromFile.config().announce);

    // A quiet server next to an announced one: only the announced one is seen.
    const QString quietName = uniqueName("quiet");
    const auto quietServer = startServer(quietName, quiet.config().announce, true, false);
    QVERIFY(quietServer);
    QVERIFY(!quietServer->announcer());
    const QString loudName = uniqueName("loud");
    const auto loudServer = startServer(loudName);
    QVERIFY(loudServer);
    QTRY_COMPARE_WITH_TIMEOUT(loudServer->announcer()->state(),
                              ServiceAnnouncer::State::Established, 10000);
    QStringList names;
    for (const QStringList& line :
         m_fixture->browse(QString::fromLatin1(IrcDnsSd::PlainServiceType)))
        names << line.value(3);
    QVERIFY2(names.contains(loudName), qPrintable(names.join(u',')));
    QVERIFY(!names.contains(quietName));
}

void tst_ServiceAnnouncer::takesAnotherNameOnCollision()
{
    const QString name = uniqueName("taken");
    // Another program on this machine has the name already.
    QVERIFY(m_fixture->startTool(
        QStringLiteral("avahi-publish"),
        {QStringLiteral("-s"), name, QStringLiteral("_irc._tcp"), QStringLiteral("1")},
        QStringLiteral("Established")));
    const auto server = startServer(name);
    QVERIFY(server);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    const QString alternative = server->announcer()->serviceName();
    QCOMPARE(alternative, name + QLatin1String(" #2"));
    bool seen = false;
    for (const QStringList& line : browseFor(IrcDnsSd::PlainServiceType, alternative)) {
        if (line.value(3) == alternative) {
            QCOMPARE(line.value(8), QString::number(server->serverPort()));
            seen = true;
        }
    }
    QVERIFY(seen);
}

void tst_ServiceAnnouncer::announcesAgainWhenAvahiRestarts()
{
    const QString name = uniqueName("restart");
    const auto server = startServer(name);
    QVERIFY(server);
    ServiceAnnouncer* announcer = server->announcer();
    QTRY_COMPARE_WITH_TIMEOUT(announcer->state(), ServiceAnnouncer::State::Established, 10000);

    m_fixture->stopAvahi();
    QTRY_COMPARE(announcer->state(), ServiceAnnouncer::State::Unavailable);
    QVERIFY(m_fixture->startAvahi());
    QTRY_COMPARE_WITH_TIMEOUT(announcer->state(), ServiceAnnouncer::State::Established, 10000);
    bool seen = false;
    for (const QStringList& line : browseFor(IrcDnsSd::TlsServiceType, name))
        seen = seen || line.value(3) == name;
    QVERIFY(seen);
}

void tst_ServiceAnnouncer::runsWithoutAvahi()
{
    m_fixture->stopAvahi();
    const QString name = uniqueName("early");
    const auto server = startServer(name);
    QVERIFY(server); // listens all the same
    QTRY_COMPARE(server->announcer()->state(), ServiceAnnouncer::State::Unavailable);
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, server->serverPort());
    QTRY_COMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // Avahi comes later (installed, or started after confabd): the server is announced then.
    QVERIFY(m_fixture->startAvahi());
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
}

// Two machines on a LAN with the same host name: Avahi renames this one ("pc-2.local") and
// withdraws every record while it probes the new name. The server must be back afterwards.
void tst_ServiceAnnouncer::announcedAgainAfterAHostNameChange()
{
    const QString name = uniqueName("rename");
    const auto server = startServer(name);
    QVERIFY(server);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    const QString hostName = QStringLiteral("confabtest%1").arg(QCoreApplication::applicationPid());
    QDBusMessage rename = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Avahi"), QStringLiteral("/"),
        QStringLiteral("org.freedesktop.Avahi.Server"), QStringLiteral("SetHostName"));
    rename << hostName;
    const QDBusMessage reply = QDBusConnection::systemBus().call(rename);
    QVERIFY2(reply.type() == QDBusMessage::ReplyMessage, qPrintable(reply.errorMessage()));
    // Withdrawn, then announced again under the new host name.
    QTRY_VERIFY_WITH_TIMEOUT(server->announcer()->state() != ServiceAnnouncer::State::Established,
                             5000);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    bool seen = false;
    for (const QStringList& line : browseFor(IrcDnsSd::TlsServiceType, name)) {
        if (line.value(3) == name) {
            QCOMPARE(line.value(6), hostName + QLatin1String(".local"));
            QCOMPARE(line.value(8), QString::number(server->tlsPort()));
            seen = true;
        }
    }
    QVERIFY(seen);
    QCOMPARE(server->announcer()->state(), ServiceAnnouncer::State::Established);
}

// SIGHUP (or REHASH) with a new certificate: the TXT record follows, so that clients pin the
// certificate the server now presents.
void tst_ServiceAnnouncer::newCertificateIsAnnounced()
{
    const QString name = uniqueName("reload");
    const auto server = startServer(name);
    QVERIFY(server);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    TlsContext* context = server->tlsContext();
    const QString before = context->fingerprint();
    TlsCertificateGenerator generator(server->config().serverName);
    QVERIFY(generator.generate());
    QVERIFY(generator.writeFiles(context->certificateFile(), context->keyFile()));
    server->reload();
    const QString after = context->fingerprint();
    QVERIFY(after != before);
    QTRY_COMPARE_WITH_TIMEOUT(server->announcer()->state(), ServiceAnnouncer::State::Established,
                              10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QList<QStringList> lines =
                m_fixture->browse(QString::fromLatin1(IrcDnsSd::TlsServiceType));
            for (const QStringList& line : lines) {
                if (line.value(3) == name)
                    return line.mid(9).join(u';').contains(QLatin1String("fingerprint=") + after);
            }
            return false;
        }(),
        10000);
}

void tst_ServiceAnnouncer::serviceNameDefaults_data()
{
    QTest::addColumn<QString>("networkName");
    QTest::addColumn<QString>("announceName");
    QTest::addColumn<QString>("expected");
    QTest::newRow("default network: the host") << QString() << QString() << "Confab on pc1";
    QTest::newRow("own network name") << "Office chat" << QString() << "Office chat";
    QTest::newRow("announce name wins") << "Office chat"
                                        << "Room 4"
                                        << "Room 4";
    QTest::newRow("blank announce name") << "Office chat"
                                         << "   "
                                         << "Office chat";
    QTest::newRow("name cut to one DNS label")
        << QString(70, u'x') << QString() << QString(IrcDnsSd::MaxServiceNameBytes, u'x');
    QTest::newRow("cut between characters, not inside one")
        << QString(40, QChar(0x4e2d)) << QString() << QString(21, QChar(0x4e2d));
}

void tst_ServiceAnnouncer::serviceNameDefaults()
{
    QFETCH(QString, networkName);
    QFETCH(QString, announceName);
    QFETCH(QString, expected);
    ServerConfig config;
    if (!networkName.isEmpty())
        config.networkName = networkName;
    config.announceName = announceName;
    QCOMPARE(ServiceAnnouncer::fittedName(
                 ServerAnnouncement::serviceName(config, QStringLiteral("pc1"))),
             expected);
}

CONFAB_SERVER_TEST_MAIN(tst_ServiceAnnouncer)
#include "tst_serviceannouncer.moc"

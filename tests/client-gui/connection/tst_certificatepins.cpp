// CertificatePins in a test QSettings: one pin per host:port, host names without case, IPv6
// addresses, replacing and removing, and input that is not a fingerprint or a host.
#include "connection/certificatepins.h"
#include "session/clientsettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

namespace {
const QString Fp = QStringLiteral("AB:CD:EF:01");
const QString OtherFp = QStringLiteral("00:11:22:33");
} // namespace

class tst_CertificatePins : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void serverKey_data();
    void serverKey();
    void onePinPerHostAndPort();
    void replacedAndRemoved();
    void badInputIsNotStored();
};

void tst_CertificatePins::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_certificatepins"));
}

void tst_CertificatePins::init()
{
    QSettings().clear();
}

void tst_CertificatePins::serverKey_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("key");
    QTest::newRow("name") << "chat.example.org" << 6697 << "chat.example.org:6697";
    QTest::newRow("upper case, spaces") << " Chat.Example.ORG " << 6697 << "chat.example.org:6697";
    QTest::newRow("ipv4") << "192.168.1.20" << 6697 << "192.168.1.20:6697";
    QTest::newRow("ipv6") << "fe80::1" << 7000 << "[fe80::1]:7000";
    QTest::newRow("bracketed ipv6") << "[FE80::1]" << 7000 << "[fe80::1]:7000";
    QTest::newRow("empty") << "" << 6697 << "";
    QTest::newRow("hostile: slashes") << "a/b\\c" << 1 << "a_b_c:1";
}

void tst_CertificatePins::serverKey()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, key);
    QCOMPARE(CertificatePins::serverKey(host, quint16(port)), key);
}

void tst_CertificatePins::onePinPerHostAndPort()
{
    CertificatePins pins;
    QCOMPARE(pins.pin(QStringLiteral("lan.local"), 6697), QString());
    pins.setPin(QStringLiteral("lan.local"), 6697, Fp.toLower());
    QCOMPARE(pins.pin(QStringLiteral("lan.local"), 6697), Fp);
    QCOMPARE(pins.pin(QStringLiteral("LAN.local"), 6697), Fp);
    QCOMPARE(pins.pin(QStringLiteral("lan.local"), 7000), QString());
    QCOMPARE(pins.pin(QStringLiteral("other.local"), 6697), QString());
    // Kept in the settings, where another instance (the next start) finds it.
    QCOMPARE(CertificatePins().pin(QStringLiteral("lan.local"), 6697), Fp);
    QSettings settings;
    settings.beginGroup(SettingsKeys::CertificatePins);
    QCOMPARE(settings.value(QStringLiteral("lan.local:6697")).toString(), Fp);
}

void tst_CertificatePins::replacedAndRemoved()
{
    CertificatePins pins;
    pins.setPin(QStringLiteral("::1"), 6697, Fp);
    pins.setPin(QStringLiteral("::1"), 6697, OtherFp);
    QCOMPARE(pins.pin(QStringLiteral("[::1]"), 6697), OtherFp);
    pins.removePin(QStringLiteral("::1"), 6697);
    QCOMPARE(pins.pin(QStringLiteral("::1"), 6697), QString());
}

void tst_CertificatePins::badInputIsNotStored()
{
    CertificatePins pins;
    pins.setPin(QString(), 6697, Fp);
    pins.setPin(QStringLiteral("host"), 6697, QStringLiteral("not a fingerprint"));
    QCOMPARE(pins.pin(QStringLiteral("host"), 6697), QString());
    QCOMPARE(pins.pin(QString(), 6697), QString());
    QVERIFY(QSettings().allKeys().isEmpty());
    // A hand-edited settings file with garbage in it: no pin, not a crash.
    QSettings().setValue(SettingsKeys::CertificatePins + QStringLiteral("/host:6697"),
                         QStringLiteral("garbage"));
    QCOMPARE(pins.pin(QStringLiteral("host"), 6697), QString());
}

QTEST_GUILESS_MAIN(tst_CertificatePins)
#include "tst_certificatepins.moc"

// The lock in the status bar with real widgets against an in-process confabd (TlsTestServer):
// "Not connected", "Not encrypted" on the plain port, "Encrypted" with the pinned or verified
// certificate's fingerprint in the tooltip, and back when the connection ends.
#include "connection/certificatepins.h"
#include "net/tlscontext.h"
#include "session/serverconnection.h"
#include "tlstestserver.h"
#include "widgets/connectionsecurityindicator.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>

#include <memory>

class tst_ConnectionSecurityIndicator : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void notConnected();
    void plainIsNotEncrypted();
    void pinnedIsEncryptedWithFingerprint();
    void verifiedByAnAuthority();
    void blockedCertificateIsNotEncrypted();

private:
    std::unique_ptr<TlsTestServer> m_server;
    std::unique_ptr<ServerConnection> m_connection;
    std::unique_ptr<ConnectionSecurityIndicator> m_indicator;
};

void tst_ConnectionSecurityIndicator::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectionsecurityindicator"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_ConnectionSecurityIndicator::init()
{
    QSettings().clear();
    m_server = std::make_unique<TlsTestServer>();
    QVERIFY(m_server->start());
    m_connection = std::make_unique<ServerConnection>();
    m_connection->setHost(m_server->host());
    m_connection->setDesiredNick(QStringLiteral("ann"));
    m_indicator = std::make_unique<ConnectionSecurityIndicator>(m_connection.get());
    m_indicator->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_indicator.get()));
}

void tst_ConnectionSecurityIndicator::cleanup()
{
    m_indicator.reset();
    m_connection.reset();
    m_server.reset();
}

void tst_ConnectionSecurityIndicator::notConnected()
{
    QCOMPARE(m_indicator->text(), QStringLiteral("Not connected"));
    QVERIFY(m_indicator->isVisible());
}

void tst_ConnectionSecurityIndicator::plainIsNotEncrypted()
{
    m_connection->setPort(m_server->plainPort());
    m_connection->connectToServer();
    QTRY_VERIFY(m_connection->isRegistered());
    QCOMPARE(m_indicator->text(), QStringLiteral("Not encrypted"));
    QVERIFY2(m_indicator->toolTip().contains(QStringLiteral("unencrypted")),
             qPrintable(m_indicator->toolTip()));
    m_connection->disconnectFromServer();
    QCOMPARE(m_indicator->text(), QStringLiteral("Not connected"));
}

void tst_ConnectionSecurityIndicator::pinnedIsEncryptedWithFingerprint()
{
    CertificatePins().setPin(m_server->host(), m_server->tlsPort(), m_server->fingerprint());
    m_connection->setPort(m_server->tlsPort());
    m_connection->setTls(true);
    m_connection->connectToServer();
    QTRY_VERIFY(m_connection->isRegistered());
    QCOMPARE(m_indicator->text(), QStringLiteral("Encrypted"));
    const QString tip = m_indicator->toolTip();
    QVERIFY2(tip.contains(m_server->fingerprint()), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("the one you trusted")), qPrintable(tip));
    m_connection->disconnectFromServer();
    QCOMPARE(m_indicator->text(), QStringLiteral("Not connected"));
}

void tst_ConnectionSecurityIndicator::verifiedByAnAuthority()
{
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    trusting.setCaCertificates({m_server->server()->tlsContext()->certificate()});
    QSslConfiguration::setDefaultConfiguration(trusting);
    m_connection->setHost(QStringLiteral("localhost"));
    m_connection->setPort(m_server->tlsPort());
    m_connection->setTls(true);
    m_connection->connectToServer();
    const bool registered = QTest::qWaitFor([this] { return m_connection->isRegistered(); });
    QSslConfiguration::setDefaultConfiguration(saved);
    QVERIFY(registered);
    QCOMPARE(m_indicator->text(), QStringLiteral("Encrypted"));
    const QString tip = m_indicator->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("verified by an authority")), qPrintable(tip));
    QVERIFY2(tip.contains(m_server->fingerprint()), qPrintable(tip));
}

void tst_ConnectionSecurityIndicator::blockedCertificateIsNotEncrypted()
{
    m_connection->setPort(m_server->tlsPort());
    m_connection->setTls(true);
    QSignalSpy needsTrust(m_connection.get(), &ServerConnection::certificateNeedsTrust);
    m_connection->connectToServer();
    QTRY_COMPARE(needsTrust.count(), 1);
    QCOMPARE(m_indicator->text(), QStringLiteral("Not connected"));
    QVERIFY2(!m_indicator->toolTip().contains(m_server->fingerprint()),
             qPrintable(m_indicator->toolTip()));
}

QTEST_MAIN(tst_ConnectionSecurityIndicator)
#include "tst_connectionsecurityindicator.moc"

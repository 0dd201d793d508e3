// ServerTransport's TLS over real loopback sockets against an in-process confabd with its
// generated self-signed certificate: a certificate the system's authorities verify is used as
// is; an unverified one opens only when its fingerprint is the one pinned, stops for the user's
// trust when nothing is pinned, and is blocked when another one is pinned; plain text is
// unchanged.
#include "connection/certificatecheck.h"
#include "connection/servertransport.h"
#include "irccommand.h"
#include "net/tlscontext.h"
#include "tlstestserver.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTest>

#include <algorithm>
#include <memory>

class tst_ServerTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void plainTextIsUnchanged();
    void firstUseStopsForTrust();
    void pinnedCertificateOpens();
    void pinIsComparedWithoutCaseOrSeparators();
    void changedCertificateIsBlocked();
    void pinnedSelfSignedCertificateReachedByAnotherAddress();
    void certificateVerifiedByAnAuthorityOpensWithoutPin();
    void tlsToThePlainPortFails();
    void closeEndsAnEncryptedConnection();

private:
    ServerTransport* makeTransport(bool tls, const QString& pin = {});

    std::unique_ptr<TlsTestServer> m_server;
    ServerTransport* m_transport = nullptr;
};

void tst_ServerTransport::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_ServerTransport::init()
{
    m_server = std::make_unique<TlsTestServer>();
    QVERIFY(m_server->start());
    QVERIFY(!m_server->fingerprint().isEmpty());
}

void tst_ServerTransport::cleanup()
{
    delete m_transport;
    m_transport = nullptr;
    m_server.reset();
}

ServerTransport* tst_ServerTransport::makeTransport(bool tls, const QString& pin)
{
    delete m_transport;
    m_transport = new ServerTransport;
    m_transport->setConnectTimeout(10000);
    m_transport->setTls(tls, pin);
    return m_transport;
}

void tst_ServerTransport::plainTextIsUnchanged()
{
    ServerTransport* transport = makeTransport(false);
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy received(transport, &ServerTransport::messageReceived);
    transport->open(m_server->host(), m_server->plainPort());
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(transport->security(), ServerTransport::Security::Plain);
    QVERIFY(transport->peerCertificate().isNull());
    transport->send(IrcCommand::nick(QStringLiteral("plain")));
    transport->send(IrcCommand::user(QStringLiteral("plain"), QStringLiteral("Plain")));
    QTRY_VERIFY(std::any_of(received.cbegin(), received.cend(), [](const QList<QVariant>& args) {
        return args.at(0).value<IrcMessage>().command() == QLatin1String("001");
    }));
}

void tst_ServerTransport::firstUseStopsForTrust()
{
    ServerTransport* transport = makeTransport(true);
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy failed(transport, &ServerTransport::failed);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    QSignalSpy changed(transport, &ServerTransport::certificateChanged);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(needsTrust.count(), 1);
    const auto certificate = needsTrust.at(0).at(0).value<QSslCertificate>();
    QCOMPARE(CertificateCheck::fingerprint(certificate), m_server->fingerprint());
    QVERIFY(CertificateCheck::isSelfIssued(certificate));
    QVERIFY(!transport->isOpen());
    QTRY_COMPARE(m_server->server()->clientCount(), 0); // the handshake was abandoned
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(transport->security(), ServerTransport::Security::Plain);
}

void tst_ServerTransport::pinnedCertificateOpens()
{
    ServerTransport* transport = makeTransport(true, m_server->fingerprint());
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    QSignalSpy received(transport, &ServerTransport::messageReceived);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(opened.count(), 1);
    QVERIFY(transport->isOpen());
    QCOMPARE(transport->security(), ServerTransport::Security::Pinned);
    QCOMPARE(CertificateCheck::fingerprint(transport->peerCertificate()), m_server->fingerprint());
    QCOMPARE(needsTrust.count(), 0);
    transport->send(IrcCommand::nick(QStringLiteral("secure")));
    transport->send(IrcCommand::user(QStringLiteral("secure"), QStringLiteral("Secure")));
    QTRY_VERIFY(std::any_of(received.cbegin(), received.cend(), [](const QList<QVariant>& args) {
        return args.at(0).value<IrcMessage>().command() == QLatin1String("001");
    }));
}

void tst_ServerTransport::pinIsComparedWithoutCaseOrSeparators()
{
    const QString pin = m_server->fingerprint().toLower().remove(QLatin1Char(':'));
    ServerTransport* transport = makeTransport(true, pin);
    QSignalSpy opened(transport, &ServerTransport::opened);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(transport->security(), ServerTransport::Security::Pinned);
}

void tst_ServerTransport::changedCertificateIsBlocked()
{
    const QString old = m_server->fingerprint();
    QVERIFY(m_server->replaceCertificate());
    const QString current = m_server->fingerprint();
    QVERIFY(current != old);

    ServerTransport* transport = makeTransport(true, old);
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy failed(transport, &ServerTransport::failed);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    QSignalSpy changed(transport, &ServerTransport::certificateChanged);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(changed.count(), 1);
    QCOMPARE(CertificateCheck::fingerprint(changed.at(0).at(0).value<QSslCertificate>()), current);
    QCOMPARE(changed.at(0).at(1).toString(), old);
    QVERIFY(!transport->isOpen());
    QCOMPARE(opened.count(), 0);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(needsTrust.count(), 0);

    // Accepting the new one: connect again with it pinned.
    transport->setTls(true, current);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(transport->security(), ServerTransport::Security::Pinned);
    QCOMPARE(changed.count(), 1);
}

void tst_ServerTransport::pinnedSelfSignedCertificateReachedByAnotherAddress()
{
    // A LAN server reached by an address its certificate does not name (here 127.0.0.2; the
    // generated certificate names 127.0.0.1, ::1 and host names): the name does not match,
    // which the pin excuses as it excuses "self-signed".
    m_server = std::make_unique<TlsTestServer>(QHostAddress(QStringLiteral("127.0.0.2")));
    if (!m_server->start())
        QSKIP("cannot listen on 127.0.0.2");
    ServerTransport* transport = makeTransport(true);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    QSignalSpy opened(transport, &ServerTransport::opened);
    transport->open(QStringLiteral("127.0.0.2"), m_server->tlsPort());
    QTRY_COMPARE(needsTrust.count(), 1);
    QCOMPARE(CertificateCheck::fingerprint(needsTrust.at(0).at(0).value<QSslCertificate>()),
             m_server->fingerprint());

    transport->setTls(true, m_server->fingerprint());
    transport->open(QStringLiteral("127.0.0.2"), m_server->tlsPort());
    QTRY_COMPARE(opened.count(), 1);
    QCOMPARE(transport->security(), ServerTransport::Security::Pinned);
}

void tst_ServerTransport::certificateVerifiedByAnAuthorityOpensWithoutPin()
{
    // The system trusts the server's certificate as an authority (as it would a CA-signed one):
    // no question, no pin needed.
    const QSslConfiguration saved = QSslConfiguration::defaultConfiguration();
    QSslConfiguration trusting = saved;
    trusting.setCaCertificates({m_server->server()->tlsContext()->certificate()});
    QSslConfiguration::setDefaultConfiguration(trusting);
    ServerTransport* transport = makeTransport(true);
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    transport->open(QStringLiteral("localhost"), m_server->tlsPort());
    const bool wasOpened = QTest::qWaitFor([&opened] { return opened.count() == 1; }, 10000);
    QSslConfiguration::setDefaultConfiguration(saved);
    QVERIFY(wasOpened);
    QCOMPARE(needsTrust.count(), 0);
    QCOMPARE(transport->security(), ServerTransport::Security::Verified);
}

void tst_ServerTransport::tlsToThePlainPortFails()
{
    ServerTransport* transport = makeTransport(true);
    transport->setConnectTimeout(3000);
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy failed(transport, &ServerTransport::failed);
    QSignalSpy needsTrust(transport, &ServerTransport::certificateNeedsTrust);
    transport->open(m_server->host(), m_server->plainPort());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    // confabd's plain port waits for a line; the handshake never ends.
    QCOMPARE(failed.at(0).at(0).value<ServerTransport::Failure>(),
             ServerTransport::Failure::TlsFailed);
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QCOMPARE(opened.count(), 0);
    QCOMPARE(needsTrust.count(), 0);
}

void tst_ServerTransport::closeEndsAnEncryptedConnection()
{
    ServerTransport* transport = makeTransport(true, m_server->fingerprint());
    QSignalSpy opened(transport, &ServerTransport::opened);
    QSignalSpy failed(transport, &ServerTransport::failed);
    transport->open(m_server->host(), m_server->tlsPort());
    QTRY_COMPARE(opened.count(), 1);
    QTRY_COMPARE(m_server->server()->clientCount(), 1);
    transport->close(IrcCommand::quit(QStringLiteral("bye")));
    QCOMPARE(transport->security(), ServerTransport::Security::Plain);
    QTRY_COMPARE(m_server->server()->clientCount(), 0);
    QCOMPARE(failed.count(), 0);
}

QTEST_GUILESS_MAIN(tst_ServerTransport)
#include "tst_servertransport.moc"

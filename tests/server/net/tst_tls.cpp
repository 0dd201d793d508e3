// TLS end to end over real sockets on 127.0.0.1: the handshake and registration over TLS, the
// protocol minimum, the certificate (generated once and reused, or configured; reloaded), the
// handshake timeout, connection limits that count handshakes, no plain bytes on the TLS port,
// relaying between TLS and plain clients through the same output path, the client certificate's
// fingerprint in the core, and shutdown with handshakes in progress.
#include "core/servercore.h"
#include "net/clientsession.h"
#include "net/server.h"
#include "net/tlscertificategenerator.h"
#include "net/tlscontext.h"
#include "net/writebatcher.h"
#include "servertestmain.h"
#include "state/serveruser.h"
#include "state/userregistry.h"
#include "testclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#include <memory>

#include <sys/stat.h>

// A TCP connection that sends and receives bytes as they are: to look at what comes back on the
// TLS port from a client that does not speak TLS.
class RawConnection : public QObject
{
    Q_OBJECT

public:
    explicit RawConnection(quint16 port, QObject* parent = nullptr)
        : QObject(parent), m_socket(new QTcpSocket(this))
    {
        connect(m_socket, &QTcpSocket::readyRead, this,
                [this] { m_received += m_socket->readAll(); });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] { m_closed = true; });
        connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { m_closed = true; });
        m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }

    QTcpSocket* socket() const { return m_socket; }
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    bool isClosed() const { return m_closed; }
    QByteArray received() const { return m_received; }

private:
    QTcpSocket* m_socket;
    QByteArray m_received;
    bool m_closed = false;
};

// A TLS client made with OpenSSL itself (memory BIOs over a QTcpSocket), so that it can be held
// to protocol versions Qt no longer offers: security level 0 lets OpenSSL 3 build a TLS 1.0 or
// 1.1 ClientHello.
class RawTlsClient : public QObject
{
    Q_OBJECT

public:
    explicit RawTlsClient(int maxVersion, QObject* parent = nullptr)
        : QObject(parent), m_socket(new QTcpSocket(this))
    {
        m_context = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_security_level(m_context, 0);
        SSL_CTX_set_min_proto_version(m_context, TLS1_VERSION);
        SSL_CTX_set_max_proto_version(m_context, maxVersion);
        SSL_CTX_set_cipher_list(m_context, "DEFAULT:@SECLEVEL=0");
        SSL_CTX_set_verify(m_context, SSL_VERIFY_NONE, nullptr);
        m_ssl = SSL_new(m_context);
        m_in = BIO_new(BIO_s_mem());
        m_out = BIO_new(BIO_s_mem());
        BIO_set_mem_eof_return(m_in, -1); // empty means "wait for more", not end of stream
        SSL_set_bio(m_ssl, m_in, m_out);  // the SSL owns both now
        SSL_set_connect_state(m_ssl);
        connect(m_socket, &QTcpSocket::connected, this, [this] { pump(); });
        connect(m_socket, &QTcpSocket::readyRead, this, [this] {
            const QByteArray data = m_socket->readAll();
            BIO_write(m_in, data.constData(), int(data.size()));
            pump();
        });
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            if (!m_finished) {
                m_finished = true;
                m_errorString = QStringLiteral("connection closed during the handshake");
            }
        });
    }
    ~RawTlsClient() override
    {
        SSL_free(m_ssl);
        SSL_CTX_free(m_context);
    }

    void connectToServer(quint16 port)
    {
        m_socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    }
    bool isFinished() const { return m_finished; }
    bool isEncrypted() const { return m_encrypted; }
    int protocolVersion() const { return SSL_version(m_ssl); }
    QString errorString() const { return m_errorString; }

private:
    void pump()
    {
        if (m_finished)
            return;
        ERR_clear_error();
        const int result = SSL_do_handshake(m_ssl);
        char buffer[16384];
        int length = 0;
        while ((length = BIO_read(m_out, buffer, int(sizeof buffer))) > 0)
            m_socket->write(buffer, length);
        if (result == 1) {
            m_finished = true;
            m_encrypted = true;
            return;
        }
        const int error = SSL_get_error(m_ssl, result);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE)
            return;
        m_finished = true;
        char text[256];
        ERR_error_string_n(ERR_peek_last_error(), text, sizeof text);
        m_errorString = QString::fromLatin1(text);
        ERR_clear_error();
    }

    QTcpSocket* m_socket;
    SSL_CTX* m_context = nullptr;
    SSL* m_ssl = nullptr;
    BIO* m_in = nullptr;
    BIO* m_out = nullptr;
    bool m_finished = false;
    bool m_encrypted = false;
    QString m_errorString;
};

class tst_Tls : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void handshakeAndRegistration();
    void tlsOnly();
    void minimumTls12();
    void generatedCertificateIsKeptAndReused();
    void configuredCertificate();
    void certificateErrorFailsListen();
    void tlsPortInUse();
    void handshakeTimeout();
    void failedHandshakeEndsSession();
    void perAddressLimitCountsHandshakes();
    void maxClientsCountsHandshakes();
    void noPlainBytesOnTlsPort();
    void relayBetweenTlsAndPlain();
    void tlsOutputIsBatched();
    void tlsSendQueueExceeded();
    void reloadCertificate();
    void clientCertificateFingerprint();
    void shutdownEndsHandshakes();

private:
    ServerConfig testConfig() const;
    bool start(const ServerConfig& config);
    // A configuration that trusts exactly this certificate (and no system authority).
    static QSslConfiguration trusting(const QSslCertificate& certificate);
    QSslConfiguration trustingServer() const;
    TestClient* connectTls(const QSslConfiguration& configuration);
    TestClient* connectPlain();
    // Registered (and in the default channel), or nullptr.
    TestClient* loginTls(const QString& nick);
    TestClient* loginTls(const QString& nick, const QSslConfiguration& configuration);
    TestClient* loginPlain(const QString& nick);
    RawConnection* connectRaw(quint16 port);
    ServerUser* user(const QString& nick) const;

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<Server> m_server;
    QList<QObject*> m_clients;
};

namespace {
int fileMode(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool waitForLogin(TestClient* client)
{
    return QTest::qWaitFor([client] { return client->has(QStringLiteral("366")); }, 10000);
}
} // namespace

void tst_Tls::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
}

void tst_Tls::cleanup()
{
    qDeleteAll(m_clients);
    m_clients.clear();
    m_server.reset();
    m_dataDir.reset();
}

ServerConfig tst_Tls::testConfig() const
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.tlsEnabled = true;
    config.tlsPort = 0;
    config.dataDir = m_dataDir->filePath(QStringLiteral("data"));
    config.floodBurst = 1000;
    config.floodMaxQueuedLines = 1000;
    return config;
}

bool tst_Tls::start(const ServerConfig& config)
{
    m_server = std::make_unique<Server>(config);
    return m_server->listen();
}

QSslConfiguration tst_Tls::trusting(const QSslCertificate& certificate)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setCaCertificates({certificate});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

QSslConfiguration tst_Tls::trustingServer() const
{
    // The certificate as a client would pin it: read from the data directory.
    return trusting(QSslCertificate(
        readFile(TlsContext::generatedCertificateFile(m_server->config().dataDir)), QSsl::Pem));
}

TestClient* tst_Tls::connectTls(const QSslConfiguration& configuration)
{
    auto* client = new TestClient;
    m_clients.append(client);
    client->connectToServerEncrypted(m_server->tlsPort(), configuration);
    return client;
}

TestClient* tst_Tls::connectPlain()
{
    auto* client = new TestClient;
    m_clients.append(client);
    client->connectToServer(m_server->serverPort());
    return client;
}

TestClient* tst_Tls::loginTls(const QString& nick)
{
    return loginTls(nick, trustingServer());
}

TestClient* tst_Tls::loginTls(const QString& nick, const QSslConfiguration& configuration)
{
    TestClient* client = connectTls(configuration);
    client->registerUser(nick); // waits in the socket for the handshake
    return waitForLogin(client) ? client : nullptr;
}

TestClient* tst_Tls::loginPlain(const QString& nick)
{
    TestClient* client = connectPlain();
    client->registerUser(nick);
    return waitForLogin(client) ? client : nullptr;
}

RawConnection* tst_Tls::connectRaw(quint16 port)
{
    auto* connection = new RawConnection(port);
    m_clients.append(connection);
    return connection;
}

ServerUser* tst_Tls::user(const QString& nick) const
{
    return m_server->core()->users().findByNick(nick);
}

void tst_Tls::handshakeAndRegistration()
{
    QVERIFY(start(testConfig()));
    QVERIFY(m_server->tlsPort() != 0);
    QVERIFY(m_server->serverPort() != 0);
    QVERIFY(m_server->tlsPort() != m_server->serverPort());
    QVERIFY(m_server->tlsContext());

    TestClient* client = connectTls(trustingServer());
    QSignalSpy encrypted(client->sslSocket(), &QSslSocket::encrypted);
    QSignalSpy sslErrors(client->sslSocket(), &QSslSocket::sslErrors);
    QTRY_COMPARE(encrypted.count(), 1);
    QCOMPARE(sslErrors.count(), 0); // the pinned certificate verifies, for the name "localhost"

    // The certificate the client got is the server's, and its fingerprint is the one logged.
    const QSslCertificate peer = client->sslSocket()->peerCertificate();
    QCOMPARE(peer, m_server->tlsContext()->certificate());
    QCOMPARE(peer.digest(QCryptographicHash::Sha256),
             m_server->tlsContext()->certificate().digest(QCryptographicHash::Sha256));
    QCOMPARE(TlsContext::fingerprint(peer), m_server->tlsContext()->fingerprint());
    QVERIFY(client->sslSocket()->sessionProtocol() == QSsl::TlsV1_3 ||
            client->sslSocket()->sessionProtocol() == QSsl::TlsV1_2);

    client->registerUser(QStringLiteral("alice"));
    QVERIFY(waitForLogin(client));
    QCOMPARE(client->messages().first().command(), QStringLiteral("001"));
    QCOMPARE(client->messages().first().param(0), QStringLiteral("alice"));
    ServerUser* alice = user(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(alice->isSecure());
    QVERIFY(alice->isLoopback());
    QVERIFY(alice->certificateFingerprint().isEmpty());

    // QUIT over TLS: the ERROR line is delivered (encrypted) before the close.
    client->sendLine("QUIT :bye");
    QTRY_VERIFY(client->has(QStringLiteral("ERROR")));
    QCOMPARE(client->last(QStringLiteral("ERROR")).param(0),
             QStringLiteral("Closing Link: 127.0.0.1 (Quit: bye)"));
    QTRY_VERIFY(client->isDisconnected());
    QTRY_COMPARE(m_server->clientCount(), 0);
}

void tst_Tls::tlsOnly()
{
    ServerConfig config = testConfig();
    config.plainEnabled = false;
    QVERIFY(start(config));
    QCOMPARE(m_server->serverPort(), quint16(0));
    QVERIFY(m_server->tlsPort() != 0);
    QCOMPARE(m_server->listenAddresses(),
             QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost)});
    QVERIFY(loginTls(QStringLiteral("alice")));

    // And without TLS, no certificate is made and there is no TLS port.
    m_server.reset();
    ServerConfig plain = testConfig();
    plain.tlsEnabled = false;
    plain.dataDir = m_dataDir->filePath(QStringLiteral("plain"));
    QVERIFY(start(plain));
    QCOMPARE(m_server->tlsPort(), quint16(0));
    QVERIFY(!m_server->tlsContext());
    QVERIFY(!QFileInfo::exists(plain.dataDir + QStringLiteral("/tls"))); // the accounts are there
}

void tst_Tls::minimumTls12()
{
    QVERIFY(start(testConfig()));
    // The setting itself. OpenSSL 3 on Debian 12 refuses TLS 1.0 and 1.1 at its default security
    // level anyway, so the refusal below would also happen without it: this is the assertion
    // that fails if the server's minimum is lowered.
    QCOMPARE(m_server->tlsContext()->configuration().protocol(), QSsl::TlsV1_2OrLater);

    // The same raw OpenSSL client, allowed TLS 1.2, gets in (the client itself works)...
    RawTlsClient tls12(TLS1_2_VERSION);
    tls12.connectToServer(m_server->tlsPort());
    QTRY_VERIFY(tls12.isFinished());
    QVERIFY2(tls12.isEncrypted(), qPrintable(tls12.errorString()));
    QCOMPARE(tls12.protocolVersion(), TLS1_2_VERSION);

    // ...held to TLS 1.1 (OpenSSL 3 still builds that ClientHello at security level 0), it is
    // refused with a protocol_version alert.
    RawTlsClient tls11(TLS1_1_VERSION);
    tls11.connectToServer(m_server->tlsPort());
    QTRY_VERIFY(tls11.isFinished());
    QVERIFY(!tls11.isEncrypted());
    QVERIFY2(tls11.errorString().contains(QLatin1String("protocol version")),
             qPrintable(tls11.errorString()));
    QTRY_COMPARE(m_server->clientCount(), 1); // the TLS 1.2 client only
    QCOMPARE(m_server->core()->connectionCount(), 1);

    // A Qt client held to TLS 1.2 gets TLS 1.2; one with Qt's defaults gets TLS 1.3.
    QSslConfiguration only12 = trustingServer();
    only12.setProtocol(QSsl::TlsV1_2);
    TestClient* client12 = connectTls(only12);
    QTRY_VERIFY(client12->sslSocket()->isEncrypted());
    QCOMPARE(client12->sslSocket()->sessionProtocol(), QSsl::TlsV1_2);
    TestClient* client13 = connectTls(trustingServer());
    QTRY_VERIFY(client13->sslSocket()->isEncrypted());
    QCOMPARE(client13->sslSocket()->sessionProtocol(), QSsl::TlsV1_3);
}

void tst_Tls::generatedCertificateIsKeptAndReused()
{
    const ServerConfig config = testConfig();
    QVERIFY(start(config));
    const QString certificateFile = config.dataDir + QStringLiteral("/tls/confabd-cert.pem");
    const QString keyFile = config.dataDir + QStringLiteral("/tls/confabd-key.pem");
    QVERIFY(QFile::exists(certificateFile));
    QVERIFY(QFile::exists(keyFile));
    QCOMPARE(fileMode(keyFile), 0600);
    QCOMPARE(fileMode(config.dataDir + QStringLiteral("/tls")), 0700);
    QCOMPARE(m_server->tlsContext()->certificateFile(), certificateFile);
    const QString fingerprint = m_server->tlsContext()->fingerprint();
    const QByteArray certificatePem = readFile(certificateFile);
    const QByteArray keyPem = readFile(keyFile);
    QCOMPARE(TlsContext::fingerprint(QSslCertificate(certificatePem, QSsl::Pem)), fingerprint);

    // A restart keeps the certificate: the same fingerprint, the files untouched, and a client
    // that pinned it before still gets in.
    const QSslConfiguration pinned = trustingServer();
    m_server.reset();
    QTest::ignoreMessage(
        QtInfoMsg,
        qPrintable(QStringLiteral("TLS certificate SHA-256 fingerprint: %1").arg(fingerprint)));
    QVERIFY(start(config));
    QCOMPARE(m_server->tlsContext()->fingerprint(), fingerprint);
    QCOMPARE(readFile(certificateFile), certificatePem);
    QCOMPARE(readFile(keyFile), keyPem);
    TestClient* client = connectTls(pinned);
    QTRY_VERIFY(client->sslSocket()->isEncrypted());
    QCOMPARE(TlsContext::fingerprint(client->sslSocket()->peerCertificate()), fingerprint);
}

void tst_Tls::configuredCertificate()
{
    // What --tls-cert and --tls-key give: used instead of generating one.
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    TlsCertificateGenerator generator(QStringLiteral("configured.example"));
    QVERIFY(generator.generate());
    const QString certificateFile = elsewhere.filePath(QStringLiteral("server.crt"));
    const QString keyFile = elsewhere.filePath(QStringLiteral("server.key"));
    QVERIFY(generator.writeFiles(certificateFile, keyFile));
    const QSslCertificate configured(generator.certificatePem(), QSsl::Pem);

    ServerConfig config = testConfig();
    config.tlsCertFile = certificateFile;
    config.tlsKeyFile = keyFile;
    QTest::ignoreMessage(QtInfoMsg,
                         qPrintable(QStringLiteral("TLS certificate SHA-256 fingerprint: %1")
                                        .arg(TlsContext::fingerprint(configured))));
    QVERIFY(start(config));
    QCOMPARE(m_server->tlsContext()->certificate(), configured);
    QVERIFY(!m_server->tlsContext()->isGenerated());
    QVERIFY(!QFileInfo::exists(config.dataDir + QStringLiteral("/tls")));

    TestClient* client = loginTls(QStringLiteral("alice"), trusting(configured));
    QVERIFY(client);
    QCOMPARE(client->sslSocket()->peerCertificate(), configured);
}

void tst_Tls::certificateErrorFailsListen()
{
    QTemporaryDir elsewhere;
    QVERIFY(elsewhere.isValid());
    const QString garbage = elsewhere.filePath(QStringLiteral("garbage.pem"));
    QFile file(garbage);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();

    ServerConfig config = testConfig();
    config.tlsCertFile = garbage;
    config.tlsKeyFile = garbage;
    Server server(config);
    QTest::ignoreMessage(QtCriticalMsg,
                         qPrintable(QStringLiteral("no PEM certificate in %1").arg(garbage)));
    QVERIFY(!server.listen());
    QCOMPARE(server.errorString(), QStringLiteral("no PEM certificate in %1").arg(garbage));
    // Nothing listens, not even the plain port.
    QCOMPARE(server.serverPort(), quint16(0));
    QCOMPARE(server.tlsPort(), quint16(0));
}

void tst_Tls::tlsPortInUse()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress(QHostAddress::LocalHost)));
    ServerConfig config = testConfig();
    config.tlsPort = blocker.serverPort();
    Server server(config);
    QVERIFY(!server.listen());
    QVERIFY2(server.errorString().contains(QString::number(blocker.serverPort())) &&
                 server.errorString().contains(QLatin1String("(TLS)")),
             qPrintable(server.errorString()));
    QCOMPARE(server.serverPort(), quint16(0));
    QCOMPARE(server.tlsPort(), quint16(0));
}

void tst_Tls::handshakeTimeout()
{
    ServerConfig config = testConfig();
    config.tlsHandshakeTimeoutMs = 300;
    QVERIFY(start(config));

    // Connected to the TLS port, and silent.
    QElapsedTimer elapsed;
    elapsed.start();
    RawConnection* silent = connectRaw(m_server->tlsPort());
    QTRY_VERIFY(silent->isConnected());
    QTRY_COMPARE(m_server->clientCount(), 1);
    QTRY_VERIFY(silent->isClosed());
    QVERIFY2(elapsed.elapsed() >= 250, qPrintable(QString::number(elapsed.elapsed())));
    QVERIFY(silent->received().isEmpty()); // no ERROR line, nothing at all
    QTRY_COMPARE(m_server->clientCount(), 0);

    // A connection whose handshake is done is not cut by that timer.
    TestClient* alice = loginTls(QStringLiteral("alice"));
    QVERIFY(alice);
    QTest::qWait(2 * config.tlsHandshakeTimeoutMs);
    QVERIFY(alice->isConnected());
    alice->sendLine("PING :still");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
}

void tst_Tls::failedHandshakeEndsSession()
{
    ServerConfig config = testConfig();
    config.tlsHandshakeTimeoutMs = 60000;
    QVERIFY(start(config));
    // A client that does not trust the server's certificate gives up the handshake: the session
    // ends then, long before the handshake timeout, and the core never saw it.
    TestClient* client = connectTls(QSslConfiguration::defaultConfiguration());
    QSignalSpy sslErrors(client->sslSocket(), &QSslSocket::sslErrors);
    QTRY_VERIFY(client->isDisconnected());
    QVERIFY(sslErrors.count() >= 1);
    QVERIFY(!client->sslSocket()->isEncrypted());
    QTRY_COMPARE(m_server->clientCount(), 0);
    QCOMPARE(m_server->core()->connectionCount(), 0);
}

void tst_Tls::perAddressLimitCountsHandshakes()
{
    ServerConfig config = testConfig();
    config.maxConnectionsPerIp = 2;
    config.tlsHandshakeTimeoutMs = 60000;
    QVERIFY(start(config));
    RawConnection* first = connectRaw(m_server->tlsPort());
    RawConnection* second = connectRaw(m_server->tlsPort());
    QTRY_COMPARE(m_server->clientCount(), 2);
    // Both are still in their handshake: not in the core, but holding the address's slots.
    QCOMPARE(m_server->core()->connectionCount(), 0);

    // A third TLS connection is cut: no handshake, and not a byte (no ERROR line).
    RawConnection* third = connectRaw(m_server->tlsPort());
    QTRY_VERIFY(third->isClosed());
    QVERIFY(third->received().isEmpty());
    // A plain connection from the same address is refused the plain way.
    TestClient* plain = connectPlain();
    QTRY_VERIFY(plain->has(QStringLiteral("ERROR")));
    QCOMPARE(plain->last(QStringLiteral("ERROR")).param(0),
             QStringLiteral("Too many connections from your host"));
    QCOMPARE(m_server->clientCount(), 2);
    QVERIFY(first->isConnected() && second->isConnected());

    // One handshake given up: a slot is free again.
    first->socket()->abort();
    QTRY_COMPARE(m_server->clientCount(), 1);
    QVERIFY(loginTls(QStringLiteral("alice")));
    QCOMPARE(m_server->clientCount(), 2);
}

void tst_Tls::maxClientsCountsHandshakes()
{
    ServerConfig config = testConfig();
    config.maxClients = 1;
    config.tlsHandshakeTimeoutMs = 60000;
    QVERIFY(start(config));
    RawConnection* handshaking = connectRaw(m_server->tlsPort());
    QTRY_COMPARE(m_server->clientCount(), 1);
    // Refused without a byte; a TLS client sees its handshake fail.
    RawConnection* refused = connectRaw(m_server->tlsPort());
    QTRY_VERIFY(refused->isClosed());
    QVERIFY(refused->received().isEmpty());
    TestClient* refusedTls = connectTls(trustingServer());
    QTRY_VERIFY(refusedTls->isDisconnected());
    QVERIFY(!refusedTls->sslSocket()->isEncrypted());
    TestClient* plain = connectPlain();
    QTRY_VERIFY(plain->has(QStringLiteral("ERROR")));
    QCOMPARE(plain->last(QStringLiteral("ERROR")).param(0), QStringLiteral("Server is full"));
    QCOMPARE(m_server->clientCount(), 1);
    QVERIFY(handshaking->isConnected());
}

void tst_Tls::noPlainBytesOnTlsPort()
{
    ServerConfig config = testConfig();
    config.tlsHandshakeTimeoutMs = 60000;
    QVERIFY(start(config));
    RawConnection* raw = connectRaw(m_server->tlsPort());
    QTRY_VERIFY(raw->isConnected());
    raw->socket()->write("NICK x\r\nUSER x 0 * :x\r\n");
    // Not TLS: the handshake fails at once and the connection is closed.
    QTRY_VERIFY(raw->isClosed());
    const QByteArray received = raw->received();
    QVERIFY2(!received.contains("001"), received.toHex().constData());
    QVERIFY2(!received.contains("ERROR :"), received.toHex().constData());
    QVERIFY2(!received.contains("\r\n"), received.toHex().constData());
    // At most a TLS alert record (content type 21).
    if (!received.isEmpty())
        QCOMPARE(int(quint8(received.at(0))), 21);
    QTRY_COMPARE(m_server->clientCount(), 0);
    QVERIFY(!user(QStringLiteral("x")));
    QCOMPARE(m_server->core()->connectionCount(), 0);
}

void tst_Tls::relayBetweenTlsAndPlain()
{
    QVERIFY(start(testConfig()));
    TestClient* alice = loginTls(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* bob = loginPlain(QStringLiteral("bob"));
    QVERIFY(bob);
    TestClient* carol = loginTls(QStringLiteral("carol"));
    QVERIFY(carol);
    QTRY_COMPARE(alice->count(QStringLiteral("JOIN")), 3);
    QTRY_COMPARE(bob->count(QStringLiteral("JOIN")), 2);

    // Many lines in a row from a TLS client reach the plain and the TLS member, once, in order.
    constexpr int Lines = 200;
    for (int i = 0; i < Lines; ++i)
        alice->sendLine("PRIVMSG #lobby :from tls " + QByteArray::number(i));
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), Lines);
    QTRY_COMPARE(carol->count(QStringLiteral("PRIVMSG")), Lines);
    const QList<IrcMessage> atBob = bob->messages(QStringLiteral("PRIVMSG"));
    const QList<IrcMessage> atCarol = carol->messages(QStringLiteral("PRIVMSG"));
    for (int i = 0; i < Lines; ++i) {
        const QString text = QStringLiteral("from tls %1").arg(i);
        QCOMPARE(atBob.at(i).param(1), text);
        QCOMPARE(atCarol.at(i).param(1), text);
        QCOMPARE(atBob.at(i).nick(), QStringLiteral("alice"));
    }
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 0);

    // And back, from the plain client to the TLS ones.
    for (int i = 0; i < Lines; ++i)
        bob->sendLine("PRIVMSG #lobby :from plain " + QByteArray::number(i));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), Lines);
    QTRY_COMPARE(carol->count(QStringLiteral("PRIVMSG")), 2 * Lines);
    const QList<IrcMessage> atAlice = alice->messages(QStringLiteral("PRIVMSG"));
    for (int i = 0; i < Lines; ++i)
        QCOMPARE(atAlice.at(i).param(1), QStringLiteral("from plain %1").arg(i));

    bob->sendLine("PRIVMSG alice :just for you");
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), Lines + 1);
    QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(1), QStringLiteral("just for you"));

    // A burst larger than a TLS record and than the session's read chunk, in one write.
    constexpr int BigLines = 100;
    const QByteArray text(400, 'y');
    QByteArray burst;
    for (int i = 0; i < BigLines; ++i)
        burst += "PRIVMSG bob :" + QByteArray::number(i) + ' ' + text + "\r\n";
    QVERIFY(burst.size() > 32 * 1024);
    const int before = bob->count(QStringLiteral("PRIVMSG"));
    carol->sendRaw(burst);
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), before + BigLines);
    const QList<IrcMessage> big = bob->messages(QStringLiteral("PRIVMSG")).mid(before);
    for (int i = 0; i < BigLines; ++i)
        QCOMPARE(big.at(i).param(1), QString::number(i) + u' ' + QString::fromLatin1(text));
    // Everyone is still there: no TLS stream was corrupted by bytes written around it.
    QVERIFY(alice->isConnected() && bob->isConnected() && carol->isConnected());
    QCOMPARE(m_server->core()->userCount(), 3);
}

void tst_Tls::tlsOutputIsBatched()
{
    QVERIFY(start(testConfig()));
    TestClient* alice = loginTls(QStringLiteral("alice"));
    QVERIFY(alice);
    ClientSession* session = nullptr;
    const QList<ClientSession*> sessions = m_server->findChildren<ClientSession*>();
    for (ClientSession* candidate : sessions) {
        if (candidate->isTls())
            session = candidate;
    }
    QVERIFY(session);
    QVERIFY(!session->isHandshaking());
    const WriteBatcher* batcher = m_server->findChild<WriteBatcher*>();
    QVERIFY(batcher);
    QTRY_COMPARE(session->queuedOutputBytes(), 0);

    // Lines of one iteration wait in the session, scheduled once, and arrive together in order.
    alice->clear();
    session->sendWire(":confab.local NOTICE alice :one\r\n");
    session->sendWire(":confab.local NOTICE alice :two\r\n");
    session->sendWire(":confab.local NOTICE alice :three\r\n");
    QVERIFY(session->queuedOutputBytes() > 0);
    QCOMPARE(batcher->scheduledCount(), 1);
    QTRY_COMPARE(alice->count(QStringLiteral("NOTICE")), 3);
    const QList<IrcMessage> notices = alice->messages(QStringLiteral("NOTICE"));
    QCOMPARE(notices.at(0).param(1), QStringLiteral("one"));
    QCOMPARE(notices.at(1).param(1), QStringLiteral("two"));
    QCOMPARE(notices.at(2).param(1), QStringLiteral("three"));
    QCOMPARE(session->queuedOutputBytes(), 0);
    QCOMPARE(batcher->scheduledCount(), 0);
}

void tst_Tls::tlsSendQueueExceeded()
{
    // QSslSocket::bytesToWrite() leaves out what it has encrypted: a TLS client that stops
    // reading must still reach the send-queue limit.
    ServerConfig config = testConfig();
    config.floodRate = 0;
    config.floodMaxQueuedLines = 100000;
    config.sendQueueBytes = 64 * 1024;
    QVERIFY(start(config));
    TestClient* bystander = loginPlain(QStringLiteral("bystander"));
    TestClient* sender = loginPlain(QStringLiteral("sender"));
    TestClient* stuck = loginTls(QStringLiteral("stuck"));
    QVERIFY(bystander && sender && stuck);
    stuck->pauseReading();
    const QByteArray line = "PRIVMSG stuck :" + QByteArray(400, 'x') + "\r\n";
    QByteArray batch;
    for (int i = 0; i < 500; ++i)
        batch += line;
    const qint64 sent = sender->sendRepeatedly(
        batch, [bystander] { return bystander->has(QStringLiteral("QUIT")); }, 64LL * 1024 * 1024);
    QTRY_VERIFY(bystander->has(QStringLiteral("QUIT")));
    qInfo("SendQ exceeded after %lld bytes sent to a TLS client that stopped reading", sent);
    QCOMPARE(bystander->last(QStringLiteral("QUIT")).nick(), QStringLiteral("stuck"));
    QCOMPARE(bystander->last(QStringLiteral("QUIT")).param(0), QStringLiteral("SendQ exceeded"));
    QTRY_COMPARE(m_server->clientCount(), 2);
}

void tst_Tls::reloadCertificate()
{
    const ServerConfig config = testConfig();
    QVERIFY(start(config));
    TestClient* alice = loginTls(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* bob = loginPlain(QStringLiteral("bob"));
    QVERIFY(bob);
    const QSslCertificate old = m_server->tlsContext()->certificate();

    // A new pair in place of the generated one, then reload() (what SIGHUP does).
    TlsCertificateGenerator generator(config.serverName);
    QVERIFY(generator.generate());
    QVERIFY(generator.writeFiles(TlsContext::generatedCertificateFile(config.dataDir),
                                 TlsContext::generatedKeyFile(config.dataDir)));
    const QSslCertificate renewed(generator.certificatePem(), QSsl::Pem);
    QVERIFY(renewed != old);
    QVERIFY(m_server->reload());
    QCOMPARE(m_server->tlsContext()->certificate(), renewed);
    QCOMPARE(m_server->tlsContext()->fingerprint(), TlsContext::fingerprint(renewed));

    // The session that was there keeps working, on the certificate it started with.
    alice->sendLine("PRIVMSG bob :after the reload");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(bob->last(QStringLiteral("PRIVMSG")).param(1), QStringLiteral("after the reload"));
    bob->sendLine("PRIVMSG alice :got it");
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(alice->sslSocket()->peerCertificate(), old);

    // A new connection gets the new certificate; a client that pinned the old one is refused.
    TestClient* carol = loginTls(QStringLiteral("carol"), trusting(renewed));
    QVERIFY(carol);
    QCOMPARE(carol->sslSocket()->peerCertificate().digest(QCryptographicHash::Sha256),
             renewed.digest(QCryptographicHash::Sha256));
    TestClient* stale = connectTls(trusting(old));
    QTRY_VERIFY(stale->isDisconnected());
    QVERIFY(!stale->sslSocket()->isEncrypted());

    // A reload that fails keeps the certificate in use.
    QFile key(TlsContext::generatedKeyFile(config.dataDir));
    QVERIFY(key.open(QIODevice::WriteOnly | QIODevice::Truncate));
    key.write("broken\n");
    key.close();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral(
                                           "^cannot reload the TLS certificate, keeping the one "
                                           "in use: no PEM private key")));
    QVERIFY(!m_server->reload());
    QCOMPARE(m_server->tlsContext()->certificate(), renewed);
    QVERIFY(loginTls(QStringLiteral("dave"), trusting(renewed)));
}

void tst_Tls::clientCertificateFingerprint()
{
    QVERIFY(start(testConfig()));
    TlsCertificateGenerator generator(QStringLiteral("alice.client.example"));
    QVERIFY(generator.generate());
    const QSslCertificate clientCertificate(generator.certificatePem(), QSsl::Pem);
    QSslConfiguration withCertificate = trustingServer();
    withCertificate.setLocalCertificate(clientCertificate);
    withCertificate.setPrivateKey(
        QSslKey(generator.privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));

    TestClient* alice = loginTls(QStringLiteral("alice"), withCertificate);
    QVERIFY(alice);
    TestClient* bob = loginTls(QStringLiteral("bob"));
    QVERIFY(bob);
    TestClient* carol = loginPlain(QStringLiteral("carol"));
    QVERIFY(carol);

    // A self-signed client certificate is accepted (not verified) and identified.
    const ServerUser* withCert = user(QStringLiteral("alice"));
    QVERIFY(withCert);
    QVERIFY(withCert->isSecure());
    QCOMPARE(withCert->certificateFingerprint(),
             clientCertificate.digest(QCryptographicHash::Sha256).toHex());
    QCOMPARE(withCert->certificateFingerprint().size(), 64);
    QCOMPARE(withCert->certificateFingerprint(), withCert->certificateFingerprint().toLower());

    const ServerUser* withoutCert = user(QStringLiteral("bob"));
    QVERIFY(withoutCert);
    QVERIFY(withoutCert->isSecure());
    QVERIFY(withoutCert->certificateFingerprint().isEmpty());

    const ServerUser* plain = user(QStringLiteral("carol"));
    QVERIFY(plain);
    QVERIFY(!plain->isSecure());
    QVERIFY(plain->isLoopback());
    QVERIFY(plain->certificateFingerprint().isEmpty());
}

void tst_Tls::shutdownEndsHandshakes()
{
    ServerConfig config = testConfig();
    config.tlsHandshakeTimeoutMs = 60000;
    QVERIFY(start(config));
    TestClient* alice = loginTls(QStringLiteral("alice"));
    QVERIFY(alice);
    RawConnection* handshaking = connectRaw(m_server->tlsPort());
    QTRY_COMPARE(m_server->clientCount(), 2);

    QSignalSpy finished(m_server.get(), &Server::finished);
    m_server->shutdown(QStringLiteral("Server shutting down"));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(m_server->clientCount(), 0);
    QTRY_VERIFY(alice->has(QStringLiteral("ERROR")));
    QCOMPARE(alice->last(QStringLiteral("ERROR")).param(0),
             QStringLiteral("Closing Link: 127.0.0.1 (Server shutting down)"));
    QTRY_VERIFY(handshaking->isClosed());
    QVERIFY(handshaking->received().isEmpty());
}

CONFAB_SERVER_TEST_MAIN(tst_Tls)
#include "tst_tls.moc"

// TlsContext: where the server's certificate comes from (generated once into the data directory,
// or configured), what the TLS configuration allows, the fingerprint, the errors, and reloading.
#include "net/tlscertificategenerator.h"
#include "net/tlscontext.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/buffer.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include <sys/stat.h>

class tst_TlsContext : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void generatesIntoDataDir();
    void reusesGeneratedPair();
    void generatesAgainWithoutCertificate();
    void configuredPair();
    void rsaKey();
    void errors_data();
    void errors();
    void reload();
    void reloadFailureKeepsConfiguration();
    void fingerprintFormat();

private:
    ServerConfig configWithDataDir() const;
    // A new generated pair, written into the temporary directory under name-cert.pem and
    // name-key.pem.
    bool writePair(const QString& name, TlsCertificateGenerator* generator = nullptr);
    QString path(const QString& name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

namespace {
int fileMode(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A self-signed certificate for key, as PEM; the key as PEM too, in OpenSSL's traditional form
// ("BEGIN RSA PRIVATE KEY") where the type has one. Not what confabd makes: what admins bring.
bool makePair(EVP_PKEY* key, QByteArray* certificatePem, QByteArray* keyPem)
{
    std::unique_ptr<X509, void (*)(X509*)> certificate(X509_new(), X509_free);
    const bool ed25519 = EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519;
    if (!certificate || !X509_set_version(certificate.get(), X509_VERSION_3) ||
        !ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()), 1) ||
        !X509_gmtime_adj(X509_getm_notBefore(certificate.get()), 0) ||
        !X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 86400) ||
        !X509_NAME_add_entry_by_txt(X509_get_subject_name(certificate.get()), "CN", MBSTRING_ASC,
                                    reinterpret_cast<const unsigned char*>("other.example"), -1, -1,
                                    0) ||
        !X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get())) ||
        !X509_set_pubkey(certificate.get(), key) ||
        X509_sign(certificate.get(), key, ed25519 ? nullptr : EVP_sha256()) <= 0)
        return false;
    std::unique_ptr<BIO, void (*)(BIO*)> certificateBio(BIO_new(BIO_s_mem()), BIO_free_all);
    std::unique_ptr<BIO, void (*)(BIO*)> keyBio(BIO_new(BIO_s_mem()), BIO_free_all);
    if (!PEM_write_bio_X509(certificateBio.get(), certificate.get()) ||
        !(ed25519
              ? PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
              : PEM_write_bio_PrivateKey_traditional(keyBio.get(), key, nullptr, nullptr, 0,
                                                     nullptr, nullptr)))
        return false;
    BUF_MEM* memory = nullptr;
    BIO_get_mem_ptr(certificateBio.get(), &memory);
    *certificatePem = QByteArray(memory->data, qsizetype(memory->length));
    BIO_get_mem_ptr(keyBio.get(), &memory);
    *keyPem = QByteArray(memory->data, qsizetype(memory->length));
    return true;
}
} // namespace

void tst_TlsContext::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_TlsContext::cleanup()
{
    m_dir.reset();
}

ServerConfig tst_TlsContext::configWithDataDir() const
{
    ServerConfig config;
    config.serverName = QStringLiteral("context.test");
    config.dataDir = path(QStringLiteral("data"));
    return config;
}

bool tst_TlsContext::writePair(const QString& name, TlsCertificateGenerator* generator)
{
    TlsCertificateGenerator own(name + QStringLiteral(".example"));
    TlsCertificateGenerator* g = generator ? generator : &own;
    return g->generate() && g->writeFiles(path(name + QStringLiteral("-cert.pem")),
                                          path(name + QStringLiteral("-key.pem")));
}

void tst_TlsContext::generatesIntoDataDir()
{
    const ServerConfig config = configWithDataDir();
    TlsContext context(config);
    QVERIFY(context.isGenerated());
    QVERIFY(!context.isLoaded());
    QVERIFY2(context.load(), qPrintable(context.errorString()));
    QVERIFY(context.isLoaded());

    const QString certificateFile = config.dataDir + QStringLiteral("/tls/confabd-cert.pem");
    const QString keyFile = config.dataDir + QStringLiteral("/tls/confabd-key.pem");
    QCOMPARE(context.certificateFile(), certificateFile);
    QCOMPARE(context.keyFile(), keyFile);
    QCOMPARE(TlsContext::generatedCertificateFile(config.dataDir), certificateFile);
    QCOMPARE(TlsContext::generatedKeyFile(config.dataDir), keyFile);
    QCOMPARE(fileMode(config.dataDir), 0700);
    QCOMPARE(fileMode(config.dataDir + QStringLiteral("/tls")), 0700);
    QCOMPARE(fileMode(keyFile), 0600);
    QVERIFY(QFile::exists(certificateFile));

    // The certificate in use is the one in the file, for the server name.
    const QSslCertificate onDisk(readFile(certificateFile), QSsl::Pem);
    QVERIFY(!onDisk.isNull());
    QCOMPARE(context.certificate(), onDisk);
    QCOMPARE(onDisk.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("context.test")});

    // What every TLS connection gets.
    const QSslConfiguration configuration = context.configuration();
    QCOMPARE(configuration.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(configuration.peerVerifyMode(), QSslSocket::QueryPeer);
    QCOMPARE(configuration.localCertificate(), onDisk);
    QCOMPARE(configuration.localCertificateChain().size(), 1);
    QVERIFY(!configuration.privateKey().isNull());
    QCOMPARE(configuration.privateKey().algorithm(), QSsl::Ec);
    QCOMPARE(configuration.privateKey(),
             QSslKey(readFile(keyFile), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    QVERIFY(configuration.caCertificates().isEmpty());
}

void tst_TlsContext::reusesGeneratedPair()
{
    const ServerConfig config = configWithDataDir();
    TlsContext first(config);
    QVERIFY(first.load());
    const QByteArray certificatePem = readFile(first.certificateFile());
    const QByteArray keyPem = readFile(first.keyFile());

    TlsContext second(config);
    QVERIFY2(second.load(), qPrintable(second.errorString()));
    QCOMPARE(second.fingerprint(), first.fingerprint());
    QCOMPARE(readFile(second.certificateFile()), certificatePem);
    QCOMPARE(readFile(second.keyFile()), keyPem);
}

void tst_TlsContext::generatesAgainWithoutCertificate()
{
    // The key is written first: a key without its certificate is what an interrupted first
    // start leaves, and a new pair replaces it.
    const ServerConfig config = configWithDataDir();
    TlsContext first(config);
    QVERIFY(first.load());
    QVERIFY(QFile::remove(first.certificateFile()));
    const QByteArray oldKey = readFile(first.keyFile());

    TlsContext second(config);
    QVERIFY2(second.load(), qPrintable(second.errorString()));
    QVERIFY(second.fingerprint() != first.fingerprint());
    QVERIFY(readFile(second.keyFile()) != oldKey);
    QCOMPARE(fileMode(second.keyFile()), 0600);
}

void tst_TlsContext::configuredPair()
{
    TlsCertificateGenerator generator(QStringLiteral("configured.example"));
    QVERIFY(writePair(QStringLiteral("configured"), &generator));
    ServerConfig config = configWithDataDir();
    config.tlsCertFile = path(QStringLiteral("configured-cert.pem"));
    config.tlsKeyFile = path(QStringLiteral("configured-key.pem"));

    TlsContext context(config);
    QVERIFY(!context.isGenerated());
    QVERIFY2(context.load(), qPrintable(context.errorString()));
    QCOMPARE(context.certificateFile(), config.tlsCertFile);
    QCOMPARE(context.certificate(), QSslCertificate(generator.certificatePem(), QSsl::Pem));
    QCOMPARE(context.configuration().localCertificate(), context.certificate());
    // Nothing was generated.
    QVERIFY(!QFileInfo::exists(config.dataDir + QStringLiteral("/tls")));
}

void tst_TlsContext::rsaKey()
{
    std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)> key(EVP_RSA_gen(2048), EVP_PKEY_free);
    QVERIFY(key);
    QByteArray certificatePem;
    QByteArray keyPem;
    QVERIFY(makePair(key.get(), &certificatePem, &keyPem));
    QVERIFY(keyPem.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    QVERIFY(writeFile(path(QStringLiteral("rsa-cert.pem")), certificatePem));
    QVERIFY(writeFile(path(QStringLiteral("rsa-key.pem")), keyPem));
    ServerConfig config;
    config.tlsCertFile = path(QStringLiteral("rsa-cert.pem"));
    config.tlsKeyFile = path(QStringLiteral("rsa-key.pem"));

    TlsContext context(config);
    QVERIFY2(context.load(), qPrintable(context.errorString()));
    QCOMPARE(context.configuration().privateKey().algorithm(), QSsl::Rsa);
    QCOMPARE(context.certificate(), QSslCertificate(certificatePem, QSsl::Pem));
}

void tst_TlsContext::errors_data()
{
    QTest::addColumn<QString>("certificate"); // what goes in the certificate file
    QTest::addColumn<QString>("key");         // what goes in the key file
    QTest::addColumn<QString>("error");       // part of the error text

    // "a"/"b": two generated pairs; "none": the file does not exist; other words: see errors().
    QTest::newRow("certificate file missing") << "none"
                                              << "a"
                                              << "cannot read the TLS certificate";
    QTest::newRow("key file missing") << "a"
                                      << "none"
                                      << "cannot read the TLS key";
    QTest::newRow("certificate not PEM") << "garbage"
                                         << "a"
                                         << "no PEM certificate in";
    QTest::newRow("key not PEM") << "a"
                                 << "garbage"
                                 << "no PEM private key in";
    QTest::newRow("certificate given as the key") << "a"
                                                  << "a-certificate"
                                                  << "no PEM private key in";
    QTest::newRow("key of another certificate") << "a"
                                                << "b"
                                                << "does not belong to";
    QTest::newRow("encrypted key") << "a"
                                   << "a-encrypted"
                                   << "encrypted key cannot be used";
    QTest::newRow("Ed25519 key") << "ed25519"
                                 << "ed25519"
                                 << "use an EC or RSA key";
    QTest::newRow("oversized certificate file") << "huge"
                                                << "a"
                                                << "too large";
    QTest::newRow("no files and no data directory") << ""
                                                    << ""
                                                    << "no data directory";
}

void tst_TlsContext::errors()
{
    QFETCH(QString, certificate);
    QFETCH(QString, key);
    QFETCH(QString, error);

    TlsCertificateGenerator a(QStringLiteral("a.example"));
    QVERIFY(writePair(QStringLiteral("a"), &a));
    QVERIFY(writePair(QStringLiteral("b")));
    std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)> ed25519(
        EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), EVP_PKEY_free);
    QVERIFY(ed25519);
    QByteArray ed25519Certificate;
    QByteArray ed25519Key;
    QVERIFY(makePair(ed25519.get(), &ed25519Certificate, &ed25519Key));
    QVERIFY(writeFile(path(QStringLiteral("ed25519-cert.pem")), ed25519Certificate));
    QVERIFY(writeFile(path(QStringLiteral("ed25519-key.pem")), ed25519Key));
    QVERIFY(writeFile(path(QStringLiteral("garbage")), "hello, not PEM\n"));
    QVERIFY(writeFile(path(QStringLiteral("huge")), QByteArray(2 * 1024 * 1024, 'x')));
    QVERIFY(writeFile(path(QStringLiteral("a-certificate")), a.certificatePem()));
    const QSslKey aKey(a.privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!aKey.isNull());
    const QByteArray encrypted = aKey.toPem("secret");
    QVERIFY(encrypted.contains("ENCRYPTED"));
    QVERIFY(writeFile(path(QStringLiteral("a-encrypted")), encrypted));

    auto fileFor = [this](const QString& word, const QString& suffix) {
        if (word.isEmpty())
            return QString();
        if (word == QLatin1String("a") || word == QLatin1String("b") ||
            word == QLatin1String("ed25519"))
            return path(word + suffix);
        return path(word); // "none" does not exist
    };
    ServerConfig config; // no data directory
    config.tlsCertFile = fileFor(certificate, QStringLiteral("-cert.pem"));
    config.tlsKeyFile = fileFor(key, QStringLiteral("-key.pem"));

    TlsContext context(config);
    QVERIFY(!context.load());
    QVERIFY2(context.errorString().contains(error), qPrintable(context.errorString()));
    QVERIFY(!context.isLoaded());
    QVERIFY(context.fingerprint().isEmpty());
}

void tst_TlsContext::reload()
{
    const ServerConfig config = configWithDataDir();
    TlsContext context(config);
    QVERIFY(context.load());
    const QString before = context.fingerprint();

    // Unchanged files: the same certificate.
    QVERIFY(context.reload());
    QCOMPARE(context.fingerprint(), before);

    // A new pair in place of the old one.
    TlsCertificateGenerator generator(QStringLiteral("renewed.example"));
    QVERIFY(generator.generate());
    QVERIFY(generator.writeFiles(context.certificateFile(), context.keyFile()));
    QVERIFY(context.reload());
    const QSslCertificate renewed(generator.certificatePem(), QSsl::Pem);
    QCOMPARE(context.certificate(), renewed);
    QCOMPARE(context.fingerprint(), TlsContext::fingerprint(renewed));
    QVERIFY(context.fingerprint() != before);
    QCOMPARE(context.configuration().localCertificate(), renewed);
    QCOMPARE(context.configuration().privateKey(),
             QSslKey(generator.privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
}

void tst_TlsContext::reloadFailureKeepsConfiguration()
{
    const ServerConfig config = configWithDataDir();
    TlsContext context(config);
    QVERIFY(context.load());
    const QSslConfiguration before = context.configuration();
    const QString fingerprint = context.fingerprint();

    // A key that does not belong to the certificate: refused, the old pair stays in use.
    QVERIFY(writePair(QStringLiteral("other")));
    QVERIFY(QFile::remove(context.keyFile()));
    QVERIFY(QFile::copy(path(QStringLiteral("other-key.pem")), context.keyFile()));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^cannot reload the TLS certificate, keeping the one in use: .*does "
                             "not belong to")));
    QVERIFY(!context.reload());
    QCOMPARE(context.fingerprint(), fingerprint);
    QCOMPARE(context.configuration(), before);

    // Reload does not generate: without the files it fails the same way.
    QVERIFY(QFile::remove(context.certificateFile()));
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral(
                             "^cannot reload the TLS certificate, keeping the one in use: "
                             "cannot read the TLS certificate")));
    QVERIFY(!context.reload());
    QVERIFY(!QFile::exists(context.certificateFile()));
    QCOMPARE(context.fingerprint(), fingerprint);
}

void tst_TlsContext::fingerprintFormat()
{
    TlsContext context(configWithDataDir());
    QVERIFY(context.load());
    const QString fingerprint = context.fingerprint();
    QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$"))
                 .match(fingerprint)
                 .hasMatch(),
             qPrintable(fingerprint));
    QCOMPARE(fingerprint.toLatin1().replace(':', "").toLower(),
             context.certificate().digest(QCryptographicHash::Sha256).toHex());
    QVERIFY(TlsContext::fingerprint(QSslCertificate()).isEmpty());
}

QTEST_GUILESS_MAIN(tst_TlsContext)
#include "tst_tlscontext.moc"

// TlsCertificateGenerator: the self-signed certificate confabd makes for itself (names, validity,
// extensions, key) and how it is saved (atomically, the key 0600).
#include "net/tlscertificategenerator.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

#include <sys/stat.h>

class tst_TlsCertificateGenerator : public QObject
{
    Q_OBJECT

private slots:
    void certificate();
    void names_data();
    void names();
    void everyCertificateIsNew();
    void writeFiles();
    void writeFilesReplaces();
    void writeFilesErrors();
};

namespace {
int fileMode(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return int(status.st_mode & 07777);
}

QSslCertificateExtension extension(const QSslCertificate& certificate, const QString& name)
{
    const QList<QSslCertificateExtension> extensions = certificate.extensions();
    for (const QSslCertificateExtension& e : extensions) {
        if (e.name() == name)
            return e;
    }
    return QSslCertificateExtension();
}
} // namespace

void tst_TlsCertificateGenerator::certificate()
{
    TlsCertificateGenerator generator(QStringLiteral("chat.example.org"));
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QVERIFY2(generator.generate(), qPrintable(generator.errorString()));
    QVERIFY(generator.errorString().isEmpty());

    const QList<QSslCertificate> certificates =
        QSslCertificate::fromData(generator.certificatePem(), QSsl::Pem);
    QCOMPARE(certificates.size(), 1);
    const QSslCertificate certificate = certificates.first();
    QVERIFY(!certificate.isNull());
    // Signed with its own key. (QSslCertificate::isSelfSigned() is false: OpenSSL's
    // X509_check_issued() also wants keyCertSign, which a certificate that is not a CA lacks.)
    std::unique_ptr<BIO, void (*)(BIO*)> bio(
        BIO_new_mem_buf(generator.certificatePem().constData(),
                        int(generator.certificatePem().size())),
        BIO_free_all);
    std::unique_ptr<X509, void (*)(X509*)> x509(
        PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
    QVERIFY(x509);
    QCOMPARE(X509_verify(x509.get(), X509_get0_pubkey(x509.get())), 1);
    QCOMPARE(X509_NAME_cmp(X509_get_subject_name(x509.get()), X509_get_issuer_name(x509.get())), 0);
    QCOMPARE(certificate.version(), QByteArray("3"));
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("chat.example.org")});
    QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("chat.example.org")});
    // 128 random bits (the top byte may be small, so 15 or 16 bytes), written "aa:bb:...".
    const QByteArray serial = QByteArray::fromHex(certificate.serialNumber().replace(':', ""));
    QVERIFY2(serial.size() >= 15 && serial.size() <= 17, certificate.serialNumber().constData());

    // Valid from an hour ago, for ten years.
    const qint64 backdate = certificate.effectiveDate().secsTo(before);
    QVERIFY2(backdate >= 3590 && backdate <= 3700, qPrintable(QString::number(backdate)));
    QVERIFY(certificate.expiryDate() >= before.addYears(10).addSecs(-60));
    QVERIFY(certificate.expiryDate() <= before.addYears(10).addDays(2));

    // basicConstraints CA:FALSE, keyUsage digitalSignature, extendedKeyUsage serverAuth.
    const QSslCertificateExtension constraints =
        extension(certificate, QStringLiteral("basicConstraints"));
    QVERIFY(constraints.isSupported());
    QVERIFY(constraints.isCritical());
    QCOMPARE(constraints.value().toMap().value(QStringLiteral("ca")), QVariant(false));
    const QSslCertificateExtension usage = extension(certificate, QStringLiteral("keyUsage"));
    QVERIFY(usage.isCritical());
    QCOMPARE(usage.value().toStringList(), QStringList{QStringLiteral("Digital Signature")});
    const QSslCertificateExtension extendedUsage =
        extension(certificate, QStringLiteral("extendedKeyUsage"));
    QVERIFY(!extendedUsage.isCritical());
    QCOMPARE(extendedUsage.value().toStringList(),
             QStringList{QStringLiteral("TLS Web Server Authentication")});

    // An EC P-256 key that belongs to the certificate, as unencrypted PKCS #8.
    QVERIFY(generator.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
    const QSslKey key(generator.privateKeyPem(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!key.isNull());
    QCOMPARE(key.length(), 256);
    QCOMPARE(certificate.publicKey().algorithm(), QSsl::Ec);
    QCOMPARE(certificate.publicKey().length(), 256);
}

void tst_TlsCertificateGenerator::names_data()
{
    QTest::addColumn<QString>("serverName");
    QTest::addColumn<QString>("commonName");
    QTest::addColumn<QStringList>("dnsNames");
    QTest::addColumn<QStringList>("notDnsNames");
    QTest::addColumn<QStringList>("ipAddresses");

    const QStringList loopback{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    QTest::newRow("default name") << "confab.local"
                                  << "confab.local" << QStringList{"confab.local", "localhost"}
                                  << QStringList{} << loopback;
    QTest::newRow("upper case is lowered for DNS")
        << "Chat.Example.ORG"
        << "Chat.Example.ORG" << QStringList{"chat.example.org"} << QStringList{"Chat.Example.ORG"}
        << loopback;
    QTest::newRow("international name as IDNA")
        << QStringLiteral("b\u00fccher.example") << QStringLiteral("b\u00fccher.example")
        << QStringList{"xn--bcher-kva.example"}
        << QStringList{QStringLiteral("b\u00fccher.example")} << loopback;
    QTest::newRow("an address is an IP entry, not DNS")
        << "10.0.0.5"
        << "10.0.0.5" << QStringList{"localhost"} << QStringList{"10.0.0.5"}
        << loopback + QStringList{"10.0.0.5"};
    QTest::newRow("invalid DNS characters: CN only")
        << "bad_name.example"
        << "bad_name.example" << QStringList{"localhost"} << QStringList{"bad_name.example"}
        << loopback;
    QTest::newRow("localhost once")
        << "localhost"
        << "localhost" << QStringList{"localhost"} << QStringList{} << loopback;
    const QString longName = QString(70, u'a') + QStringLiteral(".example");
    QTest::newRow("common name cut to 64 characters")
        << longName << longName.left(64) << QStringList{"localhost"} << QStringList{longName}
        << loopback;
}

void tst_TlsCertificateGenerator::names()
{
    QFETCH(QString, serverName);
    QFETCH(QString, commonName);
    QFETCH(QStringList, dnsNames);
    QFETCH(QStringList, notDnsNames);
    QFETCH(QStringList, ipAddresses);

    TlsCertificateGenerator generator(serverName);
    QVERIFY2(generator.generate(), qPrintable(generator.errorString()));
    const QSslCertificate certificate(generator.certificatePem(), QSsl::Pem);
    QVERIFY(!certificate.isNull());
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList{commonName});

    const auto altNames = certificate.subjectAlternativeNames();
    const QStringList dns = altNames.values(QSsl::DnsEntry);
    for (const QString& name : std::as_const(dnsNames))
        QVERIFY2(dns.contains(name),
                 qPrintable(name + QStringLiteral(" not in ") + dns.join(u' ')));
    for (const QString& name : std::as_const(notDnsNames))
        QVERIFY2(!dns.contains(name), qPrintable(name + QStringLiteral(" in ") + dns.join(u' ')));
    QCOMPARE(dns.size(), QSet<QString>(dns.cbegin(), dns.cend()).size()); // no duplicates
    QStringList sortedDns = dns;
    QStringList generatorDns = generator.dnsNames();
    sortedDns.sort();
    generatorDns.sort();
    QCOMPARE(sortedDns, generatorDns);
    // The machine's own name, when it is a DNS name.
    const QString host = QSysInfo::machineHostName().toLower();
    if (!host.isEmpty() && !host.contains(u'_'))
        QVERIFY2(dns.contains(host),
                 qPrintable(host + QStringLiteral(" not in ") + dns.join(u' ')));

    // As addresses: Qt and the rows may spell IPv6 differently.
    QStringList ips;
    for (const QString& ip : altNames.values(QSsl::IpAddressEntry))
        ips.append(QHostAddress(ip).toString());
    QStringList expectedIps;
    for (const QString& ip : std::as_const(ipAddresses))
        expectedIps.append(QHostAddress(ip).toString());
    QVERIFY(!ips.contains(QString()) && !expectedIps.contains(QString()));
    ips.sort();
    expectedIps.sort();
    QCOMPARE(ips, expectedIps);
}

void tst_TlsCertificateGenerator::everyCertificateIsNew()
{
    TlsCertificateGenerator generator(QStringLiteral("confab.local"));
    QVERIFY(generator.generate());
    const QSslCertificate first(generator.certificatePem(), QSsl::Pem);
    const QByteArray firstKey = generator.privateKeyPem();
    QVERIFY(generator.generate());
    const QSslCertificate second(generator.certificatePem(), QSsl::Pem);
    QVERIFY(!first.isNull() && !second.isNull());
    QVERIFY(first.serialNumber() != second.serialNumber());
    QVERIFY(first.publicKey().toDer() != second.publicKey().toDer());
    QVERIFY(firstKey != generator.privateKeyPem());
}

void tst_TlsCertificateGenerator::writeFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificateFile = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    TlsCertificateGenerator generator(QStringLiteral("confab.local"));
    // Even with a umask that would leave everything open, the key is the owner's alone.
    const mode_t oldMask = ::umask(0);
    QVERIFY(generator.generate());
    const bool written = generator.writeFiles(certificateFile, keyFile);
    ::umask(oldMask);
    QVERIFY2(written, qPrintable(generator.errorString()));

    QCOMPARE(fileMode(keyFile), 0600);
    QCOMPARE(fileMode(certificateFile), 0644);
    QFile certificate(certificateFile);
    QVERIFY(certificate.open(QIODevice::ReadOnly));
    QCOMPARE(certificate.readAll(), generator.certificatePem());
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), generator.privateKeyPem());
    // Nothing else is left in the directory (no temporary files).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void tst_TlsCertificateGenerator::writeFilesReplaces()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificateFile = dir.filePath(QStringLiteral("cert.pem"));
    const QString keyFile = dir.filePath(QStringLiteral("key.pem"));
    TlsCertificateGenerator generator(QStringLiteral("confab.local"));
    QVERIFY(generator.generate());
    QVERIFY(generator.writeFiles(certificateFile, keyFile));
    // A stale temporary file of an interrupted run does not get in the way.
    QFile stale(keyFile + QStringLiteral(".new"));
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.write("stale");
    stale.close();
    QVERIFY(generator.generate());
    QVERIFY2(generator.writeFiles(certificateFile, keyFile), qPrintable(generator.errorString()));
    QFile key(keyFile);
    QVERIFY(key.open(QIODevice::ReadOnly));
    QCOMPARE(key.readAll(), generator.privateKeyPem());
    QCOMPARE(fileMode(keyFile), 0600);
    QVERIFY(!QFile::exists(keyFile + QStringLiteral(".new")));
}

void tst_TlsCertificateGenerator::writeFilesErrors()
{
    TlsCertificateGenerator generator(QStringLiteral("confab.local"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Nothing generated yet.
    QVERIFY(!generator.writeFiles(dir.filePath(QStringLiteral("c.pem")),
                                  dir.filePath(QStringLiteral("k.pem"))));
    QVERIFY(!generator.errorString().isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("k.pem"))));

    // A directory that does not exist: the error names the file.
    QVERIFY(generator.generate());
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/key.pem"));
    QVERIFY(!generator.writeFiles(dir.filePath(QStringLiteral("no/such/dir/cert.pem")), missing));
    QVERIFY2(generator.errorString().contains(missing), qPrintable(generator.errorString()));
}

QTEST_GUILESS_MAIN(tst_TlsCertificateGenerator)
#include "tst_tlscertificategenerator.moc"

#include "net/tlscontext.h"

#include "net/tlscertificategenerator.h"
#include "serverlogging.h"
#include "storage/datadirectory.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace {
// A certificate chain or a key; a larger file is not one.
constexpr qint64 MaxPemFileBytes = 1024 * 1024;

template <typename T> using OpenSslPtr = std::unique_ptr<T, void (*)(T*)>;

bool readPemFile(const QString& path, const QString& what, QByteArray* data, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error =
            QStringLiteral("cannot read the TLS %1 %2: %3").arg(what, path, file.errorString());
        return false;
    }
    *data = file.read(MaxPemFileBytes + 1);
    if (data->size() > MaxPemFileBytes) {
        *error = QStringLiteral("the TLS %1 %2 is too large to be PEM").arg(what, path);
        return false;
    }
    return true;
}

// OpenSSL would ask on the terminal for the passphrase of an encrypted key: a daemon never does.
int refusePassphrase(char*, int, int, void*)
{
    return 0;
}
} // namespace

TlsContext::TlsContext(const ServerConfig& config)
    : m_serverName(config.serverName), m_dataDir(config.dataDir),
      m_certificateFile(config.tlsCertFile), m_keyFile(config.tlsKeyFile)
{
    if (m_certificateFile.isEmpty() && m_keyFile.isEmpty() && !m_dataDir.isEmpty()) {
        m_generated = true;
        m_certificateFile = generatedCertificateFile(m_dataDir);
        m_keyFile = generatedKeyFile(m_dataDir);
    }
}

TlsContext::~TlsContext() = default;

QString TlsContext::generatedCertificateFile(const QString& dataDir)
{
    return QDir::cleanPath(dataDir) + QStringLiteral("/tls/confabd-cert.pem");
}

QString TlsContext::generatedKeyFile(const QString& dataDir)
{
    return QDir::cleanPath(dataDir) + QStringLiteral("/tls/confabd-key.pem");
}

QString TlsContext::fingerprint(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return QString();
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool TlsContext::load()
{
    m_errorString.clear();
    if (!QSslSocket::supportsSsl()) {
        m_errorString = QStringLiteral("TLS is not available: Qt has no working TLS backend "
                                       "(built for %1)")
                            .arg(QSslSocket::sslLibraryBuildVersionString());
        return false;
    }
    if (m_certificateFile.isEmpty() || m_keyFile.isEmpty()) {
        m_errorString = QStringLiteral("no TLS certificate and key given, and no data directory "
                                       "to generate them in");
        return false;
    }
    // The generated key is written before its certificate: no certificate means no pair yet.
    if (m_generated && !QFileInfo::exists(m_certificateFile) && !generate())
        return false;
    QSslConfiguration configuration;
    QSslCertificate certificate;
    if (!readFiles(&configuration, &certificate))
        return false;
    m_configuration = configuration;
    m_certificate = certificate;
    return true;
}

bool TlsContext::reload()
{
    QSslConfiguration configuration;
    QSslCertificate certificate;
    if (!readFiles(&configuration, &certificate)) {
        qCWarning(lcTls).noquote()
            << "cannot reload the TLS certificate, keeping the one in use:" << m_errorString;
        return false;
    }
    const bool changed = certificate != m_certificate;
    m_configuration = configuration;
    m_certificate = certificate;
    const char* what = changed ? "TLS certificate reloaded from" : "TLS certificate unchanged in";
    qCInfo(lcTls).noquote() << what << m_certificateFile
                            << "- SHA-256 fingerprint:" << fingerprint();
    return true;
}

bool TlsContext::generate()
{
    DataDirectory dataDirectory(m_dataDir);
    if (!dataDirectory.create()) {
        m_errorString = dataDirectory.errorString();
        return false;
    }
    // Only the server's user may look inside (the key file is 0600 as well).
    const QString directory = QFileInfo(m_certificateFile).absolutePath();
    if (!QFileInfo::exists(directory) &&
        !QDir().mkdir(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_errorString = QStringLiteral("cannot create the directory %1").arg(directory);
        return false;
    }
    qCInfo(lcTls).noquote() << "generating a self-signed TLS certificate for" << m_serverName
                            << "in" << directory;
    TlsCertificateGenerator generator(m_serverName);
    if (!generator.generate() || !generator.writeFiles(m_certificateFile, m_keyFile)) {
        m_errorString = generator.errorString();
        return false;
    }
    return true;
}

bool TlsContext::readFiles(QSslConfiguration* configuration, QSslCertificate* certificate)
{
    QByteArray certificatePem;
    QByteArray keyPem;
    if (!readPemFile(m_certificateFile, QStringLiteral("certificate"), &certificatePem,
                     &m_errorString) ||
        !readPemFile(m_keyFile, QStringLiteral("key"), &keyPem, &m_errorString))
        return false;

    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        m_errorString = QStringLiteral("no PEM certificate in %1").arg(m_certificateFile);
        return false;
    }

    // The key through OpenSSL: its type (which QSslKey must be told) and whether it belongs to
    // the certificate.
    ERR_clear_error();
    OpenSslPtr<BIO> keyBio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), BIO_free_all);
    OpenSslPtr<EVP_PKEY> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, refusePassphrase, nullptr)
               : nullptr,
        EVP_PKEY_free);
    if (!key) {
        ERR_clear_error();
        m_errorString = QStringLiteral("no PEM private key in %1 (an encrypted key cannot be "
                                       "used)")
                            .arg(m_keyFile);
        return false;
    }
    const QByteArray leafDer = chain.first().toDer();
    const auto* der = reinterpret_cast<const unsigned char*>(leafDer.constData());
    OpenSslPtr<X509> leaf(d2i_X509(nullptr, &der, long(leafDer.size())), X509_free);
    if (!leaf || X509_check_private_key(leaf.get(), key.get()) != 1) {
        ERR_clear_error();
        m_errorString = QStringLiteral("the key in %1 does not belong to the certificate in %2")
                            .arg(m_keyFile, m_certificateFile);
        return false;
    }
    QSsl::KeyAlgorithm algorithm = QSsl::Opaque;
    switch (EVP_PKEY_get_base_id(key.get())) {
    case EVP_PKEY_RSA:
        algorithm = QSsl::Rsa;
        break;
    case EVP_PKEY_EC:
        algorithm = QSsl::Ec;
        break;
    case EVP_PKEY_DSA:
        algorithm = QSsl::Dsa;
        break;
    default:
        m_errorString =
            QStringLiteral("the key in %1 is of a type that cannot be used (%2); "
                           "use an EC or RSA key")
                .arg(m_keyFile, QString::fromLatin1(OBJ_nid2sn(EVP_PKEY_get_base_id(key.get()))));
        return false;
    }
    const QSslKey privateKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (privateKey.isNull()) {
        m_errorString = QStringLiteral("the key in %1 cannot be used").arg(m_keyFile);
        return false;
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (chain.first().expiryDate() < now || chain.first().effectiveDate() > now) {
        qCWarning(lcTls).noquote()
            << "the TLS certificate in" << m_certificateFile << "is not valid now (valid from"
            << chain.first().effectiveDate().toString(Qt::ISODate) << "to"
            << chain.first().expiryDate().toString(Qt::ISODate) << ')';
    }

    QSslConfiguration result = QSslConfiguration::defaultConfiguration();
    result.setProtocol(QSsl::TlsV1_2OrLater);
    result.setLocalCertificateChain(chain);
    result.setPrivateKey(privateKey);
    // A client may present a certificate; it is not verified against any authority (its
    // fingerprint identifies it), so a self-signed one does not fail the handshake. No CA list:
    // the certificate request stays small and no system store is loaded per connection.
    result.setPeerVerifyMode(QSslSocket::QueryPeer);
    result.setCaCertificates({});
    *configuration = result;
    *certificate = chain.first();
    return true;
}

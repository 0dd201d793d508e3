#include "net/tlscertificategenerator.h"

#include <QFile>
#include <QHostAddress>
#include <QSysInfo>
#include <QUrl>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/buffer.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cerrno>
#include <cstdio>
#include <memory>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace {
constexpr int SerialBits = 128;        // a random serial number (RFC 5280 allows 20 octets)
constexpr long BackdateSeconds = 3600; // valid from an hour ago: clocks differ a little
constexpr int ValidityDays = 3653;     // ten years, leap days included
constexpr int MaxCommonNameChars = 64; // ub-common-name (RFC 5280)
constexpr int KeyUsageDigitalSignatureBit = 0;
constexpr qsizetype MaxDnsNameChars = 253;
constexpr qsizetype MaxDnsLabelChars = 63;

template <typename T> using OpenSslPtr = std::unique_ptr<T, void (*)(T*)>;

// The most recent OpenSSL error of this thread, as text; empties the thread's error queue.
QString openSslReason()
{
    unsigned long last = 0;
    while (const unsigned long code = ERR_get_error())
        last = code;
    if (last == 0)
        return QStringLiteral("unknown OpenSSL error");
    char text[256];
    ERR_error_string_n(last, text, sizeof text);
    return QString::fromLatin1(text);
}

QByteArray bioContents(BIO* bio)
{
    BUF_MEM* memory = nullptr;
    BIO_get_mem_ptr(bio, &memory);
    return memory ? QByteArray(memory->data, qsizetype(memory->length)) : QByteArray();
}

// Letters, digits and hyphens in labels of at most 63 characters (RFC 1035, lower case here).
bool isDnsName(const QString& name)
{
    if (name.isEmpty() || name.size() > MaxDnsNameChars)
        return false;
    const QStringList labels = name.split(u'.');
    for (const QString& label : labels) {
        if (label.isEmpty() || label.size() > MaxDnsLabelChars || label.startsWith(u'-'))
            return false;
        for (const QChar c : label) {
            if (!(c.isDigit() || (c >= u'a' && c <= u'z') || c == u'-'))
                return false;
        }
    }
    return true;
}

bool addDnsName(GENERAL_NAMES* names, const QByteArray& name)
{
    OpenSslPtr<GENERAL_NAME> entry(GENERAL_NAME_new(), GENERAL_NAME_free);
    ASN1_IA5STRING* text = ASN1_IA5STRING_new();
    if (!entry || !text || !ASN1_STRING_set(text, name.constData(), int(name.size()))) {
        ASN1_IA5STRING_free(text);
        return false;
    }
    GENERAL_NAME_set0_value(entry.get(), GEN_DNS, text);
    return sk_GENERAL_NAME_push(names, entry.release()) > 0;
}

bool addIpAddress(GENERAL_NAMES* names, const QHostAddress& address)
{
    OpenSslPtr<GENERAL_NAME> entry(GENERAL_NAME_new(), GENERAL_NAME_free);
    ASN1_OCTET_STRING* octets = a2i_IPADDRESS(address.toString().toLatin1().constData());
    if (!entry || !octets) {
        ASN1_OCTET_STRING_free(octets);
        return false;
    }
    GENERAL_NAME_set0_value(entry.get(), GEN_IPADD, octets);
    return sk_GENERAL_NAME_push(names, entry.release()) > 0;
}

// Creates path with the given permissions from the start (never wider, not even for a moment)
// under a temporary name beside it, then renames it over path.
bool writeFileAtomically(const QString& path, const QByteArray& data,
                         QFileDevice::Permissions permissions, QString* error)
{
    const QString temporary = path + QStringLiteral(".new");
    QFile::remove(temporary); // left by an interrupted start
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions)) {
        *error = QStringLiteral("cannot create %1: %2").arg(temporary, file.errorString());
        return false;
    }
    bool ok = file.write(data) == data.size() && file.flush();
#ifdef Q_OS_UNIX
    ok = ok && ::fsync(file.handle()) == 0;
#endif
    if (!ok) {
        *error = QStringLiteral("cannot write %1: %2").arg(temporary, file.errorString());
        file.remove();
        return false;
    }
    file.close();
    // QFile::rename() does not replace an existing file; rename(2) does, atomically.
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(path).constData()) != 0) {
        *error = QStringLiteral("cannot rename %1 to %2: %3")
                     .arg(temporary, path, qt_error_string(errno));
        QFile::remove(temporary);
        return false;
    }
    return true;
}
} // namespace

TlsCertificateGenerator::TlsCertificateGenerator(const QString& serverName)
    : m_serverName(serverName)
{
}

QStringList TlsCertificateGenerator::dnsNames() const
{
    QStringList names;
    for (const QString& name :
         {m_serverName, QSysInfo::machineHostName(), QStringLiteral("localhost")}) {
        const QString ascii = QString::fromLatin1(QUrl::toAce(name)).toLower();
        // An address as a name (a server named 10.0.0.5) goes in as an IP address instead.
        if (isDnsName(ascii) && QHostAddress(ascii).isNull() && !names.contains(ascii))
            names.append(ascii);
    }
    return names;
}

bool TlsCertificateGenerator::fail(const QString& what)
{
    m_errorString =
        QStringLiteral("cannot generate a TLS certificate: %1: %2").arg(what, openSslReason());
    m_certificatePem.clear();
    m_privateKeyPem.clear();
    return false;
}

bool TlsCertificateGenerator::generate()
{
    m_errorString.clear();
    ERR_clear_error();

    OpenSslPtr<EVP_PKEY> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
    if (!key)
        return fail(QStringLiteral("EC P-256 key generation failed"));

    OpenSslPtr<X509> certificate(X509_new(), X509_free);
    if (!certificate || !X509_set_version(certificate.get(), X509_VERSION_3))
        return fail(QStringLiteral("X509_new failed"));

    OpenSslPtr<BIGNUM> serial(BN_new(), BN_free);
    if (!serial || !BN_rand(serial.get(), SerialBits, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ODD) ||
        !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())))
        return fail(QStringLiteral("no serial number"));

    if (!X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -BackdateSeconds) ||
        !X509_time_adj_ex(X509_getm_notAfter(certificate.get()), ValidityDays, 0, nullptr))
        return fail(QStringLiteral("cannot set the validity"));

    // Subject and issuer: CN = the server name.
    const QByteArray commonName = m_serverName.left(MaxCommonNameChars).toUtf8();
    X509_NAME* name = X509_get_subject_name(certificate.get());
    if (!X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                    reinterpret_cast<const unsigned char*>(commonName.constData()),
                                    int(commonName.size()), -1, 0) ||
        !X509_set_issuer_name(certificate.get(), name))
        return fail(QStringLiteral("invalid common name \"%1\"").arg(m_serverName));

    if (!X509_set_pubkey(certificate.get(), key.get()))
        return fail(QStringLiteral("X509_set_pubkey failed"));

    // subjectAltName: what clients check the host name they connected to against.
    OpenSslPtr<GENERAL_NAMES> altNames(sk_GENERAL_NAME_new_null(), GENERAL_NAMES_free);
    if (!altNames)
        return fail(QStringLiteral("out of memory"));
    for (const QString& dnsName : dnsNames()) {
        if (!addDnsName(altNames.get(), dnsName.toLatin1()))
            return fail(QStringLiteral("cannot add DNS name %1").arg(dnsName));
    }
    QList<QHostAddress> addresses{QHostAddress(QHostAddress::LocalHost),
                                  QHostAddress(QHostAddress::LocalHostIPv6)};
    const QHostAddress serverAddress(m_serverName);
    if (!serverAddress.isNull() && !addresses.contains(serverAddress))
        addresses.append(serverAddress);
    for (const QHostAddress& address : std::as_const(addresses)) {
        if (!addIpAddress(altNames.get(), address))
            return fail(QStringLiteral("cannot add IP address %1").arg(address.toString()));
    }
    if (!X509_add1_ext_i2d(certificate.get(), NID_subject_alt_name, altNames.get(), 0,
                           X509V3_ADD_DEFAULT))
        return fail(QStringLiteral("cannot add subjectAltName"));

    // basicConstraints CA:FALSE (critical): this certificate signs nothing else.
    OpenSslPtr<BASIC_CONSTRAINTS> constraints(BASIC_CONSTRAINTS_new(), BASIC_CONSTRAINTS_free);
    if (!constraints)
        return fail(QStringLiteral("out of memory"));
    constraints->ca = 0;
    if (!X509_add1_ext_i2d(certificate.get(), NID_basic_constraints, constraints.get(), 1,
                           X509V3_ADD_DEFAULT))
        return fail(QStringLiteral("cannot add basicConstraints"));

    // keyUsage digitalSignature (critical): ECDHE key exchange signs with the key.
    OpenSslPtr<ASN1_BIT_STRING> usage(ASN1_BIT_STRING_new(), ASN1_BIT_STRING_free);
    if (!usage || !ASN1_BIT_STRING_set_bit(usage.get(), KeyUsageDigitalSignatureBit, 1) ||
        !X509_add1_ext_i2d(certificate.get(), NID_key_usage, usage.get(), 1, X509V3_ADD_DEFAULT))
        return fail(QStringLiteral("cannot add keyUsage"));

    // extendedKeyUsage serverAuth.
    OpenSslPtr<EXTENDED_KEY_USAGE> extendedUsage(sk_ASN1_OBJECT_new_null(),
                                                 EXTENDED_KEY_USAGE_free);
    if (!extendedUsage ||
        sk_ASN1_OBJECT_push(extendedUsage.get(), OBJ_nid2obj(NID_server_auth)) <= 0 ||
        !X509_add1_ext_i2d(certificate.get(), NID_ext_key_usage, extendedUsage.get(), 0,
                           X509V3_ADD_DEFAULT))
        return fail(QStringLiteral("cannot add extendedKeyUsage"));

    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) <= 0)
        return fail(QStringLiteral("cannot sign the certificate"));

    OpenSslPtr<BIO> certificateBio(BIO_new(BIO_s_mem()), BIO_free_all);
    OpenSslPtr<BIO> keyBio(BIO_new(BIO_s_mem()), BIO_free_all);
    if (!certificateBio || !keyBio ||
        !PEM_write_bio_X509(certificateBio.get(), certificate.get()) ||
        !PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr))
        return fail(QStringLiteral("cannot write PEM"));
    m_certificatePem = bioContents(certificateBio.get());
    m_privateKeyPem = bioContents(keyBio.get());
    return true;
}

bool TlsCertificateGenerator::writeFiles(const QString& certificateFile, const QString& keyFile)
{
    m_errorString.clear();
    if (m_certificatePem.isEmpty() || m_privateKeyPem.isEmpty()) {
        m_errorString = QStringLiteral("no certificate has been generated");
        return false;
    }
    // The key first: a certificate file is only ever there with its key.
    QString error;
    if (!writeFileAtomically(keyFile, m_privateKeyPem, QFile::ReadOwner | QFile::WriteOwner,
                             &error) ||
        !writeFileAtomically(
            certificateFile, m_certificatePem,
            QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther, &error)) {
        m_errorString = QStringLiteral("cannot save the TLS certificate: %1").arg(error);
        return false;
    }
    return true;
}

#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// A self-signed certificate for confabd's TLS port when none is configured, made with OpenSSL's
// own API: an EC P-256 key and an X.509 v3 server certificate (CN = the server name; DNS names:
// the server name, the machine's host name and localhost; IP addresses 127.0.0.1 and ::1),
// valid from an hour ago for ten years. Clients pin it by its fingerprint.
class TlsCertificateGenerator
{
public:
    explicit TlsCertificateGenerator(const QString& serverName);

    // Makes a new key and certificate; false + errorString() on failure.
    bool generate();
    // What generate() made, as PEM (the key unencrypted, PKCS #8).
    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray privateKeyPem() const { return m_privateKeyPem; }

    // Writes what generate() made. Each file is written beside its final name and renamed over
    // it, so a reader never sees half a file; the key file is created readable by its owner
    // only (0600), the certificate 0644. False + errorString() on failure.
    bool writeFiles(const QString& certificateFile, const QString& keyFile);

    // The DNS names the certificate is for: the server name, the machine's host name and
    // localhost, as ASCII (IDNA), lower case, without duplicates or names that are not valid.
    QStringList dnsNames() const;
    QString errorString() const { return m_errorString; }

private:
    bool fail(const QString& what);

    QString m_serverName;
    QByteArray m_certificatePem;
    QByteArray m_privateKeyPem;
    QString m_errorString;
};

#pragma once

#include "config/serverconfig.h"

#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>

// The server side of TLS: the QSslConfiguration every TLS connection starts from. TLS 1.2 or
// later; the server's certificate chain and key; clients may present a certificate (it is not
// verified: the core identifies it by its fingerprint, for SASL EXTERNAL).
//
// The certificate and key come from config.tlsCertFile and tlsKeyFile, or, when those are empty,
// from <dataDir>/tls/confabd-cert.pem and confabd-key.pem, generated on first start.
class TlsContext
{
public:
    explicit TlsContext(const ServerConfig& config);
    ~TlsContext();

    // Reads the certificate and key (generating them first if they are the data directory's
    // and not there yet); false + errorString() if there is no usable pair.
    bool load();
    // Reads the files again (SIGHUP), without generating. On failure the configuration loaded
    // before stays, a warning is logged and false is returned.
    bool reload();
    bool isLoaded() const { return !m_certificate.isNull(); }
    QString errorString() const { return m_errorString; }

    // What a new TLS connection is set up with.
    QSslConfiguration configuration() const { return m_configuration; }
    // The server's own certificate (the first of the chain).
    QSslCertificate certificate() const { return m_certificate; }
    // Its SHA-256 fingerprint as clients show it: upper-case hex pairs joined by ':'.
    QString fingerprint() const { return fingerprint(m_certificate); }
    static QString fingerprint(const QSslCertificate& certificate);

    // The files in use, and whether they are the data directory's generated pair.
    QString certificateFile() const { return m_certificateFile; }
    QString keyFile() const { return m_keyFile; }
    bool isGenerated() const { return m_generated; }

    // Where a generated pair lives inside the data directory.
    static QString generatedCertificateFile(const QString& dataDir);
    static QString generatedKeyFile(const QString& dataDir);

private:
    bool generate();
    // Reads the files into a new configuration; m_* is left alone on failure.
    bool readFiles(QSslConfiguration* configuration, QSslCertificate* certificate);

    QString m_serverName;
    QString m_dataDir;
    QString m_certificateFile;
    QString m_keyFile;
    bool m_generated = false;
    QSslConfiguration m_configuration;
    QSslCertificate m_certificate;
    QString m_errorString;
};

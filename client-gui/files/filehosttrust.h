#pragma once

#include <QList>
#include <QSslError>
#include <QStringList>

class QNetworkReply;
class QSslCertificate;

// Which HTTPS certificates the file host may present. The file host is the chat server itself and
// serves its TLS certificate, usually self-signed and trusted only because the user pinned it for
// the chat connection. So a certificate nobody vouched for is accepted exactly when it is the
// one the chat connection presented, or the one pinned for that server (CertificateCheck decides
// which errors a pin may excuse); otherwise Qt's normal validation stands and the request fails.
class FileHostTrust
{
public:
    FileHostTrust() = default;
    // Fingerprints ("AB:CD:…") the file host's certificate may have; empty ones are left out.
    explicit FileHostTrust(const QStringList& fingerprints);

    QStringList fingerprints() const { return m_fingerprints; }
    // Whether these errors about certificate may be ignored.
    bool accepts(const QList<QSslError>& errors, const QSslCertificate& certificate) const;
    // Ignores reply's certificate errors when accepts() says so, exactly those errors.
    void watch(QNetworkReply* reply) const;

private:
    QStringList m_fingerprints;
};

#include "files/filehosttrust.h"

#include "connection/certificatecheck.h"
#include "connection/clientlogging.h"

#include <QNetworkReply>
#include <QSslCertificate>

FileHostTrust::FileHostTrust(const QStringList& fingerprints)
{
    for (const QString& fingerprint : fingerprints) {
        const QString normalized = CertificateCheck::normalized(fingerprint);
        if (!normalized.isEmpty() && !m_fingerprints.contains(normalized))
            m_fingerprints.append(normalized);
    }
}

bool FileHostTrust::accepts(const QList<QSslError>& errors,
                            const QSslCertificate& certificate) const
{
    const QString presented = CertificateCheck::fingerprint(certificate);
    for (const QString& trusted : m_fingerprints) {
        if (CertificateCheck::check(errors, presented, trusted) ==
            CertificateCheck::Verdict::Pinned)
            return true;
    }
    return false;
}

void FileHostTrust::watch(QNetworkReply* reply) const
{
    const QStringList fingerprints = m_fingerprints;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply, fingerprints](const QList<QSslError>& errors) {
                         QSslCertificate certificate = reply->sslConfiguration().peerCertificate();
                         if (certificate.isNull() && !errors.isEmpty())
                             certificate = errors.first().certificate();
                         if (FileHostTrust(fingerprints).accepts(errors, certificate)) {
                             reply->ignoreSslErrors(errors);
                             return;
                         }
                         qCWarning(lcFileTransfer)
                             << "file host certificate not trusted:" << reply->url().host()
                             << CertificateCheck::fingerprint(certificate) << errors;
                     });
}

#include "connection/certificatecheck.h"

#include <QCryptographicHash>
#include <QSslCertificate>

#include <algorithm>

namespace {

constexpr int PairsPerLine = 8;

} // namespace

bool CertificateCheck::isTrustError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

CertificateCheck::Verdict CertificateCheck::check(const QList<QSslError>& errors,
                                                  const QString& fingerprint,
                                                  const QString& pinnedFingerprint)
{
    const bool excusable = std::all_of(errors.cbegin(), errors.cend(),
                                       [](const QSslError& e) { return isTrustError(e.error()); });
    const QString presented = normalized(fingerprint);
    if (!excusable || presented.isEmpty())
        return Verdict::Invalid;
    const QString pinned = normalized(pinnedFingerprint);
    if (pinned.isEmpty())
        return Verdict::NeedsTrust;
    return pinned == presented ? Verdict::Pinned : Verdict::Changed;
}

QString CertificateCheck::fingerprint(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

bool CertificateCheck::isSelfIssued(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return false;
    if (certificate.isSelfSigned())
        return true;
    const QList<QByteArray> subject = certificate.subjectInfoAttributes();
    if (subject.isEmpty() || subject != certificate.issuerInfoAttributes())
        return false;
    return std::all_of(subject.cbegin(), subject.cend(), [&certificate](const QByteArray& a) {
        return certificate.subjectInfo(a) == certificate.issuerInfo(a);
    });
}

QString CertificateCheck::groupedFingerprint(const QString& fingerprint)
{
    const QStringList pairs = normalized(fingerprint).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    QStringList lines;
    for (qsizetype i = 0; i < pairs.size(); i += PairsPerLine)
        lines.append(pairs.mid(i, PairsPerLine).join(QLatin1Char(':')));
    return lines.join(QLatin1Char('\n'));
}

QString CertificateCheck::normalized(const QString& fingerprint)
{
    QString hex;
    for (const QChar c : fingerprint) {
        const char16_t u = c.unicode();
        if ((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F'))
            hex.append(c.toUpper());
        else if (c != QLatin1Char(':') && !c.isSpace())
            return {}; // not a fingerprint
    }
    if (hex.size() % 2 != 0)
        return {};
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs.append(hex.mid(i, 2));
    return pairs.join(QLatin1Char(':'));
}

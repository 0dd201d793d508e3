#pragma once

#include <QList>
#include <QMetaType>
#include <QSslError>
#include <QString>

class QSslCertificate;

// What to do with a server certificate that the system's authorities did not verify, given the
// fingerprint pinned for that server (trust on first use, like SSH). A pure function of the TLS
// errors, the certificate's SHA-256 fingerprint and the pin; ServerTransport acts on the verdict.
//
// Only the errors that say "nobody vouched for this certificate" (self-signed, unknown issuer,
// host name mismatch: a LAN server reached by its IP address) can be overridden by a pin. Any
// other error (expired, not yet valid, bad signature, revoked...) fails the connection whatever
// the pin says.
class CertificateCheck
{
    Q_GADGET

public:
    enum class Verdict {
        Pinned,     // the pin matches: go on, ignoring exactly these errors
        NeedsTrust, // no pin: the user must confirm the fingerprint first
        Changed,    // pinned, but to another certificate: blocked until the user accepts it
        Invalid,    // an error no pin can excuse
    };
    Q_ENUM(Verdict)

    static Verdict check(const QList<QSslError>& errors, const QString& fingerprint,
                         const QString& pinnedFingerprint);
    // Whether a pin may excuse this error.
    static bool isTrustError(QSslError::SslError error);
    // SHA-256 of the certificate (DER), upper-case hex pairs joined by ':', as confabd logs it;
    // empty for a null certificate.
    static QString fingerprint(const QSslCertificate& certificate);
    // Issued by itself: the issuer's name is the subject's (QSslCertificate::isSelfSigned() also
    // wants the key usage of an authority, which confabd's generated certificate has not).
    static bool isSelfIssued(const QSslCertificate& certificate);
    // The same, in lines of eight pairs, for people to compare.
    static QString groupedFingerprint(const QString& fingerprint);
    // "ab cd:EF" -> "AB:CD:EF": a fingerprint as pasted or stored, compared without case or
    // separators.
    static QString normalized(const QString& fingerprint);
};

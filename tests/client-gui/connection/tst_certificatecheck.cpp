// CertificateCheck as a pure function: which TLS errors a pin may excuse, the verdict for each
// combination of errors, presented fingerprint and pin, and fingerprints as people read them.
#include "connection/certificatecheck.h"

#include <QTest>

using Verdict = CertificateCheck::Verdict;

namespace {

const QString Fp = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:"
                                  "45:67:89:AB:CD:EF:01:23:45:67:89");
const QString OtherFp = QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:"
                                       "33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");

QList<QSslError> errors(std::initializer_list<QSslError::SslError> codes)
{
    QList<QSslError> list;
    for (QSslError::SslError code : codes)
        list.append(QSslError(code));
    return list;
}

} // namespace

class tst_CertificateCheck : public QObject
{
    Q_OBJECT

private slots:
    void check_data();
    void check();
    void normalized_data();
    void normalized();
    void groupedFingerprint();
    void fingerprintOfNullCertificate();
};

void tst_CertificateCheck::check_data()
{
    QTest::addColumn<QList<QSslError>>("errors");
    QTest::addColumn<QString>("fingerprint");
    QTest::addColumn<QString>("pin");
    QTest::addColumn<Verdict>("verdict");

    const auto selfSigned = errors({QSslError::SelfSignedCertificate});
    const auto lanAddress = errors({QSslError::SelfSignedCertificate, QSslError::HostNameMismatch});
    QTest::newRow("self-signed, no pin") << selfSigned << Fp << QString() << Verdict::NeedsTrust;
    QTest::newRow("self-signed, pinned") << selfSigned << Fp << Fp << Verdict::Pinned;
    QTest::newRow("self-signed, other pin") << selfSigned << Fp << OtherFp << Verdict::Changed;
    QTest::newRow("LAN address (name mismatch), pinned")
        << lanAddress << Fp << Fp << Verdict::Pinned;
    QTest::newRow("LAN address (name mismatch), no pin")
        << lanAddress << Fp << QString() << Verdict::NeedsTrust;
    QTest::newRow("unknown authority, pinned")
        << errors({QSslError::UnableToGetLocalIssuerCertificate,
                   QSslError::UnableToVerifyFirstCertificate})
        << Fp << Fp << Verdict::Pinned;
    QTest::newRow("pin written in lower case without colons")
        << selfSigned << Fp << Fp.toLower().remove(QLatin1Char(':')) << Verdict::Pinned;
    QTest::newRow("expired, pinned: no pin excuses it")
        << errors({QSslError::SelfSignedCertificate, QSslError::CertificateExpired}) << Fp << Fp
        << Verdict::Invalid;
    QTest::newRow("not yet valid, no pin")
        << errors({QSslError::CertificateNotYetValid}) << Fp << QString() << Verdict::Invalid;
    QTest::newRow("bad signature, pinned")
        << errors({QSslError::CertificateSignatureFailed}) << Fp << Fp << Verdict::Invalid;
    QTest::newRow("revoked, pinned")
        << errors({QSslError::CertificateRevoked}) << Fp << Fp << Verdict::Invalid;
    QTest::newRow("no certificate at all")
        << errors({QSslError::NoPeerCertificate}) << QString() << Fp << Verdict::Invalid;
    QTest::newRow("hostile pin: not hex")
        << selfSigned << Fp << QStringLiteral("zz:zz") << Verdict::NeedsTrust;
    QTest::newRow("hostile pin: a prefix of the fingerprint")
        << selfSigned << Fp << Fp.left(20) << Verdict::Changed;
}

void tst_CertificateCheck::check()
{
    QFETCH(QList<QSslError>, errors);
    QFETCH(QString, fingerprint);
    QFETCH(QString, pin);
    QFETCH(Verdict, verdict);
    QCOMPARE(CertificateCheck::check(errors, fingerprint, pin), verdict);
}

void tst_CertificateCheck::normalized_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("as logged") << QStringLiteral("AB:CD:0F") << QStringLiteral("AB:CD:0F");
    QTest::newRow("lower case, spaces")
        << QStringLiteral(" ab cd 0f ") << QStringLiteral("AB:CD:0F");
    QTest::newRow("no separators") << QStringLiteral("abcd0f") << QStringLiteral("AB:CD:0F");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("odd number of digits") << QStringLiteral("abc") << QString();
    QTest::newRow("not hex") << QStringLiteral("AB:CG") << QString();
    QTest::newRow("full-width digits") << QStringLiteral("１２") << QString();
}

void tst_CertificateCheck::normalized()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(CertificateCheck::normalized(input), expected);
}

void tst_CertificateCheck::groupedFingerprint()
{
    const QStringList lines = CertificateCheck::groupedFingerprint(Fp).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("AB:CD:EF:01:23:45:67:89"));
    QCOMPARE(lines.join(QLatin1Char(':')), Fp);
    QCOMPARE(CertificateCheck::groupedFingerprint(QStringLiteral("not a fingerprint")), QString());
}

void tst_CertificateCheck::fingerprintOfNullCertificate()
{
    QCOMPARE(CertificateCheck::fingerprint(QSslCertificate()), QString());
    QVERIFY(!CertificateCheck::isSelfIssued(QSslCertificate()));
}

QTEST_GUILESS_MAIN(tst_CertificateCheck)
#include "tst_certificatecheck.moc"

// CertificateDialog with real widgets (offscreen), for a certificate generated as confabd does:
// the first-use question with the fingerprint in groups and plain words, and the changed-
// certificate warning whose "Trust the new certificate" is never what Return does.
#include "connection/certificatecheck.h"
#include "net/tlscertificategenerator.h"
#include "widgets/certificatedialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class tst_CertificateDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void firstUseShowsTheFingerprintToCompare();
    void firstUseTrustedWithTheButton();
    void firstUseCancelledWithEscape();
    void changedWarnsWithBothFingerprints();
    void changedIsNotAcceptedByReturn();
    void changedAcceptedOnlyWithItsButton();

private:
    std::unique_ptr<CertificateDialog> show(CertificateDialog::Kind kind,
                                            const QString& pinned = {});
    template <typename T> static T* child(QWidget* dialog, const char* name)
    {
        T* widget = dialog->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    QSslCertificate m_certificate;
    QString m_fingerprint;
};

namespace {
const QString OldFingerprint = QStringLiteral("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:"
                                              "11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
}

void tst_CertificateDialog::initTestCase()
{
    TlsCertificateGenerator generator(QStringLiteral("lan.confab"));
    QVERIFY2(generator.generate(), qPrintable(generator.errorString()));
    m_certificate = QSslCertificate(generator.certificatePem(), QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
    m_fingerprint = CertificateCheck::fingerprint(m_certificate);
}

std::unique_ptr<CertificateDialog> tst_CertificateDialog::show(CertificateDialog::Kind kind,
                                                               const QString& pinned)
{
    auto dialog = std::make_unique<CertificateDialog>(kind, QStringLiteral("192.168.1.20"), 6697,
                                                      m_certificate, pinned);
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        qWarning("dialog not exposed");
    return dialog;
}

void tst_CertificateDialog::firstUseShowsTheFingerprintToCompare()
{
    auto dialog = show(CertificateDialog::Kind::FirstUse);
    const QString message = child<QLabel>(dialog.get(), "messageLabel")->text();
    QVERIFY2(message.contains(QStringLiteral("192.168.1.20:6697 for the first time")),
             qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("administrator")), qPrintable(message));
    const QString shown = child<QLabel>(dialog.get(), "fingerprintLabel")->text();
    const QStringList lines = shown.split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4); // 32 bytes in four groups of eight
    QCOMPARE(lines.join(QLatin1Char(':')), m_fingerprint);
    QCOMPARE(dialog->fingerprint(), m_fingerprint);
    const QString details = child<QLabel>(dialog.get(), "detailsLabel")->text();
    QVERIFY2(details.contains(QStringLiteral("lan.confab")), qPrintable(details));
    QVERIFY2(details.contains(QStringLiteral("self-signed")), qPrintable(details));
    QVERIFY2(details.contains(QString::number(m_certificate.expiryDate().date().year())),
             qPrintable(details));
    QVERIFY(!dialog->findChild<QLabel*>(QStringLiteral("oldFingerprintLabel")));
    QVERIFY(child<QPushButton>(dialog.get(), "trustButton")->isDefault());
}

void tst_CertificateDialog::firstUseTrustedWithTheButton()
{
    auto dialog = show(CertificateDialog::Kind::FirstUse);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "trustButton"), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
}

void tst_CertificateDialog::firstUseCancelledWithEscape()
{
    auto dialog = show(CertificateDialog::Kind::FirstUse);
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QVERIFY(!dialog->isVisible());
}

void tst_CertificateDialog::changedWarnsWithBothFingerprints()
{
    auto dialog = show(CertificateDialog::Kind::Changed, OldFingerprint);
    QCOMPARE(dialog->kind(), CertificateDialog::Kind::Changed);
    const QString message = child<QLabel>(dialog.get(), "messageLabel")->text();
    QVERIFY2(message.startsWith(QStringLiteral("Warning")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("192.168.1.20:6697")), qPrintable(message));
    QCOMPARE(child<QLabel>(dialog.get(), "fingerprintLabel")
                 ->text()
                 .split(QLatin1Char('\n'))
                 .join(QLatin1Char(':')),
             m_fingerprint);
    QCOMPARE(child<QLabel>(dialog.get(), "oldFingerprintLabel")
                 ->text()
                 .split(QLatin1Char('\n'))
                 .join(QLatin1Char(':')),
             OldFingerprint);
    auto* trust = child<QPushButton>(dialog.get(), "trustButton");
    QCOMPARE(trust->text(), QStringLiteral("&Trust the new certificate"));
    QVERIFY(!trust->isDefault());
    QVERIFY(child<QPushButton>(dialog.get(), "cancelButton")->isDefault());
}

void tst_CertificateDialog::changedIsNotAcceptedByReturn()
{
    auto dialog = show(CertificateDialog::Kind::Changed, OldFingerprint);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    QTest::keyClick(dialog.get(), Qt::Key_Return);
    QCOMPARE(accepted.count(), 0);
    QCOMPARE(rejected.count(), 1);
}

void tst_CertificateDialog::changedAcceptedOnlyWithItsButton()
{
    auto dialog = show(CertificateDialog::Kind::Changed, OldFingerprint);
    QSignalSpy accepted(dialog.get(), &QDialog::accepted);
    QTest::mouseClick(child<QPushButton>(dialog.get(), "trustButton"), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog->fingerprint(), m_fingerprint);
}

QTEST_MAIN(tst_CertificateDialog)
#include "tst_certificatedialog.moc"

#include "widgets/certificatedialog.h"

#include "connection/certificatecheck.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace {

constexpr int IconSize = 48;

} // namespace

CertificateDialog::CertificateDialog(Kind kind, const QString& host, quint16 port,
                                     const QSslCertificate& certificate,
                                     const QString& pinnedFingerprint, QWidget* parent)
    : QDialog(parent), m_kind(kind), m_host(host), m_port(port),
      m_fingerprint(CertificateCheck::fingerprint(certificate)),
      m_trustButton(new QPushButton(this)), m_cancelButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("certificateDialog"));
    const bool changed = kind == Kind::Changed;
    const QString server = QStringLiteral("%1:%2").arg(host).arg(port);

    auto* icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("iconLabel"));
    icon->setPixmap(
        style()
            ->standardIcon(changed ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxQuestion)
            .pixmap(IconSize, IconSize));
    icon->setAlignment(Qt::AlignTop);

    auto* message = new QLabel(this);
    message->setObjectName(QStringLiteral("messageLabel"));
    message->setWordWrap(true);
    auto* fingerprintTitle = new QLabel(this);
    fingerprintTitle->setObjectName(QStringLiteral("fingerprintTitle"));

    auto* text = new QVBoxLayout;
    text->addWidget(message);
    text->addWidget(fingerprintTitle);
    text->addWidget(fingerprintLabel(m_fingerprint, "fingerprintLabel"));
    if (changed) {
        setWindowTitle(tr("The server's certificate has changed"));
        message->setText(
            tr("Warning: %1 presents a different certificate from the one you trusted before. "
               "The administrator may have replaced it, or someone may be intercepting your "
               "connection. Do not continue unless the server's administrator confirms the new "
               "fingerprint.")
                .arg(server));
        message->setStyleSheet(QStringLiteral("color: #c0392b;"));
        fingerprintTitle->setText(tr("New certificate (SHA-256 fingerprint):"));
        auto* oldTitle = new QLabel(tr("Trusted before:"), this);
        text->addWidget(oldTitle);
        text->addWidget(fingerprintLabel(pinnedFingerprint, "oldFingerprintLabel"));
        m_trustButton->setText(tr("&Trust the new certificate"));
        m_cancelButton->setText(tr("&Don't connect"));
    } else {
        setWindowTitle(tr("Confirm the server's certificate"));
        message->setText(
            tr("You are connecting to %1 for the first time. Its certificate is not signed by an "
               "authority your system knows, which is usual on a local network. Check that this "
               "fingerprint matches the one the server's administrator gave you.")
                .arg(server));
        fingerprintTitle->setText(tr("SHA-256 fingerprint:"));
        m_trustButton->setText(tr("&Trust and connect"));
        m_cancelButton->setText(tr("Cancel"));
    }
    auto* details = new QLabel(detailsText(certificate), this);
    details->setObjectName(QStringLiteral("detailsLabel"));
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->addWidget(details);
    auto* remember = new QLabel(tr("Once trusted, this certificate is remembered for %1 and not "
                                   "asked about again.")
                                    .arg(server),
                                this);
    remember->setWordWrap(true);
    text->addWidget(remember);

    m_trustButton->setObjectName(QStringLiteral("trustButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    // A changed certificate is accepted only on purpose: Return does not.
    m_trustButton->setAutoDefault(false);
    m_cancelButton->setAutoDefault(false);
    (changed ? m_cancelButton : m_trustButton)->setDefault(true);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_trustButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(480);
    (changed ? m_cancelButton : m_trustButton)->setFocus();
}

QLabel* CertificateDialog::fingerprintLabel(const QString& fingerprint, const char* objectName)
{
    auto* label = new QLabel(CertificateCheck::groupedFingerprint(fingerprint), this);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setContentsMargins(12, 4, 0, 4);
    return label;
}

QString CertificateDialog::detailsText(const QSslCertificate& certificate) const
{
    const QString subject = certificate.subjectDisplayName();
    const QString issuer = certificate.issuerDisplayName();
    QStringList lines;
    lines.append(tr("Issued to: %1").arg(subject.isEmpty() ? tr("(no name)") : subject));
    if (CertificateCheck::isSelfIssued(certificate))
        lines.append(tr("Issued by: itself (self-signed)"));
    else
        lines.append(tr("Issued by: %1").arg(issuer));
    lines.append(tr("Valid until: %1")
                     .arg(QLocale().toString(certificate.expiryDate().toLocalTime().date(),
                                             QLocale::LongFormat)));
    return lines.join(QLatin1Char('\n'));
}

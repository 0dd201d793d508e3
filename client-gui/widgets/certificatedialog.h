#pragma once

#include <QDialog>
#include <QSslCertificate>

class QLabel;
class QPushButton;

// Asks the user about a server certificate nobody vouched for (ServerConnection's
// certificateNeedsTrust and certificateChanged): on first use, to compare its SHA-256
// fingerprint with the one the server's administrator gave and trust it; when it changed, warns
// and offers to trust the new one, which is never the default button. Accepted: trust it.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind {
        FirstUse, // nothing pinned for this server yet
        Changed,  // another certificate was pinned
    };
    Q_ENUM(Kind)

    CertificateDialog(Kind kind, const QString& host, quint16 port,
                      const QSslCertificate& certificate, const QString& pinnedFingerprint = {},
                      QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    // The fingerprint shown ("AB:CD:…"), the one to pin when accepted.
    QString fingerprint() const { return m_fingerprint; }
    QString host() const { return m_host; }
    quint16 port() const { return m_port; }

private:
    QString detailsText(const QSslCertificate& certificate) const;
    QLabel* fingerprintLabel(const QString& fingerprint, const char* objectName);

    Kind m_kind;
    QString m_host;
    quint16 m_port;
    QString m_fingerprint;
    QPushButton* m_trustButton;
    QPushButton* m_cancelButton;
};

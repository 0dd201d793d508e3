#include "widgets/certificateprompt.h"

#include "connection/clientlogging.h"
#include "session/serverconnection.h"
#include "widgets/certificatedialog.h"

#include <QApplication>

CertificatePrompt::CertificatePrompt(ServerConnection* connection, QWidget* window)
    : QObject(window), m_connection(connection), m_window(window)
{
    setObjectName(QStringLiteral("certificatePrompt"));
    connect(connection, &ServerConnection::certificateNeedsTrust, this,
            [this](const QSslCertificate& certificate) { ask(certificate, {}); });
    connect(connection, &ServerConnection::certificateChanged, this, &CertificatePrompt::ask);
}

void CertificatePrompt::ask(const QSslCertificate& certificate, const QString& pinnedFingerprint)
{
    if (m_dialog) { // an older question is moot: this one is about the server now
        m_dialog->disconnect(this);
        m_dialog->close();
    }
    const auto kind = pinnedFingerprint.isEmpty() ? CertificateDialog::Kind::FirstUse
                                                  : CertificateDialog::Kind::Changed;
    QWidget* modal = QApplication::activeModalWidget();
    QWidget* parent = modal && modal != m_dialog ? modal : m_window;
    const ServerEndpoint server = m_connection->endpoint();
    auto* dialog = new CertificateDialog(kind, server.host, server.port, certificate,
                                         pinnedFingerprint, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        qCInfo(lcClient) << "the user trusts" << dialog->fingerprint();
        m_connection->trustCertificate(dialog->fingerprint());
    });
    connect(dialog, &QDialog::rejected, this, [this] { m_connection->refuseCertificate(); });
    dialog->open();
}

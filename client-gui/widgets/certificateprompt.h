#pragma once

#include "widgets/certificatedialog.h"

#include <QObject>
#include <QPointer>
#include <QSslCertificate>

class ServerConnection;
class QWidget;

// Shows the CertificateDialog when the connection stops at an untrusted or changed certificate
// (over the login dialog when that is open, else over the window), without blocking: trusting
// pins the fingerprint and connects again, cancelling leaves the connection down
// (ServerConnection::refuseCertificate).
class CertificatePrompt : public QObject
{
    Q_OBJECT

public:
    CertificatePrompt(ServerConnection* connection, QWidget* window);

    // The question on screen, or nullptr.
    CertificateDialog* dialog() const { return m_dialog; }

private:
    void ask(const QSslCertificate& certificate, const QString& pinnedFingerprint);

    ServerConnection* m_connection;
    QWidget* m_window;
    QPointer<CertificateDialog> m_dialog;
};

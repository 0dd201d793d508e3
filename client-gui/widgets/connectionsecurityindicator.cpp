#include "widgets/connectionsecurityindicator.h"

#include "session/serverconnection.h"

ConnectionSecurityIndicator::ConnectionSecurityIndicator(ServerConnection* connection,
                                                         QWidget* parent)
    : QLabel(parent), m_connection(connection)
{
    setObjectName(QStringLiteral("securityIndicator"));
    connect(connection, &ServerConnection::stateChanged, this,
            &ConnectionSecurityIndicator::refresh);
    refresh();
}

void ConnectionSecurityIndicator::refresh()
{
    using State = ServerConnection::State;
    using Security = ServerTransport::Security;
    const State state = m_connection->state();
    const bool open = state == State::Registering || state == State::Connected;
    const QString server = ServerAddresses::display(m_connection->endpoint());
    QString style;
    if (!open) {
        setText(tr("Not connected"));
        setToolTip(m_connection->isTls() ? tr("The next connection will be encrypted (TLS).")
                                         : tr("The next connection will not be encrypted."));
    } else if (m_connection->security() == Security::Plain) {
        setText(tr("Not encrypted"));
        setToolTip(tr("Messages to and from %1 travel unencrypted. Choose “Secure connection "
                      "(TLS)” when you connect.")
                       .arg(server));
        style = QStringLiteral("QLabel { color: #a05a00; }");
    } else {
        setText(tr("Encrypted"));
        const QString fingerprint = m_connection->peerFingerprint();
        setToolTip(m_connection->security() == Security::Pinned
                       ? tr("Encrypted (TLS). The certificate of %1 is the one you trusted.\n"
                            "SHA-256: %2")
                             .arg(server, fingerprint)
                       : tr("Encrypted (TLS). The certificate of %1 is verified by an authority "
                            "your system trusts.\nSHA-256: %2")
                             .arg(server, fingerprint));
        style = QStringLiteral("QLabel { color: #1e7e34; }");
    }
    setStyleSheet(style);
}

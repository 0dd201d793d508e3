#pragma once

#include <QLabel>

class ServerConnection;

// The lock in the status bar, there at all times: "Encrypted" (the certificate verified by an
// authority, or the one the user pinned; its fingerprint in the tooltip), "Not encrypted", or
// "Not connected".
class ConnectionSecurityIndicator : public QLabel
{
    Q_OBJECT

public:
    explicit ConnectionSecurityIndicator(ServerConnection* connection, QWidget* parent = nullptr);

public slots:
    void refresh();

private:
    ServerConnection* m_connection;
};

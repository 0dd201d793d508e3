#pragma once

#include "session/serverconnection.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// Asks for server, port, nickname, an optional display name (any script) and password, remembers
// them, checks the nickname while it is typed, and logs in through the ServerConnection. Errors
// (refused, not found, timed out, name taken, bad password) stay in the dialog so the user can fix
// them and retry; a taken name is retried on the same connection.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(ServerConnection* connection, QWidget* parent = nullptr);

    // Fills the fields from the settings, then from these values when given.
    void prefill(const QString& host = {}, quint16 port = 0, const QString& nick = {});
    void showError(const QString& text);

    QString host() const;
    quint16 port() const;
    // "Secure connection (TLS)". When the user ticks it, the port flips between 6697 and 6667
    // if it is still the other default; setTlsEnabled() leaves the port alone.
    bool isTlsEnabled() const;
    void setTlsEnabled(bool enabled);
    QString nick() const;
    QString statusText() const;

    // The nickname problem in the user's words, or empty if the nick is fine.
    static QString nickProblem(const QString& nick, int maxLength);
    static QString errorText(ServerConnection::Error error, const QString& host, quint16 port,
                             const QString& detail);

public slots:
    void reject() override;

private:
    void onConnectClicked();
    void onTlsClicked(bool enabled);
    void onStateChanged(ServerConnection::State state);
    void onRegistered();
    void onNameRejected(const QString& nick, int code, const QString& reason);
    void onError(ServerConnection::Error error, const QString& detail);
    void validate();
    void setBusy(bool busy);
    void setStatus(const QString& text, bool error);

    ServerConnection* m_connection;
    QLineEdit* m_hostEdit;
    QSpinBox* m_portSpin;
    QCheckBox* m_tlsCheck;
    QLineEdit* m_nickEdit;
    QLineEdit* m_displayNameEdit;
    QLineEdit* m_passwordEdit;
    QLabel* m_nickHint;
    QLabel* m_statusLabel;
    QPushButton* m_connectButton;
    QPushButton* m_cancelButton;
    bool m_busy = false;
    bool m_choosingNewNick = false; // registered-but-for-the-nick: retry on the same connection
};

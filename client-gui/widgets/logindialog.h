#pragma once

#include "discovery/lanserver.h"
#include "session/serverconnection.h"
#include "storage/passwordkeyring.h"
#include "storage/serverprofiles.h"

#include <QDialog>
#include <QSet>

class ChatHost;
class HostedLogin;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class LanServerModel;
class LanServiceBrowser;
class QPushButton;
class QSpinBox;
class QTabBar;

// Logs in through the ServerConnection in one of three ways: Sign in (an account and its
// password, SASL), Create account (draft/account-registration, named after the name typed) or
// Guest (a name only, and a server password if the server wants one). Asks for server, port,
// name, password and an optional display name (any script), checks the name while it is typed,
// offers the servers logged in to before and the chat servers found on the LAN (live, through
// Avahi; choosing one fills in server, port and TLS, and its announced certificate fingerprint
// becomes the pin when none is kept yet), and after a successful login remembers it — the
// password only in the system keyring, and only when asked to.
//
// Errors (refused, not found, timed out, name taken, wrong password, account exists…) stay in the
// dialog with the form kept so the user can fix them and retry; a taken name is retried on the
// same connection. With a ChatHost it also offers to host a chat on this computer (HostedLogin):
// only the name is needed.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(ServerConnection* connection, QWidget* parent = nullptr);

    // Fills the fields from the last login, then from these values when given.
    void prefill(const QString& host = {}, quint16 port = 0, const QString& nick = {});
    void showError(const QString& text);
    // Logs in again as last time without showing the dialog: a guest at once, an account when
    // its password is in the keyring (read first). False when there is nothing to resume.
    // If the keyring fails, the dialog opens and says so.
    bool resumeLastLogin();

    QString host() const;
    quint16 port() const;
    // "Secure connection (TLS)". When the user ticks it, the port flips between 6697 and 6667
    // if it is still the other default; setTlsEnabled() leaves the port alone.
    bool isTlsEnabled() const;
    void setTlsEnabled(bool enabled);
    QString nick() const;
    Registration::Mode mode() const;
    QString statusText() const;
    // The line about servers on the LAN ("Looking for…", "No chat servers found…").
    QString lanStatusText() const;
    // Offers "Host a chat on this computer" with this host (none: not offered).
    void setChatHost(ChatHost* host);
    // For tests: where remembered passwords go.
    PasswordKeyring* keyring() const { return m_keyring; }

    // The nickname problem in the user's words, or empty if the nick is fine.
    static QString nickProblem(const QString& nick, int maxLength);
    static QString errorText(ServerConnection::Error error, const QString& host, quint16 port,
                             const QString& detail);

signals:
    // Something about remembering the password the user should know (no keyring…), after the
    // dialog has closed.
    void keyringProblem(const QString& text);

public slots:
    void reject() override;
    // Hosts a chat on this computer under the name in the form (or joins the one this app
    // hosts already) and logs in to it: the button, the Chat menu, the start-up setting.
    void hostChat();

private:
    void onConnectClicked();
    void onTlsClicked(bool enabled);
    void onStateChanged(ServerConnection::State state);
    void onRegistered();
    void onNameRejected(const QString& nick, int code, const QString& reason);
    void onError(ServerConnection::Error error, const QString& detail);
    void onModeChanged();
    void onRecentChosen(int index);
    void onLanServerChosen(const QModelIndex& index);
    void updateLanStatus();
    void updateHostButton();
    void pinAnnouncedFingerprint();
    void onPasswordRead(const QString& key, const QString& password);
    void onKeyringFailed(const QString& key, PasswordKeyring::Problem problem);
    void applyProfile(const ServerProfile& profile);
    void fillRecent();
    void setMode(Registration::Mode mode);
    void rememberLogin();
    void validate();
    QString formProblem() const;
    void setBusy(bool busy);
    void setStatus(const QString& text, bool error);
    QString keyringKey() const;

    ServerConnection* m_connection;
    PasswordKeyring* m_keyring;
    ServerProfiles m_profiles;
    QComboBox* m_recentCombo;
    LanServiceBrowser* m_lanBrowser;
    LanServerModel* m_lanModel;
    QListView* m_lanList;
    QLabel* m_lanStatus;
    LanServer m_lanChoice; // the server on the LAN that filled the form, if any
    QTabBar* m_modeTabs;
    QFormLayout* m_form;
    QLineEdit* m_hostEdit;
    QSpinBox* m_portSpin;
    QCheckBox* m_tlsCheck;
    QLabel* m_nameLabel;
    QLineEdit* m_nickEdit;
    QLineEdit* m_displayNameEdit;
    QLabel* m_passwordLabel;
    QLineEdit* m_passwordEdit;
    QLineEdit* m_confirmEdit;
    QCheckBox* m_rememberCheck;
    QLabel* m_nickHint;
    QLabel* m_statusLabel;
    QPushButton* m_connectButton;
    QPushButton* m_cancelButton;
    QPushButton* m_hostButton;
    ChatHost* m_chatHost = nullptr;
    HostedLogin* m_hostedLogin = nullptr;
    bool m_hosting = false; // the login under way is to the chat this app hosts
    bool m_busy = false;
    bool m_choosingNewNick = false; // registered-but-for-the-nick: retry on the same connection
    QString m_awaitedKey;           // a keyring read whose password fills the form
    QSet<QString> m_forgetting;     // keyring removals under way (their failures are no news)
    bool m_resuming = false;        // that read logs in at once (resumeLastLogin)
};

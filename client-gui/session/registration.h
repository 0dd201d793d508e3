#pragma once

#include "session/ircevent.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

class SaslExchange;
class ServerTransport;

// Logging in on a fresh connection: PASS, CAP LS 302, NICK and USER, then the IRCv3
// capabilities this client knows (when offered) and, for an account, SASL (sign in) or
// draft/account-registration (create the account) before CAP END, until the server's welcome.
// It also remembers which capabilities are enabled for the rest of the connection.
class Registration : public QObject
{
    Q_OBJECT

public:
    // How the user logs in.
    enum class Mode {
        Guest,         // a name only (and a server password if the server wants one)
        SignIn,        // an account and its password, with SASL
        CreateAccount, // a new account named after the nick, then signed in to it
    };
    Q_ENUM(Mode)

    // Why logging in to the account did not work.
    enum class Failure {
        WrongPassword,     // 904: unknown account or wrong password
        Throttled,         // 904 after too many failures: try later
        NoAccounts,        // the server offers no sasl / no account registration
        NeedsTls,          // only PLAIN is offered and this connection is plain text off-loopback
        AccountExists,     // FAIL REGISTER ACCOUNT_EXISTS
        WeakPassword,      // FAIL REGISTER WEAK_PASSWORD / UNACCEPTABLE_PASSWORD
        BadAccountName,    // FAIL REGISTER BAD_ACCOUNT_NAME / ACCOUNT_NAME_MUST_BE_NICK
        NotAvailable,      // FAIL REGISTER TEMPORARILY_UNAVAILABLE and the like: see the text
        Aborted,           // the SASL exchange broke (906, a bad server proof)
    };
    Q_ENUM(Failure)

    explicit Registration(ServerTransport* transport, QObject* parent = nullptr);
    ~Registration() override;

    // Caps this client asks for when offered (sasl and account registration only when needed).
    static QStringList wantedCapabilities();

    void setPassword(const QString& password) { m_password = password; }
    void setUserName(const QString& user) { m_userName = user; }
    // Empty: the nick is sent as the real name.
    void setRealName(const QString& realName) { m_realName = realName; }
    QString realName() const { return m_realName; }
    // The account to log in to (SignIn: account name; CreateAccount: the nick names it).
    void setAccount(Mode mode, const QString& account, const QString& password);
    Mode mode() const { return m_mode; }
    QString accountName() const { return m_account; }
    // The account's password (SignIn, CreateAccount): the file host takes the same credentials.
    QString accountPassword() const { return m_accountPassword; }
    // PLAIN (the password itself) may be sent: the connection is TLS or to this machine.
    void setPlainAllowed(bool allowed) { m_plainAllowed = allowed; }

    // A new connection: nothing negotiated yet.
    void reset();
    // The connection is open: introduce ourselves as nick.
    void start(const QString& nick);
    // Welcome (001) arrived: registration is over.
    void finish() { m_negotiating = false; }
    // A CAP line; isRegistering: before the welcome (CAP END is due).
    void handleCap(const IrcEvents::Cap& cap, bool isRegistering);
    // 421 for CAP: registration goes on without (and without accounts).
    void capUnsupported();
    void handleAuthenticate(const IrcEvents::Authenticate& event);
    void handleSaslReply(const IrcEvents::SaslReply& event);
    void handleAccountRegistered(const IrcEvents::AccountRegistered& event);
    void handleRegisterFailed(const IrcEvents::StandardReply& reply);

    bool hasCapability(const QString& cap) const { return m_enabledCaps.contains(cap); }
    QStringList capabilities() const; // sorted

signals:
    // The server confirmed the login (900) or created the account (REGISTER SUCCESS).
    void loggedIn(const QString& account);
    // The account could not be used; detail is the server's own text, if any. The connection
    // should be closed: registering without the account would be a different login.
    void accountFailed(Registration::Failure failure, const QString& detail);

private:
    void requestCapabilities();
    void afterAck();
    void startSasl(const QStringList& mechanisms);
    void fail(Failure failure, const QString& detail = {});
    void finishNegotiation();

    ServerTransport* m_transport;
    QString m_password; // PASS
    QString m_userName = QStringLiteral("confab");
    QString m_realName;
    Mode m_mode = Mode::Guest;
    QString m_account;
    QString m_accountPassword;
    bool m_plainAllowed = false;
    QString m_nick;

    QHash<QString, QString> m_offeredCaps; // name -> value
    QSet<QString> m_enabledCaps;
    std::unique_ptr<SaslExchange> m_sasl;
    bool m_negotiating = false;
    bool m_isRegistering = false;
    bool m_accountSettled = true; // nothing to wait for before CAP END
};

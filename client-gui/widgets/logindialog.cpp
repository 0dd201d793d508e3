#include "widgets/logindialog.h"

#include "connection/certificatepins.h"
#include "connection/clientlogging.h"
#include "discovery/lanservicebrowser.h"
#include "ircnumerics.h"
#include "ircvalidation.h"
#include "models/lanservermodel.h"
#include "session/chathost.h"
#include "session/clientsettings.h"
#include "session/hostedlogin.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDBusConnection>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QVBoxLayout>

#include <iterator>
#include <utility>

namespace {

constexpr int LanListRows = 4; // rows of found servers shown before the list scrolls

} // namespace

LoginDialog::LoginDialog(ServerConnection* connection, QWidget* parent)
    : QDialog(parent), m_connection(connection), m_keyring(new PasswordKeyring(this)),
      m_recentCombo(new QComboBox(this)),
      m_lanBrowser(new LanServiceBrowser(QDBusConnection::systemBus(), this)),
      m_lanModel(new LanServerModel(m_lanBrowser, this)), m_lanList(new QListView(this)),
      m_lanStatus(new QLabel(this)), m_modeTabs(new QTabBar(this)), m_form(new QFormLayout),
      m_hostEdit(new QLineEdit(this)), m_portSpin(new QSpinBox(this)),
      m_tlsCheck(new QCheckBox(tr("Secure connection (TLS)"), this)), m_nameLabel(new QLabel(this)),
      m_nickEdit(new QLineEdit(this)), m_displayNameEdit(new QLineEdit(this)),
      m_passwordLabel(new QLabel(this)), m_passwordEdit(new QLineEdit(this)),
      m_confirmEdit(new QLineEdit(this)),
      m_rememberCheck(new QCheckBox(tr("&Remember me on this computer"), this)),
      m_nickHint(new QLabel(this)), m_statusLabel(new QLabel(this)),
      m_connectButton(new QPushButton(tr("&Connect"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)), m_hostButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Connect to a chat server"));
    m_recentCombo->setObjectName(QStringLiteral("recentCombo"));
    m_lanList->setObjectName(QStringLiteral("lanServerList"));
    m_lanStatus->setObjectName(QStringLiteral("lanStatusLabel"));
    m_lanList->setModel(m_lanModel);
    m_lanList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_lanList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_lanList->setUniformItemSizes(true);
    m_lanList->setMaximumHeight(m_lanList->fontMetrics().height() * (LanListRows + 1) +
                                2 * m_lanList->frameWidth());
    m_lanList->setAccessibleName(tr("Chat servers on this network"));
    m_lanStatus->setWordWrap(true);
    m_modeTabs->setObjectName(QStringLiteral("modeTabs"));
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_tlsCheck->setObjectName(QStringLiteral("tlsCheck"));
    m_tlsCheck->setChecked(ClientDefaults::Tls);
    m_tlsCheck->setToolTip(tr("Encrypts the connection. A server with its own certificate (on "
                              "a LAN) is trusted once you confirm its fingerprint."));
    m_nickEdit->setObjectName(QStringLiteral("nickEdit"));
    m_displayNameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_confirmEdit->setObjectName(QStringLiteral("confirmEdit"));
    m_rememberCheck->setObjectName(QStringLiteral("rememberCheck"));
    m_nickHint->setObjectName(QStringLiteral("nickHint"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_hostButton->setObjectName(QStringLiteral("hostButton"));
    m_hostButton->setToolTip(tr("Runs a chat server in Confab for the people on this network: "
                                "they find it in their login window. Only a name is needed."));
    m_hostButton->hide(); // until there is a ChatHost

    const std::pair<Registration::Mode, QString> modes[] = {
        {Registration::Mode::SignIn, tr("Sign in")},
        {Registration::Mode::CreateAccount, tr("Create account")},
        {Registration::Mode::Guest, tr("Guest")},
    };
    for (const auto& [mode, title] : modes)
        m_modeTabs->setTabData(m_modeTabs->addTab(title), QVariant::fromValue(mode));
    m_modeTabs->setExpanding(false);
    m_modeTabs->setTabToolTip(0, tr("Log in to your account with its password."));
    m_modeTabs->setTabToolTip(1, tr("Make an account for the name below, so that nobody else "
                                    "can use it."));
    m_modeTabs->setTabToolTip(2, tr("Chat under a name without an account, where the server "
                                    "allows it."));

    m_hostEdit->setPlaceholderText(tr("for example chat.example.org"));
    m_hostEdit->setToolTip(tr("The chat server's name or address. For a network of several "
                              "servers, list them separated by commas: Confab uses the first "
                              "that answers, and another one if it goes away."));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(ClientDefaults::Tls ? ClientDefaults::TlsPort : ClientDefaults::Port);
    m_nickEdit->setPlaceholderText(tr("the name others will see"));
    m_displayNameEdit->setPlaceholderText(tr("optional: your name in any language"));
    m_displayNameEdit->setToolTip(tr("Names on the server are plain letters a–z; others see "
                                     "this name next to it."));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_confirmEdit->setEchoMode(QLineEdit::Password);
    m_confirmEdit->setPlaceholderText(tr("the same password again"));
    m_rememberCheck->setToolTip(tr("The password is kept in your system's keyring, never in a "
                                   "file."));
    m_nickHint->setWordWrap(true);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectButton->setDefault(true);

    m_form->addRow(tr("R&ecent:"), m_recentCombo);
    m_form->addRow(tr("&Server:"), m_hostEdit);
    m_form->addRow(tr("&Port:"), m_portSpin);
    m_form->addRow(QString(), m_tlsCheck);
    m_form->addRow(m_nameLabel, m_nickEdit);
    m_form->addRow(QString(), m_nickHint);
    m_form->addRow(m_passwordLabel, m_passwordEdit);
    m_form->addRow(tr("Re&peat password:"), m_confirmEdit);
    m_form->addRow(QString(), m_rememberCheck);
    m_form->addRow(tr("&Display name:"), m_displayNameEdit);
    m_nameLabel->setBuddy(m_nickEdit);
    m_passwordLabel->setBuddy(m_passwordEdit);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_connectButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_lanStatus);
    layout->addWidget(m_lanList);
    layout->addWidget(m_hostButton, 0, Qt::AlignLeft);
    layout->addWidget(m_modeTabs);
    layout->addLayout(m_form);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(440);

    // Tab follows the form from top to bottom (widgets were made in another order).
    QWidget* const order[] = {m_lanList,       m_hostButton,  m_modeTabs,      m_recentCombo,
                              m_hostEdit,      m_portSpin,    m_tlsCheck,      m_nickEdit,
                              m_passwordEdit,  m_confirmEdit, m_rememberCheck, m_displayNameEdit,
                              m_connectButton, m_cancelButton};
    for (size_t i = 1; i < std::size(order); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_modeTabs, &QTabBar::currentChanged, this, &LoginDialog::onModeChanged);
    connect(m_recentCombo, &QComboBox::activated, this, &LoginDialog::onRecentChosen);
    connect(m_lanList, &QListView::clicked, this, &LoginDialog::onLanServerChosen);
    connect(m_lanList, &QListView::activated, this, &LoginDialog::onLanServerChosen);
    connect(m_lanBrowser, &LanServiceBrowser::stateChanged, this, &LoginDialog::updateLanStatus);
    connect(m_lanBrowser, &LanServiceBrowser::settled, this, &LoginDialog::updateLanStatus);
    connect(m_lanModel, &QAbstractItemModel::rowsInserted, this, &LoginDialog::updateLanStatus);
    connect(m_lanModel, &QAbstractItemModel::rowsRemoved, this, &LoginDialog::updateLanStatus);
    connect(m_lanModel, &QAbstractItemModel::modelReset, this, &LoginDialog::updateLanStatus);
    connect(m_connectButton, &QPushButton::clicked, this, &LoginDialog::onConnectClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_hostButton, &QPushButton::clicked, this, &LoginDialog::hostChat);
    connect(m_tlsCheck, &QCheckBox::clicked, this, &LoginDialog::onTlsClicked);
    for (QLineEdit* edit : {m_nickEdit, m_hostEdit, m_passwordEdit, m_confirmEdit})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_connection, &ServerConnection::stateChanged, this, &LoginDialog::onStateChanged);
    connect(m_connection, &ServerConnection::registered, this, &LoginDialog::onRegistered);
    connect(m_connection, &ServerConnection::nameRejected, this, &LoginDialog::onNameRejected);
    connect(m_connection, &ServerConnection::errorOccurred, this, &LoginDialog::onError);
    connect(m_keyring, &PasswordKeyring::passwordRead, this, &LoginDialog::onPasswordRead);
    connect(m_keyring, &PasswordKeyring::removed, this,
            [this](const QString& key) { m_forgetting.remove(key); });
    connect(m_keyring, &PasswordKeyring::failed, this,
            [this](const QString& key, PasswordKeyring::Problem problem) {
                onKeyringFailed(key, problem);
            });
    prefill();
    m_lanBrowser->start();
    updateLanStatus();
}

void LoginDialog::updateLanStatus()
{
    using State = LanServiceBrowser::State;
    const bool found = m_lanModel->rowCount() > 0;
    m_lanList->setVisible(found);
    QString text;
    if (found)
        text = tr("Chat servers on this network (choose one, or enter a server below):");
    else if (m_lanBrowser->state() == State::Unavailable)
        text = tr("Servers on this network cannot be listed: the Avahi service is not running on "
                  "this computer. Enter a server's address below.");
    else if (m_lanBrowser->state() == State::Failed)
        text = tr("Servers on this network cannot be listed right now. Enter a server's address "
                  "below.");
    else if (m_lanBrowser->hasSettled())
        text = tr("No chat servers found on this network. Enter a server's address below.");
    else
        text = tr("Looking for chat servers on this network…");
    m_lanStatus->setText(text);
}

QString LoginDialog::lanStatusText() const
{
    return m_lanStatus->text();
}

void LoginDialog::onLanServerChosen(const QModelIndex& index)
{
    const LanServer server = m_lanModel->server(index.row());
    if (!server.isValid() || m_busy)
        return;
    m_lanChoice = server;
    m_awaitedKey.clear(); // a keyring read for the last server no longer fills this form
    m_hostEdit->setText(server.address);
    m_portSpin->setValue(server.port);
    m_tlsCheck->setChecked(server.tls);
    if (!server.hasAccounts && mode() != Registration::Mode::Guest)
        setMode(Registration::Mode::Guest); // it said it has no accounts
    setStatus({}, false);
    validate();
}

// The fingerprint a chosen LAN server announced becomes the expected one, so that the first
// connection needs no confirmation — but never replaces a pin the user already has: an
// announcement is no proof, a kept pin is.
void LoginDialog::pinAnnouncedFingerprint()
{
    const LanServer& chosen = m_lanChoice;
    if (!chosen.isValid() || !chosen.tls || chosen.fingerprint.isEmpty() || !isTlsEnabled() ||
        host() != chosen.address || port() != chosen.port)
        return;
    CertificatePins pins;
    if (!pins.pin(host(), port()).isEmpty())
        return;
    pins.setPin(host(), port(), chosen.fingerprint);
    qCInfo(lcLan).noquote() << "pinned the fingerprint" << chosen.name << "announced for"
                            << CertificatePins::serverKey(host(), port());
}

void LoginDialog::prefill(const QString& host, quint16 port, const QString& nick)
{
    m_profiles.load();
    fillRecent();
    ServerProfile profile = m_profiles.last();
    if (!host.isEmpty() || port != 0 || !nick.isEmpty()) {
        // Asked for a server (command line, reconnect): its remembered login, if any.
        const ServerProfile known = m_profiles.find(host, port, nick);
        if (known.isValid())
            profile = known;
    }
    if (!profile.isValid()) { // first start
        profile.host = ClientDefaults::Host;
        profile.tls = QSettings().value(SettingsKeys::Tls, ClientDefaults::Tls).toBool();
        profile.port = profile.tls ? ClientDefaults::TlsPort : ClientDefaults::Port;
        // Suggest the login name when it is a valid nick.
        const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
        if (nickProblem(user, m_connection->serverSupport().nickLength()).isEmpty())
            profile.name = user;
        profile.displayName = QSettings().value(SettingsKeys::DisplayName).toString();
    }
    if (!host.isEmpty())
        profile.host = host;
    if (port != 0)
        profile.port = port;
    if (!nick.isEmpty())
        profile.name = nick;
    applyProfile(profile);
    m_choosingNewNick = false;
    setBusy(false);
    setStatus({}, false);
    validate();
    // Typing starts where something is missing: the name, else an account's password.
    if (m_nickEdit->text().isEmpty())
        m_nickEdit->setFocus();
    else if (mode() != Registration::Mode::Guest && m_passwordEdit->text().isEmpty())
        m_passwordEdit->setFocus();
}

void LoginDialog::applyProfile(const ServerProfile& profile)
{
    m_hostEdit->setText(profile.host);
    m_tlsCheck->setChecked(profile.tls);
    m_portSpin->setValue(profile.port != 0 ? profile.port : ClientDefaults::Port);
    m_nickEdit->setText(profile.name);
    m_displayNameEdit->setText(profile.displayName);
    m_passwordEdit->clear();
    m_confirmEdit->clear();
    setMode(profile.mode);
    m_rememberCheck->setChecked(profile.rememberPassword);
    m_awaitedKey.clear();
    if (profile.rememberPassword && profile.mode != Registration::Mode::Guest) {
        m_awaitedKey = PasswordKeyring::keyFor(profile.name, profile.host, profile.port);
        m_keyring->read(m_awaitedKey);
    }
}

void LoginDialog::fillRecent()
{
    m_recentCombo->clear();
    for (const ServerProfile& profile : m_profiles.profiles()) {
        const QString server = QStringLiteral("%1:%2").arg(profile.host).arg(profile.port);
        m_recentCombo->addItem(profile.mode == Registration::Mode::Guest
                                   ? tr("%1 on %2 (guest)").arg(profile.name, server)
                                   : tr("%1 on %2").arg(profile.name, server));
    }
    m_form->setRowVisible(m_recentCombo, m_recentCombo->count() > 0);
}

void LoginDialog::onRecentChosen(int index)
{
    if (index < 0 || index >= m_profiles.profiles().size())
        return;
    applyProfile(m_profiles.profiles().at(index));
    setStatus({}, false);
    validate();
}

bool LoginDialog::resumeLastLogin()
{
    const ServerProfile last = m_profiles.last();
    if (!last.isValid())
        return false;
    if (last.mode != Registration::Mode::Guest && !last.rememberPassword)
        return false;
    applyProfile(last);
    if (last.mode == Registration::Mode::Guest) {
        onConnectClicked();
        return true;
    }
    m_resuming = true; // onPasswordRead connects
    setStatus(tr("Reading your password from the keyring…"), false);
    return true;
}

void LoginDialog::onPasswordRead(const QString& key, const QString& password)
{
    if (key != m_awaitedKey)
        return; // the user chose another server meanwhile
    m_awaitedKey.clear();
    m_passwordEdit->setText(password);
    if (m_resuming) {
        m_resuming = false;
        onConnectClicked();
    }
}

void LoginDialog::onKeyringFailed(const QString& key, PasswordKeyring::Problem problem)
{
    QString text;
    switch (problem) {
    case PasswordKeyring::Problem::NoKeyring:
        text = tr("There is no keyring on this computer to keep your password in, so it was "
                  "not saved. You will be asked for it next time.");
        break;
    case PasswordKeyring::Problem::NotFound:
        text = tr("Your saved password was not found in the keyring. Enter it again.");
        break;
    case PasswordKeyring::Problem::Denied:
        text = tr("The keyring did not allow Confab to use your password (it may be locked).");
        break;
    case PasswordKeyring::Problem::Other:
        text = tr("The keyring could not be used, so your password is not kept.");
        break;
    }
    if (key == m_awaitedKey) { // reading, to fill the form
        m_awaitedKey.clear();
        const bool wasResuming = m_resuming;
        m_resuming = false;
        if (wasResuming && !isVisible())
            open();
        setStatus(text, true);
        return;
    }
    if (m_forgetting.remove(key) || problem == PasswordKeyring::Problem::NotFound)
        return; // nothing the user needs to act on
    if (isVisible())
        setStatus(text, true);
    else
        emit keyringProblem(text);
}

Registration::Mode LoginDialog::mode() const
{
    return m_modeTabs->tabData(m_modeTabs->currentIndex()).value<Registration::Mode>();
}

void LoginDialog::setMode(Registration::Mode mode)
{
    for (int i = 0; i < m_modeTabs->count(); ++i) {
        if (m_modeTabs->tabData(i).value<Registration::Mode>() == mode)
            m_modeTabs->setCurrentIndex(i);
    }
    onModeChanged();
}

void LoginDialog::onModeChanged()
{
    const Registration::Mode current = mode();
    const bool account = current != Registration::Mode::Guest;
    m_nameLabel->setText(current == Registration::Mode::SignIn ? tr("&Account:") : tr("&Name:"));
    m_passwordLabel->setText(current == Registration::Mode::Guest ? tr("Server pass&word:")
                                                                  : tr("Pass&word:"));
    m_passwordEdit->setPlaceholderText(
        current == Registration::Mode::Guest    ? tr("only if the server asks for one")
        : current == Registration::Mode::SignIn ? tr("your account's password")
                                                : tr("choose a password"));
    m_form->setRowVisible(m_confirmEdit, current == Registration::Mode::CreateAccount);
    m_form->setRowVisible(m_rememberCheck, account);
    m_connectButton->setText(current == Registration::Mode::SignIn          ? tr("&Sign in")
                             : current == Registration::Mode::CreateAccount ? tr("C&reate account")
                                                                            : tr("&Connect"));
    validate();
}

QString LoginDialog::host() const
{
    return m_hostEdit->text().trimmed();
}

quint16 LoginDialog::port() const
{
    return quint16(m_portSpin->value());
}

bool LoginDialog::isTlsEnabled() const
{
    return m_tlsCheck->isChecked();
}

void LoginDialog::setTlsEnabled(bool enabled)
{
    m_tlsCheck->setChecked(enabled);
}

void LoginDialog::onTlsClicked(bool enabled)
{
    const int from = enabled ? ClientDefaults::Port : ClientDefaults::TlsPort;
    if (m_portSpin->value() == from)
        m_portSpin->setValue(enabled ? ClientDefaults::TlsPort : ClientDefaults::Port);
}

QString LoginDialog::nick() const
{
    return m_nickEdit->text().trimmed();
}

QString LoginDialog::statusText() const
{
    return m_statusLabel->text();
}

QString LoginDialog::nickProblem(const QString& nick, int maxLength)
{
    switch (IrcValidation::checkNick(nick, maxLength)) {
    case IrcValidation::Reason::Valid:
        return {};
    case IrcValidation::Reason::Empty:
        return tr("Enter the name others will see you as.");
    case IrcValidation::Reason::TooLong:
        return tr("A name can have at most %n characters.", nullptr, maxLength);
    case IrcValidation::Reason::BadFirstCharacter:
        return tr("A name must start with a letter (a–z) or one of [ ] \\ ` _ ^ { | }.");
    case IrcValidation::Reason::BadCharacter:
        return tr("A name can only contain letters a–z, digits, - and [ ] \\ ` _ ^ { | } — no "
                  "spaces.");
    }
    return {};
}

QString LoginDialog::errorText(ServerConnection::Error error, const QString& host, quint16 port,
                               const QString& detail)
{
    using Error = ServerConnection::Error;
    switch (error) {
    case Error::ConnectionRefused:
        return tr("%1 refused the connection on port %2. Is the chat server running there?")
            .arg(host)
            .arg(port);
    case Error::HostNotFound:
        return tr("The server %1 could not be found. Check its name.").arg(host);
    case Error::Unreachable:
        return tr("The server %1 cannot be reached. Check your network connection.").arg(host);
    case Error::Timeout:
        return tr("The server %1 did not answer in time.").arg(host);
    case Error::BadPassword:
        return tr("The server did not accept the password.");
    case Error::ServerClosed:
        return tr("The server closed the connection: %1").arg(detail);
    case Error::WrongPassword:
        return tr("The account name or the password is wrong.");
    case Error::SignInThrottled:
        return tr("Too many wrong passwords were tried. Wait a few minutes, then try again.");
    case Error::AccountsUnsupported:
        return tr("%1 has no accounts. Connect as a guest instead.").arg(host);
    case Error::SignInNeedsTls:
        return tr("%1 accepts your password only over a secure connection.").arg(host);
    case Error::AccountExists:
        return tr("An account with this name exists already. Sign in to it, or choose another "
                  "name.");
    case Error::WeakPassword:
        return detail.isEmpty() ? tr("The server does not accept this password. Choose a longer "
                                     "one.")
                                : tr("The server does not accept this password: %1").arg(detail);
    case Error::BadAccountName:
        return detail.isEmpty()
                   ? tr("The server does not accept this account name.")
                   : tr("The server does not accept this account name: %1").arg(detail);
    case Error::AccountUnavailable:
        return detail.isEmpty() ? tr("Accounts cannot be used on %1 right now.").arg(host)
                                : tr("The account cannot be used right now: %1").arg(detail);
    case Error::TlsFailed:
        return tr("No secure connection to %1 on port %2: %3. Is that the server's TLS port "
                  "(usually 6697)?")
            .arg(host, QString::number(port), detail);
    case Error::CertificateNotTrusted:
        return tr("Not connected: you did not trust the certificate of %1.").arg(host);
    case Error::ConnectionLost:
    case Error::ProtocolError:
        break;
    }
    return detail.isEmpty() ? tr("The connection to %1 was lost.").arg(host)
                            : tr("The connection to %1 was lost: %2").arg(host, detail);
}

QString LoginDialog::formProblem() const
{
    if (!host().isEmpty() && ServerAddresses::parse(host(), port()).isEmpty())
        return tr("“%1” is not a server address. Use a name or name:port, several separated by "
                  "commas.")
            .arg(host());
    const QString problem = nickProblem(nick(), m_connection->serverSupport().nickLength());
    if (!problem.isEmpty() || mode() == Registration::Mode::Guest)
        return problem;
    if (m_passwordEdit->text().isEmpty())
        return mode() == Registration::Mode::SignIn ? tr("Enter your account's password.")
                                                    : tr("Choose a password for the account.");
    if (mode() == Registration::Mode::CreateAccount && m_confirmEdit->text().isEmpty())
        return tr("Type the password again below.");
    if (mode() == Registration::Mode::CreateAccount &&
        m_confirmEdit->text() != m_passwordEdit->text())
        return tr("The two passwords are not the same.");
    return {};
}

void LoginDialog::validate()
{
    const QString problem = formProblem();
    m_nickHint->setText(problem);
    m_nickHint->setVisible(!problem.isEmpty());
    m_connectButton->setEnabled(problem.isEmpty() && !host().isEmpty() &&
                                (!m_busy || m_choosingNewNick));
    m_hostButton->setEnabled(!m_busy && m_chatHost &&
                             m_chatHost->state() != ChatHost::State::Stopping &&
                             nickProblem(nick(), Limits::DefaultNickLength).isEmpty());
}

void LoginDialog::setChatHost(ChatHost* host)
{
    m_chatHost = host;
    m_hostedLogin = new HostedLogin(host, m_connection, this);
    connect(m_hostedLogin, &HostedLogin::progress, this,
            [this](const QString& text) { setStatus(text, false); });
    connect(m_hostedLogin, &HostedLogin::failed, this, [this](const QString& text) {
        m_hosting = false;
        showError(text);
    });
    connect(host, &ChatHost::stateChanged, this, &LoginDialog::updateHostButton);
    m_hostButton->show();
    updateHostButton();
}

void LoginDialog::updateHostButton()
{
    m_hostButton->setText(m_chatHost->isRunning() ? tr("&Join the chat you host")
                                                  : tr("&Host a chat on this computer"));
    validate();
}

void LoginDialog::hostChat()
{
    if (!m_chatHost || m_busy)
        return;
    const QString problem = nickProblem(nick(), Limits::DefaultNickLength);
    if (!problem.isEmpty()) {
        showError(problem);
        m_nickEdit->setFocus();
        return;
    }
    m_hosting = true;
    m_awaitedKey.clear();
    setBusy(true);
    m_hostedLogin->begin(nick(), m_displayNameEdit->text().trimmed());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy;
    m_hostEdit->setEnabled(editable);
    m_portSpin->setEnabled(editable);
    m_tlsCheck->setEnabled(editable);
    m_passwordEdit->setEnabled(editable);
    m_confirmEdit->setEnabled(editable);
    m_rememberCheck->setEnabled(editable);
    m_modeTabs->setEnabled(editable);
    m_recentCombo->setEnabled(editable);
    m_lanList->setEnabled(editable);
    m_displayNameEdit->setEnabled(editable);
    m_nickEdit->setEnabled(editable || m_choosingNewNick);
    if (!busy)
        m_hosting = false;
    if (m_choosingNewNick)
        m_connectButton->setText(tr("&Use this name"));
    else if (!m_statusLabel->text().isEmpty() && !busy)
        m_connectButton->setText(tr("&Try again"));
    else
        onModeChanged(); // the mode's own words
    validate();
}

void LoginDialog::setStatus(const QString& text, bool error)
{
    m_statusLabel->setText(text);
    m_statusLabel->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

void LoginDialog::showError(const QString& text)
{
    m_choosingNewNick = false;
    setStatus(text, true);
    setBusy(false);
}

void LoginDialog::onConnectClicked()
{
    if (m_choosingNewNick) {
        m_choosingNewNick = false;
        setStatus(tr("Trying the name %1…").arg(nick()), false);
        setBusy(true);
        m_connection->setNick(nick());
        return;
    }
    m_awaitedKey.clear(); // what the user typed wins over a keyring read still under way
    pinAnnouncedFingerprint();
    setStatus(tr("Connecting to %1…").arg(host()), false);
    setBusy(true);
    m_connection->setHost(host());
    m_connection->setPort(port());
    m_connection->setTls(isTlsEnabled());
    m_connection->setDesiredNick(nick());
    const bool guest = mode() == Registration::Mode::Guest;
    m_connection->setPassword(guest ? m_passwordEdit->text() : QString());
    m_connection->setAccount(mode(), nick(), guest ? QString() : m_passwordEdit->text());
    m_connection->setRealName(m_displayNameEdit->text().trimmed());
    m_connection->connectToServer();
}

void LoginDialog::onStateChanged(ServerConnection::State state)
{
    if (!isVisible() || !m_busy)
        return;
    if (state == ServerConnection::State::Registering && !m_choosingNewNick)
        setStatus(tr("Connected to %1, logging in…").arg(host()), false);
}

void LoginDialog::onRegistered()
{
    if (!isVisible())
        return;
    if (m_hosting) {
        // Only the name: the hosted chat's port and password are this run's.
        QSettings settings;
        settings.setValue(SettingsKeys::Nick, m_connection->nick());
        settings.setValue(SettingsKeys::DisplayName, m_displayNameEdit->text().trimmed());
        m_passwordEdit->clear();
    } else {
        rememberLogin();
    }
    m_hosting = false;
    qCInfo(lcClient) << "logged in as" << m_connection->nick();
    m_choosingNewNick = false;
    m_busy = false;
    setStatus({}, false);
    accept();
}

QString LoginDialog::keyringKey() const
{
    return PasswordKeyring::keyFor(nick(), host(), port());
}

void LoginDialog::rememberLogin()
{
    QSettings settings;
    settings.setValue(SettingsKeys::Host, host());
    settings.setValue(SettingsKeys::Port, int(port()));
    settings.setValue(SettingsKeys::Tls, isTlsEnabled());
    settings.setValue(SettingsKeys::Nick, m_connection->nick());
    settings.setValue(SettingsKeys::DisplayName, m_displayNameEdit->text().trimmed());

    ServerProfile profile;
    profile.host = host();
    profile.port = port();
    profile.tls = isTlsEnabled();
    profile.mode = m_connection->accountMode(); // a created account is signed in to next time
    profile.name = profile.mode == Registration::Mode::Guest ? m_connection->nick() : nick();
    profile.displayName = m_displayNameEdit->text().trimmed();
    const bool account = profile.mode != Registration::Mode::Guest;
    profile.rememberPassword = account && m_rememberCheck->isChecked();
    // A password kept before is forgotten now if "Remember me" was unticked.
    const bool wasRemembered =
        profile.isValid() &&
        m_profiles.find(profile.host, profile.port, profile.name).rememberPassword;
    m_profiles.remember(profile);
    fillRecent();
    if (profile.rememberPassword)
        m_keyring->store(keyringKey(), m_passwordEdit->text());
    else if (wasRemembered) {
        m_forgetting.insert(keyringKey()); // "Remember me" unticked: forget it, quietly
        m_keyring->remove(keyringKey());
    }
    m_passwordEdit->clear();
    m_confirmEdit->clear();
}

void LoginDialog::onNameRejected(const QString& nick, int code, const QString& reason)
{
    if (!isVisible() || m_connection->isRegistered())
        return;
    m_choosingNewNick = true;
    // confabd and Ergo say 433 for a name kept for its account's owner, and say so in the text.
    if (code == IrcNumeric::ERR_NICKNAMEINUSE &&
        reason.contains(QLatin1String("account"), Qt::CaseInsensitive))
        setStatus(tr("The name %1 belongs to an account. Sign in with its password, or choose "
                     "another name.")
                      .arg(nick),
                  true);
    else if (code == IrcNumeric::ERR_NICKNAMEINUSE)
        setStatus(tr("The name %1 is already taken. Choose another one.").arg(nick), true);
    else
        setStatus(tr("The server does not accept the name %1: %2").arg(nick, reason), true);
    setBusy(true);
    m_nickEdit->setFocus();
    m_nickEdit->selectAll();
}

void LoginDialog::onError(ServerConnection::Error error, const QString& detail)
{
    if (!isVisible() || !m_busy)
        return;
    const ServerEndpoint server = m_connection->endpoint(); // the last address tried
    const QString text = errorText(error, server.host, server.port, detail);
    const bool noAnswer = error == ServerConnection::Error::ConnectionRefused ||
                          error == ServerConnection::Error::HostNotFound ||
                          error == ServerConnection::Error::Unreachable ||
                          error == ServerConnection::Error::Timeout;
    const int count = m_connection->addressCount();
    showError(
        noAnswer && count > 1
            ? tr("None of the %n servers answered. The last one: %1", nullptr, count).arg(text)
            : text);
}

void LoginDialog::reject()
{
    if (m_busy && !m_connection->isRegistered())
        m_connection->disconnectFromServer();
    if (m_hostedLogin)
        m_hostedLogin->cancel(); // a chat being started goes on, without logging in to it
    m_busy = false;
    m_hosting = false;
    m_choosingNewNick = false;
    QDialog::reject();
}

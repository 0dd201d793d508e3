#include "widgets/logindialog.h"

#include "connection/clientlogging.h"
#include "ircnumerics.h"
#include "ircvalidation.h"
#include "session/clientsettings.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

LoginDialog::LoginDialog(ServerConnection* connection, QWidget* parent)
    : QDialog(parent), m_connection(connection), m_hostEdit(new QLineEdit(this)),
      m_portSpin(new QSpinBox(this)),
      m_tlsCheck(new QCheckBox(tr("Secure connection (TLS)"), this)),
      m_nickEdit(new QLineEdit(this)),
      m_displayNameEdit(new QLineEdit(this)), m_passwordEdit(new QLineEdit(this)),
      m_nickHint(new QLabel(this)), m_statusLabel(new QLabel(this)),
      m_connectButton(new QPushButton(tr("&Connect"), this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Connect to a chat server"));
    m_hostEdit->setObjectName(QStringLiteral("hostEdit"));
    m_portSpin->setObjectName(QStringLiteral("portSpin"));
    m_tlsCheck->setObjectName(QStringLiteral("tlsCheck"));
    m_tlsCheck->setChecked(ClientDefaults::Tls);
    m_tlsCheck->setToolTip(tr("Encrypts the connection. A server with its own certificate (on "
                              "a LAN) is trusted once you confirm its fingerprint."));
    m_nickEdit->setObjectName(QStringLiteral("nickEdit"));
    m_displayNameEdit->setObjectName(QStringLiteral("displayNameEdit"));
    m_passwordEdit->setObjectName(QStringLiteral("passwordEdit"));
    m_nickHint->setObjectName(QStringLiteral("nickHint"));
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_connectButton->setObjectName(QStringLiteral("connectButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));

    m_hostEdit->setPlaceholderText(tr("for example chat.example.org"));
    m_portSpin->setRange(1, 65535);
    m_portSpin->setValue(ClientDefaults::Tls ? ClientDefaults::TlsPort : ClientDefaults::Port);
    m_nickEdit->setPlaceholderText(tr("the name others will see"));
    m_displayNameEdit->setPlaceholderText(tr("optional: your name in any language"));
    m_displayNameEdit->setToolTip(tr("Names on the server are plain letters a–z; others see "
                                     "this name next to it."));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("only if the server asks for one"));
    m_nickHint->setWordWrap(true);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectButton->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Server:"), m_hostEdit);
    form->addRow(tr("&Port:"), m_portSpin);
    form->addRow(QString(), m_tlsCheck);
    form->addRow(tr("&Name:"), m_nickEdit);
    form->addRow(QString(), m_nickHint);
    form->addRow(tr("&Display name:"), m_displayNameEdit);
    form->addRow(tr("Pass&word:"), m_passwordEdit);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_connectButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancelButton, QDialogButtonBox::RejectRole);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);

    connect(m_connectButton, &QPushButton::clicked, this, &LoginDialog::onConnectClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_tlsCheck, &QCheckBox::clicked, this, &LoginDialog::onTlsClicked);
    connect(m_nickEdit, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_hostEdit, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_connection, &ServerConnection::stateChanged, this, &LoginDialog::onStateChanged);
    connect(m_connection, &ServerConnection::registered, this, &LoginDialog::onRegistered);
    connect(m_connection, &ServerConnection::nameRejected, this, &LoginDialog::onNameRejected);
    connect(m_connection, &ServerConnection::errorOccurred, this, &LoginDialog::onError);
    prefill();
}

void LoginDialog::prefill(const QString& host, quint16 port, const QString& nick)
{
    const QSettings settings;
    m_hostEdit->setText(host.isEmpty()
                            ? settings.value(SettingsKeys::Host, ClientDefaults::Host).toString()
                            : host);
    const bool tls = settings.value(SettingsKeys::Tls, ClientDefaults::Tls).toBool();
    m_tlsCheck->setChecked(tls);
    m_portSpin->setValue(port != 0 ? port
                                   : settings
                                         .value(SettingsKeys::Port, tls ? ClientDefaults::TlsPort
                                                                        : ClientDefaults::Port)
                                         .toInt());
    QString initialNick = nick.isEmpty() ? settings.value(SettingsKeys::Nick).toString() : nick;
    if (initialNick.isEmpty()) { // first start: suggest the login name when it is a valid nick
        const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("LOGNAME"));
        if (nickProblem(user, m_connection->serverSupport().nickLength()).isEmpty())
            initialNick = user;
    }
    m_nickEdit->setText(initialNick);
    m_displayNameEdit->setText(settings.value(SettingsKeys::DisplayName).toString());
    m_passwordEdit->clear();
    m_choosingNewNick = false;
    setBusy(false);
    setStatus({}, false);
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

void LoginDialog::validate()
{
    const QString problem = nickProblem(nick(), m_connection->serverSupport().nickLength());
    m_nickHint->setText(problem);
    m_nickHint->setVisible(!problem.isEmpty());
    m_connectButton->setEnabled(problem.isEmpty() && !host().isEmpty() &&
                                (!m_busy || m_choosingNewNick));
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    const bool editable = !busy;
    m_hostEdit->setEnabled(editable);
    m_portSpin->setEnabled(editable);
    m_tlsCheck->setEnabled(editable);
    m_passwordEdit->setEnabled(editable);
    m_displayNameEdit->setEnabled(editable);
    m_nickEdit->setEnabled(editable || m_choosingNewNick);
    if (m_choosingNewNick)
        m_connectButton->setText(tr("&Use this name"));
    else
        m_connectButton->setText(m_statusLabel->text().isEmpty() ? tr("&Connect")
                                                                 : tr("&Try again"));
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
    setStatus(tr("Connecting to %1…").arg(host()), false);
    setBusy(true);
    m_connection->setHost(host());
    m_connection->setPort(port());
    m_connection->setTls(isTlsEnabled());
    m_connection->setDesiredNick(nick());
    m_connection->setPassword(m_passwordEdit->text());
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
    QSettings settings;
    settings.setValue(SettingsKeys::Host, host());
    settings.setValue(SettingsKeys::Port, int(port()));
    settings.setValue(SettingsKeys::Tls, isTlsEnabled());
    settings.setValue(SettingsKeys::Nick, m_connection->nick());
    settings.setValue(SettingsKeys::DisplayName, m_displayNameEdit->text().trimmed());
    qCInfo(lcClient) << "logged in as" << m_connection->nick();
    m_choosingNewNick = false;
    m_busy = false;
    setStatus({}, false);
    accept();
}

void LoginDialog::onNameRejected(const QString& nick, int code, const QString& reason)
{
    if (!isVisible() || m_connection->isRegistered())
        return;
    m_choosingNewNick = true;
    if (code == IrcNumeric::ERR_NICKNAMEINUSE)
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
    showError(errorText(error, host(), port(), detail));
}

void LoginDialog::reject()
{
    if (m_busy && !m_connection->isRegistered())
        m_connection->disconnectFromServer();
    m_busy = false;
    m_choosingNewNick = false;
    QDialog::reject();
}

#include "session/registration.h"

#include "connection/clientlogging.h"
#include "connection/servertransport.h"
#include "irccommand.h"
#include "ircnumerics.h"
#include "session/saslexchange.h"

namespace {

const QString Sasl = QStringLiteral("sasl");
const QString AccountRegistration = QStringLiteral("draft/account-registration");

// 904 says only "failed"; a throttled login says why in its text (confabd: "too many failed
// attempts, try again later"; Ergo and soju word it alike).
bool soundsThrottled(const QString& text)
{
    return text.contains(QLatin1String("too many"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("try again later"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("throttl"), Qt::CaseInsensitive);
}

Registration::Failure failureOfRegisterCode(const QString& code)
{
    using Failure = Registration::Failure;
    if (code == QLatin1String("ACCOUNT_EXISTS"))
        return Failure::AccountExists;
    if (code == QLatin1String("WEAK_PASSWORD") || code == QLatin1String("UNACCEPTABLE_PASSWORD"))
        return Failure::WeakPassword;
    if (code == QLatin1String("BAD_ACCOUNT_NAME") ||
        code == QLatin1String("ACCOUNT_NAME_MUST_BE_NICK"))
        return Failure::BadAccountName;
    return Failure::NotAvailable;
}

} // namespace

Registration::Registration(ServerTransport* transport, QObject* parent)
    : QObject(parent), m_transport(transport)
{
}

Registration::~Registration() = default;

QStringList Registration::wantedCapabilities()
{
    return {
        QStringLiteral("server-time"),   QStringLiteral("echo-message"),
        QStringLiteral("message-tags"),  QStringLiteral("away-notify"),
        QStringLiteral("multi-prefix"),  QStringLiteral("extended-join"),
        QStringLiteral("setname"),
        QStringLiteral("batch"),         QStringLiteral("draft/chathistory"),
        QStringLiteral("draft/read-marker"),
    };
}

QStringList Registration::capabilities() const
{
    QStringList caps(m_enabledCaps.cbegin(), m_enabledCaps.cend());
    caps.sort();
    return caps;
}

void Registration::setAccount(Mode mode, const QString& account, const QString& password)
{
    m_mode = mode;
    m_account = mode == Mode::Guest ? QString() : account;
    m_accountPassword = mode == Mode::Guest ? QString() : password;
}

void Registration::reset()
{
    m_offeredCaps.clear();
    m_enabledCaps.clear();
    m_sasl.reset();
    m_negotiating = false;
    m_isRegistering = false;
    m_accountSettled = true;
}

void Registration::start(const QString& nick)
{
    reset();
    m_negotiating = true;
    m_isRegistering = true;
    m_nick = nick;
    if (!m_password.isEmpty())
        m_transport->send(IrcCommand::pass(m_password));
    m_transport->send(IrcCommand::capLs());
    m_transport->send(IrcCommand::nick(nick));
    m_transport->send(IrcCommand::user(m_userName, m_realName.isEmpty() ? nick : m_realName));
}

void Registration::handleCap(const IrcEvents::Cap& cap, bool isRegistering)
{
    m_isRegistering = isRegistering;
    if (cap.subcommand == QLatin1String("LS")) {
        for (const QString& token : cap.caps)
            m_offeredCaps.insert(token.section(QLatin1Char('='), 0, 0),
                                 token.section(QLatin1Char('='), 1));
        if (!cap.more && m_negotiating)
            requestCapabilities();
    } else if (cap.subcommand == QLatin1String("ACK")) {
        for (const QString& token : cap.caps) {
            if (token.startsWith(QLatin1Char('-')))
                m_enabledCaps.remove(token.mid(1));
            else
                m_enabledCaps.insert(token);
        }
        qCInfo(lcConnection) << "capabilities:" << capabilities();
        if (m_negotiating)
            afterAck();
    } else if (cap.subcommand == QLatin1String("NAK")) {
        if (m_negotiating && m_mode != Mode::Guest)
            fail(Failure::NoAccounts);
        else
            finishNegotiation();
    } else if (cap.subcommand == QLatin1String("DEL")) {
        for (const QString& token : cap.caps)
            m_enabledCaps.remove(token);
    }
}

void Registration::requestCapabilities()
{
    QStringList request;
    for (const QString& wanted : wantedCapabilities()) {
        if (m_offeredCaps.contains(wanted))
            request.append(wanted);
    }
    const QString needed = m_mode == Mode::SignIn          ? Sasl
                           : m_mode == Mode::CreateAccount ? AccountRegistration
                                                           : QString();
    if (!needed.isEmpty()) {
        if (!m_offeredCaps.contains(needed)) {
            fail(Failure::NoAccounts);
            return;
        }
        request.append(needed);
    }
    if (request.isEmpty())
        finishNegotiation();
    else
        m_transport->send(IrcCommand::capReq(request));
}

void Registration::afterAck()
{
    if (m_mode == Mode::SignIn && m_enabledCaps.contains(Sasl) && !m_sasl) {
        startSasl(m_offeredCaps.value(Sasl).split(QLatin1Char(','), Qt::SkipEmptyParts));
        return;
    }
    if (m_mode == Mode::CreateAccount && m_enabledCaps.contains(AccountRegistration) &&
        m_accountSettled) {
        // The account is named after the nick (the server may insist: ACCOUNT_NAME_MUST_BE_NICK);
        // no e-mail on a LAN server.
        m_accountSettled = false;
        m_transport->send(
            IrcCommand::registerAccount(m_account, QStringLiteral("*"), m_accountPassword));
        return;
    }
    if (m_accountSettled)
        finishNegotiation();
}

void Registration::startSasl(const QStringList& mechanisms)
{
    const QString mechanism = SaslExchange::chooseMechanism(mechanisms, m_plainAllowed);
    if (mechanism.isEmpty()) {
        fail(mechanisms.contains(QLatin1String("PLAIN"), Qt::CaseInsensitive) ? Failure::NeedsTls
                                                                              : Failure::NoAccounts);
        return;
    }
    m_accountSettled = false;
    m_sasl = std::make_unique<SaslExchange>(m_account, m_accountPassword);
    qCInfo(lcConnection) << "signing in as" << m_account << "with" << mechanism;
    m_transport->send(m_sasl->start(mechanism));
}

void Registration::handleAuthenticate(const IrcEvents::Authenticate& event)
{
    if (!m_sasl)
        return;
    for (const IrcMessage& line : m_sasl->handle(event.payload))
        m_transport->send(line);
    if (m_sasl->failed())
        qCInfo(lcConnection) << "SASL exchange abandoned";
}

void Registration::handleSaslReply(const IrcEvents::SaslReply& event)
{
    using namespace IrcNumeric;
    switch (event.code) {
    case RPL_LOGGEDIN:
        emit loggedIn(event.account);
        return;
    case RPL_SASLSUCCESS:
    case ERR_SASLALREADY:
        m_sasl.reset();
        m_accountSettled = true;
        finishNegotiation();
        return;
    case RPL_SASLMECHS:
        // The mechanism tried is not offered (a server without CAP 302 values): try another.
        if (m_sasl && !event.mechanisms.contains(m_sasl->mechanism(), Qt::CaseInsensitive)) {
            const QString tried = m_sasl->mechanism();
            m_sasl.reset();
            QStringList rest = event.mechanisms;
            rest.removeAll(tried);
            if (!rest.isEmpty()) {
                startSasl(rest);
                return;
            }
            fail(Failure::NoAccounts);
        }
        return;
    case ERR_SASLFAIL:
        if (!m_sasl)
            return; // after a 908 that started another mechanism
        m_sasl.reset();
        fail(soundsThrottled(event.text) ? Failure::Throttled : Failure::WrongPassword,
             event.text);
        return;
    case ERR_NICKLOCKED:
        m_sasl.reset();
        fail(Failure::NotAvailable, event.text);
        return;
    case ERR_SASLTOOLONG:
    case ERR_SASLABORTED:
        m_sasl.reset();
        fail(Failure::Aborted, event.text);
        return;
    default:
        return;
    }
}

void Registration::handleAccountRegistered(const IrcEvents::AccountRegistered& event)
{
    if (m_mode != Mode::CreateAccount || m_accountSettled)
        return;
    qCInfo(lcConnection) << "account created:" << event.account;
    // From now on (reconnects) this is a sign-in to the account just made.
    m_mode = Mode::SignIn;
    m_accountSettled = true;
    finishNegotiation();
}

void Registration::handleRegisterFailed(const IrcEvents::StandardReply& reply)
{
    if (m_mode != Mode::CreateAccount || m_accountSettled)
        return;
    fail(failureOfRegisterCode(reply.code), reply.text);
}

void Registration::capUnsupported()
{
    m_negotiating = false;
    if (m_mode != Mode::Guest)
        fail(Failure::NoAccounts);
}

void Registration::fail(Failure failure, const QString& detail)
{
    qCInfo(lcConnection) << "account login failed:" << failure;
    m_negotiating = false;
    m_accountSettled = true;
    emit accountFailed(failure, detail);
}

void Registration::finishNegotiation()
{
    if (!m_negotiating)
        return;
    m_negotiating = false;
    if (m_isRegistering)
        m_transport->send(IrcCommand::capEnd());
}

#include "auth/authworker.h"

#include "auth/sqlaccountstore.h"
#include "core/clock.h"
#include "routing/relayline.h"
#include "serverlogging.h"

#include <QMessageAuthenticationCode>

#include <gsasl.h>

#include <optional>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace {

constexpr int WorkerNiceness = 10; // the auth thread's nice value, relative to the event loop

const char* const Mechanisms[] = {"SCRAM-SHA-256", "PLAIN", "EXTERNAL"};

int callback(Gsasl* context, Gsasl_session* session, Gsasl_property property)
{
    auto* worker = static_cast<AuthWorker*>(gsasl_callback_hook_get(context));
    return worker ? worker->onCallback(session, int(property)) : int(GSASL_NO_CALLBACK);
}

QString sessionProperty(Gsasl_session* session, Gsasl_property property)
{
    const char* value = gsasl_property_fast(session, property);
    return value ? QString::fromUtf8(value) : QString();
}

void setSessionProperty(Gsasl_session* session, Gsasl_property property, const QByteArray& value)
{
    gsasl_property_set_raw(session, property, value.constData(), size_t(value.size()));
}

} // namespace

// One exchange in progress: the GNU SASL session and what was learnt on the way.
struct AuthWorker::Exchange
{
    Gsasl_session* session = nullptr;
    SaslPeer peer;
    QString mechanism;
    // The account the authentication identity names, once looked up.
    bool looked = false;
    std::optional<AccountRecord> account;
    QString authenticatedAccount; // set by a validation callback on success
    SaslExchangeResult::Failure failure = SaslExchangeResult::Failure::None;
};

AuthWorker::AuthWorker(const DatabaseLocation& database, const Limits& limits)
    : m_database(database), m_limits(limits),
      m_accountFailures(limits.failureLimit, qint64(limits.failureWindowSecs) * 1000),
      m_addressFailures(limits.failureLimit, qint64(limits.failureWindowSecs) * 1000)
{
}

AuthWorker::~AuthWorker()
{
    for (Exchange* exchange : std::as_const(m_exchanges)) {
        gsasl_finish(exchange->session);
        delete exchange;
    }
    m_exchanges.clear();
    if (m_gsasl)
        gsasl_done(m_gsasl);
}

bool AuthWorker::open(QString* error)
{
#ifdef Q_OS_LINUX
    // This thread hashes passwords (a quarter of a second each): when the machine is busy, the
    // event loop, which relays everyone's messages, goes first. A nice value applies to one
    // thread on Linux; logins still progress, only more slowly under load.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), WorkerNiceness);
#endif
    // Unique in the process: tests run two servers (two nodes) in one.
    m_store = std::make_unique<SqlAccountStore>(
        QStringLiteral("confabd-auth-worker-%1").arg(quintptr(this), 0, 16));
    if (!m_store->open(m_database)) {
        *error = m_store->errorString();
        return false;
    }
    const int result = gsasl_init(&m_gsasl);
    if (result != GSASL_OK) {
        m_gsasl = nullptr;
        *error = QString::fromUtf8(gsasl_strerror(result));
        return false;
    }
    gsasl_callback_set(m_gsasl, callback);
    gsasl_callback_hook_set(m_gsasl, this);
    m_serverSecret = m_store->serverSecret();
    m_changeCounter = m_store->changeCounter();
    return true;
}

QStringList AuthWorker::reservedNames()
{
    return m_store ? m_store->foldedNames().value_or(QStringList()) : QStringList();
}

bool AuthWorker::pollChanges(QStringList* names)
{
    if (!m_store)
        return false;
    qint64 counter = m_store->changeCounter();
    // The poll is also the account connection's heartbeat: a PostgreSQL server that restarted
    // is reconnected to here, within PollIntervalMs of being back.
    if (counter < 0 && m_store->recoverConnection())
        counter = m_store->changeCounter();
    if (counter < 0 || counter == m_changeCounter)
        return false; // unreadable: the names reserved so far stay reserved
    const std::optional<QStringList> folded = m_store->foldedNames();
    if (!folded)
        return false;
    m_changeCounter = counter;
    *names = *folded;
    return true;
}

bool AuthWorker::isSupported(const QString& mechanism) const
{
    if (!m_gsasl)
        return false;
    for (const char* name : Mechanisms) {
        if (mechanism == QLatin1String(name))
            return gsasl_server_support_p(m_gsasl, name) != 0;
    }
    return false;
}

bool AuthWorker::startExchange(quint64 id, const QString& mechanism, const SaslPeer& peer)
{
    finishExchange(id);
    if (!isSupported(mechanism))
        return false;
    auto* exchange = new Exchange;
    exchange->peer = peer;
    exchange->mechanism = mechanism;
    if (gsasl_server_start(m_gsasl, mechanism.toLatin1().constData(), &exchange->session) !=
        GSASL_OK) {
        delete exchange;
        return false;
    }
    gsasl_session_hook_set(exchange->session, exchange);
    m_exchanges.insert(id, exchange);
    return true;
}

void AuthWorker::finishExchange(quint64 id)
{
    Exchange* exchange = m_exchanges.take(id);
    if (!exchange)
        return;
    gsasl_finish(exchange->session);
    delete exchange;
}

SaslExchangeResult AuthWorker::step(quint64 id, const QByteArray& response)
{
    Exchange* exchange = m_exchanges.value(id);
    if (!exchange)
        return SaslExchangeResult::unavailable();
    SaslExchangeResult result;
    char* output = nullptr;
    size_t outputLength = 0;
    const int rc = gsasl_step(exchange->session, response.constData(), size_t(response.size()),
                              &output, &outputLength);
    if (output) {
        result.output = QByteArray(output, qsizetype(outputLength));
        gsasl_free(output);
    }
    if (rc == GSASL_NEEDS_MORE) {
        result.status = SaslExchangeResult::Status::NeedsMore;
        return result;
    }
    if (rc == GSASL_OK) {
        // SCRAM has no validation callback: its success is the proof check, and the account is
        // the one whose keys it was given. An authorization identity must name the same account.
        QString account = exchange->authenticatedAccount;
        if (account.isEmpty() && exchange->account)
            account = exchange->account->name;
        const QString authzid = sessionProperty(exchange->session, GSASL_AUTHZID);
        if (!account.isEmpty() && (authzid.isEmpty() || fold(authzid) == fold(account))) {
            result.status = SaslExchangeResult::Status::Success;
            result.account = account;
            m_accountFailures.clear(fold(account));
            m_store->recordLogin(fold(account), Clock::nowSecs());
            qCInfo(lcAuth).noquote()
                << exchange->mechanism << "login as" << account << "from" << exchange->peer.address;
            finishExchange(id);
            return result;
        }
    }
    result.status = SaslExchangeResult::Status::Failure;
    result.output.clear();
    if (exchange->failure != SaslExchangeResult::Failure::None)
        result.failure = exchange->failure;
    else if (rc == GSASL_MECHANISM_PARSE_ERROR)
        result.failure = SaslExchangeResult::Failure::Malformed;
    else
        result.failure = SaslExchangeResult::Failure::BadCredentials;
    if (result.failure != SaslExchangeResult::Failure::Throttled)
        recordFailure(exchange);
    qCInfo(lcAuth).noquote()
        << exchange->mechanism << "login failed from" << exchange->peer.address
        << (exchange->account ? QStringLiteral("for ") + exchange->account->name : QString())
        << (result.failure == SaslExchangeResult::Failure::Throttled ? "(throttled)" : "");
    finishExchange(id);
    return result;
}

void AuthWorker::recordFailure(Exchange* exchange)
{
    const qint64 now = RelayLine::nowMs();
    m_addressFailures.record(exchange->peer.address, now);
    if (exchange->account)
        m_accountFailures.record(exchange->account->foldedName, now);
}

bool AuthWorker::checkThrottle(Exchange* exchange, qint64 nowMs)
{
    const bool throttled =
        m_addressFailures.isThrottled(exchange->peer.address, nowMs) ||
        (exchange->account && m_accountFailures.isThrottled(exchange->account->foldedName, nowMs));
    if (throttled)
        exchange->failure = SaslExchangeResult::Failure::Throttled;
    return throttled;
}

bool AuthWorker::loadAccount(Exchange* exchange, const QString& authenticationId)
{
    if (!exchange->looked) {
        exchange->looked = true;
        if (!authenticationId.isEmpty()) {
            exchange->account = m_store->find(fold(authenticationId));
            if (!exchange->account && m_store->recoverConnection()) // PostgreSQL came back
                exchange->account = m_store->find(fold(authenticationId));
        }
    }
    return exchange->account.has_value();
}

int AuthWorker::onCallback(Gsasl_session* session, int prop)
{
    auto* exchange = static_cast<Exchange*>(gsasl_session_hook_get(session));
    if (!exchange)
        return GSASL_NO_CALLBACK;
    switch (prop) {
    case GSASL_VALIDATE_SIMPLE:
        return validatePlain(session, exchange);
    case GSASL_VALIDATE_EXTERNAL:
        return validateExternal(session, exchange);
    case GSASL_SCRAM_ITER:
    case GSASL_SCRAM_SALT:
    case GSASL_SCRAM_SERVERKEY:
    case GSASL_SCRAM_STOREDKEY:
        return provideScram(session, exchange, prop);
    default:
        return GSASL_NO_CALLBACK;
    }
}

int AuthWorker::validatePlain(Gsasl_session* session, Exchange* exchange)
{
    const QString authcid = sessionProperty(session, GSASL_AUTHID);
    const QString authzid = sessionProperty(session, GSASL_AUTHZID);
    const QString password = sessionProperty(session, GSASL_PASSWORD);
    loadAccount(exchange, authcid);
    if (checkThrottle(exchange, RelayLine::nowMs()))
        return GSASL_AUTHENTICATION_ERROR;
    if (!exchange->account || (!authzid.isEmpty() && fold(authzid) != fold(authcid)))
        return GSASL_AUTHENTICATION_ERROR;
    // The expensive part: PBKDF2 with the account's salt and rounds.
    if (!exchange->account->credentials.matches(password))
        return GSASL_AUTHENTICATION_ERROR;
    exchange->authenticatedAccount = exchange->account->name;
    return GSASL_OK;
}

int AuthWorker::validateExternal(Gsasl_session* session, Exchange* exchange)
{
    if (checkThrottle(exchange, RelayLine::nowMs()))
        return GSASL_AUTHENTICATION_ERROR;
    if (exchange->peer.certificateFingerprint.isEmpty())
        return GSASL_AUTHENTICATION_ERROR;
    const std::optional<QString> account =
        m_store->accountForCertificate(QString::fromLatin1(exchange->peer.certificateFingerprint));
    if (!account)
        return GSASL_AUTHENTICATION_ERROR;
    loadAccount(exchange, *account);
    const QString authzid = sessionProperty(session, GSASL_AUTHZID);
    if (!authzid.isEmpty() && fold(authzid) != fold(*account))
        return GSASL_AUTHENTICATION_ERROR;
    exchange->authenticatedAccount = *account;
    return GSASL_OK;
}

int AuthWorker::provideScram(Gsasl_session* session, Exchange* exchange, int prop)
{
    const QString authid = sessionProperty(session, GSASL_AUTHID);
    const bool known = loadAccount(exchange, authid);
    if (prop == GSASL_SCRAM_ITER || prop == GSASL_SCRAM_SALT) {
        // An unknown account gets a salt that looks like a real one and stays the same (derived
        // from the server's secret), and fails at the proof like a wrong password.
        QByteArray salt;
        int iterations = m_limits.scramIterations;
        if (known) {
            salt = exchange->account->credentials.salt();
            iterations = exchange->account->credentials.iterations();
        } else {
            salt = QMessageAuthenticationCode::hash(fold(authid).toUtf8(), m_serverSecret,
                                                    QCryptographicHash::Sha256)
                       .left(ScramCredentials::SaltBytes);
        }
        if (prop == GSASL_SCRAM_ITER)
            setSessionProperty(session, GSASL_SCRAM_ITER, QByteArray::number(iterations));
        else
            setSessionProperty(session, GSASL_SCRAM_SALT, salt.toBase64());
        return GSASL_OK;
    }
    // The keys: only for a known account that is not throttled; without them the proof fails.
    if (!known || checkThrottle(exchange, RelayLine::nowMs()))
        return GSASL_NO_CALLBACK;
    const ScramCredentials& credentials = exchange->account->credentials;
    setSessionProperty(
        session, Gsasl_property(prop),
        (prop == GSASL_SCRAM_SERVERKEY ? credentials.serverKey() : credentials.storedKey())
            .toBase64());
    return GSASL_OK;
}

AuthWorker::RegisterResult AuthWorker::registerAccount(const QString& name, const QString& password)
{
    if (!m_store)
        return RegisterResult::Failed;
    const ScramCredentials credentials =
        ScramCredentials::derive(password, m_limits.scramIterations);
    if (!credentials.isValid())
        return RegisterResult::Failed;
    AccountStore::Result created = m_store->create(name, fold(name), credentials, Clock::nowSecs());
    if (created == AccountStore::Result::Failed && m_store->recoverConnection())
        created = m_store->create(name, fold(name), credentials, Clock::nowSecs());
    switch (created) {
    case AccountStore::Result::Ok:
        qCInfo(lcAuth).noquote() << "account registered:" << name;
        return RegisterResult::Ok;
    case AccountStore::Result::Exists:
        return RegisterResult::Exists;
    default:
        return RegisterResult::Failed;
    }
}

#pragma once

#include "auth/saslexchangeresult.h"
#include "auth/saslpeer.h"
#include "auth/scramcredentials.h"
#include "core/crossthreadobject.h"
#include "storage/databaselocation.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QThread>

#include <functional>

class AuthWorker;
struct ServerConfig;

// Accounts and logins, as the event loop sees them: every request goes to the AuthWorker on its
// own thread (database, GNU SASL, password hashing) and its result comes back as a call on the
// event loop, in the context object the caller gives (a result for a context that is gone is
// dropped). Keeps, for the event loop, the set of reserved nicks (every account's name), updated
// at once for registrations here and within PollIntervalMs for changes by other processes
// (confabd account ...).
class AuthService : public CrossThreadObject
{
    Q_OBJECT

public:
    static constexpr int PollIntervalMs = 2000;

    using ExchangeHandler = std::function<void(const SaslExchangeResult&)>;
    enum class RegisterResult { Ok, Exists, Failed };
    using RegisterHandler = std::function<void(RegisterResult)>;

    explicit AuthService(const ServerConfig& config, QObject* parent = nullptr);
    ~AuthService() override;

    // Starts the worker thread and opens the database in <dataDir>/confabd.sqlite. Blocks until
    // that is done: call it at start-up, before the event loop serves anyone.
    bool start(QString* error);
    bool isStarted() const { return m_started; }

    // Whether the folded name is an account's name.
    bool isReserved(const QString& foldedName) const { return m_reserved.contains(foldedName); }
    int accountCount() const { return int(m_reserved.size()); }

    // SASL. The id is chosen by the caller (one per exchange, never reused).
    void startExchange(quint64 id, const QString& mechanism, const SaslPeer& peer);
    void step(quint64 id, const QByteArray& response, QObject* context, ExchangeHandler handler);
    void abortExchange(quint64 id);

    // An account name and password that came by another way (HTTP Basic on the file host),
    // checked as a whole SASL PLAIN exchange: the same throttling, delay-free. The handler gets
    // Success with the account's registered name, or Failure (BadCredentials, Throttled...).
    void checkLogin(const QString& account, const QString& password, const SaslPeer& peer,
                    QObject* context, ExchangeHandler handler);

    // REGISTER: creates the account (folded with the server's case mapping).
    void registerAccount(const QString& name, const QString& password, QObject* context,
                         RegisterHandler handler);

    // Whether the password gives the credentials (an operator's password): the PBKDF2 runs on
    // the worker thread; false without a worker.
    using CheckHandler = std::function<void(bool)>;
    void checkPassword(const ScramCredentials& credentials, const QString& password,
                       QObject* context, CheckHandler handler);

signals:
    // Accounts were added or removed (here or by another process).
    void reservedNamesChanged();

private:
    // Calls handler(result) on this thread later, if the target still exists then.
    template <typename Handler, typename Result>
    void deliver(const QPointer<QObject>& target, Handler handler, Result result)
    {
        post(this, [target, handler, result] {
            if (target)
                handler(result);
        });
    }
    void setReserved(const QStringList& foldedNames);
    void poll();

    DatabaseLocation m_database;
    int m_scramIterations;
    int m_failureLimit;
    int m_failureWindowSecs;
    QThread m_thread;
    AuthWorker* m_worker = nullptr;
    QSet<QString> m_reserved;
    bool m_started = false;
    // checkLogin()'s exchange ids: the upper half of the id space, which the IRC side's
    // counters never reach.
    quint64 m_nextLoginId = quint64(1) << 63;
};

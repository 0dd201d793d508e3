#pragma once

#include "auth/loginthrottle.h"
#include "auth/saslexchangeresult.h"
#include "auth/saslpeer.h"
#include "core/crossthreadobject.h"
#include "irccasemapping.h"
#include "storage/databaselocation.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class SqlAccountStore;
struct Gsasl;
struct Gsasl_session;

// Everything about accounts that may block: it owns the account database connection and GNU
// SASL, runs every SASL step (a SCRAM step is cheap, a PLAIN check costs a PBKDF2), registers
// accounts (a PBKDF2 again) and polls the database for changes made by other processes. It lives
// in AuthService's worker thread; every method runs there, called through AuthService.
class AuthWorker : public CrossThreadObject
{
    Q_OBJECT

public:
    struct Limits
    {
        int scramIterations;
        int failureLimit;
        int failureWindowSecs;
    };
    enum class RegisterResult { Ok, Exists, Failed };

    AuthWorker(const DatabaseLocation& database, const Limits& limits);
    ~AuthWorker() override;

    // Opens the database and GNU SASL; false + error.
    bool open(QString* error);
    // Every account's folded name (the reserved nicks).
    QStringList reservedNames();
    // The names, if the database changed (another process) since the last call.
    bool pollChanges(QStringList* names);

    bool isSupported(const QString& mechanism) const;
    // Starts an exchange with the id; false if the mechanism is not supported.
    bool startExchange(quint64 id, const QString& mechanism, const SaslPeer& peer);
    SaslExchangeResult step(quint64 id, const QByteArray& response);
    void finishExchange(quint64 id);

    RegisterResult registerAccount(const QString& name, const QString& password);

    // Called by GNU SASL (from step()) through its C callback.
    int onCallback(Gsasl_session* session, int property);

private:
    struct Exchange;

    QString fold(const QString& name) const { return m_caseMapping.fold(name); }
    int validatePlain(Gsasl_session* session, Exchange* exchange);
    int validateExternal(Gsasl_session* session, Exchange* exchange);
    int provideScram(Gsasl_session* session, Exchange* exchange, int property);
    // Looks the account up once per exchange (SCRAM asks for four properties).
    bool loadAccount(Exchange* exchange, const QString& authenticationId);
    bool checkThrottle(Exchange* exchange, qint64 nowMs);
    void recordFailure(Exchange* exchange);

    DatabaseLocation m_database;
    Limits m_limits;
    IrcCaseMapping m_caseMapping;
    std::unique_ptr<SqlAccountStore> m_store;
    Gsasl* m_gsasl = nullptr;
    QByteArray m_serverSecret;
    qint64 m_changeCounter = -1;
    LoginThrottle m_accountFailures;
    LoginThrottle m_addressFailures;
    QHash<quint64, Exchange*> m_exchanges;
};

#include "auth/authservice.h"

#include "auth/authworker.h"
#include "config/serverconfig.h"
#include "irccasemapping.h"
#include "serverlogging.h"
#include "storage/database.h"

#include <QPointer>
#include <QTimer>

AuthService::AuthService(const ServerConfig& config, QObject* parent)
    : CrossThreadObject(parent),
      m_database(DatabaseLocation::resolve(config.dataDir, config.databaseUrl)),
      m_scramIterations(config.scramIterations), m_failureLimit(config.loginFailureLimit),
      m_failureWindowSecs(config.loginFailureWindowSecs)
{
    m_thread.setObjectName(QStringLiteral("confabd-auth"));
}

AuthService::~AuthService()
{
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_thread.wait(); // the worker is deleted in its thread (finished -> deleteLater)
    }
}

bool AuthService::start(QString* error)
{
    if (m_started)
        return true;
    m_worker = new AuthWorker(m_database, {m_scramIterations, m_failureLimit, m_failureWindowSecs});
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();

    bool opened = false;
    QStringList names;
    AuthWorker* worker = m_worker;
    postAndWait(m_worker, [worker, &opened, &names, error] {
        opened = worker->open(error);
        if (opened)
            names = worker->reservedNames();
    });
    if (!opened) {
        m_thread.quit();
        m_thread.wait();
        m_worker = nullptr;
        return false;
    }
    setReserved(names);
    // The poll timer lives in the worker's thread, so a slow disk delays nobody here.
    postAndWait(m_worker, [this, worker] {
        auto* timer = new QTimer(worker);
        timer->start(PollIntervalMs);
        connect(timer, &QTimer::timeout, worker, [this, worker] {
            QStringList changed;
            if (worker->pollChanges(&changed)) {
                post(this, [this, changed] { setReserved(changed); });
            }
        });
    });
    m_started = true;
    qCInfo(lcAuth) << "account database" << m_database.describe() << "open," << m_reserved.size()
                   << "accounts";
    return true;
}

void AuthService::setReserved(const QStringList& foldedNames)
{
    QSet<QString> reserved(foldedNames.cbegin(), foldedNames.cend());
    if (reserved == m_reserved)
        return;
    m_reserved = reserved;
    emit reservedNamesChanged();
}

void AuthService::startExchange(quint64 id, const QString& mechanism, const SaslPeer& peer)
{
    if (!m_worker)
        return;
    AuthWorker* worker = m_worker;
    post(m_worker, [worker, id, mechanism, peer] { worker->startExchange(id, mechanism, peer); });
}

void AuthService::step(quint64 id, const QByteArray& response, QObject* context,
                       ExchangeHandler handler)
{
    // The context is checked on this thread, where it lives; the service outlives the worker
    // (the destructor waits for the thread), so the worker may always post here.
    QPointer<QObject> target(context);
    if (!m_worker) {
        deliver(target, handler, SaslExchangeResult::unavailable());
        return;
    }
    AuthWorker* worker = m_worker;
    post(m_worker, [this, worker, id, response, target, handler] {
        deliver(target, handler, worker->step(id, response));
    });
}

void AuthService::abortExchange(quint64 id)
{
    if (!m_worker)
        return;
    AuthWorker* worker = m_worker;
    post(m_worker, [worker, id] { worker->finishExchange(id); });
}

void AuthService::checkLogin(const QString& account, const QString& password, const SaslPeer& peer,
                             QObject* context, ExchangeHandler handler)
{
    QPointer<QObject> target(context);
    if (!m_worker) {
        deliver(target, handler, SaslExchangeResult::unavailable());
        return;
    }
    const quint64 id = m_nextLoginId++;
    // PLAIN's message: authorization identity (none), authentication identity, password.
    const QByteArray response = '\0' + account.toUtf8() + '\0' + password.toUtf8();
    AuthWorker* worker = m_worker;
    post(m_worker, [this, worker, id, peer, response, target, handler] {
        deliver(target, handler,
                worker->startExchange(id, QStringLiteral("PLAIN"), peer)
                    ? worker->step(id, response)
                    : SaslExchangeResult::unavailable());
    });
}

void AuthService::registerAccount(const QString& name, const QString& password, QObject* context,
                                  RegisterHandler handler)
{
    QPointer<QObject> target(context);
    if (!m_worker) {
        deliver(target, handler, RegisterResult::Failed);
        return;
    }
    AuthWorker* worker = m_worker;
    post(m_worker, [this, worker, name, password, target, handler] {
        const AuthWorker::RegisterResult result = worker->registerAccount(name, password);
        post(this, [this, name, result, target, handler] {
            RegisterResult mapped = RegisterResult::Failed;
            if (result == AuthWorker::RegisterResult::Ok) {
                mapped = RegisterResult::Ok;
                // The reserved set knows the name before the registrant hears of it.
                const QString folded = IrcCaseMapping().fold(name);
                if (!m_reserved.contains(folded)) {
                    m_reserved.insert(folded);
                    emit reservedNamesChanged();
                }
            } else if (result == AuthWorker::RegisterResult::Exists) {
                mapped = RegisterResult::Exists;
            }
            if (target)
                handler(mapped);
        });
    });
}

void AuthService::checkPassword(const ScramCredentials& credentials, const QString& password,
                                QObject* context, CheckHandler handler)
{
    QPointer<QObject> target(context);
    if (!m_worker) {
        deliver(target, handler, false);
        return;
    }
    post(m_worker, [this, credentials, password, target, handler] {
        deliver(target, handler, credentials.matches(password));
    });
}

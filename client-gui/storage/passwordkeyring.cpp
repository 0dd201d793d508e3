#include "storage/passwordkeyring.h"

#include "connection/clientlogging.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>

#include <qt6keychain/keychain.h>

namespace {

PasswordKeyring::Problem problemOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return PasswordKeyring::Problem::NoKeyring;
    case QKeychain::EntryNotFound:
        return PasswordKeyring::Problem::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return PasswordKeyring::Problem::Denied;
    default:
        return PasswordKeyring::Problem::Other;
    }
}

// Whether the desktop has a keyring service at all: QtKeychain reports a missing Secret Service
// or D-Bus session only as "other error".
bool keyringServiceExists()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QStringList services = {QStringLiteral("org.freedesktop.secrets"),
                                  QStringLiteral("org.kde.kwalletd6"),
                                  QStringLiteral("org.kde.kwalletd5")};
    const QStringList activatable = bus.interface()->activatableServiceNames();
    for (const QString& service : services) {
        if (bus.interface()->isServiceRegistered(service) || activatable.contains(service))
            return true;
    }
    return false;
}

} // namespace

PasswordKeyring::PasswordKeyring(QObject* parent) : QObject(parent) {}

QString PasswordKeyring::keyFor(const QString& account, const QString& host, quint16 port)
{
    return QStringLiteral("%1@%2:%3").arg(account, host.toLower()).arg(port);
}

// Jobs have no parent: the keyring's callback may come after this object is gone (a dialog
// closed meanwhile), and a job deletes itself once it has finished (autoDelete); the
// connections end with this object.
void PasswordKeyring::store(const QString& key, const QString& password)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false); // never a password in a plain file
    job->setKey(key);
    job->setTextData(password);
    watch(job, key, &PasswordKeyring::stored);
    job->start();
}

void PasswordKeyring::read(const QString& key)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* done) {
        if (done->error() != QKeychain::NoError) {
            reportFailure(done, key);
            return;
        }
        emit passwordRead(key, static_cast<QKeychain::ReadPasswordJob*>(done)->textData());
    });
    job->start();
}

void PasswordKeyring::remove(const QString& key)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setKey(key);
    watch(job, key, &PasswordKeyring::removed);
    job->start();
}

void PasswordKeyring::watch(QKeychain::Job* job, const QString& key,
                            void (PasswordKeyring::*done)(const QString&))
{
    connect(job, &QKeychain::Job::finished, this, [this, key, done](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError)
            reportFailure(finished, key);
        else
            emit(this->*done)(key);
    });
}

void PasswordKeyring::reportFailure(QKeychain::Job* job, const QString& key)
{
    Problem problem = problemOf(job->error());
    if (problem == Problem::Other && !keyringServiceExists())
        problem = Problem::NoKeyring;
    if (problem != Problem::NotFound)
        qCInfo(lcClient) << "keyring:" << problem << job->errorString();
    emit failed(key, problem, job->errorString());
}

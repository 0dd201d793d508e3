#pragma once

#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

// Remembered passwords in the system keyring (Secret Service such as GNOME Keyring, or KWallet)
// through QtKeychain, never anywhere else: where there is no keyring, nothing is stored and the
// caller is told. Every call is asynchronous (a keyring may ask the user to unlock it); the
// answer comes as a signal naming the key.
class PasswordKeyring : public QObject
{
    Q_OBJECT

public:
    enum class Problem {
        NoKeyring, // no keyring service on this desktop
        NotFound,  // nothing stored under this key
        Denied,    // the keyring refused (locked, or the user said no)
        Other,
    };
    Q_ENUM(Problem)

    explicit PasswordKeyring(QObject* parent = nullptr);

    // The entries' service name in the keyring; tests use their own.
    void setService(const QString& service) { m_service = service; }
    // One entry per account on a server.
    static QString keyFor(const QString& account, const QString& host, quint16 port);

    void store(const QString& key, const QString& password);
    void read(const QString& key);
    void remove(const QString& key);

signals:
    void stored(const QString& key);
    void passwordRead(const QString& key, const QString& password);
    void removed(const QString& key);
    // detail: the keyring's own words, for the log.
    void failed(const QString& key, PasswordKeyring::Problem problem, const QString& detail);

private:
    void watch(QKeychain::Job* job, const QString& key, void (PasswordKeyring::*done)(const QString&));
    void reportFailure(QKeychain::Job* job, const QString& key);

    QString m_service = QStringLiteral("Confab");
};

#pragma once

#include "auth/scramcredentials.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One account as stored.
struct AccountRecord
{
    qint64 id = 0;
    QString name;       // as registered (the nick it reserves)
    QString foldedName; // case-folded with the server's CASEMAPPING: the key
    ScramCredentials credentials;
    qint64 createdSecs = 0;
    qint64 lastLoginSecs = 0; // 0: never
    QStringList certificates; // SHA-256 fingerprints, lower-case hex (SASL EXTERNAL)
};

// Where accounts live: the seam between the server and its database. One production
// implementation per engine (SqlAccountStore; PostgreSQL for a cluster). Every call is
// synchronous and may touch the disk: the server calls it only from its auth worker thread, the
// admin command line directly.
class AccountStore
{
public:
    enum class Result { Ok, Exists, NotFound, Failed };

    virtual ~AccountStore() = default;

    virtual std::optional<AccountRecord> find(const QString& foldedName) = 0;
    virtual Result create(const QString& name, const QString& foldedName,
                          const ScramCredentials& credentials, qint64 nowSecs) = 0;
    virtual Result setCredentials(const QString& foldedName,
                                  const ScramCredentials& credentials) = 0;
    virtual Result remove(const QString& foldedName) = 0;
    virtual QList<AccountRecord> list() = 0;
    // Every account's folded name: the nicks that are reserved. nullopt when they cannot be
    // read (never an empty list that would free every name).
    virtual std::optional<QStringList> foldedNames() = 0;
    virtual Result recordLogin(const QString& foldedName, qint64 nowSecs) = 0;

    // TLS client certificates (SHA-256, lower-case hex) that log in to an account by EXTERNAL.
    virtual Result addCertificate(const QString& foldedName, const QString& fingerprint,
                                  qint64 nowSecs) = 0;
    virtual Result removeCertificate(const QString& fingerprint) = 0;
    // The account's name for a certificate, or nothing.
    virtual std::optional<QString> accountForCertificate(const QString& fingerprint) = 0;

    // A per-server secret (random, created on first use), e.g. to answer SCRAM for unknown
    // accounts with a salt that looks real.
    virtual QByteArray serverSecret() = 0;

    // Changes whenever anyone (another process too) has changed the accounts since the last
    // call; cheap enough to poll every few seconds.
    virtual qint64 changeCounter() = 0;

    // After a failed call: if the connection itself was lost (a PostgreSQL server restarted),
    // opens it again and returns true, so that the call can be made again. False otherwise.
    virtual bool recoverConnection() { return false; }

    // The last failure, for logs and the admin command line.
    virtual QString errorString() const = 0;
};

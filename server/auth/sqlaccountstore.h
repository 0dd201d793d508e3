#pragma once

#include "auth/accountstore.h"
#include "storage/database.h"

// Accounts in the server's database, SQLite or PostgreSQL: the same queries on both (schemas:
// storage/schemamigrations.cpp, storage/postgresschema.cpp).
class SqlAccountStore : public AccountStore
{
public:
    // The connection name must be unique in the process.
    explicit SqlAccountStore(const QString& connectionName);

    // Opens (and migrates) the database; false + errorString().
    bool open(const DatabaseLocation& location);
    bool open(const QString& path) { return open(DatabaseLocation::sqlite(path)); }

    std::optional<AccountRecord> find(const QString& foldedName) override;
    Result create(const QString& name, const QString& foldedName,
                  const ScramCredentials& credentials, qint64 nowSecs) override;
    Result setCredentials(const QString& foldedName, const ScramCredentials& credentials) override;
    Result remove(const QString& foldedName) override;
    QList<AccountRecord> list() override;
    std::optional<QStringList> foldedNames() override;
    Result recordLogin(const QString& foldedName, qint64 nowSecs) override;
    Result addCertificate(const QString& foldedName, const QString& fingerprint,
                          qint64 nowSecs) override;
    Result removeCertificate(const QString& fingerprint) override;
    std::optional<QString> accountForCertificate(const QString& fingerprint) override;
    QByteArray serverSecret() override;
    qint64 changeCounter() override;
    bool recoverConnection() override;
    QString errorString() const override { return m_errorString; }

    Database& database() { return m_database; }

private:
    Result failed(const class QSqlQuery& query);
    QStringList certificatesOf(qint64 accountId);

    Database m_database;
    QString m_errorString;
};

#include "auth/sqlaccountstore.h"

#include "serverlogging.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {

constexpr int ServerSecretBytes = 32;

AccountRecord recordFrom(const QSqlQuery& query)
{
    // Columns as selected by SelectColumns.
    AccountRecord record;
    record.id = query.value(0).toLongLong();
    record.name = query.value(1).toString();
    record.foldedName = query.value(2).toString();
    record.credentials =
        ScramCredentials(query.value(3).toByteArray(), query.value(4).toInt(),
                         query.value(5).toByteArray(), query.value(6).toByteArray());
    record.createdSecs = query.value(7).toLongLong();
    record.lastLoginSecs = query.value(8).toLongLong();
    return record;
}

const QString SelectColumns =
    QStringLiteral("SELECT id, name, folded_name, scram_salt, scram_iterations, scram_stored_key, "
                   "scram_server_key, created_at, COALESCE(last_login_at, 0) FROM accounts");

} // namespace

SqlAccountStore::SqlAccountStore(const QString& connectionName) : m_database(connectionName) {}

bool SqlAccountStore::open(const DatabaseLocation& location)
{
    if (m_database.open(location))
        return true;
    m_errorString = m_database.errorString();
    return false;
}

AccountStore::Result SqlAccountStore::failed(const QSqlQuery& query)
{
    m_errorString = query.lastError().text();
    m_database.noteFailure();
    qCWarning(lcStorage).noquote() << "account database:" << m_errorString;
    return Result::Failed;
}

QStringList SqlAccountStore::certificatesOf(qint64 accountId)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT fingerprint FROM account_certificates "
                                 "WHERE account_id = ? ORDER BY added_at, fingerprint"));
    query.addBindValue(accountId);
    QStringList result;
    if (!query.exec()) {
        failed(query);
        return result;
    }
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

std::optional<AccountRecord> SqlAccountStore::find(const QString& foldedName)
{
    QSqlQuery query(m_database.connection());
    query.prepare(SelectColumns + QStringLiteral(" WHERE folded_name = ?"));
    query.addBindValue(foldedName);
    if (!query.exec()) {
        failed(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    AccountRecord record = recordFrom(query);
    record.certificates = certificatesOf(record.id);
    return record;
}

AccountStore::Result SqlAccountStore::create(const QString& name, const QString& foldedName,
                                             const ScramCredentials& credentials, qint64 nowSecs)
{
    QSqlQuery query(m_database.connection());
    // The UNIQUE folded name settles a race between two registrations of one name.
    query.prepare(QStringLiteral(
        "INSERT INTO accounts (name, folded_name, scram_salt, scram_iterations, "
        "scram_stored_key, scram_server_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (folded_name) DO NOTHING"));
    query.addBindValue(name);
    query.addBindValue(foldedName);
    query.addBindValue(credentials.salt());
    query.addBindValue(credentials.iterations());
    query.addBindValue(credentials.storedKey());
    query.addBindValue(credentials.serverKey());
    query.addBindValue(nowSecs);
    if (!query.exec())
        return failed(query);
    return query.numRowsAffected() == 1 ? Result::Ok : Result::Exists;
}

AccountStore::Result SqlAccountStore::setCredentials(const QString& foldedName,
                                                     const ScramCredentials& credentials)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE accounts SET scram_salt = ?, scram_iterations = ?, "
                                 "scram_stored_key = ?, scram_server_key = ? "
                                 "WHERE folded_name = ?"));
    query.addBindValue(credentials.salt());
    query.addBindValue(credentials.iterations());
    query.addBindValue(credentials.storedKey());
    query.addBindValue(credentials.serverKey());
    query.addBindValue(foldedName);
    if (!query.exec())
        return failed(query);
    return query.numRowsAffected() == 1 ? Result::Ok : Result::NotFound;
}

AccountStore::Result SqlAccountStore::remove(const QString& foldedName)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM accounts WHERE folded_name = ?"));
    query.addBindValue(foldedName);
    if (!query.exec())
        return failed(query);
    return query.numRowsAffected() == 1 ? Result::Ok : Result::NotFound;
}

QList<AccountRecord> SqlAccountStore::list()
{
    QList<AccountRecord> result;
    QSqlQuery query(m_database.connection());
    if (!query.exec(SelectColumns + QStringLiteral(" ORDER BY folded_name"))) {
        failed(query);
        return result;
    }
    while (query.next())
        result.append(recordFrom(query));
    for (AccountRecord& record : result)
        record.certificates = certificatesOf(record.id);
    return result;
}

std::optional<QStringList> SqlAccountStore::foldedNames()
{
    QStringList result;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT folded_name FROM accounts"))) {
        failed(query);
        return std::nullopt;
    }
    while (query.next())
        result.append(query.value(0).toString());
    return result;
}

AccountStore::Result SqlAccountStore::recordLogin(const QString& foldedName, qint64 nowSecs)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("UPDATE accounts SET last_login_at = ? WHERE folded_name = ?"));
    query.addBindValue(nowSecs);
    query.addBindValue(foldedName);
    if (!query.exec())
        return failed(query);
    return query.numRowsAffected() == 1 ? Result::Ok : Result::NotFound;
}

AccountStore::Result SqlAccountStore::addCertificate(const QString& foldedName,
                                                     const QString& fingerprint, qint64 nowSecs)
{
    QSqlQuery query(m_database.connection());
    query.prepare(
        QStringLiteral("INSERT INTO account_certificates (fingerprint, account_id, added_at) "
                       "SELECT ?, id, ? FROM accounts WHERE folded_name = ? "
                       "ON CONFLICT (fingerprint) DO NOTHING"));
    query.addBindValue(fingerprint);
    query.addBindValue(nowSecs);
    query.addBindValue(foldedName);
    if (!query.exec())
        return failed(query);
    if (query.numRowsAffected() == 1)
        return Result::Ok;
    return find(foldedName) ? Result::Exists : Result::NotFound;
}

AccountStore::Result SqlAccountStore::removeCertificate(const QString& fingerprint)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("DELETE FROM account_certificates WHERE fingerprint = ?"));
    query.addBindValue(fingerprint);
    if (!query.exec())
        return failed(query);
    return query.numRowsAffected() == 1 ? Result::Ok : Result::NotFound;
}

std::optional<QString> SqlAccountStore::accountForCertificate(const QString& fingerprint)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT a.name FROM account_certificates c "
                                 "JOIN accounts a ON a.id = c.account_id "
                                 "WHERE c.fingerprint = ?"));
    query.addBindValue(fingerprint);
    if (!query.exec()) {
        failed(query);
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

QByteArray SqlAccountStore::serverSecret()
{
    const QString key = QStringLiteral("server_secret");
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toByteArray();
    QByteArray secret(ServerSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()),
                                          ServerSecretBytes / sizeof(quint32));
    QSqlQuery insert(m_database.connection());
    insert.prepare(QStringLiteral("INSERT INTO settings (key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO NOTHING"));
    insert.addBindValue(key);
    insert.addBindValue(secret);
    if (!insert.exec()) {
        failed(insert);
        return secret; // good for this run at least
    }
    // Another process may have been first: read what won.
    QSqlQuery again(m_database.connection());
    again.prepare(QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    again.addBindValue(key);
    if (again.exec() && again.next())
        return again.value(0).toByteArray();
    return secret;
}

qint64 SqlAccountStore::changeCounter()
{
    if (m_database.isSqlite())
        return m_database.dataVersion();
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT counter FROM account_changes")) || !query.next()) {
        failed(query);
        return -1;
    }
    return query.value(0).toLongLong();
}

bool SqlAccountStore::recoverConnection()
{
    if (!m_database.connectionLost())
        return false;
    if (m_database.reopen())
        return true;
    m_errorString = m_database.errorString();
    return false;
}

#include "files/filestore.h"

#include "serverlogging.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace {
const QString Incoming = QStringLiteral("incoming");
}

FileStore::FileStore(const QString& dataDir, const QString& connectionName)
    : m_dataDir(dataDir), m_directory(QDir(dataDir).filePath(QStringLiteral("files"))),
      m_database(connectionName)
{
}

bool FileStore::open()
{
    QDir directory(m_directory);
    if (!directory.mkpath(Incoming)) {
        m_errorString = QStringLiteral("cannot create %1").arg(directory.filePath(Incoming));
        return false;
    }
    // Uploads cut short by a stop or a crash: nobody can finish them now.
    QDir incoming(directory.filePath(Incoming));
    const QStringList leftovers = incoming.entryList(QDir::Files);
    for (const QString& name : leftovers)
        incoming.remove(name);
    if (!m_database.open(QDir(m_dataDir).filePath(Database::fileName()))) {
        m_errorString = m_database.errorString();
        return false;
    }
    return true;
}

QString FileStore::newId()
{
    QByteArray bytes(IdBytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          IdBytes / int(sizeof(quint32)));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool FileStore::isId(QStringView text)
{
    constexpr int Length = (IdBytes * 8 + 5) / 6;
    if (text.size() != Length)
        return false;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
              u == '-' || u == '_'))
            return false;
    }
    return true;
}

QString FileStore::incomingPath(const QString& id) const
{
    return m_directory + u'/' + Incoming + u'/' + id;
}

QString FileStore::filePath(const QString& id) const
{
    return m_directory + u'/' + id;
}

std::optional<FileRecord> FileStore::find(const QString& id)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT account, name, content_type, size, created_ms FROM files "
                                 "WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        qCWarning(lcFiles).noquote() << "files table:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    FileRecord record;
    record.id = id;
    record.account = query.value(0).toString();
    record.name = query.value(1).toString();
    record.contentType = query.value(2).toString().toLatin1();
    record.size = query.value(3).toLongLong();
    record.createdMs = query.value(4).toLongLong();
    return record;
}

qint64 FileStore::usedBytes(const QString& account)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT COALESCE(SUM(size), 0) FROM files WHERE account = ?"));
    query.addBindValue(account);
    if (!query.exec() || !query.next()) {
        qCWarning(lcFiles).noquote() << "files table:" << query.lastError().text();
        return 0;
    }
    return query.value(0).toLongLong();
}

bool FileStore::add(const FileRecord& record)
{
    const QString incoming = incomingPath(record.id);
    const QString target = filePath(record.id);
    if (!QFile::rename(incoming, target)) {
        qCWarning(lcFiles).noquote() << "cannot move" << incoming << "to" << target;
        QFile::remove(incoming);
        return false;
    }
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO files (id, account, name, content_type, size, "
                                 "created_ms) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.id);
    query.addBindValue(record.account);
    query.addBindValue(record.name);
    query.addBindValue(QString::fromLatin1(record.contentType));
    query.addBindValue(record.size);
    query.addBindValue(record.createdMs);
    if (!query.exec()) {
        qCWarning(lcFiles).noquote() << "files table:" << query.lastError().text();
        QFile::remove(target);
        return false;
    }
    return true;
}

int FileStore::removeCreatedBefore(qint64 cutoffMs)
{
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT id FROM files WHERE created_ms < ?"));
    select.addBindValue(cutoffMs);
    if (!select.exec()) {
        qCWarning(lcFiles).noquote() << "files table:" << select.lastError().text();
        return 0;
    }
    QStringList ids;
    while (select.next())
        ids.append(select.value(0).toString());
    int removed = 0;
    for (const QString& id : std::as_const(ids)) {
        QSqlQuery remove(m_database.connection());
        remove.prepare(QStringLiteral("DELETE FROM files WHERE id = ?"));
        remove.addBindValue(id);
        if (!remove.exec()) {
            qCWarning(lcFiles).noquote() << "files table:" << remove.lastError().text();
            continue;
        }
        QFile::remove(filePath(id));
        ++removed;
    }
    return removed;
}

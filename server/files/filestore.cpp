#include "files/filestore.h"

#include "serverlogging.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
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

QList<FileRecord> FileStore::all()
{
    QList<FileRecord> records;
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral(
            "SELECT id, account, name, content_type, size, created_ms FROM files"))) {
        qCWarning(lcFiles).noquote() << "files table:" << query.lastError().text();
        return records;
    }
    while (query.next()) {
        FileRecord record;
        record.id = query.value(0).toString();
        record.account = query.value(1).toString();
        record.name = query.value(2).toString();
        record.contentType = query.value(3).toString().toLatin1();
        record.size = query.value(4).toLongLong();
        record.createdMs = query.value(5).toLongLong();
        records.append(record);
    }
    return records;
}

bool FileStore::moveIntoPlace(const QString& id) const
{
    const QString incoming = incomingPath(id);
    const QString target = filePath(id);
    if (QFile::rename(incoming, target))
        return true;
    qCWarning(lcFiles).noquote() << "cannot move" << incoming << "to" << target;
    QFile::remove(incoming);
    return false;
}

bool FileStore::insert(const FileRecord& record)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO files (id, account, name, content_type, size, "
                                 "created_ms) VALUES (?, ?, ?, ?, ?, ?)"));
    query.addBindValue(record.id);
    query.addBindValue(record.account);
    query.addBindValue(record.name);
    query.addBindValue(QString::fromLatin1(record.contentType));
    query.addBindValue(record.size);
    query.addBindValue(record.createdMs);
    if (query.exec())
        return true;
    qCWarning(lcFiles).noquote() << "files table:" << query.lastError().text();
    return false;
}

bool FileStore::removeRecord(const QString& id)
{
    QSqlQuery remove(m_database.connection());
    remove.prepare(QStringLiteral("DELETE FROM files WHERE id = ?"));
    remove.addBindValue(id);
    if (remove.exec())
        return true;
    qCWarning(lcFiles).noquote() << "files table:" << remove.lastError().text();
    return false;
}

QStringList FileStore::removeCreatedBefore(qint64 cutoffMs)
{
    QSqlQuery select(m_database.connection());
    select.prepare(QStringLiteral("SELECT id FROM files WHERE created_ms < ?"));
    select.addBindValue(cutoffMs);
    QStringList removed;
    if (!select.exec()) {
        qCWarning(lcFiles).noquote() << "files table:" << select.lastError().text();
        return removed;
    }
    QStringList ids;
    while (select.next())
        ids.append(select.value(0).toString());
    for (const QString& id : std::as_const(ids)) {
        if (!removeRecord(id))
            continue;
        QFile::remove(filePath(id));
        removed.append(id);
    }
    return removed;
}

QList<FileRecord> FileStore::reconcile(int* removed)
{
    *removed = 0;
    QList<FileRecord> kept;
    QSet<QString> recorded;
    QDir directory(m_directory);
    const QList<FileRecord> records = all();
    for (const FileRecord& record : records) {
        if (directory.exists(record.id)) {
            recorded.insert(record.id);
            kept.append(record);
            continue;
        }
        // Its file is gone (deleted by hand, a restored backup): the record goes too.
        if (removeRecord(record.id))
            ++*removed;
    }
    const QStringList names = directory.entryList(QDir::Files);
    for (const QString& name : names) {
        if (isId(name) && !recorded.contains(name) && directory.remove(name))
            ++*removed;
    }
    return kept;
}

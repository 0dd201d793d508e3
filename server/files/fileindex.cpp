#include "files/fileindex.h"

#include <QMutexLocker>

void FileIndex::load(const QList<FileRecord>& records)
{
    QMutexLocker lock(&m_mutex);
    m_files.clear();
    m_stored.clear();
    for (const FileRecord& record : records) {
        m_files.insert(record.id, record);
        m_stored[record.account] += record.size;
    }
}

std::optional<FileRecord> FileIndex::find(const QString& id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_files.constFind(id);
    if (it == m_files.constEnd())
        return std::nullopt;
    return *it;
}

int FileIndex::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_files.size());
}

bool FileIndex::reserve(const QString& account, qint64 bytes, qint64 quota, qint64* used)
{
    QMutexLocker lock(&m_mutex);
    *used = m_stored.value(account) + m_reserved.value(account);
    if (*used + bytes > quota)
        return false;
    m_reserved[account] += bytes;
    return true;
}

void FileIndex::release(const QString& account, qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    qint64& reserved = m_reserved[account];
    reserved -= bytes;
    if (reserved <= 0)
        m_reserved.remove(account);
}

void FileIndex::commit(const FileRecord& record)
{
    QMutexLocker lock(&m_mutex);
    qint64& reserved = m_reserved[record.account];
    reserved -= record.size;
    if (reserved <= 0)
        m_reserved.remove(record.account);
    m_files.insert(record.id, record);
    m_stored[record.account] += record.size;
}

void FileIndex::remove(const QStringList& ids)
{
    QMutexLocker lock(&m_mutex);
    for (const QString& id : ids) {
        const auto it = m_files.find(id);
        if (it == m_files.end())
            continue;
        qint64& stored = m_stored[it->account];
        stored -= it->size;
        if (stored <= 0)
            m_stored.remove(it->account);
        m_files.erase(it);
    }
}

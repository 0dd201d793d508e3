#pragma once

#include "files/filerecord.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <optional>

// The stored uploads as the HTTP side needs them at once, without the database: each record by
// id, and each account's bytes, stored and reserved by uploads in progress (which count against
// its quota from their first byte). Shared by libmicrohttpd's thread, which serves requests, and
// the file host's thread, which loads it and applies the expiry: every call takes a lock.
class FileIndex
{
public:
    void load(const QList<FileRecord>& records);
    std::optional<FileRecord> find(const QString& id) const;
    int count() const;

    // Reserves bytes of the account's quota for an upload; false if they do not fit, with what
    // the account uses (stored + reserved) in *used.
    bool reserve(const QString& account, qint64 bytes, qint64 quota, qint64* used);
    // Gives back a reservation (an upload that did not finish).
    void release(const QString& account, qint64 bytes);
    // A reserved upload is stored.
    void commit(const FileRecord& record);
    void remove(const QStringList& ids);

private:
    mutable QMutex m_mutex;
    QHash<QString, FileRecord> m_files;
    QHash<QString, qint64> m_stored;   // per account
    QHash<QString, qint64> m_reserved; // per account
};

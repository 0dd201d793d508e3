#pragma once

#include "files/filerecord.h"
#include "storage/database.h"

#include <QString>

#include <optional>

// The uploads: their records in the server database's files table and their bytes in
// <dataDir>/files/<id>, written first to <dataDir>/files/incoming/<id> and moved into place only
// when complete. Used from the file host's thread only (a Qt Sql connection belongs to its
// thread); every call may touch the disk.
class FileStore
{
public:
    // The random part of ids, in bytes (128 bits: unguessable, so that a URL is its own key).
    static constexpr int IdBytes = 16;

    FileStore(const QString& dataDir, const QString& connectionName);

    // Creates the folders, opens the database and deletes what an earlier run left in incoming/;
    // false + errorString().
    bool open();
    QString errorString() const { return m_errorString; }

    // A new id: IdBytes random bytes from the system's generator, base64url without padding.
    static QString newId();
    // Whether text has the form of an id (so that nothing else ever becomes a path).
    static bool isId(QStringView text);

    QString incomingPath(const QString& id) const;
    QString filePath(const QString& id) const;

    std::optional<FileRecord> find(const QString& id);
    // The bytes of the account's stored uploads.
    qint64 usedBytes(const QString& account);
    // Moves the complete incoming file into place and records it; false (and the incoming file
    // deleted) on failure.
    bool add(const FileRecord& record);
    // Deletes the uploads created before cutoffMs; returns how many.
    int removeCreatedBefore(qint64 cutoffMs);

private:
    QString m_dataDir;
    QString m_directory;
    Database m_database;
    QString m_errorString;
};

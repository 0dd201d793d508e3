#pragma once

#include "files/filerecord.h"
#include "storage/database.h"

#include <QList>
#include <QString>
#include <QStringList>

// The uploads: their records in the server database's files table and their bytes in
// <dataDir>/files/<id>, written first to <dataDir>/files/incoming/<id> and moved into place only
// when complete. The database calls belong to the thread that opened it (a Qt Sql connection
// belongs to its thread); every call may touch the disk.
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

    // Moves a complete incoming file into place; false (and the incoming file deleted) on
    // failure. Touches no database: safe from any thread.
    bool moveIntoPlace(const QString& id) const;
    // Records an upload whose file is in place.
    bool insert(const FileRecord& record);
    // Deletes the uploads created before cutoffMs, records and files; returns their ids.
    QStringList removeCreatedBefore(qint64 cutoffMs);
    // Makes the folder and the table agree: deletes the files that have no record (moved, then
    // the server stopped before recording them) and the records whose file is gone (how many of
    // both in *removed); returns the records kept (to load the FileIndex at start).
    QList<FileRecord> reconcile(int* removed);

private:
    // Every record in the table.
    QList<FileRecord> all();
    bool removeRecord(const QString& id);

    QString m_dataDir;
    QString m_directory;
    Database m_database;
    QString m_errorString;
};

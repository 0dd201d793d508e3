#pragma once

#include "files/filerecord.h"

#include <QElapsedTimer>
#include <QFile>
#include <QString>

// One upload being received: its declared length, the bytes written so far to the store's
// incoming file, and how long it has been going. Knows nothing of HTTP.
class FileUpload
{
public:
    // record: id, account, name and type known; size is the declared length.
    explicit FileUpload(const FileRecord& record);
    ~FileUpload(); // an unfinished upload's file is deleted

    // Creates the incoming file; false + errorString().
    bool open(const QString& path);
    // Appends bytes; false if the file cannot take them or they go past the declared length.
    bool write(const char* data, qint64 size);
    // Whether every declared byte has arrived.
    bool isComplete() const { return m_received == m_record.size; }
    qint64 received() const { return m_received; }
    qint64 elapsedMs() const { return m_started.elapsed(); }
    // Flushes and closes the file after the last byte; false if it could not be written.
    bool finish();
    const FileRecord& record() const { return m_record; }
    FileRecord& record() { return m_record; }
    QString errorString() const { return m_file.errorString(); }

private:
    FileRecord m_record;
    QFile m_file;
    qint64 m_received = 0;
    bool m_finished = false;
    QElapsedTimer m_started;
};

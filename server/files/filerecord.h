#pragma once

#include <QByteArray>
#include <QString>

// One stored upload, as the files table has it.
struct FileRecord
{
    QString id;             // the URL's random part, and the stored file's name
    QString account;        // the uploader's account, folded
    QString name;           // what the uploader called it (made safe)
    QByteArray contentType; // "type/subtype"
    qint64 size = 0;        // bytes
    qint64 createdMs = 0;   // when the upload finished (ms since the epoch)
};

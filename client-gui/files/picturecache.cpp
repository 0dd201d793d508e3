#include "files/picturecache.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>

namespace PictureCache {

QImage readThumbnail(const QString& path, const QSize& bound, QString* error)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(bound, Qt::KeepAspectRatio).boundedTo(size));
    const QImage image = reader.read();
    if (image.isNull() && error)
        *error = reader.errorString();
    return image;
}

int prune(const QString& directory, qint64 maxBytes)
{
    struct Entry
    {
        QString path;
        qint64 bytes = 0;
        QDateTime used;
    };
    QList<Entry> entries;
    qint64 total = 0;
    const QFileInfoList children =
        QDir(directory).entryInfoList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
    for (const QFileInfo& child : children) {
        Entry entry;
        entry.path = child.absoluteFilePath();
        if (child.isDir()) {
            QDirIterator files(entry.path, QDir::Files, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                const QFileInfo file(files.next());
                entry.bytes += file.size();
                entry.used = std::max(entry.used, file.lastModified());
            }
            if (!entry.used.isValid())
                entry.used = child.lastModified();
        } else {
            entry.bytes = child.size();
            entry.used = child.lastModified();
        }
        total += entry.bytes;
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.used < b.used; });
    int removed = 0;
    for (const Entry& entry : std::as_const(entries)) {
        if (total <= maxBytes)
            break;
        const bool gone = QFileInfo(entry.path).isDir() ? QDir(entry.path).removeRecursively()
                                                        : QFile::remove(entry.path);
        if (gone) {
            total -= entry.bytes;
            ++removed;
        }
    }
    return removed;
}

void touch(const QString& path)
{
    QFile file(path);
    if (file.open(QIODevice::ReadWrite))
        file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
}

} // namespace PictureCache

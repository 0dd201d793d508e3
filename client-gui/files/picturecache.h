#pragma once

#include <QImage>
#include <QSize>
#include <QString>

// The disk work behind the pictures in conversations, as functions that run on a worker thread
// (QThreadPool), never on the window's: decoding a picture into a thumbnail (a large PNG takes
// a good part of a second), and keeping the cache folder of fetched pictures within a size.
namespace PictureCache {

// The cache folder's size limit: pictures fetched for thumbnails, least recently used first out.
constexpr qint64 MaxBytes = 512LL * 1024 * 1024;

// The picture at path scaled to fit bound (never enlarged), turned as its EXIF says; a null
// image and *error (untranslated, for the log) if it cannot be read.
QImage readThumbnail(const QString& path, const QSize& bound, QString* error);

// Deletes the oldest entries of directory (each a folder per file, or a file) until what is left
// takes at most maxBytes; returns how many entries went. Age is the last modification of the
// entry's files (a picture shown again is touched, see touch()).
int prune(const QString& directory, qint64 maxBytes);

// Marks the file as just used, so that prune() keeps it longer.
void touch(const QString& path);

} // namespace PictureCache

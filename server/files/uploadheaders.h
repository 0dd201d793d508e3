#pragma once

#include <QByteArray>
#include <QString>

// The HTTP header values of an upload and a download, read and written as pure functions:
// what the uploader says the file is called (Content-Disposition, RFC 6266 with RFC 8187's
// filename*), what type it is, and how a download names it again. Names are made safe here:
// a name is only ever shown and sent back, never used as a path (files are stored by id).
namespace UploadHeaders {

// The most a file's name keeps, in UTF-8 bytes (longer names are cut at a character boundary).
constexpr int MaxNameBytes = 200;

// The file name from a Content-Disposition value ("attachment; filename*=UTF-8''caf%C3%A9.png",
// "attachment; filename=\"a b.txt\""), made safe; filename* wins over filename. Empty when the
// value names no file or does not parse.
QString fileName(const QByteArray& contentDisposition);

// The last path component of name, without control characters, leading dots or spaces, and cut
// to MaxNameBytes; empty if nothing is left.
QString safeFileName(const QString& name);

// A Content-Type value reduced to "type/subtype" in lower case if it is well formed (RFC 9110
// tokens), else "application/octet-stream".
QByteArray contentType(const QByteArray& header);

// Whether browsers and clients may show the type in place: raster pictures only (never SVG or
// HTML, which can carry scripts).
bool isInlineType(const QByteArray& contentType);

// The Content-Disposition of a download: inline or attachment, with an ASCII filename fallback
// and the exact UTF-8 name as filename*.
QByteArray contentDisposition(const QString& name, bool inlineType);

// The name as a URL path segment (percent-encoded UTF-8).
QByteArray pathSegment(const QString& name);

} // namespace UploadHeaders

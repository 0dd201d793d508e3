#include "files/uploadheaders.h"

#include <QByteArrayView>
#include <QList>
#include <QUrl>

namespace UploadHeaders {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 tchar.
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

struct Parameter
{
    QByteArray name; // lower case
    QByteArray value;
};

// The parameters after the disposition type: name=token or name="quoted string", separated by
// ';'. False if the value does not parse.
bool parseParameters(const QByteArray& header, QList<Parameter>* parameters)
{
    const qsizetype length = header.size();
    qsizetype i = header.indexOf(';');
    if (i < 0)
        return true;
    if (!isToken(QByteArrayView(header).first(i).trimmed()))
        return false;
    while (i < length) {
        ++i; // past ';'
        while (i < length && (header[i] == ' ' || header[i] == '\t'))
            ++i;
        if (i == length)
            break;
        const qsizetype nameStart = i;
        while (i < length && isTokenChar(header[i]))
            ++i;
        Parameter parameter;
        parameter.name = header.mid(nameStart, i - nameStart).toLower();
        while (i < length && (header[i] == ' ' || header[i] == '\t'))
            ++i;
        if (parameter.name.isEmpty() || i == length || header[i] != '=')
            return false;
        ++i;
        while (i < length && (header[i] == ' ' || header[i] == '\t'))
            ++i;
        if (i < length && header[i] == '"') {
            ++i;
            bool closed = false;
            while (i < length) {
                const char c = header[i++];
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\' && i < length)
                    parameter.value.append(header[i++]);
                else
                    parameter.value.append(c);
            }
            if (!closed)
                return false;
        } else {
            const qsizetype valueStart = i;
            while (i < length && isTokenChar(header[i]))
                ++i;
            parameter.value = header.mid(valueStart, i - valueStart);
            if (parameter.value.isEmpty())
                return false;
        }
        while (i < length && (header[i] == ' ' || header[i] == '\t'))
            ++i;
        if (i < length && header[i] != ';')
            return false;
        parameters->append(parameter);
    }
    return true;
}

// RFC 8187 ext-value: charset'language'percent-encoded; UTF-8 only (ISO-8859-1 too, by the
// RFC, which is rare enough to refuse). Null when it does not decode.
QString decodeExtValue(const QByteArray& value)
{
    const qsizetype first = value.indexOf('\'');
    const qsizetype second = first < 0 ? -1 : value.indexOf('\'', first + 1);
    if (second < 0 || value.left(first).toLower() != "utf-8")
        return {};
    const QByteArray encoded = value.mid(second + 1);
    for (qsizetype i = 0; i < encoded.size(); ++i) {
        if (encoded[i] == '%') {
            if (i + 2 >= encoded.size() || !isxdigit(uchar(encoded[i + 1])) ||
                !isxdigit(uchar(encoded[i + 2])))
                return {};
            i += 2;
        }
    }
    const QByteArray bytes = QByteArray::fromPercentEncoding(encoded);
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes) // not valid UTF-8
        return {};
    return text;
}

} // namespace

QString fileName(const QByteArray& contentDisposition)
{
    QList<Parameter> parameters;
    if (!parseParameters(contentDisposition.trimmed(), &parameters))
        return {};
    QString plain;
    for (const Parameter& parameter : std::as_const(parameters)) {
        if (parameter.name == "filename*") {
            const QString decoded = decodeExtValue(parameter.value);
            if (!decoded.isNull())
                return safeFileName(decoded);
        } else if (parameter.name == "filename" && plain.isNull()) {
            plain = QString::fromUtf8(parameter.value);
        }
    }
    return plain.isNull() ? QString() : safeFileName(plain);
}

QString safeFileName(const QString& name)
{
    // Both separators count: a name from Windows may carry a path with backslashes.
    QString result = name.mid(std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1);
    result.removeIf([](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format ||
               c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph;
    });
    while (!result.isEmpty() && (result.front() == u'.' || result.front().isSpace()))
        result.remove(0, 1);
    while (!result.isEmpty() && result.back().isSpace())
        result.chop(1);
    while (result.toUtf8().size() > MaxNameBytes) {
        result.chop(1);
        if (!result.isEmpty() && result.back().isHighSurrogate())
            result.chop(1);
    }
    return result;
}

QByteArray contentType(const QByteArray& header)
{
    const qsizetype end = header.indexOf(';');
    const QByteArray value = (end < 0 ? header : header.left(end)).trimmed().toLower();
    const qsizetype slash = value.indexOf('/');
    if (slash > 0 && isToken(QByteArrayView(value).first(slash)) &&
        isToken(QByteArrayView(value).sliced(slash + 1)) && value.size() <= 100) {
        return value;
    }
    return QByteArrayLiteral("application/octet-stream");
}

bool isInlineType(const QByteArray& contentType)
{
    static const QByteArray types[] = {"image/png", "image/jpeg", "image/gif", "image/webp",
                                       "image/bmp"};
    for (const QByteArray& type : types) {
        if (contentType == type)
            return true;
    }
    return false;
}

QByteArray contentDisposition(const QString& name, bool inlineType)
{
    QByteArray ascii;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        ascii.append(u >= 0x20 && u < 0x7f && u != '"' && u != '\\' ? char(u) : '_');
    }
    QByteArray value = inlineType ? "inline" : "attachment";
    value += "; filename=\"" + ascii + "\"; filename*=UTF-8''" + pathSegment(name);
    return value;
}

QByteArray pathSegment(const QString& name)
{
    return QUrl::toPercentEncoding(name);
}

} // namespace UploadHeaders

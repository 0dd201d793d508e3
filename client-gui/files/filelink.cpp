#include "files/filelink.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace {

QString bareHost(QString host)
{
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    return host.toLower();
}

} // namespace

std::optional<FileLink> FileLink::parse(const QString& text, const QString& host)
{
    static const QRegularExpression path(
        QStringLiteral("^/files/([A-Za-z0-9_-]{%1})/([^/]+)$").arg(IdLength));
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.contains(QLatin1Char(' ')) || host.isEmpty())
        return std::nullopt;
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty() || !sameHost(url.host(), host))
        return std::nullopt;
    const QRegularExpressionMatch match = path.match(url.path(QUrl::FullyEncoded));
    if (!match.hasMatch())
        return std::nullopt;
    FileLink link;
    link.m_url = url;
    link.m_id = match.captured(1);
    link.m_name = QUrl::fromPercentEncoding(match.captured(2).toUtf8());
    if (safeFileName(link.m_name) != link.m_name)
        return std::nullopt; // a name no upload gives ("..", "a/b"): not shown as a file
    return link;
}

bool FileLink::sameHost(const QString& a, const QString& b)
{
    return bareHost(a) == bareHost(b);
}

bool FileLink::isImageName(const QString& name)
{
    static const QStringList extensions{QStringLiteral("png"),  QStringLiteral("jpg"),
                                        QStringLiteral("jpeg"), QStringLiteral("gif"),
                                        QStringLiteral("webp"), QStringLiteral("bmp")};
    return extensions.contains(QFileInfo(name).suffix().toLower());
}

QString FileLink::safeFileName(const QString& name)
{
    QString safe;
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.category() == QChar::Other_Control)
            safe.append(QLatin1Char('_'));
        else
            safe.append(c);
    }
    safe = safe.trimmed();
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    return safe.isEmpty() ? QStringLiteral("file") : safe;
}

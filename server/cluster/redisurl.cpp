#include "cluster/redisurl.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

// A database number: decimal digits only ("+1", "-1" and " 1" are mistakes, not numbers).
bool parseDatabase(const QString& text, int* database)
{
    if (text.isEmpty() || text.size() > 9)
        return false;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    *database = text.toInt();
    return true;
}

} // namespace

RedisUrl RedisUrl::invalid(const QString& error)
{
    RedisUrl url;
    url.m_error = error;
    return url;
}

RedisUrl RedisUrl::parse(const QString& text)
{
    if (text.trimmed().isEmpty())
        return invalid(QCoreApplication::translate("RedisUrl", "The Redis URL is empty."));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return invalid(
            QCoreApplication::translate("RedisUrl", "\"%1\" is not a valid URL.").arg(text));
    if (url.hasQuery() || url.hasFragment())
        return invalid(
            QCoreApplication::translate("RedisUrl", "A Redis URL has no \"?\" or \"#\" part."));

    RedisUrl result;
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("unix")) {
        // unix:///path: QUrl would take unix://path as a host name, so the host must be empty.
        if (!url.host().isEmpty() || url.port() != -1 || !url.userInfo().isEmpty())
            return invalid(QCoreApplication::translate(
                "RedisUrl", "Write a Unix socket as unix:///path/to/socket."));
        result.m_socketPath = url.path(QUrl::FullyDecoded);
        if (!result.m_socketPath.startsWith(u'/') || result.m_socketPath.size() < 2)
            return invalid(QCoreApplication::translate(
                "RedisUrl", "Write a Unix socket as unix:///path/to/socket."));
        result.m_valid = true;
        return result;
    }
    if (scheme == QLatin1String("rediss"))
        return invalid(QCoreApplication::translate("RedisUrl",
                                                   "Redis over TLS (rediss://) is not supported."));
    if (scheme != QLatin1String("redis"))
        return invalid(QCoreApplication::translate("RedisUrl",
                                                   "A Redis URL starts with redis:// or unix://."));

    result.m_host = url.host(QUrl::FullyDecoded);
    if (result.m_host.isEmpty())
        return invalid(QCoreApplication::translate("RedisUrl", "The Redis URL names no host."));
    if (url.port() == 0)
        return invalid(QCoreApplication::translate(
            "RedisUrl", "The Redis URL's port must be between 1 and 65535."));
    result.m_port = url.port(DefaultPort);
    result.m_user = url.userName(QUrl::FullyDecoded);
    result.m_password = url.password(QUrl::FullyDecoded);
    // AUTH takes a user only together with a password: a user alone would be silently unused.
    if (!result.m_user.isEmpty() && result.m_password.isEmpty())
        return invalid(
            QCoreApplication::translate("RedisUrl", "The Redis URL names a user but no password."));

    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(u'/'))
        path.remove(0, 1);
    if (!path.isEmpty() && !parseDatabase(path, &result.m_database))
        return invalid(
            QCoreApplication::translate("RedisUrl", "\"%1\" is not a Redis database number.")
                .arg(path));
    result.m_valid = true;
    return result;
}

QString RedisUrl::describe() const
{
    if (!m_valid)
        return QStringLiteral("(invalid Redis URL)");
    if (isUnixSocket())
        return QStringLiteral("unix://") + m_socketPath;
    QString text = QStringLiteral("redis://");
    if (!m_password.isEmpty())
        text += m_user + QStringLiteral(":***@");
    text += m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    text += u':' + QString::number(m_port);
    if (m_database != 0)
        text += u'/' + QString::number(m_database);
    return text;
}

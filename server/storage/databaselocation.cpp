#include "storage/databaselocation.h"

#include "storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QUrl>
#include <QUrlQuery>

DatabaseLocation DatabaseLocation::sqlite(const QString& path)
{
    DatabaseLocation location;
    location.m_engine = Engine::Sqlite;
    location.m_path = path;
    return location;
}

DatabaseLocation DatabaseLocation::resolve(const QString& dataDir, const QString& url)
{
    if (url.trimmed().isEmpty())
        return sqlite(QDir(dataDir).filePath(Database::fileName()));
    return fromUrl(url.trimmed());
}

DatabaseLocation DatabaseLocation::fromUrl(const QString& text)
{
    DatabaseLocation location;
    location.m_engine = Engine::Postgres;
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() ||
        (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres"))) {
        location.m_error = QCoreApplication::translate(
            "DatabaseLocation", "not a postgresql:// URL (postgresql://user@host:port/dbname)");
        return location;
    }
    location.m_host = url.host(QUrl::FullyDecoded);
    location.m_port = url.port(-1);
    location.m_userName = url.userName(QUrl::FullyDecoded);
    location.m_password = url.password(QUrl::FullyDecoded);
    QString name = url.path(QUrl::FullyDecoded);
    if (name.startsWith(u'/'))
        name.remove(0, 1);
    if (name.contains(u'/')) {
        location.m_error =
            QCoreApplication::translate("DatabaseLocation", "a database name cannot contain '/'");
        return location;
    }
    location.m_databaseName = name;
    QStringList options;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        // A socket directory as host: postgresql:///confab?host=/run/postgresql
        if (key == QLatin1String("host") && location.m_host.isEmpty()) {
            location.m_host = value;
            continue;
        }
        if (key.isEmpty() || key.contains(u'=') || key.contains(u' ') || value.contains(u';')) {
            location.m_error = QCoreApplication::translate(
                                   "DatabaseLocation", "a URL parameter cannot be passed on: %1")
                                   .arg(key);
            return location;
        }
        QString quoted = value;
        quoted.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
        options.append(key + QStringLiteral("='") + quoted + u'\'');
    }
    // Qt's QPSQL driver passes these on to libpq, separated by ';'.
    location.m_connectOptions = options.join(u';');
    return location;
}

QString DatabaseLocation::describe() const
{
    if (m_engine == Engine::Sqlite)
        return m_path;
    // By hand: QUrl writes "postgresql:/db" when there is no host.
    const bool socket = m_host.startsWith(u'/');
    QString text = QStringLiteral("postgresql://");
    if (!m_userName.isEmpty())
        text += QString::fromUtf8(QUrl::toPercentEncoding(m_userName)) + u'@';
    if (!socket)
        text += m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    if (m_port >= 0)
        text += u':' + QString::number(m_port);
    text += u'/' + QString::fromUtf8(QUrl::toPercentEncoding(m_databaseName));
    if (socket)
        text += QStringLiteral("?host=") + m_host;
    return text;
}

#include "connection/serveraddresses.h"

#include <QRegularExpression>

ServerAddresses::ServerAddresses(const QString& text, quint16 defaultPort)
    : m_endpoints(parse(text, defaultPort))
{
    if (m_endpoints.isEmpty())
        m_endpoints.append(ServerEndpoint{text.trimmed(), defaultPort});
    startRound();
}

bool ServerAddresses::tryNext()
{
    if (m_untried <= 0)
        return false;
    --m_untried;
    advance();
    return true;
}

void ServerAddresses::advance()
{
    if (!m_endpoints.isEmpty())
        m_index = (m_index + 1) % count();
}

bool ServerAddresses::splitOne(const QString& text, QString* host, quint16* port)
{
    const QString entry = text.trimmed();
    *port = 0;
    host->clear();
    if (entry.isEmpty())
        return false;
    qsizetype colon = -1;
    if (entry.startsWith(QLatin1Char('['))) { // [IPv6]:port
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0 || (close + 1 < entry.size() && entry.at(close + 1) != QLatin1Char(':')))
            return false;
        colon = close + 1 < entry.size() ? close + 1 : -1;
        *host = entry.mid(1, close - 1);
    } else if (entry.count(QLatin1Char(':')) == 1) {
        colon = entry.indexOf(QLatin1Char(':'));
        *host = entry.left(colon);
    } else {
        *host = entry; // a host name, or a bare IPv6 address
    }
    if (colon >= 0) {
        bool ok = false;
        const uint value = entry.mid(colon + 1).toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return false;
        *port = quint16(value);
    }
    return !host->isEmpty();
}

QList<ServerEndpoint> ServerAddresses::parse(const QString& text, quint16 defaultPort)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    if (entries.size() > MaxAddresses)
        return {};
    QList<ServerEndpoint> endpoints;
    for (const QString& entry : entries) {
        ServerEndpoint endpoint;
        if (!splitOne(entry, &endpoint.host, &endpoint.port))
            return {};
        if (endpoint.port == 0)
            endpoint.port = defaultPort;
        if (!endpoints.contains(endpoint))
            endpoints.append(endpoint);
    }
    return endpoints;
}

QString ServerAddresses::display(const ServerEndpoint& endpoint)
{
    const QString host = endpoint.host.contains(QLatin1Char(':'))
                             ? QLatin1Char('[') + endpoint.host + QLatin1Char(']')
                             : endpoint.host;
    return host + QLatin1Char(':') + QString::number(endpoint.port);
}

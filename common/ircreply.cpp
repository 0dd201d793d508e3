#include "ircreply.h"

namespace IrcReply {

QString numericCommand(int code)
{
    return QStringLiteral("%1").arg(code, 3, 10, QLatin1Char('0'));
}

IrcMessage numeric(const QString& server, int code, const QString& target,
                   const QStringList& params)
{
    QStringList all;
    all.reserve(params.size() + 1);
    all.append(target.isEmpty() ? QStringLiteral("*") : target);
    all.append(params);
    return IrcMessage(numericCommand(code), all, server);
}

} // namespace IrcReply

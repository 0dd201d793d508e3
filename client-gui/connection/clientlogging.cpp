#include "connection/clientlogging.h"

#include "ircmessage.h"

Q_LOGGING_CATEGORY(lcConnection, "confab.client.connection")
Q_LOGGING_CATEGORY(lcClient, "confab.client")
Q_LOGGING_CATEGORY(lcLan, "confab.client.lan")
Q_LOGGING_CATEGORY(lcFileTransfer, "confab.client.files")
Q_LOGGING_CATEGORY(lcTraffic, "confab.client.traffic", QtWarningMsg)

namespace {

const QString Hidden = QStringLiteral("***");

// The index of the first parameter to hide, or -1 when nothing is secret.
qsizetype firstSecretParam(const IrcMessage& message)
{
    const QString command = message.command().toUpper();
    if (command == QLatin1String("PASS") || command == QLatin1String("AUTHENTICATE"))
        return 0;
    if (command == QLatin1String("OPER"))
        return 1; // OPER <name> <password>
    if (command == QLatin1String("REGISTER"))
        return message.params().size() >= 3 ? 2 : 1; // REGISTER <account> [<email>] <password>
    if (command == QLatin1String("PRIVMSG") || command == QLatin1String("NOTICE")) {
        // "/msg NickServ IDENTIFY secret" and the like: the text after the verb is secret.
        const QString text = message.param(1).trimmed().toUpper();
        for (const QLatin1String verb : {QLatin1String("IDENTIFY"), QLatin1String("REGISTER"),
                                          QLatin1String("GHOST"), QLatin1String("SET PASSWORD")}) {
            if (text.startsWith(verb))
                return 1;
        }
    }
    return -1;
}

} // namespace

QByteArray ClientLogging::redacted(const IrcMessage& message)
{
    IrcMessage shown(message.command(), message.params(), message.source());
    const qsizetype first = firstSecretParam(message);
    if (first >= 0) {
        QStringList params = message.params();
        for (qsizetype i = first; i < params.size(); ++i)
            params[i] = Hidden;
        shown.setParams(params);
    }
    const QByteArray line = shown.serialize();
    return line.isEmpty() ? message.command().toUtf8() + " (invalid)" : line;
}

#include "session/startoptions.h"

#include "connection/clientlogging.h"
#include "connection/serveraddresses.h"
#include "session/clientsettings.h"

#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

bool StartOptions::readServer(const QString& text)
{
    const QList<ServerEndpoint> endpoints = ServerAddresses::parse(text, 0);
    if (endpoints.size() == 1) {
        host = endpoints.constFirst().host;
        port = endpoints.constFirst().port;
    } else if (!endpoints.isEmpty()) { // several nodes: the list is the address
        host = text.trimmed();
        port = 0;
    }
    return !endpoints.isEmpty();
}

bool StartOptions::parse(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Confab: chat with people on a chat (IRC) server."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          tr("The chat server to use, as host:port; several nodes "
                                             "of one network separated by commas."),
                                          tr("host:port"));
    const QCommandLineOption nickOption(QStringLiteral("nick"), tr("The name to log in with."),
                                        tr("name"));
    const QCommandLineOption connectOption(QStringLiteral("connect"),
                                           tr("Connect at once, without the login dialog (with the "
                                              "name saved last time when --nick is not given)."));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), tr("The language, for example zh_CN, zh_TW or en."), tr("code"));
    const QCommandLineOption logOption(QStringLiteral("log-level"),
                                       tr("Log detail: debug, info, warning or critical."),
                                       tr("level"));
    const QCommandLineOption tlsOption(
        QStringLiteral("tls"), tr("Use a secure connection (TLS; the default), on port 6697 "
                                  "unless --server names another."));
    const QCommandLineOption noTlsOption(
        QStringLiteral("no-tls"),
        tr("Use an unencrypted connection, on port 6667 unless --server names another."));
    parser.addOptions(
        {serverOption, nickOption, connectOption, tlsOption, noTlsOption, langOption, logOption});
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst());
        return false;
    }
    if (parser.isSet(serverOption) && !readServer(parser.value(serverOption))) {
        *error = tr("Not a server address: %1 (use host:port)").arg(parser.value(serverOption));
        return false;
    }
    if (parser.isSet(tlsOption) && parser.isSet(noTlsOption)) {
        *error = tr("Use either --tls or --no-tls, not both.");
        return false;
    }
    if (parser.isSet(tlsOption) || parser.isSet(noTlsOption)) {
        tls = parser.isSet(tlsOption);
        if (port == 0)
            port = *tls ? ClientDefaults::TlsPort : ClientDefaults::Port;
    }
    nick = parser.value(nickOption);
    connectNow = parser.isSet(connectOption);
    language = parser.value(langOption);
    logLevel = parser.value(logOption);
    return true;
}

void StartOptions::installTranslators(QCoreApplication* app, const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (!language.isEmpty())
        QLocale::setDefault(locale);
    auto* qtTranslator = new QTranslator(app);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qtTranslator);
    auto* translator = new QTranslator(app);
    if (translator->load(locale, QStringLiteral("confab"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        app->installTranslator(translator);
        qCInfo(lcClient) << "translation loaded for" << locale.name();
    }
}

void StartOptions::applyLogLevel(const QString& level)
{
    if (level.isEmpty())
        return;
    const QString l = level.toLower();
    QString rules =
        QStringLiteral("confab.*.debug=%1\nconfab.*.info=%2\nconfab.*.warning=%3")
            .arg(l == QLatin1String("debug") ? QLatin1String("true") : QLatin1String("false"))
            .arg(l == QLatin1String("debug") || l == QLatin1String("info") ? QLatin1String("true")
                                                                           : QLatin1String("false"))
            .arg(l == QLatin1String("critical") ? QLatin1String("false") : QLatin1String("true"));
    QLoggingCategory::setFilterRules(rules);
}

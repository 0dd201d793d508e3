#pragma once

#include "config/serverconfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

// confabd's command line (and optional ini config file) turned into a ServerConfig. Every limit
// of ServerConfig has an option; the ini file uses the long option names as keys, and the
// command line wins over the file.
class ServerOptions
{
    Q_DECLARE_TR_FUNCTIONS(ServerOptions)

public:
    // AccountCommand: "account ..." was given; accountArguments() has what follows it.
    // PasswordHashCommand: "mkpasswd" was given.
    enum class Result {
        Ok,
        Error,
        HelpRequested,
        VersionRequested,
        AccountCommand,
        PasswordHashCommand
    };

    ServerOptions();

    // arguments includes the program name first, as QCoreApplication::arguments().
    Result parse(const QStringList& arguments);

    const ServerConfig& config() const { return m_config; }
    const QStringList& accountArguments() const { return m_accountArguments; }
    QString errorText() const { return m_errorText; }
    QString helpText() const { return m_parser.helpText(); }
    QString versionText() const;
    // Where confabd keeps its data unless --data-dir says otherwise.
    static QString defaultDataDir();
    // The hint printed after an error.
    static QString tryHelpText();
    // QLoggingCategory::setFilterRules() text for the chosen --log-level.
    QString logFilterRules() const { return m_logRules; }

    // Whether --qt-event-loop is among the raw arguments. The event loop must be chosen before
    // the application object exists, so before parse() can run.
    static bool wantsQtEventLoop(int argc, const char* const* argv);

    // "debug", "info", "warning", "error" -> filter rules; empty + ok=false when unknown.
    static QString filterRulesForLevel(const QString& level, bool* ok);
    // qSetMessagePattern() text: timestamps, category, level.
    static QString messagePattern();

private:
    static bool readOperators(QSettings& settings, QList<OperatorBlock>* operators,
                              QString* error);

    QCommandLineParser m_parser;
    ServerConfig m_config;
    QString m_errorText;
    QString m_logRules;
    QStringList m_accountArguments;
};

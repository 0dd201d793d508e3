#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// The command line of confab: --server host:port (or several), --nick name, --connect,
// --tls/--no-tls,
// --lang code, --log-level. Parsing and translator loading live here so main.cpp stays a few lines.
class StartOptions
{
    Q_DECLARE_TR_FUNCTIONS(StartOptions)

public:
    QString host;
    quint16 port = 0; // 0: not given
    QString nick;
    bool connectNow = false;
    // --tls or --no-tls; unset: as saved (TLS by default). Without a port in --server, either
    // one sets the port to its default (6697, 6667).
    std::optional<bool> tls;
    QString language; // empty: the system locale
    QString logLevel;

    // False with a message in *error for a bad command line. Exits for --help/--version.
    bool parse(const QStringList& arguments, QString* error);
    // Loads confab_<lang>.qm from :/i18n and Qt's own qtbase_<lang>.qm onto app.
    static void installTranslators(QCoreApplication* app, const QString& language);
    static void applyLogLevel(const QString& level);

private:
    // --server: "host:port" sets host and port (port 0 when absent); several addresses
    // ("a.lan:6667,b.lan") stay one text in host, which the connection splits. False if the
    // text is not an address.
    bool readServer(const QString& text);
};

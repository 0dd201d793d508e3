#include "auth/accountadmin.h"
#include "config/serveroptions.h"
#include "net/epolleventdispatcher.h"
#include "net/server.h"
#include "serverlogging.h"
#include "storage/database.h"
#include "system/journalstream.h"
#include "system/servicenotifier.h"
#include "system/signalwatcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <csignal>
#include <cstdio>

int main(int argc, char* argv[])
{
    Database::configureSqliteLibrary();
    // epoll: one wait costs the same for ten sockets or ten thousand (docs/PERFORMANCE.md).
    auto* dispatcher =
        ServerOptions::wantsQtEventLoop(argc, argv) ? nullptr : new EpollEventDispatcher;
    if (dispatcher && dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher);
    else
        delete dispatcher;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("confabd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("confabd"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    qSetMessagePattern(JournalStream::isStderrJournal() ? JournalStream::messagePattern()
                                                        : ServerOptions::messagePattern());

    ServerOptions options;
    switch (options.parse(QCoreApplication::arguments())) {
    case ServerOptions::Result::HelpRequested:
        std::fputs(qPrintable(options.helpText()), stdout);
        return 0;
    case ServerOptions::Result::VersionRequested:
        std::printf("%s\n", qPrintable(options.versionText()));
        return 0;
    case ServerOptions::Result::Error:
        std::fprintf(stderr, "confabd: %s\n", qPrintable(options.errorText()));
        std::fprintf(stderr, "%s\n", qPrintable(ServerOptions::tryHelpText()));
        return 2;
    case ServerOptions::Result::AccountCommand: {
        QLoggingCategory::setFilterRules(options.logFilterRules());
        QTextStream out(stdout);
        QTextStream err(stderr);
        AccountAdmin admin(options.config(), out, err, AccountAdmin::readPasswordFromConsole);
        return admin.run(options.accountArguments());
    }
    case ServerOptions::Result::PasswordHashCommand: {
        QTextStream out(stdout);
        QTextStream err(stderr);
        AccountAdmin admin(options.config(), out, err, AccountAdmin::readPasswordFromConsole);
        return admin.makePasswordHash();
    }
    case ServerOptions::Result::Ok:
        break;
    }
    QLoggingCategory::setFilterRules(options.logFilterRules());

    Server server(options.config());
    qCInfo(lcServer).noquote() << "starting" << options.versionText() << "as"
                               << options.config().serverName;
    qCInfo(lcServer) << "event loop:"
                     << QCoreApplication::eventDispatcher()->metaObject()->className();
    if (!server.listen()) {
        std::fprintf(stderr, "confabd: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    // SIGHUP (like an operator's REHASH) reloads the TLS certificate, the MOTD and the operator
    // blocks; SIGINT and SIGTERM stop the server (like DIE, when allowed).
    SignalWatcher watcher({SIGINT, SIGTERM, SIGHUP});
    QObject::connect(&watcher, &SignalWatcher::signalReceived, &server, [&server](int number) {
        qCInfo(lcServer) << "signal" << number << "received";
        if (number == SIGHUP) {
            server.reload();
            return;
        }
        server.shutdown(QStringLiteral("Server shutting down"));
    });
    // systemd (Type=notify): ready once the ports are open and the signals are watched.
    const ServiceNotifier notifier;
    QObject::connect(&watcher, &SignalWatcher::signalReceived, &server, [&notifier](int number) {
        if (number != SIGHUP)
            notifier.notifyStopping(QStringLiteral("shutting down"));
    });
    notifier.notifyReady(QStringLiteral("serving %1").arg(options.config().serverName));
    QObject::connect(&server, &Server::finished, &app, [] {
        qCInfo(lcServer) << "stopped";
        std::fflush(stdout);
        std::fflush(stderr);
        QCoreApplication::exit(0);
    });
    return QCoreApplication::exec();
}

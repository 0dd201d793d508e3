#include "chatcontroller.h"
#include "mainwindow.h"
#include "startoptions.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Confab"));
    QApplication::setApplicationName(QStringLiteral("confab"));
    QApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("confab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/confab.png")));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd hh:mm:ss.zzz} %{category} "
                                      "%{if-warning}warning %{endif}%{message}"));

    StartOptions options;
    QString error;
    if (!options.parse(QApplication::arguments(), &error)) {
        std::fprintf(stderr, "confab: %s\n", qPrintable(error));
        return 2;
    }
    StartOptions::applyLogLevel(options.logLevel);
    StartOptions::installTranslators(&app, options.language);

    ChatController controller;
    MainWindow window(&controller);
    window.show();
    window.start(options);
    return QApplication::exec();
}

#include "hosting/embeddedchathost.h"
#include "session/chatcontroller.h"
#include "session/startoptions.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {

// --help and --version print text only; they must work without a display, before QApplication
// asks for one.
bool asksForTextOnly(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version")
            return true;
    }
    return false;
}

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Confab"));
    QCoreApplication::setApplicationName(QStringLiteral("confab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CONFAB_VERSION));
}

int parseError(const QString& error)
{
    std::fprintf(stderr, "confab: %s\n", qPrintable(error));
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    StartOptions options;
    QString error;
    if (asksForTextOnly(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        StartOptions::installTranslators(&app, QString());
        options.parse(QCoreApplication::arguments(), &error); // prints and exits
        return parseError(error);
    }

    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Confab"));
    QApplication::setDesktopFileName(QStringLiteral("confab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/confab.png")));
    qSetMessagePattern(QStringLiteral("%{time yyyy-MM-dd hh:mm:ss.zzz} %{category} "
                                      "%{if-warning}warning %{endif}%{message}"));

    if (!options.parse(QApplication::arguments(), &error))
        return parseError(error);
    StartOptions::applyLogLevel(options.logLevel);
    StartOptions::installTranslators(&app, options.language);

    ChatController controller;
    controller.enableArchive(); // conversations kept on this computer, searchable
    EmbeddedChatHost host; // "Host a chat on this computer"
    MainWindow window(&controller);
    window.setChatHost(&host);
    // The window says when to end: closing it may only hide it in the tray, and quitting from
    // the tray closes a window that is hidden already.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &MainWindow::quitting, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    window.show();
    window.start(options);
    return QApplication::exec();
}

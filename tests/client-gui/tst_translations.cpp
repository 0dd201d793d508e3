// The compiled-in translations: both Chinese catalogues load from :/i18n and cover what the user
// reads; English (the source) needs none.
#include "session/chatcontroller.h"
#include "session/startoptions.h"
#include "widgets/logindialog.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QDirIterator>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QTest>
#include <QTranslator>

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void catalogsAreEmbedded();
    void widgetsAreTranslated_data();
    void widgetsAreTranslated();
    void pluralsAndArguments();
    void systemLocaleIsUsed();

private:
    void removeTranslators();
};

void tst_Translations::removeTranslators()
{
    const QList<QTranslator*> translators = qApp->findChildren<QTranslator*>();
    for (QTranslator* translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    QLocale::setDefault(QLocale::c());
}

void tst_Translations::catalogsAreEmbedded()
{
    QStringList files;
    QDirIterator it(QStringLiteral(":/i18n"));
    while (it.hasNext())
        files.append(it.next().section(QLatin1Char('/'), -1));
    QVERIFY2(files.contains(QStringLiteral("confab_zh_CN.qm")), qPrintable(files.join(u' ')));
    QVERIFY(files.contains(QStringLiteral("confab_zh_TW.qm")));
    QVERIFY(QFile::exists(QStringLiteral(":/confab.svg")));
    // The window icon is a PNG: Qt needs no SVG plugin to show it.
    QCOMPARE(QIcon(QStringLiteral(":/confab.png")).availableSizes().value(0), QSize(256, 256));
    QVERIFY(QFile::exists(QStringLiteral(":/confab.desktop")));
}

void tst_Translations::widgetsAreTranslated_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("send");
    QTest::addColumn<QString>("chatMenu");
    QTest::addColumn<QString>("connectButton");
    QTest::newRow("Simplified Chinese") << "zh_CN"
                                        << "发送"
                                        << "聊天(&C)"
                                        << "连接(&C)";
    QTest::newRow("Traditional Chinese") << "zh_TW"
                                         << "傳送"
                                         << "聊天(&C)"
                                         << "連線(&C)";
    QTest::newRow("English source") << "en"
                                    << "Send"
                                    << "&Chat"
                                    << "&Connect";
}

void tst_Translations::widgetsAreTranslated()
{
    QFETCH(QString, language);
    QFETCH(QString, send);
    QFETCH(QString, chatMenu);
    QFETCH(QString, connectButton);
    removeTranslators();
    StartOptions::installTranslators(qApp, language);
    ChatController controller;
    MainWindow window(&controller);
    QCOMPARE(window.findChild<QPushButton*>(QStringLiteral("sendButton"))->text(), send);
    QCOMPARE(window.menuBar()->actions().constFirst()->text(), chatMenu);
    LoginDialog* dialog = window.loginDialog();
    QCOMPARE(dialog->findChild<QPushButton*>(QStringLiteral("connectButton"))->text(),
             connectButton);
    removeTranslators();
}

void tst_Translations::pluralsAndArguments()
{
    removeTranslators();
    StartOptions::installTranslators(qApp, QStringLiteral("zh_CN"));
    QCOMPARE(QCoreApplication::translate("ContactListModel", "%1 (%n unread)", nullptr, 3)
                 .arg(QStringLiteral("bob")),
             QStringLiteral("bob（3 条未读）"));
    QCOMPARE(QCoreApplication::translate("EventFormatter", "%1 is now %2")
                 .arg(QStringLiteral("bob"), QStringLiteral("robert")),
             QStringLiteral("bob 改名为 robert"));
    removeTranslators();
    StartOptions::installTranslators(qApp, QStringLiteral("zh_TW"));
    QCOMPARE(QCoreApplication::translate("MainWindow", "Lag: %1 ms").arg(12),
             QStringLiteral("延遲：12 毫秒"));
    removeTranslators();
}

void tst_Translations::systemLocaleIsUsed()
{
    removeTranslators();
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::Taiwan)); // as if LANG=zh_TW.UTF-8
    StartOptions::installTranslators(qApp, QString());
    QCOMPARE(QCoreApplication::translate("MainWindow", "Send"), QStringLiteral("傳送"));
    removeTranslators();
    QCOMPARE(QCoreApplication::translate("MainWindow", "Send"), QStringLiteral("Send"));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"

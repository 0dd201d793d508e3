// SystemTray with the tray's availability chosen by the test: nothing without one; with one, a
// menu (Show, Quit) and the unread count in the tooltip.
#include "widgets/systemtray.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

class tst_SystemTray : public QObject
{
    Q_OBJECT

private slots:
    void withoutTrayDoesNothing();
    void menuShowsAndQuits();
    void unreadCountInTooltip();
};

void tst_SystemTray::withoutTrayDoesNothing()
{
    QWidget window;
    SystemTray tray(false, &window);
    QVERIFY(!tray.isAvailable());
    QVERIFY(!tray.menu());
    tray.setUnreadCount(3);
    tray.showMessage(QStringLiteral("title"), QStringLiteral("text")); // no crash, no icon
    QCOMPARE(tray.unreadCount(), 3);
}

void tst_SystemTray::menuShowsAndQuits()
{
    QWidget window;
    SystemTray tray(true, &window);
    QVERIFY(tray.isAvailable());
    QVERIFY(tray.menu());
    QSignalSpy show(&tray, &SystemTray::showRequested);
    QSignalSpy quit(&tray, &SystemTray::quitRequested);
    auto* showAction = tray.menu()->findChild<QAction*>(QStringLiteral("trayShowAction"));
    auto* quitAction = tray.menu()->findChild<QAction*>(QStringLiteral("trayQuitAction"));
    QVERIFY(showAction && quitAction);
    showAction->trigger();
    QCOMPARE(show.count(), 1);
    QCOMPARE(quit.count(), 0);
    quitAction->trigger();
    QCOMPARE(quit.count(), 1);
}

void tst_SystemTray::unreadCountInTooltip()
{
    QWidget window;
    SystemTray tray(true, &window);
    QCOMPARE(tray.toolTip(), QStringLiteral("Confab"));
    tray.setUnreadCount(4);
    QVERIFY2(tray.toolTip().contains(QStringLiteral("4 unread")), qPrintable(tray.toolTip()));
    tray.setUnreadCount(0);
    QCOMPARE(tray.toolTip(), QStringLiteral("Confab"));
}

QTEST_MAIN(tst_SystemTray)
#include "tst_systemtray.moc"

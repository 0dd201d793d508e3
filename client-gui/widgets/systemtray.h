#pragma once

#include <QMenu>
#include <QObject>
#include <QPointer>

class QAction;
class QSystemTrayIcon;
class QWidget;

// The icon in the system tray, when the desktop has one: a menu (Show, Quit), the unread count in
// its tooltip and as a badge on the icon, and notification bubbles. Whether a tray exists is
// given (QSystemTrayIcon::isSystemTrayAvailable() in the application, either way in tests);
// without one this does nothing and the window closes as usual.
class SystemTray : public QObject
{
    Q_OBJECT

public:
    SystemTray(bool available, QWidget* window);
    ~SystemTray() override;

    bool isAvailable() const { return m_icon != nullptr; }
    int unreadCount() const { return m_unread; }
    QString toolTip() const;
    QMenu* menu() const { return m_menu; }

public slots:
    void setUnreadCount(int count);
    void showMessage(const QString& title, const QString& text);

signals:
    void showRequested();
    void quitRequested();
    void messageClicked();

private:
    void updateIcon();

    QWidget* m_window;
    QSystemTrayIcon* m_icon = nullptr;
    QPointer<QMenu> m_menu; // a child of the window, deleted with this tray
    int m_unread = 0;
};

#include "widgets/systemtray.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QWidget>

SystemTray::SystemTray(bool available, QWidget* window) : QObject(window), m_window(window)
{
    if (!available)
        return;
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    QAction* show = m_menu->addAction(tr("&Show Confab"), this, &SystemTray::showRequested);
    show->setObjectName(QStringLiteral("trayShowAction"));
    m_menu->addSeparator();
    QAction* quit = m_menu->addAction(tr("&Quit"), this, &SystemTray::quitRequested);
    quit->setObjectName(QStringLiteral("trayQuitAction"));

    m_icon = new QSystemTrayIcon(this);
    m_icon->setObjectName(QStringLiteral("trayIcon"));
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                    emit showRequested();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &SystemTray::messageClicked);
    updateIcon();
    m_icon->show();
}

SystemTray::~SystemTray()
{
    delete m_menu.data();
}

QString SystemTray::toolTip() const
{
    if (m_unread == 0)
        return tr("Confab");
    return m_unread == 1 ? tr("Confab — 1 unread message")
                         : tr("Confab — %n unread messages", nullptr, m_unread);
}

void SystemTray::setUnreadCount(int count)
{
    if (m_unread == count)
        return;
    m_unread = count;
    updateIcon();
}

void SystemTray::showMessage(const QString& title, const QString& text)
{
    if (m_icon && m_icon->isVisible())
        m_icon->showMessage(title, text, QSystemTrayIcon::Information, 8000);
}

// The window's icon, with the unread count on a red badge in its corner.
void SystemTray::updateIcon()
{
    if (!m_icon)
        return;
    m_icon->setToolTip(toolTip());
    QPixmap pixmap = m_window->windowIcon().pixmap(64, 64);
    if (pixmap.isNull()) {
        pixmap = QPixmap(64, 64);
        pixmap.fill(Qt::transparent);
    }
    if (m_unread > 0) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRect badge(28, 28, 36, 36);
        painter.setBrush(QColor(0xd0, 0x30, 0x30));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(m_unread > 99 ? 14 : 22);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter,
                         m_unread > 99 ? QStringLiteral("99+") : QString::number(m_unread));
    }
    m_icon->setIcon(QIcon(pixmap));
}

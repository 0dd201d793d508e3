#pragma once

#include <QObject>
#include <QString>

// The user's choices from the Settings dialog, kept in QSettings (keys in clientsettings.h):
// read once, written at each change, announced with changed() so they apply at once.
class Preferences : public QObject
{
    Q_OBJECT

public:
    explicit Preferences(QObject* parent = nullptr);

    // "alice joined", "bob left" lines in rooms.
    bool showJoinPart() const { return m_showJoinPart; }
    // Closing the window hides it to the tray (when there is one).
    bool hideToTray() const { return m_hideToTray; }
    // A tray message and a taskbar alert when someone names you.
    bool notifyMentions() const { return m_notifyMentions; }
    // The chat this app hosts starts with the app, and the user joins it (under the last name).
    bool hostOnStart() const { return m_hostOnStart; }
    // QTime format of the time before each line.
    QString timeFormat() const { return m_timeFormat; }
    // The formats offered, the default first.
    static QStringList timeFormats();

public slots:
    void setShowJoinPart(bool show);
    void setHideToTray(bool hide);
    void setNotifyMentions(bool notify);
    void setHostOnStart(bool host);
    void setTimeFormat(const QString& format);

signals:
    void changed();

private:
    void save(const QString& key, const QVariant& value);

    bool m_showJoinPart = true;
    bool m_hideToTray = true;
    bool m_notifyMentions = true;
    bool m_hostOnStart = false;
    QString m_timeFormat;
};

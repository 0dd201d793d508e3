#pragma once

#include <QDialog>

class Preferences;
class QCheckBox;
class QComboBox;

// The user's choices (Preferences), applied as soon as they are ticked and remembered.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    // trayAvailable: without a system tray, "hide to tray" cannot apply and is disabled.
    SettingsDialog(Preferences* preferences, bool trayAvailable, QWidget* parent = nullptr);

private:
    Preferences* m_preferences;
    QCheckBox* m_showJoinPart;
    QCheckBox* m_hideToTray;
    QCheckBox* m_notifyMentions;
    QCheckBox* m_hostOnStart;
    QComboBox* m_timeFormat;
};

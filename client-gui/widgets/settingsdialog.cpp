#include "widgets/settingsdialog.h"

#include "session/preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QTime>
#include <QVBoxLayout>

SettingsDialog::SettingsDialog(Preferences* preferences, bool trayAvailable, QWidget* parent)
    : QDialog(parent), m_preferences(preferences),
      m_showJoinPart(new QCheckBox(tr("Show when people &join and leave rooms"), this)),
      m_hideToTray(new QCheckBox(tr("&Closing the window keeps Confab running in the tray"), this)),
      m_notifyMentions(new QCheckBox(tr("&Notify me when someone mentions my name"), this)),
      m_hostOnStart(new QCheckBox(tr("&Start hosting a chat on this computer when Confab starts"),
                                  this)),
      m_timeFormat(new QComboBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_showJoinPart->setObjectName(QStringLiteral("showJoinPartCheck"));
    m_hideToTray->setObjectName(QStringLiteral("hideToTrayCheck"));
    m_notifyMentions->setObjectName(QStringLiteral("notifyMentionsCheck"));
    m_hostOnStart->setObjectName(QStringLiteral("hostOnStartCheck"));
    m_hostOnStart->setChecked(preferences->hostOnStart());
    m_hostOnStart->setToolTip(tr("People on this network can then always find the chat; you "
                                 "join it under your last name."));
    m_timeFormat->setObjectName(QStringLiteral("timeFormatCombo"));

    m_showJoinPart->setChecked(preferences->showJoinPart());
    m_hideToTray->setChecked(preferences->hideToTray());
    m_hideToTray->setEnabled(trayAvailable);
    if (!trayAvailable)
        m_hideToTray->setToolTip(tr("This desktop has no system tray"));
    m_notifyMentions->setChecked(preferences->notifyMentions());
    const QTime example(21, 5, 30);
    for (const QString& format : Preferences::timeFormats())
        m_timeFormat->addItem(example.toString(format), format);
    m_timeFormat->setCurrentIndex(m_timeFormat->findData(preferences->timeFormat()));

    auto* form = new QFormLayout;
    form->addRow(m_showJoinPart);
    form->addRow(m_notifyMentions);
    form->addRow(m_hideToTray);
    form->addRow(m_hostOnStart);
    form->addRow(tr("&Time of messages:"), m_timeFormat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_showJoinPart, &QCheckBox::toggled, preferences, &Preferences::setShowJoinPart);
    connect(m_hideToTray, &QCheckBox::toggled, preferences, &Preferences::setHideToTray);
    connect(m_notifyMentions, &QCheckBox::toggled, preferences, &Preferences::setNotifyMentions);
    connect(m_hostOnStart, &QCheckBox::toggled, preferences, &Preferences::setHostOnStart);
    connect(m_timeFormat, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_preferences->setTimeFormat(m_timeFormat->itemData(index).toString());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

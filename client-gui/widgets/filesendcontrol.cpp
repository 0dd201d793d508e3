#include "widgets/filesendcontrol.h"

#include "files/filesharing.h"
#include "models/conversationstore.h"
#include "session/chatcontroller.h"
#include "widgets/uploadprogresspanel.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QStandardPaths>
#include <QUrl>

FileSendControl::FileSendControl(ChatController* controller, QWidget* window)
    : QObject(window), m_controller(controller), m_window(window), m_action(new QAction(this)),
      m_panel(new UploadProgressPanel(controller->fileSharing(), window))
{
    m_panel->setObjectName(QStringLiteral("uploadPanel"));
    m_action->setObjectName(QStringLiteral("sendFileAction"));
    m_action->setText(tr("Send a &file…"));
    m_action->setIconText(QStringLiteral("\U0001F4CE")); // 📎 on the button
    m_action->setToolTip(tr("Send a file or a picture to this conversation (or drop it here, or "
                            "paste a picture)"));
    connect(m_action, &QAction::triggered, this, &FileSendControl::chooseFiles);
    connect(controller->fileSharing(), &FileSharing::uploadFailed, this,
            &FileSendControl::onUploadFailed);
}

QStringList FileSendControl::localFiles(const QMimeData* data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl& url : data->urls()) {
        const QFileInfo info(url.toLocalFile());
        if (url.isLocalFile() && info.isFile())
            paths.append(info.absoluteFilePath());
    }
    return paths;
}

QString FileSendControl::targetOrExplain()
{
    const QString target = m_controller->activeTarget();
    const QString reason = target.isEmpty() ? tr("Open a conversation to send files to.")
                                            : m_controller->fileSharing()->unavailableReason();
    if (reason.isEmpty())
        return target;
    m_controller->showInfo(reason, true);
    return {};
}

void FileSendControl::chooseFiles()
{
    if (targetOrExplain().isEmpty())
        return;
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new QFileDialog(m_window, tr("Send a file"),
                               QStandardPaths::writableLocation(QStandardPaths::PicturesLocation));
    m_dialog->setObjectName(QStringLiteral("sendFileDialog"));
    m_dialog->setFileMode(QFileDialog::ExistingFiles);
    m_dialog->setAcceptMode(QFileDialog::AcceptOpen);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QFileDialog::filesSelected, this, &FileSendControl::sendFiles);
    m_dialog->open();
}

void FileSendControl::sendFiles(const QStringList& paths)
{
    const QString target = targetOrExplain();
    if (target.isEmpty())
        return;
    for (const QString& path : paths)
        m_controller->fileSharing()->sendFile(target, path);
}

void FileSendControl::sendImage(const QImage& image)
{
    const QString target = targetOrExplain();
    if (!target.isEmpty())
        m_controller->fileSharing()->sendImage(target, image);
}

void FileSendControl::onUploadFailed(const QString& target, const QString& message)
{
    if (ConversationModel* conversation = m_controller->conversations()->find(target))
        conversation->appendError(message);
    else
        m_controller->showInfo(message, true);
}

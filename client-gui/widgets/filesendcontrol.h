#pragma once

#include <QFileDialog>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ChatController;
class QAction;

class QImage;
class QMimeData;
class QWidget;
class UploadProgressPanel;

// The main window's ways to send files and pictures to the conversation on screen: "Send a
// file…" (the 📎 button beside the input, the Conversation menu), files dropped on the window
// and pictures pasted into the input (ChatInput). Uploads show in the UploadProgressPanel; a
// failure, or the reason files cannot be sent (a guest, a server without a file host), is an
// error line in the conversation.
class FileSendControl : public QObject
{
    Q_OBJECT

public:
    FileSendControl(ChatController* controller, QWidget* window);

    QAction* sendFileAction() const { return m_action; }
    UploadProgressPanel* progressPanel() const { return m_panel; }
    // The file dialog while it is open (tests choose in it).
    QFileDialog* fileDialog() const { return m_dialog; }

    // Local files among what is dragged or pasted; empty when there are none.
    static QStringList localFiles(const QMimeData* data);

public slots:
    // Asks which files to send (or says why none can be sent).
    void chooseFiles();
    void sendFiles(const QStringList& paths);
    void sendImage(const QImage& image);

private:
    // The target of the conversation on screen, or empty after saying why nothing can be sent.
    QString targetOrExplain();
    void onUploadFailed(const QString& target, const QString& message);

    ChatController* m_controller;
    QWidget* m_window;
    QAction* m_action;
    UploadProgressPanel* m_panel;
    QPointer<QFileDialog> m_dialog;
};

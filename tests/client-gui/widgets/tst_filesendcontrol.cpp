// Sending files from the main window, signed in to confabd with its file host: "Send a file…"
// (the 📎 button) with the file dialog, files dropped on the window, a picture pasted into the
// input; the upload bar while it goes; the link in the room, shown as a card or a picture; and a
// guest told why nothing can be sent. A real server with TLS and accounts (filehostfixture.*).
#include "filehostfixture.h"
#include "files/filehostupload.h"
#include "files/filepreviews.h"
#include "files/filesharing.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/chatcontroller.h"
#include "session/serverconnection.h"
#include "widgets/chatinput.h"
#include "widgets/conversationview.h"
#include "widgets/filesendcontrol.h"
#include "widgets/mainwindow.h"
#include "widgets/messagedelegate.h"
#include "widgets/uploadprogresspanel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QFileDialog>
#include <QImage>
#include <QLoggingCategory>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

class tst_FileSendControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void sendFileThroughTheDialog();
    void droppedFilesAreSent();
    void pastedPictureIsSentAndShown();
    void uploadBarShowsProgressAndCancels();
    void guestIsToldWhy();

private:
    // alice's window (or a guest's), signed in, #lobby on screen.
    bool openWindow(const QString& account, const QString& nick = {});
    QString writeFile(const QString& name, qint64 size);
    ConversationModel* lobby() const
    {
        return m_controller->conversations()->find(QStringLiteral("#lobby"));
    }
    // The text of the newest own message in #lobby, when it is a link to a file.
    QString lastOwnFileLink() const;

    QTemporaryDir m_dir;
    FileHostFixture m_fixture;
    ChatController* m_controller = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void tst_FileSendControl::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filesendcontrol"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_FileSendControl::init()
{
    QVERIFY(m_fixture.start());
}

void tst_FileSendControl::cleanup()
{
    m_window.reset();
    m_fixture.stop();
    m_controller = nullptr;
}

bool tst_FileSendControl::openWindow(const QString& account, const QString& nick)
{
    m_controller = m_fixture.prepare(account, nick);
    m_window = std::make_unique<MainWindow>(m_controller);
    m_window->resize(900, 700);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()) || !m_fixture.connectAndJoin(m_controller))
        return false;
    m_controller->filePreviews()->setCacheDirectory(m_dir.filePath(QStringLiteral("cache")));
    m_controller->filePreviews()->setDownloadDirectory(m_dir.filePath(QStringLiteral("Downloads")));
    return QTest::qWaitFor([this] { return m_window->currentConversation() == lobby(); });
}

QString tst_FileSendControl::writeFile(const QString& name, qint64 size)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QByteArray(size, 'f'));
    return file.fileName();
}

QString tst_FileSendControl::lastOwnFileLink() const
{
    ConversationModel* conversation = lobby();
    for (int row = conversation->rowCount() - 1; row >= 0; --row) {
        const QModelIndex index = conversation->index(row);
        if (index.data(ConversationModel::IsOwnRole).toBool() &&
            index.data(ConversationModel::TextRole).toString().contains(QLatin1String("/files/")))
            return index.data(ConversationModel::TextRole).toString();
    }
    return {};
}

void tst_FileSendControl::sendFileThroughTheDialog()
{
    QVERIFY(openWindow(QStringLiteral("alice")));
    const QString path = writeFile(QStringLiteral("minutes.txt"), 4000);
    auto* button = m_window->findChild<QToolButton*>(QStringLiteral("sendFileButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QFileDialog* dialog = m_window->fileSending()->fileDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFiles);
    dialog->selectFile(path);
    QMetaObject::invokeMethod(dialog, "accept"); // as the Open button does

    QTRY_VERIFY_WITH_TIMEOUT(!lastOwnFileLink().isEmpty(), 20000);
    QVERIFY(lastOwnFileLink().endsWith(QLatin1String("/minutes.txt")));
    // Shown as a card, not as a link.
    ConversationView* view = m_window->viewFor(QStringLiteral("#lobby"));
    const QModelIndex last = view->indexOfRow(lobby()->rowCount() - 1);
    QVERIFY(!view->messageDelegate()->fileRect(view->visualRect(last), last).isEmpty());
    const FileLink link = *m_controller->filePreviews()->linkIn(lastOwnFileLink());
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->filePreviews()->preview(link).size, qint64(4000),
                              20000);
}

void tst_FileSendControl::droppedFilesAreSent()
{
    QVERIFY(openWindow(QStringLiteral("alice")));
    const QString path = writeFile(QStringLiteral("dropped.bin"), 3000);
    QSignalSpy finished(m_controller->fileSharing(), &FileSharing::uploadFinished);
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(path)});
    QWidget* view = m_window->viewFor(QStringLiteral("#lobby"))->viewport();
    // A drop on the conversation goes to the first widget up from it that takes drops.
    QVERIFY(!view->acceptDrops() && m_window->acceptDrops());
    const QPoint middle = view->rect().center();
    QDragEnterEvent enter(middle, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(middle), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.first().first().toString(), QStringLiteral("#lobby"));
    QTRY_VERIFY(lastOwnFileLink().endsWith(QLatin1String("/dropped.bin")));
}

void tst_FileSendControl::pastedPictureIsSentAndShown()
{
    QVERIFY(openWindow(QStringLiteral("alice")));
    QImage picture(60, 40, QImage::Format_RGB32);
    picture.fill(QColor(200, 30, 30));
    QApplication::clipboard()->setImage(picture);
    auto* input = m_window->findChild<ChatInput*>(QStringLiteral("messageInput"));
    input->setFocus();
    QTest::keyClick(input, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!lastOwnFileLink().isEmpty(), 20000);
    QVERIFY2(lastOwnFileLink().contains(QLatin1String("/image-")) &&
                 lastOwnFileLink().endsWith(QLatin1String(".png")),
             qPrintable(lastOwnFileLink()));
    const FileLink link = *m_controller->filePreviews()->linkIn(lastOwnFileLink());
    QVERIFY(link.isImage());
    m_controller->filePreviews()->preview(link);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->filePreviews()->preview(link).state,
                              FilePreviews::State::Ready, 20000);
    QCOMPARE(m_controller->filePreviews()->preview(link).thumbnail.size(), QSize(60, 40));
    QCOMPARE(m_controller->filePreviews()->preview(link).thumbnail.pixelColor(30, 20),
             QColor(200, 30, 30));
}

void tst_FileSendControl::uploadBarShowsProgressAndCancels()
{
    QVERIFY(openWindow(QStringLiteral("alice")));
    auto* panel = m_window->findChild<UploadProgressPanel*>(QStringLiteral("uploadPanel"));
    QVERIFY(panel);
    QVERIFY(!panel->isVisible());
    QSignalSpy failed(m_controller->fileSharing(), &FileSharing::uploadFailed);
    m_window->fileSending()->sendFiles({writeFile(QStringLiteral("large.bin"), 200 * 1024)});
    QCOMPARE(m_controller->fileSharing()->uploads().size(), 1);
    FileHostUpload* upload = m_controller->fileSharing()->uploads().first();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->rowCount(), 1);
    auto* cancel = panel->rowOf(upload)->findChild<QToolButton*>(QStringLiteral("uploadCancel"));
    QVERIFY(cancel);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(failed.size(), 1);
    QTRY_VERIFY(!panel->isVisible());
    // The conversation says what happened.
    const QModelIndex last = lobby()->index(lobby()->rowCount() - 1);
    QCOMPARE(last.data(ConversationModel::TextRole).toString(),
             QStringLiteral("The upload of “large.bin” was cancelled."));
}

void tst_FileSendControl::guestIsToldWhy()
{
    QVERIFY(openWindow(QString(), QStringLiteral("visitor")));
    m_window->fileSending()->sendFileAction()->trigger();
    QVERIFY(!m_window->fileSending()->fileDialog()); // no dialog for nothing
    const QModelIndex last = lobby()->index(lobby()->rowCount() - 1);
    QCOMPARE(last.data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
             ConversationModel::Kind::Error);
    QCOMPARE(last.data(ConversationModel::TextRole).toString(),
             QStringLiteral("Guests cannot send files: sign in with an account to send them."));
}

QTEST_MAIN(tst_FileSendControl)
#include "tst_filesendcontrol.moc"

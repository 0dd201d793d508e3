// Files in the conversation (FileCardPainter through ConversationView): a message that is only a
// link to a file of the server connected to shows a picture's thumbnail (a click opens it) or a
// card with the name, the size and a Download button (a click saves it, then opens it); other
// messages and other servers' links stay text. Files come from a real HTTPS host on 127.0.0.1.
#include "files/filepreviews.h"
#include "models/conversationmodel.h"
#include "previewfixture.h"
#include "widgets/conversationview.h"
#include "widgets/filecardpainter.h"
#include "widgets/messagedelegate.h"

#include <QBuffer>
#include <QDesktopServices>
#include <QImage>
#include <QStandardPaths>
#include <QTest>

class tst_FileCardPainter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void pictureIsShownAndOpensOnClick();
    void fileCardDownloadsThenOpens();
    void otherMessagesStayText();
    void statusText_data();
    void statusText();

public slots:
    // QDesktopServices hands file: URLs here during the tests (setUrlHandler).
    void openUrl(const QUrl& url) { m_opened << url; }

private:
    QModelIndex addMessage(const QString& text);
    QString fileUrl(const QString& name) const { return m_f.fileUrl(name); }

    PreviewFixture m_f;
    QList<QUrl> m_opened;
    FakeFileHost* m_host = nullptr;
    FilePreviews* m_previews = nullptr;
    ConversationModel* m_model = nullptr;
    ConversationView* m_view = nullptr;
};

void tst_FileCardPainter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filecardpainter"));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
}

void tst_FileCardPainter::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
}

void tst_FileCardPainter::init()
{
    m_opened.clear();
    QVERIFY(m_f.start());
    m_host = m_f.host();
    m_previews = m_f.makePreviews();
    m_model = new ConversationModel(QStringLiteral("#lobby"), true, this);
    m_view = new ConversationView;
    m_view->setModel(m_model);
    m_view->setFilePreviews(m_previews);
    m_view->resize(600, 500);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void tst_FileCardPainter::cleanup()
{
    delete m_view;
    delete m_model;
    m_f.stop();
}

QModelIndex tst_FileCardPainter::addMessage(const QString& text)
{
    ChatMessage message;
    message.time = QDateTime::currentDateTimeUtc();
    message.sender = QStringLiteral("bob");
    message.target = QStringLiteral("#lobby");
    message.text = text;
    m_model->appendMessage(message);
    return m_view->indexOfRow(m_model->rowCount() - 1);
}

void tst_FileCardPainter::pictureIsShownAndOpensOnClick()
{
    QImage picture(800, 400, QImage::Format_RGB32);
    picture.fill(QColor(0, 160, 0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    picture.save(&buffer, "PNG");
    m_host->addFile("/files/abcdefghijklmnopqrstuv/garden.png", "image/png", bytes);

    const QModelIndex index = addMessage(fileUrl(QStringLiteral("garden.png")));
    const QRect row = m_view->visualRect(index);
    const QRect file = m_view->messageDelegate()->fileRect(row, index);
    QCOMPARE(file.size(), QSize(320, 200)); // the same height before and after it arrives
    QVERIFY(row.height() > 200);

    const FileLink link = *m_previews->linkIn(fileUrl(QStringLiteral("garden.png")));
    QTRY_COMPARE(m_previews->preview(link).state, FilePreviews::State::Ready);
    QCOMPARE(m_view->visualRect(index), row);
    const QImage shown = m_view->viewport()->grab().toImage();
    const QPoint inside = file.topLeft() + QPoint(100, 80); // 320 × 160 drawn
    QCOMPARE(shown.pixelColor(inside * shown.devicePixelRatio()), QColor(0, 160, 0));

    // Its address is the link under the picture (tooltip, "Copy link address").
    QCOMPARE(m_view->messageDelegate()->anchorAt(row, index, inside),
             fileUrl(QStringLiteral("garden.png")));
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, inside);
    QCOMPARE(m_opened.size(), 1);
    QVERIFY(m_opened.first().isLocalFile());
    QFile opened(m_opened.first().toLocalFile());
    QVERIFY(opened.open(QIODevice::ReadOnly));
    QVERIFY(opened.readAll() == bytes); // the picture itself, not the thumbnail
}

void tst_FileCardPainter::fileCardDownloadsThenOpens()
{
    const QByteArray bytes(50000, 'd');
    m_host->addFile("/files/abcdefghijklmnopqrstuv/plan.pdf", "application/pdf", bytes);
    const QModelIndex index = addMessage(fileUrl(QStringLiteral("plan.pdf")));
    const FileLink link = *m_previews->linkIn(fileUrl(QStringLiteral("plan.pdf")));
    const QRect row = m_view->visualRect(index);
    const QRect card = m_view->messageDelegate()->fileRect(row, index);
    QVERIFY(!card.isEmpty());
    QVERIFY(card.height() < 100);
    QTRY_COMPARE(m_previews->preview(link).size, qint64(bytes.size()));

    FileCardPainter painter(m_view->font());
    const QRect button = painter.buttonRect(card);
    QCOMPARE(m_view->messageDelegate()->fileHitAt(row, index, button.center()),
             FileCardPainter::Hit::Button);
    QCOMPARE(m_view->messageDelegate()->fileHitAt(row, index, card.topLeft() + QPoint(4, 4)),
             FileCardPainter::Hit::None);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, button.center());
    QTRY_VERIFY(!m_previews->preview(link).savedPath.isEmpty());
    QTRY_VERIFY(!m_previews->preview(link).downloading);
    const QString saved = m_previews->preview(link).savedPath;
    QCOMPARE(saved, m_f.path(QStringLiteral("Downloads/plan.pdf")));
    QCOMPARE(QFileInfo(saved).size(), qint64(bytes.size()));
    QVERIFY(m_opened.isEmpty()); // downloading does not open it

    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, button.center()); // now "Open"
    QCOMPARE(m_opened, QList<QUrl>{QUrl::fromLocalFile(saved)});
}

void tst_FileCardPainter::otherMessagesStayText()
{
    const QStringList texts{
        QStringLiteral("hello"),
        QStringLiteral("see ") + fileUrl(QStringLiteral("a.png")), // text around it
        QStringLiteral("https://elsewhere.example/files/abcdefghijklmnopqrstuv/a.png"),
    };
    for (const QString& text : texts) {
        const QModelIndex index = addMessage(text);
        QVERIFY2(m_view->messageDelegate()->fileRect(m_view->visualRect(index), index).isEmpty(),
                 qPrintable(text));
    }
    // A notice or an action with the link stays a link too.
    ChatMessage action;
    action.time = QDateTime::currentDateTimeUtc();
    action.sender = QStringLiteral("bob");
    action.target = QStringLiteral("#lobby");
    action.text = fileUrl(QStringLiteral("a.png"));
    action.isAction = true;
    m_model->appendMessage(action);
    const QModelIndex last = m_view->indexOfRow(m_model->rowCount() - 1);
    QVERIFY(m_view->messageDelegate()->fileRect(m_view->visualRect(last), last).isEmpty());
    // Without previews (no server), the link is a link.
    const QModelIndex file = addMessage(fileUrl(QStringLiteral("b.png")));
    QVERIFY(!m_view->messageDelegate()->fileRect(m_view->visualRect(file), file).isEmpty());
    m_view->setFilePreviews(nullptr);
    QVERIFY(m_view->messageDelegate()->fileRect(m_view->visualRect(file), file).isEmpty());
    QVERIFY(m_host->requests().size() <= 1); // only b.png was asked for
}

void tst_FileCardPainter::statusText_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("downloading");
    QTest::addColumn<QString>("saved");
    QTest::addColumn<QString>("expected");
    const QString kb = QLocale().formattedDataSize(2048);
    QTest::newRow("size unknown") << int(FilePreviews::State::Loading) << qint64(-1) << false << ""
                                  << "Size unknown";
    QTest::newRow("size") << int(FilePreviews::State::Ready) << qint64(2048) << false << "" << kb;
    QTest::newRow("downloading") << int(FilePreviews::State::Ready) << qint64(2048) << true << ""
                                 << "Downloading… " + QLocale().formattedDataSize(1024) + " of " +
                                        kb;
    QTest::newRow("saved") << int(FilePreviews::State::Ready) << qint64(2048) << false
                           << "/home/me/Downloads/a (2).pdf" << kb + " — saved as a (2).pdf";
    QTest::newRow("gone") << int(FilePreviews::State::Failed) << qint64(-1) << false << ""
                          << "gone";
}

void tst_FileCardPainter::statusText()
{
    QFETCH(int, state);
    QFETCH(qint64, size);
    QFETCH(bool, downloading);
    QFETCH(QString, saved);
    QFETCH(QString, expected);
    FilePreviews::Preview preview;
    preview.state = FilePreviews::State(state);
    preview.size = size;
    preview.downloading = downloading;
    preview.received = 1024;
    preview.total = size;
    preview.savedPath = saved;
    preview.error = QStringLiteral("gone");
    QCOMPARE(FileCardPainter::statusText(preview), expected);
}

QTEST_MAIN(tst_FileCardPainter)
#include "tst_filecardpainter.moc"

#include "files/filepreviews.h"
#include "previewfixture.h"
#include "session/serverconnection.h"

#include <QBuffer>
#include <QImage>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

// Pictures fetched once and shown small, file sizes asked with HEAD, files saved to Downloads:
// from a real HTTPS host on 127.0.0.1 whose certificate is the one pinned for the chat server.
class tst_FilePreviews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pictureIsFetchedOnceAndShownSmall();
    void thumbnailsInMemoryAreBounded();
    void fileSizeComesFromHead();
    void missingFileSaysSo();
    void failuresAreRetriedAfterConnecting();
    void downloadGoesToDownloadsUnderAFreeName();
    void otherCertificateIsRefused();
    void linksOnlyOfTheServerConnectedTo();

private:
    static QByteArray png(const QSize& size, const QColor& color);
    FileLink link(const QString& name) const;
    FilePreviews* makePreviews() { return m_f.makePreviews(); }

    PreviewFixture m_f;
    FakeFileHost* m_host = nullptr;
};

void tst_FilePreviews::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_filepreviews"));
}

void tst_FilePreviews::init()
{
    QVERIFY(m_f.start());
    m_host = m_f.host();
}

void tst_FilePreviews::cleanup()
{
    m_f.stop();
}

QByteArray tst_FilePreviews::png(const QSize& size, const QColor& color)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

FileLink tst_FilePreviews::link(const QString& name) const
{
    const std::optional<FileLink> parsed =
        FileLink::parse(m_f.fileUrl(name), QStringLiteral("127.0.0.1"));
    if (!parsed)
        qFatal("not a file link");
    return *parsed;
}

void tst_FilePreviews::pictureIsFetchedOnceAndShownSmall()
{
    m_host->addFile("/files/abcdefghijklmnopqrstuv/cat.png", "image/png",
                    png(QSize(1000, 500), Qt::red));
    FilePreviews* previews = makePreviews();
    QSignalSpy changed(previews, &FilePreviews::changed);
    const FileLink cat = link(QStringLiteral("cat.png"));
    QCOMPARE(previews->preview(cat).state, FilePreviews::State::Loading);
    QTRY_COMPARE(previews->preview(cat).state, FilePreviews::State::Ready);
    QCOMPARE(changed.first().first().toUrl(), cat.url());
    const QImage thumbnail = previews->preview(cat).thumbnail;
    QCOMPARE(thumbnail.size(), QSize(320, 160)); // within 320 × 200, the same shape
    QCOMPARE(thumbnail.pixelColor(160, 80), QColor(Qt::red));
    QCOMPARE(m_host->requests().size(), 1);
    QCOMPARE(m_host->requests().first().method, QByteArray("GET"));

    // Another run: read from the cache, not fetched again.
    FilePreviews* again = makePreviews();
    QCOMPARE(again->preview(cat).state, FilePreviews::State::Loading);
    QTRY_COMPARE(again->preview(cat).state, FilePreviews::State::Ready);
    QCOMPARE(again->preview(cat).thumbnail.size(), QSize(320, 160));
    QCOMPARE(m_host->requests().size(), 1);
}

void tst_FilePreviews::thumbnailsInMemoryAreBounded()
{
    const QByteArray picture = png(QSize(8, 8), Qt::blue);
    FilePreviews* previews = makePreviews();
    previews->setMaxThumbnails(3);
    QList<FileLink> links;
    for (int i = 0; i < 4; ++i) {
        const QString name = QStringLiteral("p%1.png").arg(i);
        m_host->addFile("/files/abcdefghijklmnopqrstuv/" + name.toUtf8(), "image/png", picture);
        links.append(link(name));
        previews->preview(links.last());
        QTRY_COMPARE(previews->preview(links.last()).state, FilePreviews::State::Ready);
    }
    for (int i = 1; i < 4; ++i)
        QCOMPARE(previews->preview(links.at(i)).state, FilePreviews::State::Ready);
    const qsizetype fetched = m_host->requests().size();
    QCOMPARE(fetched, qsizetype(links.size()));
    // The first loaded went out of memory: read again from the cache folder, not fetched.
    QCOMPARE(previews->preview(links.first()).state, FilePreviews::State::Loading);
    QTRY_COMPARE(previews->preview(links.first()).state, FilePreviews::State::Ready);
    QCOMPARE(m_host->requests().size(), fetched);
}

void tst_FilePreviews::fileSizeComesFromHead()
{
    m_host->addFile("/files/abcdefghijklmnopqrstuv/report.pdf", "application/pdf",
                    QByteArray(12345, 'p'));
    FilePreviews* previews = makePreviews();
    const FileLink report = link(QStringLiteral("report.pdf"));
    QCOMPARE(previews->preview(report).size, -1);
    QTRY_COMPARE(previews->preview(report).state, FilePreviews::State::Ready);
    QCOMPARE(previews->preview(report).size, 12345);
    QCOMPARE(m_host->requests().size(), 1);
    QCOMPARE(m_host->requests().first().method, QByteArray("HEAD"));
}

void tst_FilePreviews::missingFileSaysSo()
{
    FilePreviews* previews = makePreviews();
    const FileLink gone = link(QStringLiteral("gone.zip"));
    previews->preview(gone);
    QTRY_COMPARE(previews->preview(gone).state, FilePreviews::State::Failed);
    QCOMPARE(previews->preview(gone).error,
             QStringLiteral("This file is no longer on the server."));
    const FileLink gonePicture = link(QStringLiteral("gone.png"));
    previews->preview(gonePicture);
    QTRY_COMPARE(previews->preview(gonePicture).state, FilePreviews::State::Failed);
    QCOMPARE(previews->preview(gonePicture).error,
             QStringLiteral("This file is no longer on the server."));
}

void tst_FilePreviews::failuresAreRetriedAfterConnecting()
{
    FilePreviews* previews = makePreviews();
    const FileLink later = link(QStringLiteral("later.zip"));
    previews->preview(later);
    QTRY_COMPARE(previews->preview(later).state, FilePreviews::State::Failed);
    m_host->addFile("/files/abcdefghijklmnopqrstuv/later.zip", "application/zip", "12345");
    QCOMPARE(previews->preview(later).state, FilePreviews::State::Failed); // not asked again
    QSignalSpy changed(previews, &FilePreviews::changed);
    emit m_f.connection()->welcomeEnded(); // (re)connected
    QCOMPARE(changed.size(), 1);
    QCOMPARE(previews->preview(later).state, FilePreviews::State::Loading);
    QTRY_COMPARE(previews->preview(later).state, FilePreviews::State::Ready);
    QCOMPARE(previews->preview(later).size, 5);
}

void tst_FilePreviews::downloadGoesToDownloadsUnderAFreeName()
{
    const QByteArray bytes(700 * 1024, 'z');
    m_host->addFile("/files/abcdefghijklmnopqrstuv/my%20notes.txt", "text/plain", bytes);
    FilePreviews* previews = makePreviews();
    const FileLink notes = link(QStringLiteral("my%20notes.txt"));
    QCOMPARE(notes.name(), QStringLiteral("my notes.txt"));
    previews->download(notes);
    QVERIFY(previews->preview(notes).downloading);
    QTRY_VERIFY(!previews->preview(notes).downloading);
    const QString first = previews->preview(notes).savedPath;
    QCOMPARE(first, m_f.path(QStringLiteral("Downloads/my notes.txt")));
    QFile saved(first);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QVERIFY(saved.readAll() == bytes);
    QCOMPARE(previews->preview(notes).received, qint64(bytes.size()));

    previews->download(notes); // again: beside the first, not over it
    QTRY_VERIFY(!previews->preview(notes).downloading);
    QCOMPARE(previews->preview(notes).savedPath,
             m_f.path(QStringLiteral("Downloads/my notes (2).txt")));
    QVERIFY(QFile::exists(first));
}

void tst_FilePreviews::otherCertificateIsRefused()
{
    m_f.pinOther();
    m_host->addFile("/files/abcdefghijklmnopqrstuv/a.pdf", "application/pdf", "x");
    FilePreviews* previews = makePreviews();
    const FileLink file = link(QStringLiteral("a.pdf"));
    previews->preview(file);
    QTRY_COMPARE(previews->preview(file).state, FilePreviews::State::Failed);
    previews->download(file);
    QTRY_VERIFY(!previews->preview(file).downloading);
    QCOMPARE(previews->preview(file).downloadError,
             QStringLiteral("The file server's certificate is not the chat server's."));
    QVERIFY(m_host->requests().isEmpty());
    QVERIFY(!QFile::exists(m_f.path(QStringLiteral("Downloads/a.pdf"))));
}

void tst_FilePreviews::linksOnlyOfTheServerConnectedTo()
{
    FilePreviews* previews = makePreviews();
    const QString url = m_f.fileUrl(QStringLiteral("a.png"));
    QVERIFY(previews->linkIn(url));
    m_f.connection()->setHost(QStringLiteral("chat.example"));
    QVERIFY(!previews->linkIn(url));
}

QTEST_MAIN(tst_FilePreviews)
#include "tst_filepreviews.moc"

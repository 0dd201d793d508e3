// The picture cache's disk work: thumbnails decoded to a bound, the folder kept within a size
// by dropping the least recently used pictures.
#include "files/picturecache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

class tst_PictureCache : public QObject
{
    Q_OBJECT

private slots:
    void thumbnailsFitTheBoundAndAreNeverEnlarged();
    void notAPictureSaysWhy();
    void pruneDropsTheLeastRecentlyUsedFirst();
    void pruneLeavesASmallCacheAlone();

private:
    // A folder per picture, as FilePreviews keeps them: <dir>/<id>/<name>, bytes long, last used
    // ageSecs ago.
    static QString addEntry(const QString& dir, const QString& id, int bytes, int ageSecs);
};

QString tst_PictureCache::addEntry(const QString& dir, const QString& id, int bytes, int ageSecs)
{
    QDir(dir).mkpath(id);
    const QString path = QDir(dir).filePath(id + QStringLiteral("/picture.png"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QByteArray(bytes, 'p'));
    file.flush(); // before the time is set: a later write would set it again
    file.setFileTime(QDateTime::currentDateTime().addSecs(-ageSecs),
                     QFileDevice::FileModificationTime);
    return path;
}

void tst_PictureCache::thumbnailsFitTheBoundAndAreNeverEnlarged()
{
    QTemporaryDir dir;
    const QString wide = dir.filePath(QStringLiteral("wide.png"));
    QImage image(1600, 400, QImage::Format_RGB32);
    image.fill(Qt::red);
    QVERIFY(image.save(wide));
    QString error;
    const QImage thumbnail = PictureCache::readThumbnail(wide, QSize(320, 200), &error);
    QCOMPARE(thumbnail.size(), QSize(320, 80));
    const QString small = dir.filePath(QStringLiteral("small.png"));
    QVERIFY(QImage(40, 30, QImage::Format_RGB32).save(small));
    QCOMPARE(PictureCache::readThumbnail(small, QSize(320, 200), &error).size(), QSize(40, 30));
}

void tst_PictureCache::notAPictureSaysWhy()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("fake.png"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a picture at all");
    file.close();
    QString error;
    QVERIFY(PictureCache::readThumbnail(path, QSize(320, 200), &error).isNull());
    QVERIFY(!error.isEmpty());
}

void tst_PictureCache::pruneDropsTheLeastRecentlyUsedFirst()
{
    QTemporaryDir dir;
    addEntry(dir.path(), QStringLiteral("oldest"), 4000, 300);
    addEntry(dir.path(), QStringLiteral("old"), 4000, 200);
    const QString shownAgain = addEntry(dir.path(), QStringLiteral("shown-again"), 4000, 400);
    addEntry(dir.path(), QStringLiteral("new"), 4000, 10);
    PictureCache::touch(shownAgain); // the oldest download, but just shown: kept
    QCOMPARE(PictureCache::prune(dir.path(), 9000), 2);
    QStringList left = QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    left.sort();
    QCOMPARE(left, QStringList({QStringLiteral("new"), QStringLiteral("shown-again")}));
}

void tst_PictureCache::pruneLeavesASmallCacheAlone()
{
    QTemporaryDir dir;
    addEntry(dir.path(), QStringLiteral("a"), 1000, 100);
    addEntry(dir.path(), QStringLiteral("b"), 1000, 50);
    QCOMPARE(PictureCache::prune(dir.path(), PictureCache::MaxBytes), 0);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 2);
    QCOMPARE(PictureCache::prune(dir.filePath(QStringLiteral("missing")), 0), 0);
}

QTEST_GUILESS_MAIN(tst_PictureCache)
#include "tst_picturecache.moc"

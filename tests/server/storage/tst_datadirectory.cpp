// DataDirectory: one server per data directory, with a clear error naming the other one.
#include "storage/datadirectory.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

class tst_DataDirectory : public QObject
{
    Q_OBJECT

private slots:
    void createsPrivateDirectory();
    void secondLockFails();
    void lockReleasedWithObject();
};

void tst_DataDirectory::createsPrivateDirectory()
{
    QTemporaryDir parent;
    DataDirectory directory(parent.filePath(QStringLiteral("a/b/data")));
    QVERIFY2(directory.lock(), qPrintable(directory.errorString()));
    const QFileInfo info(directory.path());
    QVERIFY(info.isDir());
    QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteOther),
             QFile::Permissions());
    QVERIFY(QFileInfo::exists(directory.filePath(QStringLiteral("confabd.lock"))));
}

void tst_DataDirectory::secondLockFails()
{
    QTemporaryDir parent;
    DataDirectory first(parent.path());
    QVERIFY(first.lock());
    DataDirectory second(parent.path());
    QVERIFY(!second.lock());
    // The message names the process that has it (this one).
    QVERIFY2(second.errorString().contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(second.errorString()));
    QVERIFY(second.errorString().contains(QStringLiteral("--data-dir")));
    QVERIFY(second.create()); // tools use it without the lock
}

void tst_DataDirectory::lockReleasedWithObject()
{
    QTemporaryDir parent;
    {
        DataDirectory first(parent.path());
        QVERIFY(first.lock());
    }
    DataDirectory again(parent.path());
    QVERIFY2(again.lock(), qPrintable(again.errorString()));
}

QTEST_GUILESS_MAIN(tst_DataDirectory)
#include "tst_datadirectory.moc"

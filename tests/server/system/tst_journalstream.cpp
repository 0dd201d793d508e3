// JournalStream: a descriptor is the journal's exactly when $JOURNAL_STREAM names its device and
// inode.
#include "system/journalstream.h"

#include <QTemporaryFile>
#include <QTest>

#include <sys/stat.h>

class tst_JournalStream : public QObject
{
    Q_OBJECT

private slots:
    void isJournal_data();
    void isJournal();
    void patternHasPriorities();
};

void tst_JournalStream::isJournal_data()
{
    QTest::addColumn<QString>("form");
    QTest::addColumn<bool>("expected");
    // DEV and INO stand for the temporary file's device and inode, OTHER for another number.
    QTest::newRow("device and inode of the file") << QStringLiteral("DEV:INO") << true;
    QTest::newRow("another inode") << QStringLiteral("DEV:OTHER") << false;
    QTest::newRow("another device") << QStringLiteral("OTHER:INO") << false;
    QTest::newRow("unset") << QString() << false;
    QTest::newRow("no colon") << QStringLiteral("DEVINO") << false;
    QTest::newRow("three fields") << QStringLiteral("DEV:INO:INO") << false;
    QTest::newRow("not numbers") << QStringLiteral("dev:INO") << false;
    QTest::newRow("negative") << QStringLiteral("-DEV:INO") << false;
}

void tst_JournalStream::isJournal()
{
    QFETCH(QString, form);
    QFETCH(bool, expected);
    QTemporaryFile file;
    QVERIFY(file.open());
    struct stat status = {};
    QCOMPARE(::fstat(file.handle(), &status), 0);
    QString text = form;
    text.replace(QLatin1String("DEV"), QString::number(qulonglong(status.st_dev)))
        .replace(QLatin1String("INO"), QString::number(qulonglong(status.st_ino)))
        .replace(QLatin1String("OTHER"), QString::number(qulonglong(status.st_ino) + 1));
    QCOMPARE(JournalStream::isJournal(file.handle(), text.toLatin1()), expected);
}

void tst_JournalStream::patternHasPriorities()
{
    const QString pattern = JournalStream::messagePattern();
    for (const char* prefix : {"<7>", "<6>", "<4>", "<3>", "<2>"})
        QVERIFY2(pattern.contains(QLatin1String(prefix)), prefix);
    QVERIFY(!pattern.contains(QLatin1String("%{time")));
}

QTEST_GUILESS_MAIN(tst_JournalStream)
#include "tst_journalstream.moc"

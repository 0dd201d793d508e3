// HistoryService: what it was given is on disk once it is gone, even when the history thread is
// still busy with an earlier batch at that moment (a server stopped right after heavy traffic).
#include "history/historyservice.h"

#include "config/serverconfig.h"
#include "history/sqlitehistorystore.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

class tst_HistoryService : public QObject
{
    Q_OBJECT

private slots:
    void destructionWritesEverythingQueued();
};

namespace {

HistoryRecord channelMessage(int i)
{
    HistoryRecord record;
    record.target = QStringLiteral("#room");
    record.timeMs = 1'700'000'000'000 + i;
    record.msgid = QStringLiteral("tstmsgid%1").arg(i);
    record.line = "PRIVMSG #room :message " + QByteArray::number(i);
    return record;
}

} // namespace

void tst_HistoryService::destructionWritesEverythingQueued()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ServerConfig config;
    config.dataDir = dir.path();
    constexpr int First = 100000; // one big transaction: the history thread is busy for a while
    constexpr int Second = 1000;
    {
        HistoryService service(config);
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        for (int i = 0; i < First; ++i)
            service.record(channelMessage(i));
        QCoreApplication::processEvents(); // the loop pass ends: the batch goes to the thread
        QThread::msleep(50);               // which is now writing it
        for (int i = First; i < First + Second; ++i)
            service.record(channelMessage(i));
        QCOMPARE(service.droppedCount(), 0);
    } // gone while the first batch is still being written, the second one not yet started
    SqliteHistoryStore store(QStringLiteral("tst-historyservice-check"));
    QVERIFY2(store.open(dir.filePath(Database::fileName())), qPrintable(store.errorString()));
    QCOMPARE(store.count(), qint64(First + Second));
}

QTEST_GUILESS_MAIN(tst_HistoryService)
#include "tst_historyservice.moc"

#include "history/historybatch.h"

#include <QTest>

#include <vector>

class tst_HistoryBatch : public QObject
{
    Q_OBJECT

private slots:
    void namesReadThroughPins();
    void namesHeldByRecordsThemselves();
    void oneCopyPerString();
    void sameTextElsewherePinnedApart();
    void pinKeepsTheTextAfterItsString();
    void clearLetsTheStringsGoAndKeepsTheRoom();
    void manyStringsSharingHintSlots();
};

namespace {

// The same text in a string of its own: another address.
QString copyOf(const QString& text)
{
    return QString(text.constData(), text.size());
}

HistoryRecord recordAt(qint64 timeMs)
{
    HistoryRecord record;
    record.timeMs = timeMs;
    return record;
}

} // namespace

void tst_HistoryBatch::namesReadThroughPins()
{
    HistoryBatch batch;
    const QString alice = copyOf(QStringLiteral("alice"));
    const QString bob = copyOf(QStringLiteral("bob"));
    const QString account = copyOf(QStringLiteral("Alice"));
    batch.add(recordAt(1), alice, bob, account);
    batch.add(recordAt(2), QString(), copyOf(QStringLiteral("#room")), QString());
    QCOMPARE(batch.size(), size_t(2));

    const HistoryRecord& first = batch.records().at(0);
    QCOMPARE(first.timeMs, 1);
    // The names are the batch's, not copies in the record.
    QVERIFY(first.owner.isNull());
    QVERIFY(first.target.isNull());
    QVERIFY(first.account.isNull());
    QVERIFY(first.ownerPin >= 0);
    QCOMPARE(batch.owner(first), alice);
    QCOMPARE(batch.target(first), bob);
    QCOMPARE(batch.account(first), account);
    // Shared with the caller's strings, not copied.
    QCOMPARE(batch.owner(first).constData(), alice.constData());

    // No owner and no account: nothing pinned, empty names.
    const HistoryRecord& second = batch.records().at(1);
    QCOMPARE(second.ownerPin, -1);
    QCOMPARE(second.accountPin, -1);
    QVERIFY(batch.owner(second).isEmpty());
    QVERIFY(batch.account(second).isEmpty());
    QCOMPARE(batch.target(second), QStringLiteral("#room"));
}

void tst_HistoryBatch::namesHeldByRecordsThemselves()
{
    HistoryRecord record;
    record.owner = QStringLiteral("alice");
    record.target = QStringLiteral("bob");
    record.account = QStringLiteral("Alice");
    const HistoryBatch batch(std::vector<HistoryRecord>{record});
    QCOMPARE(batch.pinCount(), size_t(0));
    QCOMPARE(batch.owner(batch.records().front()), QStringLiteral("alice"));
    QCOMPARE(batch.target(batch.records().front()), QStringLiteral("bob"));
    QCOMPARE(batch.account(batch.records().front()), QStringLiteral("Alice"));
}

void tst_HistoryBatch::oneCopyPerString()
{
    HistoryBatch batch;
    const QString alice = copyOf(QStringLiteral("alice"));
    const QString bob = copyOf(QStringLiteral("bob"));
    for (int i = 0; i < 1000; ++i) {
        if (i % 2)
            batch.add(recordAt(i), alice, bob, alice);
        else
            batch.add(recordAt(i), bob, alice, bob);
    }
    QCOMPARE(batch.size(), size_t(1000));
    QCOMPARE(batch.pinCount(), size_t(2));
    for (size_t i = 0; i < batch.size(); ++i) {
        const HistoryRecord& record = batch.records()[i];
        QCOMPARE(batch.owner(record), i % 2 ? alice : bob);
        QCOMPARE(batch.target(record), i % 2 ? bob : alice);
        QCOMPARE(batch.account(record), i % 2 ? alice : bob);
    }
}

void tst_HistoryBatch::sameTextElsewherePinnedApart()
{
    HistoryBatch batch;
    const QString alice = copyOf(QStringLiteral("alice"));
    const QString again = copyOf(alice);
    // A string over the first characters of alice's: same address, another length.
    const QString prefix = QString::fromRawData(alice.constData(), 3);
    batch.add(recordAt(1), alice, again, prefix);
    QCOMPARE(batch.pinCount(), size_t(3));
    const HistoryRecord& record = batch.records().front();
    QCOMPARE(batch.owner(record).constData(), alice.constData());
    QCOMPARE(batch.target(record).constData(), again.constData());
    QCOMPARE(batch.account(record), QStringLiteral("ali"));
}

void tst_HistoryBatch::pinKeepsTheTextAfterItsString()
{
    HistoryBatch batch;
    {
        const QString gone = copyOf(QStringLiteral("someone who left"));
        batch.add(recordAt(1), gone, gone, gone);
    }
    // Strings made since may take freed memory; the pinned text was not freed.
    std::vector<QString> others;
    for (int i = 0; i < 100; ++i)
        others.push_back(copyOf(QStringLiteral("another one %1").arg(i)));
    const HistoryRecord& record = batch.records().front();
    QCOMPARE(batch.owner(record), QStringLiteral("someone who left"));
    QCOMPARE(batch.account(record), QStringLiteral("someone who left"));
}

void tst_HistoryBatch::clearLetsTheStringsGoAndKeepsTheRoom()
{
    HistoryBatch batch;
    QString alice = copyOf(QStringLiteral("alice"));
    for (int i = 0; i < 100; ++i)
        batch.add(recordAt(i), alice, alice, QString());
    QVERIFY(!alice.isDetached()); // the batch holds it
    const size_t capacity = batch.capacity();
    batch.clear();
    QVERIFY(batch.empty());
    QCOMPARE(batch.pinCount(), size_t(0));
    QCOMPARE(batch.capacity(), capacity);
    QVERIFY(alice.isDetached()); // let go

    // Filled again: the hints of the last filling name no pin now.
    const QString bob = copyOf(QStringLiteral("bob"));
    batch.add(recordAt(1), bob, alice, QString());
    batch.add(recordAt(2), alice, bob, QString());
    QCOMPARE(batch.pinCount(), size_t(2));
    QCOMPARE(batch.owner(batch.records().at(0)), bob);
    QCOMPARE(batch.target(batch.records().at(0)), alice);
    QCOMPARE(batch.owner(batch.records().at(1)), alice);
    QCOMPARE(batch.target(batch.records().at(1)), bob);
}

void tst_HistoryBatch::manyStringsSharingHintSlots()
{
    // More strings than hint slots: some share a slot and are pinned again when they take
    // turns, and every record still reads its own names.
    const int count = int(HistoryBatch::PinHints) * 2;
    std::vector<QString> names;
    for (int i = 0; i < count; ++i)
        names.push_back(QStringLiteral("user%1").arg(i));
    HistoryBatch batch;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < count; ++i)
            batch.add(recordAt(i), names[size_t(i)], names[size_t((i + 1) % count)],
                      names[size_t(i)]);
    }
    QVERIFY(batch.pinCount() >= size_t(count));
    QVERIFY(batch.pinCount() < size_t(3 * 3 * count));
    for (size_t i = 0; i < batch.size(); ++i) {
        const HistoryRecord& record = batch.records()[i];
        const size_t n = i % size_t(count);
        QCOMPARE(batch.owner(record), names[n]);
        QCOMPARE(batch.target(record), names[(n + 1) % size_t(count)]);
        QCOMPARE(batch.account(record), names[n]);
    }
}

QTEST_GUILESS_MAIN(tst_HistoryBatch)
#include "tst_historybatch.moc"

// WhowasHistory: newest first, a count, and a bounded length in all.
#include "state/whowashistory.h"

#include <QTest>

class tst_WhowasHistory : public QObject
{
    Q_OBJECT

private slots:
    void newestFirstWithACount();
    void lengthIsBoundedInAll();
};

namespace {

WhowasHistory::Entry entry(const QString& nick, qint64 secs)
{
    return {nick, nick.toLower(), QStringLiteral("u"), QStringLiteral("h"), QStringLiteral("r"),
            QString(), secs};
}

QList<qint64> times(const std::vector<WhowasHistory::Entry>& entries)
{
    QList<qint64> result;
    for (const WhowasHistory::Entry& e : entries)
        result.append(e.leftSecs);
    return result;
}

} // namespace

void tst_WhowasHistory::newestFirstWithACount()
{
    WhowasHistory history(10);
    history.add(entry(QStringLiteral("Bob"), 1));
    history.add(entry(QStringLiteral("carol"), 2));
    history.add(entry(QStringLiteral("bob"), 3));
    QCOMPARE(times(history.find(QStringLiteral("bob"), 0)), QList<qint64>({3, 1}));
    QCOMPARE(times(history.find(QStringLiteral("bob"), -5)), QList<qint64>({3, 1}));
    QCOMPARE(times(history.find(QStringLiteral("bob"), 1)), QList<qint64>({3}));
    QCOMPARE(history.find(QStringLiteral("bob"), 0).front().nick, QStringLiteral("bob"));
    QVERIFY(history.find(QStringLiteral("dave"), 0).empty());
}

void tst_WhowasHistory::lengthIsBoundedInAll()
{
    WhowasHistory history(2);
    for (int i = 1; i <= 5; ++i)
        history.add(entry(QStringLiteral("n%1").arg(i), i));
    QCOMPARE(history.size(), 2);
    QVERIFY(history.find(QStringLiteral("n3"), 0).empty());
    QCOMPARE(times(history.find(QStringLiteral("n5"), 0)), QList<qint64>({5}));
    history.setCapacity(1);
    QCOMPARE(history.size(), 1);
    QVERIFY(history.find(QStringLiteral("n4"), 0).empty());
    WhowasHistory none(0);
    none.add(entry(QStringLiteral("x"), 1));
    QCOMPARE(none.size(), 0);
}

QTEST_GUILESS_MAIN(tst_WhowasHistory)
#include "tst_whowashistory.moc"

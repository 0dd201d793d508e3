#include "history/historyviewcache.h"

#include <QTest>

class tst_HistoryViewCache : public QObject
{
    Q_OBJECT

private slots:
    void foundByText();
    void foundBySharedStrings();
    void knownByAddressAndLength();
    void sinceIdSeenThroughBothWays();
    void clearedAndBounded();
};

namespace {

// The same text in a string of its own: another address.
QString copyOf(const QString& text)
{
    return QString(text.constData(), text.size());
}

} // namespace

void tst_HistoryViewCache::foundByText()
{
    HistoryViewCache cache;
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    QVERIFY(!cache.find(alice, bob));
    cache.insert(alice, bob, {1, 10, 0});
    const std::optional<HistoryView> found = cache.find(copyOf(alice), copyOf(bob));
    QVERIFY(found);
    QCOMPARE(found->id, 1);
    QCOMPARE(found->conversation, 10);
    // The pair is ordered: bob's view of alice is another.
    QVERIFY(!cache.find(bob, alice));
    QVERIFY(!cache.findShared(bob, alice));
    // A channel's view has no owner (a null string) and is found with an empty one too.
    cache.insert(QString(), QStringLiteral("#chan"), {2, 20, 0});
    QCOMPARE(cache.find(QStringLiteral(""), QStringLiteral("#chan"))->id, 2);
    QCOMPARE(cache.findShared(QString(), copyOf(QStringLiteral("#chan")))->id, 2);
}

void tst_HistoryViewCache::foundBySharedStrings()
{
    HistoryViewCache cache;
    const QString alice = copyOf(QStringLiteral("alice"));
    const QString bob = copyOf(QStringLiteral("bob"));
    cache.insert(copyOf(alice), copyOf(bob), {1, 10, 0});
    // Strings that share their text (a user's, as each record of its messages does), looked up
    // over and over; and others with the same text, found by it.
    for (int i = 0; i < 3; ++i) {
        const QString owner = alice;
        const QString target = bob;
        QCOMPARE(cache.findShared(owner, target)->id, 1);
        QCOMPARE(cache.findShared(copyOf(alice), copyOf(bob))->id, 1);
    }
    // A view replaced (inserted again) is the one found, by either way.
    cache.insert(alice, bob, {3, 30, 0});
    QCOMPARE(cache.findShared(alice, bob)->id, 3);
    QCOMPARE(cache.find(alice, bob)->id, 3);
    // An entry by address keeps its strings: once the caller's are gone, another string made
    // with other text cannot take their address and find this view.
    {
        const QString gone = copyOf(QStringLiteral("carol"));
        const QString target = copyOf(QStringLiteral("dave"));
        cache.insert(gone, target, {4, 40, 0});
        QCOMPARE(cache.findShared(gone, target)->id, 4);
    }
    for (int i = 0; i < 100; ++i)
        QVERIFY(!cache.findShared(copyOf(QStringLiteral("erin")), copyOf(QStringLiteral("frank"))));
}

void tst_HistoryViewCache::knownByAddressAndLength()
{
    // Strings over the same characters, of other lengths (QString::fromRawData()): one address,
    // two texts, two views.
    static const QChar characters[] = {u'b', u'o', u'b', u'b', u'y'};
    const QString bob = QString::fromRawData(characters, 3);
    const QString bobby = QString::fromRawData(characters, 5);
    const QString alice = QStringLiteral("alice");
    HistoryViewCache cache;
    cache.insert(alice, bob, {1, 10, 0});
    cache.insert(alice, bobby, {2, 20, 0});
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(cache.findShared(alice, bob)->id, 1);
        QCOMPARE(cache.findShared(alice, bobby)->id, 2);
    }
    cache.insert(bob, alice, {3, 30, 0});
    QCOMPARE(cache.findShared(bob, alice)->id, 3);
    QVERIFY(!cache.findShared(bobby, alice));
}

void tst_HistoryViewCache::sinceIdSeenThroughBothWays()
{
    // The batch that adds a view gives its rows their ids afterwards: the view's since_id
    // changes in the cache, and a look-up by address must not return the old one.
    HistoryViewCache cache;
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    cache.insert(alice, bob, {1, 10, 5});
    QCOMPARE(cache.findShared(alice, bob)->sinceId, 5); // now known by address too
    cache.setSinceId(copyOf(alice), copyOf(bob), 7);
    QCOMPARE(cache.findShared(alice, bob)->sinceId, 7);
    QCOMPARE(cache.find(alice, bob)->sinceId, 7);
    cache.setSinceId(QStringLiteral("nobody"), bob, 9); // not there: nothing changes
    QCOMPARE(cache.size(), size_t(1));
}

void tst_HistoryViewCache::clearedAndBounded()
{
    HistoryViewCache cache;
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    cache.insert(alice, bob, {1, 10, 0});
    QVERIFY(cache.findShared(alice, bob));
    cache.clear();
    QCOMPARE(cache.size(), size_t(0));
    QVERIFY(!cache.findShared(alice, bob));
    QVERIFY(!cache.find(alice, bob));
    // Past MaxViews it starts again rather than grow.
    for (size_t i = 0; i <= HistoryViewCache::MaxViews; ++i)
        cache.insert(alice, QString::number(i), {qint64(i) + 1, 1, 0});
    QCOMPARE(cache.size(), size_t(1));
    QCOMPARE(cache.find(alice, QString::number(HistoryViewCache::MaxViews))->id,
             qint64(HistoryViewCache::MaxViews) + 1);
    QVERIFY(!cache.find(alice, QStringLiteral("0")));
}

QTEST_GUILESS_MAIN(tst_HistoryViewCache)
#include "tst_historyviewcache.moc"

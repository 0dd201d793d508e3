// MonitorRegistry: both sides (a watcher's list, a target's watchers) stay consistent through
// adds, removals, the limit and watchers leaving, and nothing is kept for empty lists.
#include "state/monitorregistry.h"

#include <QTest>

using AddResult = MonitorRegistry::AddResult;

class tst_MonitorRegistry : public QObject
{
    Q_OBJECT

private slots:
    void add_data();
    void add();
    void bothSidesAgree();
    void remove();
    void removeWatcher();
    void limitIsPerWatcher();
    void clear();
};

namespace {

constexpr UserId Alice = 1;
constexpr UserId Bob = 2;

QStringList names(const QList<MonitorRegistry::Target>& targets)
{
    QStringList result;
    for (const MonitorRegistry::Target& target : targets)
        result.append(target.name);
    return result;
}

QString resultText(AddResult result)
{
    switch (result) {
    case AddResult::Added:
        return QStringLiteral("added");
    case AddResult::AlreadyThere:
        return QStringLiteral("there");
    case AddResult::ListFull:
        return QStringLiteral("full");
    }
    return QString();
}

} // namespace

void tst_MonitorRegistry::add_data()
{
    // Each added name is folded by lower-casing it here (the registry takes it folded).
    QTest::addColumn<QStringList>("added");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("results");
    QTest::addColumn<QStringList>("list");

    QTest::newRow("in order, as spelled")
        << QStringList{"Carol", "dave", "ERIN"} << 10 << QStringList{"added", "added", "added"}
        << QStringList{"Carol", "dave", "ERIN"};
    QTest::newRow("twice keeps the first spelling")
        << QStringList{"carol", "CAROL"} << 10 << QStringList{"added", "there"}
        << QStringList{"carol"};
    QTest::newRow("full at the limit")
        << QStringList{"a", "b", "c", "d"} << 2 << QStringList{"added", "added", "full", "full"}
        << QStringList{"a", "b"};
    QTest::newRow("already there when full")
        << QStringList{"a", "b", "A"} << 2 << QStringList{"added", "added", "there"}
        << QStringList{"a", "b"};
    QTest::newRow("limit one") << QStringList{"a", "b"} << 1 << QStringList{"added", "full"}
                               << QStringList{"a"};
}

void tst_MonitorRegistry::add()
{
    QFETCH(QStringList, added);
    QFETCH(int, limit);
    QFETCH(QStringList, results);
    QFETCH(QStringList, list);
    MonitorRegistry registry;
    QStringList actual;
    for (const QString& name : added)
        actual.append(resultText(registry.add(Alice, name.toLower(), name, limit)));
    QCOMPARE(actual, results);
    QCOMPARE(names(registry.targets(Alice)), list);
    QCOMPARE(registry.targetCount(Alice), int(list.size()));
    QCOMPARE(registry.watchedCount(), int(list.size())); // nothing kept for refused targets
}

void tst_MonitorRegistry::bothSidesAgree()
{
    MonitorRegistry registry;
    registry.add(Alice, QStringLiteral("carol"), QStringLiteral("Carol"), 10);
    registry.add(Bob, QStringLiteral("carol"), QStringLiteral("carol"), 10);
    registry.add(Bob, QStringLiteral("dave"), QStringLiteral("dave"), 10);
    QCOMPARE(registry.watchers(QStringLiteral("carol")), (QSet<UserId>{Alice, Bob}));
    QCOMPARE(registry.watchers(QStringLiteral("dave")), QSet<UserId>{Bob});
    QVERIFY(registry.watchers(QStringLiteral("erin")).isEmpty());
    QVERIFY(registry.isWatched(QStringLiteral("dave")));
    QVERIFY(!registry.isWatched(QStringLiteral("erin")));
    QCOMPARE(registry.watchedCount(), 2);
    QCOMPARE(registry.watcherCount(), 2);
    QCOMPARE(registry.targets(Alice).first().folded, QStringLiteral("carol"));
    QCOMPARE(registry.targets(Alice).first().name, QStringLiteral("Carol"));
}

void tst_MonitorRegistry::remove()
{
    MonitorRegistry registry;
    registry.add(Alice, QStringLiteral("carol"), QStringLiteral("carol"), 10);
    registry.add(Alice, QStringLiteral("dave"), QStringLiteral("dave"), 10);
    registry.add(Bob, QStringLiteral("dave"), QStringLiteral("dave"), 10);
    QVERIFY(registry.remove(Alice, QStringLiteral("dave")));
    QVERIFY(!registry.remove(Alice, QStringLiteral("dave"))); // not there any more
    QVERIFY(!registry.remove(Alice, QStringLiteral("erin"))); // never there
    QVERIFY(!registry.remove(Bob, QStringLiteral("carol")));  // someone else's
    QCOMPARE(names(registry.targets(Alice)), QStringList{"carol"});
    QCOMPARE(registry.watchers(QStringLiteral("dave")), QSet<UserId>{Bob});
    QVERIFY(registry.remove(Alice, QStringLiteral("carol")));
    QVERIFY(!registry.isWatched(QStringLiteral("carol")));
    QCOMPARE(registry.targetCount(Alice), 0);
    QCOMPARE(registry.watcherCount(), 1); // only Bob has a list left
    QCOMPARE(registry.watchedCount(), 1);
}

void tst_MonitorRegistry::removeWatcher()
{
    MonitorRegistry registry;
    for (const char* name : {"carol", "dave", "erin"})
        registry.add(Alice, QLatin1String(name), QLatin1String(name), 10);
    registry.add(Bob, QStringLiteral("dave"), QStringLiteral("dave"), 10);
    registry.removeWatcher(Alice);
    QVERIFY(registry.targets(Alice).isEmpty());
    QCOMPARE(registry.watchedCount(), 1);
    QCOMPARE(registry.watchers(QStringLiteral("dave")), QSet<UserId>{Bob});
    QVERIFY(!registry.isWatched(QStringLiteral("carol")));
    registry.removeWatcher(Alice); // twice is fine
    registry.removeWatcher(Bob);
    QCOMPARE(registry.watchedCount(), 0);
    QCOMPARE(registry.watcherCount(), 0);
    // A list emptied can be filled again up to the limit.
    QCOMPARE(registry.add(Alice, QStringLiteral("carol"), QStringLiteral("carol"), 1),
             AddResult::Added);
}

void tst_MonitorRegistry::limitIsPerWatcher()
{
    MonitorRegistry registry;
    QCOMPARE(registry.add(Alice, QStringLiteral("carol"), QStringLiteral("carol"), 1),
             AddResult::Added);
    QCOMPARE(registry.add(Bob, QStringLiteral("dave"), QStringLiteral("dave"), 1),
             AddResult::Added);
    QCOMPARE(registry.add(Alice, QStringLiteral("dave"), QStringLiteral("dave"), 1),
             AddResult::ListFull);
    QCOMPARE(registry.watchers(QStringLiteral("dave")), QSet<UserId>{Bob});
    QVERIFY(registry.remove(Alice, QStringLiteral("carol")));
    QCOMPARE(registry.add(Alice, QStringLiteral("dave"), QStringLiteral("dave"), 1),
             AddResult::Added);
}

void tst_MonitorRegistry::clear()
{
    MonitorRegistry registry;
    registry.add(Alice, QStringLiteral("carol"), QStringLiteral("carol"), 10);
    registry.add(Bob, QStringLiteral("carol"), QStringLiteral("carol"), 10);
    registry.clear();
    QCOMPARE(registry.watchedCount(), 0);
    QCOMPARE(registry.watcherCount(), 0);
    QVERIFY(registry.targets(Bob).isEmpty());
}

QTEST_GUILESS_MAIN(tst_MonitorRegistry)
#include "tst_monitorregistry.moc"

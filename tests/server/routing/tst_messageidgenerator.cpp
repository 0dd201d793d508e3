// MessageIdGenerator: ids unique within a run (counter) and across runs and nodes (random
// prefix), and valid as tag values.
#include "routing/messageidgenerator.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

class tst_MessageIdGenerator : public QObject
{
    Q_OBJECT

private slots:
    void uniqueWithinRun();
    void prefixDiffersBetweenRuns();
    void formatIsTagSafe();
    void fixedPrefixForTests();
};

void tst_MessageIdGenerator::uniqueWithinRun()
{
    MessageIdGenerator generator;
    QSet<QString> seen;
    for (int i = 0; i < 100000; ++i) {
        const MessageId id = generator.next();
        QVERIFY(!id.isNull());
        QVERIFY(!seen.contains(id.toString()));
        seen.insert(id.toString());
    }
}

void tst_MessageIdGenerator::prefixDiffersBetweenRuns()
{
    // Each generator stands for one server run or one node; 200 of them share no prefix.
    QSet<QString> prefixes;
    for (int i = 0; i < 200; ++i) {
        MessageIdGenerator generator;
        QCOMPARE(generator.prefix().size(), MessageIdGenerator::PrefixLength);
        QVERIFY(!prefixes.contains(generator.prefix()));
        prefixes.insert(generator.prefix());
    }
    MessageIdGenerator a;
    MessageIdGenerator b;
    QVERIFY(a.next().toString() != b.next().toString());
}

void tst_MessageIdGenerator::formatIsTagSafe()
{
    MessageIdGenerator generator;
    const QRegularExpression safe(QStringLiteral("^[a-z2-7]{12}[0-9a-z]+$"));
    for (int i = 0; i < 1000; ++i) {
        const QString id = generator.next().toString();
        QVERIFY2(safe.match(id).hasMatch(), qPrintable(id));
    }
}

void tst_MessageIdGenerator::fixedPrefixForTests()
{
    MessageIdGenerator generator(QStringLiteral("t-"));
    QCOMPARE(generator.next().toString(), QStringLiteral("t-1"));
    QCOMPARE(generator.next().toString(), QStringLiteral("t-2"));
    QCOMPARE(MessageId(QStringLiteral("t-"), 36).toString(), QStringLiteral("t-10"));
    QVERIFY(MessageId().isNull());
}

QTEST_GUILESS_MAIN(tst_MessageIdGenerator)
#include "tst_messageidgenerator.moc"

// MessageIdGenerator: ids unique within a run (counter) and across runs and nodes (random
// prefix), and valid as tag values.
#include "routing/messageidgenerator.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <limits>

class tst_MessageIdGenerator : public QObject
{
    Q_OBJECT

private slots:
    void uniqueWithinRun();
    void prefixDiffersBetweenRuns();
    void formatIsTagSafe();
    void fixedPrefixForTests();
    void everyDigitInBase36();
    void counterKeepsGrowingAcrossRuns();
    void numberOfReadsOnlyGeneratedIds();
    void utf8IsTheSameText();
    void parsableOnlyWithAGeneratedPrefix();
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

void tst_MessageIdGenerator::everyDigitInBase36()
{
    const QString prefix = QStringLiteral("abcdefghijkl");
    const quint64 numbers[] = {
        1, 9, 10, 35, 36, 1295, 1296, 123456789012345ULL, std::numeric_limits<quint64>::max()};
    for (const quint64 number : numbers) {
        const QString text = MessageId(prefix, number).toString();
        QCOMPARE(text, prefix + QString::number(number, 36));
        QCOMPARE(MessageId::fromString(text).number(), number);
    }
    QCOMPARE(MessageId(prefix, std::numeric_limits<quint64>::max()).toString(),
             prefix + QStringLiteral("3w5e11264sgsf"));
}

void tst_MessageIdGenerator::counterKeepsGrowingAcrossRuns()
{
    // A restart: the next run's counter starts past where the last one stopped (the history's
    // counter index only grows at its end), here after a run of 1000 ids in 2 ms.
    MessageIdGenerator first;
    quint64 last = 0;
    for (int i = 0; i < 1000; ++i)
        last = first.next().number();
    QTest::qWait(2);
    MessageIdGenerator second;
    const quint64 next = second.next().number();
    QVERIFY2(next > last, qPrintable(QStringLiteral("%1 after %2").arg(next).arg(last)));
    // It is the clock's microseconds: today's is about 1.8e15, 10 digits in base 36.
    const quint64 nowUs = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000;
    QVERIFY(next <= nowUs + 1000);
    QVERIFY(next + 10 * 1000 * 1000 > nowUs);
}

void tst_MessageIdGenerator::numberOfReadsOnlyGeneratedIds()
{
    MessageIdGenerator generator;
    for (int i = 0; i < 100; ++i) {
        const MessageId id = generator.next();
        QCOMPARE(MessageId::numberOf(id.toString()), id.number());
        QCOMPARE(MessageId::fromString(id.toString()).number(), id.number());
    }
    for (const char* text : {"", "m1", "abcdefghijkl", "abcdefghijkl-1", "ABCDEFGHIJKL1",
                             "abcdefghijkl3w5e11264sgsg", "abcdefghijkl00000000000001"}) {
        QCOMPARE(MessageId::numberOf(QString::fromLatin1(text)), quint64(0));
        QVERIFY(MessageId::fromString(QString::fromLatin1(text)).isNull());
    }
    QCOMPARE(MessageId::numberOf(u"abcdefghijkl10"), quint64(36));
}

void tst_MessageIdGenerator::utf8IsTheSameText()
{
    char out[40];
    for (const QString& prefix : {QStringLiteral("abcdefghijkl"), QStringLiteral("t-"),
                                  QStringLiteral("测试-é-"), QString()}) {
        const QByteArray utf8 = prefix.toUtf8();
        for (const quint64 number : {quint64(1), quint64(35), quint64(1767225600000000ULL),
                                     std::numeric_limits<quint64>::max()}) {
            const MessageId id(prefix, number);
            const qsizetype size = MessageId::writeUtf8(utf8, number, out, sizeof out);
            QCOMPARE(QByteArray(out, size), id.toString().toUtf8());
            // Exactly its length is room enough; one less is not.
            QCOMPARE(MessageId::writeUtf8(utf8, number, out, size), size);
            QCOMPARE(MessageId::writeUtf8(utf8, number, out, size - 1), qsizetype(-1));
        }
    }
    QCOMPARE(MessageId::writeUtf8("p", 36, out, 3), qsizetype(3));
    QCOMPARE(QByteArray(out, 3), QByteArray("p10"));
}

void tst_MessageIdGenerator::parsableOnlyWithAGeneratedPrefix()
{
    MessageIdGenerator generator;
    const MessageId id = generator.next();
    QVERIFY(id.isParsable());
    QVERIFY(MessageId(QStringLiteral("abcdefghijkl"), std::numeric_limits<quint64>::max())
                .isParsable());
    for (const char* prefix :
         {"t-", "abcdefghijk", "abcdefghijklm", "ABCDEFGHIJKL", "abcdefghij-l"}) {
        const MessageId other(QString::fromLatin1(prefix), 5);
        QVERIFY2(!other.isParsable(), prefix);
        // Not its counter: nothing, or (a longer prefix) digits of the prefix read as one.
        QVERIFY(MessageId::numberOf(other.toString()) != other.number());
    }
    QVERIFY(!MessageId().isParsable());
    // The generators' ids, which know it from their generator.
    QVERIFY(!MessageIdGenerator(QStringLiteral("t-")).next().isParsable());
    QVERIFY(MessageIdGenerator(QStringLiteral("abcdefghijkl")).next().isParsable());
    QVERIFY(!MessageIdGenerator(QStringLiteral("abcdefghijklm")).next().isParsable());
    QVERIFY(MessageId::isParsablePrefix(generator.prefix()));
    QVERIFY(!MessageId::isParsablePrefix(QString()));
}

QTEST_GUILESS_MAIN(tst_MessageIdGenerator)
#include "tst_messageidgenerator.moc"

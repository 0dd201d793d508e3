#include "session/unconfirmedmessages.h"

#include <QTest>

class tst_UnconfirmedMessages : public QObject
{
    Q_OBJECT

private slots:
    void withEchoTheOldestNotEchoedWasRefused();
    void withoutEchoTheNewestWasRefused();
    void nothingSentThereMeansTheTargetIsGone();
    void boundedPerTarget();
};

void tst_UnconfirmedMessages::withEchoTheOldestNotEchoedWasRefused()
{
    UnconfirmedMessages sent;
    sent.remember(QStringLiteral("bob"), QStringLiteral("one"), false);
    sent.remember(QStringLiteral("bob"), QStringLiteral("two"), true);
    sent.remember(QStringLiteral("bob"), QStringLiteral("three"), false);
    sent.confirm(QStringLiteral("bob"), QStringLiteral("one"), false);
    sent.confirm(QStringLiteral("bob"), QStringLiteral("two"), false); // not the action: stays
    const auto refused = sent.takeRefused(QStringLiteral("bob"), true);
    QVERIFY(refused);
    QCOMPARE(refused->text, QStringLiteral("two"));
    QVERIFY(refused->isAction);
    QCOMPARE(sent.takeRefused(QStringLiteral("bob"), true)->text, QStringLiteral("three"));
    QVERIFY(!sent.takeRefused(QStringLiteral("bob"), true));
}

void tst_UnconfirmedMessages::withoutEchoTheNewestWasRefused()
{
    UnconfirmedMessages sent;
    sent.remember(QStringLiteral("#a"), QStringLiteral("old"), false);
    sent.remember(QStringLiteral("#a"), QStringLiteral("new"), false);
    sent.remember(QStringLiteral("#b"), QStringLiteral("elsewhere"), false);
    QCOMPARE(sent.takeRefused(QStringLiteral("#a"), false)->text, QStringLiteral("new"));
    QCOMPARE(sent.takeRefused(QStringLiteral("#a"), false)->text, QStringLiteral("old"));
    QCOMPARE(sent.takeRefused(QStringLiteral("#b"), false)->text, QStringLiteral("elsewhere"));
}

void tst_UnconfirmedMessages::nothingSentThereMeansTheTargetIsGone()
{
    UnconfirmedMessages sent;
    QVERIFY(!sent.takeRefused(QStringLiteral("carol"), true));
    sent.remember(QStringLiteral("carol"), QStringLiteral("hi"), false);
    sent.clear();
    QVERIFY(!sent.takeRefused(QStringLiteral("carol"), false));
}

void tst_UnconfirmedMessages::boundedPerTarget()
{
    UnconfirmedMessages sent;
    for (int i = 0; i < UnconfirmedMessages::MaxPerTarget + 5; ++i)
        sent.remember(QStringLiteral("dan"), QString::number(i), false);
    int left = 0;
    QString oldest;
    while (const auto refused = sent.takeRefused(QStringLiteral("dan"), true)) {
        if (left++ == 0)
            oldest = refused->text;
    }
    QCOMPARE(left, UnconfirmedMessages::MaxPerTarget);
    QCOMPARE(oldest, QStringLiteral("5")); // the first five were let go
}

QTEST_GUILESS_MAIN(tst_UnconfirmedMessages)
#include "tst_unconfirmedmessages.moc"

// NameCompleter: which name the word before the cursor becomes, and cycling with repeated Tabs.
#include "widgets/namecompleter.h"

#include <QTest>

class tst_NameCompleter : public QObject
{
    Q_OBJECT

private slots:
    void completes_data();
    void completes();
    void cyclesThroughMatches();
    void restartsAfterReset();
    void displayNamesCompleteToNicks();
};

void tst_NameCompleter::completes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("cursor");
    QTest::addColumn<QString>("expected"); // empty: no completion
    QTest::addColumn<int>("expectedCursor");
    QTest::newRow("nick at line start") << "al" << 2 << "alice: " << 7;
    QTest::newRow("nick inside a line") << "hi al" << 5 << "hi alice " << 9;
    QTest::newRow("case-insensitive") << "AL" << 2 << "alice: " << 7;
    QTest::newRow("rfc1459 folding") << "{x" << 2 << "[x]: " << 5;
    QTest::newRow("room after #") << "see #lo" << 7 << "see #lobby " << 11;
    QTest::newRow("room at line start") << "#lo" << 3 << "#lobby " << 7;
    QTest::newRow("word before the cursor only") << "al and more" << 2 << "alice: and more" << 7;
    QTest::newRow("no match") << "zed" << 3 << "" << 0;
    QTest::newRow("empty word") << "hi " << 3 << "" << 0;
    QTest::newRow("empty line") << "" << 0 << "" << 0;
}

void tst_NameCompleter::completes()
{
    QFETCH(QString, text);
    QFETCH(int, cursor);
    QFETCH(QString, expected);
    QFETCH(int, expectedCursor);
    NameCompleter completer;
    NameCompleter::Result result;
    const QStringList names{QStringLiteral("alice"), QStringLiteral("[x]"),
                            QStringLiteral("#lobby"), QStringLiteral("bob")};
    const bool done = completer.complete(text, cursor, names, &result);
    QCOMPARE(done, !expected.isEmpty());
    if (done) {
        QCOMPARE(result.text, expected);
        QCOMPARE(result.cursor, expectedCursor);
    }
}

void tst_NameCompleter::cyclesThroughMatches()
{
    NameCompleter completer;
    NameCompleter::Result result;
    const QStringList names{QStringLiteral("bobby"), QStringLiteral("Bob"), QStringLiteral("al")};
    QVERIFY(completer.complete(QStringLiteral("bo"), 2, names, &result));
    QCOMPARE(result.text, QStringLiteral("Bob: "));
    QVERIFY(completer.complete(result.text, result.cursor, {}, &result));
    QCOMPARE(result.text, QStringLiteral("bobby: "));
    QVERIFY(completer.complete(result.text, result.cursor, {}, &result));
    QCOMPARE(result.text, QStringLiteral("Bob: ")); // round again
}

void tst_NameCompleter::restartsAfterReset()
{
    NameCompleter completer;
    NameCompleter::Result result;
    const QStringList names{QStringLiteral("bob"), QStringLiteral("bobby")};
    QVERIFY(completer.complete(QStringLiteral("bo"), 2, names, &result));
    completer.reset();
    QVERIFY(completer.complete(QStringLiteral("bobby: b"), 8, names, &result));
    QCOMPARE(result.text, QStringLiteral("bobby: bob "));
}

void tst_NameCompleter::displayNamesCompleteToNicks()
{
    NameCompleter completer;
    NameCompleter::Result result;
    const QStringList names{QStringLiteral("xiaoming"), QStringLiteral("anna")};
    const NameCompleter::AliasOf aliasOf = [](const QString& nick) {
        return nick == QLatin1String("xiaoming") ? QStringLiteral("小明")
               : nick == QLatin1String("anna")   ? QStringLiteral("Anna Schmidt")
                                                  : QString();
    };
    // The display name, in any script, becomes the nick the server knows.
    QVERIFY(completer.complete(QStringLiteral("小"), 1, names, &result, aliasOf));
    QCOMPARE(result.text, QStringLiteral("xiaoming: "));
    completer.reset();
    // A display name matches from its start, as a nick does.
    QVERIFY(!completer.complete(QStringLiteral("hi schm"), 7, names, &result, aliasOf));
    completer.reset();
    QVERIFY(completer.complete(QStringLiteral("hi ann"), 6, names, &result, aliasOf));
    QCOMPARE(result.text, QStringLiteral("hi anna "));
    completer.reset();
    // Without display names, only nicks match.
    QVERIFY(!completer.complete(QStringLiteral("小"), 1, names, &result));
}

QTEST_GUILESS_MAIN(tst_NameCompleter)
#include "tst_namecompleter.moc"

// EmojiCatalog: reading the emoji table (hostile lines skipped), the table built into the client,
// and searching by name.
#include "widgets/emojicatalog.h"

#include <QTest>

#include <algorithm>

class tst_EmojiCatalog : public QObject
{
    Q_OBJECT

private slots:
    void readsTable_data();
    void readsTable();
    void builtInTableHasEveryCategory();
    void search_data();
    void search();
};

void tst_EmojiCatalog::readsTable_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<QStringList>("emoji"); // in order
    QTest::addColumn<QStringList>("names");
    QTest::newRow("one emoji") << QByteArray("smileys-people\t1F600\tgrinning face\n")
                               << QStringList{QStringLiteral("\U0001F600")}
                               << QStringList{QStringLiteral("grinning face")};
    QTest::newRow("sequence with joiner and selector")
        << QByteArray("smileys-people\t2764 FE0F 200D 1F525\theart on fire\n")
        << QStringList{QStringLiteral("\u2764\uFE0F\u200D\U0001F525")}
        << QStringList{QStringLiteral("heart on fire")};
    QTest::newRow("comments, blank lines and CRLF")
        << QByteArray("# header\r\n\r\nflags\t1F1EB 1F1F7\tflag: France\r\n# end\n")
        << QStringList{QStringLiteral("\U0001F1EB\U0001F1F7")}
        << QStringList{QStringLiteral("flag: France")};
    QTest::newRow("UTF-8 name")
        << QByteArray("flags\t1F1E8 1F1EE\tflag: C\xc3\xb4te d\xe2\x80\x99Ivoire\n")
        << QStringList{QStringLiteral("\U0001F1E8\U0001F1EE")}
        << QStringList{QStringLiteral("flag: Côte d’Ivoire")};
    const QByteArray good("objects\t1F4A1\tlight bulb\n");
    const QStringList bulb{QStringLiteral("\U0001F4A1")};
    const QStringList bulbName{QStringLiteral("light bulb")};
    QTest::newRow("two columns") << QByteArray("objects\t1F4A3\n") + good << bulb << bulbName;
    QTest::newRow("four columns") << QByteArray("objects\t1F4A3\tbomb\textra\n") + good << bulb
                                  << bulbName;
    QTest::newRow("unknown category")
        << QByteArray("component\t1F3FB\tlight skin tone\n") + good << bulb << bulbName;
    QTest::newRow("not hex") << QByteArray("objects\t1F4ZZ\tbomb\n") + good << bulb << bulbName;
    QTest::newRow("surrogate") << QByteArray("objects\tD83D\tbomb\n") + good << bulb << bulbName;
    QTest::newRow("beyond Unicode")
        << QByteArray("objects\t110000\tbomb\n") + good << bulb << bulbName;
    QTest::newRow("zero") << QByteArray("objects\t0\tnothing\n") + good << bulb << bulbName;
    QTest::newRow("no code points") << QByteArray("objects\t \tbomb\n") + good << bulb << bulbName;
    QTest::newRow("too many code points")
        << QByteArray("objects\t41 41 41 41 41 41 41 41 41 41 41\tlong\n") + good << bulb
        << bulbName;
    QTest::newRow("empty name") << QByteArray("objects\t1F4A3\t \n") + good << bulb << bulbName;
    QTest::newRow("name too long")
        << QByteArray("objects\t1F4A3\t") + QByteArray(201, 'x') + QByteArray("\n") + good << bulb
        << bulbName;
    QTest::newRow("listed twice: the first kept")
        << good + QByteArray("symbols\t1F4A1\tidea\n") << bulb << bulbName;
    QTest::newRow("empty table") << QByteArray() << QStringList() << QStringList();
}

void tst_EmojiCatalog::readsTable()
{
    QFETCH(QByteArray, table);
    QFETCH(QStringList, emoji);
    QFETCH(QStringList, names);
    const EmojiCatalog catalog = EmojiCatalog::fromTable(table);
    QStringList gotEmoji;
    QStringList gotNames;
    for (const EmojiCatalog::Entry& entry : catalog.entries()) {
        gotEmoji.append(entry.text);
        gotNames.append(entry.name);
    }
    QCOMPARE(gotEmoji, emoji);
    QCOMPARE(gotNames, names);
    for (const QString& one : emoji)
        QVERIFY(catalog.contains(one));
}

void tst_EmojiCatalog::builtInTableHasEveryCategory()
{
    const EmojiCatalog catalog = EmojiCatalog::builtIn();
    QVERIFY2(catalog.size() > 1500, qPrintable(QString::number(catalog.size())));
    for (EmojiCatalog::Category category : EmojiCatalog::categories())
        QVERIFY2(catalog.entries(category).size() > 50, qPrintable(EmojiCatalog::keyOf(category)));
    QCOMPARE(EmojiCatalog::categories().size(), 8);
    QCOMPARE(catalog.nameOf(QStringLiteral("\U0001F600")), QStringLiteral("grinning face"));
    QCOMPARE(catalog.entries(EmojiCatalog::Category::SmileysPeople).constFirst().text,
             QStringLiteral("\U0001F600"));
    QCOMPARE(catalog.nameOf(QStringLiteral("\U0001F1EB\U0001F1F7")),
             QStringLiteral("flag: France"));
    const QList<EmojiCatalog::Entry> food = catalog.entries(EmojiCatalog::Category::FoodDrink);
    QVERIFY(std::any_of(food.cbegin(), food.cend(), [](const EmojiCatalog::Entry& entry) {
        return entry.text == QStringLiteral("\U0001F355") && entry.name == QStringLiteral("pizza");
    }));
    // Fully qualified: the heart with its emoji presentation selector, not the bare one.
    QVERIFY(catalog.contains(QStringLiteral("\u2764\uFE0F")));
    QVERIFY(!catalog.contains(QStringLiteral("\u2764")));
    // No skin tones: the waving hand, but not its five tones.
    QVERIFY(catalog.contains(QStringLiteral("\U0001F44B")));
    for (const EmojiCatalog::Entry& entry : catalog.entries()) {
        for (const char32_t code : entry.text.toUcs4())
            QVERIFY2(code < 0x1F3FB || code > 0x1F3FF, qPrintable(entry.name));
    }
}

void tst_EmojiCatalog::search_data()
{
    QTest::addColumn<QString>("words");
    QTest::addColumn<QString>("first");     // empty: nothing found
    QTest::addColumn<QString>("alsoFound"); // empty: no check
    QTest::newRow("exact name first") << "cat"
                                      << "cat"
                                      << "grinning cat";
    QTest::newRow("word prefix") << "pizz"
                                 << "pizza"
                                 << "";
    QTest::newRow("upper case") << "PIZZA"
                                << "pizza"
                                << "";
    QTest::newRow("every word, any order") << "eyes heart"
                                           << "smiling face with heart-eyes"
                                           << "";
    QTest::newRow("hyphenated words") << "heart-eyes"
                                      << "smiling face with heart-eyes"
                                      << "";
    QTest::newRow("accents ignored") << "cote d ivoire"
                                     << "flag: Côte d’Ivoire"
                                     << "";
    QTest::newRow("straight apostrophe") << "one o'clock"
                                         << "one o’clock"
                                         << "";
    QTest::newRow("inside a word does not match") << "izza"
                                                  << ""
                                                  << "";
    QTest::newRow("nothing") << "qqqq"
                             << ""
                             << "";
    QTest::newRow("blank") << "   "
                           << ""
                           << "";
}

void tst_EmojiCatalog::search()
{
    QFETCH(QString, words);
    QFETCH(QString, first);
    QFETCH(QString, alsoFound);
    const EmojiCatalog catalog = EmojiCatalog::builtIn();
    const QList<EmojiCatalog::Entry> found = catalog.search(words);
    if (first.isEmpty()) {
        QVERIFY(found.isEmpty());
        return;
    }
    QVERIFY(!found.isEmpty());
    QCOMPARE(found.constFirst().name, first);
    QStringList names;
    for (const EmojiCatalog::Entry& entry : found)
        names.append(entry.name);
    if (!alsoFound.isEmpty())
        QVERIFY2(names.contains(alsoFound), qPrintable(names.join(QLatin1String(", "))));
}

QTEST_GUILESS_MAIN(tst_EmojiCatalog)
#include "tst_emojicatalog.moc"

#include "history/sharedtextutf8.h"

#include <QTest>

class tst_SharedTextUtf8 : public QObject
{
    Q_OBJECT

private slots:
    void sameTextAsToUtf8();
    void knownByAddressAndLength();
    void aFreedTextsAddressIsNotReused();
    void trimmedPastTheLimit();
};

void tst_SharedTextUtf8::sameTextAsToUtf8()
{
    SharedTextUtf8 texts;
    const QString account = QStringLiteral("Alice");
    const QString chinese = QStringLiteral("用户名");
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(texts.utf8(account), QByteArrayView("Alice"));
        QCOMPARE(texts.utf8(chinese).toByteArray(), chinese.toUtf8());
    }
    QCOMPARE(texts.size(), 2);
    // A guest's record has no account: bound as '', and nothing is kept for it.
    QVERIFY(texts.utf8(QString()).isEmpty());
    QVERIFY(texts.utf8(QStringLiteral("")).isEmpty());
    QVERIFY(texts.utf8(QString()).data() != nullptr); // '' rather than SQL NULL
    QCOMPARE(texts.size(), 2);
}

void tst_SharedTextUtf8::knownByAddressAndLength()
{
    SharedTextUtf8 texts;
    // Two strings over the same characters, of other lengths: one address, two texts.
    static const QChar characters[] = {u'b', u'o', u'b', u'b', u'y'};
    const QString bob = QString::fromRawData(characters, 3);
    const QString bobby = QString::fromRawData(characters, 5);
    QCOMPARE(texts.utf8(bob), QByteArrayView("bob"));
    QCOMPARE(texts.utf8(bobby), QByteArrayView("bobby"));
    QCOMPARE(texts.utf8(bob), QByteArrayView("bob"));
    // The same text in another string: found by its own address, with the same UTF-8.
    QCOMPARE(texts.utf8(QString(characters, 3)), QByteArrayView("bob"));
}

void tst_SharedTextUtf8::aFreedTextsAddressIsNotReused()
{
    // Strings made and freed one after another, as records that do not share theirs: each is
    // kept, so the next cannot be given the same memory and be taken for it.
    SharedTextUtf8 texts;
    for (int i = 0; i < 1000; ++i) {
        const QString text = QStringLiteral("user%1").arg(i % 10) + QString(i % 7, u'x');
        QCOMPARE(texts.utf8(text).toByteArray(), text.toUtf8());
    }
}

void tst_SharedTextUtf8::trimmedPastTheLimit()
{
    SharedTextUtf8 texts;
    const QString kept = QStringLiteral("kept");
    QCOMPARE(texts.utf8(kept), QByteArrayView("kept"));
    texts.trim(); // under the limit: nothing goes
    QCOMPARE(texts.size(), 1);
    for (qsizetype i = 1; i < SharedTextUtf8::MaxTexts; ++i)
        texts.utf8(QString::number(i));
    QCOMPARE(texts.size(), SharedTextUtf8::MaxTexts);
    texts.trim();
    QCOMPARE(texts.size(), 0);
    QCOMPARE(texts.utf8(kept), QByteArrayView("kept"));
}

QTEST_GUILESS_MAIN(tst_SharedTextUtf8)
#include "tst_sharedtextutf8.moc"

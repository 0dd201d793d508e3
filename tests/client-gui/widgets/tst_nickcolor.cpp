#include "widgets/nickcolor.h"

#include <QTest>

class tst_NickColor : public QObject
{
    Q_OBJECT

private slots:
    void stableAndReadable_data();
    void stableAndReadable();
    void differentNamesDiffer();
    void noNameLooksLikeOneself();
};

void tst_NickColor::stableAndReadable_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QColor>("background");
    const QStringList nicks{"alice",   "bob", "carol", "dave",         "eve",
                            "mallory", "x",   "李雷",  "[weird]^nick", ""};
    for (const QString& nick : nicks) {
        QTest::addRow("%s on white", qPrintable(nick)) << nick << QColor(Qt::white);
        QTest::addRow("%s on dark", qPrintable(nick)) << nick << QColor(0x20, 0x20, 0x20);
        QTest::addRow("%s on cream", qPrintable(nick)) << nick << QColor(0xff, 0xf8, 0xe0);
    }
}

void tst_NickColor::stableAndReadable()
{
    QFETCH(QString, nick);
    QFETCH(QColor, background);
    const QColor color = NickColor::forNick(nick, background);
    QCOMPARE(NickColor::forNick(nick, background), color);
    QVERIFY2(NickColor::contrast(color, background) >= 4.5,
             qPrintable(QStringLiteral("%1 on %2: %3")
                            .arg(color.name(), background.name())
                            .arg(NickColor::contrast(color, background))));
    // The same person keeps the same colour whatever the case of the name.
    QCOMPARE(NickColor::forNick(nick.toUpper(), background), color);
}

void tst_NickColor::differentNamesDiffer()
{
    QSet<QRgb> colors;
    for (const char* nick : {"alice", "bob", "carol", "dave", "eve", "frank", "grace", "heidi"})
        colors.insert(NickColor::forNick(QString::fromLatin1(nick)).rgb());
    QVERIFY2(colors.size() >= 6, "names should mostly get distinct colours");
    QCOMPARE(NickColor::contrast(Qt::black, Qt::white), 21.0);
}

// The own colour's hue is kept for the user: thousands of names, on light and dark backgrounds,
// never come near it, and it is readable too.
void tst_NickColor::noNameLooksLikeOneself()
{
    for (const QColor background : {QColor(Qt::white), QColor(0x20, 0x20, 0x20)}) {
        const QColor own = NickColor::own(background);
        QCOMPARE(own.hslHue(), NickColor::OwnHue);
        QVERIFY(NickColor::contrast(own, background) >= 4.5);
        for (int i = 0; i < 5000; ++i) {
            const QColor other = NickColor::forNick(QStringLiteral("user%1").arg(i), background);
            const int distance = qAbs(other.hslHue() - NickColor::OwnHue);
            QVERIFY2(qMin(distance, 360 - distance) >= NickColor::OwnHueGap - 1,
                     qPrintable(QStringLiteral("user%1: hue %2").arg(i).arg(other.hslHue())));
        }
    }
}

QTEST_GUILESS_MAIN(tst_NickColor)
#include "tst_nickcolor.moc"

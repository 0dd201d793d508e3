#include "ircvalidation.h"

#include <QTest>

using IrcValidation::Reason;

class tst_IrcValidation : public QObject
{
    Q_OBJECT

private slots:
    void nick_data();
    void nick();
    void channel_data();
    void channel();
    void reasonText();
};

void tst_IrcValidation::nick_data()
{
    QTest::addColumn<QString>("nick");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<Reason>("reason");

    QTest::newRow("plain") << "alice" << 30 << Reason::Valid;
    QTest::newRow("specials") << "[bob]`_^{|}\\" << 30 << Reason::Valid;
    QTest::newRow("digits and dash after first") << "r2-d2" << 30 << Reason::Valid;
    QTest::newRow("exactly max length") << "abcde" << 5 << Reason::Valid;
    QTest::newRow("empty") << "" << 30 << Reason::Empty;
    QTest::newRow("too long") << "abcdef" << 5 << Reason::TooLong;
    QTest::newRow("digit first") << "9lives" << 30 << Reason::BadFirstCharacter;
    QTest::newRow("dash first") << "-x" << 30 << Reason::BadFirstCharacter;
    QTest::newRow("channel-like") << "#alice" << 30 << Reason::BadFirstCharacter;
    QTest::newRow("colon first") << ":alice" << 30 << Reason::BadFirstCharacter;
    QTest::newRow("space") << "al ice" << 30 << Reason::BadCharacter;
    QTest::newRow("bang") << "al!ice" << 30 << Reason::BadCharacter;
    QTest::newRow("at") << "al@ice" << 30 << Reason::BadCharacter;
    QTest::newRow("comma") << "a,b" << 30 << Reason::BadCharacter;
    QTest::newRow("star") << "a*" << 30 << Reason::BadCharacter;
    QTest::newRow("dot") << "a.b" << 30 << Reason::BadCharacter;
    QTest::newRow("non-ascii") << QStringLiteral("a\u00e9") << 30 << Reason::BadCharacter;
    QTest::newRow("cjk first") << QStringLiteral("\u738b") << 30 << Reason::BadFirstCharacter;
    QTest::newRow("NUL") << QString::fromLatin1("a\0b", 3) << 30 << Reason::BadCharacter;
}

void tst_IrcValidation::nick()
{
    QFETCH(QString, nick);
    QFETCH(int, maxLength);
    QFETCH(Reason, reason);
    QCOMPARE(IrcValidation::checkNick(nick, maxLength), reason);
}

void tst_IrcValidation::channel_data()
{
    QTest::addColumn<QString>("channel");
    QTest::addColumn<Reason>("reason");

    QTest::newRow("lobby") << "#lobby" << Reason::Valid;
    QTest::newRow("ampersand") << "&local" << Reason::Valid;
    QTest::newRow("unicode") << QStringLiteral("#\u804a\u5929") << Reason::Valid;
    QTest::newRow("punctuation") << "#c++.dev!" << Reason::Valid;
    QTest::newRow("empty") << "" << Reason::Empty;
    QTest::newRow("prefix only") << "#" << Reason::Empty;
    QTest::newRow("no prefix") << "lobby" << Reason::BadFirstCharacter;
    QTest::newRow("plus prefix unsupported") << "+lobby" << Reason::BadFirstCharacter;
    QTest::newRow("space") << "#a b" << Reason::BadCharacter;
    QTest::newRow("comma") << "#a,b" << Reason::BadCharacter;
    QTest::newRow("colon") << "#a:b" << Reason::BadCharacter;
    QTest::newRow("bell") << "#a\x07" << Reason::BadCharacter;
    QTest::newRow("too long") << "#" + QString(50, 'x') << Reason::TooLong;
    QTest::newRow("max length") << "#" + QString(49, 'x') << Reason::Valid;
}

void tst_IrcValidation::channel()
{
    QFETCH(QString, channel);
    QFETCH(Reason, reason);
    QCOMPARE(IrcValidation::checkChannel(channel), reason);
    QCOMPARE(IrcValidation::isChannelName(channel),
             channel.startsWith('#') || channel.startsWith('&'));
}

void tst_IrcValidation::reasonText()
{
    QCOMPARE(QByteArray(IrcValidation::reasonText(Reason::Valid)), QByteArray("valid"));
    QVERIFY(QByteArray(IrcValidation::reasonText(Reason::TooLong)).contains("too long"));
    QVERIFY(QByteArray(IrcValidation::reasonText(Reason::BadCharacter)).contains("not allowed"));
}

QTEST_GUILESS_MAIN(tst_IrcValidation)
#include "tst_ircvalidation.moc"

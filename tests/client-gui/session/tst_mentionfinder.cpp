// MentionFinder: whether a line names the user, as a whole word, by the server's casemapping.
#include "session/mentionfinder.h"

#include <QTest>

class tst_MentionFinder : public QObject
{
    Q_OBJECT

private slots:
    void mentions_data();
    void mentions();
};

void tst_MentionFinder::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("rfc1459");
    QTest::addColumn<bool>("expected");
    QTest::newRow("alone") << "ana"
                           << "ana" << true << true;
    QTest::newRow("addressed") << "ana: look"
                               << "ana" << true << true;
    QTest::newRow("in a sentence") << "ask ana, she knows"
                                   << "ana" << true << true;
    QTest::newRow("other case") << "hey ANA!"
                                << "Ana" << true << true;
    QTest::newRow("inside a word") << "banana"
                                   << "ana" << true << false;
    QTest::newRow("longer nick") << "ana_ was here"
                                 << "ana" << true << false;
    QTest::newRow("nick with dash after") << "ana-b said"
                                          << "ana" << true << false;
    QTest::newRow("second occurrence counts") << "banana and ana"
                                              << "ana" << true << true;
    QTest::newRow("rfc1459 brackets") << "hi {bob}"
                                      << "[BOB]" << true << true;
    QTest::newRow("ascii keeps brackets apart") << "hi {bob}"
                                                << "[BOB]" << false << false;
    QTest::newRow("next to CJK punctuation") << "ana，你好"
                                             << "ana" << true << true;
    QTest::newRow("glued to CJK letters") << "你好ana"
                                          << "ana" << true << false;
    QTest::newRow("empty nick") << "anything"
                                << "" << true << false;
    QTest::newRow("empty text") << ""
                                << "ana" << true << false;
}

void tst_MentionFinder::mentions()
{
    QFETCH(QString, text);
    QFETCH(QString, nick);
    QFETCH(bool, rfc1459);
    QFETCH(bool, expected);
    const IrcCaseMapping mapping(rfc1459 ? IrcCaseMapping::Mapping::Rfc1459
                                         : IrcCaseMapping::Mapping::Ascii);
    QCOMPARE(MentionFinder::mentions(text, nick, mapping), expected);
}

QTEST_GUILESS_MAIN(tst_MentionFinder)
#include "tst_mentionfinder.moc"

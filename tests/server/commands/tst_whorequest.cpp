// WhoRequest: the parameters of WHO, including WHOX's "%fields,token", as a pure function.
#include "commands/whorequest.h"

#include <QTest>

class tst_WhoRequest : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
};

void tst_WhoRequest::parse_data()
{
    QTest::addColumn<QString>("mask");
    QTest::addColumn<QString>("options");
    QTest::addColumn<QString>("expectedMask");
    QTest::addColumn<bool>("whox");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("operatorsOnly");

    using W = WhoRequest;
    QTest::newRow("plain WHO") << "alice"
                               << ""
                               << "alice" << false << 0 << "0" << false;
    QTest::newRow("empty mask is *") << ""
                                     << ""
                                     << "*" << false << 0 << "0" << false;
    QTest::newRow("operators only") << "*"
                                    << "o"
                                    << "*" << false << 0 << "0" << true;
    QTest::newRow("one field") << "#c"
                               << "%n"
                               << "#c" << true << int(W::Nick) << "0" << false;
    QTest::newRow("every field and a token") << "*"
                                             << "%tcuihsnfdlaor,123"
                                             << "*" << true << 0x1fff << "123" << false;
    QTest::newRow("letters in any order")
        << "*"
        << "%rnt,7"
        << "*" << true << int(W::RealName | W::Nick | W::Token) << "7" << false;
    QTest::newRow("o before %") << "*"
                                << "o%n"
                                << "*" << true << int(W::Nick) << "0" << true;
    QTest::newRow("unknown letters ignored") << "*"
                                             << "%nxyz"
                                             << "*" << true << int(W::Nick) << "0" << false;
    QTest::newRow("token too long") << "*"
                                    << "%tn,1234"
                                    << "*" << true << int(W::Token | W::Nick) << "0" << false;
    QTest::newRow("token not digits") << "*"
                                      << "%tn,a1"
                                      << "*" << true << int(W::Token | W::Nick) << "0" << false;
    QTest::newRow("non-ASCII letter")
        << "*" << QStringLiteral("%n\u00e9") << "*" << true << int(W::Nick) << "0" << false;
}

void tst_WhoRequest::parse()
{
    QFETCH(QString, mask);
    QFETCH(QString, options);
    QFETCH(QString, expectedMask);
    QFETCH(bool, whox);
    QFETCH(int, fields);
    QFETCH(QString, token);
    QFETCH(bool, operatorsOnly);
    const WhoRequest request(mask, options);
    QCOMPARE(request.mask(), expectedMask);
    QCOMPARE(request.isWhox(), whox);
    QCOMPARE(request.fields(), fields);
    QCOMPARE(request.token(), token);
    QCOMPARE(request.operatorsOnly(), operatorsOnly);
}

QTEST_GUILESS_MAIN(tst_WhoRequest)
#include "tst_whorequest.moc"

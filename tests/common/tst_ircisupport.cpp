#include "ircisupport.h"
#include "irclimits.h"

#include <QTest>

class tst_IrcISupport : public QObject
{
    Q_OBJECT

private slots:
    void defaults();
    void announced();
    void removedAndEscaped();
};

void tst_IrcISupport::defaults()
{
    const IrcISupport support;
    QCOMPARE(support.caseMapping().mapping(), IrcCaseMapping::Mapping::Rfc1459);
    QCOMPARE(support.chanTypes(), QStringLiteral("#&"));
    QCOMPARE(support.prefixModes(), QStringLiteral("ov"));
    QCOMPARE(support.prefixSymbols(), QStringLiteral("@+"));
    QCOMPARE(support.nickLength(), Limits::DefaultNickLength);
    QCOMPARE(support.lineLength(), Limits::MaxLineBytes);
    QVERIFY(support.network().isEmpty());
}

void tst_IrcISupport::announced()
{
    IrcISupport support;
    support.addReply({"alice", "CASEMAPPING=ascii", "CHANTYPES=#", "PREFIX=(qov)~@+",
                      "NICKLEN=16", "NETWORK=Confab", "EXCEPTS", "are supported by this server"});
    support.addReply({"alice", "LINELEN=1024", "are supported by this server"});
    QCOMPARE(support.caseMapping().mapping(), IrcCaseMapping::Mapping::Ascii);
    QCOMPARE(support.chanTypes(), QStringLiteral("#"));
    QCOMPARE(support.prefixModes(), QStringLiteral("qov"));
    QCOMPARE(support.prefixSymbols(), QStringLiteral("~@+"));
    QCOMPARE(support.nickLength(), 16);
    QCOMPARE(support.lineLength(), 1024);
    QCOMPARE(support.network(), QStringLiteral("Confab"));
    QVERIFY(support.has("EXCEPTS"));
    QVERIFY(!support.has("are supported by this server"));
    QVERIFY(!support.has("alice"));
}

void tst_IrcISupport::removedAndEscaped()
{
    IrcISupport support;
    support.addReply({"a", "NETWORK=My\\x20Net\\x3D", "NICKLEN=abc", "PREFIX=", "x"});
    QCOMPARE(support.network(), QStringLiteral("My Net="));
    QCOMPARE(support.nickLength(), Limits::DefaultNickLength); // not a number: default
    QCOMPARE(support.prefixModes(), QString());                // announced empty: no prefixes
    support.addReply({"a", "-NETWORK", "x"});
    QVERIFY(!support.has("NETWORK"));
}

QTEST_GUILESS_MAIN(tst_IrcISupport)
#include "tst_ircisupport.moc"

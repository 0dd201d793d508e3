#include "session/startoptions.h"

#include <QTest>

class tst_StartOptions : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void tls_data();
    void tls();
};

void tst_StartOptions::parse_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<bool>("connectNow");
    QTest::addColumn<QString>("lang");
    QTest::newRow("nothing") << QStringList{"confab"} << true << "" << 0 << "" << false << "";
    QTest::newRow("everything") << QStringList{"confab", "--server",  "h:7",    "--nick",
                                               "ann",    "--connect", "--lang", "zh_CN"}
                                << true << "h" << 7 << "ann" << true << "zh_CN";
    QTest::newRow("connect without nick: the saved name")
        << QStringList{"confab", "--connect"} << true << "" << 0 << "" << true << "";
    QTest::newRow("several nodes: the list is the address")
        << QStringList{"confab", "--server", "a.lan:6667,b.lan"} << true << "a.lan:6667,b.lan" << 0
        << "" << false << "";
    QTest::newRow("bracketed ipv6") << QStringList{"confab", "--server", "[::1]:7000"} << true
                                    << "::1" << 7000 << "" << false << "";
    QTest::newRow("one bad node") << QStringList{"confab", "--server", "a.lan,b.lan:0"} << false
                                  << "" << 0 << "" << false << "";
    QTest::newRow("bad server") << QStringList{"confab", "--server", "h:x"} << false << "" << 0
                                << "" << false << "";
    QTest::newRow("unknown option")
        << QStringList{"confab", "--bogus"} << false << "" << 0 << "" << false << "";
    QTest::newRow("stray argument")
        << QStringList{"confab", "stray"} << false << "" << 0 << "" << false << "";
}

void tst_StartOptions::parse()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    StartOptions options;
    QString error;
    QCOMPARE(options.parse(args, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (!ok)
        return;
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, nick);
    QFETCH(bool, connectNow);
    QFETCH(QString, lang);
    QCOMPARE(options.host, host);
    QCOMPARE(int(options.port), port);
    QCOMPARE(options.nick, nick);
    QCOMPARE(options.connectNow, connectNow);
    QCOMPARE(options.language, lang);
}

void tst_StartOptions::tls_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("tls"); // -1: not given
    QTest::addColumn<int>("port");
    QTest::newRow("neither: as saved") << QStringList{"confab"} << true << -1 << 0;
    QTest::newRow("--tls: port 6697") << QStringList{"confab", "--tls"} << true << 1 << 6697;
    QTest::newRow("--no-tls: port 6667") << QStringList{"confab", "--no-tls"} << true << 0 << 6667;
    QTest::newRow("--no-tls with a port")
        << QStringList{"confab", "--server", "127.0.0.1:7000", "--no-tls"} << true << 0 << 7000;
    QTest::newRow("--tls with a port")
        << QStringList{"confab", "--tls", "--server", "h:6667"} << true << 1 << 6667;
    QTest::newRow("--server host only, --tls")
        << QStringList{"confab", "--server", "h", "--tls"} << true << 1 << 6697;
    QTest::newRow("both") << QStringList{"confab", "--tls", "--no-tls"} << false << -1 << 0;
}

void tst_StartOptions::tls()
{
    QFETCH(QStringList, args);
    QFETCH(bool, ok);
    QFETCH(int, tls);
    QFETCH(int, port);
    StartOptions options;
    QString error;
    QCOMPARE(options.parse(args, &error), ok);
    QCOMPARE(error.isEmpty(), ok);
    if (!ok)
        return;
    QCOMPARE(options.tls.has_value(), tls >= 0);
    if (options.tls)
        QCOMPARE(int(*options.tls), tls);
    QCOMPARE(int(options.port), port);
}

QTEST_GUILESS_MAIN(tst_StartOptions)
#include "tst_startoptions.moc"

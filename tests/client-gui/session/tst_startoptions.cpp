#include "session/startoptions.h"

#include <QTest>

class tst_StartOptions : public QObject
{
    Q_OBJECT

private slots:
    void splitServer_data();
    void splitServer();
    void parse_data();
    void parse();
    void tls_data();
    void tls();
};

void tst_StartOptions::splitServer_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("host:port") << "chat.example.org:6697" << true << "chat.example.org" << 6697;
    QTest::newRow("host only") << "localhost" << true << "localhost" << 0;
    QTest::newRow("ipv4") << "127.0.0.1:6667" << true << "127.0.0.1" << 6667;
    QTest::newRow("bracketed ipv6") << "[::1]:7000" << true << "::1" << 7000;
    QTest::newRow("bare ipv6") << "::1" << true << "::1" << 0;
    QTest::newRow("empty") << "" << false << "" << 0;
    QTest::newRow("port zero") << "host:0" << false << "host" << 0;
    QTest::newRow("port too big") << "host:70000" << false << "host" << 0;
    QTest::newRow("port not a number") << "host:abc" << false << "host" << 0;
    QTest::newRow("no host") << ":6667" << false << "" << 6667;
}

void tst_StartOptions::splitServer()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString h;
    quint16 p = 0;
    QCOMPARE(StartOptions::splitServer(text, &h, &p), ok);
    if (ok) {
        QCOMPARE(h, host);
        QCOMPARE(int(p), port);
    }
}

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

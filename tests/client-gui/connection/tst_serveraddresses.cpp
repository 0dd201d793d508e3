#include "connection/serveraddresses.h"

#include <QTest>

class tst_ServerAddresses : public QObject
{
    Q_OBJECT

private slots:
    void splitOne_data();
    void splitOne();
    void parse_data();
    void parse();
    void display();
};

void tst_ServerAddresses::splitOne_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("host:port") << "chat.example.org:6697" << true << "chat.example.org" << 6697;
    QTest::newRow("host only") << "localhost" << true << "localhost" << 0;
    QTest::newRow("ipv4") << "127.0.0.1:6667" << true << "127.0.0.1" << 6667;
    QTest::newRow("bracketed ipv6") << "[::1]:7000" << true << "::1" << 7000;
    QTest::newRow("bracketed ipv6, no port") << "[fd00::2]" << true << "fd00::2" << 0;
    QTest::newRow("bare ipv6") << "::1" << true << "::1" << 0;
    QTest::newRow("spaces around") << "  h:1 " << true << "h" << 1;
    QTest::newRow("empty") << "" << false << "" << 0;
    QTest::newRow("port zero") << "host:0" << false << "" << 0;
    QTest::newRow("port too big") << "host:70000" << false << "" << 0;
    QTest::newRow("port not a number") << "host:abc" << false << "" << 0;
    QTest::newRow("no host") << ":6667" << false << "" << 0;
    QTest::newRow("unclosed bracket") << "[::1:6667" << false << "" << 0;
    QTest::newRow("junk after bracket") << "[::1]x6667" << false << "" << 0;
}

void tst_ServerAddresses::splitOne()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString h;
    quint16 p = 0;
    QCOMPARE(ServerAddresses::splitOne(text, &h, &p), ok);
    if (ok) {
        QCOMPARE(h, host);
        QCOMPARE(int(p), port);
    }
}

void tst_ServerAddresses::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // host:port each; empty: not an address list
    QTest::newRow("one, default port") << "chat.lan" << QStringList{"chat.lan:6667"};
    QTest::newRow("one with its port") << "chat.lan:7000" << QStringList{"chat.lan:7000"};
    QTest::newRow("three nodes, commas")
        << "a.lan, b.lan:6668,[fd00::2]:6697"
        << QStringList{"a.lan:6667", "b.lan:6668", "[fd00::2]:6697"};
    QTest::newRow("spaces and semicolons")
        << " a.lan  b.lan;c.lan " << QStringList{"a.lan:6667", "b.lan:6667", "c.lan:6667"};
    QTest::newRow("repeats dropped, case ignored")
        << "a.lan, A.LAN:6667, b.lan" << QStringList{"a.lan:6667", "b.lan:6667"};
    QTest::newRow("bare ipv6 takes the default port") << "::1" << QStringList{"[::1]:6667"};
    QTest::newRow("empty") << "" << QStringList{};
    QTest::newRow("only separators") << " , ; " << QStringList{};
    QTest::newRow("one bad entry spoils the list") << "a.lan, b.lan:0" << QStringList{};
    QTest::newRow("too many")
        << QStringLiteral("h,").repeated(ServerAddresses::MaxAddresses) + QStringLiteral("last")
        << QStringList{};
}

void tst_ServerAddresses::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList got;
    for (const ServerEndpoint& endpoint : ServerAddresses::parse(text, 6667))
        got.append(ServerAddresses::display(endpoint));
    QCOMPARE(got, expected);
}

void tst_ServerAddresses::display()
{
    QCOMPARE(ServerAddresses::display({QStringLiteral("chat.lan"), 6697}),
             QStringLiteral("chat.lan:6697"));
    QCOMPARE(ServerAddresses::display({QStringLiteral("fe80::1"), 6667}),
             QStringLiteral("[fe80::1]:6667"));
}

QTEST_GUILESS_MAIN(tst_ServerAddresses)
#include "tst_serveraddresses.moc"

// RelayLine: one serialization per tag variant, shared by every recipient.
#include "relayline.h"
#include "serveruser.h"

#include <QTest>

class tst_RelayLine : public QObject
{
    Q_OBJECT

private slots:
    void variants_data();
    void variants();
    void sharedBytes();
    void timeAddedOnlyWhenAsked();
    void messageIdOnlyForMessageTags();
};

static IrcMessage tagged()
{
    IrcMessage message(QStringLiteral("PRIVMSG"), {QStringLiteral("#c"), QStringLiteral("hi there")},
                       QStringLiteral("a!~u@h"));
    message.setTag(QStringLiteral("+typing"), QStringLiteral("done"));
    message.setTag(QStringLiteral("time"), QStringLiteral("2026-01-02T03:04:05.678Z"));
    message.setTag(QStringLiteral("msgid"), QStringLiteral("x1"));
    return message;
}

void tst_RelayLine::variants_data()
{
    QTest::addColumn<int>("caps");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("no caps") << 0 << QByteArray(":a!~u@h PRIVMSG #c :hi there\r\n");
    QTest::newRow("server-time") << ServerCap::ServerTime
                                 << QByteArray("@time=2026-01-02T03:04:05.678Z :a!~u@h PRIVMSG #c "
                                               ":hi there\r\n");
    QTest::newRow("message-tags") << ServerCap::MessageTags
                                   << QByteArray("@+typing=done;msgid=x1 :a!~u@h PRIVMSG #c "
                                                 ":hi there\r\n");
    QTest::newRow("both") << (ServerCap::MessageTags | ServerCap::ServerTime)
                          << QByteArray("@+typing=done;time=2026-01-02T03:04:05.678Z;msgid=x1 "
                                        ":a!~u@h PRIVMSG #c :hi there\r\n");
    QTest::newRow("other caps only") << (ServerCap::EchoMessage | ServerCap::AwayNotify)
                                     << QByteArray(":a!~u@h PRIVMSG #c :hi there\r\n");
}

void tst_RelayLine::variants()
{
    QFETCH(int, caps);
    QFETCH(QByteArray, expected);
    RelayLine line(tagged());
    ServerUser user(nullptr);
    user.m_caps = caps;
    QCOMPARE(line.wireFor(&user), expected);
}

void tst_RelayLine::sharedBytes()
{
    RelayLine line(tagged());
    ServerUser a(nullptr);
    ServerUser b(nullptr);
    ServerUser c(nullptr);
    c.m_caps = ServerCap::ServerTime;
    const QByteArray first = line.wireFor(&a);
    QCOMPARE(line.wireFor(&b).constData(), first.constData()); // same buffer, not a copy
    QVERIFY(line.wireFor(&c).constData() != first.constData());
    QCOMPARE(line.wireFor(&c).constData(), line.wireFor(&c).constData());
}

void tst_RelayLine::timeAddedOnlyWhenAsked()
{
    IrcMessage message(QStringLiteral("PRIVMSG"), {QStringLiteral("bob"), QStringLiteral("hi")},
                       QStringLiteral("a!~u@h"));
    message.setTag(QStringLiteral("msgid"), QStringLiteral("m7"));
    const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
    RelayLine line(message);
    ServerUser plain(nullptr);
    ServerUser timed(nullptr);
    timed.m_caps = ServerCap::ServerTime;
    ServerUser tagged(nullptr);
    tagged.m_caps = ServerCap::ServerTime | ServerCap::MessageTags;
    QCOMPARE(line.wireFor(&plain), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
    const std::optional<IrcMessage> a = IrcMessage::parse(line.wireFor(&timed).chopped(2));
    const std::optional<IrcMessage> b = IrcMessage::parse(line.wireFor(&tagged).chopped(2));
    QVERIFY(a && b);
    QCOMPARE(a->tags().size(), 1);
    QVERIFY(a->serverTime() >= before);
    QVERIFY(a->serverTime() <= QDateTime::currentDateTimeUtc());
    QCOMPARE(b->tag(QStringLiteral("time")), a->tag(QStringLiteral("time")));
    QCOMPARE(b->tag(QStringLiteral("msgid")), QStringLiteral("m7"));
    QCOMPARE(line.wireFor(&plain), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
}

void tst_RelayLine::messageIdOnlyForMessageTags()
{
    IrcMessage message(QStringLiteral("PRIVMSG"), {QStringLiteral("bob"), QStringLiteral("hi")},
                       QStringLiteral("a!~u@h"));
    RelayLine line(message, QStringLiteral("p-"), 36 * 36 + 35);
    ServerUser plain(nullptr);
    ServerUser timed(nullptr);
    timed.m_caps = ServerCap::ServerTime;
    ServerUser tagged(nullptr);
    tagged.m_caps = ServerCap::MessageTags;
    QCOMPARE(line.wireFor(&plain), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
    QVERIFY(!line.wireFor(&timed).contains("msgid"));
    QCOMPARE(line.wireFor(&tagged), QByteArray("@msgid=p-10z :a!~u@h PRIVMSG bob hi\r\n"));

    // A message id of the message's own wins.
    message.setTag(QStringLiteral("msgid"), QStringLiteral("own"));
    RelayLine own(message, QStringLiteral("p-"), 1);
    QCOMPARE(own.wireFor(&tagged), QByteArray("@msgid=own :a!~u@h PRIVMSG bob hi\r\n"));
}

QTEST_GUILESS_MAIN(tst_RelayLine)
#include "tst_relayline.moc"

// RelayLine: one serialization per tag variant, shared by every recipient.
#include "routing/relayline.h"
#include "state/serveruser.h"

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
    void timeFixedWhenAccepted();
    void accountTagOnlyForAccountTag();
};

static IrcMessage tagged()
{
    IrcMessage message(QStringLiteral("PRIVMSG"),
                       {QStringLiteral("#c"), QStringLiteral("hi there")},
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
    QTest::newRow("server-time") << ClientCap::ServerTime
                                 << QByteArray("@time=2026-01-02T03:04:05.678Z :a!~u@h PRIVMSG #c "
                                               ":hi there\r\n");
    QTest::newRow("message-tags") << ClientCap::MessageTags
                                  << QByteArray("@+typing=done;msgid=x1 :a!~u@h PRIVMSG #c "
                                                ":hi there\r\n");
    QTest::newRow("both") << (ClientCap::MessageTags | ClientCap::ServerTime)
                          << QByteArray("@+typing=done;time=2026-01-02T03:04:05.678Z;msgid=x1 "
                                        ":a!~u@h PRIVMSG #c :hi there\r\n");
    QTest::newRow("other caps only") << (ClientCap::EchoMessage | ClientCap::AwayNotify)
                                     << QByteArray(":a!~u@h PRIVMSG #c :hi there\r\n");
}

void tst_RelayLine::variants()
{
    QFETCH(int, caps);
    QFETCH(QByteArray, expected);
    RelayLine line(tagged());
    ServerUser user(1, nullptr, QStringLiteral("h"));
    user.setCaps(caps);
    QCOMPARE(line.wireFor(&user), expected);
}

void tst_RelayLine::sharedBytes()
{
    RelayLine line(tagged());
    ServerUser a(1, nullptr, QStringLiteral("h"));
    ServerUser b(1, nullptr, QStringLiteral("h"));
    ServerUser c(1, nullptr, QStringLiteral("h"));
    c.setCaps(ClientCap::ServerTime);
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
    ServerUser plain(1, nullptr, QStringLiteral("h"));
    ServerUser timed(1, nullptr, QStringLiteral("h"));
    timed.setCaps(ClientCap::ServerTime);
    ServerUser tagged(1, nullptr, QStringLiteral("h"));
    tagged.setCaps(ClientCap::ServerTime | ClientCap::MessageTags);
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
    RelayLine line(message, MessageId(QStringLiteral("p-"), 36 * 36 + 35), RelayLine::nowMs());
    ServerUser plain(1, nullptr, QStringLiteral("h"));
    ServerUser timed(1, nullptr, QStringLiteral("h"));
    timed.setCaps(ClientCap::ServerTime);
    ServerUser tagged(1, nullptr, QStringLiteral("h"));
    tagged.setCaps(ClientCap::MessageTags);
    QCOMPARE(line.wireFor(&plain), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
    QVERIFY(!line.wireFor(&timed).contains("msgid"));
    QCOMPARE(line.wireFor(&tagged), QByteArray("@msgid=p-10z :a!~u@h PRIVMSG bob hi\r\n"));

    // A message id of the message's own wins.
    message.setTag(QStringLiteral("msgid"), QStringLiteral("own"));
    RelayLine own(message, MessageId(QStringLiteral("p-"), 1), RelayLine::nowMs());
    QCOMPARE(own.wireFor(&tagged), QByteArray("@msgid=own :a!~u@h PRIVMSG bob hi\r\n"));
}

// The time is the one fixed when the message was accepted, however late a recipient is served.
void tst_RelayLine::timeFixedWhenAccepted()
{
    IrcMessage message(QStringLiteral("PRIVMSG"), {QStringLiteral("bob"), QStringLiteral("hi")},
                       QStringLiteral("a!~u@h"));
    const qint64 accepted =
        QDateTime(QDate(2026, 3, 4), QTime(5, 6, 7, 89), Qt::UTC).toMSecsSinceEpoch();
    RelayLine line(message, MessageId(QStringLiteral("p"), 1), accepted);
    ServerUser timed(1, nullptr, QStringLiteral("h"));
    timed.setCaps(ClientCap::ServerTime);
    QTest::qWait(5);
    QCOMPARE(line.wireFor(&timed),
             QByteArray("@time=2026-03-04T05:06:07.089Z :a!~u@h PRIVMSG bob hi\r\n"));
    QCOMPARE(line.timeMs(), accepted);
}

void tst_RelayLine::accountTagOnlyForAccountTag()
{
    IrcMessage message(QStringLiteral("PRIVMSG"), {QStringLiteral("bob"), QStringLiteral("hi")},
                       QStringLiteral("a!~u@h"));
    RelayLine line(message, MessageId(QStringLiteral("p"), 1), RelayLine::nowMs());
    line.setAccount(QStringLiteral("alice"));
    ServerUser plain(1, nullptr, QStringLiteral("h"));
    ServerUser account(2, nullptr, QStringLiteral("h"));
    account.setCaps(ClientCap::AccountTag);
    ServerUser tags(3, nullptr, QStringLiteral("h"));
    tags.setCaps(ClientCap::MessageTags);
    ServerUser both(4, nullptr, QStringLiteral("h"));
    both.setCaps(ClientCap::MessageTags | ClientCap::AccountTag);
    QCOMPARE(line.wireFor(&plain), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
    QCOMPARE(line.wireFor(&account), QByteArray("@account=alice :a!~u@h PRIVMSG bob hi\r\n"));
    QCOMPARE(line.wireFor(&tags), QByteArray("@msgid=p1 :a!~u@h PRIVMSG bob hi\r\n"));
    QCOMPARE(line.wireFor(&both), QByteArray("@account=alice;msgid=p1 :a!~u@h PRIVMSG bob hi\r\n"));

    // A sender who is not logged in has no account tag for anyone.
    RelayLine guest(message, MessageId(QStringLiteral("p"), 2), RelayLine::nowMs());
    QCOMPARE(guest.wireFor(&account), QByteArray(":a!~u@h PRIVMSG bob hi\r\n"));
}

QTEST_GUILESS_MAIN(tst_RelayLine)
#include "tst_relayline.moc"

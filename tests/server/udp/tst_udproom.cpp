// The UDP room alone, as the original protocol has it: texts to every live client as
// "ip:port" LF text (the sender too), "#ping#" never broadcast, silent clients forgotten, and
// what breaks a bound (size, UTF-8, rate, members) dropped and counted. Real UDP sockets on
// 127.0.0.1.
#include "servertestmain.h"
#include "udp/udproom.h"
#include "udptestclient.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

class tst_UdpRoom : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void textReachesEveryMemberWithTheSenderAddress();
    void heartbeatJoinsButIsNotBroadcast();
    void silentMemberIsForgotten();
    void heartbeatKeepsMemberLive();
    void hostileDatagramIsDroppedAndCounted_data();
    void hostileDatagramIsDroppedAndCounted();
    void longestDatagramFitsTheOriginalClient();
    void rateIsLimitedPerAddress();
    void roomIsBounded();
    void memberRefusedOnJoinIsNotServed();

private:
    bool start(const ServerConfig& config);
    static ServerConfig fastConfig();

    std::unique_ptr<UdpRoom> m_room;
};

ServerConfig tst_UdpRoom::fastConfig()
{
    ServerConfig config;
    config.udpRoomTimeoutMs = 400;
    config.udpRoomRate = 1000;
    config.udpRoomBurst = 1000;
    return config;
}

bool tst_UdpRoom::start(const ServerConfig& config)
{
    m_room = std::make_unique<UdpRoom>(config);
    return m_room->listen({QHostAddress(QHostAddress::LocalHost)}, 0) && m_room->port() != 0;
}

void tst_UdpRoom::init()
{
    QVERIFY(start(fastConfig()));
}

void tst_UdpRoom::cleanup()
{
    m_room.reset();
}

void tst_UdpRoom::textReachesEveryMemberWithTheSenderAddress()
{
    UdpTestClient alice(m_room->port());
    UdpTestClient bob(m_room->port());
    QSignalSpy texts(m_room.get(), &UdpRoom::textReceived);
    bob.ping();
    QTRY_COMPARE(m_room->memberCount(), 1);
    alice.send("h\xC3\xA9llo"); // "héllo"
    const QByteArray expected = alice.label() + "\nh\xC3\xA9llo";
    QTRY_VERIFY(bob.hasReceived(expected));
    QTRY_VERIFY(alice.hasReceived(expected)); // the sender too, as the original did
    QCOMPARE(texts.count(), 1);
    QCOMPARE(texts.at(0).at(1).toString(), QStringLiteral("h\u00e9llo"));
    QCOMPARE(m_room->memberCount(), 2);
    QCOMPARE(m_room->droppedTotal(), 0);
}

void tst_UdpRoom::heartbeatJoinsButIsNotBroadcast()
{
    UdpTestClient alice(m_room->port());
    UdpTestClient bob(m_room->port());
    QSignalSpy joined(m_room.get(), &UdpRoom::memberJoined);
    QSignalSpy texts(m_room.get(), &UdpRoom::textReceived);
    bob.ping();
    alice.ping();
    QTRY_COMPARE(joined.count(), 2);
    alice.ping();
    bob.send("marker");
    QTRY_VERIFY(alice.hasReceived(bob.label() + "\nmarker"));
    // The marker came after alice's second ping: no ping came before it.
    QCOMPARE(alice.received().size(), 1);
    QCOMPARE(bob.received().size(), 1);
    QCOMPARE(texts.count(), 1);
    QCOMPARE(joined.count(), 2); // a known member's datagram is no new join
}

void tst_UdpRoom::silentMemberIsForgotten()
{
    UdpTestClient alice(m_room->port());
    QSignalSpy left(m_room.get(), &UdpRoom::memberLeft);
    alice.ping();
    QTRY_COMPARE(m_room->memberCount(), 1);
    QTRY_COMPARE(left.count(), 1);
    QCOMPARE(left.at(0).at(0).value<UdpEndpoint>(), alice.endpoint());
    QCOMPARE(m_room->memberCount(), 0);
    // Forgotten: texts no longer reach it.
    UdpTestClient bob(m_room->port());
    bob.send("anyone?");
    QTRY_VERIFY(bob.hasReceived(bob.label() + "\nanyone?"));
    QVERIFY(alice.received().isEmpty());
}

void tst_UdpRoom::heartbeatKeepsMemberLive()
{
    UdpTestClient alice(m_room->port());
    QSignalSpy left(m_room.get(), &UdpRoom::memberLeft);
    // Three timeouts long, a heartbeat every quarter of one.
    for (int i = 0; i < 12; ++i) {
        alice.ping();
        QTest::qWait(100);
    }
    QCOMPARE(left.count(), 0);
    QCOMPARE(m_room->memberCount(), 1);
}

void tst_UdpRoom::hostileDatagramIsDroppedAndCounted_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<UdpRoom::Drop>("reason");
    QTest::newRow("1025 bytes") << QByteArray(1025, 'x') << UdpRoom::Drop::TooLong;
    QTest::newRow("64 KB") << QByteArray(65000, 'x') << UdpRoom::Drop::TooLong;
    QTest::newRow("latin-1") << QByteArray("caf\xE9") << UdpRoom::Drop::InvalidUtf8;
    QTest::newRow("cut character") << QByteArray("\xE4\xBD") << UdpRoom::Drop::InvalidUtf8;
    QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << UdpRoom::Drop::InvalidUtf8;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << UdpRoom::Drop::InvalidUtf8;
    QTest::newRow("ping then 0xFF") << QByteArray("#ping#\xFF") << UdpRoom::Drop::InvalidUtf8;
}

void tst_UdpRoom::hostileDatagramIsDroppedAndCounted()
{
    QFETCH(QByteArray, datagram);
    QFETCH(UdpRoom::Drop, reason);
    UdpTestClient listener(m_room->port());
    listener.ping();
    QTRY_COMPARE(m_room->memberCount(), 1);
    UdpTestClient hostile(m_room->port());
    hostile.send(datagram);
    QTRY_COMPARE(m_room->dropped(reason), 1);
    QCOMPARE(m_room->droppedTotal(), 1);
    // The room serves on, and the hostile sender did not become a member.
    listener.send("still here");
    QTRY_VERIFY(listener.hasReceived(listener.label() + "\nstill here"));
    QCOMPARE(listener.received().size(), 1);
    QVERIFY(!m_room->isMember(hostile.endpoint()));
    QVERIFY(hostile.received().isEmpty());
}

void tst_UdpRoom::longestDatagramFitsTheOriginalClient()
{
    UdpTestClient alice(m_room->port());
    // 1024 bytes, the most the original reads, ending in 3-byte characters: label + LF + text
    // is longer, and is cut between characters to 1024 bytes.
    QByteArray text(1024 - 30, 'a');
    while (text.size() + 3 <= 1024)
        text += "\xE4\xBD\xA0"; // 你
    text += QByteArray(1024 - text.size(), 'b');
    QCOMPARE(text.size(), 1024);
    alice.send(text);
    QTRY_COMPARE(alice.received().size(), 1);
    const QByteArray got = alice.received().constFirst();
    QVERIFY(got.size() <= 1024);
    QVERIFY(got.startsWith(alice.label() + '\n'));
    QVERIFY(text.startsWith(got.mid(alice.label().size() + 1)));
    QVERIFY(QString::fromUtf8(got).toUtf8() == got); // no broken character at the end
    QCOMPARE(m_room->droppedTotal(), 0);
}

void tst_UdpRoom::rateIsLimitedPerAddress()
{
    ServerConfig config = fastConfig();
    config.udpRoomRate = 0.5; // one every 2 s after the burst: none more during the test
    config.udpRoomBurst = 3;
    QVERIFY(start(config));
    UdpTestClient alice(m_room->port());
    for (int i = 0; i < 10; ++i)
        alice.send("line " + QByteArray::number(i));
    QTRY_COMPARE(m_room->dropped(UdpRoom::Drop::RateLimited), 7);
    QTRY_COMPARE(alice.received().size(), 3);
    QCOMPARE(alice.received().constLast(), alice.label() + "\nline 2");
    // Per address: another port of the same address shares the allowance.
    UdpTestClient sameHost(m_room->port());
    sameHost.send("me too");
    QTRY_COMPARE(m_room->dropped(UdpRoom::Drop::RateLimited), 8);
}

void tst_UdpRoom::roomIsBounded()
{
    ServerConfig config = fastConfig();
    config.udpRoomMaxMembers = 2;
    QVERIFY(start(config));
    UdpTestClient first(m_room->port());
    UdpTestClient second(m_room->port());
    UdpTestClient third(m_room->port());
    first.ping();
    second.ping();
    QTRY_COMPARE(m_room->memberCount(), 2);
    third.send("let me in");
    QTRY_COMPARE(m_room->dropped(UdpRoom::Drop::RoomFull), 1);
    QCOMPARE(m_room->memberCount(), 2);
    QVERIFY(!m_room->isMember(third.endpoint()));
    first.send("hello");
    QTRY_VERIFY(second.hasReceived(first.label() + "\nhello"));
    QVERIFY(third.received().isEmpty());
}

void tst_UdpRoom::memberRefusedOnJoinIsNotServed()
{
    UdpTestClient listener(m_room->port());
    listener.ping();
    QTRY_COMPARE(m_room->memberCount(), 1);
    // What the bridge does when no user can be made for a new member.
    UdpTestClient refused(m_room->port());
    connect(m_room.get(), &UdpRoom::memberJoined, this, [this, &refused](const UdpEndpoint& e) {
        if (e == refused.endpoint())
            m_room->removeMember(e);
    });
    QSignalSpy texts(m_room.get(), &UdpRoom::textReceived);
    refused.send("not heard");
    listener.send("heard");
    QTRY_COMPARE(texts.count(), 1);
    QCOMPARE(texts.at(0).at(1).toString(), QStringLiteral("heard"));
    QTRY_VERIFY(listener.hasReceived(listener.label() + "\nheard"));
    QCOMPARE(listener.received().size(), 1);
    QVERIFY(refused.received().isEmpty());
    QVERIFY(!m_room->isMember(refused.endpoint()));
}

CONFAB_SERVER_TEST_MAIN(tst_UdpRoom)

#include "tst_udproom.moc"

#include "session/networkstate.h"

#include <QTest>

// Membership kept once: joins, parts, kicks, quits and renames change the one NetworkState.
class tst_NetworkState : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void ownJoinKeepsFirstSpelling();
    void joinAndPart();
    void kickRemovesOnlyThatRoom();
    void quitLeavesEveryRoom();
    void renameEverywhere();
    void ownRename();
    void namesReplaceMembers();
    void namesForUnknownRoomDoNotAddIt();
    void caseMappingFromISupport();
    void fileHostFromISupport_data();
    void fileHostFromISupport();
    void reconnectKeepsRoomsForgetsMembers();
    void realNamesFollowRenamesAndGoWithQuits();
    void namesKeepPrefixesInRankOrder();
    void modesChangePrefixes_data();
    void modesChangePrefixes();
    void prefixesFollowRenames();

private:
    NetworkState m_state;
};

void tst_NetworkState::init()
{
    m_state = NetworkState();
    m_state.setNick(QStringLiteral("me"));
    m_state.joinRoom(QStringLiteral("#Lobby"));
    m_state.joinRoom(QStringLiteral("#dev"));
}

void tst_NetworkState::ownJoinKeepsFirstSpelling()
{
    m_state.joinRoom(QStringLiteral("#LOBBY"));
    QCOMPARE(m_state.rooms(), (QStringList{"#Lobby", "#dev"}));
    QCOMPARE(m_state.displayRoomName(QStringLiteral("#lobby")), QStringLiteral("#Lobby"));
    QCOMPARE(m_state.displayRoomName(QStringLiteral("#other")), QStringLiteral("#other"));
    QVERIFY(m_state.hasRoom(QStringLiteral("#DEV")));
    QVERIFY(!m_state.hasRoom(QStringLiteral("#other")));
}

void tst_NetworkState::joinAndPart()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_state.addMember(QStringLiteral("#LOBBY"), QStringLiteral("Bob")); // the same person
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("carol"));
    QCOMPARE(m_state.members(QStringLiteral("#Lobby")), (QStringList{"bob", "carol"}));
    QVERIFY(m_state.isMember(QStringLiteral("#lobby"), QStringLiteral("BOB")));

    QVERIFY(m_state.removeMember(QStringLiteral("#lobby"), QStringLiteral("BOB")));
    QVERIFY(!m_state.removeMember(QStringLiteral("#lobby"), QStringLiteral("bob")));
    QCOMPARE(m_state.members(QStringLiteral("#lobby")), QStringList{"carol"});

    m_state.removeRoom(QStringLiteral("#LOBBY")); // we left
    QCOMPARE(m_state.rooms(), QStringList{"#dev"});
    QVERIFY(m_state.members(QStringLiteral("#lobby")).isEmpty());
    QVERIFY(m_state.roomsOf(QStringLiteral("carol")).isEmpty());
}

void tst_NetworkState::kickRemovesOnlyThatRoom()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_state.addMember(QStringLiteral("#dev"), QStringLiteral("bob"));
    QVERIFY(m_state.removeMember(QStringLiteral("#dev"), QStringLiteral("bob")));
    QCOMPARE(m_state.roomsOf(QStringLiteral("bob")), QStringList{"#Lobby"});
}

void tst_NetworkState::quitLeavesEveryRoom()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_state.addMember(QStringLiteral("#dev"), QStringLiteral("bob"));
    m_state.addMember(QStringLiteral("#dev"), QStringLiteral("carol"));
    QCOMPARE(m_state.removeUser(QStringLiteral("Bob")), (QStringList{"#Lobby", "#dev"}));
    QVERIFY(m_state.roomsOf(QStringLiteral("bob")).isEmpty());
    QCOMPARE(m_state.members(QStringLiteral("#dev")), QStringList{"carol"});
    QVERIFY(m_state.removeUser(QStringLiteral("nobody")).isEmpty());
}

void tst_NetworkState::renameEverywhere()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_state.addMember(QStringLiteral("#dev"), QStringLiteral("bob"));
    QCOMPARE(m_state.renameUser(QStringLiteral("BOB"), QStringLiteral("robert")),
             (QStringList{"#Lobby", "#dev"}));
    QCOMPARE(m_state.members(QStringLiteral("#lobby")), QStringList{"robert"});
    QCOMPARE(m_state.members(QStringLiteral("#dev")), QStringList{"robert"});
    QVERIFY(m_state.roomsOf(QStringLiteral("bob")).isEmpty());
    QCOMPARE(m_state.nick(), QStringLiteral("me")); // someone else's rename
}

void tst_NetworkState::ownRename()
{
    m_state.renameUser(QStringLiteral("ME"), QStringLiteral("me2"));
    QCOMPARE(m_state.nick(), QStringLiteral("me2"));
    QVERIFY(m_state.isOwnNick(QStringLiteral("Me2")));
    QVERIFY(!m_state.isOwnNick(QStringLiteral("me")));
}

void tst_NetworkState::namesReplaceMembers()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("gone"));
    m_state.addNames(QStringLiteral("#lobby"), {QStringLiteral("@op"), QStringLiteral("+voiced")});
    m_state.addNames(QStringLiteral("#LOBBY"),
                     {QStringLiteral("@+both"), QStringLiteral("me!me@host")}); // userhost-in-names
    QCOMPARE(m_state.members(QStringLiteral("#lobby")), QStringList{"gone"});   // until 366
    QCOMPARE(m_state.endNames(QStringLiteral("#lobby")),
             (QStringList{"op", "voiced", "both", "me"}));
    QCOMPARE(m_state.members(QStringLiteral("#lobby")),
             (QStringList{"op", "voiced", "both", "me"}));
}

void tst_NetworkState::namesForUnknownRoomDoNotAddIt()
{
    m_state.addNames(QStringLiteral("#elsewhere"), {QStringLiteral("x")});
    QCOMPARE(m_state.endNames(QStringLiteral("#elsewhere")), QStringList{"x"});
    QVERIFY(!m_state.hasRoom(QStringLiteral("#elsewhere")));
    QVERIFY(m_state.members(QStringLiteral("#elsewhere")).isEmpty());
}

void tst_NetworkState::caseMappingFromISupport()
{
    // rfc1459 (the default): [ and { are the same letter.
    QVERIFY(m_state.isOwnNick(QStringLiteral("ME")));
    m_state.setNick(QStringLiteral("a[b"));
    QVERIFY(m_state.isOwnNick(QStringLiteral("A{B")));
    m_state.addISupport({QStringLiteral("me"), QStringLiteral("CASEMAPPING=ascii"),
                         QStringLiteral("are supported")});
    QVERIFY(!m_state.isOwnNick(QStringLiteral("A{B")));
    QVERIFY(m_state.isOwnNick(QStringLiteral("A[B")));
    QVERIFY(m_state.isRoomName(QStringLiteral("#x")));
    QVERIFY(!m_state.isRoomName(QStringLiteral("bob")));
    QVERIFY(!m_state.isRoomName(QString()));
}

void tst_NetworkState::fileHostFromISupport_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expected");
    QTest::newRow("IPv4") << "soju.im/FILEHOST=https://192.168.1.5:6680/upload"
                          << "https://192.168.1.5:6680/upload";
    QTest::newRow("IPv6 in brackets") << "soju.im/FILEHOST=https://[fe80::1]:6680/upload"
                                      << "https://[fe80::1]:6680/upload";
    QTest::newRow("escaped space is not a URL") << "soju.im/FILEHOST=https://a\\x20b/upload" << "";
    QTest::newRow("plain http refused") << "soju.im/FILEHOST=http://192.168.1.5:6680/upload"
                                        << "";
    QTest::newRow("relative refused") << "soju.im/FILEHOST=/upload" << "";
    QTest::newRow("not announced") << "NETWORK=x" << "";
    QTest::newRow("no value") << "soju.im/FILEHOST" << "";
}

void tst_NetworkState::fileHostFromISupport()
{
    QFETCH(QString, token);
    QFETCH(QString, expected);
    QVERIFY(m_state.fileHostUrl().isEmpty());
    m_state.addISupport({QStringLiteral("me"), token, QStringLiteral("are supported")});
    QCOMPARE(m_state.fileHostUrl().toString(), expected);
    m_state.resetForConnection();
    QVERIFY(m_state.fileHostUrl().isEmpty());
}

void tst_NetworkState::reconnectKeepsRoomsForgetsMembers()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("bob"));
    m_state.addISupport(
        {QStringLiteral("me"), QStringLiteral("CHANTYPES=&"), QStringLiteral("are supported")});
    QVERIFY(!m_state.isRoomName(QStringLiteral("#x")));
    m_state.resetForConnection();
    QCOMPARE(m_state.rooms(), (QStringList{"#Lobby", "#dev"}));
    QVERIFY(m_state.members(QStringLiteral("#lobby")).isEmpty());
    QVERIFY(m_state.isRoomName(QStringLiteral("#x")));
    m_state.addRoomToJoin(QStringLiteral("#later"));
    QCOMPARE(m_state.rooms().last(), QStringLiteral("#later"));
}

void tst_NetworkState::realNamesFollowRenamesAndGoWithQuits()
{
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("xm"));
    m_state.setRealName(QStringLiteral("XM"), QStringLiteral("小明"));
    QCOMPARE(m_state.realName(QStringLiteral("xm")), QStringLiteral("小明"));
    m_state.renameUser(QStringLiteral("xm"), QStringLiteral("xiaoming"));
    QVERIFY(m_state.realName(QStringLiteral("xm")).isEmpty());
    QCOMPARE(m_state.realName(QStringLiteral("xiaoming")), QStringLiteral("小明"));
    m_state.removeUser(QStringLiteral("xiaoming"));
    QVERIFY(m_state.realName(QStringLiteral("xiaoming")).isEmpty());
    m_state.setRealName(QStringLiteral("bob"), QStringLiteral("Bob"));
    m_state.clearMembers(); // connection lost
    QVERIFY(m_state.realName(QStringLiteral("bob")).isEmpty());
}

void tst_NetworkState::namesKeepPrefixesInRankOrder()
{
    m_state.addISupport({QStringLiteral("me"), QStringLiteral("PREFIX=(qaohv)~&@%+"),
                         QStringLiteral("are supported")});
    m_state.addNames(QStringLiteral("#lobby"),
                     {QStringLiteral("+@op"), QStringLiteral("%half"), QStringLiteral("plain"),
                      QStringLiteral("~owner!o@h")});
    m_state.endNames(QStringLiteral("#lobby"));
    QCOMPARE(m_state.members(QStringLiteral("#lobby")),
             (QStringList{"op", "half", "plain", "owner"}));
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("OP")),
             QStringLiteral("@+")); // multi-prefix, highest first whatever the order sent
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("half")),
             QStringLiteral("%"));
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("plain")), QString());
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("owner")),
             QStringLiteral("~"));
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("nobody")), QString());
}

void tst_NetworkState::modesChangePrefixes_data()
{
    QTest::addColumn<QString>("modes");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("bobPrefixes");
    QTest::addColumn<QString>("carolPrefixes");
    QTest::addColumn<QStringList>("changed");

    QTest::newRow("op") << "+o" << QStringList{"bob"} << "@" << "+" << QStringList{"bob"};
    QTest::newRow("voice and op, one line")
        << "+vo" << QStringList{"bob", "BOB"} << "@+" << "+" << QStringList{"bob"};
    QTest::newRow("take voice") << "-v" << QStringList{"carol"} << "" << "" << QStringList{"carol"};
    QTest::newRow("op one, devoice other")
        << "+o-v" << QStringList{"bob", "carol"} << "@" << "" << QStringList{"bob", "carol"};
    QTest::newRow("key and limit take arguments")
        << "+klo" << QStringList{"secret", "10", "bob"} << "@" << "+" << QStringList{"bob"};
    QTest::newRow("unset limit takes none")
        << "-l+o" << QStringList{"bob"} << "@" << "+" << QStringList{"bob"};
    QTest::newRow("ban mask is not a nick")
        << "+bo" << QStringList{"carol!*@*", "bob"} << "@" << "+" << QStringList{"bob"};
    QTest::newRow("room modes only") << "+nt" << QStringList{} << "" << "+" << QStringList{};
    QTest::newRow("nobody of that name")
        << "+o" << QStringList{"ghost"} << "" << "+" << QStringList{};
    QTest::newRow("argument missing") << "+oo" << QStringList{"bob"} << "@" << "+"
                                      << QStringList{"bob"};
    QTest::newRow("already voiced") << "+v" << QStringList{"carol"} << "" << "+" << QStringList{};
}

void tst_NetworkState::modesChangePrefixes()
{
    QFETCH(QString, modes);
    QFETCH(QStringList, args);
    QFETCH(QString, bobPrefixes);
    QFETCH(QString, carolPrefixes);
    QFETCH(QStringList, changed);
    m_state.addNames(QStringLiteral("#lobby"), {QStringLiteral("bob"), QStringLiteral("+carol")});
    m_state.endNames(QStringLiteral("#lobby"));
    QCOMPARE(m_state.applyModes(QStringLiteral("#LOBBY"), modes, args), changed);
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("bob")), bobPrefixes);
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("carol")), carolPrefixes);
    // Another room is not touched.
    QVERIFY(m_state.applyModes(QStringLiteral("#elsewhere"), QStringLiteral("+o"),
                               {QStringLiteral("bob")})
                .isEmpty());
}

void tst_NetworkState::prefixesFollowRenames()
{
    m_state.addNames(QStringLiteral("#lobby"), {QStringLiteral("@bob")});
    m_state.endNames(QStringLiteral("#lobby"));
    m_state.renameUser(QStringLiteral("bob"), QStringLiteral("robert"));
    QCOMPARE(m_state.prefixesOf(QStringLiteral("#lobby"), QStringLiteral("robert")),
             QStringLiteral("@"));
    m_state.addMember(QStringLiteral("#lobby"), QStringLiteral("newcomer"));
    QCOMPARE(m_state.memberList(QStringLiteral("#lobby")).size(), 2);
    QCOMPARE(m_state.memberList(QStringLiteral("#lobby")).at(1).prefixes, QString());
}

QTEST_GUILESS_MAIN(tst_NetworkState)
#include "tst_networkstate.moc"

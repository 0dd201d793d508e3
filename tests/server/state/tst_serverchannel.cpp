// ServerChannel: the rules that follow from a channel's modes, bans, invites and members.
#include "irccasemapping.h"
#include "state/serverchannel.h"
#include "state/serveruser.h"

#include <QTest>

class tst_ServerChannel : public QObject
{
    Q_OBJECT

private slots:
    void defaultModes();
    void modeString_data();
    void modeString();
    void checkJoin_data();
    void checkJoin();
    void inviteOverridesEverything();
    void canSend_data();
    void canSend();
    void bansFoldCase();
    void prefixes();
    void visibility();
};

namespace {

ServerUser makeUser(UserId id, const QString& nick)
{
    ServerUser user(id, nullptr, QStringLiteral("10.0.0.%1").arg(id));
    user.setNick(nick, IrcCaseMapping().fold(nick));
    user.setUserName(QStringLiteral("~u"));
    return user;
}

} // namespace

void tst_ServerChannel::defaultModes()
{
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    QVERIFY(channel.hasMode(ServerChannel::Mode::NoExternal));
    QVERIFY(channel.hasMode(ServerChannel::Mode::TopicLocked));
    QVERIFY(!channel.hasMode(ServerChannel::Mode::Secret));
    QVERIFY(!channel.setMode(ServerChannel::Mode::NoExternal, true)); // no change
    QVERIFY(channel.setMode(ServerChannel::Mode::NoExternal, false));
    QVERIFY(!channel.hasMode(ServerChannel::Mode::NoExternal));
}

void tst_ServerChannel::modeString_data()
{
    QTest::addColumn<bool>("showKey");
    QTest::addColumn<QString>("modes");
    QTest::addColumn<QStringList>("args");
    QTest::newRow("member sees key") << true << "+iklnt" << QStringList{"sesame", "5"};
    QTest::newRow("outsider sees star") << false << "+iklnt" << QStringList{"*", "5"};
}

void tst_ServerChannel::modeString()
{
    QFETCH(bool, showKey);
    QFETCH(QString, modes);
    QFETCH(QStringList, args);
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.setMode(ServerChannel::Mode::InviteOnly, true);
    channel.setKey(QStringLiteral("sesame"));
    channel.setLimit(5);
    QStringList actual;
    QCOMPARE(channel.modeString(showKey, &actual), modes);
    QCOMPARE(actual, args);
}

void tst_ServerChannel::checkJoin_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("expected");
    using D = ServerChannel::JoinDenial;
    QTest::newRow("open") << ""
                          << "" << int(D::None);
    QTest::newRow("key wrong") << "k"
                               << "nope" << int(D::BadKey);
    QTest::newRow("key right") << "k"
                               << "sesame" << int(D::None);
    QTest::newRow("invite only") << "i"
                                 << "" << int(D::InviteOnly);
    QTest::newRow("full") << "l"
                          << "" << int(D::Full);
    QTest::newRow("banned") << "b"
                            << "" << int(D::Banned);
    QTest::newRow("key checked before invite-only") << "ki"
                                                    << "" << int(D::BadKey);
}

void tst_ServerChannel::checkJoin()
{
    QFETCH(QString, setup);
    QFETCH(QString, key);
    QFETCH(int, expected);
    const IrcCaseMapping caseMapping;
    ServerUser op = makeUser(1, QStringLiteral("op"));
    ServerUser bob = makeUser(2, QStringLiteral("Bob"));
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.addMember(&op, ServerChannel::Op);
    if (setup.contains(u'k'))
        channel.setKey(QStringLiteral("sesame"));
    if (setup.contains(u'i'))
        channel.setMode(ServerChannel::Mode::InviteOnly, true);
    if (setup.contains(u'l'))
        channel.setLimit(1);
    if (setup.contains(u'b'))
        QVERIFY(channel.addBan(QStringLiteral("BOB!*@*"), caseMapping));
    QCOMPARE(int(channel.checkJoin(&bob, key, caseMapping)), expected);
}

void tst_ServerChannel::inviteOverridesEverything()
{
    const IrcCaseMapping caseMapping;
    ServerUser op = makeUser(1, QStringLiteral("op"));
    ServerUser bob = makeUser(2, QStringLiteral("bob"));
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.addMember(&op, ServerChannel::Op);
    channel.setKey(QStringLiteral("k"));
    channel.setMode(ServerChannel::Mode::InviteOnly, true);
    channel.setLimit(1);
    channel.addBan(QStringLiteral("*!*@*"), caseMapping);
    QVERIFY(channel.checkJoin(&bob, QString(), caseMapping) != ServerChannel::JoinDenial::None);
    channel.invite(bob.foldedNick());
    QCOMPARE(channel.checkJoin(&bob, QString(), caseMapping), ServerChannel::JoinDenial::None);
    channel.clearInvite(bob.foldedNick());
    QVERIFY(!channel.isInvited(bob.foldedNick()));
}

void tst_ServerChannel::canSend_data()
{
    QTest::addColumn<QString>("modes");
    QTest::addColumn<int>("flags"); // -1: not a member
    QTest::addColumn<bool>("banned");
    QTest::addColumn<bool>("expected");
    QTest::newRow("member") << "" << 0 << false << true;
    QTest::newRow("outsider, +n") << "n" << -1 << false << false;
    QTest::newRow("outsider, -n") << "" << -1 << false << true;
    QTest::newRow("member, +m") << "m" << 0 << false << false;
    QTest::newRow("voiced, +m") << "m" << int(ServerChannel::Voice) << false << true;
    QTest::newRow("op, +m") << "m" << int(ServerChannel::Op) << false << true;
    QTest::newRow("banned member") << "" << 0 << true << false;
    QTest::newRow("banned voiced") << "" << int(ServerChannel::Voice) << true << true;
}

void tst_ServerChannel::canSend()
{
    QFETCH(QString, modes);
    QFETCH(int, flags);
    QFETCH(bool, banned);
    QFETCH(bool, expected);
    const IrcCaseMapping caseMapping;
    ServerUser bob = makeUser(2, QStringLiteral("bob"));
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.setMode(ServerChannel::Mode::NoExternal, modes.contains(u'n'));
    channel.setMode(ServerChannel::Mode::Moderated, modes.contains(u'm'));
    if (flags >= 0)
        channel.addMember(&bob, flags);
    if (banned)
        channel.addBan(QStringLiteral("*!*@10.0.0.2"), caseMapping);
    QCOMPARE(channel.canSend(&bob, caseMapping), expected);
}

void tst_ServerChannel::bansFoldCase()
{
    const IrcCaseMapping caseMapping;
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    QVERIFY(channel.addBan(QStringLiteral("Nick[1]!*@*"), caseMapping));
    QVERIFY(!channel.addBan(QStringLiteral("nick{1}!*@*"), caseMapping)); // rfc1459 folding
    QCOMPARE(channel.bans(), QStringList{QStringLiteral("Nick[1]!*@*")});
    QVERIFY(channel.removeBan(QStringLiteral("NICK{1}!*@*"), caseMapping));
    QVERIFY(!channel.removeBan(QStringLiteral("nick[1]!*@*"), caseMapping));
    QVERIFY(channel.bans().isEmpty());
}

void tst_ServerChannel::prefixes()
{
    ServerUser a = makeUser(1, QStringLiteral("a"));
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.addMember(&a, ServerChannel::Op | ServerChannel::Voice);
    QCOMPARE(channel.prefixes(&a, false), QStringLiteral("@"));
    QCOMPARE(channel.prefixes(&a, true), QStringLiteral("@+"));
    channel.setFlag(&a, ServerChannel::Op, false);
    QCOMPARE(channel.prefixes(&a, false), QStringLiteral("+"));
    channel.removeMember(&a);
    QVERIFY(!channel.hasMember(&a));
    QCOMPARE(channel.prefixes(&a, true), QString());
}

void tst_ServerChannel::visibility()
{
    ServerUser a = makeUser(1, QStringLiteral("a"));
    ServerUser b = makeUser(2, QStringLiteral("b"));
    ServerChannel channel(QStringLiteral("#c"), QStringLiteral("#c"), 1);
    channel.addMember(&a, 0);
    QVERIFY(channel.isVisibleTo(&b));
    channel.setMode(ServerChannel::Mode::Secret, true);
    QVERIFY(!channel.isVisibleTo(&b));
    QVERIFY(channel.isVisibleTo(&a));
}

QTEST_GUILESS_MAIN(tst_ServerChannel)
#include "tst_serverchannel.moc"

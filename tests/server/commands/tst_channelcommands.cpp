// Channel commands over real sockets: INVITE and the IRCv3 invite-notify capability.
#include "accountfixture.h"
#include "servertestmain.h"

class tst_ChannelCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void inviteNotify();
    void inviteNotifyInviteOnlyToOperators();

private:
    AccountFixture m_fixture;
};

void tst_ChannelCommands::init()
{
    m_fixture.newDataDirectory();
    ServerConfig config = m_fixture.config();
    config.autoJoin = false;
    QVERIFY(m_fixture.start(config));
}

void tst_ChannelCommands::cleanup()
{
    m_fixture.stop();
}

// Members with the cap see the INVITE; those without, the inviter and outsiders do not.
void tst_ChannelCommands::inviteNotify()
{
    TestClient* op = m_fixture.user(QStringLiteral("op"), "invite-notify");
    TestClient* watcher = m_fixture.user(QStringLiteral("watcher"), "invite-notify");
    TestClient* plain = m_fixture.user(QStringLiteral("plain"));
    TestClient* outsider = m_fixture.user(QStringLiteral("outsider"), "invite-notify");
    TestClient* guest = m_fixture.user(QStringLiteral("guest"));
    QVERIFY(op && watcher && plain && outsider && guest);
    QVERIFY(!AccountFixture::ask(op, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(watcher, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(plain, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(plain, "INVITE guest #room", QStringLiteral("341")).isEmpty());
    QTRY_VERIFY(guest->has(QStringLiteral("INVITE")));
    QTRY_VERIFY(watcher->has(QStringLiteral("INVITE")));
    const IrcMessage seen = watcher->last(QStringLiteral("INVITE"));
    QVERIFY(seen.source().startsWith(QLatin1String("plain!")));
    QCOMPARE(seen.params(), (QStringList{"guest", "#room"}));
    QTRY_VERIFY(op->has(QStringLiteral("INVITE")));
    QVERIFY(m_fixture.sync(outsider));
    QVERIFY(!outsider->has(QStringLiteral("INVITE")));
    QVERIFY(m_fixture.sync(plain));
    QVERIFY(!plain->has(QStringLiteral("INVITE")));
}

// +i: only those who could invite (operators) are told.
void tst_ChannelCommands::inviteNotifyInviteOnlyToOperators()
{
    TestClient* op = m_fixture.user(QStringLiteral("op"), "invite-notify");
    TestClient* other = m_fixture.user(QStringLiteral("other"), "invite-notify");
    TestClient* watcher = m_fixture.user(QStringLiteral("watcher"), "invite-notify");
    TestClient* guest = m_fixture.user(QStringLiteral("guest"));
    QVERIFY(op && other && watcher && guest);
    QVERIFY(!AccountFixture::ask(op, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(other, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(watcher, "JOIN #room", QStringLiteral("366")).isEmpty());
    QVERIFY(!AccountFixture::ask(op, "MODE #room +io other", QStringLiteral("MODE")).isEmpty());
    QVERIFY(!AccountFixture::ask(op, "INVITE guest #room", QStringLiteral("341")).isEmpty());
    QTRY_VERIFY(other->has(QStringLiteral("INVITE")));
    QVERIFY(m_fixture.sync(watcher));
    QVERIFY(!watcher->has(QStringLiteral("INVITE")));
    QVERIFY(m_fixture.sync(op));
    QVERIFY(!op->has(QStringLiteral("INVITE")));
}

CONFAB_SERVER_TEST_MAIN(tst_ChannelCommands)
#include "tst_channelcommands.moc"

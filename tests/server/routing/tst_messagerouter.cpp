// MessageRouter: who gets a relayed line (a user, a channel's members, the user's neighbours),
// once each, with filters on capabilities; and what accept() fixes on a message.
#include "irccommand.h"
#include "net/clientconnection.h"
#include "routing/messagerouter.h"
#include "state/channelregistry.h"
#include "state/serverchannel.h"
#include "state/userregistry.h"

#include <QTest>

#include <memory>
#include <vector>

namespace {

class RecordingConnection : public ClientConnection
{
public:
    void send(const IrcMessage& message) override { sendWire(message.toWire()); }
    void sendWire(const QByteArray& wire) override { lines.append(wire); }
    void close(const QString&) override {}
    void setRegistered() override {}

    QList<QByteArray> lines;
};

} // namespace

class tst_MessageRouter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void acceptFixesSourceIdTimeAccount();
    void toChannelReachesEveryMemberOnce();
    void toChannelFilters_data();
    void toChannelFilters();
    void toNeighboursOncePerUser();
    void neighboursExcludeTheUser();

private:
    ServerUser* addUser(const QString& nick, int caps = 0);

    std::unique_ptr<UserRegistry> m_users;
    std::unique_ptr<ChannelRegistry> m_channels;
    std::vector<std::unique_ptr<RecordingConnection>> m_connections;
    QHash<const ServerUser*, RecordingConnection*> m_connectionOf;
};

void tst_MessageRouter::init()
{
    m_users = std::make_unique<UserRegistry>(IrcCaseMapping());
    m_channels = std::make_unique<ChannelRegistry>(IrcCaseMapping());
}

void tst_MessageRouter::cleanup()
{
    m_channels.reset();
    m_users.reset();
    m_connections.clear();
    m_connectionOf.clear();
}

ServerUser* tst_MessageRouter::addUser(const QString& nick, int caps)
{
    m_connections.push_back(std::make_unique<RecordingConnection>());
    ServerUser* user = m_users->add(m_connections.back().get(), QStringLiteral("host"));
    m_users->setNick(user, nick);
    user->setUserName(QStringLiteral("~u"));
    user->setCaps(caps);
    m_users->markRegistered(user, 1);
    m_connectionOf.insert(user, m_connections.back().get());
    return user;
}

void tst_MessageRouter::acceptFixesSourceIdTimeAccount()
{
    MessageRouter router(QStringLiteral("x"));
    ServerUser* alice = addUser(QStringLiteral("alice"));
    m_users->setAccount(alice, QStringLiteral("alice"));
    const qint64 before = RelayLine::nowMs();
    RelayLine first =
        router.accept(alice, IrcCommand::privmsg(QStringLiteral("#c"), QStringLiteral("hi")));
    RelayLine second =
        router.accept(alice, IrcCommand::privmsg(QStringLiteral("#c"), QStringLiteral("hi")));
    QCOMPARE(first.message().source(), QStringLiteral("alice!~u@host"));
    QCOMPARE(first.id().toString(), QStringLiteral("x1"));
    QCOMPARE(second.id().toString(), QStringLiteral("x2"));
    QVERIFY(first.timeMs() >= before);
    QVERIFY(first.timeMs() <= RelayLine::nowMs());
    QCOMPARE(first.account(), QStringLiteral("alice"));
}

void tst_MessageRouter::toChannelReachesEveryMemberOnce()
{
    MessageRouter router;
    ServerUser* alice = addUser(QStringLiteral("alice"));
    ServerUser* bob = addUser(QStringLiteral("bob"));
    ServerUser* carol = addUser(QStringLiteral("carol"));
    ServerChannel* channel = m_channels->create(QStringLiteral("#c"), 1);
    m_channels->join(channel, alice, ServerChannel::Op);
    m_channels->join(channel, bob, 0);
    RelayLine line =
        router.accept(alice, IrcCommand::privmsg(QStringLiteral("#c"), QStringLiteral("hi")));
    router.toChannel(channel, line);
    QCOMPARE(m_connectionOf[alice]->lines.size(), 1);
    QCOMPARE(m_connectionOf[bob]->lines.size(), 1);
    QCOMPARE(m_connectionOf[carol]->lines.size(), 0);
    QCOMPARE(m_connectionOf[bob]->lines.first(), QByteArray(":alice!~u@host PRIVMSG #c :hi\r\n"));
}

void tst_MessageRouter::toChannelFilters_data()
{
    QTest::addColumn<int>("required");
    QTest::addColumn<int>("excluded");
    QTest::addColumn<bool>("exceptSender");
    QTest::addColumn<QList<int>>("expected"); // lines for alice, bob (tags), carol (away-notify)
    QTest::newRow("everyone") << 0 << 0 << false << QList<int>{1, 1, 1};
    QTest::newRow("not the sender") << 0 << 0 << true << QList<int>{0, 1, 1};
    QTest::newRow("message-tags only")
        << int(ClientCap::MessageTags) << 0 << false << QList<int>{0, 1, 0};
    QTest::newRow("without message-tags")
        << 0 << int(ClientCap::MessageTags) << false << QList<int>{1, 0, 1};
    QTest::newRow("away-notify, not sender")
        << int(ClientCap::AwayNotify) << 0 << true << QList<int>{0, 0, 1};
}

void tst_MessageRouter::toChannelFilters()
{
    QFETCH(int, required);
    QFETCH(int, excluded);
    QFETCH(bool, exceptSender);
    QFETCH(QList<int>, expected);
    MessageRouter router;
    ServerUser* alice = addUser(QStringLiteral("alice"));
    ServerUser* bob = addUser(QStringLiteral("bob"), ClientCap::MessageTags);
    ServerUser* carol = addUser(QStringLiteral("carol"), ClientCap::AwayNotify);
    ServerChannel* channel = m_channels->create(QStringLiteral("#c"), 1);
    for (ServerUser* user : {alice, bob, carol})
        m_channels->join(channel, user, 0);
    RelayLine line = router.accept(alice, IrcCommand::away(QStringLiteral("lunch")));
    MessageRouter::Filter filter;
    filter.requiredCaps = required;
    filter.excludedCaps = excluded;
    filter.except = exceptSender ? alice : nullptr;
    router.toChannel(channel, line, filter);
    QCOMPARE((QList<int>{int(m_connectionOf[alice]->lines.size()),
                         int(m_connectionOf[bob]->lines.size()),
                         int(m_connectionOf[carol]->lines.size())}),
             expected);
}

void tst_MessageRouter::toNeighboursOncePerUser()
{
    MessageRouter router;
    ServerUser* alice = addUser(QStringLiteral("alice"));
    ServerUser* bob = addUser(QStringLiteral("bob"));
    ServerUser* carol = addUser(QStringLiteral("carol"));
    ServerUser* dave = addUser(QStringLiteral("dave"));
    // alice and bob share two channels; carol one; dave none.
    ServerChannel* one = m_channels->create(QStringLiteral("#one"), 1);
    ServerChannel* two = m_channels->create(QStringLiteral("#two"), 1);
    m_channels->join(one, alice, 0);
    m_channels->join(two, alice, 0);
    m_channels->join(one, bob, 0);
    m_channels->join(two, bob, 0);
    m_channels->join(two, carol, 0);
    RelayLine line = router.accept(alice, IrcCommand::nick(QStringLiteral("alicia")));
    router.toNeighbours(alice, line, true);
    QCOMPARE(m_connectionOf[alice]->lines.size(), 1);
    QCOMPARE(m_connectionOf[bob]->lines.size(), 1);
    QCOMPARE(m_connectionOf[carol]->lines.size(), 1);
    QCOMPARE(m_connectionOf[dave]->lines.size(), 0);

    RelayLine quit = router.accept(alice, IrcCommand::quit(QStringLiteral("bye")));
    router.toNeighbours(alice, quit, false);
    QCOMPARE(m_connectionOf[alice]->lines.size(), 1);
    QCOMPARE(m_connectionOf[bob]->lines.size(), 2);
}

void tst_MessageRouter::neighboursExcludeTheUser()
{
    ServerUser* alice = addUser(QStringLiteral("alice"));
    ServerUser* bob = addUser(QStringLiteral("bob"));
    ServerChannel* channel = m_channels->create(QStringLiteral("#c"), 1);
    m_channels->join(channel, alice, 0);
    QVERIFY(MessageRouter::neighbours(alice).isEmpty());
    m_channels->join(channel, bob, 0);
    QCOMPARE(MessageRouter::neighbours(alice), QList<ServerUser*>{bob});
    QCOMPARE(MessageRouter::neighbours(bob), QList<ServerUser*>{alice});
}

QTEST_GUILESS_MAIN(tst_MessageRouter)
#include "tst_messagerouter.moc"

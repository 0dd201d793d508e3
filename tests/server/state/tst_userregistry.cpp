// UserRegistry: the nick and account indexes, stable ids and the counts stay consistent through
// nick changes, logins, registration, +i, second sessions and removal.
#include "net/clientconnection.h"
#include "state/userregistry.h"

#include <QTest>

namespace {

class NullConnection : public ClientConnection
{
public:
    void send(const IrcMessage&) override {}
    void sendWire(const QByteArray&) override {}
    void close(const QString&) override {}
    void setRegistered() override {}
};

} // namespace

class tst_UserRegistry : public QObject
{
    Q_OBJECT

private slots:
    void idsAreStableAndNeverReused();
    void nickIndexFollowsChanges();
    void findByNickOnlyRegistered();
    void accountIndexFollowsLoginsAndRemoval();
    void countsFollowRegistrationAndInvisible();
    void clearReturnsConnections();
};

void tst_UserRegistry::idsAreStableAndNeverReused()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a, b, c;
    ServerUser* first = users.add(&a, QStringLiteral("h"));
    ServerUser* second = users.add(&b, QStringLiteral("h"));
    QVERIFY(first->id() != second->id());
    const UserId firstId = first->id();
    QCOMPARE(users.findById(firstId), first);
    users.setNick(first, QStringLiteral("alice"));
    QCOMPARE(first->id(), firstId); // a nick change keeps the id
    users.remove(first);
    QCOMPARE(users.findById(firstId), nullptr);
    ServerUser* third = users.add(&c, QStringLiteral("h"));
    QVERIFY(third->id() != firstId);
    QVERIFY(third->id() != second->id());
    QCOMPARE(users.find(&c), third);
    QCOMPARE(users.find(&a), nullptr);
}

void tst_UserRegistry::nickIndexFollowsChanges()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a;
    ServerUser* user = users.add(&a, QStringLiteral("h"));
    users.setNick(user, QStringLiteral("Alice[x]"));
    QCOMPARE(users.nickHolder(QStringLiteral("alice{x}")), user);
    users.setNick(user, QStringLiteral("bob"));
    QCOMPARE(users.nickHolder(QStringLiteral("alice{x}")), nullptr);
    QCOMPARE(users.nickHolder(QStringLiteral("bob")), user);
    QCOMPARE(user->nick(), QStringLiteral("bob"));
    users.remove(user);
    QCOMPARE(users.nickHolder(QStringLiteral("bob")), nullptr);
}

void tst_UserRegistry::findByNickOnlyRegistered()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a;
    ServerUser* user = users.add(&a, QStringLiteral("h"));
    users.setNick(user, QStringLiteral("alice"));
    QCOMPARE(users.findByNick(QStringLiteral("ALICE")), nullptr);
    users.markRegistered(user, 100);
    QCOMPARE(users.findByNick(QStringLiteral("ALICE")), user);
    QCOMPARE(user->signonSecs(), 100);
}

void tst_UserRegistry::accountIndexFollowsLoginsAndRemoval()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a, b, c;
    ServerUser* alice = users.add(&a, QStringLiteral("h"));
    users.setAccount(alice, QStringLiteral("Alice"));
    QCOMPARE(alice->account(), QStringLiteral("Alice"));
    QCOMPARE(alice->foldedAccount(), QStringLiteral("alice"));
    QCOMPARE(users.findByAccount(QStringLiteral("alice")), nullptr); // not registered yet
    users.markRegistered(alice, 1);
    QCOMPARE(users.findByAccount(QStringLiteral("alice")), alice);
    QCOMPARE(users.findByAccount(QStringLiteral("alice"), alice), nullptr);
    QCOMPARE(users.findByAccount(QStringLiteral("bob")), nullptr);

    // A second device logged in to the account, then attached as a session: one user.
    ServerUser* laptop = users.add(&b, QStringLiteral("h"));
    users.setAccount(laptop, QStringLiteral("alice"));
    QCOMPARE(users.findByAccount(QStringLiteral("alice"), laptop), alice);
    users.attachSession(alice, laptop);
    QCOMPARE(users.findByAccount(QStringLiteral("alice")), alice);
    QCOMPARE(users.findByAccount(QStringLiteral("alice"), alice), nullptr);

    // Another account, then out again.
    ServerUser* other = users.add(&c, QStringLiteral("h"));
    users.markRegistered(other, 1);
    users.setAccount(other, QStringLiteral("bob"));
    QCOMPARE(users.findByAccount(QStringLiteral("bob")), other);
    users.setAccount(other, QStringLiteral("Carol[]"));
    QCOMPARE(other->foldedAccount(), QStringLiteral("carol{}"));
    QCOMPARE(users.findByAccount(QStringLiteral("bob")), nullptr);
    QCOMPARE(users.findByAccount(QStringLiteral("carol{}")), other);
    users.setAccount(other, QString());
    QVERIFY(other->foldedAccount().isEmpty());
    QVERIFY(!other->isLoggedIn());
    QCOMPARE(users.findByAccount(QStringLiteral("carol{}")), nullptr);

    users.remove(alice);
    QCOMPARE(users.findByAccount(QStringLiteral("alice")), nullptr);
}

void tst_UserRegistry::countsFollowRegistrationAndInvisible()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a, b;
    ServerUser* alice = users.add(&a, QStringLiteral("h"));
    ServerUser* bob = users.add(&b, QStringLiteral("h"));
    users.setInvisible(alice, true); // before registration: not counted yet
    QCOMPARE(users.invisibleCount(), 0);
    users.markRegistered(alice, 1);
    QCOMPARE(users.registeredCount(), 1);
    QCOMPARE(users.invisibleCount(), 1);
    users.markRegistered(bob, 1);
    users.markRegistered(bob, 1); // twice counts once
    QCOMPARE(users.registeredCount(), 2);
    QCOMPARE(users.maxRegisteredCount(), 2);
    users.remove(alice);
    QCOMPARE(users.registeredCount(), 1);
    QCOMPARE(users.invisibleCount(), 0);
    QCOMPARE(users.maxRegisteredCount(), 2);
    QCOMPARE(users.connectionCount(), 1);
}

void tst_UserRegistry::clearReturnsConnections()
{
    UserRegistry users{IrcCaseMapping()};
    NullConnection a, b;
    users.markRegistered(users.add(&a, QStringLiteral("h")), 1);
    users.add(&b, QStringLiteral("h"));
    const std::vector<ClientConnection*> connections = users.clear();
    QCOMPARE(connections.size(), size_t(2));
    QCOMPARE(users.connectionCount(), 0);
    QCOMPARE(users.registeredCount(), 0);
}

QTEST_GUILESS_MAIN(tst_UserRegistry)
#include "tst_userregistry.moc"

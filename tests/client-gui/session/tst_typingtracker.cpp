// TypingTracker: who is typing where, from +typing that confabd relays between two
// ServerConnections, and from a scripted server for hostile floods.
#include "fakeircserver.h"
#include "irccommand.h"
#include "net/server.h"
#include "session/serverconnection.h"
#include "session/typingtracker.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class tst_TypingTracker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void shownAndCleared();
    void privateTyping();
    void expiresWithoutRefresh();
    void floodIsBounded();

private:
    ServerConnection* connectAs(const QString& nick);
    void startServer();

    std::unique_ptr<Server> m_server;
    QList<ServerConnection*> m_connections;
};

void tst_TypingTracker::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_TypingTracker::cleanup()
{
    qDeleteAll(m_connections);
    m_connections.clear();
    m_server.reset();
}

void tst_TypingTracker::startServer()
{
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    m_server = std::make_unique<Server>(config);
    QVERIFY(m_server->listen());
}

ServerConnection* tst_TypingTracker::connectAs(const QString& nick)
{
    auto* connection = new ServerConnection;
    m_connections.append(connection);
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(m_server->serverPort());
    connection->setDesiredNick(nick);
    connection->setAutoReconnect(false);
    connection->connectToServer();
    if (!QTest::qWaitFor([connection] { return connection->isRegistered(); }))
        qWarning("%s did not register", qPrintable(nick));
    return connection;
}

void tst_TypingTracker::shownAndCleared()
{
    startServer();
    ServerConnection* me = connectAs(QStringLiteral("me"));
    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    me->join(QStringLiteral("#Dev"));
    bob->join(QStringLiteral("#dev"));
    QTRY_VERIFY(me->network().isMember(QStringLiteral("#dev"), QStringLiteral("bob")));
    TypingTracker tracker(me);
    QSignalSpy changed(&tracker, &TypingTracker::changed);

    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("#dev")), QStringList{"bob"});
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("#Dev")); // as we named it
    QVERIFY(tracker.typing(QStringLiteral("bob")).isEmpty());         // not in private

    bob->sendMessage(QStringLiteral("#dev"), QStringLiteral("here it is")); // the message ends it
    QTRY_VERIFY(tracker.typing(QStringLiteral("#dev")).isEmpty());

    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("#dev")), QStringList{"bob"});
    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("done")));
    QTRY_VERIFY(tracker.typing(QStringLiteral("#dev")).isEmpty());

    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("#dev")), QStringList{"bob"});
    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("paused")));
    QTRY_VERIFY(tracker.typing(QStringLiteral("#dev")).isEmpty()); // shown as not typing

    bob->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("#dev")), QStringList{"bob"});
    bob->disconnectFromServer(QStringLiteral("bye"));
    QTRY_VERIFY(tracker.typing(QStringLiteral("#dev")).isEmpty());

    // Our own typing, echoed or not, is never shown.
    me->sendRaw(IrcCommand::typing(QStringLiteral("#dev"), QStringLiteral("active")));
    me->sendMessage(QStringLiteral("#dev"), QStringLiteral("marker"));
    QSignalSpy own(me, &ServerConnection::roomMessage);
    QTRY_COMPARE(own.count(), 1);
    QVERIFY(tracker.typing(QStringLiteral("#dev")).isEmpty());
}

void tst_TypingTracker::privateTyping()
{
    startServer();
    ServerConnection* me = connectAs(QStringLiteral("me"));
    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    ServerConnection* carol = connectAs(QStringLiteral("carol"));
    TypingTracker tracker(me);
    bob->sendRaw(IrcCommand::typing(QStringLiteral("me"), QStringLiteral("active")));
    carol->sendRaw(IrcCommand::typing(QStringLiteral("ME"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("BOB")), QStringList{"bob"});
    QTRY_COMPARE(tracker.typing(QStringLiteral("carol")), QStringList{"carol"});
    bob->sendMessage(QStringLiteral("me"), QStringLiteral("hi"));
    QTRY_VERIFY(tracker.typing(QStringLiteral("bob")).isEmpty());
    QCOMPARE(tracker.typing(QStringLiteral("carol")), QStringList{"carol"});
    carol->setNick(QStringLiteral("caroline")); // the conversation changes name: start afresh
    QTRY_VERIFY(tracker.typing(QStringLiteral("carol")).isEmpty());
}

void tst_TypingTracker::expiresWithoutRefresh()
{
    startServer();
    ServerConnection* me = connectAs(QStringLiteral("me"));
    ServerConnection* bob = connectAs(QStringLiteral("bob"));
    TypingTracker tracker(me);
    tracker.setActiveTimeout(300);
    QSignalSpy changed(&tracker, &TypingTracker::changed);
    bob->sendRaw(IrcCommand::typing(QStringLiteral("me"), QStringLiteral("active")));
    QTRY_COMPARE(tracker.typing(QStringLiteral("bob")), QStringList{"bob"});
    QTRY_VERIFY(tracker.typing(QStringLiteral("bob")).isEmpty()); // nobody said anything
    QTRY_COMPARE(changed.count(), 2); // shown, then gone: the bar hears of both
}

void tst_TypingTracker::floodIsBounded()
{
    FakeIrcServer fake;
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection me;
    me.setHost(QStringLiteral("127.0.0.1"));
    me.setPort(fake.port());
    me.setDesiredNick(QStringLiteral("me"));
    me.connectToServer();
    QTRY_VERIFY(me.isRegistered());
    TypingTracker tracker(&me);
    QSignalSpy typing(&me, &ServerConnection::typingReceived);
    for (int i = 0; i < 1000; ++i)
        fake.sendLine("@+typing=active :n" + QByteArray::number(i) + "!u@h TAGMSG #room");
    fake.sendLine("@+typing=active :me!u@h TAGMSG #room"); // our own echo
    QTRY_COMPARE(typing.count(), 1000);
    QCOMPARE(tracker.typing(QStringLiteral("#room")).size(), TypingTracker::MaxEntries);
    fake.dropClient();
    QTRY_VERIFY(tracker.typing(QStringLiteral("#room")).isEmpty()); // connection lost
}

QTEST_GUILESS_MAIN(tst_TypingTracker)
#include "tst_typingtracker.moc"

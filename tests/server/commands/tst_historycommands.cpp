// History over real sockets: CHATHISTORY (draft/chathistory) in batches with labels, who may
// read what, event playback, offline private messages delivered after a logout and login,
// labeled-response for ordinary commands, limits, and history surviving a restart.
#include "accountfixture.h"
#include "history/historyservice.h"
#include "logcapture.h"
#include "net/epolleventdispatcher.h"
#include "servertestmain.h"

#include <QSignalSpy>

#include <memory>

namespace {

const QByteArray HistoryCaps =
    "sasl batch server-time message-tags labeled-response draft/chathistory echo-message";
const QString Password = QStringLiteral("password-of-test");

} // namespace

class tst_HistoryCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capsAndIsupport();
    void latestInRoom();
    void selectors();
    void betweenBackwards();
    void roomHistoryForMembersOnly();
    void roomHistorySinceJoin();
    void privateHistoryByAccount();
    void guestHasNoPrivateHistory();
    void offlineMessageReplayedAfterLogin();
    void offlineMessageForHistoryClient();
    void unknownNickStillNoSuchNick();
    void eventPlayback();
    void typingNotStored();
    void malformedRequests_data();
    void malformedRequests();
    void limitClampedAndRateLimited();
    void historySurvivesRestart();
    void historyOff();
    void diskFullKeepsRelaying();
    void backlogKeepsEveryMessage();
    void labeledResponses();

private:
    // A registered client with the caps, logged in to the account of its nick when loggedIn
    // (the account is created first when needed).
    TestClient* login(const QString& nick, const QByteArray& caps = HistoryCaps,
                      bool loggedIn = true);
    bool makeAccount(const QString& name);
    // Sends the line and returns the batch that answers it: its opening line first, then its
    // body. Empty on a timeout.
    static QList<IrcMessage> request(TestClient* client, const QByteArray& line);
    static QStringList texts(const QList<IrcMessage>& batch);

    AccountFixture m_fixture;
    QSet<QString> m_accounts;
};

void tst_HistoryCommands::init()
{
    m_fixture.newDataDirectory();
    m_accounts.clear();
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    QVERIFY(m_fixture.start(config));
}

void tst_HistoryCommands::cleanup()
{
    m_fixture.stop();
}

bool tst_HistoryCommands::makeAccount(const QString& name)
{
    if (m_accounts.contains(name))
        return true;
    if (!m_fixture.registerAccount(name, Password))
        return false;
    m_accounts.insert(name);
    return true;
}

TestClient* tst_HistoryCommands::login(const QString& nick, const QByteArray& caps, bool loggedIn)
{
    if (loggedIn && !makeAccount(nick))
        return nullptr;
    // The account's own connection may still hold the nick for a moment after its QUIT.
    QTest::qWait(0);
    return m_fixture.login(nick, loggedIn ? nick : QString(), Password, caps);
}

QList<IrcMessage> tst_HistoryCommands::request(TestClient* client, const QByteArray& line)
{
    const int from = int(client->messages().size());
    client->sendLine(line);
    QString id;
    int start = -1;
    const bool done = QTest::qWaitFor(
        [&] {
            const QList<IrcMessage>& messages = client->messages();
            for (int i = from; i < messages.size(); ++i) {
                const IrcMessage& message = messages.at(i);
                if (message.command() != QLatin1String("BATCH"))
                    continue;
                if (start < 0 && message.param(0).startsWith(u'+')) {
                    start = i;
                    id = message.param(0).mid(1);
                } else if (start >= 0 && message.param(0) == u'-' + id) {
                    return true;
                }
            }
            return false;
        },
        5000);
    if (!done)
        return {};
    QList<IrcMessage> batch{client->messages().at(start)};
    for (int i = start + 1; i < client->messages().size(); ++i) {
        const IrcMessage& message = client->messages().at(i);
        if (message.tag(QStringLiteral("batch")) == id)
            batch.append(message);
    }
    return batch;
}

QStringList tst_HistoryCommands::texts(const QList<IrcMessage>& batch)
{
    QStringList result;
    for (qsizetype i = 1; i < batch.size(); ++i)
        result.append(batch.at(i).params().value(1));
    return result;
}

void tst_HistoryCommands::capsAndIsupport()
{
    TestClient* client = m_fixture.connect();
    client->sendLine("CAP LS 302");
    QTRY_VERIFY(client->has(QStringLiteral("CAP")));
    const QString caps = client->last(QStringLiteral("CAP")).params().last();
    for (const char* cap : {"batch", "labeled-response", "draft/chathistory",
                            "draft/event-playback"})
        QVERIFY2(caps.split(u' ').contains(QLatin1String(cap)), cap);
    client->sendLine("NICK isupport");
    client->sendLine("USER u 0 * :x");
    client->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(client));
    QStringList tokens;
    for (const IrcMessage& message : client->messages(QStringLiteral("005")))
        tokens += message.params().mid(1, message.paramCount() - 2);
    QVERIFY(tokens.contains(QStringLiteral("CHATHISTORY=100")));
    QVERIFY(tokens.contains(QStringLiteral("MSGREFTYPES=timestamp,msgid")));
}

void tst_HistoryCommands::latestInRoom()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), "", false);
    QVERIFY(alice && bob);
    for (int i = 1; i <= 5; ++i)
        bob->sendLine("PRIVMSG #lobby :line " + QByteArray::number(i));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 5);
    const QList<IrcMessage> live = alice->messages(QStringLiteral("PRIVMSG"));

    const QList<IrcMessage> batch = request(alice, "CHATHISTORY LATEST #lobby * 3");
    QCOMPARE(batch.size(), 4);
    QCOMPARE(batch.first().params(), (QStringList{batch.first().param(0), "chathistory", "#lobby"}));
    QCOMPARE(texts(batch), (QStringList{"line 3", "line 4", "line 5"}));
    // The same msgid and time as when the message was relayed live.
    for (int i = 1; i <= 3; ++i) {
        const IrcMessage& stored = batch.at(i);
        const IrcMessage& original = live.at(i + 1);
        QCOMPARE(stored.tag(QStringLiteral("msgid")), original.tag(QStringLiteral("msgid")));
        QCOMPARE(stored.tag(QStringLiteral("time")), original.tag(QStringLiteral("time")));
        QCOMPARE(stored.source(), original.source());
        QCOMPARE(stored.command(), QStringLiteral("PRIVMSG"));
        QCOMPARE(stored.param(0), QStringLiteral("#lobby"));
    }
    // More than there is: all five, oldest first.
    QCOMPARE(texts(request(alice, "CHATHISTORY LATEST #lobby * 50")).size(), 5);
}

void tst_HistoryCommands::selectors()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("PRIVMSG #lobby :m1");
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 1); // echo-message
    QTest::qWait(5); // the others in later milliseconds
    for (int i = 2; i <= 9; ++i)
        alice->sendLine("PRIVMSG #lobby :m" + QByteArray::number(i));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 9);
    const QList<IrcMessage> echoes = alice->messages(QStringLiteral("PRIVMSG"));
    const auto msgid = [&](int n) {
        return "msgid=" + echoes.at(n - 1).tag(QStringLiteral("msgid")).toUtf8();
    };
    const auto timestamp = [&](int n) {
        return "timestamp=" + echoes.at(n - 1).tag(QStringLiteral("time")).toUtf8();
    };
    QCOMPARE(texts(request(alice, "CHATHISTORY BEFORE #lobby " + msgid(5) + " 2")),
             (QStringList{"m3", "m4"}));
    QCOMPARE(texts(request(alice, "CHATHISTORY AFTER #lobby " + msgid(5) + " 2")),
             (QStringList{"m6", "m7"}));
    QCOMPARE(texts(request(alice, "CHATHISTORY AROUND #lobby " + msgid(5) + " 3")),
             (QStringList{"m4", "m5", "m6"}));
    QCOMPARE(texts(request(alice, "CHATHISTORY BETWEEN #lobby " + msgid(2) + ' ' + msgid(6) +
                                      " 10")),
             (QStringList{"m3", "m4", "m5"}));
    QCOMPARE(texts(request(alice, "CHATHISTORY LATEST #lobby " + msgid(7) + " 10")),
             (QStringList{"m8", "m9"}));
    // Timestamps: everything strictly after the first message's millisecond.
    const QStringList afterFirst = texts(request(alice, "CHATHISTORY AFTER #lobby " + timestamp(1) +
                                                            " 100"));
    QVERIFY2(!afterFirst.isEmpty(), alice->lines().constLast().constData());
    QVERIFY(!afterFirst.contains(QStringLiteral("m1")));
    QCOMPARE(afterFirst.constLast(), QStringLiteral("m9"));
    QVERIFY(texts(request(alice, "CHATHISTORY BEFORE #lobby " + timestamp(1) + " 100")).isEmpty());
    // An unknown msgid: an empty batch.
    QCOMPARE(request(alice, "CHATHISTORY BEFORE #lobby msgid=nosuchmessage 5").size(), 1);
    // Case of the subcommand and the target do not matter.
    QCOMPARE(texts(request(alice, "chathistory latest #LOBBY * 1")), QStringList{"m9"});
}

void tst_HistoryCommands::betweenBackwards()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    for (int i = 1; i <= 6; ++i)
        alice->sendLine("PRIVMSG #lobby :m" + QByteArray::number(i));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 6);
    const QList<IrcMessage> echoes = alice->messages(QStringLiteral("PRIVMSG"));
    const QByteArray from = "msgid=" + echoes.at(5).tag(QStringLiteral("msgid")).toUtf8();
    const QByteArray to = "msgid=" + echoes.at(0).tag(QStringLiteral("msgid")).toUtf8();
    // From m6 back towards m1: the two closest to m6, oldest first.
    QCOMPARE(texts(request(alice, "CHATHISTORY BETWEEN #lobby " + from + ' ' + to + " 2")),
             (QStringList{"m4", "m5"}));
}

void tst_HistoryCommands::roomHistoryForMembersOnly()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("JOIN #secret");
    alice->sendLine("PRIVMSG #secret :for members");
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    TestClient* eve = login(QStringLiteral("eve"));
    QVERIFY(eve);
    const int before = eve->count(QStringLiteral("FAIL"));
    eve->sendLine("CHATHISTORY LATEST #secret * 10");
    eve->sendLine("CHATHISTORY LATEST #nosuchroom * 10");
    QTRY_COMPARE(eve->count(QStringLiteral("FAIL")), before + 2);
    const QList<IrcMessage> fails = eve->messages(QStringLiteral("FAIL"));
    // The same answer whether the room exists or not.
    QCOMPARE(fails.at(before).params().mid(0, 4),
             (QStringList{"CHATHISTORY", "INVALID_TARGET", "LATEST", "#secret"}));
    QCOMPARE(fails.at(before + 1).params().mid(0, 4),
             (QStringList{"CHATHISTORY", "INVALID_TARGET", "LATEST", "#nosuchroom"}));
    QCOMPARE(fails.at(before).params().last(), fails.at(before + 1).params().last());
    QVERIFY(!eve->has(QStringLiteral("BATCH")));
    // Once a member, the room's past is readable.
    eve->sendLine("JOIN #secret");
    QCOMPARE(texts(request(eve, "CHATHISTORY LATEST #secret * 10")),
             QStringList{"for members"});
}

void tst_HistoryCommands::roomHistorySinceJoin()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("JOIN #private");
    alice->sendLine("MODE #private +H");
    QTRY_VERIFY(alice->has(QStringLiteral("MODE")));
    QCOMPARE(alice->last(QStringLiteral("MODE")).params(), (QStringList{"#private", "+H"}));
    alice->sendLine("PRIVMSG #private :before bob came");
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 1);
    QTest::qWait(5);
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    bob->sendLine("JOIN #private");
    QTRY_VERIFY(bob->count(QStringLiteral("366")) == 2);
    QTest::qWait(5);
    alice->sendLine("PRIVMSG #private :after bob came");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    // Under +H, bob reads only what was said since he joined; alice, everything.
    QCOMPARE(texts(request(bob, "CHATHISTORY LATEST #private * 10")),
             QStringList{"after bob came"});
    QCOMPARE(texts(request(bob, "CHATHISTORY BEFORE #private timestamp=2100-01-01T00:00:00.000Z 10")),
             QStringList{"after bob came"});
    QCOMPARE(texts(request(alice, "CHATHISTORY LATEST #private * 10")),
             (QStringList{"before bob came", "after bob came"}));
    // Without it, the whole history is the members'.
    alice->sendLine("MODE #private -H");
    QTRY_VERIFY(bob->has(QStringLiteral("MODE")));
    QCOMPARE(texts(request(bob, "CHATHISTORY LATEST #private * 10")),
             (QStringList{"before bob came", "after bob came"}));
    bob->sendLine("MODE #private");
    QTRY_VERIFY(bob->has(QStringLiteral("324")));
    QVERIFY(!bob->last(QStringLiteral("324")).param(2).contains(u'H'));
}

void tst_HistoryCommands::privateHistoryByAccount()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    HistoryService* history = m_fixture.server()->historyService();
    const qint64 stored = history->storedCount();
    alice->sendLine("PRIVMSG bob :hello bob");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    bob->sendLine("PRIVMSG alice :hello alice");
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 2); // its echo and bob's
    const QStringList conversation{"hello bob", "hello alice"};
    QCOMPARE(texts(request(alice, "CHATHISTORY LATEST bob * 10")), conversation);
    QCOMPARE(texts(request(bob, "CHATHISTORY LATEST alice * 10")), conversation);
    QCOMPARE(history->storedCount() - stored, 2); // one row per message, read by both

    // Alice comes back under another nick: her conversation with bob is hers, by account.
    alice->sendLine("QUIT");
    QTRY_VERIFY(alice->isDisconnected());
    TestClient* again = m_fixture.connectNegotiating(QStringLiteral("alice_laptop"), HistoryCaps);
    QVERIFY(again);
    QCOMPARE(AccountFixture::authenticate(again, QStringLiteral("PLAIN"), QStringLiteral("alice"),
                                          Password),
             QStringLiteral("903"));
    again->sendLine("CAP END");
    QVERIFY(m_fixture.waitForWelcome(again));
    QCOMPARE(texts(request(again, "CHATHISTORY LATEST bob * 10")), conversation);

    // Someone else, even under the nick alice once had, reads nothing of it.
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(carol);
    QCOMPARE(texts(request(carol, "CHATHISTORY LATEST bob * 10")), QStringList());

    // TARGETS lists the conversation and the room, each once.
    const QList<IrcMessage> targets =
        request(again, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z "
                       "timestamp=2100-01-01T00:00:00.000Z 50");
    QVERIFY(!targets.isEmpty());
    QCOMPARE(targets.first().param(1), QStringLiteral("draft/chathistory-targets"));
    QStringList names;
    for (qsizetype i = 1; i < targets.size(); ++i) {
        QCOMPARE(targets.at(i).command(), QStringLiteral("CHATHISTORY"));
        QCOMPARE(targets.at(i).param(0), QStringLiteral("TARGETS"));
        names.append(targets.at(i).param(1));
    }
    QCOMPARE(names, QStringList{"bob"}); // the room #lobby had no messages
}

void tst_HistoryCommands::guestHasNoPrivateHistory()
{
    TestClient* guest = login(QStringLiteral("guest1"), HistoryCaps, false);
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(guest && bob);
    guest->sendLine("PRIVMSG bob :from a guest");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    // A guest's name can pass to anyone: nothing is kept for it.
    QCOMPARE(request(guest, "CHATHISTORY LATEST bob * 10").size(), 1);
    // The account holder keeps its side, under the guest's nick.
    QCOMPARE(texts(request(bob, "CHATHISTORY LATEST guest1 * 10")), QStringList{"from a guest"});
}

void tst_HistoryCommands::offlineMessageReplayedAfterLogin()
{
    QVERIFY(makeAccount(QStringLiteral("bob")));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("PRIVMSG bob :while you were away");
    alice->sendLine("NOTICE bob :a notice too");
    QTRY_VERIFY(alice->has(QStringLiteral("301")));
    QCOMPARE(alice->last(QStringLiteral("301")).param(1), QStringLiteral("bob"));
    QVERIFY(!alice->has(QStringLiteral("401")));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 1); // echo-message still echoes
    const QString sentAt = alice->last(QStringLiteral("PRIVMSG")).tag(QStringLiteral("time"));
    QTest::qWait(20);

    // Bob logs in with a plain client (server-time only): the messages are replayed after the
    // welcome with their original time.
    TestClient* bob = login(QStringLiteral("bob"), "sasl server-time");
    QVERIFY(bob);
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    QTRY_VERIFY(bob->has(QStringLiteral("NOTICE")));
    const IrcMessage replayed = bob->last(QStringLiteral("PRIVMSG"));
    QCOMPARE(replayed.source().section(u'!', 0, 0), QStringLiteral("alice"));
    QCOMPARE(replayed.param(0), QStringLiteral("bob"));
    QCOMPARE(replayed.param(1), QStringLiteral("while you were away"));
    QCOMPARE(replayed.tag(QStringLiteral("time")), sentAt);
    QVERIFY(bob->indexOf(QStringLiteral("PRIVMSG")) > bob->indexOf(QStringLiteral("001")));
    QVERIFY(bob->indexOf(QStringLiteral("PRIVMSG")) < bob->indexOf(QStringLiteral("NOTICE"),
                                                                   bob->indexOf("001")));

    // Once delivered, not again.
    bob->sendLine("QUIT");
    QTRY_VERIFY(bob->isDisconnected());
    TestClient* bobAgain = login(QStringLiteral("bob"), "sasl server-time");
    QVERIFY(bobAgain);
    bobAgain->sendLine("PING :sync");
    QTRY_VERIFY(bobAgain->has(QStringLiteral("PONG")));
    QTest::qWait(100);
    QVERIFY(!bobAgain->has(QStringLiteral("PRIVMSG")));
}

void tst_HistoryCommands::offlineMessageForHistoryClient()
{
    QVERIFY(makeAccount(QStringLiteral("bob")));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine("PRIVMSG bob :catch up on this");
    QTRY_VERIFY(alice->has(QStringLiteral("301")));
    // A draft/chathistory client is not flooded: it finds the conversation with TARGETS and
    // reads it with LATEST.
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    const QList<IrcMessage> targets =
        request(bob, "CHATHISTORY TARGETS timestamp=2000-01-01T00:00:00.000Z "
                     "timestamp=2100-01-01T00:00:00.000Z 50");
    QCOMPARE(targets.size(), 2);
    QCOMPARE(targets.at(1).param(1), QStringLiteral("alice"));
    QVERIFY(!bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(texts(request(bob, "CHATHISTORY LATEST alice * 10")),
             QStringList{"catch up on this"});
}

void tst_HistoryCommands::unknownNickStillNoSuchNick()
{
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(m_fixture.server()->historyService());
    const qint64 stored = m_fixture.server()->historyService()->storedCount(); // alice's JOIN
    alice->sendLine("PRIVMSG nobody :hello?");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
    QVERIFY(!alice->has(QStringLiteral("301")));
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), 0); // no echo of what went nowhere
    QCOMPARE(m_fixture.server()->historyService()->storedCount(), stored);
}

void tst_HistoryCommands::eventPlayback()
{
    TestClient* alice = login(QStringLiteral("alice"), HistoryCaps + " draft/event-playback");
    TestClient* bob = login(QStringLiteral("bob"), "", false);
    QVERIFY(alice && bob);
    bob->sendLine("PRIVMSG #lobby :hi");
    QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
    alice->sendLine("TOPIC #lobby :a topic"); // alice holds +o, as the first to join
    QTRY_VERIFY(bob->has(QStringLiteral("TOPIC")));
    bob->sendLine("PART #lobby :bye");
    QTRY_VERIFY(alice->has(QStringLiteral("PART")));
    QStringList commands;
    for (const IrcMessage& message : request(alice, "CHATHISTORY LATEST #lobby * 20").mid(1))
        commands.append(message.command());
    // From alice's own JOIN on.
    QCOMPARE(commands, (QStringList{"JOIN", "JOIN", "PRIVMSG", "TOPIC", "PART"}));
    // Without event-playback, only the messages.
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(carol);
    commands.clear();
    for (const IrcMessage& message : request(carol, "CHATHISTORY LATEST #lobby * 20").mid(1))
        commands.append(message.command());
    QCOMPARE(commands, QStringList{"PRIVMSG"});
}

void tst_HistoryCommands::typingNotStored()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("@+typing=active TAGMSG #lobby");
    alice->sendLine("@+draft/react=\xf0\x9f\x91\x8d TAGMSG #lobby");
    QTRY_COMPARE(bob->count(QStringLiteral("TAGMSG")), 2); // both relayed live
    const QList<IrcMessage> batch = request(bob, "CHATHISTORY LATEST #lobby * 10");
    QCOMPARE(batch.size(), 2); // the reaction only
    QCOMPARE(batch.at(1).command(), QStringLiteral("TAGMSG"));
    QCOMPARE(batch.at(1).tag(QStringLiteral("+draft/react")), QStringLiteral("\U0001F44D"));
    QVERIFY(!batch.at(1).hasTag(QStringLiteral("+typing")));
}

void tst_HistoryCommands::malformedRequests_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("fail");
    QTest::newRow("unknown") << QByteArray("CHATHISTORY SIDEWAYS #lobby * 5")
                             << QStringList{"UNKNOWN_COMMAND", "SIDEWAYS"};
    QTest::newRow("short") << QByteArray("CHATHISTORY LATEST #lobby")
                           << QStringList{"NEED_MORE_PARAMS", "LATEST"};
    QTest::newRow("bad limit") << QByteArray("CHATHISTORY LATEST #lobby * many")
                               << QStringList{"INVALID_PARAMS", "LATEST", "many"};
    QTest::newRow("zero limit") << QByteArray("CHATHISTORY LATEST #lobby * 0")
                                << QStringList{"INVALID_PARAMS", "LATEST", "0"};
    QTest::newRow("bad selector") << QByteArray("CHATHISTORY BEFORE #lobby yesterday 5")
                                  << QStringList{"INVALID_PARAMS", "BEFORE", "yesterday"};
    QTest::newRow("star before") << QByteArray("CHATHISTORY BEFORE #lobby * 5")
                                 << QStringList{"INVALID_PARAMS", "BEFORE", "*"};
    QTest::newRow("bad timestamp")
        << QByteArray("CHATHISTORY AFTER #lobby timestamp=2024-02-30T25:00:00.000Z 5")
        << QStringList{"INVALID_PARAMS", "AFTER", "timestamp=2024-02-30T25:00:00.000Z"};
    QTest::newRow("targets msgid")
        << QByteArray("CHATHISTORY TARGETS msgid=x timestamp=2024-01-01T00:00:00.000Z 5")
        << QStringList{"INVALID_PARAMS", "TARGETS", "msgid=x"};
}

void tst_HistoryCommands::malformedRequests()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, fail);
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->sendLine(line);
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    const IrcMessage reply = alice->last(QStringLiteral("FAIL"));
    QCOMPARE(reply.param(0), QStringLiteral("CHATHISTORY"));
    QCOMPARE(reply.params().mid(1, fail.size()), fail);
    QVERIFY(!alice->has(QStringLiteral("BATCH")));
    // The connection goes on.
    alice->sendLine("PING :still");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
}

void tst_HistoryCommands::limitClampedAndRateLimited()
{
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    config.historyQueryLimit = 3;
    config.historyQueriesPerMinute = 4;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    for (int i = 1; i <= 5; ++i)
        alice->sendLine("PRIVMSG #lobby :m" + QByteArray::number(i));
    QTRY_COMPARE(alice->count(QStringLiteral("PRIVMSG")), 5);
    QCOMPARE(texts(request(alice, "CHATHISTORY LATEST #lobby * 1000")),
             (QStringList{"m3", "m4", "m5"}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(request(alice, "CHATHISTORY LATEST #lobby * 1").size(), 2);
    alice->sendLine("CHATHISTORY LATEST #lobby * 1");
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).params().mid(0, 4),
             (QStringList{"CHATHISTORY", "MESSAGE_ERROR", "LATEST", "#lobby"}));
    // Other users are not limited by alice's requests.
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    QCOMPARE(request(bob, "CHATHISTORY LATEST #lobby * 1").size(), 2);
}

void tst_HistoryCommands::historySurvivesRestart()
{
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("PRIVMSG #lobby :before the restart");
    alice->sendLine("PRIVMSG bob :private, before the restart");
    QTRY_VERIFY(bob->count(QStringLiteral("PRIVMSG")) == 2);
    ServerConfig config = m_fixture.server()->config();
    QVERIFY(m_fixture.restart(config));
    m_accounts.insert(QStringLiteral("alice"));
    m_accounts.insert(QStringLiteral("bob"));
    TestClient* again = login(QStringLiteral("alice"));
    QVERIFY(again);
    QCOMPARE(texts(request(again, "CHATHISTORY LATEST #lobby * 10")),
             QStringList{"before the restart"});
    QCOMPARE(texts(request(again, "CHATHISTORY LATEST bob * 10")),
             QStringList{"private, before the restart"});
}

void tst_HistoryCommands::historyOff()
{
    ServerConfig config = m_fixture.config();
    config.historyEnabled = false;
    QVERIFY(m_fixture.restart(config));
    QVERIFY(!m_fixture.server()->historyService());
    QVERIFY(makeAccount(QStringLiteral("bob")));
    TestClient* alice = login(QStringLiteral("alice"), "sasl batch");
    QVERIFY(alice);
    alice->sendLine("CHATHISTORY LATEST #lobby * 10");
    QTRY_VERIFY(alice->has(QStringLiteral("421")));
    // Without history, a message to an absent account's name goes nowhere, as before.
    alice->sendLine("PRIVMSG bob :hello?");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
    TestClient* probe = m_fixture.connect();
    probe->sendLine("CAP LS 302");
    QTRY_VERIFY(probe->has(QStringLiteral("CAP")));
    QVERIFY(!probe->last(QStringLiteral("CAP")).params().last().contains(QLatin1String("chathistory")));
}

void tst_HistoryCommands::diskFullKeepsRelaying()
{
    // The database may not grow past 96 kB: the history fills up within the first few hundred
    // messages, and every message is still relayed live, to everyone.
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    config.historyMaxBytes = 96 * 1024;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), "", false);
    QVERIFY(alice && bob);
    alice->sendLine("PRIVMSG #lobby :stored before the disk filled");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    QVERIFY(m_fixture.server()->historyService()->storedCount() > 0);
    bob->clear();
    alice->clear();
    constexpr int Messages = 900; // within the fixture's flood limits
    for (int i = 0; i < Messages; ++i)
        alice->sendLine("PRIVMSG #lobby :a message that is long enough to fill the disk soon " +
                        QByteArray::number(i));
    QTRY_COMPARE_WITH_TIMEOUT(bob->count(QStringLiteral("PRIVMSG")), Messages, 20000);
    HistoryService* history = m_fixture.server()->historyService();
    QVERIFY(history);
    const qint64 stored = history->storedCount();
    QVERIFY2(history->failedWrites() > 0, qPrintable(QString::number(stored)));
    QVERIFY(stored > 0 && stored < Messages);
    // History still answers with what it has, and the server goes on.
    QVERIFY(texts(request(alice, "CHATHISTORY LATEST #lobby * 1000"))
                .contains(QStringLiteral("stored before the disk filled")));
    bob->sendLine("PRIVMSG #lobby :after the disk filled");
    QTRY_VERIFY(alice->last(QStringLiteral("PRIVMSG")).param(1) ==
                QLatin1String("after the disk filled"));
}

void tst_HistoryCommands::backlogKeepsEveryMessage()
{
    // A writer far behind (a backlog limit of 100 records) holds the clients back instead of
    // dropping what they say: every relayed message is stored.
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    config.historyBacklogRecords = 100;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = login(QStringLiteral("alice"));
    TestClient* bob = login(QStringLiteral("bob"), "", false);
    QVERIFY(alice && bob);
    HistoryService* history = m_fixture.server()->historyService();
    QSignalSpy backlog(history, &HistoryService::backlogChanged);
    // On confabd's event loop (tst_historycommands_epoll), the clients' sockets are paused as
    // one read group; with I/O threads (_threads) each session switches its reading off.
    EpollEventDispatcher* const dispatcher = EpollEventDispatcher::ofCurrentThread();
    auto groupNotFollowing = std::make_shared<int>(0); // the connection may outlive the test
    if (dispatcher) {
        if (ServerDefaults::threads() > 1)
            QCOMPARE(dispatcher->readGroupSize(), 0);
        else
            QVERIFY(dispatcher->readGroupSize() >= 2); // alice's and bob's
        connect(history, &HistoryService::backlogChanged, this,
                [dispatcher, groupNotFollowing](bool backlogged) {
                    // Connected after the Server: it has paused or resumed the group by now.
                    *groupNotFollowing += dispatcher->isReadGroupPaused() != backlogged ? 1 : 0;
                });
    }
    LogCapture log;
    const qint64 before = history->storedCount();
    constexpr int Messages = 900;
    QByteArray burst;
    for (int i = 0; i < Messages; ++i)
        burst += "PRIVMSG #lobby :burst " + QByteArray::number(i) + "\r\n";
    alice->sendRaw(burst); // one write: many lines per read on the server
    QTRY_COMPARE_WITH_TIMEOUT(bob->count(QStringLiteral("PRIVMSG")), Messages, 20000);
    QCOMPARE(history->storedCount() - before, Messages);
    QCOMPARE(history->droppedCount(), 0);
    QVERIFY(!backlog.isEmpty()); // the limit was reached on the way
    QTRY_VERIFY(!history->isBacklogged());
    // Reading paused several times; the operator's log says so once (Server logs a pause at
    // most every 10 s).
    int pauses = 0;
    for (const QList<QVariant>& change : std::as_const(backlog))
        pauses += change.at(0).toBool() ? 1 : 0;
    QVERIFY2(pauses >= 2, qPrintable(QString::number(pauses)));
    QCOMPARE(log.count(QStringLiteral("reading from clients paused")), 1);
    QCOMPARE(*groupNotFollowing, 0);
}

void tst_HistoryCommands::labeledResponses()
{
    TestClient* alice = login(QStringLiteral("alice"), "batch labeled-response", false);
    QVERIFY(alice);
    // One line: the label on it.
    alice->sendLine("@label=one PING :token");
    QTRY_VERIFY(alice->has(QStringLiteral("PONG")));
    QCOMPARE(alice->last(QStringLiteral("PONG")).tag(QStringLiteral("label")),
             QStringLiteral("one"));
    // Nothing to say: ACK.
    alice->sendLine("@label=two PONG :nothing");
    QTRY_VERIFY(alice->has(QStringLiteral("ACK")));
    QCOMPARE(alice->last(QStringLiteral("ACK")).tag(QStringLiteral("label")),
             QStringLiteral("two"));
    // Several lines: a labeled-response batch around them.
    const QList<IrcMessage> whois = request(alice, "@label=three WHOIS alice");
    QVERIFY(whois.size() > 2);
    QCOMPARE(whois.first().tag(QStringLiteral("label")), QStringLiteral("three"));
    QCOMPARE(whois.first().param(1), QStringLiteral("labeled-response"));
    QCOMPARE(whois.constLast().command(), QStringLiteral("318"));
    // A label with characters that need escaping comes back as it was sent.
    alice->sendLine("@label=a\\sb\\:c PING :escaped");
    QTRY_COMPARE(alice->count(QStringLiteral("PONG")), 2);
    QCOMPARE(alice->last(QStringLiteral("PONG")).tag(QStringLiteral("label")),
             QStringLiteral("a b;c"));
    // Without labeled-response, a label is ignored.
    TestClient* bob = login(QStringLiteral("bob"), "batch", false);
    QVERIFY(bob);
    bob->sendLine("@label=four PING :token");
    QTRY_VERIFY(bob->has(QStringLiteral("PONG")));
    QVERIFY(!bob->last(QStringLiteral("PONG")).hasTag(QStringLiteral("label")));
    // A history request answers with the label on its chathistory batch.
    TestClient* carol = login(QStringLiteral("carol"));
    QVERIFY(carol);
    const QList<IrcMessage> history = request(carol, "@label=five CHATHISTORY LATEST #lobby * 5");
    QVERIFY(!history.isEmpty());
    QCOMPARE(history.first().tag(QStringLiteral("label")), QStringLiteral("five"));
    QCOMPARE(history.first().param(1), QStringLiteral("chathistory"));
}

CONFAB_SERVER_TEST_MAIN(tst_HistoryCommands)
#include "tst_historycommands.moc"

// Never lose a conversation, end to end: ChatControllers (with their HistoryFetcher and
// ReadMarkerSync) against an in-process confabd with history and accounts on 127.0.0.1. Each
// client signs in to its account with its own SASL, through a NetworkLink that can fail like a
// network; the other people are raw TestClients.
#include "accountfixture.h"
#include "fakeircserver.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "models/roomlistmodel.h"
#include "networklink.h"
#include "session/chatcontroller.h"
#include "session/eventformatter.h"
#include "session/historyfetcher.h"
#include "session/messagearchive.h"
#include "session/readmarkersync.h"
#include "session/serverconnection.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString Password = QStringLiteral("password-of-test");
const QString Lobby = QStringLiteral("#lobby");

// Rows whose text is exactly text.
QList<int> rowsWith(const ConversationModel* conversation, const QString& text)
{
    QList<int> rows;
    if (!conversation)
        return rows;
    for (int row = 0; row < conversation->rowCount(); ++row) {
        if (conversation->index(row).data(ConversationModel::TextRole).toString() == text)
            rows.append(row);
    }
    return rows;
}

bool has(const ConversationModel* conversation, const QString& text)
{
    return !rowsWith(conversation, text).isEmpty();
}

} // namespace

class tst_HistoryFetcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void catchUpAfterDisconnect();
    void noDuplicatesOnReconnect();
    void longAbsenceIsFilledCompletely();
    void restartedClientAsksOnlyForWhatItMissed();
    void catchUpWaitsForTheLocalStore();
    void hostileHistoryAnswersAreSurvived();
    void endlessHoleIsFilledBoundedly();
    void cutWhileFillingAsksForTheHoleAgain();
    void olderOnDemand();
    void refusedRequestIsNotLeftPending();
    void guestSendsNoReadMarkers();
    void readMarkerSyncBetweenDevices();
    void offlineDeliveryEndToEnd();

private:
    // The network of account's clients (one link per account, so that cutting it cuts them all).
    NetworkLink* linkFor(const QString& account);
    // A ChatController logged in to account (asking for the nick, by default the account's
    // name) that has joined #lobby; keeping its conversations in archive when one is given.
    ChatController* login(const QString& account, int pageSize = HistoryFetcher::DefaultPageSize,
                          const QString& nick = {}, const QString& archive = {});
    // A guest with history registered on the scripted server (CHATHISTORY=5), that knows #room up
    // to msgid "known" (as from its local store), joined to #room; nullptr on failure.
    ChatController* onScriptedServer(FakeIrcServer* fake);
    // Connects controller to the scripted server and registers it there, then joins it to #room;
    // false on failure.
    static bool registerScripted(FakeIrcServer* fake, ChatController* controller);
    // A chathistory batch for #room on the scripted server: messages m<first>…m<last>, one second
    // apart from 01:00:00 + first seconds.
    static void sendPage(FakeIrcServer* fake, const QByteArray& id, int first, int last);
    // A guest without capabilities, in #lobby.
    TestClient* guest(const QString& nick);
    ConversationModel* conversation(ChatController* controller, const QString& name) const
    {
        return controller->conversations()->find(name);
    }

    bool m_holdCatchUp = false; // login(): the catch-up waits, as while a local store is read
    AccountFixture m_fixture;
    QHash<QString, NetworkLink*> m_links;
    QList<ChatController*> m_controllers;
};

void tst_HistoryFetcher::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_historyfetcher"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_HistoryFetcher::init()
{
    m_fixture.newDataDirectory();
    ServerConfig config = m_fixture.config();
    config.registrationLimit = 1000;
    QVERIFY(m_fixture.start(config));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("alice"), Password));
    QVERIFY(m_fixture.registerAccount(QStringLiteral("bob"), Password));
}

void tst_HistoryFetcher::cleanup()
{
    m_holdCatchUp = false;
    qDeleteAll(m_controllers);
    m_controllers.clear();
    qDeleteAll(m_links);
    m_links.clear();
    m_fixture.stop();
}

NetworkLink* tst_HistoryFetcher::linkFor(const QString& account)
{
    if (NetworkLink* link = m_links.value(account))
        return link;
    auto* link = new NetworkLink(m_fixture.server()->serverPort());
    if (!link->listen()) {
        delete link;
        return nullptr;
    }
    m_links.insert(account, link);
    return link;
}

ChatController* tst_HistoryFetcher::login(const QString& account, int pageSize, const QString& nick,
                                          const QString& archive)
{
    NetworkLink* link = linkFor(account);
    if (!link)
        return nullptr;
    auto* controller = new ChatController;
    m_controllers.append(controller);
    if (!archive.isEmpty())
        controller->enableArchive(archive);
    if (m_holdCatchUp)
        controller->history()->holdCatchUp();
    controller->history()->setPageSize(pageSize);
    controller->readMarkers()->setDelay(50);
    ServerConnection* connection = controller->connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(link->port());
    connection->setDesiredNick(nick.isEmpty() ? account : nick);
    connection->setAccount(Registration::Mode::SignIn, account, Password);
    connection->setReconnectDelays(50, 200);
    QSignalSpy loggedIn(connection, &ServerConnection::loggedIn);
    connection->connectToServer();
    const bool ok = QTest::qWaitFor(
        [&] { return controller->rooms()->isJoined(Lobby) && connection->isRegistered(); }, 10000);
    if (!ok || loggedIn.size() != 1 || connection->account() != account) {
        qWarning() << "login failed:" << account << "registered" << connection->isRegistered()
                   << "rooms" << connection->rooms() << "account" << connection->account();
        return nullptr;
    }
    return controller;
}

TestClient* tst_HistoryFetcher::guest(const QString& nick)
{
    TestClient* client = m_fixture.user(nick);
    return client && m_fixture.sync(client) ? client : nullptr;
}

// Messages sent while the client was cut off appear after reconnecting, in the room and in the
// private conversation, after what was there, each once.
void tst_HistoryFetcher::catchUpAfterDisconnect()
{
    ChatController* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(alice->history()->isAvailable());
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG #lobby :before in the room");
    carol->sendLine("PRIVMSG alice :before in private");
    QTRY_VERIFY(has(conversation(alice, Lobby), QStringLiteral("before in the room")));
    QTRY_VERIFY(
        has(conversation(alice, QStringLiteral("carol")), QStringLiteral("before in private")));

    alice->setActiveConversation(conversation(alice, Lobby)); // the room is on screen

    m_links.value(QStringLiteral("alice"))->dropAll();
    QTRY_VERIFY(carol->has(QStringLiteral("QUIT"))); // the server saw alice go
    const int sent = int(carol->messages().size());
    carol->sendLine("PRIVMSG #lobby :missed in the room");
    carol->sendLine("PRIVMSG alice :missed in private");
    QTRY_VERIFY(carol->indexOf(QStringLiteral("301"), sent) >= 0); // kept for alice's account

    ServerConnection* connection = alice->connection();
    QTRY_VERIFY_WITH_TIMEOUT(connection->state() == ServerConnection::State::Connected, 10000);
    ConversationModel* room = conversation(alice, Lobby);
    ConversationModel* carolChat = conversation(alice, QStringLiteral("carol"));
    QTRY_VERIFY(has(room, QStringLiteral("missed in the room")));
    QTRY_VERIFY(has(carolChat, QStringLiteral("missed in private")));
    QCOMPARE(rowsWith(room, QStringLiteral("before in the room")).size(), 1);
    QCOMPARE(rowsWith(carolChat, QStringLiteral("before in private")).size(), 1);
    QCOMPARE(rowsWith(room, QStringLiteral("missed in the room")).size(), 1);
    QVERIFY(rowsWith(room, QStringLiteral("before in the room")).constFirst() <
            rowsWith(room, QStringLiteral("missed in the room")).constFirst());
    QVERIFY(rowsWith(carolChat, QStringLiteral("before in private")).constFirst() <
            rowsWith(carolChat, QStringLiteral("missed in private")).constFirst());
    // Missed while away: unread (nobody was looking at the private conversation); in the room
    // on screen the divider shows where the missed lines begin.
    QCOMPARE(carolChat->unreadCount(), 2);
    QCOMPARE(room->unreadCount(), 0);
    QCOMPARE(room->dividerRow(), rowsWith(room, QStringLiteral("missed in the room")).constFirst());
}

// A line that arrives live while the catch-up request is on its way comes again in its answer:
// it is shown once. A second reconnect with nothing new adds nothing.
void tst_HistoryFetcher::noDuplicatesOnReconnect()
{
    ChatController* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG #lobby :one");
    QTRY_VERIFY(has(conversation(alice, Lobby), QStringLiteral("one")));

    NetworkLink* network = m_links.value(QStringLiteral("alice"));
    network->holdLinesStartingWith("CHATHISTORY");
    network->dropAll();
    QTRY_VERIFY(carol->has(QStringLiteral("QUIT")));
    carol->sendLine("PRIVMSG #lobby :two");
    QVERIFY(m_fixture.sync(carol));
    QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isRegistered(), 10000);
    QTRY_VERIFY(network->heldCount() >= 2);   // TARGETS, and LATEST for the room rejoined
    carol->sendLine("PRIVMSG #lobby :three"); // live, and in the answer to LATEST
    ConversationModel* room = conversation(alice, Lobby);
    QTRY_VERIFY(has(room, QStringLiteral("three")));
    network->holdLinesStartingWith({});
    network->releaseHeld();
    QTRY_VERIFY(has(room, QStringLiteral("two")));
    QVERIFY(m_fixture.sync(carol));
    const int rows = room->rowCount();
    for (const QString& text :
         {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")})
        QCOMPARE(rowsWith(room, text).size(), 1);
    QVERIFY(rowsWith(room, QStringLiteral("two")).constFirst() <
            rowsWith(room, QStringLiteral("three")).constFirst());

    // Once more, with nothing said meanwhile: only the connection's own lines are added.
    QSignalSpy answers(alice->history(), &HistoryFetcher::historyReceived);
    network->dropAll();
    QTRY_VERIFY(alice->connection()->state() != ServerConnection::State::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isRegistered(), 10000);
    QTRY_COMPARE(answers.count(), 1); // the room's catch-up, empty
    QCOMPARE(answers.at(0).at(0).toString(), Lobby);
    QVERIFY(answers.at(0).at(2).value<QList<ChatMessage>>().isEmpty());
    for (const QString& text :
         {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")})
        QCOMPARE(rowsWith(room, text).size(), 1);
    int messages = 0;
    for (int row = 0; row < room->rowCount(); ++row) {
        const auto kind =
            room->index(row).data(ConversationModel::KindRole).value<ConversationModel::Kind>();
        if (kind == ConversationModel::Kind::Message)
            ++messages;
    }
    QCOMPARE(messages, 3);
    QVERIFY(room->rowCount() > rows); // the system lines of the reconnect
}

// 120 messages said in the room while the client was cut off, more than two pages: the latest
// page comes, then the hole between it and what the client had is filled (BETWEEN, newest page
// first). Every message ends up in the conversation once, in order, the divider before the first.
void tst_HistoryFetcher::longAbsenceIsFilledCompletely()
{
    ChatController* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG #lobby :before the cut");
    ConversationModel* room = conversation(alice, Lobby);
    QTRY_VERIFY(has(room, QStringLiteral("before the cut")));
    alice->setActiveConversation(room);

    NetworkLink* network = m_links.value(QStringLiteral("alice"));
    network->dropAll();
    QTRY_VERIFY(carol->has(QStringLiteral("QUIT")));
    constexpr int Missed = 120;
    for (int i = 1; i <= Missed; ++i)
        carol->sendLine("PRIVMSG #lobby :missed " + QByteArray::number(i));
    QVERIFY(m_fixture.sync(carol));

    QTRY_VERIFY_WITH_TIMEOUT(alice->connection()->isRegistered(), 10000);
    QTRY_VERIFY(has(room, QStringLiteral("missed %1").arg(Missed)));
    QTRY_VERIFY(has(room, QStringLiteral("missed 1")));
    int previous = rowsWith(room, QStringLiteral("before the cut")).value(0, -1);
    QVERIFY(previous >= 0);
    for (int i = 1; i <= Missed; ++i) {
        const QList<int> rows = rowsWith(room, QStringLiteral("missed %1").arg(i));
        QVERIFY2(rows.size() == 1,
                 qPrintable(QStringLiteral("missed %1: %2 rows").arg(i).arg(rows.size())));
        QVERIFY2(rows.constFirst() > previous, qPrintable(QStringLiteral("missed %1").arg(i)));
        previous = rows.constFirst();
    }
    QCOMPARE(rowsWith(room, QStringLiteral("before the cut")).size(), 1);
    QCOMPARE(room->dividerRow(), rowsWith(room, QStringLiteral("missed 1")).constFirst());
    // 50 latest, then 50 and 20 between: two pages filled the hole, and nothing more was asked.
    QCOMPARE(network->clientLines("CHATHISTORY BETWEEN").size(), 2);
}

// After a restart the client knows from its local store what it had: the catch-up asks for the
// conversations since its newest stored message and for the room's messages after it, not from
// the beginning.
void tst_HistoryFetcher::restartedClientAsksOnlyForWhatItMissed()
{
    QTemporaryDir archive;
    QVERIFY(archive.isValid());
    ChatController* first =
        login(QStringLiteral("alice"), HistoryFetcher::DefaultPageSize, {}, archive.path());
    QVERIFY(first);
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG #lobby :seen before closing");
    ConversationModel* room = conversation(first, Lobby);
    QTRY_VERIFY(has(room, QStringLiteral("seen before closing")));
    const QModelIndex seen =
        room->index(rowsWith(room, QStringLiteral("seen before closing")).constFirst());
    const QString msgid = seen.data(ConversationModel::MsgidRole).toString();
    const QDateTime time = seen.data(ConversationModel::TimeRole).toDateTime();
    QVERIFY(!msgid.isEmpty());
    m_controllers.removeOne(first);
    delete first; // the application quits; its store is written and closed
    QTRY_VERIFY(carol->has(QStringLiteral("QUIT")));
    carol->sendLine("PRIVMSG #lobby :said while closed");
    carol->sendLine("PRIVMSG alice :private while closed");
    QVERIFY(m_fixture.sync(carol));

    NetworkLink* network = m_links.value(QStringLiteral("alice"));
    const int asked = int(network->clientLines("CHATHISTORY").size());
    ChatController* again =
        login(QStringLiteral("alice"), HistoryFetcher::DefaultPageSize, {}, archive.path());
    QVERIFY(again);
    ConversationModel* restored = conversation(again, Lobby);
    QTRY_VERIFY(has(restored, QStringLiteral("said while closed")));
    QTRY_VERIFY(
        has(conversation(again, QStringLiteral("carol")), QStringLiteral("private while closed")));
    QCOMPARE(rowsWith(restored, QStringLiteral("seen before closing")).size(), 1);

    const QList<QByteArray> lines = network->clientLines("CHATHISTORY").mid(asked);
    const QByteArray since = "timestamp=" + IrcMessage::formatServerTime(time).toUtf8();
    QByteArray targets;
    QByteArray latest;
    for (const QByteArray& line : lines) {
        if (line.startsWith("CHATHISTORY TARGETS "))
            targets = line;
        else if (line.startsWith("CHATHISTORY LATEST #lobby "))
            latest = line;
    }
    QVERIFY2(targets.split(' ').value(3) == since, targets.constData());
    QVERIFY2(latest.split(' ').value(3) == "msgid=" + msgid.toUtf8(), latest.constData());
}

// Registered while the local store is still being read: nothing is asked until it has told the
// newest message it has; then only what came after.
void tst_HistoryFetcher::catchUpWaitsForTheLocalStore()
{
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG #lobby :stored already");
    QVERIFY(m_fixture.sync(carol));
    m_holdCatchUp = true;
    ChatController* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    HistoryFetcher* history = alice->history();
    QVERIFY(!history->isPending(Lobby)); // joined, not asked yet
    QVERIFY(m_links.value(QStringLiteral("alice"))->clientLines("CHATHISTORY").isEmpty());

    history->seedNewest(Lobby, QDateTime::currentDateTimeUtc(), {});
    history->releaseCatchUp();
    QVERIFY(history->isPending(Lobby));
    QTRY_VERIFY(!history->isPending(Lobby));
    const QList<QByteArray> asked =
        m_links.value(QStringLiteral("alice"))->clientLines("CHATHISTORY");
    QCOMPARE(asked.size(), 2); // TARGETS, LATEST #lobby
    QVERIFY(asked.at(1).startsWith("CHATHISTORY LATEST #lobby timestamp="));
    QVERIFY(!has(conversation(alice, Lobby), QStringLiteral("stored already")));
}

ChatController* tst_HistoryFetcher::onScriptedServer(FakeIrcServer* fake)
{
    auto* controller = new ChatController;
    m_controllers.append(controller);
    controller->history()->seedNewest(QStringLiteral("#room"),
                                      QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC),
                                      QStringLiteral("known"));
    ServerConnection* connection = controller->connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(fake->port());
    connection->setDesiredNick(QStringLiteral("me"));
    connection->setAutoReconnect(false);
    return registerScripted(fake, controller) ? controller : nullptr;
}

bool tst_HistoryFetcher::registerScripted(FakeIrcServer* fake, ChatController* controller)
{
    ServerConnection* connection = controller->connection();
    connection->connectToServer();
    if (!QTest::qWaitFor([&] { return !fake->receivedCommands(QStringLiteral("USER")).isEmpty(); },
                         5000))
        return false;
    fake->sendLine(":fake.server CAP * LS :batch draft/chathistory server-time message-tags");
    if (!QTest::qWaitFor(
            [&] {
                return !fake->receivedCommands(QStringLiteral("CAP")).isEmpty() &&
                       fake->receivedCommands(QStringLiteral("CAP")).last().param(0) ==
                           QLatin1String("REQ");
            },
            5000))
        return false;
    const QString wanted = fake->receivedCommands(QStringLiteral("CAP")).last().param(1);
    fake->sendLine(":fake.server CAP * ACK :" + wanted.toUtf8());
    fake->sendLine(":fake.server 001 me :Welcome");
    fake->sendLine(":fake.server 005 me CHANTYPES=# CHATHISTORY=5 :are supported");
    fake->sendLine(":fake.server 422 me :No MOTD");
    if (!QTest::qWaitFor([&] { return connection->isRegistered(); }, 5000))
        return false;
    fake->sendLine(":me!u@h JOIN #room");
    if (!QTest::qWaitFor(
            [&] {
                return !fake->receivedCommands(QStringLiteral("CHATHISTORY")).isEmpty() &&
                       fake->receivedCommands(QStringLiteral("CHATHISTORY")).last().param(0) ==
                           QLatin1String("LATEST");
            },
            5000))
        return false;
    return true;
}

void tst_HistoryFetcher::sendPage(FakeIrcServer* fake, const QByteArray& id, int first, int last)
{
    const QDateTime base(QDate(2026, 1, 1), QTime(1, 0), Qt::UTC);
    fake->sendLine(":fake.server BATCH +" + id + " chathistory #room");
    for (int i = first; i <= last; ++i) {
        const QByteArray time = IrcMessage::formatServerTime(base.addSecs(i)).toUtf8();
        const QByteArray n = QByteArray::number(i);
        fake->sendLine("@batch=" + id + ";time=" + time + ";msgid=m" + n +
                       " :bob!u@h PRIVMSG #room :line " + n);
    }
    fake->sendLine(":fake.server BATCH -" + id);
}

// A server that answers the hole's page with the page it gave already, then with batches that
// make no sense: the catch-up is shown once, nothing more is asked, nothing breaks.
void tst_HistoryFetcher::hostileHistoryAnswersAreSurvived()
{
    FakeIrcServer fake;
    QVERIFY(fake.listen());
    ChatController* me = onScriptedServer(&fake);
    QVERIFY(me);
    const QList<IrcMessage> asked = fake.receivedCommands(QStringLiteral("CHATHISTORY"));
    QCOMPARE(asked.last().params(), (QStringList{"LATEST", "#room", "msgid=known", "5"}));
    sendPage(&fake, "latest", 10, 14); // full: a hole below it
    QTRY_COMPARE(fake.receivedCommands(QStringLiteral("CHATHISTORY")).size(), asked.size() + 1);
    QCOMPARE(fake.receivedCommands(QStringLiteral("CHATHISTORY")).last().params(),
             (QStringList{"BETWEEN", "#room", "msgid=m10", "msgid=known", "5"}));
    ConversationModel* room = conversation(me, QStringLiteral("#room"));
    QVERIFY(!has(room, QStringLiteral("line 10"))); // held until the hole is filled

    sendPage(&fake, "again", 10, 14); // the same page once more: nothing older
    QTRY_VERIFY(has(conversation(me, QStringLiteral("#room")), QStringLiteral("line 14")));
    room = conversation(me, QStringLiteral("#room"));
    // Nonsense: no target, an unknown end, lines without tags or parameters, a bad time.
    fake.sendLine(":fake.server BATCH +x1 chathistory");
    fake.sendLine("@batch=x1 :bob!u@h PRIVMSG #room :no target");
    fake.sendLine(":fake.server BATCH -x1");
    fake.sendLine(":fake.server BATCH -nobody");
    fake.sendLine(":fake.server BATCH +x2 chathistory #room");
    fake.sendLine("@batch=x2;time=yesterday :bob!u@h PRIVMSG #room :bad time");
    fake.sendLine("@batch=x2 :bob!u@h PRIVMSG");
    fake.sendLine("@batch=x2;msgid=m12 :bob!u@h PRIVMSG #room :line 12");
    fake.sendLine("@batch=x2 BATCH");
    fake.sendLine(":fake.server BATCH -x2");
    fake.sendLine("PING :marker");
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("PONG")).isEmpty());
    QVERIFY(me->connection()->isRegistered());
    QCOMPARE(fake.receivedCommands(QStringLiteral("CHATHISTORY")).size(), asked.size() + 1);
    for (int i = 10; i <= 14; ++i)
        QCOMPARE(rowsWith(room, QStringLiteral("line %1").arg(i)).size(), 1);
    QVERIFY(!has(room, QStringLiteral("no target")));
}

// A hole deeper than MaxGapPages pages: that many are asked for, then what came is shown, in
// order.
void tst_HistoryFetcher::endlessHoleIsFilledBoundedly()
{
    FakeIrcServer fake;
    QVERIFY(fake.listen());
    int pages = 0;
    connect(&fake, &FakeIrcServer::lineReceived, this, [&](const IrcMessage& line) {
        if (line.command() != QLatin1String("CHATHISTORY") ||
            line.param(0) != QLatin1String("BETWEEN"))
            return;
        const int below = line.param(2).mid(int(qstrlen("msgid=m"))).toInt();
        sendPage(&fake, "p" + QByteArray::number(++pages), below - 5, below - 1);
    });
    ChatController* me = onScriptedServer(&fake);
    QVERIFY(me);
    constexpr int Newest = 1000;
    sendPage(&fake, "latest", Newest - 4, Newest);
    QTRY_VERIFY(has(conversation(me, QStringLiteral("#room")), QStringLiteral("line 1000")));
    QCOMPARE(pages, HistoryFetcher::MaxGapPages);
    ConversationModel* room = conversation(me, QStringLiteral("#room"));
    const int oldest = Newest - 5 * (HistoryFetcher::MaxGapPages + 1) + 1;
    QVERIFY(!has(room, QStringLiteral("line %1").arg(oldest - 1)));
    int previous = -1;
    for (int i = oldest; i <= Newest; ++i) {
        const QList<int> rows = rowsWith(room, QStringLiteral("line %1").arg(i));
        QVERIFY2(rows.size() == 1 && rows.constFirst() > previous, qPrintable(QString::number(i)));
        previous = rows.constFirst();
    }
}

// The connection is lost while the hole below a full page is being filled, after a live line: the
// next catch-up still starts from what was known before, not from the live line.
void tst_HistoryFetcher::cutWhileFillingAsksForTheHoleAgain()
{
    FakeIrcServer fake;
    QVERIFY(fake.listen());
    ChatController* me = onScriptedServer(&fake);
    QVERIFY(me);
    sendPage(&fake, "latest", 10, 14); // full: the hole is asked for
    QTRY_COMPARE(fake.receivedCommands(QStringLiteral("CHATHISTORY")).last().param(0),
                 QStringLiteral("BETWEEN"));
    fake.sendLine("@time=2026-01-01T02:00:00.000Z;msgid=live :bob!u@h PRIVMSG #room :live line");
    QTRY_VERIFY(has(conversation(me, QStringLiteral("#room")), QStringLiteral("live line")));
    fake.dropClient();
    QTRY_VERIFY(!me->connection()->isRegistered());

    fake.clearReceived();
    QVERIFY(registerScripted(&fake, me));
    const QList<IrcMessage> asked = fake.receivedCommands(QStringLiteral("CHATHISTORY"));
    QCOMPARE(asked.first().param(0), QStringLiteral("TARGETS"));
    QCOMPARE(asked.first().param(2), QStringLiteral("timestamp=2026-01-01T00:00:00.000Z"));
    QCOMPARE(asked.last().params(), (QStringList{"LATEST", "#room", "msgid=known", "5"}));
}

// A new client shows the latest page; older pages come on request, each above what is shown,
// until the server has nothing older.
void tst_HistoryFetcher::olderOnDemand()
{
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    for (int i = 1; i <= 7; ++i)
        carol->sendLine("PRIVMSG #lobby :old " + QByteArray::number(i));
    QVERIFY(m_fixture.sync(carol));

    ChatController* alice = login(QStringLiteral("alice"), 3);
    QVERIFY(alice);
    ConversationModel* room = conversation(alice, Lobby);
    QTRY_VERIFY(has(room, QStringLiteral("old 7")));
    QVERIFY(has(room, QStringLiteral("old 5")));
    QVERIFY(!has(room, QStringLiteral("old 4")));

    alice->loadOlder(room);
    QTRY_VERIFY(has(room, QStringLiteral("old 2")));
    QVERIFY(!has(room, QStringLiteral("old 1")));
    alice->loadOlder(room);
    QTRY_VERIFY(has(room, QStringLiteral("old 1")));
    for (int i = 1; i < 7; ++i) {
        const QList<int> earlier = rowsWith(room, QStringLiteral("old %1").arg(i));
        const QList<int> later = rowsWith(room, QStringLiteral("old %1").arg(i + 1));
        QCOMPARE(earlier.size(), 1);
        QVERIFY2(earlier.constFirst() < later.constFirst(), qPrintable(QString::number(i)));
    }
    // Nothing older: the next request is answered empty, and after that none is sent.
    QVERIFY(alice->history()->hasOlder(Lobby));
    alice->loadOlder(room);
    QTRY_VERIFY(!alice->history()->hasOlder(Lobby));
    QVERIFY(!alice->history()->requestOlder(Lobby, room->oldestMsgid(), room->oldestMessageTime()));
}

// A request the server refuses (FAIL CHATHISTORY INVALID_TARGET: a room we are not in) is over
// at once; it does not block the next one until the pending time runs out.
void tst_HistoryFetcher::refusedRequestIsNotLeftPending()
{
    ChatController* alice = login(QStringLiteral("alice"), 3);
    QVERIFY(alice);
    const QString elsewhere = QStringLiteral("#elsewhere");
    QVERIFY(alice->history()->requestOlder(elsewhere, QString(), QDateTime::currentDateTimeUtc()));
    QVERIFY(alice->history()->isPending(elsewhere));
    QSignalSpy failed(alice->connection(), &ServerConnection::requestFailed);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("CHATHISTORY"));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("INVALID_TARGET"));
    QVERIFY(!alice->history()->isPending(elsewhere));
}

// Read markers are kept per account: a guest sends none (confabd would answer FAIL MARKREAD
// ACCOUNT_REQUIRED), while its unread counts still work locally.
void tst_HistoryFetcher::guestSendsNoReadMarkers()
{
    auto* controller = new ChatController;
    m_controllers.append(controller);
    controller->readMarkers()->setDelay(10);
    ServerConnection* connection = controller->connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(m_fixture.server()->serverPort());
    connection->setDesiredNick(QStringLiteral("visitor"));
    connection->connectToServer();
    QTRY_VERIFY(controller->rooms()->isJoined(Lobby) && connection->isRegistered());
    QVERIFY(connection->hasCapability(QStringLiteral("draft/read-marker")));
    QVERIFY(connection->account().isEmpty());
    QSignalSpy failed(connection, &ServerConnection::requestFailed);
    controller->readMarkers()->markRead(Lobby, QDateTime::currentDateTimeUtc());
    QVERIFY(!failed.wait(1000)); // nothing was sent to refuse
}

// Two devices of one account: reading a conversation on one clears its unread count on the
// other.
void tst_HistoryFetcher::readMarkerSyncBetweenDevices()
{
    ChatController* laptop = login(QStringLiteral("alice"));
    // The phone asks for another nick (alice's is taken) and becomes a session of alice.
    ChatController* phone = login(QStringLiteral("alice"), HistoryFetcher::DefaultPageSize,
                                  QStringLiteral("alicephone"));
    QVERIFY(laptop && phone);
    QCOMPARE(phone->connection()->nick(), QStringLiteral("alice"));
    TestClient* carol = guest(QStringLiteral("carol"));
    QVERIFY(carol);
    carol->sendLine("PRIVMSG alice :read me");
    carol->sendLine("PRIVMSG alice :and me");
    QTRY_COMPARE(
        rowsWith(conversation(laptop, QStringLiteral("carol")), QStringLiteral("and me")).size(),
        1);
    QTRY_COMPARE(
        rowsWith(conversation(phone, QStringLiteral("carol")), QStringLiteral("and me")).size(), 1);
    ConversationModel* onLaptop = conversation(laptop, QStringLiteral("carol"));
    ConversationModel* onPhone = conversation(phone, QStringLiteral("carol"));
    QCOMPARE(onLaptop->unreadCount(), 2);
    QCOMPARE(onPhone->unreadCount(), 2);

    laptop->setActiveConversation(onLaptop); // read on the laptop
    QCOMPARE(onLaptop->unreadCount(), 0);
    QTRY_COMPARE(onPhone->unreadCount(), 0);
    QCOMPARE(onPhone->readMarker(), onLaptop->readMarker());

    // A newer message is unread again on both until read.
    laptop->setActiveConversation(nullptr);
    carol->sendLine("PRIVMSG alice :later");
    QTRY_COMPARE(onPhone->unreadCount(), 1);
    QTRY_COMPARE(onLaptop->unreadCount(), 1);
    phone->setActiveConversation(onPhone);
    QTRY_COMPARE(onLaptop->unreadCount(), 0);
}

// A message to an account nobody is logged in to: the sender is told it waits, in words; the
// recipient finds it on logging in.
void tst_HistoryFetcher::offlineDeliveryEndToEnd()
{
    ChatController* alice = login(QStringLiteral("alice"));
    QVERIFY(alice);
    alice->connection()->sendMessage(QStringLiteral("bob"), QStringLiteral("are you there?"));
    ConversationModel* toBob = nullptr;
    QTRY_VERIFY((toBob = conversation(alice, QStringLiteral("bob"))));
    const QString note = EventFormatter::deliveredWhenBack(QStringLiteral("bob"));
    QTRY_VERIFY(has(toBob, note));
    QTRY_VERIFY(has(toBob, QStringLiteral("are you there?")));
    for (int row = 0; row < toBob->rowCount(); ++row) {
        const auto kind =
            toBob->index(row).data(ConversationModel::KindRole).value<ConversationModel::Kind>();
        QVERIFY(kind != ConversationModel::Kind::Error);
    }
    // Said once, not after every message.
    alice->connection()->sendMessage(QStringLiteral("bob"), QStringLiteral("hello?"));
    QTRY_VERIFY(has(toBob, QStringLiteral("hello?")));
    QCOMPARE(rowsWith(toBob, note).size(), 1);

    ChatController* bob = login(QStringLiteral("bob"));
    QVERIFY(bob);
    ConversationModel* fromAlice = nullptr;
    QTRY_VERIFY((fromAlice = conversation(bob, QStringLiteral("alice"))));
    QTRY_VERIFY(has(fromAlice, QStringLiteral("hello?")));
    QVERIFY(has(fromAlice, QStringLiteral("are you there?")));
    QVERIFY(rowsWith(fromAlice, QStringLiteral("are you there?")).constFirst() <
            rowsWith(fromAlice, QStringLiteral("hello?")).constFirst());
    QCOMPARE(fromAlice->unreadCount(), 2);
}

QTEST_GUILESS_MAIN(tst_HistoryFetcher)
#include "tst_historyfetcher.moc"

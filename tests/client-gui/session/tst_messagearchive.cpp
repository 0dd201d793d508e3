// MessageArchive end to end: a ChatController with its archive in a temporary directory against
// an in-process confabd whose own history is off, so everything a restarted client shows comes
// from the local store. Rooms and private conversations, no duplicates, search and reveal; the
// stored conversations listed and readable before the connection is up; the store's size limit
// from the settings.
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "models/roomlistmodel.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "session/clientsettings.h"
#include "session/messagearchive.h"
#include "storage/messagestore.h"

#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

class tst_MessageArchive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void restartedClientShowsWhatWasSaid();
    void searchFindsAndRevealsAMessage();
    void storedConversationsAreListedOffline();
    void limitFromTheSettingsBoundsTheStore();
    void scrollingUpReadsOlderPagesFromTheStore();

private:
    std::unique_ptr<ChatController> newClient(const QString& nick);
    ServerConnection* newPeer(const QString& nick);
    static QStringList texts(const ConversationModel* conversation);

    std::unique_ptr<QTemporaryDir> m_archiveDir;
    std::unique_ptr<Server> m_server;
    QList<ServerConnection*> m_peers;
};

void tst_MessageArchive::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_messagearchive"));
    QSettings().clear();
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_MessageArchive::init()
{
    m_archiveDir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    config.historyEnabled = false; // only the client's own store can bring lines back
    m_server = std::make_unique<Server>(config);
    QVERIFY(m_server->listen());
}

void tst_MessageArchive::cleanup()
{
    QSettings().clear();
    qDeleteAll(m_peers);
    m_peers.clear();
    m_server.reset();
    m_archiveDir.reset();
}

std::unique_ptr<ChatController> tst_MessageArchive::newClient(const QString& nick)
{
    auto controller = std::make_unique<ChatController>();
    controller->enableArchive(m_archiveDir->path());
    ServerConnection* connection = controller->connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(m_server->serverPort());
    connection->setDesiredNick(nick);
    QSignalSpy registered(connection, &ServerConnection::registered);
    connection->connectToServer();
    if (!registered.wait(5000))
        qFatal("%s did not register", qPrintable(nick));
    return controller;
}

ServerConnection* tst_MessageArchive::newPeer(const QString& nick)
{
    auto* peer = new ServerConnection;
    m_peers.append(peer);
    peer->setHost(QStringLiteral("127.0.0.1"));
    peer->setPort(m_server->serverPort());
    peer->setDesiredNick(nick);
    QSignalSpy registered(peer, &ServerConnection::registered);
    peer->connectToServer();
    if (!registered.wait(5000))
        qFatal("%s did not register", qPrintable(nick));
    return peer;
}

QStringList tst_MessageArchive::texts(const ConversationModel* conversation)
{
    QStringList result;
    for (int row = 0; row < conversation->rowCount(); ++row) {
        const auto kind = conversation->index(row)
                              .data(ConversationModel::KindRole)
                              .value<ConversationModel::Kind>();
        if (kind != ConversationModel::Kind::System)
            result.append(conversation->index(row).data(ConversationModel::TextRole).toString());
    }
    return result;
}

// A long conversation opens with its newest page; each scroll to the top brings the page before
// from the store, in order, each line once, until the store has no more.
void tst_MessageArchive::scrollingUpReadsOlderPagesFromTheStore()
{
    std::unique_ptr<ChatController> alice = newClient(QStringLiteral("alice"));
    MessageStore* store = alice->archive()->store();
    QTRY_VERIFY(!store->path().isEmpty());
    constexpr int Stored = MessageStore::LatestLimit + MessageArchive::OlderPageSize + 50;
    QList<StoredMessage> lines;
    const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
    QStringList expected;
    for (int i = 0; i < Stored; ++i) {
        StoredMessage m;
        m.conversation = QStringLiteral("#old");
        // Two lines per millisecond now and then: the page boundary may fall between them.
        m.time = start.addMSecs(i - i % 2 * (i % 10 == 1 ? 1 : 0));
        m.sender = QStringLiteral("bob");
        m.text = QStringLiteral("line %1").arg(i);
        if (i == Stored - 1)
            m.text.prepend(QStringLiteral("alice, ")); // names the user
        m.msgid = QStringLiteral("old-%1").arg(i);
        lines << m;
        expected << m.text;
    }
    store->append(lines);

    QSignalSpy restored(alice->archive(), &MessageArchive::conversationRestored);
    QSignalSpy older(alice->archive(), &MessageArchive::olderRestored);
    ConversationModel* conversation = alice->conversations()->ensure(QStringLiteral("#old"), true);
    QTRY_VERIFY(std::any_of(restored.cbegin(), restored.cend(), [conversation](const auto& args) {
        return args.at(0).template value<ConversationModel*>() == conversation;
    }));
    QCOMPARE(texts(conversation), expected.mid(Stored - MessageStore::LatestLimit));
    // The mention is marked again, as when it was said.
    const int last = conversation->rowCount() - 1;
    QVERIFY(conversation->index(last).data(ConversationModel::MentionRole).toBool());
    QVERIFY(!conversation->index(last - 1).data(ConversationModel::MentionRole).toBool());

    alice->loadOlder(conversation);
    QTRY_COMPARE(older.count(), 1);
    QCOMPARE(older.at(0).at(1).toInt(), MessageArchive::OlderPageSize);
    // A page ends at the oldest line shown, taking that millisecond whole: what was shown
    // already is not shown twice.
    const QStringList shown = texts(conversation);
    QVERIFY(shown.size() >= MessageStore::LatestLimit + MessageArchive::OlderPageSize - 2);
    QCOMPARE(shown, expected.mid(Stored - shown.size()));
    // Asked twice while a page is on its way: one page comes.
    alice->loadOlder(conversation);
    alice->loadOlder(conversation);
    QTRY_COMPARE(older.count(), 2);
    QTest::qWait(100);
    QCOMPARE(older.count(), 2);
    QVERIFY(older.at(1).at(1).toInt() < MessageArchive::OlderPageSize); // the store is done
    QCOMPARE(texts(conversation), expected);
    for (int row = 0; row < conversation->rowCount(); ++row) {
        const QString msgid = conversation->index(row).data(ConversationModel::MsgidRole).toString();
        QCOMPARE(conversation->rowOfMsgid(msgid), row);
    }
}

void tst_MessageArchive::restartedClientShowsWhatWasSaid()
{
    {
        std::unique_ptr<ChatController> alice = newClient(QStringLiteral("alice"));
        ServerConnection* bob = newPeer(QStringLiteral("bob"));
        QTRY_VERIFY(alice->conversations()->find(QStringLiteral("#lobby")));
        bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("morning all"));
        bob->sendMessage(QStringLiteral("alice"), QStringLiteral("psst, 你好"));
        alice->openPrivateConversation(QStringLiteral("bob"));
        QTRY_VERIFY(alice->conversations()->find(QStringLiteral("bob")) &&
                    texts(alice->conversations()->find(QStringLiteral("bob"))).size() == 1);
        alice->requestConversation(alice->conversations()->find(QStringLiteral("#lobby")));
        alice->setActiveConversation(alice->conversations()->find(QStringLiteral("#lobby")));
        alice->submitInput(QStringLiteral("hi bob"));
        QTRY_COMPARE(texts(alice->conversations()->find(QStringLiteral("#lobby"))),
                     (QStringList{"morning all", "hi bob"}));
        alice->connection()->disconnectFromServer();
    } // the store is written and closed

    std::unique_ptr<ChatController> again = newClient(QStringLiteral("alice"));
    QSignalSpy restored(again->archive(), &MessageArchive::conversationRestored);
    QTRY_VERIFY(again->conversations()->find(QStringLiteral("#lobby")));
    ConversationModel* lobby = again->conversations()->find(QStringLiteral("#lobby"));
    QTRY_COMPARE(texts(lobby), (QStringList{"morning all", "hi bob"}));
    again->openPrivateConversation(QStringLiteral("bob"));
    ConversationModel* bob = again->conversations()->find(QStringLiteral("bob"));
    QVERIFY(bob);
    QTRY_COMPARE(texts(bob), QStringList{QStringLiteral("psst, 你好")});

    // Reconnecting restores nothing twice.
    QSignalSpy registered(again->connection(), &ServerConnection::registered);
    again->connection()->disconnectFromServer();
    again->connection()->connectToServer();
    QVERIFY(registered.wait(5000));
    QTest::qWait(200);
    QCOMPARE(texts(lobby), (QStringList{"morning all", "hi bob"}));
    QCOMPARE(texts(bob).size(), 1);
}

void tst_MessageArchive::searchFindsAndRevealsAMessage()
{
    std::unique_ptr<ChatController> alice = newClient(QStringLiteral("alice"));
    ServerConnection* bob = newPeer(QStringLiteral("bob"));
    bob->sendMessage(QStringLiteral("alice"), QStringLiteral("the release is on Friday"));
    QTRY_VERIFY(alice->conversations()->find(QStringLiteral("bob")) &&
                alice->conversations()->find(QStringLiteral("bob"))->rowCount() > 0);

    MessageStore* store = alice->archive()->store();
    QList<StoredMessage> results;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QSignalSpy finished(store, &MessageStore::searchFinished);
            store->search(QStringLiteral("friday"));
            if (!finished.wait(2000))
                return false;
            results = finished.first().at(2).value<QList<StoredMessage>>();
            return !results.isEmpty();
        }(),
        5000);
    QCOMPARE(results.first().text, QStringLiteral("the release is on Friday"));
    QCOMPARE(results.first().conversation, QStringLiteral("bob"));

    // The conversation was closed: revealing opens it with the message in it.
    alice->conversations()->remove(QStringLiteral("bob"));
    ConversationModel* conversation = alice->archive()->reveal(results.first());
    QVERIFY(conversation);
    QCOMPARE(conversation->name(), QStringLiteral("bob"));
    const int row = MessageArchive::rowOf(conversation, results.first());
    QVERIFY(row >= 0);
    QCOMPARE(conversation->index(row).data(ConversationModel::TextRole).toString(),
             QStringLiteral("the release is on Friday"));
}

// The application starts with no server to be reached: the conversations kept for this login are
// listed (the room in the room list, not joined) and can be read.
void tst_MessageArchive::storedConversationsAreListedOffline()
{
    const quint16 port = m_server->serverPort();
    {
        std::unique_ptr<ChatController> alice = newClient(QStringLiteral("alice"));
        ServerConnection* bob = newPeer(QStringLiteral("bob"));
        QTRY_VERIFY(alice->conversations()->find(QStringLiteral("#lobby")));
        bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("said in the room"));
        bob->sendMessage(QStringLiteral("alice"), QStringLiteral("said to alice"));
        QTRY_VERIFY(alice->conversations()->find(QStringLiteral("bob")) &&
                    texts(alice->conversations()->find(QStringLiteral("bob"))).size() == 1);
        QTRY_COMPARE(texts(alice->conversations()->find(QStringLiteral("#lobby"))).size(), 1);
        alice->connection()->disconnectFromServer();
    }
    qDeleteAll(m_peers);
    m_peers.clear();
    m_server.reset(); // nothing listens on the port any more

    ChatController offline;
    offline.enableArchive(m_archiveDir->path());
    QSignalSpy loaded(offline.archive(), &MessageArchive::storedConversationsLoaded);
    ServerConnection* connection = offline.connection();
    connection->setHost(QStringLiteral("127.0.0.1"));
    connection->setPort(port);
    connection->setDesiredNick(QStringLiteral("alice"));
    connection->connectToServer();
    QVERIFY(loaded.wait(5000));
    ConversationModel* lobby = offline.conversations()->find(QStringLiteral("#lobby"));
    ConversationModel* bob = offline.conversations()->find(QStringLiteral("bob"));
    QVERIFY(lobby && bob);
    QVERIFY(lobby->isRoom());
    QVERIFY(!bob->isRoom());
    QTRY_COMPARE(texts(lobby), QStringList{QStringLiteral("said in the room")});
    QTRY_COMPARE(texts(bob), QStringList{QStringLiteral("said to alice")});
    QVERIFY(offline.rooms()->contains(QStringLiteral("#lobby")));
    QVERIFY(!offline.rooms()->isJoined(QStringLiteral("#lobby")));
    QVERIFY(!connection->isRegistered());
}

// storage/maxMessagesPerConversation: the store keeps that many of a conversation, the newest.
void tst_MessageArchive::limitFromTheSettingsBoundsTheStore()
{
    QSettings().setValue(SettingsKeys::StoreMaxPerConversation, 3);
    std::unique_ptr<ChatController> alice = newClient(QStringLiteral("alice"));
    ServerConnection* bob = newPeer(QStringLiteral("bob"));
    for (int i = 1; i <= 5; ++i)
        bob->sendMessage(QStringLiteral("alice"), QStringLiteral("note %1").arg(i));
    QTRY_VERIFY(alice->conversations()->find(QStringLiteral("bob")) &&
                texts(alice->conversations()->find(QStringLiteral("bob"))).size() == 5);

    MessageStore* store = alice->archive()->store();
    QSignalSpy latest(store, &MessageStore::latestLoaded);
    const int id = store->loadLatest(QStringLiteral("bob"));
    const auto answer = [&] {
        for (const QList<QVariant>& arguments : std::as_const(latest)) {
            if (arguments.at(0).toInt() == id)
                return arguments.at(2).value<QList<StoredMessage>>();
        }
        return QList<StoredMessage>();
    };
    QTRY_VERIFY(!answer().isEmpty()); // the conversations' own loads answer too
    QStringList stored;
    for (const StoredMessage& message : answer())
        stored.append(message.text);
    QCOMPARE(stored, (QStringList{"note 3", "note 4", "note 5"}));
}

QTEST_MAIN(tst_MessageArchive)
#include "tst_messagearchive.moc"

// MessageArchive end to end: a ChatController with its archive in a temporary directory against
// an in-process confabd whose own history is off, so everything a restarted client shows comes
// from the local store. Rooms and private conversations, no duplicates, search and reveal.
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "session/messagearchive.h"
#include "storage/messagestore.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

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

QTEST_MAIN(tst_MessageArchive)
#include "tst_messagearchive.moc"

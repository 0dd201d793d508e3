// The input handlers (MessageInput, RoomInput, UserInput, HelpInput) through the session, with no
// server: what is typed while offline is queued, refused or remembered, and answered in words.
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/chatcontroller.h"
#include "session/serverconnection.h"

#include <QSignalSpy>
#include <QTest>

class tst_InputHandlers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void answers_data();
    void answers();
    void textNeedsAConversation();
    void textWhileOfflineIsNotLost();
    void privateMessageOpensConversation();
    void joinAndPartWhileOffline();
    void nickAndAwayWhileOffline();
    void quit();
    void helpAsksForTheCommandList();
    void whoisAndListNeedAConnection();
    void menuActionsGoThroughTheHandlers();

private:
    ChatController* m_controller = nullptr;
    ConversationModel* m_lobby = nullptr;
};

void tst_InputHandlers::init()
{
    m_controller = new ChatController(this);
    m_lobby = m_controller->conversations()->ensure(QStringLiteral("#lobby"), true);
    m_controller->setActiveConversation(m_lobby);
}

void tst_InputHandlers::cleanup()
{
    delete m_controller;
    m_controller = nullptr;
}

void tst_InputHandlers::answers_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("answer");
    QTest::addColumn<int>("kind");
    const int system = int(ConversationModel::Kind::System);
    const int error = int(ConversationModel::Kind::Error);
    QTest::newRow("unknown") << "/frobnicate x"
                             << "Unknown command /frobnicate — type /help for the list" << error;
    QTest::newRow("missing") << "/msg"
                             << "/msg needs more: type /help to see how to use it" << error;
    QTest::newRow("bad room") << "/join #a,b"
                              << "#a,b is not a valid room name" << error;
    QTest::newRow("bad nick") << "/nick 9lives"
                              << "9lives cannot be used as a name" << error;
    QTest::newRow("topic of this room") << "/topic"
                                        << "#lobby has no topic" << system;
    QTest::newRow("topic of a named room") << "/topic #elsewhere"
                                           << "#elsewhere has no topic" << system;
}

void tst_InputHandlers::answers()
{
    QFETCH(QString, line);
    QFETCH(QString, answer);
    QFETCH(int, kind);
    m_controller->submitInput(line);
    QCOMPARE(m_lobby->rowCount(), 1);
    QCOMPARE(m_lobby->lastText(), answer);
    QCOMPARE(
        int(m_lobby->index(0).data(ConversationModel::KindRole).value<ConversationModel::Kind>()),
        kind);
}

void tst_InputHandlers::textNeedsAConversation()
{
    m_controller->setActiveConversation(nullptr);
    ConversationModel* bob = m_controller->conversations()->ensure(QStringLiteral("bob"), false);
    m_controller->submitInput(QStringLiteral("hello"));
    // Shown in the first conversation there is, as an error; nothing was queued.
    QCOMPARE(m_lobby->lastText(), QStringLiteral("Choose a room or a person first"));
    QCOMPARE(bob->rowCount(), 0);
    QCOMPARE(m_controller->connection()->outboxSize(), 0);

    m_controller->setActiveConversation(bob);
    m_controller->submitInput(QStringLiteral("/part"));
    QCOMPARE(bob->lastText(), QStringLiteral("Use /part in a room, or name the room: /part #room"));
    m_controller->submitInput(QStringLiteral("/topic"));
    QCOMPARE(bob->lastText(),
             QStringLiteral("Use /topic in a room, or name the room: /topic #room text"));
}

void tst_InputHandlers::textWhileOfflineIsNotLost()
{
    m_controller->submitInput(QStringLiteral("hello"));
    m_controller->submitInput(QStringLiteral("/me waves"));
    m_controller->submitInput(QStringLiteral("//slash"));
    QCOMPARE(m_lobby->rowCount(), 3);
    // Never connected: nothing will send them, and they say so.
    for (int row = 0; row < 3; ++row) {
        QCOMPARE(m_lobby->index(row)
                     .data(ConversationModel::StatusRole)
                     .value<ConversationModel::Status>(),
                 ConversationModel::Status::Failed);
        QVERIFY(m_lobby->index(row).data(ConversationModel::IsOwnRole).toBool());
    }
    QCOMPARE(m_lobby->index(0).data(ConversationModel::TextRole).toString(),
             QStringLiteral("hello"));
    QCOMPARE(m_lobby->index(1).data(ConversationModel::KindRole).value<ConversationModel::Kind>(),
             ConversationModel::Kind::Action);
    QCOMPARE(m_lobby->index(2).data(ConversationModel::TextRole).toString(),
             QStringLiteral("/slash"));
}

void tst_InputHandlers::privateMessageOpensConversation()
{
    QSignalSpy requested(m_controller, &ChatController::conversationRequested);
    m_controller->submitInput(QStringLiteral("/msg Bob hi there"));
    ConversationModel* bob = m_controller->conversations()->find(QStringLiteral("bob"));
    QVERIFY(bob);
    QVERIFY(!bob->isRoom());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).value<ConversationModel*>(), bob);
    QCOMPARE(bob->index(0).data(ConversationModel::TextRole).toString(),
             QStringLiteral("hi there"));

    m_controller->submitInput(QStringLiteral("to:carol"));
    ConversationModel* carol = m_controller->conversations()->find(QStringLiteral("carol"));
    QVERIFY(carol);
    QCOMPARE(carol->rowCount(), 0); // switched to, nothing sent
    QCOMPARE(requested.count(), 2);
    QCOMPARE(m_lobby->rowCount(), 0);
}

void tst_InputHandlers::joinAndPartWhileOffline()
{
    ServerConnection* connection = m_controller->connection();
    m_controller->submitInput(QStringLiteral("/join dev"));
    QCOMPARE(connection->rooms(), QStringList{"#dev"}); // joined after connecting
    m_controller->submitInput(QStringLiteral("/join #ops"));
    QCOMPARE(connection->rooms(), (QStringList{"#dev", "#ops"}));
    m_controller->submitInput(QStringLiteral("/part #dev bye"));
    QCOMPARE(connection->rooms(), QStringList{"#ops"});
    QCOMPARE(m_lobby->rowCount(), 0);
}

void tst_InputHandlers::nickAndAwayWhileOffline()
{
    ServerConnection* connection = m_controller->connection();
    m_controller->submitInput(QStringLiteral("/nick newname"));
    QCOMPARE(connection->nick(), QStringLiteral("newname"));
    m_controller->submitInput(QStringLiteral("/away lunch"));
    QVERIFY(connection->isAway());
    QCOMPARE(m_lobby->lastText(), QStringLiteral("You are marked as away"));
    m_controller->submitInput(QStringLiteral("/back"));
    QVERIFY(!connection->isAway());
    QCOMPARE(m_lobby->lastText(), QStringLiteral("You are back"));
}

void tst_InputHandlers::quit()
{
    QSignalSpy quit(m_controller, &ChatController::quitRequested);
    m_controller->submitInput(QStringLiteral("/quit see you"));
    QCOMPARE(quit.count(), 1);
    QCOMPARE(m_controller->connection()->state(), ServerConnection::State::Disconnected);
}

void tst_InputHandlers::helpAsksForTheCommandList()
{
    QSignalSpy help(m_controller, &ChatController::helpRequested);
    m_controller->submitInput(QStringLiteral("/help"));
    QCOMPARE(help.count(), 1);
    QCOMPARE(m_lobby->rowCount(), 0); // the list is a window, not a line
}

void tst_InputHandlers::whoisAndListNeedAConnection()
{
    QSignalSpy directory(m_controller, &ChatController::roomDirectoryRequested);
    m_controller->submitInput(QStringLiteral("/whois bob"));
    QCOMPARE(m_lobby->lastText(), QStringLiteral("Not connected to a server"));
    m_controller->submitInput(QStringLiteral("/list"));
    QCOMPARE(m_lobby->rowCount(), 2);
    QCOMPARE(directory.count(), 0);
}

void tst_InputHandlers::menuActionsGoThroughTheHandlers()
{
    // As /nick: an invalid name is refused in words.
    m_controller->changeNick(QStringLiteral("9lives"));
    QCOMPARE(m_lobby->lastText(), QStringLiteral("9lives cannot be used as a name"));
    // As /join while offline: remembered for the next connection.
    m_controller->joinRoom(QStringLiteral("#later"));
    QVERIFY(m_controller->connection()->rooms().contains(QStringLiteral("#later")));
    // As /away while offline.
    m_controller->setAway(QStringLiteral("gone"));
    QVERIFY(m_controller->connection()->isAway());
    m_controller->setAway(QString());
    QVERIFY(!m_controller->connection()->isAway());
}

QTEST_GUILESS_MAIN(tst_InputHandlers)
#include "tst_inputhandlers.moc"

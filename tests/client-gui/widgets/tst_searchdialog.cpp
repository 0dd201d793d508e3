// Searching the messages kept on this computer, as a person would: real widgets (offscreen), the
// main window's shortcuts, an in-process confabd; results shown, chosen, and the message shown
// selected in its conversation.
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "net/server.h"
#include "session/chatcontroller.h"
#include "session/messagearchive.h"
#include "storage/messagestore.h"
#include "widgets/conversationview.h"
#include "widgets/mainwindow.h"
#include "widgets/searchdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class tst_SearchDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void findsAcrossConversationsAndShowsTheMessage();
    void findInConversationIsLimitedToIt();

private:
    bool stored(const QString& text);
    template <typename T> T* child(const char* name) const
    {
        T* widget = m_window->searchDialog()->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no widget named %s", name);
        return widget;
    }

    std::unique_ptr<QTemporaryDir> m_archiveDir;
    std::unique_ptr<Server> m_server;
    std::unique_ptr<ChatController> m_controller;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ServerConnection> m_bob;
};

void tst_SearchDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_searchdialog"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_SearchDialog::init()
{
    m_archiveDir = std::make_unique<QTemporaryDir>();
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    config.serverName = QStringLiteral("test.confab");
    m_server = std::make_unique<Server>(config);
    QVERIFY(m_server->listen());

    m_controller = std::make_unique<ChatController>();
    m_controller->enableArchive(m_archiveDir->path());
    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ServerConnection* alice = m_controller->connection();
    alice->setHost(QStringLiteral("127.0.0.1"));
    alice->setPort(m_server->serverPort());
    alice->setDesiredNick(QStringLiteral("alice"));
    alice->connectToServer();
    QTRY_VERIFY(alice->isRegistered());
    QTRY_VERIFY(m_controller->conversations()->find(QStringLiteral("#lobby")));

    m_bob = std::make_unique<ServerConnection>();
    m_bob->setHost(QStringLiteral("127.0.0.1"));
    m_bob->setPort(m_server->serverPort());
    m_bob->setDesiredNick(QStringLiteral("bob"));
    m_bob->connectToServer();
    QTRY_VERIFY(m_bob->isRegistered());
    m_bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("unrelated chatter"));
    m_bob->sendMessage(QStringLiteral("alice"), QStringLiteral("meet at the 咖啡店 at three"));
    QTRY_VERIFY(stored(QStringLiteral("咖啡店")));
    QTRY_VERIFY(stored(QStringLiteral("chatter")));
    m_window->showConversation(m_controller->conversations()->find(QStringLiteral("#lobby")));
    QApplication::setActiveWindow(m_window.get());
}

void tst_SearchDialog::cleanup()
{
    m_bob.reset();
    m_window.reset();
    m_controller.reset();
    m_server.reset();
    m_archiveDir.reset();
}

bool tst_SearchDialog::stored(const QString& text)
{
    MessageStore* store = m_controller->archive()->store();
    QSignalSpy finished(store, &MessageStore::searchFinished);
    store->search(text);
    return finished.wait(2000) &&
           !finished.first().at(2).value<QList<StoredMessage>>().isEmpty();
}

void tst_SearchDialog::findsAcrossConversationsAndShowsTheMessage()
{
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(m_window->searchDialog());
    QTRY_VERIFY(m_window->searchDialog()->isVisible());
    QVERIFY(m_window->searchDialog()->conversation().isEmpty()); // all conversations
    auto* edit = child<QLineEdit>("searchEdit");
    edit->clear();
    edit->insert(QStringLiteral("咖啡")); // as an input method commits it
    auto* results = child<QListWidget>("searchResults");
    QTRY_COMPARE(results->count(), 1);
    QVERIFY(results->item(0)->text().contains(QStringLiteral("咖啡店")));
    QVERIFY(results->item(0)->text().contains(QLatin1String("bob")));
    QCOMPARE(child<QLabel>("searchSummary")->text(),
             SearchDialog::tr("%n message(s) contain “%1”:", nullptr, 1).arg(QStringLiteral("咖啡")));

    // The conversation with bob was closed meanwhile: choosing the result opens it there.
    m_controller->conversations()->remove(QStringLiteral("bob"));
    results->setFocus();
    results->setCurrentRow(0);
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_VERIFY(!m_window->searchDialog()->isVisible());
    QTRY_VERIFY(m_window->currentConversation());
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("bob"));
    ConversationView* view = m_window->viewFor(QStringLiteral("bob"));
    QVERIFY(view);
    QVERIFY2(view->selectedText().contains(QStringLiteral("meet at the 咖啡店")),
             qPrintable(view->selectedText()));
}

void tst_SearchDialog::findInConversationIsLimitedToIt()
{
    QCOMPARE(m_window->currentConversation()->name(), QStringLiteral("#lobby"));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchDialog() && m_window->searchDialog()->isVisible());
    QCOMPARE(m_window->searchDialog()->conversation(), QStringLiteral("#lobby"));
    auto* edit = child<QLineEdit>("searchEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("meet"));
    auto* summary = child<QLabel>("searchSummary");
    QTRY_COMPARE(summary->text(),
                 SearchDialog::tr("No messages contain “%1”.").arg(QStringLiteral("meet")));
    QCOMPARE(child<QListWidget>("searchResults")->count(), 0);
    auto* scope = child<QComboBox>("searchScope");
    scope->setCurrentIndex(scope->findData(QString()));
    QTRY_COMPARE(child<QListWidget>("searchResults")->count(), 1);
}

QTEST_MAIN(tst_SearchDialog)
#include "tst_searchdialog.moc"

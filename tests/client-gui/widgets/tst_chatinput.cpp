// The input line: a draft per conversation (text and cursor), and the emoji picker (Ctrl+;, the
// button beside the input, the menu) inserting at the cursor. Alone, then in the main window
// logged in to an in-process confabd (chatwindowfixture.*).
#include "chatwindowfixture.h"
#include "models/conversationmodel.h"
#include "models/conversationstore.h"
#include "session/clientsettings.h"
#include "widgets/chatinput.h"
#include "widgets/conversationview.h"
#include "widgets/emojipicker.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDropEvent>
#include <QImage>
#include <QLineEdit>
#include <QListWidget>
#include <QLoggingCategory>
#include <QMenu>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

class tst_ChatInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void draftKeptPerConversation();
    void sendingClearsOnlyThatDraft();
    void closedConversationForgetsItsDraft();
    void textTypedBeforeAnyConversationGoesIntoTheFirst();
    void historyStartsAfreshInTheConversationEntered();
    void ctrlSemicolonInsertsEmojiAtTheCursor();
    void escClosesThePickerAndKeepsTheText();
    void draftsFollowTheTabsInTheWindow();
    void emojiButtonAndMenuInTheWindow();
    void pastedPictureIsHandedOver();
    void droppedOrPastedFilesAreHandedOver();

private:
    void showAlone();
    void type(const QString& text) { QTest::keyClicks(m_input.get(), text); }

    std::unique_ptr<ChatInput> m_input;
    QObject m_a;
    QObject m_b;
    ChatWindowFixture m_f;
};

void tst_ChatInput::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_chatinput"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_ChatInput::init()
{
    QSettings().remove(SettingsKeys::RecentEmoji);
}

void tst_ChatInput::cleanup()
{
    m_input.reset();
    m_f.stop();
}

void tst_ChatInput::showAlone()
{
    m_input = std::make_unique<ChatInput>();
    m_input->resize(400, 30);
    m_input->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_input.get()));
    QApplication::setActiveWindow(m_input.get());
    m_input->setFocus();
    QTRY_VERIFY(m_input->hasFocus());
}

void tst_ChatInput::draftKeptPerConversation()
{
    showAlone();
    m_input->setConversation(&m_a);
    type(QStringLiteral("half a thought"));
    m_input->setCursorPosition(4);
    m_input->setConversation(&m_b);
    QCOMPARE(m_input->text(), QString()); // b has none
    type(QStringLiteral("for b"));
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("half a thought"));
    QCOMPARE(m_input->cursorPosition(), 4);
    type(QStringLiteral("ly"));
    QCOMPARE(m_input->text(), QStringLiteral("halfly a thought")); // typing goes on there
    m_input->setConversation(&m_b);
    QCOMPARE(m_input->text(), QStringLiteral("for b"));
    QCOMPARE(m_input->cursorPosition(), 5);
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("halfly a thought"));
    QCOMPARE(m_input->cursorPosition(), 6);
}

void tst_ChatInput::sendingClearsOnlyThatDraft()
{
    showAlone();
    QSignalSpy submitted(m_input.get(), &ChatInput::submitted);
    m_input->setConversation(&m_a);
    type(QStringLiteral("kept for a"));
    m_input->setConversation(&m_b);
    type(QStringLiteral("sent in b"));
    QTest::keyClick(m_input.get(), Qt::Key_Return);
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.at(0).at(0).toString(), QStringLiteral("sent in b"));
    QCOMPARE(m_input->text(), QString());
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("kept for a"));
    m_input->setConversation(&m_b);
    QCOMPARE(m_input->text(), QString());
    QVERIFY(!m_input->hasDraft(&m_b));
}

void tst_ChatInput::closedConversationForgetsItsDraft()
{
    showAlone();
    m_input->setConversation(&m_a);
    type(QStringLiteral("never sent"));
    m_input->setConversation(&m_b);
    QVERIFY(m_input->hasDraft(&m_a));
    m_input->forgetConversation(&m_a);
    QVERIFY(!m_input->hasDraft(&m_a));
    m_input->setConversation(&m_a); // opened again (a new one where the old one was)
    QCOMPARE(m_input->text(), QString());

    // The one on screen closed: its text goes too.
    type(QStringLiteral("also gone"));
    m_input->forgetConversation(&m_a);
    QCOMPARE(m_input->text(), QString());
    m_input->setConversation(&m_b);
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QString());
}

void tst_ChatInput::textTypedBeforeAnyConversationGoesIntoTheFirst()
{
    showAlone();
    type(QStringLiteral("/join #early"));
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("/join #early"));
    m_input->setConversation(&m_b);
    QCOMPARE(m_input->text(), QString());
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("/join #early"));
}

void tst_ChatInput::historyStartsAfreshInTheConversationEntered()
{
    showAlone();
    m_input->setConversation(&m_a);
    type(QStringLiteral("sent earlier"));
    QTest::keyClick(m_input.get(), Qt::Key_Return);
    type(QStringLiteral("draft of a"));
    m_input->setConversation(&m_b);
    type(QStringLiteral("draft of b"));
    QTest::keyClick(m_input.get(), Qt::Key_Up);
    QCOMPARE(m_input->text(), QStringLiteral("sent earlier"));
    QTest::keyClick(m_input.get(), Qt::Key_Down);
    QCOMPARE(m_input->text(), QStringLiteral("draft of b")); // not a's
    m_input->setConversation(&m_a);
    QCOMPARE(m_input->text(), QStringLiteral("draft of a"));
}

void tst_ChatInput::ctrlSemicolonInsertsEmojiAtTheCursor()
{
    showAlone();
    type(QStringLiteral("ab"));
    m_input->setCursorPosition(1);
    QVERIFY(!m_input->emojiPicker());
    QTest::keyClick(m_input.get(), Qt::Key_Semicolon, Qt::ControlModifier);
    EmojiPicker* picker = m_input->emojiPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    auto* search = picker->findChild<QLineEdit*>(QStringLiteral("emojiSearch"));
    QTRY_VERIFY(search->hasFocus());
    QTest::keyClicks(search, QStringLiteral("grinning face"));
    QTest::keyClick(search, Qt::Key_Return);
    QVERIFY(!picker->isVisible());
    QCOMPARE(m_input->text(), QStringLiteral("a\U0001F600b"));
    QCOMPARE(m_input->cursorPosition(), 3); // after it (a surrogate pair)
    QTRY_VERIFY(m_input->hasFocus());
    // The typing goes on where it was.
    type(QStringLiteral("!"));
    QCOMPARE(m_input->text(), QStringLiteral("a\U0001F600!b"));

    // A click replaces the selection.
    m_input->setSelection(0, 1);
    m_input->emojiAction()->trigger();
    QTRY_VERIFY(picker->isVisible());
    auto* grid = picker->findChild<QListWidget*>(QStringLiteral("emojiGrid"));
    QListWidgetItem* second = grid->item(1);
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, grid->visualItemRect(second).center());
    QVERIFY(!picker->isVisible());
    QCOMPARE(m_input->text(), second->text() + QStringLiteral("\U0001F600!b"));
    QTRY_VERIFY(m_input->hasFocus());
}

void tst_ChatInput::escClosesThePickerAndKeepsTheText()
{
    showAlone();
    type(QStringLiteral("unchanged"));
    QTest::keyClick(m_input.get(), Qt::Key_Semicolon, Qt::ControlModifier);
    EmojiPicker* picker = m_input->emojiPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    auto* search = picker->findChild<QLineEdit*>(QStringLiteral("emojiSearch"));
    QTest::keyClicks(search, QStringLiteral("cat"));
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(!picker->isVisible());
    QCOMPARE(m_input->text(), QStringLiteral("unchanged"));
    QTRY_VERIFY(m_input->hasFocus());
}

void tst_ChatInput::draftsFollowTheTabsInTheWindow()
{
    QVERIFY(m_f.start());
    auto* input = m_f.child<ChatInput>("messageInput");
    auto* tabs = m_f.child<QTabWidget>("conversationTabs");
    ConversationStore* store = m_f.controller()->conversations();
    m_f.type(QStringLiteral("/join #two"));
    QTRY_VERIFY(store->find(QStringLiteral("#two")));
    ConversationModel* lobby = store->find(QStringLiteral("#lobby"));
    ConversationModel* two = store->find(QStringLiteral("#two"));
    m_f.window()->showConversation(two);
    QCOMPARE(input->text(), QString());
    QTest::keyClicks(input, QStringLiteral("half typed in two"));
    input->setCursorPosition(4);

    // Ctrl+PageUp to the lobby: its own (empty) line; and back.
    QTest::keyClick(m_f.window(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(m_f.window()->currentConversation(), lobby);
    QCOMPARE(input->text(), QString());
    QTest::keyClicks(input, QStringLiteral("lobby draft"));
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {},
                      tabs->tabBar()
                          ->tabRect(tabs->indexOf(m_f.window()->viewFor(QStringLiteral("#two"))))
                          .center());
    QCOMPARE(m_f.window()->currentConversation(), two);
    QCOMPARE(input->text(), QStringLiteral("half typed in two"));
    QCOMPARE(input->cursorPosition(), 4);

    // Sent in #two: that line goes, the lobby's stays.
    input->setCursorPosition(input->text().size());
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(m_f.viewText(QStringLiteral("#two")).contains(QStringLiteral("half typed in two")));
    QCOMPARE(input->text(), QString());
    m_f.window()->showConversation(lobby);
    QCOMPARE(input->text(), QStringLiteral("lobby draft"));
    m_f.window()->showConversation(two);
    QCOMPARE(input->text(), QString());

    // #two closed with a line in it: joined again, it starts empty.
    QTest::keyClicks(input, QStringLiteral("never sent"));
    QTest::keyClick(m_f.window(), Qt::Key_W, Qt::ControlModifier);
    QTRY_VERIFY(!store->find(QStringLiteral("#two")));
    QCOMPARE(m_f.window()->currentConversation(), lobby);
    QCOMPARE(input->text(), QStringLiteral("lobby draft"));
    QVERIFY(!input->hasDraft(two));
    m_f.controller()->joinRoom(QStringLiteral("#two"));
    QTRY_VERIFY(store->find(QStringLiteral("#two")));
    m_f.window()->showConversation(store->find(QStringLiteral("#two")));
    QCOMPARE(input->text(), QString());
}

void tst_ChatInput::emojiButtonAndMenuInTheWindow()
{
    QVERIFY(m_f.start());
    auto* input = m_f.child<ChatInput>("messageInput");
    auto* button = m_f.child<QToolButton>("emojiButton");
    QVERIFY(button->isVisible());
    QCOMPARE(button->defaultAction(), input->emojiAction());
    // Beside the input, before Send.
    QVERIFY(button->geometry().left() >= input->geometry().right());
    QVERIFY(button->geometry().right() <= m_f.child<QWidget>("sendButton")->geometry().left());

    QTest::keyClicks(input, QStringLiteral("hi "));
    QTest::mouseClick(button, Qt::LeftButton);
    EmojiPicker* picker = input->emojiPicker();
    QVERIFY(picker);
    QTRY_VERIFY(picker->isVisible());
    auto* search = picker->findChild<QLineEdit*>(QStringLiteral("emojiSearch"));
    QTest::keyClicks(search, QStringLiteral("waving hand"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(input->text(), QStringLiteral("hi \U0001F44B"));
    QTRY_VERIFY(input->hasFocus());

    // The Conversation menu has it, with the shortcut no other action uses.
    auto* menuAction = m_f.window()->findChild<QMenu*>(QStringLiteral("conversationMenu"));
    QVERIFY(menuAction);
    QVERIFY(menuAction->actions().contains(input->emojiAction()));
    QCOMPARE(input->emojiAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Semicolon));
    for (QAction* action : m_f.window()->findChildren<QAction*>()) {
        if (action != input->emojiAction())
            QVERIFY2(!action->shortcuts().contains(input->emojiAction()->shortcut()),
                     qPrintable(action->objectName()));
    }
    // Sent, the emoji reaches the room as text.
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_VERIFY(m_f.viewText(QStringLiteral("#lobby")).contains(QStringLiteral("hi \U0001F44B")));
}

void tst_ChatInput::pastedPictureIsHandedOver()
{
    showAlone();
    QSignalSpy pictures(m_input.get(), &ChatInput::imagePasted);
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QApplication::clipboard()->setImage(image);
    QTest::keyClick(m_input.get(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(pictures.size(), 1);
    QCOMPARE(pictures.first().first().value<QImage>().size(), QSize(40, 30));
    QVERIFY(m_input->text().isEmpty());

    QApplication::clipboard()->setText(QStringLiteral("words")); // text still goes in as text
    QTest::keyClick(m_input.get(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_input->text(), QStringLiteral("words"));
    QCOMPARE(pictures.size(), 1);
}

void tst_ChatInput::droppedOrPastedFilesAreHandedOver()
{
    showAlone();
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("notes.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QSignalSpy files(m_input.get(), &ChatInput::filesDropped);

    QMimeData dropped;
    dropped.setUrls({QUrl::fromLocalFile(file.fileName()),
                     QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.txt"))),
                     QUrl(QStringLiteral("https://example.org/a.png"))});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_input.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &dropped, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_input.get(), &drop);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.first().first().toStringList(), QStringList{file.fileName()});
    QVERIFY(m_input->text().isEmpty()); // not dropped in as text

    auto* copied = new QMimeData; // files copied in a file manager, then pasted
    copied->setUrls({QUrl::fromLocalFile(file.fileName())});
    copied->setText(file.fileName());
    QApplication::clipboard()->setMimeData(copied);
    QTest::keyClick(m_input.get(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(files.size(), 2);
    QVERIFY(m_input->text().isEmpty());
}

QTEST_MAIN(tst_ChatInput)
#include "tst_chatinput.moc"

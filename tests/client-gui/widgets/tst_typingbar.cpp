// "bob is typing…" under the conversation, in the real main window against confabd, and the
// user's own typing reaching the other side.
#include "chatwindowfixture.h"
#include "irccommand.h"
#include "session/serverconnection.h"
#include "session/typingtracker.h"
#include "widgets/chatinput.h"

#include <QLabel>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

class tst_TypingBar : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { QVERIFY(m_f.start()); }
    void cleanup() { m_f.stop(); }
    void shownAndClearedPerConversation();
    void ownTypingReachesThePerson();

private:
    ChatWindowFixture m_f;
};

void tst_TypingBar::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ConfabTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_typingbar"));
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_TypingBar::shownAndClearedPerConversation()
{
    ServerConnection* bob = m_f.connectPeer(QStringLiteral("bob"));
    ServerConnection* carol = m_f.connectPeer(QStringLiteral("carol"));
    QTRY_COMPARE(m_f.memberRows(), (QStringList{"bob", "carol"}));
    auto* bar = m_f.child<QLabel>("typingBar");
    QCOMPARE(bar->text(), QString());
    bob->sendRaw(IrcCommand::typing(QStringLiteral("#lobby"), QStringLiteral("active")));
    QTRY_COMPARE(bar->text(), QStringLiteral("bob is typing…"));
    carol->sendRaw(IrcCommand::typing(QStringLiteral("#lobby"), QStringLiteral("active")));
    QTRY_COMPARE(bar->text(), QStringLiteral("bob and carol are typing…"));
    bob->sendMessage(QStringLiteral("#lobby"), QStringLiteral("done typing"));
    QTRY_COMPARE(bar->text(), QStringLiteral("carol is typing…"));
    carol->sendRaw(IrcCommand::typing(QStringLiteral("#lobby"), QStringLiteral("done")));
    QTRY_COMPARE(bar->text(), QString());

    // Typing in a private conversation shows there, not in the room.
    bob->sendRaw(IrcCommand::typing(QStringLiteral("me"), QStringLiteral("active")));
    QTRY_COMPARE(m_f.controller()->typingTracker()->typing(QStringLiteral("bob")),
                 QStringList{"bob"});
    QCOMPARE(bar->text(), QString());
    m_f.controller()->openPrivateConversation(QStringLiteral("bob"));
    QTRY_COMPARE(bar->text(), QStringLiteral("bob is typing…"));
    bob->sendRaw(IrcCommand::typing(QStringLiteral("me"), QStringLiteral("paused")));
    QTRY_COMPARE(bar->text(), QString());
    // A rename: the conversation follows, and so does what is shown under it.
    bob->setNick(QStringLiteral("robert"));
    QTRY_COMPARE(m_f.window()->currentConversation()->name(), QStringLiteral("robert"));
    bob->sendRaw(IrcCommand::typing(QStringLiteral("me"), QStringLiteral("active")));
    QTRY_COMPARE(bar->text(), QStringLiteral("robert is typing…"));
}

void tst_TypingBar::ownTypingReachesThePerson()
{
    ServerConnection* bob = m_f.connectPeer(QStringLiteral("bob"));
    QTRY_COMPARE(m_f.memberRows(), QStringList{QStringLiteral("bob")});
    QSignalSpy typing(bob, &ServerConnection::typingReceived);
    auto* input = m_f.child<ChatInput>("messageInput");
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("hel"));
    QTRY_COMPARE(typing.count(), 1);
    QCOMPARE(typing.at(0).at(0).toString(), QStringLiteral("me"));
    QCOMPARE(typing.at(0).at(1).toString(), QStringLiteral("#lobby"));
    QCOMPARE(typing.at(0).at(2).toString(), QStringLiteral("active"));
    // Another conversation: the room hears "done".
    m_f.controller()->openPrivateConversation(QStringLiteral("bob"));
    QTRY_COMPARE(typing.count(), 2);
    QCOMPARE(typing.at(1).at(2).toString(), QStringLiteral("done"));
}

QTEST_MAIN(tst_TypingBar)
#include "tst_typingbar.moc"

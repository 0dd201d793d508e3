// TypingNotifier driven by keystrokes in a real ChatInput, counted by what confabd relays to a
// raw test client; and a scripted server without message-tags, which is told nothing.
#include "fakeircserver.h"
#include "net/server.h"
#include "session/serverconnection.h"
#include "session/typingnotifier.h"
#include "testclient.h"
#include "widgets/chatinput.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class tst_TypingNotifier : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void activeAtMostOncePerInterval();
    void pausedThenDone();
    void sentMessageEndsTypingWithoutMoreLines();
    void anotherConversationGetsDone();
    void commandsAreNotTyping();
    void notToWhoCannotHear();
    void nothingWithoutMessageTags();

private:
    // States of the +typing lines bob got so far, from me, to target.
    QStringList relayed(const QString& target) const;
    void typeInto(const QString& text) { QTest::keyClicks(m_input.get(), text); }

    std::unique_ptr<Server> m_server;
    std::unique_ptr<ServerConnection> m_me;
    std::unique_ptr<TypingNotifier> m_notifier;
    std::unique_ptr<TestClient> m_bob;
    std::unique_ptr<ChatInput> m_input;
    QString m_target = QStringLiteral("#dev");
};

void tst_TypingNotifier::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("confab.*.debug=false\nconfab.*.info=false"));
}

void tst_TypingNotifier::init()
{
    m_target = QStringLiteral("#dev");
    ServerConfig config;
    config.listenAddresses = {QHostAddress(QHostAddress::LocalHost)};
    config.port = 0;
    m_server = std::make_unique<Server>(config);
    QVERIFY(m_server->listen());

    m_bob = std::make_unique<TestClient>();
    m_bob->connectToServer(m_server->serverPort());
    QTRY_VERIFY(m_bob->isConnected());
    m_bob->sendLine("CAP REQ :message-tags");
    m_bob->registerUser(QStringLiteral("bob"));
    m_bob->sendLine("CAP END");
    m_bob->sendLine("JOIN #dev");

    m_me = std::make_unique<ServerConnection>();
    m_me->setHost(QStringLiteral("127.0.0.1"));
    m_me->setPort(m_server->serverPort());
    m_me->setDesiredNick(QStringLiteral("me"));
    m_me->connectToServer();
    QTRY_VERIFY(m_me->isRegistered());
    QVERIFY(m_me->hasCapability(QStringLiteral("message-tags")));
    m_me->join(QStringLiteral("#dev"));
    QTRY_VERIFY(m_me->network().isMember(QStringLiteral("#dev"), QStringLiteral("bob")));
    m_notifier = std::make_unique<TypingNotifier>(m_me.get());
    m_input = std::make_unique<ChatInput>();
    m_input->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_input.get()));
    connect(m_input.get(), &QLineEdit::textEdited, m_notifier.get(),
            [this](const QString& text) { m_notifier->textEdited(m_target, text); });
    connect(m_input.get(), &ChatInput::submitted, m_notifier.get(), [this](const QString& line) {
        m_notifier->submitted();
        m_me->sendMessage(m_target, line);
    });
    m_bob->clear();
}

void tst_TypingNotifier::cleanup()
{
    m_input.reset();
    m_notifier.reset();
    m_me.reset();
    m_bob.reset();
    m_server.reset();
}

QStringList tst_TypingNotifier::relayed(const QString& target) const
{
    QStringList states;
    for (const IrcMessage& message : m_bob->messages(QStringLiteral("TAGMSG"))) {
        if (message.nick() == QLatin1String("me") && message.param(0) == target)
            states.append(message.tag(QStringLiteral("+typing")));
    }
    return states;
}

void tst_TypingNotifier::activeAtMostOncePerInterval()
{
    QElapsedTimer typing;
    typing.start();
    typeInto(QStringLiteral("hello bob, this is a long line typed key by key"));
    typeInto(QStringLiteral(" and some more of it"));
    const qint64 elapsed = typing.elapsed();
    QTest::keyClick(m_input.get(), Qt::Key_Return); // the message comes after every TAGMSG
    QTRY_VERIFY(m_bob->has(QStringLiteral("PRIVMSG")));
    const QStringList states = relayed(m_target);
    // 68 keystrokes: one "active", or one more per full interval the typing took.
    const int allowed = 1 + int(elapsed / TypingNotifier::ActiveIntervalMs);
    QVERIFY2(!states.isEmpty() && states.count(QStringLiteral("active")) <= allowed,
             qPrintable(states.join(QLatin1Char(' '))));
    QCOMPARE(states.count(QStringLiteral("active")), states.size()); // nothing else yet
    QCOMPARE(m_notifier->state(), QString());
}

void tst_TypingNotifier::pausedThenDone()
{
    m_notifier->setPauseDelay(100);
    typeInto(QStringLiteral("abc"));
    QTRY_COMPARE(relayed(m_target), (QStringList{"active", "paused"}));
    QCOMPARE(m_notifier->state(), QStringLiteral("paused"));
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(m_input.get(), Qt::Key_Backspace);
    QTRY_COMPARE(relayed(m_target), (QStringList{"active", "paused", "done"}));
    QTest::keyClick(m_input.get(), Qt::Key_Backspace); // empty already: nothing more
    m_me->sendMessage(m_target, QStringLiteral("marker"));
    QTRY_VERIFY(m_bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(relayed(m_target).size(), 3);
}

void tst_TypingNotifier::sentMessageEndsTypingWithoutMoreLines()
{
    m_notifier->setPauseDelay(100);
    typeInto(QStringLiteral("hi"));
    QTest::keyClick(m_input.get(), Qt::Key_Return);
    QTRY_VERIFY(m_bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(m_notifier->state(), QString()); // the pause timer finds nothing to pause
    QCOMPARE(relayed(m_target), QStringList{"active"});
}

void tst_TypingNotifier::anotherConversationGetsDone()
{
    typeInto(QStringLiteral("draft"));
    QTRY_COMPARE(relayed(m_target), QStringList{"active"});
    m_notifier->setTarget(QStringLiteral("bob"));
    QTRY_COMPARE(relayed(m_target), (QStringList{"active", "done"}));
    m_target = QStringLiteral("bob");
    typeInto(QStringLiteral("x")); // a new conversation: its own "active" at once
    QTRY_COMPARE(relayed(QStringLiteral("bob")), QStringList{"active"});
}

void tst_TypingNotifier::commandsAreNotTyping()
{
    typeInto(QStringLiteral("/join #elsewhere"));
    QTest::keyClick(m_input.get(), Qt::Key_Escape);
    m_me->sendMessage(m_target, QStringLiteral("marker"));
    QTRY_VERIFY(m_bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(relayed(m_target), QStringList());
}

// Someone offline would only draw "no such nick" answers (on servers that send them).
void tst_TypingNotifier::notToWhoCannotHear()
{
    m_notifier->setRecipientCheck(
        [](const QString& target) { return target != QLatin1String("#dev"); });
    typeInto(QStringLiteral("nobody hears this"));
    m_me->sendMessage(m_target, QStringLiteral("marker"));
    QTRY_VERIFY(m_bob->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(relayed(m_target), QStringList());
    m_notifier->setRecipientCheck({});
    m_bob->clear();
    m_input->clear();
    typeInto(QStringLiteral("now it does"));
    QTRY_COMPARE(relayed(m_target), QStringList{"active"});
}

void tst_TypingNotifier::nothingWithoutMessageTags()
{
    FakeIrcServer fake; // answers no CAP: nothing negotiated
    fake.autoWelcome = true;
    QVERIFY(fake.listen());
    ServerConnection plain;
    plain.setHost(QStringLiteral("127.0.0.1"));
    plain.setPort(fake.port());
    plain.setDesiredNick(QStringLiteral("me"));
    plain.connectToServer();
    QTRY_VERIFY(plain.isRegistered());
    TypingNotifier notifier(&plain);
    notifier.textEdited(QStringLiteral("#room"), QStringLiteral("a"));
    notifier.textEdited(QStringLiteral("#room"), QString());
    plain.sendMessage(QStringLiteral("#room"), QStringLiteral("marker"));
    QTRY_VERIFY(!fake.receivedCommands(QStringLiteral("PRIVMSG")).isEmpty());
    QVERIFY(fake.receivedCommands(QStringLiteral("TAGMSG")).isEmpty());
}

QTEST_MAIN(tst_TypingNotifier)
#include "tst_typingnotifier.moc"

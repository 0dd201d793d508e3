// PRIVMSG, NOTICE and TAGMSG over real sockets: the "bot" tag from a +B sender (IRCv3
// bot-mode), STATUSMSG targets ("@#room", "+#room"), and text that is not valid UTF-8.
#include "accountfixture.h"
#include "servertestmain.h"

class tst_MessagingCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void botTag_data();
    void botTag();
    void statusMessage_data();
    void statusMessage();
    void statusMessageNeedsChannel();
    void invalidUtf8IsRepaired();

private:
    AccountFixture m_fixture;
};

void tst_MessagingCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.config()));
}

void tst_MessagingCommands::cleanup()
{
    m_fixture.stop();
}

void tst_MessagingCommands::botTag_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("command");
    QTest::newRow("PRIVMSG to the room")
        << QByteArray("PRIVMSG #lobby :beep") << QStringLiteral("PRIVMSG");
    QTest::newRow("NOTICE to a user")
        << QByteArray("NOTICE tagged :beep") << QStringLiteral("NOTICE");
    QTest::newRow("TAGMSG") << QByteArray("@+typing=active TAGMSG #lobby")
                            << QStringLiteral("TAGMSG");
}

void tst_MessagingCommands::botTag()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, command);
    TestClient* robot = m_fixture.user(QStringLiteral("robot"));
    TestClient* tagged = m_fixture.user(QStringLiteral("tagged"), "message-tags");
    TestClient* plain = m_fixture.user(QStringLiteral("plain"));
    QVERIFY(robot && tagged && plain);
    // Not a bot yet: no tag.
    robot->sendLine(line);
    QTRY_VERIFY(tagged->has(command));
    QVERIFY(!tagged->last(command).hasTag(QStringLiteral("bot")));
    QVERIFY(!AccountFixture::ask(robot, "MODE robot +B", QStringLiteral("MODE")).isEmpty());
    const int before = tagged->count(command);
    robot->sendLine(line);
    QTRY_COMPARE(tagged->count(command), before + 1);
    QVERIFY(tagged->last(command).hasTag(QStringLiteral("bot")));
    QVERIFY2(tagged->lines().last().startsWith("@bot;") ||
                 tagged->lines().last().contains(";bot;") ||
                 tagged->lines().last().contains(";bot "),
             tagged->lines().last().constData());
    // Clients without message-tags get no tags at all.
    if (command != QLatin1String("TAGMSG")) {
        QVERIFY(m_fixture.sync(plain));
        QVERIFY(plain->has(command) || command == QLatin1String("NOTICE"));
        for (const QByteArray& received : plain->lines())
            QVERIFY2(!received.startsWith('@'), received.constData());
    }
}

void tst_MessagingCommands::statusMessage_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QStringList>("receivers");
    // In #lobby: op (the first to join, @), voiced (+), member.
    QTest::newRow("@: operators") << QByteArray("@#lobby") << QStringList{"op"};
    QTest::newRow("+: voiced and operators")
        << QByteArray("+#lobby") << QStringList{"op", "voiced"};
}

void tst_MessagingCommands::statusMessage()
{
    QFETCH(QByteArray, target);
    QFETCH(QStringList, receivers);
    TestClient* op = m_fixture.user(QStringLiteral("op"));
    TestClient* voiced = m_fixture.user(QStringLiteral("voiced"));
    TestClient* member = m_fixture.user(QStringLiteral("member"), "echo-message");
    QVERIFY(op && voiced && member);
    QVERIFY(!AccountFixture::ask(op, "MODE #lobby +v voiced", QStringLiteral("MODE")).isEmpty());
    member->sendLine("PRIVMSG " + target + " :for the staff");
    // The sender has its echo (echo-message) although it has no status.
    QTRY_VERIFY(member->has(QStringLiteral("PRIVMSG")));
    QCOMPARE(member->last(QStringLiteral("PRIVMSG")).param(0), QString::fromLatin1(target));
    QVERIFY(m_fixture.sync(op));
    QVERIFY(m_fixture.sync(voiced));
    QStringList got;
    for (TestClient* client : {op, voiced}) {
        const IrcMessage privmsg = client->last(QStringLiteral("PRIVMSG"));
        if (privmsg.command().isEmpty())
            continue;
        QCOMPARE(privmsg.param(0), QString::fromLatin1(target));
        QCOMPARE(privmsg.param(1), QStringLiteral("for the staff"));
        got.append(client == op ? QStringLiteral("op") : QStringLiteral("voiced"));
    }
    QCOMPARE(got, receivers);
}

void tst_MessagingCommands::statusMessageNeedsChannel()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    QVERIFY(alice);
    const QList<IrcMessage> answer =
        AccountFixture::ask(alice, "PRIVMSG @#nowhere :hello", QStringLiteral("403"));
    QCOMPARE(answer.value(0).param(1), QStringLiteral("@#nowhere"));
}

// UTF8ONLY: what is relayed is always valid UTF-8; invalid bytes become U+FFFD.
void tst_MessagingCommands::invalidUtf8IsRepaired()
{
    TestClient* alice = m_fixture.user(QStringLiteral("alice"));
    TestClient* bob = m_fixture.user(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("PRIVMSG bob :caf\xe9 \xff\xfe ok");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    const QByteArray received = bob->lines().last();
    QVERIFY2(QString::fromUtf8(received).toUtf8() == received, received.constData());
    QCOMPARE(bob->last(QStringLiteral("PRIVMSG")).param(1),
             QStringLiteral("caf\ufffd \ufffd\ufffd ok"));
}

CONFAB_SERVER_TEST_MAIN(tst_MessagingCommands)
#include "tst_messagingcommands.moc"

// Client batches over real sockets: a draft/multiline message (a paste) as a batch for clients
// with the capability and one line per line for the others, its limits and errors (FAIL BATCH),
// flood control, history, labeled-response; and cap-notify: what REHASH changes is announced
// with CAP DEL and CAP NEW.
#include "history/historyservice.h"
#include "operfixture.h"
#include "servertestmain.h"

#include <QDir>
#include <QFile>

class tst_BatchCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capabilityAdvertised();
    void batchToChannel();
    void fallbackWithoutTheCapability();
    void privateMessage();
    void labeledEcho();
    void errors_data();
    void errors();
    void needsTheCapability();
    void limitsFromTheConfiguration();
    void longPasteIsNotAFlood();
    void keptInHistoryAsItsLines();
    void capNotifyOnRehash();
    void registrationClosed();

private:
    // A registered client (in #lobby) with the caps.
    TestClient* client(const QString& nick, const QByteArray& caps);
    // The lines of a batch to the target: "BATCH +ref", the lines (a leading "+" marks
    // draft/multiline-concat), "BATCH -ref".
    static void sendBatch(TestClient* client, const QByteArray& target,
                          const QList<QByteArray>& lines, const QByteArray& reference = "b1",
                          const QByteArray& openingTags = {});

    OperFixture m_fixture;
};

void tst_BatchCommands::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.operConfig()));
}

void tst_BatchCommands::cleanup()
{
    m_fixture.stop();
}

TestClient* tst_BatchCommands::client(const QString& nick, const QByteArray& caps)
{
    if (caps.isEmpty())
        return m_fixture.user(nick);
    return m_fixture.login(nick, {}, {}, caps);
}

void tst_BatchCommands::sendBatch(TestClient* client, const QByteArray& target,
                                  const QList<QByteArray>& lines, const QByteArray& reference,
                                  const QByteArray& openingTags)
{
    client->sendLine((openingTags.isEmpty() ? QByteArray() : "@" + openingTags + " ") +
                     "BATCH +" + reference + " draft/multiline " + target);
    for (const QByteArray& line : lines) {
        const bool concat = line.startsWith('+');
        client->sendLine("@batch=" + reference + (concat ? ";draft/multiline-concat" : "") +
                         " PRIVMSG " + target + " :" + (concat ? line.mid(1) : line));
    }
    client->sendLine("BATCH -" + reference);
}

void tst_BatchCommands::capabilityAdvertised()
{
    TestClient* c = m_fixture.connect();
    c->sendLine("CAP LS 302");
    QTRY_VERIFY(c->has(QStringLiteral("CAP")));
    QString caps;
    for (const IrcMessage& line : c->messages(QStringLiteral("CAP")))
        caps += u' ' + line.params().constLast();
    QVERIFY2(caps.contains(QLatin1String(" draft/multiline=max-bytes=4096,max-lines=100")),
             qPrintable(caps));
    QVERIFY2(caps.contains(QLatin1String(" cap-notify")), qPrintable(caps));
    // CAP LS 302 turned cap-notify on, and it stays on.
    c->sendLine("CAP REQ :-cap-notify");
    c->sendLine("CAP LIST");
    QTRY_VERIFY(c->has(QStringLiteral("CAP")) &&
                c->last(QStringLiteral("CAP")).param(1) == QLatin1String("LIST"));
    QVERIFY(c->last(QStringLiteral("CAP")).params().constLast().contains(
        QLatin1String("cap-notify")));
}

void tst_BatchCommands::batchToChannel()
{
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"), "batch draft/multiline message-tags");
    QVERIFY(alice && bob);
    bob->clear();
    sendBatch(alice, "#lobby", {"first line", "", "second, long ", "+and joined", "last"});
    QTRY_COMPARE(bob->count(QStringLiteral("BATCH")), 2);
    const QList<IrcMessage> all = bob->messages();
    int start = bob->indexOf(QStringLiteral("BATCH"));
    const IrcMessage opening = all.at(start);
    QVERIFY(opening.param(0).startsWith(u'+'));
    const QString id = opening.param(0).mid(1);
    QCOMPARE(opening.param(1), QStringLiteral("draft/multiline"));
    QCOMPARE(opening.param(2), QStringLiteral("#lobby"));
    QVERIFY(opening.source().startsWith(QLatin1String("alice!")));
    QVERIFY(!opening.tag(QStringLiteral("msgid")).isEmpty()); // the message's id is on it
    const QStringList texts{QStringLiteral("first line"), QString(),
                            QStringLiteral("second, long "), QStringLiteral("and joined"),
                            QStringLiteral("last")};
    for (int i = 0; i < texts.size(); ++i) {
        const IrcMessage& line = all.at(start + 1 + i);
        QCOMPARE(line.command(), QStringLiteral("PRIVMSG"));
        QCOMPARE(line.tag(QStringLiteral("batch")), id);
        QCOMPARE(line.param(1), texts.at(i));
        QCOMPARE(line.hasTag(QStringLiteral("draft/multiline-concat")), i == 3);
        QVERIFY(!line.hasTag(QStringLiteral("msgid")));
    }
    QCOMPARE(all.at(start + 1 + int(texts.size())).param(0), QStringLiteral("-") + id);
    // Without echo-message the sender gets nothing back, and no error.
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!alice->has(QStringLiteral("PRIVMSG")));
    QVERIFY(!alice->has(QStringLiteral("FAIL")));
}

void tst_BatchCommands::fallbackWithoutTheCapability()
{
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* carol = client(QStringLiteral("carol"), "message-tags");
    TestClient* dave = client(QStringLiteral("dave"), {});
    QVERIFY(alice && carol && dave);
    carol->clear();
    dave->clear();
    sendBatch(alice, "#lobby", {"", "one", "", "two ", "+three"});
    // The lines that are not blank, one by one; only the first carries the message id.
    QTRY_COMPARE(carol->count(QStringLiteral("PRIVMSG")), 3);
    const QList<IrcMessage> lines = carol->messages(QStringLiteral("PRIVMSG"));
    QCOMPARE(lines.at(0).param(1), QStringLiteral("one"));
    QCOMPARE(lines.at(1).param(1), QStringLiteral("two "));
    QCOMPARE(lines.at(2).param(1), QStringLiteral("three"));
    QVERIFY(!lines.at(0).tag(QStringLiteral("msgid")).isEmpty());
    QVERIFY(!lines.at(1).hasTag(QStringLiteral("msgid")));
    QVERIFY(!lines.at(2).hasTag(QStringLiteral("msgid")));
    QVERIFY(!carol->has(QStringLiteral("BATCH")));
    QTRY_COMPARE(dave->count(QStringLiteral("PRIVMSG")), 3);
    QVERIFY(dave->lines().contains(QByteArray(":alice!~u@127.0.0.1 PRIVMSG #lobby :one")));
    QVERIFY(!dave->has(QStringLiteral("BATCH")));
}

void tst_BatchCommands::privateMessage()
{
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"), "batch draft/multiline");
    QVERIFY(alice && bob);
    bob->clear();
    sendBatch(alice, "BOB", {"hello", "how are you?"});
    QTRY_COMPARE(bob->count(QStringLiteral("BATCH")), 2);
    const QList<IrcMessage> lines = bob->messages(QStringLiteral("PRIVMSG"));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0).param(0), QStringLiteral("BOB")); // the target as the sender wrote it
    QCOMPARE(lines.at(1).param(1), QStringLiteral("how are you?"));
    // To nobody: 401, as for a PRIVMSG.
    sendBatch(alice, "nobody", {"anyone?"}, "b2");
    QTRY_VERIFY(alice->has(QStringLiteral("401")));
}

void tst_BatchCommands::labeledEcho()
{
    TestClient* alice =
        client(QStringLiteral("alice"), "batch draft/multiline echo-message labeled-response");
    QVERIFY(alice);
    alice->clear();
    sendBatch(alice, "#lobby", {"a", "b"}, "b1", "label=paste1;+draft/reply=x");
    QTRY_COMPARE(alice->count(QStringLiteral("BATCH")), 2);
    // The echo is the answer: its opening line alone carries the label.
    const IrcMessage opening = alice->messages(QStringLiteral("BATCH")).first();
    QCOMPARE(opening.tag(QStringLiteral("label")), QStringLiteral("paste1"));
    QCOMPARE(opening.param(1), QStringLiteral("draft/multiline"));
    for (const IrcMessage& line : alice->messages(QStringLiteral("PRIVMSG")))
        QVERIFY(!line.hasTag(QStringLiteral("label")));
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!alice->has(QStringLiteral("ACK")));
}

void tst_BatchCommands::errors_data()
{
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QStringList>("fail");
    QTest::newRow("another target")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=r PRIVMSG #other :x",
                             "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID_TARGET", "#lobby", "#other"};
    QTest::newRow("PRIVMSG then NOTICE")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=r PRIVMSG #lobby :x",
                             "@batch=r NOTICE #lobby :y", "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("another command")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=r TOPIC #lobby :x",
                             "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("concat on a blank line")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=r PRIVMSG #lobby :x",
                             "@batch=r;draft/multiline-concat PRIVMSG #lobby :", "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("only blank lines")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=r PRIVMSG #lobby :",
                             "@batch=r PRIVMSG #lobby :", "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("no lines")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "BATCH -r"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("nested")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "BATCH +s draft/multiline #lobby"}
        << QStringList{"BATCH", "MULTILINE_INVALID"};
    QTest::newRow("unknown reference")
        << QList<QByteArray>{"BATCH +r draft/multiline #lobby", "@batch=q PRIVMSG #lobby :x"}
        << QStringList{"BATCH", "INVALID_REFTAG", "q"};
    QTest::newRow("closing what is not open")
        << QList<QByteArray>{"BATCH -r"} << QStringList{"BATCH", "INVALID_REFTAG", "r"};
    QTest::newRow("unknown type")
        << QList<QByteArray>{"BATCH +r example.com/other #lobby"}
        << QStringList{"BATCH", "UNKNOWN_TYPE", "example.com/other"};
}

void tst_BatchCommands::errors()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QStringList, fail);
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"), {});
    QVERIFY(alice && bob);
    bob->clear();
    for (const QByteArray& line : lines)
        alice->sendLine(line);
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).params().mid(0, fail.size()), fail);
    QCOMPARE(alice->count(QStringLiteral("FAIL")), 1); // once, not for every later line
    // Nothing of it reaches anyone, and the connection goes on.
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(m_fixture.sync(bob));
    QVERIFY(!bob->has(QStringLiteral("PRIVMSG")));
    QVERIFY(!bob->has(QStringLiteral("BATCH")));
    alice->sendLine("PRIVMSG #lobby :still here");
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
}

void tst_BatchCommands::needsTheCapability()
{
    TestClient* alice = client(QStringLiteral("alice"), "batch");
    QVERIFY(alice);
    alice->sendLine("BATCH +r draft/multiline #lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).param(1), QStringLiteral("MULTILINE_INVALID"));
    // Batches are for registered users.
    TestClient* early = m_fixture.connect();
    early->sendLine("BATCH +r draft/multiline #lobby");
    QTRY_VERIFY(early->has(QStringLiteral("451")));
}

void tst_BatchCommands::limitsFromTheConfiguration()
{
    ServerConfig config = m_fixture.operConfig();
    config.multilineMaxBytes = 600;
    config.multilineMaxLines = 3;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"), {});
    QVERIFY(alice && bob);
    bob->clear();
    // Three lines of 300 bytes: 300 + 1 + 300 > 600 (a LF counts).
    const QByteArray text(300, 'x');
    sendBatch(alice, "#lobby", {text, text, text});
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).params().mid(0, 3),
             (QStringList{"BATCH", "MULTILINE_MAX_BYTES", "600"}));
    // Four lines: one too many.
    alice->clear();
    sendBatch(alice, "#lobby", {"1", "2", "3", "4"}, "b2");
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    QCOMPARE(alice->last(QStringLiteral("FAIL")).params().mid(0, 3),
             (QStringList{"BATCH", "MULTILINE_MAX_LINES", "3"}));
    // Exactly at the limits: sent. 299 + 1 + 299 + concat 1 = 600 bytes in three lines.
    alice->clear();
    sendBatch(alice, "#lobby", {QByteArray(299, 'y'), QByteArray(299, 'z'), "+!"}, "b3");
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 3);
    QVERIFY(!alice->has(QStringLiteral("FAIL")));
}

void tst_BatchCommands::longPasteIsNotAFlood()
{
    ServerConfig config = m_fixture.operConfig();
    config.floodBurst = 5;
    config.floodRate = 1;
    config.floodMaxQueuedLines = 10;
    QVERIFY(m_fixture.restart(config));
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"), "batch draft/multiline");
    QVERIFY(alice && bob);
    // 100 lines at once, ten times the flood queue: one message, delivered whole.
    QList<QByteArray> lines;
    for (int i = 0; i < 100; ++i)
        lines.append("line " + QByteArray::number(i));
    sendBatch(alice, "#lobby", lines);
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 100);
    QVERIFY(!alice->isDisconnected());
    QVERIFY(!alice->has(QStringLiteral("ERROR")));
    // Lines outside a batch still count: 30 plain PRIVMSGs at once are a flood.
    for (int i = 0; i < 30; ++i)
        alice->sendLine("PRIVMSG #lobby :a line of its own");
    QTRY_VERIFY(alice->isDisconnected());
    // Lines tagged as a batch's without one open wait like others, a batch's worth more
    // (10 + 100 here), and no further.
    for (int i = 0; i < 130; ++i)
        bob->sendLine("@batch=b9 PRIVMSG #lobby :not in an open batch");
    QTRY_VERIFY(bob->isDisconnected());
}

void tst_BatchCommands::keptInHistoryAsItsLines()
{
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/multiline");
    TestClient* bob = client(QStringLiteral("bob"),
                             "batch draft/chathistory message-tags server-time");
    QVERIFY(alice && bob);
    HistoryService* history = m_fixture.server()->historyService();
    const qint64 before = history->storedCount();
    sendBatch(alice, "#lobby", {"kept one", "", "kept two"});
    QTRY_COMPARE(history->storedCount(), before + 2);
    // The live lines first (bob has no draft/multiline: two PRIVMSGs), so that only the
    // history's lines come after the clear.
    QTRY_COMPARE(bob->count(QStringLiteral("PRIVMSG")), 2);
    bob->clear();
    bob->sendLine("CHATHISTORY LATEST #lobby * 10");
    QTRY_COMPARE(bob->count(QStringLiteral("BATCH")), 2);
    QStringList texts;
    QSet<QString> ids;
    for (const IrcMessage& line : bob->messages(QStringLiteral("PRIVMSG"))) {
        texts.append(line.param(1));
        ids.insert(line.tag(QStringLiteral("msgid")));
    }
    QCOMPARE(texts, (QStringList{QStringLiteral("kept one"), QStringLiteral("kept two")}));
    QCOMPARE(ids.size(), 2); // each line has an id of its own
    QVERIFY(!ids.contains(QString()));
}

void tst_BatchCommands::capNotifyOnRehash()
{
    const QString file = m_fixture.writeConfigFile("port=0\n");
    QVERIFY(!file.isEmpty());
    ServerConfig config = m_fixture.operConfig();
    config.configFile = file;
    QVERIFY(m_fixture.restart(config));
    // alice negotiated with CAP LS 302, bob asked for cap-notify, carol for nothing.
    TestClient* alice = client(QStringLiteral("alice"), "draft/multiline batch");
    TestClient* bob = m_fixture.connect();
    bob->sendLine("CAP REQ :cap-notify draft/multiline");
    bob->registerUser(QStringLiteral("bob"));
    bob->sendLine("CAP END");
    TestClient* carol = client(QStringLiteral("carol"), {});
    QVERIFY(alice && m_fixture.waitForWelcome(bob) && carol);
    alice->clear();
    bob->clear();
    carol->clear();

    // Registration closed and a larger max-bytes: one capability goes, one changes.
    QVERIFY(!m_fixture.writeConfigFile("port=0\nno-account-registration=true\nmultiline-max-bytes=8192\n").isEmpty());
    QVERIFY(m_fixture.server()->reload());
    QTRY_COMPARE(alice->count(QStringLiteral("CAP")), 2);
    QList<IrcMessage> caps = alice->messages(QStringLiteral("CAP"));
    QCOMPARE(caps.at(0).param(1), QStringLiteral("DEL"));
    QCOMPARE(caps.at(0).param(2),
             QStringLiteral("draft/account-registration draft/multiline"));
    QCOMPARE(caps.at(1).param(1), QStringLiteral("NEW"));
    QCOMPARE(caps.at(1).param(2), QStringLiteral("draft/multiline=max-bytes=8192,max-lines=100"));
    // Without CAP LS 302, no values.
    QTRY_COMPARE(bob->count(QStringLiteral("CAP")), 2);
    QCOMPARE(bob->messages(QStringLiteral("CAP")).at(1).param(2),
             QStringLiteral("draft/multiline"));
    QVERIFY(m_fixture.sync(carol));
    QVERIFY(!carol->has(QStringLiteral("CAP")));
    // The capability that went is off until asked for again.
    alice->sendLine("BATCH +r draft/multiline #lobby");
    QTRY_VERIFY(alice->has(QStringLiteral("FAIL")));
    alice->sendLine("CAP REQ draft/multiline");
    QTRY_VERIFY(alice->last(QStringLiteral("CAP")).param(1) == QLatin1String("ACK"));
    alice->clear();
    // 5 411 bytes: over the old limit, within the new one.
    sendBatch(alice, "#lobby", QList<QByteArray>(12, QByteArray(450, 'x')));
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!alice->has(QStringLiteral("FAIL")));

    // Opened again: the capability comes back.
    QVERIFY(!m_fixture.writeConfigFile("port=0\nmultiline-max-bytes=8192\n").isEmpty());
    alice->clear();
    QVERIFY(m_fixture.server()->reload());
    QTRY_VERIFY(alice->has(QStringLiteral("CAP")));
    QCOMPARE(alice->last(QStringLiteral("CAP")).param(1), QStringLiteral("NEW"));
    QCOMPARE(alice->last(QStringLiteral("CAP")).param(2),
             QStringLiteral("draft/account-registration=before-connect"));
    // A config file that cannot be read changes nothing.
    QVERIFY(!m_fixture.writeConfigFile("port=0\nmultiline-max-bytes=nonsense\n").isEmpty());
    alice->clear();
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("^options and operator blocks kept as they were"));
    QVERIFY(!m_fixture.server()->reload());
    QVERIFY(m_fixture.sync(alice));
    QVERIFY(!alice->has(QStringLiteral("CAP")));
    QCOMPARE(m_fixture.server()->core()->config().multilineMaxBytes, 8192);
}

void tst_BatchCommands::registrationClosed()
{
    ServerConfig config = m_fixture.operConfig();
    config.accountRegistration = false;
    QVERIFY(m_fixture.restart(config));
    TestClient* c = m_fixture.connect();
    c->sendLine("CAP LS 302");
    QTRY_VERIFY(c->has(QStringLiteral("CAP")));
    QVERIFY(!c->last(QStringLiteral("CAP")).params().constLast().contains(
        QLatin1String("draft/account-registration")));
    c->sendLine("NICK newcomer");
    c->sendLine("REGISTER * * :a long enough password");
    QTRY_VERIFY(c->has(QStringLiteral("FAIL")));
    QCOMPARE(c->last(QStringLiteral("FAIL")).params().mid(0, 3),
             (QStringList{"REGISTER", "TEMPORARILY_UNAVAILABLE", "*"}));
}

CONFAB_SERVER_TEST_MAIN(tst_BatchCommands)
#include "tst_batchcommands.moc"

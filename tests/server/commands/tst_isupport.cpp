// The 005 RPL_ISUPPORT tokens against what the server does: one row per token a real server
// advertises, each exercised over real sockets by its check below. A token advertised without a
// check fails the test, so a new token needs one.
#include "accountfixture.h"
#include "servertestmain.h"

#include <QHash>

class tst_Isupport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void tokens_data();
    void tokens();

private:
    using Check = void (tst_Isupport::*)(const QString& value);
    static QHash<QString, Check> checks();

    // The checks, named for their tokens.
    void awayLen(const QString& value);
    void bot(const QString& value);
    void caseMapping(const QString& value);
    void chanLimit(const QString& value);
    void chanModes(const QString& value);
    void channelLen(const QString& value);
    void chanTypes(const QString& value);
    void chatHistory(const QString& value);
    void eList(const QString& value);
    void kickLen(const QString& value);
    void lineLen(const QString& value);
    void maxTargets(const QString& value);
    void modes(const QString& value);
    void monitor(const QString& value);
    void msgRefTypes(const QString& value);
    void network(const QString& value);
    void nickLen(const QString& value);
    void prefix(const QString& value);
    void safeList(const QString& value);
    void statusMsg(const QString& value);
    void targMax(const QString& value);
    void topicLen(const QString& value);
    void userLen(const QString& value);
    void utf8Only(const QString& value);
    void whox(const QString& value);

    // A registered client in #lobby (autojoin), with the caps.
    TestClient* client(const QString& nick, const QByteArray& caps = {});
    // The number of the value (QVERIFY fails on anything else).
    static int number(const QString& value);
    // The commands of the answer to line, up to end.
    static QList<IrcMessage> ask(TestClient* client, const QByteArray& line, const QString& end);
    // A CHATHISTORY request's answer: the lines in its batch (without the BATCH lines).
    static QList<IrcMessage> history(TestClient* client, const QByteArray& line);

    AccountFixture m_fixture;
};

QHash<QString, tst_Isupport::Check> tst_Isupport::checks()
{
    return {
        {QStringLiteral("AWAYLEN"), &tst_Isupport::awayLen},
        {QStringLiteral("BOT"), &tst_Isupport::bot},
        {QStringLiteral("CASEMAPPING"), &tst_Isupport::caseMapping},
        {QStringLiteral("CHANLIMIT"), &tst_Isupport::chanLimit},
        {QStringLiteral("CHANMODES"), &tst_Isupport::chanModes},
        {QStringLiteral("CHANNELLEN"), &tst_Isupport::channelLen},
        {QStringLiteral("CHANTYPES"), &tst_Isupport::chanTypes},
        {QStringLiteral("CHATHISTORY"), &tst_Isupport::chatHistory},
        {QStringLiteral("ELIST"), &tst_Isupport::eList},
        {QStringLiteral("KICKLEN"), &tst_Isupport::kickLen},
        {QStringLiteral("LINELEN"), &tst_Isupport::lineLen},
        {QStringLiteral("MAXTARGETS"), &tst_Isupport::maxTargets},
        {QStringLiteral("MODES"), &tst_Isupport::modes},
        {QStringLiteral("MONITOR"), &tst_Isupport::monitor},
        {QStringLiteral("MSGREFTYPES"), &tst_Isupport::msgRefTypes},
        {QStringLiteral("NETWORK"), &tst_Isupport::network},
        {QStringLiteral("NICKLEN"), &tst_Isupport::nickLen},
        {QStringLiteral("PREFIX"), &tst_Isupport::prefix},
        {QStringLiteral("SAFELIST"), &tst_Isupport::safeList},
        {QStringLiteral("STATUSMSG"), &tst_Isupport::statusMsg},
        {QStringLiteral("TARGMAX"), &tst_Isupport::targMax},
        {QStringLiteral("TOPICLEN"), &tst_Isupport::topicLen},
        {QStringLiteral("USERLEN"), &tst_Isupport::userLen},
        {QStringLiteral("UTF8ONLY"), &tst_Isupport::utf8Only},
        {QStringLiteral("WHOX"), &tst_Isupport::whox},
    };
}

void tst_Isupport::init()
{
    m_fixture.newDataDirectory();
    QVERIFY(m_fixture.start(m_fixture.config()));
}

void tst_Isupport::cleanup()
{
    m_fixture.stop();
}

// One row per token, read from the 005 lines of a server started for the purpose.
void tst_Isupport::tokens_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    AccountFixture fixture;
    QVERIFY(fixture.start(fixture.config()));
    TestClient* reader = fixture.user(QStringLiteral("reader"));
    QVERIFY(reader);
    const QList<IrcMessage> lines = reader->messages(QStringLiteral("005"));
    for (const IrcMessage& line : lines) {
        QCOMPARE(line.params().last(), QStringLiteral("are supported by this server"));
        for (const QString& token : line.params().mid(1, line.paramCount() - 2)) {
            const QString name = token.section(u'=', 0, 0);
            QTest::newRow(qPrintable(name)) << name << token.section(u'=', 1);
        }
    }
    fixture.stop();
}

void tst_Isupport::tokens()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const QHash<QString, Check> all = checks();
    QVERIFY2(all.contains(name), qPrintable(name + QStringLiteral(" is advertised but has no "
                                                                  "check in tst_isupport")));
    (this->*all.value(name))(value);
}

TestClient* tst_Isupport::client(const QString& nick, const QByteArray& caps)
{
    return m_fixture.user(nick, caps);
}

int tst_Isupport::number(const QString& value)
{
    bool ok = false;
    const int n = value.toInt(&ok);
    return ok && n > 0 ? n : -1;
}

QList<IrcMessage> tst_Isupport::ask(TestClient* client, const QByteArray& line, const QString& end)
{
    return AccountFixture::ask(client, line, end);
}

QList<IrcMessage> tst_Isupport::history(TestClient* client, const QByteArray& line)
{
    const int start = int(client->messages().size());
    client->sendLine(line);
    auto batchLines = [&] {
        return AccountFixture::only(client->messages().mid(start), QStringLiteral("BATCH"));
    };
    if (!QTest::qWaitFor([&] { return batchLines().size() == 2; }, 5000))
        return {};
    QList<IrcMessage> lines;
    for (const IrcMessage& message : client->messages().mid(start)) {
        if (message.command() != QLatin1String("BATCH"))
            lines.append(message);
    }
    return lines;
}

void tst_Isupport::awayLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QVERIFY(!ask(alice, "AWAY :" + QByteArray(n + 20, 'a'), QStringLiteral("306")).isEmpty());
    const QList<IrcMessage> away =
        AccountFixture::only(ask(alice, "WHOIS alice", QStringLiteral("318")), "301");
    QCOMPARE(away.value(0).param(2).size(), n);
}

void tst_Isupport::bot(const QString& value)
{
    QCOMPARE(value.size(), 1);
    TestClient* robot = client(QStringLiteral("robot"));
    QVERIFY(robot);
    QCOMPARE(ask(robot, "MODE robot +" + value.toLatin1(), QStringLiteral("MODE")).last().param(1),
             QLatin1Char('+') + value);
    QCOMPARE(AccountFixture::only(ask(robot, "WHOIS robot", "318"), "335").size(), 1);
}

void tst_Isupport::caseMapping(const QString& value)
{
    QCOMPARE(value, QStringLiteral("rfc1459"));
    TestClient* alice = client(QStringLiteral("[a]\\"));
    QVERIFY(alice);
    // rfc1459: []\ are the upper case of {}|, and A of a.
    const QList<IrcMessage> whois = ask(alice, "WHOIS {A}|", QStringLiteral("318"));
    QCOMPARE(AccountFixture::only(whois, "311").value(0).param(1), QStringLiteral("[a]\\"));
}

void tst_Isupport::chanLimit(const QString& value)
{
    QVERIFY(value.startsWith(QLatin1String("#&:")));
    const int n = number(value.mid(3));
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QByteArrayList names;
    for (int i = 0; i < n; ++i) // with #lobby, one too many
        names.append((i % 2 ? "&c" : "#c") + QByteArray::number(i));
    const QList<IrcMessage> answer = ask(alice, "JOIN " + names.join(','), QStringLiteral("405"));
    QCOMPARE(answer.last().param(1), QString::fromLatin1(names.last()));
    QCOMPARE(AccountFixture::only(answer, "JOIN").size(), n - 1);
}

void tst_Isupport::chanModes(const QString& value)
{
    const QStringList groups = value.split(u',');
    QCOMPARE(groups.size(), 4);
    TestClient* alice = client(QStringLiteral("alice"));
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    QVERIFY(!ask(alice, "JOIN #modes", QStringLiteral("366")).isEmpty());
    // A: lists, with a parameter either way; B: a parameter either way; C: only to set;
    // D: flags.
    for (QChar mode : groups.at(0)) {
        const QByteArray m = QString(mode).toLatin1();
        QCOMPARE(ask(alice, "MODE #modes +" + m + " x!*@*", "MODE").last().params(),
                 (QStringList{"#modes", QStringLiteral("+") + mode, "x!*@*"}));
        QCOMPARE(ask(alice, "MODE #modes -" + m + " x!*@*", "MODE").last().param(1),
                 QStringLiteral("-") + mode);
    }
    for (QChar mode : groups.at(1)) {
        const QByteArray m = QString(mode).toLatin1();
        QCOMPARE(ask(alice, "MODE #modes +" + m + " secret", "MODE").last().param(2),
                 QStringLiteral("secret"));
        QCOMPARE(ask(alice, "MODE #modes -" + m + " secret", "MODE").last().param(1),
                 QStringLiteral("-") + mode);
    }
    for (QChar mode : groups.at(2)) {
        const QByteArray m = QString(mode).toLatin1();
        QCOMPARE(ask(alice, "MODE #modes +" + m + " 5", "MODE").last().param(2),
                 QStringLiteral("5"));
        QCOMPARE(ask(alice, "MODE #modes -" + m, "MODE").last().params(),
                 (QStringList{"#modes", QStringLiteral("-") + mode}));
    }
    alice->sendLine("MODE #modes -" + groups.at(3).toLatin1());
    QString shown = ask(alice, "MODE #modes", QStringLiteral("324")).last().param(2);
    for (QChar mode : groups.at(3))
        QVERIFY2(!shown.contains(mode), qPrintable(shown));
    alice->sendLine("MODE #modes +" + groups.at(3).toLatin1());
    shown = ask(alice, "MODE #modes", QStringLiteral("324")).last().param(2);
    for (QChar mode : groups.at(3))
        QVERIFY2(shown.contains(mode), qPrintable(shown));
}

void tst_Isupport::channelLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    const QByteArray longest = '#' + QByteArray(n - 1, 'c');
    QCOMPARE(ask(alice, "JOIN " + longest, QStringLiteral("366")).value(0).param(0),
             QString::fromLatin1(longest));
    QVERIFY(!ask(alice, "JOIN " + longest + 'c', QStringLiteral("403")).isEmpty());
}

void tst_Isupport::chanTypes(const QString& value)
{
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    for (QChar type : value) {
        const QByteArray name = QString(type).toLatin1() + "room";
        QCOMPARE(ask(alice, "JOIN " + name, QStringLiteral("366")).value(0).param(0),
                 QString::fromLatin1(name));
    }
    QVERIFY(!ask(alice, "JOIN !room", QStringLiteral("403")).isEmpty());
}

void tst_Isupport::chatHistory(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"), "batch draft/chathistory");
    QVERIFY(n > 0 && alice);
    for (int i = 0; i <= n; ++i)
        alice->sendLine("PRIVMSG #lobby :line " + QByteArray::number(i));
    QVERIFY(m_fixture.sync(alice));
    // Asking for more gets the limit.
    const QList<IrcMessage> lines =
        history(alice, "CHATHISTORY LATEST #lobby * " + QByteArray::number(n + 50));
    QCOMPARE(lines.size(), n);
    QCOMPARE(lines.last().param(1), QStringLiteral("line %1").arg(n));
}

void tst_Isupport::eList(const QString& value)
{
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(!ask(alice, "JOIN #alpha", QStringLiteral("366")).isEmpty());
    auto listed = [&](const QByteArray& line) {
        QStringList names;
        for (const IrcMessage& m : AccountFixture::only(ask(alice, line, "323"), "322"))
            names.append(m.param(1));
        names.sort();
        return names;
    };
    for (QChar extension : value) {
        switch (extension.unicode()) {
        case 'M':
            QCOMPARE(listed("LIST #al*"), QStringList{"#alpha"});
            break;
        case 'N':
            QCOMPARE(listed("LIST !#al*"), QStringList{"#lobby"});
            break;
        case 'U':
            QCOMPARE(listed("LIST >0"), (QStringList{"#alpha", "#lobby"}));
            QCOMPARE(listed("LIST <1"), QStringList());
            break;
        default:
            QFAIL(qPrintable(QStringLiteral("ELIST %1 has no check").arg(extension)));
        }
    }
}

void tst_Isupport::kickLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(n > 0 && alice && bob);
    const QList<IrcMessage> kick =
        ask(alice, "KICK #lobby bob :" + QByteArray(n + 30, 'k'), QStringLiteral("KICK"));
    QCOMPARE(kick.last().param(2).size(), n);
}

void tst_Isupport::lineLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(n > 0 && alice && bob);
    const QByteArray head = "PRIVMSG bob :";
    alice->sendLine(head + QByteArray(n - 2 - head.size(), 'x')); // n bytes with CR LF
    QTRY_VERIFY(bob->has(QStringLiteral("PRIVMSG")));
    QVERIFY(
        !ask(alice, head + QByteArray(n - 1 - head.size(), 'x'), QStringLiteral("417")).isEmpty());
}

void tst_Isupport::maxTargets(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QByteArrayList targets(n + 1, "alice");
    QVERIFY(!ask(alice, "PRIVMSG " + targets.join(',') + " :hi", QStringLiteral("407")).isEmpty());
    targets.removeLast();
    alice->sendLine("PRIVMSG " + targets.join(',') + " :hi");
    QVERIFY(m_fixture.sync(alice));
    QCOMPARE(alice->count(QStringLiteral("PRIVMSG")), n);
}

void tst_Isupport::modes(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QByteArrayList masks;
    for (int i = 0; i < n; ++i)
        masks.append("m" + QByteArray::number(i) + "!*@*");
    const QList<IrcMessage> set =
        ask(alice, "MODE #lobby +" + QByteArray(n, 'b') + ' ' + masks.join(' '), "MODE");
    QCOMPARE(set.last().paramCount(), 2 + n);
    QCOMPARE(AccountFixture::only(ask(alice, "MODE #lobby b", "368"), "367").size(), n);
}

void tst_Isupport::monitor(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QByteArrayList nicks;
    for (int i = 0; i < n + 1; ++i)
        nicks.append("n" + QByteArray::number(i));
    QVERIFY(!ask(alice, "MONITOR + " + nicks.join(','), QStringLiteral("734")).isEmpty());
}

void tst_Isupport::msgRefTypes(const QString& value)
{
    TestClient* alice =
        client(QStringLiteral("alice"), "batch draft/chathistory message-tags server-time");
    QVERIFY(alice);
    alice->sendLine("PRIVMSG #lobby :one");
    QVERIFY(m_fixture.sync(alice));
    QTest::qWait(5); // the next message in a later millisecond
    alice->sendLine("PRIVMSG #lobby :two");
    QVERIFY(m_fixture.sync(alice));
    const QList<IrcMessage> all = history(alice, "CHATHISTORY LATEST #lobby * 10");
    QCOMPARE(all.size(), 2);
    for (const QString& type : value.split(u',')) {
        QByteArray reference;
        if (type == QLatin1String("msgid"))
            reference = "msgid=" + all.first().tag(QStringLiteral("msgid")).toLatin1();
        else if (type == QLatin1String("timestamp"))
            reference = "timestamp=" + all.first().tag(QStringLiteral("time")).toLatin1();
        else
            QFAIL(qPrintable(QStringLiteral("MSGREFTYPES %1 has no check").arg(type)));
        const QList<IrcMessage> after =
            history(alice, "CHATHISTORY AFTER #lobby " + reference + " 10");
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().param(1), QStringLiteral("two"));
    }
}

void tst_Isupport::network(const QString& value)
{
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    QVERIFY(alice->last(QStringLiteral("001"))
                .param(1)
                .startsWith(QStringLiteral("Welcome to the %1 IRC Network").arg(value)));
}

void tst_Isupport::nickLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    QVERIFY(!ask(alice, "NICK " + QByteArray(n + 1, 'n'), QStringLiteral("432")).isEmpty());
    QCOMPARE(ask(alice, "NICK " + QByteArray(n, 'n'), QStringLiteral("NICK")).last().param(0),
             QString(n, u'n'));
}

void tst_Isupport::prefix(const QString& value)
{
    QVERIFY(value.startsWith(u'('));
    const QString modes = value.mid(1, value.indexOf(u')') - 1);
    const QString prefixes = value.mid(value.indexOf(u')') + 1);
    QCOMPARE(modes.size(), prefixes.size());
    TestClient* alice = client(QStringLiteral("alice"), "multi-prefix");
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    for (int i = 0; i < modes.size(); ++i) {
        QVERIFY(!ask(alice, "MODE #lobby +" + QString(modes.at(i)).toLatin1() + " bob", "MODE")
                     .isEmpty());
    }
    const QList<IrcMessage> names = AccountFixture::only(ask(alice, "NAMES #lobby", "366"), "353");
    QVERIFY2(names.value(0).param(3).split(u' ').contains(prefixes + QStringLiteral("bob")),
             qPrintable(names.value(0).param(3)));
}

// SAFELIST: a LIST answer several times the SendQ arrives whole, and the client stays.
void tst_Isupport::safeList(const QString& value)
{
    QVERIFY(value.isEmpty());
    constexpr int Channels = 120;
    ServerConfig limited = m_fixture.config();
    limited.sendQueueBytes = 16 * 1024;
    limited.maxChannelsPerUser = Channels + 1;
    m_fixture.stop();
    QVERIFY(m_fixture.start(limited));
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    const QByteArray topic(380, 't');
    for (int i = 0; i < Channels; ++i) {
        const QByteArray name = "#c" + QByteArray::number(i);
        alice->sendLine("JOIN " + name);
        alice->sendLine("TOPIC " + name + " :" + topic);
        if (i % 10 == 9) // each burst of replies well below the SendQ
            QVERIFY(m_fixture.sync(alice));
    }
    const QList<IrcMessage> answer = ask(alice, "LIST", QStringLiteral("323"));
    QCOMPARE(AccountFixture::only(answer, QStringLiteral("322")).size(), Channels + 1);
    QVERIFY(alice->isConnected());
    QVERIFY(!alice->has(QStringLiteral("ERROR")));
    // Labeled, the paced answer is one labeled-response batch: 321, the 322s, 323.
    TestClient* bob = client(QStringLiteral("bob"), "labeled-response batch");
    QVERIFY(bob);
    bob->clear();
    bob->sendLine("@label=big LIST");
    QTRY_COMPARE(bob->count(QStringLiteral("BATCH")), 2);
    const QList<IrcMessage> lines = bob->messages();
    QCOMPARE(lines.first().command(), QStringLiteral("BATCH"));
    QCOMPARE(lines.first().tag(QStringLiteral("label")), QStringLiteral("big"));
    QCOMPARE(lines.first().param(1), QStringLiteral("labeled-response"));
    const QString id = lines.first().param(0).mid(1);
    QCOMPARE(lines.at(1).command(), QStringLiteral("321"));
    QCOMPARE(lines.at(lines.size() - 2).command(), QStringLiteral("323"));
    QCOMPARE(lines.last().param(0), QStringLiteral("-") + id);
    for (int i = 1; i < lines.size() - 1; ++i)
        QCOMPARE(lines.at(i).tag(QStringLiteral("batch")), id);
    QCOMPARE(bob->count(QStringLiteral("322")), Channels + 1);
    QVERIFY(!bob->has(QStringLiteral("ACK")));
}

void tst_Isupport::statusMsg(const QString& value)
{
    TestClient* alice = client(QStringLiteral("alice"));
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    for (QChar status : value) {
        const QByteArray target = QString(status).toLatin1() + "#lobby";
        bob->sendLine("PRIVMSG " + target + " :from bob");
        QTRY_VERIFY(alice->has(QStringLiteral("PRIVMSG")));
        QCOMPARE(alice->last(QStringLiteral("PRIVMSG")).param(0), QString::fromLatin1(target));
        alice->clear();
    }
}

void tst_Isupport::targMax(const QString& value)
{
    TestClient* alice = client(QStringLiteral("alice"), "message-tags");
    TestClient* bob = client(QStringLiteral("bob"), "message-tags");
    QVERIFY(alice && bob);
    auto list = [](const QByteArray& base, int count) {
        QByteArrayList items;
        for (int i = 0; i < count; ++i)
            items.append(base + QByteArray::number(i));
        return items.join(',');
    };
    for (const QString& pair : value.split(u',')) {
        const QString command = pair.section(u':', 0, 0);
        const int n = pair.section(u':', 1).isEmpty() ? 6 : number(pair.section(u':', 1));
        const QByteArray tooMany = QByteArrayList(n + 1, "bob").join(',');
        alice->clear();
        bob->clear();
        if (command == QLatin1String("PRIVMSG")) {
            QVERIFY(!ask(alice, "PRIVMSG " + tooMany + " :x", QStringLiteral("407")).isEmpty());
        } else if (command == QLatin1String("NOTICE") || command == QLatin1String("TAGMSG")) {
            alice->sendLine((command == QLatin1String("TAGMSG") ? "@+a=b TAGMSG " : "NOTICE ") +
                            tooMany + (command == QLatin1String("NOTICE") ? " :x" : ""));
            QVERIFY(m_fixture.sync(alice));
            QVERIFY(m_fixture.sync(bob));
            QVERIFY(!bob->has(command));
        } else if (command == QLatin1String("KICK")) {
            QVERIFY(!ask(alice, "KICK #lobby " + tooMany, QStringLiteral("407")).isEmpty());
        } else if (command == QLatin1String("WHOIS")) {
            QCOMPARE(n, 1);
            const QList<IrcMessage> answer = ask(alice, "WHOIS bob,alice", "318");
            QCOMPARE(AccountFixture::only(answer, "311").size(), 1);
        } else if (command == QLatin1String("JOIN")) {
            alice->sendLine("JOIN " + list("#j", n));
            QVERIFY(m_fixture.sync(alice));
            QCOMPARE(alice->count(QStringLiteral("366")), n);
        } else if (command == QLatin1String("PART")) {
            alice->sendLine("JOIN " + list("#p", n));
            alice->sendLine("PART " + list("#p", n));
            QVERIFY(m_fixture.sync(alice));
            QCOMPARE(alice->count(QStringLiteral("PART")), n);
        } else if (command == QLatin1String("NAMES")) {
            bob->sendLine("JOIN " + list("#n", n));
            QVERIFY(m_fixture.sync(bob));
            const QList<IrcMessage> answer = ask(alice, "NAMES " + list("#n", n), "366");
            QCOMPARE(AccountFixture::only(answer, "353").size(), n);
        } else if (command == QLatin1String("LIST")) {
            bob->sendLine("JOIN " + list("#l", n));
            QVERIFY(m_fixture.sync(bob));
            QCOMPARE(AccountFixture::only(ask(alice, "LIST " + list("#l", n), "323"), "322").size(),
                     n);
        } else {
            QFAIL(qPrintable(QStringLiteral("TARGMAX %1 has no check").arg(command)));
        }
    }
}

void tst_Isupport::topicLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(n > 0 && alice);
    const QList<IrcMessage> topic =
        ask(alice, "TOPIC #lobby :" + QByteArray(n + 10, 't'), QStringLiteral("TOPIC"));
    QCOMPARE(topic.last().param(1).size(), n);
}

void tst_Isupport::userLen(const QString& value)
{
    const int n = number(value);
    TestClient* alice = m_fixture.connect();
    QVERIFY(n > 0);
    alice->sendLine("NICK alice");
    alice->sendLine("USER " + QByteArray(n + 10, 'u') + " 0 * :Alice");
    QVERIFY(m_fixture.waitForWelcome(alice));
    QCOMPARE(AccountFixture::only(ask(alice, "WHOIS alice", "318"), "311").value(0).param(2).size(),
             n);
}

// UTF8ONLY: text that is not UTF-8 is never relayed as it came: the server sends U+FFFD.
void tst_Isupport::utf8Only(const QString& value)
{
    QVERIFY(value.isEmpty());
    TestClient* alice = client(QStringLiteral("alice"));
    TestClient* bob = client(QStringLiteral("bob"));
    QVERIFY(alice && bob);
    alice->sendLine("TOPIC #lobby :na\xefve \xc3");
    QTRY_VERIFY(bob->has(QStringLiteral("TOPIC")));
    const QByteArray line = bob->lines().last();
    QVERIFY2(QString::fromUtf8(line).toUtf8() == line, line.constData());
    QCOMPARE(bob->last(QStringLiteral("TOPIC")).param(1), QStringLiteral("na\ufffdve \ufffd"));
}

void tst_Isupport::whox(const QString& value)
{
    QVERIFY(value.isEmpty());
    TestClient* alice = client(QStringLiteral("alice"));
    QVERIFY(alice);
    const QList<IrcMessage> answer = ask(alice, "WHO alice %tna,42", QStringLiteral("315"));
    QCOMPARE(AccountFixture::only(answer, "354").value(0).params(),
             (QStringList{"alice", "42", "alice", "0"}));
}

CONFAB_SERVER_TEST_MAIN(tst_Isupport)
#include "tst_isupport.moc"

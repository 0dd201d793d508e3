#include "irccommand.h"
#include "ircnumerics.h"
#include "ircreply.h"

#include <QTest>

class tst_IrcCommand : public QObject
{
    Q_OBJECT

private slots:
    void factories_data();
    void factories();
    void numericReplies_data();
    void numericReplies();
};

void tst_IrcCommand::factories_data()
{
    QTest::addColumn<IrcMessage>("message");
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("pass") << IrcCommand::pass("secret") << QByteArray("PASS secret");
    QTest::newRow("nick") << IrcCommand::nick("alice") << QByteArray("NICK alice");
    QTest::newRow("user") << IrcCommand::user("alice", "Alice Liddell")
                          << QByteArray("USER alice 0 * :Alice Liddell");
    QTest::newRow("quit") << IrcCommand::quit() << QByteArray("QUIT");
    QTest::newRow("quit with reason") << IrcCommand::quit("bye") << QByteArray("QUIT :bye");
    QTest::newRow("ping") << IrcCommand::ping("tok") << QByteArray("PING :tok");
    QTest::newRow("pong") << IrcCommand::pong("tok") << QByteArray("PONG :tok");
    QTest::newRow("pong with server") << IrcCommand::pong("tok", "srv")
                                      << QByteArray("PONG srv :tok");
    QTest::newRow("error") << IrcCommand::error("Closing Link: Ping timeout")
                           << QByteArray("ERROR :Closing Link: Ping timeout");
    QTest::newRow("cap ls") << IrcCommand::capLs() << QByteArray("CAP LS 302");
    QTest::newRow("cap req") << IrcCommand::capReq({"server-time", "echo-message"})
                             << QByteArray("CAP REQ :server-time echo-message");
    QTest::newRow("cap end") << IrcCommand::capEnd() << QByteArray("CAP END");
    QTest::newRow("cap ls reply more") << IrcCommand::capReply("*", "LS", "a b", true)
                                       << QByteArray("CAP * LS * :a b");
    QTest::newRow("cap ack") << IrcCommand::capReply("alice", "ACK", "server-time")
                             << QByteArray("CAP alice ACK :server-time");
    QTest::newRow("privmsg") << IrcCommand::privmsg("#lobby", "hi")
                             << QByteArray("PRIVMSG #lobby :hi");
    QTest::newRow("notice") << IrcCommand::notice("bob", "psst") << QByteArray("NOTICE bob :psst");
    QTest::newRow("action") << IrcCommand::action("#lobby", "waves")
                            << QByteArray("PRIVMSG #lobby :\x01" "ACTION waves\x01");
    QTest::newRow("join") << IrcCommand::join("#lobby") << QByteArray("JOIN #lobby");
    QTest::newRow("join with key") << IrcCommand::join("#a", "k") << QByteArray("JOIN #a k");
    QTest::newRow("join many") << IrcCommand::join(QStringList{"#a", "#b"}, QStringList{"k"})
                               << QByteArray("JOIN #a,#b k");
    QTest::newRow("part") << IrcCommand::part("#a") << QByteArray("PART #a");
    QTest::newRow("part with reason") << IrcCommand::part("#a", "later")
                                      << QByteArray("PART #a :later");
    QTest::newRow("topic query") << IrcCommand::topic("#a") << QByteArray("TOPIC #a");
    QTest::newRow("topic set") << IrcCommand::topic("#a", "news") << QByteArray("TOPIC #a :news");
    QTest::newRow("topic clear") << IrcCommand::topic("#a", QString()) << QByteArray("TOPIC #a :");
    QTest::newRow("kick") << IrcCommand::kick("#a", "bob", "spam")
                          << QByteArray("KICK #a bob :spam");
    QTest::newRow("invite") << IrcCommand::invite("bob", "#a") << QByteArray("INVITE bob #a");
    QTest::newRow("monitor add") << IrcCommand::monitor("+", {"bob", "carol"})
                                 << QByteArray("MONITOR + bob,carol");
    QTest::newRow("monitor remove") << IrcCommand::monitor("-", {"bob"})
                                    << QByteArray("MONITOR - bob");
    QTest::newRow("monitor clear") << IrcCommand::monitor("C") << QByteArray("MONITOR C");
    QTest::newRow("typing active") << IrcCommand::typing("#lobby", "active")
                                   << QByteArray("@+typing=active TAGMSG #lobby");
    QTest::newRow("typing done") << IrcCommand::typing("bob", "done")
                                 << QByteArray("@+typing=done TAGMSG bob");
    QTest::newRow("mode query") << IrcCommand::mode("#a") << QByteArray("MODE #a");
    QTest::newRow("mode set") << IrcCommand::mode("#a", "+ov", {"bob", "carol"})
                              << QByteArray("MODE #a +ov bob carol");
    QTest::newRow("names") << IrcCommand::names("#a") << QByteArray("NAMES #a");
    QTest::newRow("who") << IrcCommand::who("#a") << QByteArray("WHO #a");
    QTest::newRow("whois") << IrcCommand::whois("bob") << QByteArray("WHOIS bob");
    QTest::newRow("ison") << IrcCommand::ison({"a", "b"}) << QByteArray("ISON a b");
    QTest::newRow("list") << IrcCommand::list() << QByteArray("LIST");
    QTest::newRow("lusers") << IrcCommand::lusers() << QByteArray("LUSERS");
    QTest::newRow("motd") << IrcCommand::motd() << QByteArray("MOTD");
    QTest::newRow("away") << IrcCommand::away("lunch") << QByteArray("AWAY :lunch");
    QTest::newRow("back") << IrcCommand::away() << QByteArray("AWAY");
}

void tst_IrcCommand::factories()
{
    QFETCH(IrcMessage, message);
    QFETCH(QByteArray, line);
    QCOMPARE(message.serialize(), line);
    QCOMPARE(message.toWire(), line + "\r\n");
}

void tst_IrcCommand::numericReplies_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("welcome") << IrcNumeric::RPL_WELCOME << "alice"
                             << QStringList{"Welcome to Confab, alice"}
                             << QByteArray(":srv 001 alice :Welcome to Confab, alice");
    QTest::newRow("nick in use before registration")
        << IrcNumeric::ERR_NICKNAMEINUSE << "" << QStringList{"bob", "Nickname is already in use"}
        << QByteArray(":srv 433 * bob :Nickname is already in use");
    QTest::newRow("isupport") << IrcNumeric::RPL_ISUPPORT << "a"
                              << QStringList{"CASEMAPPING=rfc1459", "are supported by this server"}
                              << QByteArray(":srv 005 a CASEMAPPING=rfc1459 :are supported by this server");
    QTest::newRow("input too long") << IrcNumeric::ERR_INPUTTOOLONG << "a"
                                    << QStringList{"Input line was too long"}
                                    << QByteArray(":srv 417 a :Input line was too long");
    QTest::newRow("channel mode") << IrcNumeric::RPL_CHANNELMODEIS << "a" << QStringList{"#x", "+nt"}
                                  << QByteArray(":srv 324 a #x +nt");
}

void tst_IrcCommand::numericReplies()
{
    QFETCH(int, code);
    QFETCH(QString, target);
    QFETCH(QStringList, params);
    QFETCH(QByteArray, line);
    const IrcMessage reply = IrcReply::numeric("srv", code, target, params);
    QCOMPARE(reply.serialize(), line);
    QCOMPARE(reply.numeric(), code);
}

QTEST_GUILESS_MAIN(tst_IrcCommand)
#include "tst_irccommand.moc"

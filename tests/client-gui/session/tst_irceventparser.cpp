#include "ircmessage.h"
#include "session/irceventparser.h"

#include <QTest>

// Lines to typed events without a socket: one row per kind of line, hostile rows included.
class tst_IrcEventParser : public QObject
{
    Q_OBJECT

private slots:
    void membership();
    void messages_data();
    void messages();
    void numerics_data();
    void numerics();
    void capabilities();
    void accounts();
    void realNames();
    void whois();
    void list();
    void ignored_data();
    void ignored();
    void readMarkers_data();
    void readMarkers();
    void offlineRecipient();
    void welcomeEnd();
    void modes();
    void monitor();
    void typing_data();
    void typing();
};

namespace {

IrcEvent parse(const QByteArray& line)
{
    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    if (!message)
        qFatal("test line does not parse: %s", line.constData());
    return IrcEventParser::parse(*message);
}

template <typename T> T as(const IrcEvent& event)
{
    if (!std::holds_alternative<T>(event))
        qFatal("unexpected event type, index %d", int(event.index()));
    return std::get<T>(event);
}

} // namespace

void tst_IrcEventParser::membership()
{
    const auto join = as<IrcEvents::Join>(parse(":bob!b@h JOIN #Lobby"));
    QCOMPARE(join.nick, QStringLiteral("bob"));
    QCOMPARE(join.room, QStringLiteral("#Lobby"));

    const auto part = as<IrcEvents::Part>(parse(":bob!b@h PART #lobby :see you"));
    QCOMPARE(part.nick, QStringLiteral("bob"));
    QCOMPARE(part.reason, QStringLiteral("see you"));
    QVERIFY(as<IrcEvents::Part>(parse(":bob!b@h PART #lobby")).reason.isEmpty());

    const auto kick = as<IrcEvents::Kick>(parse(":op!o@h KICK #lobby bob :spam"));
    QCOMPARE(kick.by, QStringLiteral("op"));
    QCOMPARE(kick.room, QStringLiteral("#lobby"));
    QCOMPARE(kick.nick, QStringLiteral("bob"));
    QCOMPARE(kick.reason, QStringLiteral("spam"));

    const auto quit = as<IrcEvents::Quit>(parse(":bob!b@h QUIT :Quit: bye"));
    QCOMPARE(quit.nick, QStringLiteral("bob"));
    QCOMPARE(quit.reason, QStringLiteral("Quit: bye"));

    const auto nick = as<IrcEvents::NickChange>(parse(":bob!b@h NICK robert"));
    QCOMPARE(nick.oldNick, QStringLiteral("bob"));
    QCOMPARE(nick.newNick, QStringLiteral("robert"));

    const auto away = as<IrcEvents::Away>(parse(":bob!b@h AWAY :lunch"));
    QCOMPARE(away.message, QStringLiteral("lunch"));
    QVERIFY(as<IrcEvents::Away>(parse(":bob!b@h AWAY")).message.isEmpty());

    const auto topic = as<IrcEvents::TopicChange>(parse(":bob!b@h TOPIC #lobby :new topic"));
    QCOMPARE(topic.nick, QStringLiteral("bob"));
    QCOMPARE(topic.topic, QStringLiteral("new topic"));
}

void tst_IrcEventParser::realNames()
{
    const auto plain = as<IrcEvents::Join>(parse(":bob!b@h JOIN #lobby"));
    QVERIFY(plain.realName.isEmpty());
    const auto extended = as<IrcEvents::Join>(parse(":xm!x@h JOIN #lobby * :小明 Wang"));
    QCOMPARE(extended.room, QStringLiteral("#lobby"));
    QCOMPARE(extended.realName, QStringLiteral("小明 Wang"));

    const auto who = as<IrcEvents::WhoReply>(parse(":srv 352 me #lobby x h srv xm G :0 小明 Wang"));
    QCOMPARE(who.nick, QStringLiteral("xm"));
    QVERIFY(who.away);
    QCOMPARE(who.realName, QStringLiteral("小明 Wang"));

    const auto setName = as<IrcEvents::SetName>(parse(":xm!x@h SETNAME :王小明"));
    QCOMPARE(setName.nick, QStringLiteral("xm"));
    QCOMPARE(setName.realName, QStringLiteral("王小明"));
}

void tst_IrcEventParser::whois()
{
    const auto user = as<IrcEvents::Whois>(parse(":srv 311 me bob ~b host.example * :Bob B"));
    QCOMPARE(user.part.nick, QStringLiteral("bob"));
    QCOMPARE(user.part.userName, QStringLiteral("~b"));
    QCOMPARE(user.part.host, QStringLiteral("host.example"));
    QCOMPARE(user.part.realName, QStringLiteral("Bob B"));
    const auto rooms = as<IrcEvents::Whois>(parse(":srv 319 me bob :@#ops #lobby"));
    QCOMPARE(rooms.part.rooms, (QStringList{"@#ops", "#lobby"}));
    const auto idle =
        as<IrcEvents::Whois>(parse(":srv 317 me bob 75 1700000000 :seconds idle, signon time"));
    QCOMPARE(idle.part.idleSecs, 75);
    QCOMPARE(idle.part.signon.toSecsSinceEpoch(), 1700000000);
    const auto badIdle = as<IrcEvents::Whois>(parse(":srv 317 me bob soon :seconds idle"));
    QCOMPARE(badIdle.part.idleSecs, -1);
    QVERIFY(!badIdle.part.signon.isValid());
    QVERIFY(as<IrcEvents::Whois>(parse(":srv 313 me bob :is an IRC operator")).part.isOperator);
    QVERIFY(as<IrcEvents::Whois>(parse(":srv 671 me bob :is using TLS")).part.isSecure);
    QCOMPARE(as<IrcEvents::Whois>(parse(":srv 330 me bob bobacct :is logged in as")).part.account,
             QStringLiteral("bobacct"));
    QCOMPARE(as<IrcEvents::Whois>(parse(":srv 312 me bob srv.example :info")).part.server,
             QStringLiteral("srv.example"));
    QCOMPARE(as<IrcEvents::WhoisEnd>(parse(":srv 318 me bob :End of /WHOIS list")).nick,
             QStringLiteral("bob"));

    WhoisInfo merged = user.part;
    merged.merge(rooms.part);
    merged.merge(idle.part);
    QCOMPARE(merged.realName, QStringLiteral("Bob B"));
    QCOMPARE(merged.rooms.size(), 2);
    QCOMPARE(merged.idleSecs, 75);
}

void tst_IrcEventParser::list()
{
    const auto entry = as<IrcEvents::ListEntry>(parse(":srv 322 me #garden 7 :Roses and more"));
    QCOMPARE(entry.room, QStringLiteral("#garden"));
    QCOMPARE(entry.users, 7);
    QCOMPARE(entry.topic, QStringLiteral("Roses and more"));
    QCOMPARE(as<IrcEvents::ListEntry>(parse(":srv 322 me #x many :")).users, 0);
    QVERIFY(std::holds_alternative<IrcEvents::ListEnd>(parse(":srv 323 me :End of /LIST")));
}

void tst_IrcEventParser::messages_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("isNotice");
    QTest::addColumn<bool>("isAction");
    QTest::addColumn<QString>("msgid");
    QTest::addColumn<QDateTime>("time");
    const QDateTime none;
    QTest::newRow("privmsg to a room") << QByteArray(":alice!a@h PRIVMSG #lobby :hello") << "alice"
                                       << "#lobby"
                                       << "hello" << false << false << "" << none;
    QTest::newRow("private notice") << QByteArray(":alice!a@h NOTICE bob :psst") << "alice"
                                    << "bob"
                                    << "psst" << true << false << "" << none;
    QTest::newRow("action unwrapped") << QByteArray(":alice!a@h PRIVMSG #lobby :\x01"
                                                    "ACTION waves\x01")
                                      << "alice"
                                      << "#lobby"
                                      << "waves" << false << true << "" << none;
    QTest::newRow("server-time and msgid")
        << QByteArray("@time=2026-11-23T12:34:56.789Z;msgid=abc123 :alice!a@h PRIVMSG "
                      "#lobby :tagged")
        << "alice"
        << "#lobby"
        << "tagged" << false << false << "abc123"
        << QDateTime(QDate(2026, 11, 23), QTime(12, 34, 56, 789), Qt::UTC);
    QTest::newRow("bad server-time is no time")
        << QByteArray("@time=yesterday :alice!a@h PRIVMSG #lobby :x") << "alice"
        << "#lobby"
        << "x" << false << false << "" << none;
    QTest::newRow("empty text") << QByteArray(":alice!a@h PRIVMSG bob :") << "alice"
                                << "bob"
                                << "" << false << false << "" << none;
}

void tst_IrcEventParser::messages()
{
    QFETCH(QByteArray, line);
    const auto message = as<IrcEvents::Message>(parse(line));
    QTEST(message.sender, "sender");
    QTEST(message.target, "target");
    QTEST(message.text, "text");
    QTEST(message.isNotice, "isNotice");
    QTEST(message.isAction, "isAction");
    QTEST(message.msgid, "msgid");
    QTEST(message.serverTime, "time");
    // The wire text is kept as sent, to recognise an echo.
    QCOMPARE(message.wireText, IrcMessage::parse(line)->param(1));
}

void tst_IrcEventParser::numerics_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("welcome") << QByteArray(":irc.test 001 me :Welcome") << "Welcome"
                             << QStringList{"me", "irc.test"};
    QTest::newRow("nick in use") << QByteArray(":irc.test 433 * bob :Nickname is already in use")
                                 << "NickRejected"
                                 << QStringList{"bob", "433", "Nickname is already in use"};
    QTest::newRow("erroneous nick")
        << QByteArray(":irc.test 432 * 9x :Erroneous nickname") << "NickRejected"
        << QStringList{"9x", "432", "Erroneous nickname"};
    QTest::newRow("unavailable") << QByteArray(":irc.test 437 * bob :Nick is held")
                                 << "NickRejected" << QStringList{"bob", "437", "Nick is held"};
    QTest::newRow("bad password") << QByteArray(":irc.test 464 * :Password incorrect")
                                  << "PasswordRejected" << QStringList{"Password incorrect"};
    QTest::newRow("names") << QByteArray(":irc.test 353 me = #lobby :@op +voiced me")
                           << "NamesReply" << QStringList{"#lobby", "@op", "+voiced", "me"};
    QTest::newRow("end of names") << QByteArray(":irc.test 366 me #lobby :End of /NAMES list")
                                  << "NamesEnd" << QStringList{"#lobby"};
    QTest::newRow("topic") << QByteArray(":irc.test 332 me #lobby :Welcome all") << "TopicReply"
                           << QStringList{"#lobby", "Welcome all"};
    QTest::newRow("no topic") << QByteArray(":irc.test 331 me #lobby :No topic is set")
                              << "TopicReply" << QStringList{"#lobby", ""};
    QTest::newRow("who, gone") << QByteArray(":irc.test 352 me #lobby u h irc.test bob G :0 Bob")
                               << "WhoReply" << QStringList{"bob", "away"};
    QTest::newRow("who, here") << QByteArray(":irc.test 352 me #lobby u h irc.test bob H :0 Bob")
                               << "WhoReply" << QStringList{"bob", "here"};
    QTest::newRow("away reply") << QByteArray(":irc.test 301 me bob :lunch") << "AwayReply"
                                << QStringList{"bob", "lunch"};
    QTest::newRow("unaway") << QByteArray(":irc.test 305 me :You are no longer away") << "OwnAway"
                            << QStringList{"here"};
    QTest::newRow("now away") << QByteArray(":irc.test 306 me :You are away") << "OwnAway"
                              << QStringList{"away"};
    QTest::newRow("no such nick") << QByteArray(":irc.test 401 me nobody :No such nick")
                                  << "DeliveryFailed" << QStringList{"nobody", "401", "No such nick"};
    QTest::newRow("cannot send to room")
        << QByteArray(":irc.test 404 me #quiet :Cannot send to channel") << "DeliveryFailed"
        << QStringList{"#quiet", "404", "Cannot send to channel"};
    QTest::newRow("error without subject") << QByteArray(":irc.test 451 me :Register first")
                                           << "ServerText" << QStringList{"Register first"};
    QTest::newRow("unknown command") << QByteArray(":irc.test 421 me FOO :Unknown command")
                                     << "ServerText" << QStringList{"FOO: Unknown command"};
    QTest::newRow("CAP unknown") << QByteArray(":irc.test 421 * CAP :Unknown command")
                                 << "CapUnsupported" << QStringList{};
    QTest::newRow("isupport") << QByteArray(":irc.test 005 me CASEMAPPING=ascii :are supported")
                              << "ISupport"
                              << QStringList{"me", "CASEMAPPING=ascii", "are supported"};
}

void tst_IrcEventParser::numerics()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, type);
    QFETCH(QStringList, fields);
    const IrcEvent event = parse(line);
    QStringList actual;
    QString actualType;
    std::visit(
        [&](const auto& e) {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, IrcEvents::Welcome>) {
                actualType = QStringLiteral("Welcome");
                actual = {e.nick, e.serverName};
            } else if constexpr (std::is_same_v<T, IrcEvents::NickRejected>) {
                actualType = QStringLiteral("NickRejected");
                actual = {e.nick, QString::number(e.code), e.reason};
            } else if constexpr (std::is_same_v<T, IrcEvents::PasswordRejected>) {
                actualType = QStringLiteral("PasswordRejected");
                actual = {e.reason};
            } else if constexpr (std::is_same_v<T, IrcEvents::NamesReply>) {
                actualType = QStringLiteral("NamesReply");
                actual = QStringList{e.room} + e.names;
            } else if constexpr (std::is_same_v<T, IrcEvents::NamesEnd>) {
                actualType = QStringLiteral("NamesEnd");
                actual = {e.room};
            } else if constexpr (std::is_same_v<T, IrcEvents::TopicReply>) {
                actualType = QStringLiteral("TopicReply");
                actual = {e.room, e.topic};
            } else if constexpr (std::is_same_v<T, IrcEvents::WhoReply>) {
                actualType = QStringLiteral("WhoReply");
                actual = {e.nick, e.away ? QStringLiteral("away") : QStringLiteral("here")};
            } else if constexpr (std::is_same_v<T, IrcEvents::AwayReply>) {
                actualType = QStringLiteral("AwayReply");
                actual = {e.nick, e.message};
            } else if constexpr (std::is_same_v<T, IrcEvents::OwnAway>) {
                actualType = QStringLiteral("OwnAway");
                actual = {e.away ? QStringLiteral("away") : QStringLiteral("here")};
            } else if constexpr (std::is_same_v<T, IrcEvents::DeliveryFailed>) {
                actualType = QStringLiteral("DeliveryFailed");
                actual = {e.target, QString::number(e.code), e.reason};
            } else if constexpr (std::is_same_v<T, IrcEvents::ServerText>) {
                actualType = QStringLiteral("ServerText");
                actual = {e.text};
            } else if constexpr (std::is_same_v<T, IrcEvents::CapUnsupported>) {
                actualType = QStringLiteral("CapUnsupported");
            } else if constexpr (std::is_same_v<T, IrcEvents::ISupport>) {
                actualType = QStringLiteral("ISupport");
                actual = e.params;
            } else {
                actualType = QStringLiteral("other");
            }
        },
        event);
    QCOMPARE(actualType, type);
    QCOMPARE(actual, fields);
}

void tst_IrcEventParser::capabilities()
{
    const auto more = as<IrcEvents::Cap>(parse(":irc.test CAP * LS * :server-time sasl=PLAIN"));
    QCOMPARE(more.subcommand, QStringLiteral("LS"));
    QVERIFY(more.more);
    QCOMPARE(more.caps, (QStringList{"server-time", "sasl=PLAIN"}));
    const auto last = as<IrcEvents::Cap>(parse(":irc.test CAP * LS :echo-message"));
    QVERIFY(!last.more);
    const auto ack = as<IrcEvents::Cap>(parse(":irc.test CAP me ack :server-time -multi-prefix"));
    QCOMPARE(ack.subcommand, QStringLiteral("ACK"));
    QCOMPARE(ack.caps, (QStringList{"server-time", "-multi-prefix"}));
    QCOMPARE(as<IrcEvents::ServerClosing>(parse("ERROR :Closing link: killed")).text,
             QStringLiteral("Closing link: killed"));
}

void tst_IrcEventParser::accounts()
{
    QCOMPARE(as<IrcEvents::Authenticate>(parse("AUTHENTICATE +")).payload, QStringLiteral("+"));
    const auto loggedIn = as<IrcEvents::SaslReply>(
        parse(":irc.test 900 alice alice!u@h alice :You are now logged in as alice"));
    QCOMPARE(loggedIn.code, 900);
    QCOMPARE(loggedIn.account, QStringLiteral("alice"));
    const auto failed = as<IrcEvents::SaslReply>(parse(":irc.test 904 * :SASL authentication failed"));
    QCOMPARE(failed.code, 904);
    QCOMPARE(failed.text, QStringLiteral("SASL authentication failed"));
    const auto mechanisms =
        as<IrcEvents::SaslReply>(parse(":irc.test 908 * PLAIN,EXTERNAL :are available"));
    QCOMPARE(mechanisms.mechanisms, (QStringList{"PLAIN", "EXTERNAL"}));
    QCOMPARE(as<IrcEvents::SaslReply>(parse(":irc.test 903 * :SASL successful")).code, 903);

    const auto created =
        as<IrcEvents::AccountRegistered>(parse(":irc.test REGISTER SUCCESS bob :Account created"));
    QCOMPARE(created.account, QStringLiteral("bob"));
    const auto refused = as<IrcEvents::StandardReply>(
        parse(":irc.test FAIL REGISTER WEAK_PASSWORD bob :A password has at least 8 characters"));
    QCOMPARE(refused.type, QStringLiteral("FAIL"));
    QCOMPARE(refused.command, QStringLiteral("REGISTER"));
    QCOMPARE(refused.code, QStringLiteral("WEAK_PASSWORD"));
    QCOMPARE(refused.context, QStringList{QStringLiteral("bob")});
    QCOMPARE(refused.text, QStringLiteral("A password has at least 8 characters"));
    const auto note = as<IrcEvents::StandardReply>(parse(":irc.test NOTE * SOMETHING :text"));
    QVERIFY(note.context.isEmpty());
    // Too short to be a standard reply.
    QVERIFY(std::holds_alternative<IrcEvents::Ignored>(parse("FAIL REGISTER")));
}

void tst_IrcEventParser::ignored_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("serverText");
    QTest::newRow("motd") << QByteArray(":irc.test 372 me :- hello") << false;
    QTest::newRow("end of who") << QByteArray(":irc.test 315 me #lobby :End of WHO") << false;
    QTest::newRow("CTCP VERSION") << QByteArray(":bob!b@h PRIVMSG me :\x01VERSION\x01") << false;
    QTest::newRow("unknown command") << QByteArray(":bob!b@h WALLOPS :hi") << false;
    QTest::newRow("server notice")
        << QByteArray(":irc.test NOTICE * :Looking up your host") << true;
    QTest::newRow("sourceless privmsg") << QByteArray("PRIVMSG me :odd") << true;
}

void tst_IrcEventParser::ignored()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, serverText);
    const IrcEvent event = parse(line);
    if (serverText)
        QVERIFY(std::holds_alternative<IrcEvents::ServerText>(event));
    else
        QVERIFY(std::holds_alternative<IrcEvents::Ignored>(event));
}

void tst_IrcEventParser::readMarkers_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QDateTime>("time");
    const QDateTime time = QDateTime(QDate(2026, 1, 2), QTime(10, 0, 0, 250), Qt::UTC);
    QTest::newRow("room") << QByteArray("MARKREAD #lobby timestamp=2026-01-02T10:00:00.250Z")
                          << QStringLiteral("#lobby") << time;
    QTest::newRow("private, from the server")
        << QByteArray(":confab.local MARKREAD bob timestamp=2026-01-02T10:00:00.250Z")
        << QStringLiteral("bob") << time;
    QTest::newRow("nothing read yet")
        << QByteArray("MARKREAD #lobby *") << QStringLiteral("#lobby") << QDateTime();
    QTest::newRow("not a time") << QByteArray("MARKREAD #lobby timestamp=yesterday")
                                << QStringLiteral("#lobby") << QDateTime();
    QTest::newRow("another selector")
        << QByteArray("MARKREAD #lobby msgid=abc") << QStringLiteral("#lobby") << QDateTime();
}

void tst_IrcEventParser::readMarkers()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, target);
    QFETCH(QDateTime, time);
    const auto marker = as<IrcEvents::ReadMarker>(parse(line));
    QCOMPARE(marker.target, target);
    QCOMPARE(marker.time, time);
    // Without a marker it says nothing.
    QVERIFY(std::holds_alternative<IrcEvents::Ignored>(parse("MARKREAD #lobby")));
}

void tst_IrcEventParser::offlineRecipient()
{
    const auto offline = as<IrcEvents::AwayReply>(
        parse(":confab.local 301 alice bob :Offline; your message is kept and delivered when "
              "they next log in"));
    QCOMPARE(offline.nick, QStringLiteral("bob"));
    QVERIFY(offline.offline);
    const auto away = as<IrcEvents::AwayReply>(parse(":confab.local 301 alice bob :Offline"));
    QVERIFY(!away.offline); // a person's own away message
}

void tst_IrcEventParser::welcomeEnd()
{
    QVERIFY(std::holds_alternative<IrcEvents::WelcomeEnd>(
        parse(":irc.test 376 me :End of /MOTD command.")));
    QVERIFY(std::holds_alternative<IrcEvents::WelcomeEnd>(
        parse(":irc.test 422 me :MOTD File is missing")));
}

void tst_IrcEventParser::modes()
{
    const auto op = as<IrcEvents::ModeChange>(parse(":alice!a@h MODE #lobby +o-v bob carol"));
    QCOMPARE(op.by, QStringLiteral("alice"));
    QCOMPARE(op.target, QStringLiteral("#lobby"));
    QCOMPARE(op.modes, QStringLiteral("+o-v"));
    QCOMPARE(op.args, (QStringList{"bob", "carol"}));
    const auto server = as<IrcEvents::ModeChange>(parse(":irc.test MODE #lobby +nt"));
    QCOMPARE(server.by, QStringLiteral("irc.test"));
    QVERIFY(server.args.isEmpty());
    const auto own = as<IrcEvents::ModeChange>(parse(":me MODE me :+i"));
    QCOMPARE(own.target, QStringLiteral("me"));
    QVERIFY(std::holds_alternative<IrcEvents::Ignored>(parse(":alice!a@h MODE #lobby")));
}

void tst_IrcEventParser::monitor()
{
    const auto online =
        as<IrcEvents::MonitorOnline>(parse(":irc.test 730 me :bob!b@h,Carol!c@h,dave"));
    QCOMPARE(online.nicks, (QStringList{"bob", "Carol", "dave"})); // an account: a bare name
    const auto offline = as<IrcEvents::MonitorOffline>(parse(":irc.test 731 me :bob,carol"));
    QCOMPARE(offline.nicks, (QStringList{"bob", "carol"}));
    const auto empty = as<IrcEvents::MonitorOffline>(parse(":irc.test 731 me :,,"));
    QVERIFY(empty.nicks.isEmpty());
    const auto full = as<IrcEvents::MonitorListFull>(
        parse(":irc.test 734 me 2 erin,fred :Monitor list is full."));
    QCOMPARE(full.limit, 2);
    QCOMPARE(full.nicks, (QStringList{"erin", "fred"}));
    const auto ison = as<IrcEvents::IsOnReply>(parse(":irc.test 303 me :bob carol"));
    QCOMPARE(ison.nicks, (QStringList{"bob", "carol"}));
    QVERIFY(as<IrcEvents::IsOnReply>(parse(":irc.test 303 me :")).nicks.isEmpty());
    // Hostile: a huge list is cut, never unbounded.
    QByteArray many = ":irc.test 730 me :";
    for (int i = 0; i < 2000; ++i)
        many += "n" + QByteArray::number(i) + ",";
    QVERIFY(as<IrcEvents::MonitorOnline>(parse(many)).nicks.size() <= 512);
}

void tst_IrcEventParser::typing_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("state"); // empty: not a typing event

    QTest::newRow("active in a room") << QByteArray("@+typing=active :bob!b@h TAGMSG #lobby")
                                      << "bob" << "#lobby" << "active";
    QTest::newRow("paused, private") << QByteArray("@+typing=paused :bob!b@h TAGMSG me") << "bob"
                                     << "me" << "paused";
    QTest::newRow("done with other tags")
        << QByteArray("@time=2026-01-01T00:00:00.000Z;+typing=done;msgid=x :bob!b@h TAGMSG me")
        << "bob" << "me" << "done";
    QTest::newRow("draft name") << QByteArray("@+draft/typing=active :bob!b@h TAGMSG #lobby")
                                << "bob" << "#lobby" << "active";
    QTest::newRow("unknown state") << QByteArray("@+typing=dancing :bob!b@h TAGMSG #lobby") << ""
                                   << "" << "";
    QTest::newRow("a reaction") << QByteArray("@+draft/react=x :bob!b@h TAGMSG #lobby") << ""
                                << "" << "";
    QTest::newRow("no target") << QByteArray("@+typing=active :bob!b@h TAGMSG") << "" << "" << "";
    QTest::newRow("no source") << QByteArray("@+typing=active TAGMSG #lobby") << "" << "" << "";
}

void tst_IrcEventParser::typing()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, sender);
    QFETCH(QString, target);
    QFETCH(QString, state);
    const IrcEvent event = parse(line);
    if (state.isEmpty()) {
        QVERIFY(std::holds_alternative<IrcEvents::Ignored>(event));
        return;
    }
    const auto typing = as<IrcEvents::Typing>(event);
    QCOMPARE(typing.sender, sender);
    QCOMPARE(typing.target, target);
    QCOMPARE(typing.state, state);
}

QTEST_GUILESS_MAIN(tst_IrcEventParser)
#include "tst_irceventparser.moc"

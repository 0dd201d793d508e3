#include "irccommand.h"
#include "ircmessage.h"

#include <QTest>

Q_DECLARE_METATYPE(IrcMessage::ParseError)

class tst_IrcMessage : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void parseTags_data();
    void parseTags();
    void parseErrors_data();
    void parseErrors();
    void roundTripLine_data();
    void roundTripLine();
    void roundTripMessage_data();
    void roundTripMessage();
    void serializeNeverBreaksFraming_data();
    void serializeNeverBreaksFraming();
    void serializeWritesValidUtf8();
    void toWireWithOtherTags();
    void invalidMessages_data();
    void invalidMessages();
    void invalidUtf8_data();
    void invalidUtf8();
    void toWireCutsAtCharacterBoundary_data();
    void toWireCutsAtCharacterBoundary();
    void source_data();
    void source();
    void serverTime();
    void tagAccessors();
    void numeric_data();
    void numeric();
};

void tst_IrcMessage::parse_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("params");

    QTest::newRow("command only") << QByteArray("LUSERS") << QString() << "LUSERS" << QStringList();
    QTest::newRow("lower-case command") << QByteArray("privmsg bob :hi") << QString() << "PRIVMSG"
                                        << QStringList{"bob", "hi"};
    QTest::newRow("mixed-case rare command") << QByteArray("wHoIs bob") << QString() << "WHOIS"
                                             << QStringList{"bob"};
    QTest::newRow("prefix of a common command") << QByteArray("priv x") << QString() << "PRIV"
                                                << QStringList{"x"};
    QTest::newRow("common command plus a letter") << QByteArray("Pingx") << QString() << "PINGX"
                                                  << QStringList();
    QTest::newRow("source and trailing")
        << QByteArray(":alice!a@host PRIVMSG #lobby :hello there") << "alice!a@host"
        << "PRIVMSG" << QStringList{"#lobby", "hello there"};
    QTest::newRow("trailing without colon") << QByteArray("NICK bob") << QString() << "NICK"
                                            << QStringList{"bob"};
    QTest::newRow("empty trailing") << QByteArray("TOPIC #a :") << QString() << "TOPIC"
                                    << QStringList{"#a", ""};
    QTest::newRow("trailing keeps colons and spaces")
        << QByteArray("PRIVMSG #a ::) see  you: ") << QString() << "PRIVMSG"
        << QStringList{"#a", ":) see  you: "};
    QTest::newRow("numeric") << QByteArray(":srv 433 * alice :Nickname is already in use")
                             << "srv"
                             << "433" << QStringList{"*", "alice", "Nickname is already in use"};
    QTest::newRow("extra spaces between fields")
        << QByteArray("  :srv   PING   a   :b c") << "srv"
        << "PING" << QStringList{"a", "b c"};
    QTest::newRow("trailing space after params") << QByteArray("JOIN #a ") << QString() << "JOIN"
                                                 << QStringList{"#a"};
    QTest::newRow("fifteen params")
        << QByteArray("X 1 2 3 4 5 6 7 8 9 10 11 12 13 14 :15 and more") << QString() << "X"
        << QStringList{"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                       "15 and more"};
    QTest::newRow("utf-8 text") << QByteArray("PRIVMSG #a :\xe4\xbd\xa0\xe5\xa5\xbd") << QString()
                                << "PRIVMSG" << QStringList{"#a", QStringLiteral("你好")};
    QTest::newRow("ctcp action") << QByteArray("PRIVMSG #a :\x01" "ACTION waves\x01") << QString()
                                 << "PRIVMSG" << QStringList{"#a", "\x01" "ACTION waves\x01"};
}

void tst_IrcMessage::parse()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, source);
    QFETCH(QString, command);
    QFETCH(QStringList, params);

    IrcMessage::ParseError error = IrcMessage::ParseError::Empty;
    const std::optional<IrcMessage> message = IrcMessage::parse(line, &error);
    QVERIFY(message.has_value());
    QCOMPARE(error, IrcMessage::ParseError::None);
    QCOMPARE(message->source(), source);
    QCOMPARE(message->command(), command);
    QCOMPARE(message->params(), params);
    QVERIFY(!message->hasInvalidUtf8());
}

void tst_IrcMessage::parseTags_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QStringList>("values");

    QTest::newRow("one tag") << QByteArray("@time=2026-11-23T05:00:00.000Z PING x")
                             << QStringList{"time"} << QStringList{"2026-11-23T05:00:00.000Z"};
    QTest::newRow("tag without value") << QByteArray("@draft/bot PING x")
                                       << QStringList{"draft/bot"} << QStringList{""};
    QTest::newRow("tag with empty value") << QByteArray("@a= PING x") << QStringList{"a"}
                                          << QStringList{""};
    QTest::newRow("client-only and vendor tags")
        << QByteArray("@+example.com/x=1;id=abc PING x") << QStringList{"+example.com/x", "id"}
        << QStringList{"1", "abc"};
    QTest::newRow("every escape") << QByteArray("@k=a\\:b\\sc\\\\d\\re\\nf PING x")
                                  << QStringList{"k"} << QStringList{"a;b c\\d\re\nf"};
    QTest::newRow("unknown escape drops backslash") << QByteArray("@k=\\b\\x PING x")
                                                    << QStringList{"k"} << QStringList{"bx"};
    QTest::newRow("lone trailing backslash dropped") << QByteArray("@k=ab\\ PING x")
                                                     << QStringList{"k"} << QStringList{"ab"};
    QTest::newRow("duplicate keys kept in order") << QByteArray("@a=1;a=2 PING x")
                                                  << QStringList{"a", "a"} << QStringList{"1", "2"};
    QTest::newRow("utf-8 value") << QByteArray("@k=\xc3\xa9 PING x") << QStringList{"k"}
                                 << QStringList{QStringLiteral("é")};
}

void tst_IrcMessage::parseTags()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, keys);
    QFETCH(QStringList, values);

    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    QVERIFY(message.has_value());
    QCOMPARE(message->tags().size(), keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(message->tags().at(i).key, keys.at(i));
        QCOMPARE(message->tags().at(i).value, values.at(i));
    }
    QCOMPARE(message->command(), QStringLiteral("PING"));
    QCOMPARE(message->params(), QStringList{"x"});
}

void tst_IrcMessage::parseErrors_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<IrcMessage::ParseError>("error");

    using E = IrcMessage::ParseError;
    QTest::newRow("empty line") << QByteArray() << E::Empty;
    QTest::newRow("only spaces") << QByteArray("     ") << E::Empty;
    QTest::newRow("lone CR") << QByteArray("\r") << E::ForbiddenByte;
    QTest::newRow("CR inside") << QByteArray("PRIVMSG a :b\rc") << E::ForbiddenByte;
    QTest::newRow("LF inside") << QByteArray("PRIVMSG a :b\nc") << E::ForbiddenByte;
    QTest::newRow("NUL inside") << QByteArray("PRIVMSG a :b\0c", 14) << E::ForbiddenByte;
    QTest::newRow("NUL alone") << QByteArray("\0", 1) << E::ForbiddenByte;
    QTest::newRow("at sign only") << QByteArray("@ PING") << E::BadTags;
    QTest::newRow("empty tag between") << QByteArray("@a;;b PING") << E::BadTags;
    QTest::newRow("empty tag key") << QByteArray("@=v PING") << E::BadTags;
    QTest::newRow("control char in tag key") << QByteArray("@a\x01 PING") << E::BadTags;
    QTest::newRow("tags without command") << QByteArray("@a=b") << E::NoCommand;
    QTest::newRow("tags and spaces without command") << QByteArray("@a=b   ") << E::NoCommand;
    QTest::newRow("colon only") << QByteArray(":") << E::BadSource;
    QTest::newRow("empty source") << QByteArray(": PING") << E::BadSource;
    QTest::newRow("source starting with colon") << QByteArray("::a PING") << E::BadSource;
    QTest::newRow("source without command") << QByteArray(":srv") << E::NoCommand;
    QTest::newRow("source and spaces without command") << QByteArray(":srv   ") << E::NoCommand;
    QTest::newRow("two-digit numeric") << QByteArray("43 x") << E::BadCommand;
    QTest::newRow("four-digit numeric") << QByteArray("4330 x") << E::BadCommand;
    QTest::newRow("mixed command") << QByteArray("PRIV1 x") << E::BadCommand;
    QTest::newRow("non-ascii command") << QByteArray("PR\xc3\xa9 x") << E::BadCommand;
    QTest::newRow("colon as command") << QByteArray("@a :srv :x") << E::BadCommand;
    QTest::newRow("sixteen params")
        << QByteArray("X 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16") << E::TooManyParams;
    QTest::newRow("sixteen params with trailing")
        << QByteArray("X 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 :16") << E::TooManyParams;
}

void tst_IrcMessage::parseErrors()
{
    QFETCH(QByteArray, line);
    QFETCH(IrcMessage::ParseError, error);

    IrcMessage::ParseError actual = IrcMessage::ParseError::None;
    QVERIFY(!IrcMessage::parse(line, &actual).has_value());
    QCOMPARE(actual, error);
    QVERIFY(qstrlen(IrcMessage::parseErrorText(actual)) > 0);
}

// Well-formed lines come back byte for byte.
void tst_IrcMessage::roundTripLine_data()
{
    QTest::addColumn<QByteArray>("line");

    QTest::newRow("plain") << QByteArray("PING token");
    QTest::newRow("explicit trailing one word") << QByteArray("PRIVMSG bob :hi");
    QTest::newRow("trailing needed") << QByteArray("PRIVMSG #lobby :hello world");
    QTest::newRow("empty trailing") << QByteArray("TOPIC #a :");
    QTest::newRow("colon-led trailing") << QByteArray("PRIVMSG #a ::-)");
    QTest::newRow("source") << QByteArray(":alice!al@127.0.0.1 NICK alicia");
    QTest::newRow("numeric") << QByteArray(":confab.local 001 alice :Welcome to Confab, alice");
    QTest::newRow("tags with escapes")
        << QByteArray("@time=2026-11-23T05:00:00.000Z;k=a\\:b\\sc\\\\d\\r\\n;flag :s PRIVMSG a :b");
    QTest::newRow("fifteen params") << QByteArray("X 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15");
    QTest::newRow("utf-8") << QByteArray("PRIVMSG #a :\xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80");
}

void tst_IrcMessage::roundTripLine()
{
    QFETCH(QByteArray, line);
    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    QVERIFY(message.has_value());
    QCOMPARE(message->serialize(), line);
}

// Valid messages survive serialize and parse unchanged.
void tst_IrcMessage::roundTripMessage_data()
{
    QTest::addColumn<IrcMessage>("message");

    QTest::newRow("privmsg factory") << IrcCommand::privmsg("#lobby", "hi there");
    QTest::newRow("text starting with colon") << IrcCommand::privmsg("bob", ":colon");
    QTest::newRow("empty text") << IrcCommand::privmsg("bob", QString());
    QTest::newRow("quit without reason") << IrcCommand::quit();
    IrcMessage tagged = IrcCommand::privmsg("bob", "x");
    tagged.setTag("msgid", "a;b c\\d\r\ne");
    tagged.setTag("flag");
    tagged.setSource("alice!a@h");
    QTest::newRow("tags and source") << tagged;
    QStringList fifteen;
    for (int i = 1; i <= 15; ++i)
        fifteen << QString::number(i);
    fifteen.last() = "last has spaces";
    QTest::newRow("fifteen params") << IrcMessage("X", fifteen);
    QTest::newRow("unicode") << IrcCommand::privmsg("#a", QStringLiteral("繁體 简体 😀"));
    for (int ascii = 0; ascii <= 17; ++ascii) {
        QTest::addRow("valid UTF-8 after %d ASCII bytes", ascii)
            << IrcCommand::privmsg("#a", QString(ascii, u'x') + QStringLiteral("é文😀") +
                                             QString(9, u'y'));
    }
    // Tag values are encoded in slices of 64 UTF-16 units: a pair must not be split across two.
    for (int before : {62, 63, 64, 127}) {
        IrcMessage longTag = IrcCommand::privmsg("bob", QStringLiteral("文字"));
        longTag.setTag("+k", QString(before, u'a') + QStringLiteral("😀; \\中") +
                                 QString(200, u'z'));
        QTest::addRow("long tag value, emoji after %d units", before) << longTag;
    }
}

void tst_IrcMessage::roundTripMessage()
{
    QFETCH(IrcMessage, message);
    QVERIFY2(message.isValid(), message.invalidReason());
    const QByteArray line = message.serialize();
    QVERIFY(!line.isEmpty());
    const std::optional<IrcMessage> parsed = IrcMessage::parse(line);
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, message);
}

void tst_IrcMessage::serializeNeverBreaksFraming_data()
{
    QTest::addColumn<IrcMessage>("message");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("CR LF in text become spaces")
        << IrcCommand::privmsg("bob", "one\r\ntwo") << QByteArray("PRIVMSG bob :one  two");
    QTest::newRow("NUL in text becomes a space")
        << IrcCommand::privmsg("bob", QString::fromLatin1("a\0b", 3))
        << QByteArray("PRIVMSG bob :a b");
    IrcMessage tagged("PING", {"x"});
    tagged.setTag("k", QString::fromLatin1("a\0b\r\n", 5));
    QTest::newRow("tag value NUL dropped, CR LF escaped") << tagged
                                                          << QByteArray("@k=ab\\r\\n PING x");
    QTest::newRow("space in last param forces trailing")
        << IrcMessage("MODE", {"#a", "+k", "a b"}) << QByteArray("MODE #a +k :a b");
}

void tst_IrcMessage::serializeWritesValidUtf8()
{
    // A lone surrogate cannot be encoded: it becomes U+FFFD, in every field.
    const QString lone = QString(QChar(0xD800)) + u'x';
    IrcMessage message("PRIVMSG", {lone, lone}, lone);
    message.setTag("k", lone);
    const QByteArray r("\xef\xbf\xbd");
    QCOMPARE(message.serialize(),
             QByteArray("@k=" + r + "x :" + r + "x PRIVMSG " + r + "x " + r + "x"));
}

void tst_IrcMessage::toWireWithOtherTags()
{
    IrcMessage message = IrcCommand::privmsg("bob", QStringLiteral("hi"));
    message.setSource("alice!a@h");
    message.setTag("msgid", "1");
    QCOMPARE(message.toWire(QList<IrcTag>{}, 512), QByteArray(":alice!a@h PRIVMSG bob :hi\r\n"));
    QCOMPARE(message.toWire(QList<IrcTag>{{"time", "t"}}, 512),
             QByteArray("@time=t :alice!a@h PRIVMSG bob :hi\r\n"));
    QCOMPARE(message.toWire(512), QByteArray("@msgid=1 :alice!a@h PRIVMSG bob :hi\r\n"));
    // The tags given are checked like the message's own.
    QVERIFY(message.toWire(QList<IrcTag>{{"bad key", "x"}}, 512).isEmpty());
    // The length limit counts without the tags, whichever tags are written.
    IrcMessage full("PRIVMSG", {"bob", QString(600, u'x')});
    const QByteArray cut = full.toWire(QList<IrcTag>{{"k", QString(100, u'v')}}, 512);
    QCOMPARE(cut.size(), qsizetype(sizeof("@k= ") - 1 + 100 + 512));
    QVERIFY(cut.endsWith("xx\r\n"));
}

void tst_IrcMessage::serializeNeverBreaksFraming()
{
    QFETCH(IrcMessage, message);
    QFETCH(QByteArray, expected);
    const QByteArray line = message.serialize();
    QCOMPARE(line, expected);
    QVERIFY(!line.contains('\r'));
    QVERIFY(!line.contains('\n'));
    QVERIFY(!line.contains('\0'));
}

void tst_IrcMessage::invalidMessages_data()
{
    QTest::addColumn<IrcMessage>("message");

    QTest::newRow("no command") << IrcMessage();
    QTest::newRow("bad command") << IrcMessage("PRIV MSG", {"a"});
    QTest::newRow("middle param with space") << IrcMessage("X", {"a b", "c"});
    QTest::newRow("empty middle param") << IrcMessage("X", {"", "c"});
    QTest::newRow("middle param with colon first") << IrcMessage("X", {":a", "c"});
    QTest::newRow("middle param with LF") << IrcMessage("X", {"a\nb", "c"});
    QTest::newRow("source with space") << IrcMessage("X", {"a"}, "a b");
    QTest::newRow("source with colon first") << IrcMessage("X", {"a"}, ":a");
    QStringList sixteen;
    for (int i = 0; i < 16; ++i)
        sixteen << "p";
    QTest::newRow("sixteen params") << IrcMessage("X", sixteen);
    IrcMessage badTag("X");
    badTag.setTag("a b", "c");
    QTest::newRow("tag key with space") << badTag;
}

void tst_IrcMessage::invalidMessages()
{
    QFETCH(IrcMessage, message);
    QVERIFY(!message.isValid());
    QVERIFY(message.invalidReason() != nullptr);
    QVERIFY(message.serialize().isEmpty());
    QVERIFY(message.toWire().isEmpty());
}

void tst_IrcMessage::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("text");

    const QString r(QChar::ReplacementCharacter);
    QTest::newRow("latin-1 byte") << QByteArray("PRIVMSG a :caf\xe9!") << "caf" + r + "!";
    QTest::newRow("truncated sequence") << QByteArray("PRIVMSG a :\xe4\xbd") << r + r;
    QTest::newRow("overlong slash") << QByteArray("PRIVMSG a :\xc0\xaf") << r + r;
    QTest::newRow("surrogate") << QByteArray("PRIVMSG a :\xed\xa0\x80") << r + r + r;
    QTest::newRow("above U+10FFFF") << QByteArray("PRIVMSG a :\xf4\x90\x80\x80") << r + r + r + r;
    QTest::newRow("lone continuation") << QByteArray("PRIVMSG a :\x80x") << r + "x";
    // ASCII is checked eight bytes at a time: a bad byte at every offset of a word is seen.
    for (int ascii = 0; ascii <= 17; ++ascii) {
        const QByteArray before(ascii, 'x');
        QTest::addRow("bad byte after %d ASCII bytes", ascii)
            << QByteArray("PRIVMSG a :" + before + "\xff" + QByteArray(9, 'y'))
            << QString::fromLatin1(before) + r + QString(9, u'y');
    }
}

void tst_IrcMessage::invalidUtf8()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, text);

    const std::optional<IrcMessage> message = IrcMessage::parse(line);
    QVERIFY(message.has_value());
    QVERIFY(message->hasInvalidUtf8());
    QCOMPARE(message->param(1), text);
    // What goes back out is valid UTF-8 again.
    const QByteArray out = message->serialize();
    QCOMPARE(QString::fromUtf8(out).toUtf8(), out);
    QVERIFY(!IrcMessage::parse(out)->hasInvalidUtf8());
}

void tst_IrcMessage::toWireCutsAtCharacterBoundary_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QByteArray>("expected");

    // "PRIVMSG a :" is 11 bytes; CR LF 2 more.
    QTest::newRow("fits") << "hello" << 18 << QByteArray("PRIVMSG a :hello\r\n");
    QTest::newRow("ascii cut") << "hello" << 16 << QByteArray("PRIVMSG a :hel\r\n");
    QTest::newRow("cut inside 3-byte char backs off")
        << QStringLiteral("你好") << 17 << QByteArray("PRIVMSG a :\xe4\xbd\xa0\r\n");
    QTest::newRow("cut right after char") << QStringLiteral("你好") << 16
                                          << QByteArray("PRIVMSG a :\xe4\xbd\xa0\r\n");
    QTest::newRow("nothing of the text fits") << QStringLiteral("你好") << 14 << QByteArray();
}

void tst_IrcMessage::toWireCutsAtCharacterBoundary()
{
    QFETCH(QString, text);
    QFETCH(int, limit);
    QFETCH(QByteArray, expected);

    IrcMessage message = IrcCommand::privmsg("a", text);
    message.setTag("time", "2026-11-23T05:00:00.000Z"); // tags do not count against the limit
    QByteArray wire = message.toWire(limit);
    if (!expected.isEmpty()) {
        QVERIFY(wire.startsWith("@time=2026-11-23T05:00:00.000Z "));
        wire.remove(0, qstrlen("@time=2026-11-23T05:00:00.000Z "));
    }
    QCOMPARE(wire, expected);
}

void tst_IrcMessage::source_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("nick");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");

    QTest::newRow("full") << "alice!al@127.0.0.1" << "alice" << "al" << "127.0.0.1";
    QTest::newRow("server") << "confab.local" << "confab.local" << "" << "";
    QTest::newRow("nick and host") << "bob@h" << "bob" << "" << "h";
    QTest::newRow("nick and user") << "bob!b" << "bob" << "b" << "";
    QTest::newRow("ipv6 host") << "c!c@::1" << "c" << "c" << "::1";
}

void tst_IrcMessage::source()
{
    QFETCH(QString, source);
    QFETCH(QString, nick);
    QFETCH(QString, user);
    QFETCH(QString, host);

    const IrcMessage message("PING", {"x"}, source);
    QCOMPARE(message.nick(), nick);
    QCOMPARE(message.user(), user);
    QCOMPARE(message.host(), host);
    if (!user.isEmpty() && !host.isEmpty())
        QCOMPARE(IrcMessage::makeSource(nick, user, host), source);
}

void tst_IrcMessage::serverTime()
{
    const QDateTime time(QDate(2026, 11, 23), QTime(5, 17, 39, 123), Qt::UTC);
    IrcMessage message = IrcCommand::privmsg("#a", "x");
    QVERIFY(!message.serverTime().isValid());
    message.setServerTime(time);
    QCOMPARE(message.tag("time"), QStringLiteral("2026-11-23T05:17:39.123Z"));
    const std::optional<IrcMessage> parsed = IrcMessage::parse(message.serialize());
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->serverTime(), time);

    IrcMessage garbage = message;
    garbage.setTag("time", "yesterday");
    QVERIFY(!garbage.serverTime().isValid());
}

void tst_IrcMessage::tagAccessors()
{
    IrcMessage message("PING", {"x"});
    QVERIFY(!message.hasTag("a"));
    message.setTag("a", "1");
    message.setTag("b");
    message.setTag("a", "2");
    QCOMPARE(message.tags().size(), 2);
    QCOMPARE(message.tag("a"), QStringLiteral("2"));
    QVERIFY(message.hasTag("b"));
    message.removeTag("a");
    QVERIFY(!message.hasTag("a"));
    QCOMPARE(message.serialize(), QByteArray("@b PING x"));

    // With duplicates on the wire, the last one counts.
    QCOMPARE(IrcMessage::parse("@a=1;a=2 PING x")->tag("a"), QStringLiteral("2"));
}

void tst_IrcMessage::numeric_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("numeric");

    QTest::newRow("welcome") << "001" << 1;
    QTest::newRow("nick in use") << "433" << 433;
    QTest::newRow("word") << "PRIVMSG" << -1;
}

void tst_IrcMessage::numeric()
{
    QFETCH(QString, command);
    QFETCH(int, numeric);
    const IrcMessage message(command, {"x"});
    QCOMPARE(message.numeric(), numeric);
    QCOMPARE(message.isNumeric(), numeric >= 0);
}

QTEST_GUILESS_MAIN(tst_IrcMessage)
#include "tst_ircmessage.moc"

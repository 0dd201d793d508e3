#include "irclineframer.h"

#include <QTest>

namespace {

// "L:<line>" for a line, "TOOLONG" for an over-long one: easy to compare in tables.
QStringList describe(const QList<IrcLineFramer::Frame>& frames)
{
    QStringList out;
    for (const IrcLineFramer::Frame& frame : frames) {
        if (frame.isLine())
            out << QLatin1String("L:") + QString::fromLatin1(frame.line);
        else
            out << QStringLiteral("TOOLONG");
    }
    return out;
}

} // namespace

class tst_IrcLineFramer : public QObject
{
    Q_OBJECT

private slots:
    void framing_data();
    void framing();
    void splitAtEveryByte_data();
    void splitAtEveryByte();
    void oneByteAtATime();
    void limits_data();
    void limits();
    void overlongWithoutNewlineStaysBounded();
    void overlongThenNormalLine();
    void tooLongExcerpt();
    void reset();
    void wholeLinesAreViewsIntoTheInput();
};

void tst_IrcLineFramer::framing_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one CRLF line") << QList<QByteArray>{"PING a\r\n"} << QStringList{"L:PING a"};
    QTest::newRow("bare LF") << QList<QByteArray>{"PING a\n"} << QStringList{"L:PING a"};
    QTest::newRow("bare CR") << QList<QByteArray>{"PING a\rPING b\r"}
                             << QStringList{"L:PING a", "L:PING b"};
    QTest::newRow("no terminator yet") << QList<QByteArray>{"PING a"} << QStringList{};
    QTest::newRow("terminator arrives later")
        << QList<QByteArray>{"PING a", "\r", "\n"} << QStringList{"L:PING a"};
    QTest::newRow("CR and LF in separate reads")
        << QList<QByteArray>{"PING a\r", "\nPING b\r\n"} << QStringList{"L:PING a", "L:PING b"};
    QTest::newRow("many lines in one read")
        << QList<QByteArray>{"A\r\nB\nC\r\nD\r\n"} << QStringList{"L:A", "L:B", "L:C", "L:D"};
    QTest::newRow("empty lines skipped")
        << QList<QByteArray>{"\r\n\r\n\nA\r\n\r\n"} << QStringList{"L:A"};
    QTest::newRow("lone CR only") << QList<QByteArray>{"\r"} << QStringList{};
    QTest::newRow("only spaces is a line for the parser")
        << QList<QByteArray>{"   \r\n"} << QStringList{"L:   "};
    QTest::newRow("NUL passes to the parser")
        << QList<QByteArray>{QByteArray("A\0B\n", 4)} << QStringList{QStringLiteral("L:A") + QChar(0) + "B"};
    QTest::newRow("half line then rest")
        << QList<QByteArray>{"PRIVMSG #a :hel", "lo\r\nPRI", "VMSG #a :x\r\n"}
        << QStringList{"L:PRIVMSG #a :hello", "L:PRIVMSG #a :x"};
}

void tst_IrcLineFramer::framing()
{
    QFETCH(QList<QByteArray>, chunks);
    QFETCH(QStringList, expected);

    IrcLineFramer framer;
    QStringList actual;
    for (const QByteArray& chunk : chunks)
        actual << describe(framer.feed(chunk));
    QCOMPARE(actual, expected);
}

void tst_IrcLineFramer::splitAtEveryByte_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("two CRLF lines")
        << QByteArray("@time=x :a!b@c PRIVMSG #lobby :hello world\r\nPING :tok\r\n")
        << QStringList{"L:@time=x :a!b@c PRIVMSG #lobby :hello world", "L:PING :tok"};
    QTest::newRow("mixed terminators") << QByteArray("A\nB\r\nC\rD\r\n")
                                       << QStringList{"L:A", "L:B", "L:C", "L:D"};
    QByteArray overlong = "PRIVMSG #a :" + QByteArray(600, 'x') + "\r\nPING ok\r\n";
    QTest::newRow("over-long then normal") << overlong << QStringList{"TOOLONG", "L:PING ok"};
}

// The same stream cut into two reads at every possible position gives the same frames.
void tst_IrcLineFramer::splitAtEveryByte()
{
    QFETCH(QByteArray, stream);
    QFETCH(QStringList, expected);

    for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
        IrcLineFramer framer;
        QStringList actual = describe(framer.feed(stream.left(cut)));
        actual << describe(framer.feed(stream.mid(cut)));
        QVERIFY2(actual == expected, qPrintable(QStringLiteral("cut at byte %1").arg(cut)));
        QCOMPARE(framer.bufferedBytes(), 0);
    }
}

void tst_IrcLineFramer::oneByteAtATime()
{
    const QByteArray stream = "NICK alice\r\nUSER a 0 * :Alice A\r\nJOIN #lobby\n";
    IrcLineFramer framer;
    QStringList actual;
    for (char c : stream)
        actual << describe(framer.feed(QByteArrayView(&c, 1)));
    QCOMPARE(actual, (QStringList{"L:NICK alice", "L:USER a 0 * :Alice A", "L:JOIN #lobby"}));
}

void tst_IrcLineFramer::limits_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("tooLong");

    // 510 bytes of content + CR LF = 512 bytes: the largest allowed.
    QTest::newRow("510 bytes fits") << QByteArray(510, 'x') << false;
    QTest::newRow("511 bytes is too long") << QByteArray(511, 'x') << true;
    const QByteArray tags = "@" + QByteArray(8189, 't') + " "; // 8191 bytes with '@' and space
    QTest::newRow("max tags and max line fit") << tags + QByteArray(510, 'x') << false;
    QTest::newRow("tags one over") << "@" + QByteArray(8190, 't') + " PING" << true;
    QTest::newRow("max tags, line one over") << tags + QByteArray(511, 'x') << true;
    QTest::newRow("tag part without space over") << "@" + QByteArray(8191, 't') << true;
    QTest::newRow("huge") << QByteArray(100000, 'x') << true;
}

void tst_IrcLineFramer::limits()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, tooLong);

    for (const QByteArray& terminator : {QByteArray("\r\n"), QByteArray("\n")}) {
        IrcLineFramer framer;
        const QList<IrcLineFramer::Frame> frames = framer.feed(line + terminator);
        QCOMPARE(frames.size(), 1);
        QCOMPARE(!frames.first().isLine(), tooLong);
        if (!tooLong)
            QCOMPARE(frames.first().line, line);
        QCOMPARE(framer.bufferedBytes(), 0);
        QVERIFY(!framer.isDiscarding());
    }
}

// A peer that never sends a line end cannot make the framer grow.
void tst_IrcLineFramer::overlongWithoutNewlineStaysBounded()
{
    IrcLineFramer framer;
    int tooLong = 0;
    const QByteArray chunk(4096, 'x');
    for (int i = 0; i < 1000; ++i) { // 4 MB without a line end
        for (const IrcLineFramer::Frame& frame : framer.feed(chunk)) {
            QVERIFY(!frame.isLine());
            ++tooLong;
        }
        QVERIFY(framer.bufferedBytes() <= Limits::MaxLineBytes + Limits::MaxTagBytes);
    }
    QCOMPARE(tooLong, 1); // reported once, not once per read
    QVERIFY(framer.isDiscarding());
    QCOMPARE(framer.bufferedBytes(), 0);

    // Tagged lines that never end are bounded too.
    IrcLineFramer tagged;
    QCOMPARE(describe(tagged.feed("@" + QByteArray(20000, 't'))), QStringList{"TOOLONG"});
    QCOMPARE(tagged.bufferedBytes(), 0);
}

void tst_IrcLineFramer::overlongThenNormalLine()
{
    IrcLineFramer framer;
    QStringList actual = describe(framer.feed(QByteArray(300, 'x')));
    actual << describe(framer.feed(QByteArray(300, 'x')));
    actual << describe(framer.feed(QByteArray(300, 'x') + "\r\nPING a\r\n"));
    QCOMPARE(actual, (QStringList{"TOOLONG", "L:PING a"}));
}

void tst_IrcLineFramer::tooLongExcerpt()
{
    IrcLineFramer framer(20, 100);
    const QList<IrcLineFramer::Frame> frames = framer.feed("PRIVMSG #a :" + QByteArray(100, 'y'));
    QCOMPARE(frames.size(), 1);
    QVERIFY(!frames.first().isLine());
    QVERIFY(frames.first().line.startsWith("PRIVMSG #a :"));
    QVERIFY(frames.first().line.size() <= 64);
}

void tst_IrcLineFramer::reset()
{
    IrcLineFramer framer;
    framer.feed("PING half");
    QCOMPARE(framer.bufferedBytes(), qsizetype(9));
    framer.reset();
    QCOMPARE(framer.bufferedBytes(), 0);
    QCOMPARE(describe(framer.feed("PONG x\r\n")), QStringList{"L:PONG x"});
}

QTEST_GUILESS_MAIN(tst_IrcLineFramer)
// The callback form hands out complete lines as views of the caller's bytes (no copy) and
// buffers only a line that is split across reads.
void tst_IrcLineFramer::wholeLinesAreViewsIntoTheInput()
{
    IrcLineFramer framer;
    const QByteArray first("PING a\r\nPRIVMSG b :c\nPAR");
    QList<QByteArrayView> views;
    QList<QByteArray> lines;
    const auto collect = [&](IrcLineFramer::Frame::Kind kind, QByteArrayView line) {
        QCOMPARE(kind, IrcLineFramer::Frame::Kind::Line);
        views.append(line);
        lines.append(line.toByteArray());
    };
    framer.feed(first, collect);
    QCOMPARE(lines, (QList<QByteArray>{"PING a", "PRIVMSG b :c"}));
    for (QByteArrayView view : views)
        QVERIFY(view.data() >= first.constData() && view.data() < first.constEnd());
    QCOMPARE(framer.bufferedBytes(), 3);

    views.clear();
    const QByteArray second("T #x\r\n");
    framer.feed(second, collect);
    QCOMPARE(lines.constLast(), QByteArray("PART #x"));
    QCOMPARE(views.size(), 1);
    QVERIFY(views.constFirst().data() < second.constData() ||
            views.constFirst().data() >= second.constEnd());
    QCOMPARE(framer.bufferedBytes(), 0);
}

#include "tst_irclineframer.moc"

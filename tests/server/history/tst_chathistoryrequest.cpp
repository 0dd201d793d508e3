// ChatHistoryRequest: the CHATHISTORY parameters as the IRCv3 draft/chathistory specification
// writes them, every subcommand and selector, limits lowered to the server's maximum, the exact
// FAIL code and context of every refusal, the strict timestamp form, and the store query a
// request maps to.
#include "history/chathistoryrequest.h"

#include <QTest>

using Subcommand = ChatHistoryRequest::Subcommand;
using BoundType = HistoryQuery::Bound::Type;
using Direction = HistoryQuery::Direction;

Q_DECLARE_METATYPE(ChatHistoryRequest::Subcommand)
Q_DECLARE_METATYPE(HistoryQuery::Bound::Type)
Q_DECLARE_METATYPE(HistoryQuery::Direction)

class tst_ChatHistoryRequest : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void limit_data();
    void limit();
    void errors_data();
    void errors();
    void parseTimestamp_data();
    void parseTimestamp();
    void query_data();
    void query();
};

namespace {

// 2024-01-02T03:04:05.678Z and its neighbours, in ms since the epoch (worked out independently:
// Python's datetime).
constexpr qint64 Jan2 = 1704164645678;
constexpr qint64 Jan2WholeSecond = 1704164645000;
constexpr qint64 Leap = 1709208000000; // 2024-02-29T12:00:00.000Z
const QString Stamp = QStringLiteral("timestamp=2024-01-02T03:04:05.678Z");
const QString LeapStamp = QStringLiteral("timestamp=2024-02-29T12:00:00.000Z");

QStringList words(const char* text)
{
    return QString::fromUtf8(text).split(u' ');
}

} // namespace

void tst_ChatHistoryRequest::parse_data()
{
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<Subcommand>("subcommand");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("target");
    QTest::addColumn<BoundType>("firstType");
    QTest::addColumn<QString>("firstMsgId");
    QTest::addColumn<qint64>("firstTime");
    QTest::addColumn<BoundType>("secondType");
    QTest::addColumn<QString>("secondMsgId");
    QTest::addColumn<qint64>("secondTime");
    QTest::addColumn<int>("limit");

    const QString none;
    const QString chan = QStringLiteral("#chan");
    QTest::newRow("LATEST *") << words("LATEST #chan * 50") << Subcommand::Latest
                              << QStringLiteral("LATEST") << chan << BoundType::None << none
                              << qint64(0) << BoundType::None << none << qint64(0) << 50;
    QTest::newRow("LATEST msgid") << words("LATEST #chan msgid=abc123 10") << Subcommand::Latest
                                  << QStringLiteral("LATEST") << chan << BoundType::MsgId
                                  << QStringLiteral("abc123") << qint64(0) << BoundType::None
                                  << none << qint64(0) << 10;
    QTest::newRow("LATEST timestamp")
        << QStringList{QStringLiteral("LATEST"), chan, Stamp, QStringLiteral("10")}
        << Subcommand::Latest << QStringLiteral("LATEST") << chan << BoundType::Timestamp << none
        << Jan2 << BoundType::None << none << qint64(0) << 10;
    QTest::newRow("LATEST to a nick") << words("LATEST alice * 1") << Subcommand::Latest
                                      << QStringLiteral("LATEST") << QStringLiteral("alice")
                                      << BoundType::None << none << qint64(0) << BoundType::None
                                      << none << qint64(0) << 1;
    QTest::newRow("BEFORE msgid") << words("BEFORE #chan msgid=m1 20") << Subcommand::Before
                                  << QStringLiteral("BEFORE") << chan << BoundType::MsgId
                                  << QStringLiteral("m1") << qint64(0) << BoundType::None << none
                                  << qint64(0) << 20;
    QTest::newRow("BEFORE timestamp")
        << QStringList{QStringLiteral("BEFORE"), chan, LeapStamp, QStringLiteral("20")}
        << Subcommand::Before << QStringLiteral("BEFORE") << chan << BoundType::Timestamp << none
        << Leap << BoundType::None << none << qint64(0) << 20;
    QTest::newRow("AFTER msgid") << words("AFTER #chan msgid=m2 30") << Subcommand::After
                                 << QStringLiteral("AFTER") << chan << BoundType::MsgId
                                 << QStringLiteral("m2") << qint64(0) << BoundType::None << none
                                 << qint64(0) << 30;
    QTest::newRow("AFTER timestamp")
        << QStringList{QStringLiteral("AFTER"), chan, Stamp, QStringLiteral("30")}
        << Subcommand::After << QStringLiteral("AFTER") << chan << BoundType::Timestamp << none
        << Jan2 << BoundType::None << none << qint64(0) << 30;
    QTest::newRow("AROUND msgid") << words("AROUND #chan msgid=m3 7") << Subcommand::Around
                                  << QStringLiteral("AROUND") << chan << BoundType::MsgId
                                  << QStringLiteral("m3") << qint64(0) << BoundType::None << none
                                  << qint64(0) << 7;
    QTest::newRow("AROUND timestamp")
        << QStringList{QStringLiteral("AROUND"), chan, Stamp, QStringLiteral("7")}
        << Subcommand::Around << QStringLiteral("AROUND") << chan << BoundType::Timestamp << none
        << Jan2 << BoundType::None << none << qint64(0) << 7;
    QTest::newRow("BETWEEN msgid msgid")
        << words("BETWEEN #chan msgid=a msgid=b 40") << Subcommand::Between
        << QStringLiteral("BETWEEN") << chan << BoundType::MsgId << QStringLiteral("a") << qint64(0)
        << BoundType::MsgId << QStringLiteral("b") << qint64(0) << 40;
    QTest::newRow("BETWEEN timestamp msgid")
        << QStringList{QStringLiteral("BETWEEN"), chan, Stamp, QStringLiteral("msgid=b"),
                       QStringLiteral("40")}
        << Subcommand::Between << QStringLiteral("BETWEEN") << chan << BoundType::Timestamp << none
        << Jan2 << BoundType::MsgId << QStringLiteral("b") << qint64(0) << 40;
    QTest::newRow("BETWEEN msgid timestamp")
        << QStringList{QStringLiteral("BETWEEN"), chan, QStringLiteral("msgid=a"), LeapStamp,
                       QStringLiteral("40")}
        << Subcommand::Between << QStringLiteral("BETWEEN") << chan << BoundType::MsgId
        << QStringLiteral("a") << qint64(0) << BoundType::Timestamp << none << Leap << 40;
    QTest::newRow("BETWEEN later first")
        << QStringList{QStringLiteral("BETWEEN"), chan, LeapStamp, Stamp, QStringLiteral("40")}
        << Subcommand::Between << QStringLiteral("BETWEEN") << chan << BoundType::Timestamp << none
        << Leap << BoundType::Timestamp << none << Jan2 << 40;
    QTest::newRow("TARGETS")
        << QStringList{QStringLiteral("TARGETS"), Stamp, LeapStamp, QStringLiteral("25")}
        << Subcommand::Targets << QStringLiteral("TARGETS") << QString() << BoundType::Timestamp
        << none << Jan2 << BoundType::Timestamp << none << Leap << 25;
    QTest::newRow("TARGETS later first")
        << QStringList{QStringLiteral("TARGETS"), LeapStamp, Stamp, QStringLiteral("25")}
        << Subcommand::Targets << QStringLiteral("TARGETS") << QString() << BoundType::Timestamp
        << none << Leap << BoundType::Timestamp << none << Jan2 << 25;
    QTest::newRow("lower-case subcommand")
        << words("latest #chan * 5") << Subcommand::Latest << QStringLiteral("LATEST") << chan
        << BoundType::None << none << qint64(0) << BoundType::None << none << qint64(0) << 5;
    QTest::newRow("mixed-case subcommand")
        << words("BeTwEeN #chan msgid=a msgid=b 5") << Subcommand::Between
        << QStringLiteral("BETWEEN") << chan << BoundType::MsgId << QStringLiteral("a") << qint64(0)
        << BoundType::MsgId << QStringLiteral("b") << qint64(0) << 5;
    QTest::newRow("lower-case targets")
        << QStringList{QStringLiteral("targets"), Stamp, LeapStamp, QStringLiteral("3")}
        << Subcommand::Targets << QStringLiteral("TARGETS") << QString() << BoundType::Timestamp
        << none << Jan2 << BoundType::Timestamp << none << Leap << 3;
    QTest::newRow("timestamp without milliseconds")
        << words("BEFORE #chan timestamp=2024-01-02T03:04:05Z 2") << Subcommand::Before
        << QStringLiteral("BEFORE") << chan << BoundType::Timestamp << none << Jan2WholeSecond
        << BoundType::None << none << qint64(0) << 2;
    const QString longest(ChatHistoryRequest::MaxMsgIdLength, u'x');
    QTest::newRow("msgid of the longest length")
        << QStringList{QStringLiteral("AFTER"), chan, QStringLiteral("msgid=") + longest,
                       QStringLiteral("2")}
        << Subcommand::After << QStringLiteral("AFTER") << chan << BoundType::MsgId << longest
        << qint64(0) << BoundType::None << none << qint64(0) << 2;
    QTest::newRow("msgid containing '='")
        << words("AFTER #chan msgid=a=b 2") << Subcommand::After << QStringLiteral("AFTER") << chan
        << BoundType::MsgId << QStringLiteral("a=b") << qint64(0) << BoundType::None << none
        << qint64(0) << 2;
}

void tst_ChatHistoryRequest::parse()
{
    QFETCH(QStringList, params);
    QFETCH(Subcommand, subcommand);
    QFETCH(QString, name);
    QFETCH(QString, target);
    QFETCH(BoundType, firstType);
    QFETCH(QString, firstMsgId);
    QFETCH(qint64, firstTime);
    QFETCH(BoundType, secondType);
    QFETCH(QString, secondMsgId);
    QFETCH(qint64, secondTime);
    QFETCH(int, limit);

    ChatHistoryRequest::Error error;
    const std::optional<ChatHistoryRequest> request = ChatHistoryRequest::parse(params, 100, &error);
    QVERIFY2(request, qPrintable(error.code + u' ' + error.context.join(u' ')));
    QCOMPARE(request->subcommand(), subcommand);
    QCOMPARE(request->subcommandName(), name);
    QCOMPARE(request->target(), target);
    QCOMPARE(request->first().type, firstType);
    QCOMPARE(request->first().msgid, firstMsgId);
    QCOMPARE(request->first().timeMs, firstTime);
    QCOMPARE(request->second().type, secondType);
    QCOMPARE(request->second().msgid, secondMsgId);
    QCOMPARE(request->second().timeMs, secondTime);
    QCOMPARE(request->limit(), limit);
}

void tst_ChatHistoryRequest::limit_data()
{
    QTest::addColumn<QString>("limit");
    QTest::addColumn<int>("maxLimit");
    QTest::addColumn<int>("expected");

    QTest::newRow("below the maximum") << QStringLiteral("99") << 100 << 99;
    QTest::newRow("the maximum") << QStringLiteral("100") << 100 << 100;
    QTest::newRow("above the maximum") << QStringLiteral("101") << 100 << 100;
    QTest::newRow("far above the maximum") << QStringLiteral("1000000") << 100 << 100;
    QTest::newRow("INT_MAX") << QStringLiteral("2147483647") << 1000 << 1000;
    QTest::newRow("one") << QStringLiteral("1") << 100 << 1;
    QTest::newRow("maximum of one") << QStringLiteral("50") << 1 << 1;
    QTest::newRow("leading zeros") << QStringLiteral("007") << 100 << 7;
}

void tst_ChatHistoryRequest::limit()
{
    QFETCH(QString, limit);
    QFETCH(int, maxLimit);
    QFETCH(int, expected);

    for (const QStringList& params :
         {QStringList{QStringLiteral("LATEST"), QStringLiteral("#c"), QStringLiteral("*"), limit},
          QStringList{QStringLiteral("BETWEEN"), QStringLiteral("#c"), QStringLiteral("msgid=a"),
                      QStringLiteral("msgid=b"), limit},
          QStringList{QStringLiteral("TARGETS"), Stamp, LeapStamp, limit}}) {
        ChatHistoryRequest::Error error;
        const std::optional<ChatHistoryRequest> request =
            ChatHistoryRequest::parse(params, maxLimit, &error);
        QVERIFY2(request, qPrintable(params.join(u' ')));
        QCOMPARE(request->limit(), expected);
        QCOMPARE(request->query().limit, expected);
    }
}

void tst_ChatHistoryRequest::errors_data()
{
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QStringList>("context");

    const QString needMore = QStringLiteral("NEED_MORE_PARAMS");
    const QString invalid = QStringLiteral("INVALID_PARAMS");
    const QString invalidTarget = QStringLiteral("INVALID_TARGET");
    const QString unknown = QStringLiteral("UNKNOWN_COMMAND");

    // What is missing.
    QTest::newRow("no parameters") << QStringList() << needMore << words("*");
    QTest::newRow("empty subcommand") << QStringList{QString()} << needMore << words("*");
    QTest::newRow("LATEST alone") << words("LATEST") << needMore << words("LATEST");
    QTest::newRow("LATEST without limit") << words("LATEST #chan *") << needMore << words("LATEST");
    QTest::newRow("BEFORE without limit")
        << words("before #chan msgid=a") << needMore << words("BEFORE");
    QTest::newRow("BETWEEN with one selector")
        << words("BETWEEN #chan msgid=a 10") << needMore << words("BETWEEN");
    QTest::newRow("TARGETS with one timestamp")
        << QStringList{QStringLiteral("TARGETS"), Stamp, QStringLiteral("10")} << needMore
        << words("TARGETS");

    // Unknown subcommands: reported upper-cased.
    QTest::newRow("unknown") << words("FOO #chan * 10") << unknown << words("FOO");
    QTest::newRow("unknown lower-case") << words("foo #chan * 10") << unknown << words("FOO");
    QTest::newRow("prefix of a subcommand") << words("LATES #chan * 10") << unknown
                                            << words("LATES");
    QTest::newRow("subcommand with a suffix") << words("LATESTX #chan * 10") << unknown
                                              << words("LATESTX");
    QTest::newRow("unknown without more") << words("BOGUS") << unknown << words("BOGUS");

    // Limits: a positive decimal number.
    QTest::newRow("limit 0") << words("LATEST #chan * 0") << invalid << words("LATEST 0");
    QTest::newRow("limit -1") << words("LATEST #chan * -1") << invalid << words("LATEST -1");
    QTest::newRow("limit abc") << words("LATEST #chan * abc") << invalid << words("LATEST abc");
    QTest::newRow("limit +5") << words("LATEST #chan * +5") << invalid << words("LATEST +5");
    QTest::newRow("limit empty") << QStringList{QStringLiteral("LATEST"), QStringLiteral("#chan"),
                                                QStringLiteral("*"), QString()}
                                 << invalid << QStringList{QStringLiteral("LATEST"), QString()};
    QTest::newRow("limit 5x") << words("AFTER #chan msgid=a 5x") << invalid << words("AFTER 5x");
    QTest::newRow("limit 1.5") << words("AFTER #chan msgid=a 1.5") << invalid << words("AFTER 1.5");
    QTest::newRow("limit 0x10") << words("AFTER #chan msgid=a 0x10") << invalid
                                << words("AFTER 0x10");
    QTest::newRow("limit beyond int") << words("AFTER #chan msgid=a 99999999999") << invalid
                                      << words("AFTER 99999999999");
    QTest::newRow("limit *") << words("LATEST #chan * *") << invalid << words("LATEST *");
    QTest::newRow("TARGETS limit 0") << QStringList{QStringLiteral("TARGETS"), Stamp, LeapStamp,
                                                    QStringLiteral("0")}
                                     << invalid << words("TARGETS 0");
    QTest::newRow("BETWEEN limit -3")
        << words("BETWEEN #chan msgid=a msgid=b -3") << invalid << words("BETWEEN -3");

    // Selectors.
    QTest::newRow("unknown selector") << words("BEFORE #chan foo=bar 10") << invalid
                                      << words("BEFORE foo=bar");
    QTest::newRow("bare msgid value") << words("BEFORE #chan abc 10") << invalid
                                      << words("BEFORE abc");
    QTest::newRow("upper-case selector") << words("BEFORE #chan MSGID=abc 10") << invalid
                                         << words("BEFORE MSGID=abc");
    QTest::newRow("empty msgid") << words("AFTER #chan msgid= 10") << invalid
                                 << words("AFTER msgid=");
    QTest::newRow("empty timestamp") << words("AFTER #chan timestamp= 10") << invalid
                                     << words("AFTER timestamp=");
    QTest::newRow("empty selector")
        << QStringList{QStringLiteral("AROUND"), QStringLiteral("#chan"), QString(),
                       QStringLiteral("10")}
        << invalid << QStringList{QStringLiteral("AROUND"), QString()};
    const QString tooLong = QStringLiteral("msgid=") +
                            QString(ChatHistoryRequest::MaxMsgIdLength + 1, u'x');
    QTest::newRow("msgid too long")
        << QStringList{QStringLiteral("AFTER"), QStringLiteral("#chan"), tooLong,
                       QStringLiteral("10")}
        << invalid << QStringList{QStringLiteral("AFTER"), tooLong};
    QTest::newRow("* in BEFORE") << words("BEFORE #chan * 10") << invalid << words("BEFORE *");
    QTest::newRow("* in AFTER") << words("AFTER #chan * 10") << invalid << words("AFTER *");
    QTest::newRow("* in AROUND") << words("AROUND #chan * 10") << invalid << words("AROUND *");
    QTest::newRow("* first in BETWEEN") << words("BETWEEN #chan * msgid=b 10") << invalid
                                        << words("BETWEEN *");
    QTest::newRow("* second in BETWEEN") << words("BETWEEN #chan msgid=a * 10") << invalid
                                         << words("BETWEEN *");
    QTest::newRow("bad second in BETWEEN") << words("BETWEEN #chan msgid=a what 10") << invalid
                                           << words("BETWEEN what");
    QTest::newRow("* in TARGETS")
        << QStringList{QStringLiteral("TARGETS"), QStringLiteral("*"), Stamp, QStringLiteral("10")}
        << invalid << words("TARGETS *");
    QTest::newRow("msgid first in TARGETS")
        << QStringList{QStringLiteral("TARGETS"), QStringLiteral("msgid=abc"), Stamp,
                       QStringLiteral("10")}
        << invalid << words("TARGETS msgid=abc");
    QTest::newRow("msgid second in TARGETS")
        << QStringList{QStringLiteral("TARGETS"), Stamp, QStringLiteral("msgid=abc"),
                       QStringLiteral("10")}
        << invalid << words("TARGETS msgid=abc");
    QTest::newRow("timestamp with a bad month")
        << words("BEFORE #chan timestamp=2024-13-01T00:00:00.000Z 10") << invalid
        << words("BEFORE timestamp=2024-13-01T00:00:00.000Z");
    QTest::newRow("timestamp without Z")
        << words("AFTER #chan timestamp=2024-01-01T00:00:00.000 10") << invalid
        << words("AFTER timestamp=2024-01-01T00:00:00.000");
    QTest::newRow("timestamp with an offset")
        << words("LATEST #chan timestamp=2024-01-01T00:00:00.000+01:00 10") << invalid
        << words("LATEST timestamp=2024-01-01T00:00:00.000+01:00");
    QTest::newRow("bad timestamp second in BETWEEN")
        << words("BETWEEN #chan msgid=a timestamp=2024-02-30T00:00:00.000Z 10") << invalid
        << words("BETWEEN timestamp=2024-02-30T00:00:00.000Z");
    QTest::newRow("bad timestamp in TARGETS")
        << QStringList{QStringLiteral("TARGETS"), Stamp,
                       QStringLiteral("timestamp=2024-01-01 00:00:00Z"), QStringLiteral("10")}
        << invalid << QStringList{QStringLiteral("TARGETS"),
                                  QStringLiteral("timestamp=2024-01-01 00:00:00Z")};

    // Targets.
    QTest::newRow("empty target")
        << QStringList{QStringLiteral("LATEST"), QString(), QStringLiteral("*"),
                       QStringLiteral("10")}
        << invalidTarget << QStringList{QStringLiteral("LATEST"), QString()};
    QTest::newRow("two targets") << words("BEFORE #a,#b msgid=a 10") << invalidTarget
                                 << words("BEFORE #a,#b");
    QTest::newRow("trailing comma") << words("AFTER alice, msgid=a 10") << invalidTarget
                                    << words("AFTER alice,");
    QTest::newRow("target with a space")
        << QStringList{QStringLiteral("AROUND"), QStringLiteral("a b"), QStringLiteral("msgid=a"),
                       QStringLiteral("10")}
        << invalidTarget << QStringList{QStringLiteral("AROUND"), QStringLiteral("a b")};
    QTest::newRow("empty target in BETWEEN")
        << QStringList{QStringLiteral("between"), QString(), QStringLiteral("msgid=a"),
                       QStringLiteral("msgid=b"), QStringLiteral("10")}
        << invalidTarget << QStringList{QStringLiteral("BETWEEN"), QString()};
}

void tst_ChatHistoryRequest::errors()
{
    QFETCH(QStringList, params);
    QFETCH(QString, code);
    QFETCH(QStringList, context);

    ChatHistoryRequest::Error error;
    const std::optional<ChatHistoryRequest> request = ChatHistoryRequest::parse(params, 100, &error);
    QVERIFY(!request);
    QCOMPARE(error.code, code);
    QCOMPARE(error.context, context);
    QVERIFY(!error.description.isEmpty());
}

void tst_ChatHistoryRequest::parseTimestamp_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("full") << QStringLiteral("2024-01-02T03:04:05.678Z") << true << Jan2;
    QTest::newRow("no milliseconds") << QStringLiteral("2024-01-02T03:04:05Z") << true
                                     << Jan2WholeSecond;
    QTest::newRow("zero milliseconds") << QStringLiteral("2024-01-02T03:04:05.000Z") << true
                                       << Jan2WholeSecond;
    QTest::newRow("one digit is tenths") << QStringLiteral("2024-01-02T03:04:05.6Z") << true
                                         << Jan2WholeSecond + 600;
    QTest::newRow("two digits are hundredths") << QStringLiteral("2024-01-02T03:04:05.67Z")
                                               << true << Jan2WholeSecond + 670;
    QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00.000Z") << true << qint64(0);
    QTest::newRow("before the epoch") << QStringLiteral("1969-12-31T23:59:59.999Z") << true
                                      << qint64(-1);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00.000Z") << true << Leap;
    QTest::newRow("after 2038") << QStringLiteral("2100-12-31T23:59:59.999Z") << true
                                << qint64(4133980799999);

    const qint64 none = 0;
    QTest::newRow("empty") << QString() << false << none;
    QTest::newRow("month 13") << QStringLiteral("2024-13-01T00:00:00.000Z") << false << none;
    QTest::newRow("month 00") << QStringLiteral("2024-00-01T00:00:00.000Z") << false << none;
    QTest::newRow("February 30") << QStringLiteral("2024-02-30T00:00:00.000Z") << false << none;
    QTest::newRow("February 29 of 2023") << QStringLiteral("2023-02-29T00:00:00.000Z") << false
                                         << none;
    QTest::newRow("hour 25") << QStringLiteral("2024-01-01T25:00:00.000Z") << false << none;
    QTest::newRow("minute 60") << QStringLiteral("2024-01-01T00:60:00.000Z") << false << none;
    QTest::newRow("second 60") << QStringLiteral("2024-01-01T00:00:60.000Z") << false << none;
    QTest::newRow("missing Z") << QStringLiteral("2024-01-01T00:00:00.000") << false << none;
    QTest::newRow("lower-case z") << QStringLiteral("2024-01-01T00:00:00.000z") << false << none;
    QTest::newRow("lower-case t") << QStringLiteral("2024-01-01t00:00:00.000Z") << false << none;
    QTest::newRow("offset +01:00") << QStringLiteral("2024-01-01T00:00:00.000+01:00") << false
                                   << none;
    QTest::newRow("offset +00:00") << QStringLiteral("2024-01-01T00:00:00+00:00") << false << none;
    QTest::newRow("offset -0500") << QStringLiteral("2024-01-01T00:00:00-0500") << false << none;
    QTest::newRow("Z and an offset") << QStringLiteral("2024-01-01T00:00:00Z+01:00") << false
                                     << none;
    QTest::newRow("space for T") << QStringLiteral("2024-01-01 00:00:00.000Z") << false << none;
    QTest::newRow("date only") << QStringLiteral("2024-01-01") << false << none;
    QTest::newRow("date and Z") << QStringLiteral("2024-01-01Z") << false << none;
    QTest::newRow("no seconds") << QStringLiteral("2024-01-01T00:00Z") << false << none;
    QTest::newRow("four fraction digits") << QStringLiteral("2024-01-01T00:00:00.0000Z") << false
                                          << none;
    QTest::newRow("empty fraction") << QStringLiteral("2024-01-01T00:00:00.Z") << false << none;
    QTest::newRow("comma fraction") << QStringLiteral("2024-01-01T00:00:00,000Z") << false << none;
    QTest::newRow("basic format") << QStringLiteral("20240101T000000Z") << false << none;
    QTest::newRow("five-digit year") << QStringLiteral("12024-01-01T00:00:00Z") << false << none;
    QTest::newRow("negative year") << QStringLiteral("-2024-01-01T00:00:00Z") << false << none;
    QTest::newRow("single-digit month") << QStringLiteral("2024-1-01T00:00:00.000Z") << false
                                        << none;
    QTest::newRow("leading space") << QStringLiteral(" 2024-01-01T00:00:00.000Z") << false << none;
    QTest::newRow("trailing space") << QStringLiteral("2024-01-01T00:00:00.000Z ") << false << none;
    QTest::newRow("trailing newline") << QStringLiteral("2024-01-01T00:00:00.000Z\n") << false
                                      << none;
    QTest::newRow("seconds since the epoch") << QStringLiteral("1704067200") << false << none;
    QTest::newRow("with the prefix") << QStringLiteral("timestamp=2024-01-01T00:00:00.000Z")
                                     << false << none;
    QTest::newRow("fullwidth digits")
        << QStringLiteral("\uFF12\uFF10\uFF12\uFF14-01-01T00:00:00.000Z") << false << none;
    QTest::newRow("Arabic-Indic digits")
        << QStringLiteral("\u0662\u0660\u0662\u0664-01-01T00:00:00.000Z") << false << none;
    QTest::newRow("NUL inside") << QString::fromUtf8("2024-01-01T00:00:00\0.000Z", 25) << false
                                << none;
}

void tst_ChatHistoryRequest::parseTimestamp()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, ms);

    const std::optional<qint64> parsed = ChatHistoryRequest::parseTimestamp(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, ms);
}

void tst_ChatHistoryRequest::query_data()
{
    QTest::addColumn<QStringList>("params");
    QTest::addColumn<Direction>("direction");
    QTest::addColumn<BoundType>("firstType");
    QTest::addColumn<BoundType>("secondType");
    QTest::addColumn<int>("limit");

    QTest::newRow("LATEST *") << words("LATEST #c * 9") << Direction::Latest << BoundType::None
                              << BoundType::None << 9;
    QTest::newRow("LATEST msgid") << words("LATEST #c msgid=a 9") << Direction::Latest
                                  << BoundType::MsgId << BoundType::None << 9;
    QTest::newRow("BEFORE") << words("BEFORE #c msgid=a 8") << Direction::Before
                            << BoundType::MsgId << BoundType::None << 8;
    QTest::newRow("AFTER") << QStringList{QStringLiteral("AFTER"), QStringLiteral("#c"), Stamp,
                                          QStringLiteral("7")}
                           << Direction::After << BoundType::Timestamp << BoundType::None << 7;
    QTest::newRow("AROUND") << words("AROUND #c msgid=a 6") << Direction::Around
                            << BoundType::MsgId << BoundType::None << 6;
    QTest::newRow("BETWEEN") << QStringList{QStringLiteral("BETWEEN"), QStringLiteral("#c"),
                                            QStringLiteral("msgid=a"), Stamp, QStringLiteral("5")}
                             << Direction::Between << BoundType::MsgId << BoundType::Timestamp
                             << 5;
    QTest::newRow("TARGETS") << QStringList{QStringLiteral("TARGETS"), Stamp, LeapStamp,
                                            QStringLiteral("4")}
                             << Direction::Between << BoundType::Timestamp << BoundType::Timestamp
                             << 4;
    QTest::newRow("clamped") << words("BEFORE #c msgid=a 5000") << Direction::Before
                             << BoundType::MsgId << BoundType::None << 100;
}

void tst_ChatHistoryRequest::query()
{
    QFETCH(QStringList, params);
    QFETCH(Direction, direction);
    QFETCH(BoundType, firstType);
    QFETCH(BoundType, secondType);
    QFETCH(int, limit);

    ChatHistoryRequest::Error error;
    const std::optional<ChatHistoryRequest> request = ChatHistoryRequest::parse(params, 100, &error);
    QVERIFY(request);
    const HistoryQuery query = request->query();
    QCOMPARE(query.direction, direction);
    QCOMPARE(query.first.type, firstType);
    QCOMPARE(query.first.msgid, request->first().msgid);
    QCOMPARE(query.first.timeMs, request->first().timeMs);
    QCOMPARE(query.second.type, secondType);
    QCOMPARE(query.second.msgid, request->second().msgid);
    QCOMPARE(query.second.timeMs, request->second().timeMs);
    QCOMPARE(query.limit, limit);
    // Whose copy and which conversation are the caller's to fill in.
    QVERIFY(query.owner.isEmpty());
    QVERIFY(query.target.isEmpty());
    QVERIFY(!query.includeEvents);
}

QTEST_GUILESS_MAIN(tst_ChatHistoryRequest)
#include "tst_chathistoryrequest.moc"

#include "ircmessage.h"
#include "session/batchcollector.h"

#include <QTest>

// IRCv3 batches gathered from lines without a socket: complete, nested, interleaved, and what a
// hostile or broken server may send (unknown ids, endless batches, too many open).
class tst_BatchCollector : public QObject
{
    Q_OBJECT

private slots:
    void feed_data();
    void feed();
    void completedBatch();
    void nestedBatchesGoToTheOutermost();
    void interleavedBatches();
    void boundedLines();
    void boundedOpenBatches();
    void clearForgetsOpenBatches();
};

namespace {

IrcMessage line(const QByteArray& text)
{
    const std::optional<IrcMessage> message = IrcMessage::parse(text);
    if (!message)
        qFatal("test line does not parse: %s", text.constData());
    return *message;
}

} // namespace

Q_DECLARE_METATYPE(BatchCollector::Result)

// Each row: lines fed in order, and what feeding each one returns.
void tst_BatchCollector::feed_data()
{
    using R = BatchCollector::Result;
    QTest::addColumn<QList<QByteArray>>("lines");
    QTest::addColumn<QList<BatchCollector::Result>>("results");

    QTest::newRow("a line outside any batch")
        << QList<QByteArray>{":a!a@h PRIVMSG #r :hi"} << QList<R>{R::Unbatched};
    QTest::newRow("open, a line, close")
        << QList<QByteArray>{"BATCH +x chathistory #r", "@batch=x :a!a@h PRIVMSG #r :hi",
                             "BATCH -x"}
        << QList<R>{R::Collected, R::Collected, R::Completed};
    QTest::newRow("an empty batch") << QList<QByteArray>{"BATCH +x chathistory #r", "BATCH -x"}
                                    << QList<R>{R::Collected, R::Completed};
    QTest::newRow("unknown batch id: the tag is ignored")
        << QList<QByteArray>{"@batch=nope :a!a@h PRIVMSG #r :hi"} << QList<R>{R::Unbatched};
    QTest::newRow("closing an unknown batch is ignored")
        << QList<QByteArray>{"BATCH -nope"} << QList<R>{R::Collected};
    QTest::newRow("closed twice") << QList<QByteArray>{"BATCH +x t", "BATCH -x", "BATCH -x"}
                                  << QList<R>{R::Collected, R::Completed, R::Collected};
    QTest::newRow("a line after its batch closed")
        << QList<QByteArray>{"BATCH +x t", "BATCH -x", "@batch=x :a!a@h PRIVMSG #r :late"}
        << QList<R>{R::Collected, R::Completed, R::Unbatched};
    QTest::newRow("BATCH without a reference")
        << QList<QByteArray>{"BATCH", "BATCH +", "BATCH -", "BATCH x chathistory"}
        << QList<R>{R::Collected, R::Collected, R::Collected, R::Collected};
    QTest::newRow("an id too long")
        << QList<QByteArray>{"BATCH +" + QByteArray(65, 'x') + " t",
                             "@batch=" + QByteArray(65, 'x') + " :a!a@h PRIVMSG #r :hi"}
        << QList<R>{R::Collected, R::Unbatched};
    QTest::newRow("opened twice: the second is ignored")
        << QList<QByteArray>{"BATCH +x a", "BATCH +x b", "BATCH -x"}
        << QList<R>{R::Collected, R::Collected, R::Completed};
}

void tst_BatchCollector::feed()
{
    QFETCH(QList<QByteArray>, lines);
    QFETCH(QList<BatchCollector::Result>, results);
    BatchCollector collector;
    QCOMPARE(lines.size(), results.size());
    for (qsizetype i = 0; i < lines.size(); ++i)
        QCOMPARE(collector.feed(line(lines.at(i))), results.at(i));
}

void tst_BatchCollector::completedBatch()
{
    BatchCollector collector;
    collector.feed(line("BATCH +h1 chathistory #room"));
    collector.feed(
        line("@batch=h1;msgid=a;time=2026-01-01T10:00:00.000Z :bob!b@h PRIVMSG #room :one"));
    collector.feed(
        line("@batch=h1;msgid=b;time=2026-01-01T10:00:01.000Z :bob!b@h PRIVMSG #room :two"));
    QCOMPARE(collector.feed(line("BATCH -h1")), BatchCollector::Result::Completed);
    const IrcBatch batch = collector.takeCompleted();
    QCOMPARE(batch.id, QStringLiteral("h1"));
    QCOMPARE(batch.type, QStringLiteral("chathistory"));
    QCOMPARE(batch.params, QStringList{QStringLiteral("#room")});
    QVERIFY(batch.isHistory());
    QCOMPARE(batch.messages.size(), 2);
    QCOMPARE(batch.messages.at(0).param(1), QStringLiteral("one"));
    QCOMPARE(batch.messages.at(1).tag(QStringLiteral("msgid")), QStringLiteral("b"));
    QCOMPARE(collector.openCount(), 0);
    QVERIFY(collector.takeCompleted().messages.isEmpty()); // taken once

    collector.feed(line("BATCH +t draft/chathistory-targets"));
    collector.feed(line("@batch=t CHATHISTORY TARGETS bob 2026-01-01T10:00:00.000Z"));
    QCOMPARE(collector.feed(line("BATCH -t")), BatchCollector::Result::Completed);
    const IrcBatch targets = collector.takeCompleted();
    QVERIFY(targets.isHistory());
    QCOMPARE(targets.messages.constFirst().param(1), QStringLiteral("bob"));

    collector.feed(line("BATCH +n netsplit a.example b.example"));
    collector.feed(line("BATCH -n"));
    QVERIFY(!collector.takeCompleted().isHistory());
}

void tst_BatchCollector::nestedBatchesGoToTheOutermost()
{
    BatchCollector collector;
    collector.feed(line("BATCH +outer chathistory #room"));
    collector.feed(line("@batch=outer :a!a@h PRIVMSG #room :first"));
    QCOMPARE(collector.feed(line("@batch=outer BATCH +inner draft/multiline #room")),
             BatchCollector::Result::Collected);
    collector.feed(line("@batch=inner :a!a@h PRIVMSG #room :second"));
    QCOMPARE(collector.feed(line("BATCH -inner")), BatchCollector::Result::Collected);
    collector.feed(line("@batch=outer :a!a@h PRIVMSG #room :third"));
    QCOMPARE(collector.feed(line("BATCH -outer")), BatchCollector::Result::Completed);
    const IrcBatch batch = collector.takeCompleted();
    QCOMPARE(batch.type, QStringLiteral("chathistory"));
    QCOMPARE(batch.messages.size(), 3);
    QCOMPARE(batch.messages.at(1).param(1), QStringLiteral("second"));

    // An inner batch left open ends with its outermost one.
    collector.feed(line("BATCH +o2 chathistory #room"));
    collector.feed(line("@batch=o2 BATCH +i2 x"));
    QCOMPARE(collector.feed(line("BATCH -o2")), BatchCollector::Result::Completed);
    QCOMPARE(collector.openCount(), 0);
    QCOMPARE(collector.feed(line("@batch=i2 :a!a@h PRIVMSG #room :stray")),
             BatchCollector::Result::Unbatched);
}

void tst_BatchCollector::interleavedBatches()
{
    BatchCollector collector;
    collector.feed(line("BATCH +a chathistory #one"));
    collector.feed(line("BATCH +b chathistory #two"));
    collector.feed(line("@batch=b :x!x@h PRIVMSG #two :to two"));
    collector.feed(line("@batch=a :x!x@h PRIVMSG #one :to one"));
    QCOMPARE(collector.feed(line("BATCH -b")), BatchCollector::Result::Completed);
    IrcBatch batch = collector.takeCompleted();
    QCOMPARE(batch.params.value(0), QStringLiteral("#two"));
    QCOMPARE(batch.messages.size(), 1);
    QCOMPARE(collector.feed(line("BATCH -a")), BatchCollector::Result::Completed);
    batch = collector.takeCompleted();
    QCOMPARE(batch.params.value(0), QStringLiteral("#one"));
    QCOMPARE(batch.messages.constFirst().param(1), QStringLiteral("to one"));
}

void tst_BatchCollector::boundedLines()
{
    BatchCollector collector;
    collector.feed(line("BATCH +big chathistory #room"));
    const IrcMessage message = line("@batch=big :a!a@h PRIVMSG #room :spam");
    for (int i = 0; i < BatchCollector::MaxLinesPerBatch + 500; ++i)
        QCOMPARE(collector.feed(message), BatchCollector::Result::Collected);
    QCOMPARE(collector.feed(line("BATCH -big")), BatchCollector::Result::Completed);
    QCOMPARE(collector.takeCompleted().messages.size(), BatchCollector::MaxLinesPerBatch);
}

void tst_BatchCollector::boundedOpenBatches()
{
    BatchCollector collector;
    for (int i = 0; i < BatchCollector::MaxOpenBatches + 10; ++i)
        collector.feed(line("BATCH +b" + QByteArray::number(i) + " chathistory #room"));
    QCOMPARE(collector.openCount(), BatchCollector::MaxOpenBatches);
    // Past the limit a batch is not opened: its lines count as unbatched.
    const QByteArray last = QByteArray::number(BatchCollector::MaxOpenBatches + 5);
    QCOMPARE(collector.feed(line("@batch=b" + last + " :a!a@h PRIVMSG #room :x")),
             BatchCollector::Result::Unbatched);
    QCOMPARE(collector.feed(line("@batch=b0 :a!a@h PRIVMSG #room :x")),
             BatchCollector::Result::Collected);
}

void tst_BatchCollector::clearForgetsOpenBatches()
{
    BatchCollector collector;
    collector.feed(line("BATCH +x chathistory #room"));
    collector.clear();
    QCOMPARE(collector.openCount(), 0);
    QCOMPARE(collector.feed(line("@batch=x :a!a@h PRIVMSG #room :x")),
             BatchCollector::Result::Unbatched);
    QCOMPARE(collector.feed(line("BATCH -x")), BatchCollector::Result::Collected);
}

QTEST_GUILESS_MAIN(tst_BatchCollector)
#include "tst_batchcollector.moc"
